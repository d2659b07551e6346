"""Sign up, log in with a rate limit, password reset by e-mail, profile and person claims."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from filmfolio.accounts.choices import ClaimStatus
from filmfolio.accounts.models import PersonClaim
from filmfolio.people.models import Person

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_signup_creates_a_hashed_account_and_logs_in(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "mei",
            "email": "mei@example.org",
            "password1": "river lantern 88",
            "password2": "river lantern 88",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    user = get_user_model().objects.get(username="mei")
    assert user.password != "river lantern 88"
    assert user.check_password("river lantern 88")
    assert client.get("/accounts/profile/").status_code == 200


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


def test_signup_refuses_a_used_email(client):
    UserFactory(email="taken@example.org")
    response = client.post(
        "/accounts/signup/",
        {
            "username": "new",
            "email": "TAKEN@example.org",
            "password1": "river lantern 88",
            "password2": "river lantern 88",
        },
    )
    assert response.context["form"].errors["email"] == [
        "An account with this e-mail address exists already."
    ]
    assert get_user_model().objects.count() == 1


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


def test_claim_is_confirmed_by_an_administrator(client):
    user = UserFactory()
    admin = UserFactory(staff=True)
    person = Person.objects.create(display_name="Zhu Shengze", slug="zhu-shengze")
    client.force_login(user)
    client.post("/accounts/people/zhu-shengze/claim/", {"message": "My festival badge"})
    claim = PersonClaim.objects.get()
    assert claim.status == ClaimStatus.PENDING
    person.refresh_from_db()
    assert person.user is None
    refused = client.post(f"/accounts/claims/{claim.pk}/decide/", {"decision": "approve"})
    assert refused.status_code == 403
    admin_client = Client()
    admin_client.force_login(admin)
    assert "Zhu Shengze" in admin_client.get("/accounts/claims/").content.decode()
    admin_client.post(f"/accounts/claims/{claim.pk}/decide/", {"decision": "approve"})
    claim.refresh_from_db()
    person.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert claim.decided_by == admin
    assert person.user == user
    assert "Zhu Shengze" in client.get("/accounts/profile/").content.decode()


def test_claim_of_a_linked_person_is_refused(client):
    owner = UserFactory()
    Person.objects.create(display_name="Taken", slug="taken", user=owner)
    client.force_login(UserFactory())
    response = client.post("/accounts/people/taken/claim/", {"message": ""})
    assert "already linked to an account" in response.content.decode()
    assert PersonClaim.objects.count() == 0


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
    assert 'href="/accounts/people/zhu/claim/"' in button


def test_login_with_a_forged_csrf_token_is_refused():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
