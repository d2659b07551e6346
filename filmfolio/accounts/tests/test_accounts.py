"""Sign up, log in with a rate limit, password reset by e-mail, profile and person claims."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from filmfolio.people.models import Person

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


SIGNUP = {"username": "mei", "password1": "river lantern 88", "password2": "river lantern 88"}


def _link(message) -> str:
    line = next(line for line in message.body.splitlines() if "/accounts/signup/confirm/" in line)
    return line.strip().removeprefix("http://127.0.0.1:8000")


def test_signup_confirms_the_address_then_the_account_logs_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", {**SIGNUP, "email": "mei@example.org"})
    assert (response.status_code, response["Location"]) == (302, "/accounts/signup/sent/")
    user = get_user_model().objects.get(username="mei")
    assert (user.is_active, user.password != "river lantern 88") == (False, True)
    assert user.check_password("river lantern 88")
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mail.outbox] == [["mei@example.org"]]
    assert mail.outbox[0].subject == "Confirm your Filmfolio account"
    confirmed = client.get(_link(mail.outbox[0]))
    assert (confirmed.status_code, confirmed["Location"]) == (302, "/accounts/login/")
    user.refresh_from_db()
    assert user.is_active is True
    assert client.get(_link(mail.outbox[0])).status_code == 404
    login = client.post("/accounts/login/", {"username": "mei", "password": "river lantern 88"})
    assert login.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200


def test_an_unconfirmed_account_cannot_log_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/signup/", {**SIGNUP, "email": "mei@example.org"})
    login = client.post("/accounts/login/", {"username": "mei", "password": "river lantern 88"})
    assert login.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_forged_confirmation_link_activates_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/signup/", {**SIGNUP, "email": "mei@example.org"})
    path = _link(mail.outbox[0])
    forged = path.rstrip("/")[:-3] + "abc/"
    assert client.get(forged).status_code == 404
    assert client.get("/accounts/signup/confirm/bm9wZQ/abc-def/").status_code == 404
    assert get_user_model().objects.get(username="mei").is_active is False


def test_signup_applies_the_password_validators(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "mei",
            "email": "mei@example.org",
            "password1": "12345678",
            "password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert "This password is too common." in response.context["form"].errors["password2"]
    assert not get_user_model().objects.filter(username="mei").exists()


def test_signup_does_not_tell_whether_an_address_is_registered(
    client, django_capture_on_commit_callbacks
):
    UserFactory(username="taken", email="taken@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        used = Client().post("/accounts/signup/", {**SIGNUP, "email": "TAKEN@example.org"})
        fresh = Client().post(
            "/accounts/signup/", {**SIGNUP, "username": "lin", "email": "lin@example.org"}
        )
    assert (used.status_code, used["Location"]) == (fresh.status_code, fresh["Location"])
    pages = [Client().get(r["Location"]).content.decode() for r in (used, fresh)]
    assert [re.sub(r'value="[^"]{64}"', "", page) for page in pages] == [
        re.sub(r'value="[^"]{64}"', "", pages[1])
    ] * 2
    assert sorted(get_user_model().objects.values_list("username", flat=True)) == ["lin", "taken"]
    holder_mail = next(m for m in mail.outbox if m.to == ["taken@example.org"])
    assert holder_mail.subject == "Your Filmfolio account"
    assert "taken" in holder_mail.body
    assert "http://127.0.0.1:8000/accounts/password/reset/" in holder_mail.body
    assert "/accounts/signup/confirm/" not in holder_mail.body


def test_signup_is_rate_limited_per_address(client):
    for number in range(10):
        attempt = client.post("/accounts/signup/", {**SIGNUP, "email": f"a{number}@example.org"})
        assert attempt.status_code in (200, 302)
    blocked = client.post("/accounts/signup/", {**SIGNUP, "username": "z", "email": "z@ex.org"})
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()
    assert not get_user_model().objects.filter(username="z").exists()
    other = Client().post(
        "/accounts/signup/",
        {**SIGNUP, "username": "z", "email": "z@ex.org"},
        REMOTE_ADDR="192.0.2.9",
    )
    assert other.status_code == 302


def test_login_and_logout(client):
    user = UserFactory()
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/accounts/profile/").status_code == 302


def test_login_is_rate_limited_after_five_failures(client):
    user = UserFactory()
    for _ in range(5):
        failed = client.post("/accounts/login/", {"username": user.username, "password": "x"})
        assert failed.status_code == 200
    blocked = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(client):
    user = UserFactory(email="reset@example.org")
    response = client.post("/accounts/password/reset/", {"email": "reset@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    path = link.removeprefix("http://testserver")
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"] is True
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "new lantern 99", "new_password2": "new lantern 99"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("new lantern 99")


def test_password_reset_is_rate_limited(client):
    UserFactory(email="reset@example.org")
    for _ in range(5):
        client.post("/accounts/password/reset/", {"email": "reset@example.org"})
    blocked = client.post("/accounts/password/reset/", {"email": "reset@example.org"})
    assert blocked.status_code == 429
    assert len(mail.outbox) == 5


def test_account_nav_and_claim_button_render(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    request = rf.get("/people/zhu/")
    request.user = AnonymousUser()
    nav = render_to_string("accounts/nav.html", {"user": request.user}, request)
    assert 'href="/accounts/login/?next=/people/zhu/"' in nav
    assert 'href="/accounts/signup/"' in nav
    person = Person.objects.create(display_name="Zhu", slug="zhu")
    button = render_to_string(
        "accounts/claim_button.html", {"person": person, "user": request.user}, request
    )
    assert 'href="/people/zhu/claim/"' in button


def test_login_with_a_forged_csrf_token_is_refused():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
