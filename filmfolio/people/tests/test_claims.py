"""'This is me': a signed-in user asks to be linked to a person record; staff decide."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.accounts.choices import ClaimStatus
from filmfolio.accounts.models import PersonClaim
from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.tests.factories import CreditFactory, FilmFactory

from .factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_claim_is_confirmed_by_an_administrator(client):
    user = UserFactory()
    admin = UserFactory(staff=True)
    person = PersonFactory(display_name="Zhu Shengze", slug="zhu-shengze")
    CreditFactory(person=person)
    client.force_login(user)
    client.post("/people/zhu-shengze/claim/", {"message": "My festival badge"})
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
    CreditFactory(person=PersonFactory(display_name="Taken", slug="taken", user=owner))
    client.force_login(UserFactory())
    response = client.post("/people/taken/claim/", {"message": ""})
    assert "already linked to an account" in response.content.decode()
    assert PersonClaim.objects.count() == 0


@pytest.mark.parametrize("visibility", ("private", "unlisted", "password"))
def test_a_person_reached_only_through_an_unlisted_film_cannot_be_claimed(client, visibility):
    person = PersonFactory(display_name="Qxkv Hidden", slug="qxkv-hidden")
    CreditFactory(person=person, film=FilmFactory(**{visibility: True}))
    client.force_login(UserFactory())
    page = client.get("/people/qxkv-hidden/claim/")
    posted = client.post("/people/qxkv-hidden/claim/", {"message": "me"})
    assert (page.status_code, posted.status_code) == (404, 404)
    assert b"Qxkv Hidden" not in page.content
    assert PersonClaim.objects.count() == 0


def test_an_unknown_person_and_a_hidden_one_answer_alike(client):
    CreditFactory(person=PersonFactory(slug="hidden"), film=FilmFactory(private=True))
    client.force_login(UserFactory())
    hidden = client.get("/people/hidden/claim/")
    unknown = client.get("/people/hiddeX/claim/")
    assert (hidden.status_code, unknown.status_code) == (404, 404)
    assert hidden.templates[0].name == unknown.templates[0].name == "404.html"
