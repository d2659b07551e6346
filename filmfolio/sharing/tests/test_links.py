"""Screener links: creation, opening, grants re-checked on each request, revocation, expiry."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing import services, viewers
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tokens import token_digest

from .factories import CollaboratorFactory, FilmFactory, ScreenerLinkFactory

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0"


def test_create_stores_only_the_hash_of_a_long_random_token():
    owner = CollaboratorFactory(role=CollaboratorRole.OWNER)
    link, token = services.screener_link_create(
        film=owner.film, actor=owner.user, recipient="Cinéma du Réel programming"
    )
    assert len(token) == 43
    assert link.token_hash == token_digest(token)
    assert token not in link.token_hash
    assert ScreenerLink.objects.filter(token_hash=token).count() == 0
    assert link.recipient == "Cinéma du Réel programming"


def test_editor_may_not_create_links_and_nothing_is_created():
    editor = CollaboratorFactory(role=CollaboratorRole.EDITOR)
    with pytest.raises(PermissionDeniedError):
        services.screener_link_create(film=editor.film, actor=editor.user, recipient="X")
    assert ScreenerLink.objects.count() == 0


def test_expiry_in_the_past_is_refused():
    owner = CollaboratorFactory()
    with pytest.raises(ValidationFailedError) as error:
        services.screener_link_create(
            film=owner.film,
            actor=owner.user,
            recipient="X",
            expires_at=timezone.now() - datetime.timedelta(minutes=1),
        )
    assert error.value.errors == {"expires_at": ["The expiry must be in the future."]}
    assert ScreenerLink.objects.count() == 0


def test_opening_a_link_grants_the_film_and_redirects_to_the_clean_address(client):
    film = FilmFactory(title="The quiet river")
    link = ScreenerLinkFactory(film=film, token="abc" * 15)
    response = client.get(
        reverse("sharing:link", kwargs={"token": "abc" * 15}), HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 302
    assert response["Location"] == f"/films/{film.slug}/"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "private, no-store"
    assert client.session[viewers.SESSION_LINK_GRANTS] == {str(film.pk): link.pk}
    page = client.get(f"/films/{film.slug}/", HTTP_USER_AGENT=BROWSER)
    assert page.status_code == 200
    assert "The quiet river" in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"
    assert page["Referrer-Policy"] == "same-origin"
    link.refresh_from_db()
    assert link.open_count == 1
    assert link.first_opened_at is not None
    assert link.last_opened_at == link.first_opened_at


def _open(client: Client, token: str, method: str = "get", agent: str = BROWSER):
    """Open the link and follow its redirect, as a browser does."""
    response = getattr(client, method)(f"/share/s/{token}/", HTTP_USER_AGENT=agent)
    if response.status_code == 302 and method == "get":
        client.get(response["Location"], HTTP_USER_AGENT=agent)
    return response


def test_each_visit_is_counted_once_and_first_opening_kept():
    link = ScreenerLinkFactory(token="t" * 43)
    first_browser = Client()
    _open(first_browser, "t" * 43)
    link.refresh_from_db()
    first = link.first_opened_at
    assert (link.open_count, first is not None) == (1, True)
    _open(first_browser, "t" * 43)
    first_browser.get(f"/films/{link.film.slug}/", HTTP_USER_AGENT=BROWSER)
    link.refresh_from_db()
    assert link.open_count == 1
    _open(Client(), "t" * 43)
    link.refresh_from_db()
    assert link.open_count == 2
    assert link.first_opened_at == first
    assert link.last_opened_at >= first


def test_head_requests_and_link_previewers_are_not_counted():
    link = ScreenerLinkFactory(token="p" * 43)
    head = _open(Client(), "p" * 43, method="head")
    assert (head.status_code, head["Location"]) == (302, f"/films/{link.film.slug}/")
    for agent in [
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "facebookexternalhit/1.1",
        "WhatsApp/2.23.20.0",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "curl/8.5.0",
        "",
    ]:
        _open(Client(), "p" * 43, agent=agent)
    link.refresh_from_db()
    assert (link.open_count, link.first_opened_at) == (0, None)


def test_a_client_without_cookies_is_not_counted():
    link = ScreenerLinkFactory(token="c" * 43)
    for _ in range(3):
        cookieless = Client()
        response = cookieless.get(f"/share/s/{'c' * 43}/", HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 302
        Client().get(response["Location"], HTTP_USER_AGENT=BROWSER)
    link.refresh_from_db()
    assert link.open_count == 0


def test_revoking_ends_access_at_once_and_prunes_the_grant(client):
    owner = CollaboratorFactory()
    film = owner.film
    link = ScreenerLinkFactory(film=film, token="r" * 43)
    _open(client, "r" * 43)
    assert client.get(f"/films/{film.slug}/").status_code == 200
    services.screener_link_revoke(film=film, actor=owner.user, link_id=link.pk)
    assert client.get(f"/films/{film.slug}/").status_code == 404
    assert client.session[viewers.SESSION_LINK_GRANTS] == {}
    assert client.get(f"/share/s/{'r' * 43}/").status_code == 404


def test_expired_link_opens_nothing(client):
    film = FilmFactory(title="Unique expired title")
    ScreenerLinkFactory(
        film=film, token="e" * 43, expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.get(f"/share/s/{'e' * 43}/")
    assert response.status_code == 404
    assert "Unique expired title" not in response.content.decode()
    assert viewers.SESSION_LINK_GRANTS not in client.session
    assert client.get(f"/films/{film.slug}/").status_code == 404


def test_link_expiring_after_opening_stops_working(client):
    film = FilmFactory()
    link = ScreenerLinkFactory(
        film=film, token="x" * 43, expires_at=timezone.now() + datetime.timedelta(hours=1)
    )
    client.get(f"/share/s/{'x' * 43}/")
    assert client.get(f"/films/{film.slug}/").status_code == 200
    ScreenerLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(f"/films/{film.slug}/").status_code == 404


def test_password_link_asks_for_its_password_on_a_clean_address(client):
    owner = CollaboratorFactory()
    link, token = services.screener_link_create(
        film=owner.film, actor=owner.user, recipient="Jury", password="pass phrase 42"
    )
    opened = client.get(f"/share/s/{token}/")
    assert opened.status_code == 302
    assert opened["Location"] == "/share/unlock/"
    assert opened["Referrer-Policy"] == "no-referrer"
    form = client.get("/share/unlock/")
    assert form.status_code == 200
    assert form["Cache-Control"] == "private, no-store"
    wrong = client.post("/share/unlock/", {"password": "nope"})
    assert wrong.status_code == 403
    assert "This password is not right." in wrong.content.decode()
    link.refresh_from_db()
    assert link.open_count == 0
    assert client.get(f"/films/{owner.film.slug}/").status_code == 404
    right = client.post("/share/unlock/", {"password": "pass phrase 42"})
    assert right.status_code == 302
    assert right["Location"] == f"/films/{owner.film.slug}/"
    assert client.get(f"/films/{owner.film.slug}/").status_code == 200


def test_unlock_without_a_pending_link_opens_nothing(client):
    assert client.post("/share/unlock/", {"password": "x"}).status_code == 404


def test_link_of_another_film_cannot_be_revoked_through_this_one():
    owner = CollaboratorFactory()
    foreign = ScreenerLinkFactory()
    with pytest.raises(Exception, match="does not exist on this film"):
        services.screener_link_revoke(film=owner.film, actor=owner.user, link_id=foreign.pk)
    foreign.refresh_from_db()
    assert foreign.revoked_at is None


def test_grant_check_costs_one_query(rf, django_assert_num_queries):
    link = ScreenerLinkFactory()
    request = rf.get("/")
    request.session = {viewers.SESSION_LINK_GRANTS: {str(link.film_id): link.pk}}
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    with django_assert_num_queries(1):
        viewer = viewers.viewer_for(request)
    assert viewer.link_film_ids == frozenset({link.film_id})


def test_grant_for_a_link_of_another_film_is_ignored(rf):
    link = ScreenerLinkFactory()
    other = FilmFactory()
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    request.session = {viewers.SESSION_LINK_GRANTS: {str(other.pk): link.pk}}
    assert viewers.viewer_for(request).link_film_ids == frozenset()


def test_link_password_guessing_is_rate_limited(client):
    owner = CollaboratorFactory()
    _link, token = services.screener_link_create(
        film=owner.film, actor=owner.user, recipient="Jury", password="pass phrase 42"
    )
    client.get(f"/share/s/{token}/")
    for _ in range(10):
        assert client.post("/share/unlock/", {"password": "guess"}).status_code == 403
    blocked = client.post("/share/unlock/", {"password": "pass phrase 42"})
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()
    assert client.get(f"/films/{owner.film.slug}/").status_code == 404


def test_link_password_failures_from_one_address_leave_other_links_open(client):
    owner = CollaboratorFactory()
    _first, first_token = services.screener_link_create(
        film=owner.film, actor=owner.user, recipient="Jury", password="pass phrase 42"
    )
    _second, second_token = services.screener_link_create(
        film=owner.film, actor=owner.user, recipient="Press", password="pass phrase 43"
    )
    client.get(f"/share/s/{first_token}/")
    for _ in range(10):
        client.post("/share/unlock/", {"password": "guess"})
    client.get(f"/share/s/{second_token}/")
    opened = client.post("/share/unlock/", {"password": "pass phrase 43"})
    assert opened.status_code == 302
    assert opened["Location"] == f"/films/{owner.film.slug}/"


def test_link_password_is_limited_per_link_whatever_the_address(client):
    owner = CollaboratorFactory()
    _link, token = services.screener_link_create(
        film=owner.film, actor=owner.user, recipient="Jury", password="pass phrase 42"
    )
    client.get(f"/share/s/{token}/")
    for number in range(10):
        client.post("/share/unlock/", {"password": "guess"}, REMOTE_ADDR=f"198.51.100.{number}")
    blocked = client.post("/share/unlock/", {"password": "pass phrase 42"}, REMOTE_ADDR="192.0.2.1")
    assert blocked.status_code == 429
