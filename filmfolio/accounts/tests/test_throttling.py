"""Failed logins are counted per account and per client address separately; the client address
is read from X-Forwarded-For only when the request came through a trusted proxy."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import checks
from django.test import Client, RequestFactory, override_settings

from filmfolio.accounts.checks import check_trusted_proxies
from filmfolio.accounts.throttling import client_address

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client: Client, username: str, password: str, address: str, forwarded: str = ""):
    extra: dict[str, Any] = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def test_failures_for_one_account_do_not_lock_other_accounts_from_that_address():
    victim, bystander = UserFactory(), UserFactory()
    for _ in range(5):
        assert _login(Client(), victim.username, "wrong", "203.0.113.7").status_code == 200
    assert _login(Client(), victim.username, PASSWORD, "203.0.113.7").status_code == 429
    other = Client()
    assert _login(other, bystander.username, PASSWORD, "203.0.113.7").status_code == 302
    assert other.session["_auth_user_id"] == str(bystander.pk)


def test_an_account_is_limited_whatever_the_address():
    victim = UserFactory()
    for number in range(5):
        _login(Client(), victim.username, "wrong", f"198.51.100.{number}")
    blocked = _login(Client(), victim.username, PASSWORD, "198.51.100.99")
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()


def test_one_address_is_limited_across_accounts_at_thirty_failures():
    users = [UserFactory() for _ in range(8)]
    for number in range(30):
        failed = _login(Client(), users[number % 8].username, "wrong", "203.0.113.9")
        assert failed.status_code == 200
    fresh = UserFactory()
    assert _login(Client(), fresh.username, PASSWORD, "203.0.113.9").status_code == 429
    assert _login(Client(), fresh.username, PASSWORD, "203.0.113.10").status_code == 302


def test_forwarded_for_is_ignored_without_trusted_proxies():
    victim = UserFactory()
    for number in range(30):
        _login(Client(), f"nobody{number}", "wrong", "203.0.113.9", forwarded=f"10.1.1.{number}")
    assert _login(Client(), victim.username, PASSWORD, "203.0.113.9").status_code == 429


@override_settings(FILMFOLIO_TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"])
def test_behind_a_trusted_proxy_each_client_has_its_own_count():
    user = UserFactory()
    for number in range(30):
        _login(Client(), f"nobody{number}", "wrong", "127.0.0.1", forwarded="203.0.113.5")
    assert _login(Client(), user.username, PASSWORD, "127.0.0.1", "203.0.113.5").status_code == 429
    allowed = _login(Client(), user.username, PASSWORD, "127.0.0.1", "203.0.113.6")
    assert allowed.status_code == 302


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "203.0.113.5", "203.0.113.5"),
        ("127.0.0.1", "198.51.100.1, 203.0.113.5", "203.0.113.5"),
        ("127.0.0.1", "198.51.100.1, 203.0.113.5, 10.2.3.4", "203.0.113.5"),
        ("127.0.0.1", "10.9.9.9, 10.2.3.4", "10.9.9.9"),
        ("203.0.113.80", "198.51.100.1", "203.0.113.80"),
        ("::1", "198.51.100.1", "::1"),
    ],
)
@override_settings(FILMFOLIO_TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"])
def test_client_address(rf: RequestFactory, remote, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@override_settings(FILMFOLIO_TRUSTED_PROXIES=["127.0.0.1", "proxy.internal"])
def test_a_trusted_proxy_that_is_not_an_address_is_reported():
    errors = check_trusted_proxies()
    assert [(e.level, e.id) for e in errors] == [(checks.ERROR, "filmfolio.E001")]
    assert "proxy.internal" in errors[0].msg
