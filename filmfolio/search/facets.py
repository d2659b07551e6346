"""Facet counts read from the filter tokens of matching documents.

The counts cover the candidates the page looked at: every match when there are at most
``selectors.RANK_WINDOW`` of them (exact), otherwise the first ``RANK_WINDOW`` matches in
index order, scaled to the total and shown as "about" (see docs/search.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from filmfolio.core import vocab

from . import registry
from .backends import get_backend
from .choices import DocumentKind, Facet
from .filters import AWARD, RUNTIME_RANGES, TRAILER, decode

FACET_LIMIT = 12
# facets in the order the page shows them
ORDER = (
    "kind",
    "film_kind",
    Facet.GENRE.value,
    Facet.COUNTRY.value,
    Facet.LANGUAGE.value,
    Facet.SUBTITLE.value,
    Facet.FESTIVAL.value,
    "decade",
    "runtime",
    "award",
    "trailer",
)


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet with its label and how many matching documents have it."""

    value: str
    label: str
    count: int


def facet_title(name: str) -> str:
    """The heading of a facet on the page."""
    titles = {
        "kind": _("Type"),
        "film_kind": _("Kind of film"),
        Facet.GENRE.value: _("Genre"),
        Facet.COUNTRY.value: _("Country"),
        Facet.LANGUAGE.value: _("Language"),
        Facet.SUBTITLE.value: _("Subtitles"),
        Facet.FESTIVAL.value: _("Festival"),
        "decade": _("Decade"),
        "runtime": _("Runtime"),
        "award": _("Awards"),
        "trailer": _("Trailer"),
    }
    return str(titles.get(name, capfirst(name)))


def _stored(counts: dict[str, Counter]) -> dict[tuple[str, str], tuple[str, str]]:
    """(facet, folded value) -> (value as indexed, label) for the multi-valued facets seen
    (filter tokens are case-folded; one small query)."""
    wanted = [facet.value for facet in Facet if counts.get(facet.value)]
    if not wanted:
        return {}
    rows = get_backend().facet_values(wanted)
    return {(facet, value.lower()): (value, label) for facet, value, label in rows}


def _label(facet: str, value: str, label: str) -> str:
    """The label shown for a facet value: named by its app, or translated for codes."""
    named = registry.facet_label(facet, value)
    return named if named is not None else _code_label(facet, value, label)


def _code_label(facet: str, value: str, label: str) -> str:
    """The label of a coded facet value in the active language, else the stored label."""
    if facet == "kind":
        return str(dict(DocumentKind.choices).get(value, value))
    if facet == "film_kind":
        return capfirst(value.replace("_", " "))
    if facet == Facet.COUNTRY:
        return _code_name("country", value, get_language()) or value.upper()
    if facet in (Facet.LANGUAGE, Facet.SUBTITLE):
        return _code_name("language", value, get_language()) or value
    if facet == "decade":
        return _("%(decade)ss") % {"decade": value}
    if facet == "runtime":
        return _("%(range)s min") % {"range": value}
    return label or value


@lru_cache(maxsize=4096)
def _code_name(kind: str, code: str, language: str | None) -> str:
    """Country or language name in the active language (cached: Babel lookups are slow)."""
    if kind == "country":
        return vocab.country_name(code)
    return vocab.language_name(code)


def _sorted(facet: str, counter: Counter) -> list[tuple[str, int]]:
    if facet == "decade":
        return sorted(counter.items(), reverse=True)
    if facet == "runtime":
        order = [name for name, _low, _high in RUNTIME_RANGES]
        return sorted(counter.items(), key=lambda item: order.index(item[0]))
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:FACET_LIMIT]


def facet_counts(filters: Iterable[str], *, scale: float = 1.0) -> dict[str, list[FacetCount]]:
    """Every facet's counts over documents given by their ``filters`` columns; ``scale``
    multiplies counts taken from a sample (rounded, at least 1)."""
    counts: dict[str, Counter] = {name: Counter() for name in ORDER}
    # count the words first (C speed), then decode each distinct word once
    for word, count in Counter(" ".join(filters).split()).items():
        decoded = decode(word)
        if decoded is not None and decoded[0] in counts:
            counts[decoded[0]][decoded[1]] += count
        elif word == AWARD:
            counts["award"]["1"] += count
        elif word == TRAILER:
            counts["trailer"]["1"] += count
    stored = _stored(counts)
    flags = {"award": _("Award-winning"), "trailer": _("Has trailer")}
    result: dict[str, list[FacetCount]] = {}
    for facet in ORDER:
        items = []
        for folded, count in _sorted(facet, counts[facet]):
            value, label = stored.get((facet, folded), (folded, ""))
            shown = str(flags[facet]) if facet in flags else _label(facet, value, label)
            items.append(FacetCount(value, shown, max(1, round(count * scale))))
        result[facet] = items
    return result
