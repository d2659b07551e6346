"""Bad input on the sharing page: other films' ids, oversize fields, forged CSRF — each refused
with a clear message, and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.films.choices import Visibility
from filmfolio.films.models import Collaborator, Film
from filmfolio.sharing.models import Invitation, ScreenerLink

from .factories import CollaboratorFactory, ScreenerLinkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_client():
    owner = CollaboratorFactory()
    client = Client()
    client.force_login(owner.user)
    client.owner = owner  # type: ignore[attr-defined]
    return client


def test_revoking_another_films_link_is_refused(owner_client):
    foreign = ScreenerLinkFactory()
    slug = owner_client.owner.film.slug
    response = owner_client.post(
        f"/films/{slug}/edit/sharing/links/{foreign.pk}/revoke/", follow=True
    )
    assert "This screener link does not exist on this film." in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.revoked_at is None


def test_removing_another_films_collaborator_is_refused(owner_client):
    foreign = CollaboratorFactory()
    slug = owner_client.owner.film.slug
    response = owner_client.post(
        f"/films/{slug}/edit/sharing/collaborators/{foreign.pk}/remove/", follow=True
    )
    assert "This collaborator does not exist on this film." in response.content.decode()
    assert Collaborator.objects.filter(pk=foreign.pk).exists()


def test_oversize_recipient_is_refused(owner_client):
    slug = owner_client.owner.film.slug
    response = owner_client.post(
        f"/films/{slug}/edit/sharing/", {"form": "link", "recipient": "x" * 201}
    )
    assert response.status_code == 400
    assert response.context["link_form"].errors["recipient"] == [
        "Ensure this value has at most 200 characters (it has 201)."
    ]
    assert ScreenerLink.objects.count() == 0


def test_invalid_expiry_is_refused(owner_client):
    slug = owner_client.owner.film.slug
    response = owner_client.post(
        f"/films/{slug}/edit/sharing/",
        {"form": "link", "recipient": "Jury", "expires_at": "2024-02-30T10:00"},
    )
    assert response.status_code == 400
    assert response.context["link_form"].errors["expires_at"] == ["Enter a valid date/time."]
    assert ScreenerLink.objects.count() == 0


def test_unknown_role_and_bad_email_are_refused(owner_client):
    slug = owner_client.owner.film.slug
    response = owner_client.post(
        f"/films/{slug}/edit/sharing/", {"form": "invite", "email": "nobody", "role": "king"}
    )
    assert response.status_code == 400
    errors = response.context["invite_form"].errors
    assert errors["email"] == ["Enter a valid email address."]
    assert errors["role"] == ["Select a valid choice. king is not one of the available choices."]
    assert Invitation.objects.count() == 0


def test_password_visibility_without_password_shows_the_field_error(owner_client):
    film = owner_client.owner.film
    response = owner_client.post(
        f"/films/{film.slug}/edit/sharing/", {"form": "visibility", "visibility": "password"}
    )
    assert response.status_code == 400
    assert response.context["visibility_form"].errors["password"] == [
        "Give the password viewers will type."
    ]
    assert Film.objects.get(pk=film.pk).visibility == Visibility.PRIVATE


def test_forged_csrf_on_the_sharing_page_is_refused():
    owner = CollaboratorFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner.user)
    response = client.post(
        f"/films/{owner.film.slug}/edit/sharing/", {"form": "visibility", "visibility": "public"}
    )
    assert response.status_code == 403
    assert Film.objects.get(pk=owner.film.pk).visibility == Visibility.PRIVATE
