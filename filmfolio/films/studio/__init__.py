"""The studio of a film: the sections each app contributes (``SECTIONS``), the one "film for
editing" lookup, and the frame with the section navigation. Mounted at ``/studio/``
(namespace ``studio``); a film's sections are at ``/studio/films/<slug>/<section>/``."""

from .lookup import film_for_editing
from .registry import SECTIONS, Section

__all__ = ["SECTIONS", "Section", "film_for_editing"]
