"""`filmfolio import-text FILE --format json|text`: the pure extractor on one page text.

Reads FILE (or stdin for "-" or no FILE), prints the extracted record and exits 0. It never
touches the database.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from filmfolio.importer.extract import extract_record


class Command(BaseCommand):
    """Extract a film record from the text of a film page."""

    help = "Extract a film record from the text of a film page (no database access)."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", nargs="?", default="-", help="page text file, or - for stdin")
        parser.add_argument("--format", choices=("json", "text"), default="json")

    def handle(self, *args, **options) -> None:
        path = options["file"]
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
        record = extract_record(data).to_gold_dict()
        if options["format"] == "json":
            self.stdout.write(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_text(record))


_PLAIN_FIELDS = (
    "title",
    "original_title",
    "year",
    "runtime_minutes",
    "type",
    "genres",
    "countries",
    "languages",
    "subtitles",
    "directors",
)


def render_text(record: dict) -> str:
    """A short human-readable view of a record."""
    lines = [
        _plain_line(key, record[key]) for key in _PLAIN_FIELDS if record[key] not in (None, [])
    ]
    lines.extend(f"credit: {c['role']}: {c['name']}" for c in record["credits"])
    lines.extend(_festival_line(f) for f in record["festivals"])
    lines.extend(f"{k}: {v}" for k, v in record["specs"].items() if v is not None)
    lines.append(f"synopsis_present: {record['synopsis_present']}")
    lines.extend(f"warning: {w}" for w in record["warnings"])
    return "\n".join(lines)


def _plain_line(key: str, value: object) -> str:
    return f"{key}: {', '.join(map(str, value)) if isinstance(value, list) else value}"


def _festival_line(entry: dict) -> str:
    bits = [entry["festival"], entry["year"], entry["award"], entry["result"]]
    return "festival: " + " | ".join(str(b) for b in bits if b is not None)
