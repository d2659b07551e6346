"""The film page served from its caches: changes made through the services show at once,
plain visitors get a token-free page, signed-in viewers their own slots (``film``: conftest)."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.versions import content_changed
from filmfolio.films import services
from filmfolio.films.models import Collaborator
from filmfolio.web.tests.pagetext import text_of

pytestmark = pytest.mark.django_db


def test_film_record_is_cached_and_refreshed_when_the_film_changes(
    client: Client, film, django_assert_num_queries
) -> None:
    assert client.get("/films/out-of-focus/").status_code == 200
    # A plain visitor's second visit is served whole from the cache: no query at all.
    with django_assert_num_queries(0):
        response = client.get("/films/out-of-focus/")
    assert "Cameras for kids." in text_of(response)
    staff = UserFactory.create(is_staff=True)
    services.film_update(film=film, actor=staff, values={"runtime_minutes": 90})
    assert "Runtime 90 min" in text_of(client.get("/films/out-of-focus/"))
    chinese = text_of(client.get("/films/out-of-focus/", HTTP_ACCEPT_LANGUAGE="zh-hans"))
    assert "片长 90 分钟" in chinese
    cache.clear()


def test_a_film_made_private_leaves_the_cached_page_at_once(client: Client, film) -> None:
    assert client.get("/films/out-of-focus/").status_code == 200
    staff = UserFactory.create(is_staff=True)
    services.film_set_visibility(film=film, actor=staff, visibility="private")
    assert client.get("/films/out-of-focus/").status_code == 404


def test_a_plain_visitors_page_needs_no_csrf_token(film) -> None:
    """The page a plain visitor gets is cached whole: it holds no token, sets no CSRF cookie,
    and its language switch works from the same origin without one."""
    client = Client(enforce_csrf_checks=True)
    first = client.get("/films/out-of-focus/")
    second = client.get("/films/out-of-focus/")
    assert first.content == second.content
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert "csrftoken" not in first.cookies and "csrftoken" not in second.cookies
    response = client.post(
        "/i18n/setlang/",
        {"language": "zh-hans", "next": "/films/out-of-focus/"},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302
    assert "演职人员" in text_of(client.get("/films/out-of-focus/"))


def test_the_language_switch_from_another_site_needs_a_token(film) -> None:
    client = Client(enforce_csrf_checks=True)
    for headers in (
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "https://elsewhere.example"},
        {},
    ):
        response = client.post(
            "/i18n/setlang/",
            {"language": "zh-hans", "next": "/films/out-of-focus/"},
            headers=headers,
        )
        assert response.status_code == 403
        assert "django_language" not in response.cookies
    same_host = client.post(
        "/i18n/setlang/",
        {"language": "zh-hans", "next": "/films/out-of-focus/"},
        HTTP_ORIGIN="http://testserver",
    )
    assert same_host.status_code == 302
    assert same_host.cookies["django_language"].value == "zh-hans"


def test_a_signed_in_viewers_language_switch_carries_a_working_token(film) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory.create())
    html = client.get("/films/out-of-focus/").content.decode()
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(tokens) == 2  # the language switch and the log-out button
    response = client.post(
        "/i18n/setlang/",
        {"language": "zh-hans", "next": "/films/out-of-focus/", "csrfmiddlewaretoken": tokens[0]},
    )
    assert response.status_code == 302
    assert "演职人员" in text_of(client.get("/films/out-of-focus/"))


def test_signed_in_viewers_get_the_slots_rendered_for_them(client: Client, film) -> None:
    client.get("/films/out-of-focus/")
    user = UserFactory.create()
    Collaborator.objects.create(film=film, user=user, role="owner")
    client.force_login(user)
    response = client.get("/films/out-of-focus/")
    # the shell comes from the cache; the owner's panel is rendered for them
    assert "films/detail.html" not in [t.name for t in response.templates]
    assert "sharing/panels/owner.html" in [t.name for t in response.templates]
    assert response.context["access"] == 4
    assert response.context["viewer"].user == user


def test_signed_in_viewers_reuse_the_cached_record(
    client: Client, film, django_assert_num_queries
) -> None:
    user = UserFactory.create()
    # A viewer: the owner slot (sharing) shows nothing, so only this page's queries count.
    Collaborator.objects.create(film=film, user=user, role="viewer")
    client.force_login(user)
    client.get("/films/out-of-focus/")
    content_changed()  # a write elsewhere: this viewer's page is rendered again, the shell is not
    # user, the film, collaborators; the videos only the team may see (the media every viewer
    # sees is in the cached shell; the session comes from the cache)
    with django_assert_num_queries(4):
        first = client.get("/films/out-of-focus/")
    assert first.context["access"] == 2
    # then the page this viewer was given, from their own cache: the user only
    with django_assert_num_queries(1):
        second = client.get("/films/out-of-focus/")
    assert text_of(first) == text_of(second)
