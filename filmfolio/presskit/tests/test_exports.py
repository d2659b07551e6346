"""Film record exports: one film as JSON, the catalogue as JSONL and CSV, all importable again
with the importer's ``records_commit`` to the same catalogue."""

from __future__ import annotations

import csv
import io
import json

import pytest

from filmfolio.api.tests.factories import FilmFactory, UserFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Film
from filmfolio.importer.formats import read_rows
from filmfolio.importer.records import FilmRecord
from filmfolio.importer.services import records_commit

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return b"".join(response.streaming_content).decode()


def _snapshot(client) -> list[dict]:
    """Every film's record as the JSONL export gives it."""
    return [json.loads(line) for line in _body(client.get("/exports/catalogue.jsonl")).splitlines()]


def records_from_csv(text: str) -> list[FilmRecord]:
    """The CSV export read back by the importer's own reader; every row must be valid."""
    rows = list(read_rows(io.StringIO(text), "csv"))
    assert [row.problems for row in rows] == [{}] * len(rows)
    return [row.record for row in rows if row.record is not None]


def _full(records: list[dict]) -> list[dict]:
    return [FilmRecord.model_validate(r).model_dump(mode="json") for r in records]


def test_film_record_json(client, demo):
    response = client.get("/exports/films/out-of-focus.json")
    assert response.status_code == 200
    assert "虚焦".encode() in response.content
    record = FilmRecord.model_validate(response.json())
    assert (record.slug, record.title, record.year, record.runtime_minutes) == (
        "out-of-focus",
        "Out of Focus",
        2013,
        88,
    )
    assert [(t.text, t.kind) for t in record.titles] == [
        ("Out of Focus", "english"),
        ("虚焦", "original"),
        ("Xu Jiao", "romanised"),
    ]
    director = record.credits[0]
    assert (director.role, director.person.name) == ("director", "Shengze Zhu")
    assert "朱声仄" in [n.name for n in director.person.names]
    assert [(e.festival, e.edition, e.section) for e in record.festivals] == [
        ("Cinéma du Réel", 36, "International First Films Competition")
    ]


def test_catalogue_jsonl_reimports_to_the_same_catalogue(client, demo):
    before = _snapshot(client)
    assert [r["slug"] for r in before] == [
        "out-of-focus",
        "the-home-gleaners",
        "when-we-meet-under-the-same-sky",
    ]
    report = records_commit(records=[FilmRecord.model_validate(r) for r in before])
    assert (report.created, sorted(report.updated)) == ([], [r["slug"] for r in before])
    assert _snapshot(client) == before


def test_catalogue_csv_reimports_to_the_same_records(client, demo):
    response = client.get("/exports/catalogue.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    records = records_from_csv(_body(response))
    assert [r.model_dump(mode="json") for r in records] == _full(_snapshot(client))
    Film.objects.all().delete()
    report = records_commit(records=records)
    assert len(report.created) == 3
    assert _full(_snapshot(client)) == [r.model_dump(mode="json") for r in records]


def test_catalogue_export_holds_only_what_the_user_may_see(client):
    owner, other = UserFactory(), UserFactory()
    FilmFactory(slug="public-film")
    FilmFactory(slug="my-draft", private=True, owner=owner)
    FilmFactory(slug="their-draft", private=True, owner=other)
    FilmFactory(slug="unlisted-film", unlisted=True)
    assert [r["slug"] for r in _snapshot(client)] == ["public-film"]
    client.force_login(owner)
    assert [r["slug"] for r in _snapshot(client)] == ["my-draft", "public-film"]


def test_password_films_export_as_private(client):
    owner = UserFactory()
    film = FilmFactory(slug="locked", visibility="password")
    Collaborator.objects.create(film=film, user=owner, role=CollaboratorRole.OWNER)
    client.force_login(owner)
    record = FilmRecord.model_validate(client.get("/exports/films/locked.json").json())
    assert record.visibility == "private"


def test_catalogue_export_query_budget(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        assert len(_snapshot(client)) == 3


FORMULA_TITLE = '=HYPERLINK("http://example.invalid/steal","Click")'


def test_catalogue_csv_cells_never_start_a_formula(client):
    FilmFactory(slug="formula", title=FORMULA_TITLE)
    text = _body(client.get("/exports/catalogue.csv"))
    header, row = list(csv.reader(io.StringIO(text)))
    assert row[header.index("title")] == "'" + FORMULA_TITLE
    assert [cell for cell in row if cell[:1] in {"=", "+", "-", "@", "\t", "\r"}] == []
    assert [record.title for record in records_from_csv(text)] == [FORMULA_TITLE]
