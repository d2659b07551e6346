"""Visibility and film passwords, the password form, collaborators and invitations."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.hashers import check_password
from django.core import mail
from django.test import Client
from django.utils import timezone

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.errors import ValidationFailedError
from filmfolio.films import access
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Collaborator, Film
from filmfolio.films.services import film_set_visibility
from filmfolio.sharing import services, viewers
from filmfolio.sharing.models import Invitation

from .factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db


def test_password_visibility_hashes_the_password():
    owner = CollaboratorFactory()
    film_set_visibility(
        film=owner.film, actor=owner.user, visibility=Visibility.PASSWORD, password="lantern 7"
    )
    film = Film.objects.get(pk=owner.film.pk)
    assert film.visibility == Visibility.PASSWORD
    assert "lantern 7" not in film.password_hash
    assert check_password("lantern 7", film.password_hash)


def test_password_visibility_without_a_password_is_refused():
    owner = CollaboratorFactory()
    with pytest.raises(ValidationFailedError) as error:
        film_set_visibility(film=owner.film, actor=owner.user, visibility=Visibility.PASSWORD)
    assert error.value.errors == {"password": ["Give the password viewers will type."]}
    assert Film.objects.get(pk=owner.film.pk).visibility == Visibility.PRIVATE


def test_password_form_grants_the_film_in_the_session():
    film = FilmFactory(protected=True, title="Lantern Festival Night")
    client = Client()
    page = client.get(f"/films/{film.slug}/")
    assert page.status_code == 200
    assert "Lantern Festival Night" not in page.content.decode()
    assert f'action="/films/{film.slug}/unlock/"' in page.content.decode()
    wrong = client.post(f"/films/{film.slug}/unlock/", {"password": "guess"})
    assert wrong.status_code == 403
    assert "This password is not right." in wrong.content.decode()
    assert viewers.SESSION_PASSWORD_GRANTS not in client.session
    right = client.post(f"/films/{film.slug}/unlock/", {"password": "open sesame"})
    assert right.status_code == 302
    assert list(client.session[viewers.SESSION_PASSWORD_GRANTS]) == [str(film.pk)]
    assert "Lantern Festival Night" in client.get(f"/films/{film.slug}/").content.decode()


def test_password_grant_lapses_when_the_password_changes():
    owner = CollaboratorFactory(film=FilmFactory(protected=True, title="Lantern Festival Night"))
    film = owner.film
    client = Client()
    client.post(f"/films/{film.slug}/unlock/", {"password": "open sesame"})
    assert "Lantern Festival Night" in client.get(f"/films/{film.slug}/").content.decode()

    film_set_visibility(
        film=film, actor=owner.user, visibility=Visibility.PASSWORD, password="new secret"
    )

    page = client.get(f"/films/{film.slug}/")
    assert page.status_code == 200
    assert "Lantern Festival Night" not in page.content.decode()
    assert f'action="/films/{film.slug}/unlock/"' in page.content.decode()
    assert client.session[viewers.SESSION_PASSWORD_GRANTS] == {}
    old = client.post(f"/films/{film.slug}/unlock/", {"password": "open sesame"})
    assert old.status_code == 403
    new = client.post(f"/films/{film.slug}/unlock/", {"password": "new secret"})
    assert new.status_code == 302
    assert "Lantern Festival Night" in client.get(f"/films/{film.slug}/").content.decode()


def test_password_grants_without_a_fingerprint_count_for_nothing():
    film = FilmFactory(protected=True, title="Lantern Festival Night")
    client = Client()
    session = client.session
    session[viewers.SESSION_PASSWORD_GRANTS] = [film.pk]  # how grants were kept before
    session.save()
    page = client.get(f"/films/{film.slug}/")
    assert "Lantern Festival Night" not in page.content.decode()
    assert viewers.SESSION_PASSWORD_GRANTS not in client.session


def test_password_grant_lapses_when_the_film_becomes_private():
    owner = CollaboratorFactory(film=FilmFactory(protected=True))
    film = owner.film
    client = Client()
    client.post(f"/films/{film.slug}/unlock/", {"password": "open sesame"})
    film_set_visibility(film=film, actor=owner.user, visibility=Visibility.PRIVATE)
    assert client.get(f"/films/{film.slug}/").status_code == 404
    viewer = access.Viewer(password_film_ids=frozenset({film.pk}))
    assert not Film.objects.visible_to(viewer).exists()


def test_unlocking_a_private_film_is_404():
    film = FilmFactory()
    response = Client().post(f"/films/{film.slug}/unlock/", {"password": "open sesame"})
    assert response.status_code == 404


def test_sharing_page_changes_visibility_and_creates_a_link():
    owner = CollaboratorFactory()
    client = Client()
    client.force_login(owner.user)
    url = f"/films/{owner.film.slug}/edit/sharing/"
    client.post(url, {"form": "visibility", "visibility": "unlisted"})
    assert Film.objects.get(pk=owner.film.pk).visibility == Visibility.UNLISTED
    response = client.post(url, {"form": "link", "recipient": "Cinéma du Réel programming"})
    assert response.status_code == 302
    page = client.get(url)
    assert page["Cache-Control"] == "private, no-store"
    new_url = page.context["new_link_url"]
    assert new_url.startswith("http://testserver/share/s/")
    assert client.get(url).context["new_link_url"] is None
    anonymous = Client()
    assert anonymous.get(new_url.removeprefix("http://testserver")).status_code == 302


def test_sharing_page_is_for_owners_only():
    editor = CollaboratorFactory(role=CollaboratorRole.EDITOR)
    client = Client()
    client.force_login(editor.user)
    response = client.post(
        f"/films/{editor.film.slug}/edit/sharing/", {"form": "visibility", "visibility": "public"}
    )
    assert response.status_code == 404
    assert Film.objects.get(pk=editor.film.pk).visibility == Visibility.PRIVATE


def test_invitation_by_email_adds_a_collaborator(django_capture_on_commit_callbacks):
    owner = CollaboratorFactory()
    client = Client()
    client.force_login(owner.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/films/{owner.film.slug}/edit/sharing/",
            {"form": "invite", "email": "Editor@Example.org", "role": "editor"},
        )
    invitation = Invitation.objects.get()
    assert invitation.email == "editor@example.org"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["editor@example.org"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/share/invitations/" in line)
    invitee = UserFactory(email="editor@example.org")
    other = Client()
    other.force_login(invitee)
    path = link.removeprefix("http://testserver")
    assert other.post(path).status_code == 302
    assert Collaborator.objects.get(user=invitee).role == CollaboratorRole.EDITOR
    assert access.can_edit_film(access.Viewer.for_user(invitee), owner.film)
    assert other.post(path).status_code == 404


def test_invitation_opens_only_for_the_invited_address(django_capture_on_commit_callbacks):
    owner = CollaboratorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.collaborator_invite(
            film=owner.film, actor=owner.user, email="editor@example.org", role="editor"
        )
    path = "/share/invitations/" + mail.outbox[0].body.split("/share/invitations/")[1].split()[0]
    stranger = UserFactory(email="someone.else@example.org")
    other = Client()
    other.force_login(stranger)

    refused = other.post(path)

    assert refused.status_code == 403
    assert "This invitation was sent to e*****@example.org." in refused.content.decode()
    assert not Collaborator.objects.filter(user=stranger).exists()
    assert Invitation.objects.get().accepted_at is None
    invitee = Client()
    invitee.force_login(UserFactory(email="Editor@Example.org"))
    assert invitee.post(path).status_code == 302
    assert Collaborator.objects.filter(film=owner.film, role=CollaboratorRole.EDITOR).count() == 1


def test_expired_invitation_is_refused(django_capture_on_commit_callbacks):
    owner = CollaboratorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.collaborator_invite(
            film=owner.film, actor=owner.user, email="late@example.org", role="viewer"
        )
    token = mail.outbox[0].body.split("/share/invitations/")[1].split("/")[0]
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    invitee = UserFactory()
    with pytest.raises(Exception, match="not valid any more"):
        services.invitation_accept(token=token, user=invitee)
    assert not Collaborator.objects.filter(user=invitee).exists()


def test_last_owner_cannot_be_removed():
    owner = CollaboratorFactory()
    with pytest.raises(ValidationFailedError, match="at least one owner"):
        services.collaborator_remove(film=owner.film, actor=owner.user, collaborator_id=owner.pk)
    assert Collaborator.objects.filter(pk=owner.pk).exists()


def test_film_password_guessing_is_rate_limited():
    film = FilmFactory(protected=True)
    client = Client()
    for _ in range(10):
        client.post(f"/films/{film.slug}/unlock/", {"password": "guess"})
    blocked = client.post(f"/films/{film.slug}/unlock/", {"password": "open sesame"})
    assert blocked.status_code == 429
    assert viewers.SESSION_PASSWORD_GRANTS not in client.session


def test_owner_changes_a_collaborators_role():
    owner = CollaboratorFactory()
    viewer = CollaboratorFactory(film=owner.film, role=CollaboratorRole.VIEWER)
    client = Client()
    client.force_login(owner.user)
    client.post(
        f"/films/{owner.film.slug}/edit/sharing/collaborators/{viewer.pk}/role/",
        {"role": "editor"},
    )
    viewer.refresh_from_db()
    assert viewer.role == CollaboratorRole.EDITOR
    demote = client.post(
        f"/films/{owner.film.slug}/edit/sharing/collaborators/{owner.pk}/role/",
        {"role": "viewer"},
        follow=True,
    )
    assert "A film needs at least one owner." in demote.content.decode()
    owner.refresh_from_db()
    assert owner.role == CollaboratorRole.OWNER


def test_editor_may_not_change_roles():
    editor = CollaboratorFactory(role=CollaboratorRole.EDITOR)
    client = Client()
    client.force_login(editor.user)
    response = client.post(
        f"/films/{editor.film.slug}/edit/sharing/collaborators/{editor.pk}/role/",
        {"role": "owner"},
    )
    assert response.status_code == 404
    editor.refresh_from_db()
    assert editor.role == CollaboratorRole.EDITOR


def test_film_password_is_limited_per_film_whatever_the_address():
    film = FilmFactory(protected=True)
    for number in range(10):
        Client().post(
            f"/films/{film.slug}/unlock/", {"password": "guess"}, REMOTE_ADDR=f"198.51.100.{number}"
        )
    client = Client()
    blocked = client.post(
        f"/films/{film.slug}/unlock/", {"password": "open sesame"}, REMOTE_ADDR="192.0.2.1"
    )
    assert blocked.status_code == 429
    assert viewers.SESSION_PASSWORD_GRANTS not in client.session
