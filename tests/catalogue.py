"""Reading gettext catalogues for the translation tests: the project's .po files and the
messages that ``makemessages`` finds in the code, extracted into a scratch folder so that the
real catalogues are never rewritten."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Folders whose strings are not shown to people (tests, migrations) or are not Django domain
# sources; catalogues are left out so that every message lands in the scratch catalogue.
SKIPPED_FOLDERS = ("locale", "tests", "migrations", "__pycache__", "static")
SOURCE_SUFFIXES = (".py", ".html", ".txt")
KEYWORDS = {"msgctxt", "msgid", "msgid_plural", "msgstr"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[#0+\-]*\d*(?:\.\d+)?[sdifr]|%[#0+\-]*\d*(?:\.\d+)?[sdifr]")


@dataclass
class Entry:
    """One message of a catalogue: its context, singular and plural ids, translations, flags."""

    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstrs: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str]:
        """What identifies the message in a catalogue."""
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


def _keyword(line: str) -> tuple[str, int | None, str]:
    word, _sep, rest = line.partition(" ")
    index = None
    if word.startswith("msgstr["):
        index = int(word[7:-1])
        word = "msgstr"
    if word not in KEYWORDS:
        raise ValueError(f"unknown keyword {word!r}")
    return word, index, rest


def _store(entry: Entry, word: str, index: int | None, text: str) -> None:
    if word == "msgstr":
        key = index or 0
        entry.msgstrs[key] = entry.msgstrs.get(key, "") + text
    elif word == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    elif word == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    else:
        entry.msgid += text


class _Parser:
    """Reads a .po file line by line; an entry ends where a comment or a new ``msgctxt`` or
    ``msgid`` follows a translation."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.current = Entry()
        self.word: tuple[str, int | None] | None = None

    def finish(self) -> None:
        if self.word is not None:
            self.entries.append(self.current)
        self.current, self.word = Entry(), None

    def comment(self, line: str) -> None:
        if self.word is not None:
            self.finish()
        if line.startswith("#,"):
            self.current.flags |= {flag.strip() for flag in line[2:].split(",")}

    def keyword(self, line: str, number: int) -> None:
        name, index, rest = _keyword(line)
        if name in {"msgctxt", "msgid"} and self.word is not None and self.word[0] == "msgstr":
            self.finish()
        if name == "msgid":
            self.current.line = number
        self.word = (name, index)
        _store(self.current, name, index, ast.literal_eval(rest))

    def feed(self, line: str, number: int) -> None:
        if not line or line.startswith("#~"):
            return
        if line.startswith("#"):
            self.comment(line)
        elif line.startswith('"'):
            if self.word is None:
                raise ValueError(f"line {number}: a string outside an entry")
            _store(self.current, *self.word, ast.literal_eval(line))
        else:
            self.keyword(line, number)


def parse_po(text: str) -> list[Entry]:
    """The entries of a .po file (obsolete ``#~`` entries and the header are left out)."""
    parser = _Parser()
    for number, raw in enumerate(text.splitlines(), start=1):
        parser.feed(raw.strip(), number)
    parser.finish()
    return [entry for entry in parser.entries if entry.msgid]


def project_catalogues() -> list[Path]:
    """Every Simplified Chinese catalogue of the project (the main one and the apps' own)."""
    return sorted((ROOT / "filmfolio").glob("**/locale/zh_Hans/LC_MESSAGES/django.po"))


def _copy_sources(target: Path) -> None:
    def ignore(folder: str, names: list[str]) -> list[str]:
        return [
            name
            for name in names
            if name in SKIPPED_FOLDERS
            or (Path(folder, name).is_file() and not name.endswith(SOURCE_SUFFIXES))
        ]

    for package in ("filmfolio", "config"):
        shutil.copytree(ROOT / package, target / package, ignore=ignore)


def extracted_messages() -> list[Entry]:
    """The messages the templates and Python code mark, as ``makemessages`` extracts them,
    run on a copy of the sources in a scratch folder (no settings, so no LOCALE_PATHS)."""
    with tempfile.TemporaryDirectory(prefix="filmfolio-messages-") as scratch:
        folder = Path(scratch)
        _copy_sources(folder)
        (folder / "locale").mkdir()
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        subprocess.run(
            [sys.executable, "-m", "django", "makemessages", "-l", "zh_Hans", "-v0"],
            cwd=folder,
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        text = (folder / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po").read_text("utf-8")
    return parse_po(text)


def placeholders(text: str) -> list[str]:
    """The printf-style placeholders of a message, sorted (a translation may reorder named
    ones)."""
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text.replace("%%", "")))
