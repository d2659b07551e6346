"""Pure extraction of a film record from the text of a film page.

Nothing here touches Django models, the database or the network: text (or bytes) goes in,
an :class:`~filmfolio.importer.extract.record.ExtractedRecord` comes out, deterministically.
"""

from .pipeline import extract_record
from .record import Credit, Evidence, ExtractedRecord, FestivalEntry, Specs

__all__ = ["Credit", "Evidence", "ExtractedRecord", "FestivalEntry", "Specs", "extract_record"]
