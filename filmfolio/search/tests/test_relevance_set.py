"""The relevance set's MRR and nDCG@10 hold a floor on both catalogues (it can only rise).

The floors are today's measured values (``make eval-search``, docs/benchmarks.md "Search
relevance"); raise them when the ranking improves, never lower them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from filmfolio.search import index
from filmfolio.search.evaluation import Outcome, evaluate, measure, summarise, table
from filmfolio.search.models import SearchDocument
from filmfolio.search.relevance_set import GENERATED_FILMS, GENERATED_SEED, QUERIES, Query

from .conftest import _remove_catalogue

# (MRR, nDCG@10) over the whole set, per database
FLOORS = {"sqlite": (0.933, 0.934), "postgresql": (0.933, 0.934)}


def test_the_set_covers_every_group_with_enough_queries() -> None:
    groups: dict[str, int] = {}
    for query in QUERIES:
        groups[query.group] = groups.get(query.group, 0) + 1
    assert len(QUERIES) >= 150
    assert len({(q.catalogue, q.text) for q in QUERIES}) == len(QUERIES)
    assert set(groups) == {
        "chinese", "pinyin", "english", "other-languages", "subjects", "kinds-genres",
        "festivals", "typos",
    }  # fmt: skip
    assert min(groups.values()) >= 8
    assert {q.split for q in QUERIES} == {"dev", "check"}


def test_measure_grades_by_the_rank_asked_for() -> None:
    query = Query("demo", "english", "x", {"/a/": 1, "/b/": 3})
    outcome = measure(query, ("/c/", "/b/", "/a/"))
    # gains: /b/ grade 2 at rank 2, /a/ grade 3 at rank 3; ideal: grade 3 then grade 2
    dcg = 3 / math.log2(3) + 7 / math.log2(4)
    ideal = 7 / math.log2(2) + 3 / math.log2(3)
    assert outcome.reciprocal_rank == 0.5
    assert outcome.ndcg == pytest.approx(dcg / ideal, abs=1e-12)
    assert outcome.passed is False
    assert measure(query, ("/a/", "/b/")).passed is True
    assert measure(query, ("/a/", "/b/")).ndcg == pytest.approx(1.0, abs=1e-12)
    assert measure(query, ()).reciprocal_rank == 0.0


def test_summaries_have_a_row_per_group_split_and_overall() -> None:
    first = Query("demo", "english", "one", {"/a/": 1})
    second = Query("demo", "typos", "two", {"/a/": 1})
    rows = summarise([measure(first, ("/a/",)), measure(second, ("/b/", "/a/"))])
    names = [row.name for row in rows]
    assert names[:2] == ["english", "typos"]
    assert names[-1] == "overall"
    assert (rows[-1].queries, rows[-1].mrr, rows[-1].passed) == (2, 0.75, 1)
    assert table(rows).splitlines()[2] == "| english | 1 | 1.000 | 1.000 | 1 |"


def _load(catalogue: str) -> set[str]:
    if catalogue == "demo":
        call_command("demo", stdout=StringIO())
    else:
        call_command(
            "generate-catalogue",
            films=GENERATED_FILMS,
            seed=GENERATED_SEED,
            no_index=True,
            stdout=StringIO(),
        )
    index.rebuild()
    return set(SearchDocument.objects.values_list("url", flat=True))


@pytest.fixture(scope="module")
def outcomes(django_db_setup: Any, django_db_blocker: Any) -> Iterator[list[Outcome]]:
    """Every query measured on its catalogue; also checks that every judged address exists."""
    found: list[Outcome] = []
    with django_db_blocker.unblock():
        try:
            for catalogue in ("demo", "generated"):
                _remove_catalogue()
                addresses = _load(catalogue)
                queries = [q for q in QUERIES if q.catalogue == catalogue]
                missing = {a for q in queries for a in q.expected} - addresses
                assert missing == set(), f"judged results missing from {catalogue}: {missing}"
                found += evaluate(queries)
            yield found
        finally:
            _remove_catalogue()


@pytest.mark.django_db
def test_mrr_and_ndcg_hold_their_floor(outcomes: list[Outcome]) -> None:
    overall = summarise(outcomes)[-1]
    mrr_floor, ndcg_floor = FLOORS[connection.vendor]
    assert overall.queries == len(QUERIES)
    assert round(overall.mrr, 3) >= mrr_floor, table(summarise(outcomes))
    assert round(overall.ndcg, 3) >= ndcg_floor, table(summarise(outcomes))


@pytest.mark.django_db
def test_names_and_titles_people_type_most_pass(outcomes: list[Outcome]) -> None:
    passed = {(o.query.catalogue, o.query.text) for o in outcomes if o.passed}
    assert {
        ("demo", "Out of Focus"),
        ("demo", "虚焦"),
        ("demo", "Zhu Shengze"),
        ("demo", "朱聲仄"),
        ("generated", "Dream Border"),
        ("generated", "水路冬河"),
    } <= passed
