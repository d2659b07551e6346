"""MRR and nDCG@10 of the search page over the relevance set (``relevance_set.py``).

Each query runs through ``selectors.search_page_for`` as an anonymous visitor, as the search
page does. A result's grade comes from the rank it must reach: 3 for first, 2 for the top three,
1 for the first ten; nDCG@10 uses the gain 2**grade - 1. The reciprocal rank is that of the
first expected result within the first ten (0 when none is there). A query passes when every
expected result is at or above its rank. Needs an indexed catalogue; reads only.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from filmfolio.core.viewers import Viewer

from .query import SearchRequest
from .relevance_set import Query
from .selectors import search_page_for

CUTOFF = 10


def grade(within: int) -> int:
    """The relevance grade of a result that must be at or above rank ``within``."""
    return 3 if within <= 1 else 2 if within <= 3 else 1


@dataclass(frozen=True)
class Outcome:
    """One query's measured result."""

    query: Query
    addresses: tuple[str, ...]
    reciprocal_rank: float
    ndcg: float
    passed: bool


def page_addresses(text: str) -> tuple[str, ...]:
    """The addresses of the first ``CUTOFF`` results an anonymous visitor gets for ``text``."""
    page = search_page_for(Viewer.anonymous(), SearchRequest(text=text), with_facets=False)
    return tuple(hit.url for hit in page.hits[:CUTOFF])


def measure(query: Query, addresses: tuple[str, ...]) -> Outcome:
    """The reciprocal rank, nDCG@10 and pass of one query given the addresses returned."""
    ranks = {address: position for position, address in enumerate(addresses, start=1)}
    found = [ranks[a] for a in query.expected if a in ranks]
    gains = [2 ** grade(query.expected[a]) - 1 if a in query.expected else 0 for a in addresses]
    ideal = sorted((2 ** grade(w) - 1 for w in query.expected.values()), reverse=True)[:CUTOFF]
    return Outcome(
        query=query,
        addresses=addresses,
        reciprocal_rank=1 / min(found) if found else 0.0,
        ndcg=_dcg(gains) / _dcg(ideal),
        passed=all(ranks.get(a, CUTOFF + 1) <= within for a, within in query.expected.items()),
    )


def _dcg(gains: Iterable[int]) -> float:
    return sum(gain / math.log2(position + 1) for position, gain in enumerate(gains, start=1))


def evaluate(
    queries: Iterable[Query], search: Callable[[str], tuple[str, ...]] = page_addresses
) -> list[Outcome]:
    """Every query measured against the catalogue in the default database."""
    return [measure(query, search(query.text)) for query in queries]


@dataclass(frozen=True)
class Summary:
    """Means over a group of outcomes."""

    name: str
    queries: int
    mrr: float
    ndcg: float
    passed: int


def summarise(outcomes: list[Outcome]) -> list[Summary]:
    """One row per group (in first-seen order), per split, then the overall row."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.query.group, []).append(outcome)
    for outcome in outcomes:
        groups.setdefault(f"split: {outcome.query.split}", []).append(outcome)
    groups["overall"] = outcomes
    return [_summary(name, rows) for name, rows in groups.items()]


def _summary(name: str, rows: list[Outcome]) -> Summary:
    count = len(rows) or 1
    return Summary(
        name=name,
        queries=len(rows),
        mrr=sum(r.reciprocal_rank for r in rows) / count,
        ndcg=sum(r.ndcg for r in rows) / count,
        passed=sum(r.passed for r in rows),
    )


def table(summaries: list[Summary]) -> str:
    """A Markdown table of the summaries."""
    lines = ["| group | queries | MRR | nDCG@10 | passed |", "|---|---:|---:|---:|---:|"]
    lines += [
        f"| {s.name} | {s.queries} | {s.mrr:.3f} | {s.ndcg:.3f} | {s.passed} |" for s in summaries
    ]
    return "\n".join(lines)
