"""Facet counts over a set of matching documents: kind, film kind, genre, country, language,
subtitles, festival, decade, runtime range, award-winning and trailer."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from filmfolio.core import vocab

from .choices import DocumentKind, Facet

FACET_LIMIT = 12
RUNTIME_RANGES: tuple[tuple[str, int | None, int | None], ...] = (
    ("0-15", 0, 15),
    ("15-40", 15, 40),
    ("40-70", 40, 70),
    ("70-120", 70, 120),
    ("120-", 120, None),
)


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet with its label and how many matching documents have it."""

    value: str
    label: str
    count: int


def _label(facet: str, value: str, label: str) -> str:
    """The label shown for a facet value, translated for codes."""
    if facet == Facet.COUNTRY:
        return vocab.country_name(value) or value
    if facet in (Facet.LANGUAGE, Facet.SUBTITLE):
        return vocab.language_name(value) or value
    return label or value


def _multi(documents: QuerySet, facet: str) -> list[FacetCount]:
    """Counts of one multi-valued facet (a document with two values counts for both)."""
    rows = (
        documents.filter(facet_values__facet=facet)
        .values("facet_values__value", "facet_values__label")
        .annotate(n=Count("id"))
        .order_by("-n", "facet_values__value")[:FACET_LIMIT]
    )
    return [
        FacetCount(
            r["facet_values__value"],
            _label(facet, r["facet_values__value"], r["facet_values__label"]),
            r["n"],
        )
        for r in rows
    ]


def _kinds(documents: QuerySet) -> list[FacetCount]:
    rows = documents.values("kind").annotate(n=Count("id")).order_by("-n")
    labels = dict(DocumentKind.choices)
    return [FacetCount(r["kind"], str(labels.get(r["kind"], r["kind"])), r["n"]) for r in rows]


def _film_kinds(documents: QuerySet) -> list[FacetCount]:
    from django.utils.text import capfirst

    rows = (
        documents.exclude(film_kind="")
        .values("film_kind")
        .annotate(n=Count("id"))
        .order_by("-n", "film_kind")
    )
    return [
        FacetCount(r["film_kind"], capfirst(r["film_kind"].replace("_", " ")), r["n"]) for r in rows
    ]


def _decades(documents: QuerySet) -> list[FacetCount]:
    rows = (
        documents.filter(year__isnull=False)
        .annotate(decade=F("year") / 10 * 10)
        .values("decade")
        .annotate(n=Count("id"))
        .order_by("-decade")
    )
    return [FacetCount(str(r["decade"]), f"{r['decade']}s", r["n"]) for r in rows]


def _flags_and_runtimes(documents: QuerySet) -> dict[str, list[FacetCount]]:
    """Award, trailer and runtime-range counts in one query."""
    aggregates = {
        "award": Count("id", filter=Q(is_award_winning=True)),
        "trailer": Count("id", filter=Q(has_trailer=True)),
    }
    for name, low, high in RUNTIME_RANGES:
        condition = Q(runtime_minutes__gte=low)
        if high is not None:
            condition &= Q(runtime_minutes__lt=high)
        aggregates[f"runtime_{name}"] = Count("id", filter=condition)
    counts = documents.aggregate(**aggregates)
    runtimes = [
        FacetCount(name, f"{name} min", counts[f"runtime_{name}"])
        for name, _low, _high in RUNTIME_RANGES
        if counts[f"runtime_{name}"]
    ]
    return {
        "award": [FacetCount("1", "Award-winning", counts["award"])] if counts["award"] else [],
        "trailer": [FacetCount("1", "Has trailer", counts["trailer"])] if counts["trailer"] else [],
        "runtime": runtimes,
    }


def facet_counts(documents: QuerySet) -> dict[str, list[FacetCount]]:
    """Every facet's counts over ``documents`` (an unordered queryset of matches)."""
    documents = documents.order_by()
    counts: dict[str, list[FacetCount]] = {
        "kind": _kinds(documents),
        "film_kind": _film_kinds(documents),
    }
    for facet in Facet:
        counts[facet.value] = _multi(documents, facet.value)
    counts["decade"] = _decades(documents)
    counts.update(_flags_and_runtimes(documents))
    return counts
