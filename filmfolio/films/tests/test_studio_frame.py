"""The studio's frame: the registered sections, the one lookup of the film for editing, the
navigation, the redirects from the editor's former addresses and the ways into the studio."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.contributions import Registry
from filmfolio.films import access
from filmfolio.films.access import Access
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.studio import SECTIONS, Section, film_for_editing
from filmfolio.films.studio.fields import language_code_for, parse_runtime
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db

ORDER = [
    "basics",
    "titles",
    "specs",
    "places",
    "genres",
    "companies",
    "credits",
    "texts",
    "links",
    "festivals",
    "run",
    "media",
    "sharing",
    "copies",
    "reports",
    "history",
]


@pytest.fixture
def owner():
    return CollaboratorFactory(
        film=FilmFactory(title="Heron Lantern", slug="heron"), role=CollaboratorRole.OWNER
    )


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_every_app_contributes_its_sections_in_order():
    assert [section.key for section in SECTIONS] == ORDER
    assert {s.key: s.need for s in SECTIONS if s.need != Access.EDIT} == {
        "sharing": Access.OWN,
        "copies": Access.OWN,
        "reports": Access.OWN,
    }


def test_a_registry_replaces_a_section_of_the_same_key():
    registry: Registry[Section] = Registry("studio")
    registry.register(Section(key="b", order=2, label="B", view=print))
    registry.register(Section(key="a", order=5, label="A", view=print))
    registry.register(Section(key="b", order=9, label="B2", view=print))
    assert [(s.key, s.label) for s in registry] == [("a", "A"), ("b", "B2")]


@pytest.mark.parametrize(
    ("role", "need", "allowed"),
    [
        (CollaboratorRole.OWNER, Access.EDIT, True),
        (CollaboratorRole.OWNER, Access.OWN, True),
        (CollaboratorRole.EDITOR, Access.EDIT, True),
        (CollaboratorRole.EDITOR, Access.OWN, False),
        (CollaboratorRole.VIEWER, Access.EDIT, False),
        (None, Access.EDIT, False),
    ],
)
def test_the_film_for_editing_answers_like_an_unknown_film(owner, role, need, allowed):
    user = UserFactory()
    if role is not None:
        CollaboratorFactory(film=owner.film, user=user, role=role)
    if allowed:
        assert film_for_editing(user, "heron", need=need) == owner.film
        assert film_for_editing(access.Viewer.for_user(user), "heron", need=need) == owner.film
        return
    with pytest.raises(Http404):
        film_for_editing(user, "heron", need=need)
    with pytest.raises(Http404):
        film_for_editing(user, "no-such-film", need=need)


def test_navigation_marks_the_current_section_and_hides_sharing_from_editors(owner):
    page = _client(owner.user).get("/studio/films/heron/credits/").content.decode()
    assert '<nav class="tabs"' in page
    assert 'href="/studio/films/heron/credits/" aria-current="page"' in page
    assert page.count('aria-current="page"') == 1
    assert 'href="/studio/films/heron/sharing/"' in page
    assert 'href="/studio/films/heron/media/"' in page
    assert 'href="/films/heron/"' in page  # back to the public page
    editor = CollaboratorFactory(film=owner.film, role=CollaboratorRole.EDITOR).user
    as_editor = _client(editor).get("/studio/films/heron/media/").content.decode()
    assert 'href="/studio/films/heron/media/" aria-current="page"' in as_editor
    assert "/studio/films/heron/sharing/" not in as_editor
    assert _client(editor).get("/studio/films/heron/sharing/").status_code == 404


def test_the_studio_opens_on_its_first_section(owner):
    response = _client(owner.user).get("/studio/films/heron/")
    assert (response.status_code, response["Location"]) == (302, "/studio/films/heron/basics/")


def test_a_stranger_gets_the_same_404_as_for_an_unknown_film(owner):
    stranger = _client(UserFactory())
    for section in ORDER:
        known = stranger.get(f"/studio/films/heron/{section}/")
        unknown = stranger.get(f"/studio/films/no-such-film/{section}/")
        assert (known.status_code, unknown.status_code) == (404, 404), section
        assert "Heron Lantern" not in known.content.decode(), section


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/films/heron/edit/", "/studio/films/heron/"),
        ("/films/heron/edit/credits/", "/studio/films/heron/credits/"),
        ("/films/heron/edit/sharing/", "/studio/films/heron/sharing/"),
        ("/films/heron/edit/history/?page=2", "/studio/films/heron/history/?page=2"),
        ("/media/films/heron/manage/", "/studio/films/heron/media/"),
    ],
)
def test_former_addresses_redirect_for_good(owner, old, new):
    response = Client().get(old)
    assert (response.status_code, response["Location"]) == (301, new)


def test_media_manager_is_a_section_in_the_frame(owner):
    page = _client(owner.user).get("/studio/films/heron/media/")
    html = page.content.decode()
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert 'href="/studio/films/heron/media/" aria-current="page"' in html
    assert 'id="upload"' in html
    assert 'data-endpoint="/media/uploads/"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_film_page_and_the_profile_lead_editors_to_the_studio(owner):
    client = _client(owner.user)
    film_page = client.get("/films/heron/").content.decode()
    assert 'href="/studio/films/heron/">Edit in studio</a>' in film_page
    profile = client.get("/accounts/profile/").content.decode()
    assert 'href="/studio/films/heron/">Edit in studio</a>' in profile
    viewer = CollaboratorFactory(film=owner.film, role=CollaboratorRole.VIEWER).user
    assert "/studio/films/heron/" not in _client(viewer).get("/films/heron/").content.decode()


def test_add_a_film_offers_three_starts():
    page = _client(UserFactory()).get("/studio/new/").content.decode()
    assert 'id="from-scratch"' in page
    assert 'href="/import/">Paste a page</a>' in page
    assert 'href="/import/file/">Choose a file</a>' in page


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("100", 100),
        ("100 min", 100),
        ("1 h 40 min", 100),
        ("1h40", 100),
        ("1:40", 100),
        ("2 hours", 120),
        ("1小时40分钟", 100),
        ("a while", None),
        ("1:75", None),
    ],
)
def test_runtimes_as_people_write_them(typed, minutes):
    assert parse_runtime(typed) == minutes


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("English", "en"),
        ("english", "en"),
        ("英语", "en"),
        ("Chinese", "zh"),
        ("中文", "zh"),
        ("zh-Hant", "zh-Hant"),
        ("fr", "fr"),
        ("Klingonish", None),
        ("", None),
    ],
)
def test_languages_are_picked_by_name(typed, code):
    assert language_code_for(typed) == code


def test_a_former_address_leads_a_stranger_to_the_same_404(owner):
    stranger = _client(UserFactory())
    for old in ("/films/heron/edit/credits/", "/media/films/heron/manage/"):
        response = stranger.get(old, follow=True)
        assert response.status_code == 404
        assert "Heron Lantern" not in response.content.decode()
