"""Filter tokens: every filterable fact of a document as one word in the full-text index.

Kind, film kind, facet values, year, decade, runtime range, the award and trailer flags and
whether ``films.access`` lists the document for everyone are written as words into the
document's ``filters`` column. Both engines then apply filters inside the full-text match
(``{filters}: ccn`` on FTS5, ``'ccn':D`` on PostgreSQL), so a filtered query never touches
documents that fail a filter, and facet counts are read back from the same words.

A facet token is ``x<facet prefix>x<value>`` with the value case-folded (codes and slugs are
matched without regard to case) and anything but ASCII letters and digits escaped as
``q<hex>q`` (``q`` itself as ``qq``), so two different values never share a token and a token
decodes back to its (lower-case) value.
"""

from __future__ import annotations

from functools import lru_cache

from .choices import Facet
from .registry import DocumentData

PUBLIC = "pub"
NOT_PUBLIC = "npub"
AWARD = "award"
TRAILER = "trailer"
RUNTIME_RANGES: tuple[tuple[str, int, int | None], ...] = (
    ("0-15", 0, 15),
    ("15-40", 15, 40),
    ("40-70", 40, 70),
    ("70-120", 70, 120),
    ("120-", 120, None),
)
# facet name -> token prefix (no "x" in a prefix: it separates prefix and value)
PREFIXES: dict[str, str] = {
    "kind": "k",
    "film_kind": "fk",
    Facet.GENRE.value: "g",
    Facet.COUNTRY.value: "c",
    Facet.LANGUAGE.value: "l",
    Facet.SUBTITLE.value: "s",
    Facet.FESTIVAL.value: "fe",
    "year": "y",
    "decade": "d",
    "runtime": "r",
}


def escape(value: str) -> str:
    """``value`` as lower-case letters and digits, reversibly."""
    out: list[str] = []
    for char in value.lower():
        if char == "q":
            out.append("qq")
        elif char.isascii() and char.isalnum():
            out.append(char)
        else:
            out.append(f"q{ord(char):x}q")
    return "".join(out)


@lru_cache(maxsize=65536)
def token(facet: str, value: object) -> str:
    """The filter token of one facet value: ``token("country", "CN") == "xcxcn"``."""
    return "x" + PREFIXES[facet] + "x" + escape(str(value))


def runtime_range(minutes: int | None) -> str | None:
    """The name of the runtime range ``minutes`` falls in."""
    if minutes is None:
        return None
    for name, low, high in RUNTIME_RANGES:
        if minutes >= low and (high is None or minutes < high):
            return name
    return None


def document_tokens(kind: str, data: DocumentData) -> list[str]:
    """Every filter token of a document, access first."""
    tokens = [PUBLIC if data.is_public else NOT_PUBLIC, token("kind", kind)]
    if data.film_kind:
        tokens.append(token("film_kind", data.film_kind))
    if data.year is not None:
        tokens += [token("year", data.year), token("decade", data.year // 10 * 10)]
    runtime = runtime_range(data.runtime_minutes)
    if runtime is not None:
        tokens.append(token("runtime", runtime))
    if data.is_award_winning:
        tokens.append(AWARD)
    if data.has_trailer:
        tokens.append(TRAILER)
    for facet, values in data.facets.items():
        tokens += [token(facet, value) for value, _label in values]
    return list(dict.fromkeys(tokens))


def unescape(text: str) -> str:
    """The value an ``escape``d string came from."""
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char != "q":
            out.append(char)
            index += 1
        elif text[index + 1 : index + 2] == "q":
            out.append("q")
            index += 2
        else:
            end = text.index("q", index + 1)
            out.append(chr(int(text[index + 1 : end], 16)))
            index = end + 1
    return "".join(out)


_BY_PREFIX = {prefix: facet for facet, prefix in PREFIXES.items()}


@lru_cache(maxsize=65536)
def decode(word: str) -> tuple[str, str] | None:
    """``(facet, value)`` of a filter token; ``None`` for access and flag tokens."""
    if not word.startswith("x"):
        return None
    prefix, _sep, value = word[1:].partition("x")
    facet = _BY_PREFIX.get(prefix)
    return (facet, unescape(value)) if facet is not None else None
