"""The film page's actions: press kit links for owners and public films, citations."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from filmfolio.api.tests.factories import FilmFactory, UserFactory
from filmfolio.films.access import Viewer, film_access
from filmfolio.films.panels import PANELS, Visit
from filmfolio.films.selectors import film_record_for

pytestmark = pytest.mark.django_db


def _slot(film, viewer) -> str:
    """The action panels as ``viewer`` gets them: those rendered for everyone (from the film's
    record) and those rendered for the viewer."""
    record = film_record_for(film)
    level = film_access(viewer, film)
    visit = Visit(request=RequestFactory().get("/"), viewer=viewer, film=film, access=level)
    html = ""
    for key in ("presskit", "presskit-owners", "citations"):
        panel = PANELS.get(key)
        assert panel is not None
        shown = panel.context(visit if panel.per_viewer else record)
        html += render_to_string(panel.template, shown) if shown is not None else ""
    return html


def test_public_film_offers_press_kit_to_everyone():
    html = _slot(FilmFactory(slug="open"), Viewer.anonymous())
    assert 'href="/presskit/open.pdf?lang=en"' in html
    assert 'href="/presskit/open.pdf?lang=zh-hans"' in html
    assert 'href="/exports/films/open.bib"' in html
    assert 'href="/exports/films/open.json"' in html


def test_unlisted_film_offers_press_kit_to_owner_only():
    owner = UserFactory()
    film = FilmFactory(slug="draft", unlisted=True, owner=owner)
    assert "/presskit/draft.pdf" not in _slot(film, Viewer.anonymous())
    assert "/presskit/draft.pdf" in _slot(film, Viewer.for_user(owner))
    assert 'href="/exports/films/draft.csl.json"' in _slot(film, Viewer.anonymous())


def test_head_link_points_oembed_at_the_film_page(client):
    FilmFactory(slug="open", title="入戏", year=2012)
    html = client.get("/films/open/").content.decode()
    assert (
        'href="http://127.0.0.1:8000/oembed?url=http%3A%2F%2F127.0.0.1%3A8000%2Ffilms%2Fopen%2F"'
        in html
    )
    assert 'type="application/json+oembed"' in html
    assert 'title="入戏"' in html


def test_film_page_shows_the_press_kit_links(client, demo):
    html = client.get("/films/out-of-focus/").content.decode()
    assert 'href="/presskit/out-of-focus.pdf?lang=en"' in html
    assert 'href="/exports/films/out-of-focus.bib"' in html
