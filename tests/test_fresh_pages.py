"""Pages cached for plain visitors (``films.page_cache.visitor_page_cache``) under the content
version (``core.versions``): every change made through the services shows on every page at
once, a cached page is served without a query, and nothing cached for one class of viewer
reaches another."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.test import Client, RequestFactory
from PIL import Image

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core import versions
from filmfolio.festivals.services import festival_save
from filmfolio.festivals.tests.factories import EditionFactory, EntryFactory, FestivalFactory
from filmfolio.films.models import Collaborator
from filmfolio.films.page_cache import csrf_slot, viewer_page_key, visitor_page_key
from filmfolio.films.services.visibility import film_set_visibility
from filmfolio.films.tests.factories import CreditFactory, FilmFactory, role
from filmfolio.media.services import ImageDetails, image_upload
from filmfolio.people.services import person_save
from filmfolio.people.tests.factories import PersonFactory
from filmfolio.sharing.services import (
    collaborator_invite,
    invitation_accept,
    screener_link_create,
)
from filmfolio.sharing.viewers import attach_viewer
from filmfolio.web.tests.pagetext import text_of

pytestmark = pytest.mark.django_db

FILMS = ("harbour-lights", "salt-roads", "night-ferry")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def owner():
    return UserFactory.create(username="dana-owner")


@pytest.fixture
def staff():
    return UserFactory.create(is_staff=True, username="staff-editor")


@pytest.fixture
def films(owner):
    """Three public films directed by one person, all selected at one festival."""
    person = PersonFactory.create(display_name="Wen Lu", slug="wen-lu")
    edition = EditionFactory.create(festival=FestivalFactory.create(name="Tide Fest", slug="tide"))
    made = []
    for year, slug in enumerate(FILMS, start=2019):
        film = FilmFactory.create(title=slug.replace("-", " ").title(), slug=slug, year=year)
        Collaborator.objects.create(film=film, user=owner, role="owner")
        CreditFactory.create(film=film, person=person, role=role("director"))
        EntryFactory.create(film=film, edition=edition)
        made.append(film)
    return made


def _pages(client: Client) -> dict[str, str]:
    """The text of every page a plain visitor may have cached."""
    addresses = [f"/films/{slug}/" for slug in FILMS] + [
        "/films/",
        "/films/?sort=title",
        "/films/?sort=-year&page=1",
        "/people/wen-lu/",
        "/festivals/tide/",
        "/",
    ]
    pages = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        pages[address] = text_of(response)
    return pages


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (600, 900), (30, 90, 160)).save(out, "JPEG")
    return out.getvalue()


def test_a_cached_page_is_served_without_a_query(films, django_assert_num_queries):
    client = Client()
    _pages(client)
    addresses = [f"/films/{FILMS[0]}/", "/films/?sort=title", "/people/wen-lu/", "/festivals/tide/"]
    for address in addresses:
        with django_assert_num_queries(0):
            assert client.get(address).status_code == 200


def test_a_persons_new_name_shows_on_every_page_at_once(films, staff):
    client = Client()
    before = _pages(client)
    for slug in FILMS:
        assert "Directed by Wen Lu" in before[f"/films/{slug}/"]
    person = films[0].credits.get().person
    person.display_name = "Lu Wenqing"
    person_save(person=person, actor=staff, fields=["display_name"])
    after = _pages(client)
    for slug in FILMS:
        assert "Directed by Lu Wenqing" in after[f"/films/{slug}/"]
        assert "Wen Lu" not in after[f"/films/{slug}/"]
    assert "Lu Wenqing" in after["/people/wen-lu/"]
    assert "Wen Lu" not in after["/people/wen-lu/"]


def test_a_festivals_new_name_shows_on_every_page_at_once(films, staff):
    client = Client()
    before = _pages(client)
    for address in [*(f"/films/{slug}/" for slug in FILMS), "/festivals/tide/"]:
        assert "Tide Fest" in before[address], address
    festival = films[0].festival_entries.get().edition.festival
    festival.name = "Spring Tide Festival"
    festival_save(festival=festival, actor=staff, fields=["name"])
    after = _pages(client)
    for address in [*(f"/films/{slug}/" for slug in FILMS), "/festivals/tide/"]:
        assert "Spring Tide Festival" in after[address], address
        assert "Tide Fest " not in after[address].replace("Spring Tide Festival", "")


def test_a_new_poster_shows_on_the_cached_film_page_at_once(films, owner):
    client = Client()
    assert 'class="film-poster"' not in client.get(f"/films/{FILMS[1]}/").content.decode()
    image = image_upload(
        film=films[1], actor=owner, data=_jpeg(), details=ImageDetails(is_poster=True)
    )
    html = client.get(f"/films/{FILMS[1]}/").content.decode()
    assert 'class="film-poster"' in html
    assert f"/media/images/{image.public_id}/w" in html
    assert f'alt="Poster of {films[1].title}"' in html


def test_a_film_made_private_leaves_every_cached_list_at_once(films, owner):
    client = Client()
    before = _pages(client)
    for address in ("/films/", "/films/?sort=title", "/people/wen-lu/", "/festivals/tide/", "/"):
        assert "Salt Roads" in before[address], address
    film_set_visibility(film=films[1], actor=owner, visibility="private")
    assert client.get(f"/films/{FILMS[1]}/").status_code == 404
    after = {}
    for address in ("/films/", "/films/?sort=title", "/people/wen-lu/", "/festivals/tide/", "/"):
        after[address] = text_of(client.get(address))
        assert "Salt Roads" not in after[address], address
        assert "Harbour Lights" in after[address], address


def test_an_owners_private_film_never_reaches_the_visitors_cache(films, owner):
    film_set_visibility(film=films[1], actor=owner, visibility="private")
    signed_in = Client()
    signed_in.force_login(owner)
    for address in ("/films/", "/people/wen-lu/", "/festivals/tide/", "/"):
        assert "Salt Roads" in text_of(signed_in.get(address)), address
    assert signed_in.get(f"/films/{FILMS[1]}/").status_code == 200
    visitor = Client()
    for address in ("/films/", "/people/wen-lu/", "/festivals/tide/", "/"):
        assert "Salt Roads" not in text_of(visitor.get(address)), address
    assert visitor.get(f"/films/{FILMS[1]}/").status_code == 404


def test_the_visitors_cache_never_reaches_an_owner(films, owner):
    film_set_visibility(film=films[1], actor=owner, visibility="private")
    visitor = Client()
    for address in ("/films/", "/people/wen-lu/", "/festivals/tide/", "/"):
        assert "Salt Roads" not in text_of(visitor.get(address)), address
    signed_in = Client()
    signed_in.force_login(owner)
    for address in ("/films/", "/people/wen-lu/", "/festivals/tide/", "/"):
        page = text_of(signed_in.get(address))
        assert "Salt Roads" in page, address
        assert "dana-owner" in page, address  # the account links: rendered for them


def test_a_screener_holder_neither_reads_nor_fills_the_visitors_cache(films, owner):
    film_set_visibility(film=films[2], actor=owner, visibility="private")
    _link, token = screener_link_create(film=films[2], actor=owner, recipient="A programmer")
    holder = Client()
    holder.get(f"/share/s/{token}/")
    assert holder.get(f"/films/{FILMS[2]}/").status_code == 200
    holder_request = _request(holder, f"/films/{FILMS[2]}/")
    assert visitor_page_key(holder_request) is None
    assert Client().get(f"/films/{FILMS[2]}/").status_code == 404
    assert holder.get(f"/films/{FILMS[2]}/").status_code == 200


def _request(client: Client, path: str):
    """A request carrying ``client``'s cookies, through the middleware that builds a viewer."""
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware

    request = RequestFactory().get(path)
    request.COOKIES.update({k: v.value for k, v in client.cookies.items()})
    SessionMiddleware(lambda r: None).process_request(request)
    AuthenticationMiddleware(lambda r: None).process_request(request)
    request._messages = FallbackStorage(request)
    attach_viewer(request)
    return request


def test_a_visitor_with_a_message_gets_the_page_rendered(films):
    request = _request(Client(), "/films/")
    assert visitor_page_key(request) is not None
    get_messages(request).add(constants.INFO, "Saved.")
    assert visitor_page_key(request) is None


def test_a_signed_in_viewer_has_no_visitor_key(films, owner):
    client = Client()
    client.force_login(owner)
    assert visitor_page_key(_request(client, "/films/")) is None


def test_the_key_follows_language_query_and_version(films):
    request = _request(Client(), "/films/?sort=title&page=2")
    same = _request(Client(), "/films/?page=2&sort=title")
    other = _request(Client(), "/films/?page=3&sort=title")
    key = visitor_page_key(request)
    assert key == visitor_page_key(same)
    assert key != visitor_page_key(other)
    from django.utils import translation

    with translation.override("zh-hans"):
        assert visitor_page_key(request) != key
    versions.content_changed()
    assert visitor_page_key(request) != key


def test_a_page_that_used_a_csrf_token_is_not_stored(films, owner):
    film_set_visibility(film=films[0], actor=owner, visibility="password", password="open sesame")
    client = Client()
    first = client.get(f"/films/{FILMS[0]}/")
    assert "csrfmiddlewaretoken" in first.content.decode()  # the password form
    key = visitor_page_key(_request(Client(), f"/films/{FILMS[0]}/"))
    assert key is not None
    assert cache.get(key) is None


def test_a_visitors_page_is_stored_once_rendered(films):
    key = visitor_page_key(_request(Client(), f"/films/{FILMS[0]}/"))
    assert cache.get(key) is None
    Client().get(f"/films/{FILMS[0]}/")
    content, headers = cache.get(key)
    assert b"Harbour Lights" in content
    assert ("Content-Type", "text/html; charset=utf-8") in headers


def test_the_version_is_replaced_at_once_and_again_at_commit(django_capture_on_commit_callbacks):
    first = versions.content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        versions.content_changed()
        inside = versions.content_version()
        versions.content_changed()
        assert versions.content_version() != inside
    assert inside != first
    assert callbacks == [versions._publish]  # once per transaction
    assert versions.content_version() not in (first, inside)


def test_a_rolled_back_savepoint_keeps_its_commit_replacement(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        with contextlib.suppress(RuntimeError), transaction.atomic():
            versions.content_changed()
            raise RuntimeError  # the savepoint is rolled back
        versions.content_changed()
    assert callbacks == [versions._publish]


def test_a_lost_version_is_a_new_one():
    before = versions.content_version()
    cache.delete(versions.VERSION_KEY)
    after = versions.content_version()
    assert after != before
    assert versions.content_version() == after


# The film page for signed-in and granted viewers: a cache of each viewer's own.


def _tokens(html: str) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)


def test_a_signed_in_viewers_cached_page_gets_a_fresh_working_token(films):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory.create(username="programmer"))
    first = client.get(f"/films/{FILMS[0]}/").content.decode()
    second = client.get(f"/films/{FILMS[0]}/").content.decode()
    assert csrf_slot() not in first + second
    assert len(_tokens(first)) == len(_tokens(second)) == 2
    assert _tokens(first) != _tokens(second)  # masked anew for each request
    assert "programmer" in second
    response = client.post(
        "/i18n/setlang/",
        {"language": "zh-hans", "next": "/", "csrfmiddlewaretoken": _tokens(second)[0]},
    )
    assert response.status_code == 302


def test_a_signed_in_viewers_page_never_reaches_another_viewer(films, owner):
    film_set_visibility(film=films[1], actor=owner, visibility="unlisted")
    first = UserFactory.create(username="reader-one")
    Collaborator.objects.create(film=films[1], user=first, role="viewer")
    first_client = Client()
    first_client.force_login(first)
    for _ in range(2):
        assert "reader-one" in first_client.get(f"/films/{FILMS[1]}/").content.decode()
    other = Client()
    other.force_login(UserFactory.create(username="someone-else"))
    html = other.get(f"/films/{FILMS[1]}/").content.decode()
    assert "reader-one" not in html
    assert "someone-else" in html
    plain = Client().get(f"/films/{FILMS[1]}/").content.decode()
    assert "reader-one" not in plain and "someone-else" not in plain
    owner_client = Client()
    owner_client.force_login(owner)
    html = owner_client.get(f"/films/{FILMS[1]}/").content.decode()
    assert "Edit in studio" in html and "reader-one" not in html


def test_a_viewers_cached_page_follows_their_rights_at_once(
    films, owner, django_capture_on_commit_callbacks
):
    reader = UserFactory.create(username="reader")
    film_set_visibility(film=films[1], actor=owner, visibility="private")
    client = Client()
    client.force_login(reader)
    assert client.get(f"/films/{FILMS[1]}/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail goes at commit
        collaborator_invite(film=films[1], actor=owner, email="reader@example.org", role="viewer")
    token = mail.outbox[-1].body.split("/share/invitations/")[1].split()[0].strip("/")
    invitation_accept(token=token, user=reader)
    assert client.get(f"/films/{FILMS[1]}/").status_code == 200
    film_set_visibility(film=films[0], actor=owner, visibility="private")
    assert client.get(f"/films/{FILMS[0]}/").status_code == 404


def test_a_films_manager_gets_the_page_rendered_every_time(films, owner):
    client = Client()
    client.force_login(owner)
    client.get(f"/films/{FILMS[0]}/")
    response = client.get(f"/films/{FILMS[0]}/")
    assert "sharing/panels/owner.html" in [t.name for t in response.templates]


def test_a_screener_holders_page_is_theirs_alone(films, owner):
    film_set_visibility(film=films[2], actor=owner, visibility="private")
    _link, token = screener_link_create(film=films[2], actor=owner, recipient="A programmer")
    holder = Client()
    holder.get(f"/share/s/{token}/")
    assert holder.get(f"/films/{FILMS[2]}/").status_code == 200
    key = viewer_page_key(_request(holder, f"/films/{FILMS[2]}/"))
    assert key is not None and cache.get(key) is not None
    signed_in = Client()
    signed_in.force_login(UserFactory.create())
    assert signed_in.get(f"/films/{FILMS[2]}/").status_code == 404
    assert Client().get(f"/films/{FILMS[2]}/").status_code == 404
