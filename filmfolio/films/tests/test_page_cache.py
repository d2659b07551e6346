"""The film page's cache (``films.page_cache``) and panels (``films.panels``): what one viewer
sees never reaches another through the cache, and a change shows at once."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.site import serving
from filmfolio.films.models import Collaborator
from filmfolio.films.page_cache import film_page_shell
from filmfolio.films.panels import PANELS, Panel
from filmfolio.films.record import FilmRecord
from filmfolio.films.services import film_update
from filmfolio.films.tests.factories import CreditFactory, FilmFactory, role
from filmfolio.media.models import Video
from filmfolio.people.services import person_save
from filmfolio.people.tests.factories import PersonFactory
from filmfolio.sharing.services import screener_link_create
from filmfolio.web.tests.pagetext import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def owner():
    return UserFactory.create(username="dana-owner")


@pytest.fixture
def film(owner):
    film = FilmFactory.create(title="Harbour Lights", slug="harbour-lights", year=2021)
    Collaborator.objects.create(film=film, user=owner, role="owner")
    _video(film, title="Public trailer", visibility="film")
    _video(film, title="Festival screener", visibility="screener", kind="screener")
    _video(film, title="Rough cut for the team", visibility="team", kind="excerpt")
    _video(film, title="Trailer still encoding", visibility="film", state="transcoding")
    return film


def _video(film, *, title, visibility, kind="trailer", state="ready"):
    return Video.objects.create(
        film=film,
        kind=kind,
        title=title,
        visibility=visibility,
        state=state,
        original_file=f"originals/{title}.mp4",
        size_bytes=1,
        sha256="0" * 64,
        width=640,
        height=360,
    )


OWNERS_ONLY = ("Edit in studio", "Rough cut for the team", "Trailer still encoding", "dana-owner")


def test_an_owner_visiting_first_leaves_nothing_of_theirs_in_the_cache(client, film, owner):
    client.force_login(owner)
    owners_page = text_of(client.get("/films/harbour-lights/?q=owner-search"))
    for text in (*OWNERS_ONLY, "Festival screener", "Public trailer"):
        assert text in owners_page
    with serving("http://testserver"):
        shell = "".join(film_page_shell(film))
    for text in (*OWNERS_ONLY, "Festival screener", "owner-search", "csrfmiddlewaretoken"):
        assert text not in shell
    visitor = Client()
    response = visitor.get("/films/harbour-lights/")
    page = text_of(response)
    html = response.content.decode()
    assert "Public trailer" in page
    for text in (*OWNERS_ONLY, "Festival screener", "owner-search", "Log out"):
        assert text not in html
    assert "Log in" in page


def test_the_signed_in_pages_script_is_a_part_of_the_request(client, film, owner):
    """The frame loads ``web/ui.js`` for signed-in users only: it is not in the shell, so a
    signed-in visit first gives a visitor no script of theirs, and a visitor first leaves the
    signed-in user theirs."""
    assert "web/ui.js" not in Client().get("/films/harbour-lights/").content.decode()
    client.force_login(owner)
    assert client.get("/films/harbour-lights/").content.decode().count("web/ui.js") == 1
    assert "web/ui.js" not in Client().get("/films/harbour-lights/").content.decode()
    with serving("http://testserver"):
        assert "web/ui.js" not in "".join(film_page_shell(film))


def test_a_screener_holder_visiting_first_leaves_their_screener_to_them(client, film, owner):
    _link, token = screener_link_create(film=film, actor=owner, recipient="A programmer")
    holder = Client()
    holder.get(f"/share/s/{token}/")
    assert "Festival screener" in text_of(holder.get("/films/harbour-lights/"))
    page = text_of(Client().get("/films/harbour-lights/"))
    assert "Public trailer" in page
    assert "Festival screener" not in page
    assert "Rough cut for the team" not in page
    assert "Festival screener" in text_of(holder.get("/films/harbour-lights/"))


def test_record_panels_are_given_the_record_and_nothing_of_the_viewer(
    client, film, owner, monkeypatch
):
    given = []

    def context(argument):
        given.append(argument)
        return {"texts": {}}

    probe = Panel(key="probe", order=11, template="films/_record_header.html", context=context)
    monkeypatch.setitem(PANELS._items, "probe", probe)
    client.force_login(owner)
    client.get("/films/harbour-lights/")
    client.get("/films/harbour-lights/")
    assert len(given) == 1
    assert type(given[0]) is FilmRecord
    assert not hasattr(given[0], "request") and not hasattr(given[0], "viewer")


def test_panels_in_page_order():
    keys = [(panel.key, panel.per_viewer) for panel in PANELS]
    assert keys == [
        ("screener-notice", True),
        ("copies-link", True),
        ("media-viewer", True),
        ("screener-heartbeat", True),
        ("owner-tools", True),
        ("media-poster", False),
        ("record-header", False),
        ("media-trailer", False),
        ("media-gallery", False),
        ("presskit", False),
        ("presskit-owners", True),
        ("citations", False),
        ("record-body", False),
        ("media-tracks", False),
        ("media-specs", True),
    ]


def test_an_edit_shows_at_once(client, film, owner):
    assert "Harbour Lights" in text_of(client.get("/films/harbour-lights/"))
    film_update(film=film, actor=owner, values={"title": "Harbour Lights at Dawn"})
    page = text_of(client.get("/films/harbour-lights/"))
    assert "Harbour Lights at Dawn (2021)" in page


def test_a_credited_persons_new_name_shows_at_once(client, film):
    person = PersonFactory.create(display_name="Wen Lu")
    CreditFactory.create(film=film, person=person, role=role("director"))
    assert "Directed by Wen Lu" in text_of(client.get("/films/harbour-lights/"))
    person.display_name = "Lu Wen"
    person_save(person=person, actor=UserFactory.create(is_staff=True), fields=["display_name"])
    page = text_of(client.get("/films/harbour-lights/"))
    assert "Directed by Lu Wen" in page
    assert "Wen Lu" not in page


def test_the_shell_is_kept_per_language(client, film):
    client.get("/films/harbour-lights/")
    client.get("/films/harbour-lights/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    with serving("http://testserver"), translation.override("en"):
        english = "".join(film_page_shell(film))
    with serving("http://testserver"), translation.override("zh-hans"):
        chinese = "".join(film_page_shell(film))
    assert '<html lang="en">' in english
    assert '<html lang="zh-hans">' in chinese
