"""The history page: editors see that sharing changed, never the owner-only details (screener
recipients, invited addresses, collaborators); owners see everything."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing import services as sharing
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db

SECRETS = ["Golden Heron jury", "programmer@festival.example", "Press Room Secret"]


@pytest.fixture
def shared_film():
    owner = CollaboratorFactory(film=FilmFactory(slug="heron"), role=CollaboratorRole.OWNER)
    editor = CollaboratorFactory(film=owner.film, role=CollaboratorRole.EDITOR)
    link, _token = sharing.screener_link_create(
        film=owner.film, actor=owner.user, recipient=SECRETS[0]
    )
    sharing.screener_link_revoke(film=owner.film, actor=owner.user, link_id=link.pk)
    sharing.collaborator_invite(
        film=owner.film, actor=owner.user, email=SECRETS[1], role=CollaboratorRole.EDITOR
    )
    sharing.screener_link_create(film=owner.film, actor=owner.user, recipient=SECRETS[2])
    sharing.collaborator_set_role(
        film=owner.film,
        actor=owner.user,
        collaborator_id=editor.pk,
        role=CollaboratorRole.EDITOR,
    )
    return owner, editor


def _history(user) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/films/heron/edit/history/")
    assert response.status_code == 200
    return response.content.decode()


def test_editor_sees_sharing_changes_without_their_details(shared_film):
    owner, editor = shared_film
    page = _history(editor.user)
    assert [secret for secret in SECRETS if secret in page] == []
    assert page.count("Details are shown to the film's owners only.") == 4
    assert page.count("screener_links") == 3
    assert owner.user.get_username() in page


def test_owner_sees_every_detail(shared_film):
    owner, _editor = shared_film
    page = _history(owner.user)
    assert [secret for secret in SECRETS if secret in page] == SECRETS
    assert "owners only" not in page
