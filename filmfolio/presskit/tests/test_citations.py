"""Cite this film: CSL-JSON and BibTeX of a seed film, and access to them."""

from __future__ import annotations

import pytest

from filmfolio.api.tests.factories import FilmFactory, UserFactory
from filmfolio.presskit.bibtex import escape

pytestmark = pytest.mark.django_db


def test_csl_json_of_a_seed_film(client, demo):
    response = client.get("/exports/films/out-of-focus.csl.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json"
    assert "虚焦".encode() in response.content
    assert response.json() == [
        {
            "id": "out-of-focus",
            "type": "motion_picture",
            "title": "Out of Focus",
            "URL": "http://127.0.0.1:8000/films/out-of-focus/",
            "original-title": "虚焦",
            "director": [{"family": "Zhu", "given": "Shengze"}],
            "author": [{"family": "Zhu", "given": "Shengze"}],
            "issued": {"date-parts": [[2013]]},
            "dimensions": "88 min",
            "genre": "Documentary",
            "publisher": "Burn The Film Production House",
            "publisher-place": "CN",
            "abstract": (
                "Migrant children at a rooftop school in Wuhan take up cameras and film the city "
                "that has not yet made room for them."
            ),
        }
    ]


def test_bibtex_of_a_seed_film(client, demo):
    response = client.get("/exports/films/out-of-focus.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex"
    assert response.content.decode() == (
        "@misc{out-of-focus,\n"
        "  title = {{Out of Focus}},\n"
        "  author = {Zhu, Shengze},\n"
        "  year = {2013},\n"
        "  howpublished = {Film, Documentary, 88 min},\n"
        "  note = {Original title: 虚焦},\n"
        "  publisher = {Burn The Film Production House},\n"
        "  url = {http://127.0.0.1:8000/films/out-of-focus/}\n"
        "}\n"
    )


def test_bibtex_with_several_directors_family_name_first(client, demo):
    body = client.get("/exports/films/when-we-meet-under-the-same-sky.bib").content.decode()
    assert "  author = {Yan, Wenyu and Gao, Jun and Wan, Jin},\n" in body


def test_bibtex_escapes_special_characters():
    assert escape("50% & {more}_#1 $5 ~ ^ \\") == (
        r"50\% \& \{more\}\_\#1 \$5 \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )


def test_citations_of_private_films_are_not_found(client):
    FilmFactory(slug="secret", private=True, owner=UserFactory())
    assert client.get("/exports/films/secret.bib").status_code == 404
    assert client.get("/exports/films/secret.csl.json").status_code == 404
