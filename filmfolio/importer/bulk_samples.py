"""The sample file offered on the "Add films from a file" page: two short records, written by
the same writer as the export, so the sample always reads back without a problem."""

from __future__ import annotations

import io

from .formats import write_records
from .records import FilmRecord

SAMPLE_RECORDS = [
    {
        "title": "The River Keepers",
        "titles": [{"text": "守河人", "kind": "original", "language": "zh"}],
        "year": 2023,
        "kind": "documentary",
        "runtime_minutes": 78,
        "countries": [{"country": "CN"}],
        "languages": [{"language": "zh"}, {"language": "en", "role": "subtitle"}],
        "credits": [{"person": {"name": "Lin Mei"}, "role": "director"}],
        "texts": [{"kind": "logline", "language": "en", "body": "Three ferrymen, one river."}],
    },
    {
        "title": "Paper Lanterns",
        "year": 2021,
        "kind": "short",
        "runtime_minutes": 14,
        "genres": ["Drama"],
        "countries": [{"country": "TW"}],
    },
]


def sample_text(fmt: str) -> str:
    """The sample file in ``fmt`` (jsonl or csv)."""
    records = [FilmRecord.model_validate(data) for data in SAMPLE_RECORDS]
    out = io.StringIO(newline="")
    write_records(records, out, fmt)
    return out.getvalue()
