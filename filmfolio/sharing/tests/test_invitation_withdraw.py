"""An owner withdraws a pending invitation from the sharing page, after a confirmation; the
link then opens nothing, the withdrawal is recorded, and nobody else may withdraw."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator
from filmfolio.sharing import services
from filmfolio.sharing.models import Invitation

from .factories import CollaboratorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(django_capture_on_commit_callbacks):
    owner = CollaboratorFactory(role=CollaboratorRole.OWNER)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.collaborator_invite(
            film=owner.film, actor=owner.user, email="guest@example.org", role="editor"
        )
    path = "/share/invitations/" + mail.outbox[0].body.split("/share/invitations/")[1].split()[0]
    return owner, invitation, path


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_owner_withdraws_after_confirming_and_the_link_opens_nothing(invited):
    owner, invitation, path = invited
    owner_client = _client(owner.user)
    sharing = owner_client.get(f"/films/{owner.film.slug}/edit/sharing/").content.decode()
    withdraw_url = f"/films/{owner.film.slug}/edit/sharing/invitations/{invitation.pk}/withdraw/"
    assert f'href="{withdraw_url}"' in sharing
    confirm = owner_client.get(withdraw_url)
    assert confirm.status_code == 200
    assert "Withdraw this invitation?" in confirm.content.decode()
    assert Invitation.objects.get().revoked_at is None
    done = owner_client.post(withdraw_url)
    assert (done.status_code, done["Location"]) == (302, f"/films/{owner.film.slug}/edit/sharing/")
    assert Invitation.objects.get().revoked_at is not None
    after = owner_client.get(f"/films/{owner.film.slug}/edit/sharing/").content.decode()
    assert "guest@example.org" not in after
    record = ChangeRecord.objects.get(action="withdraw")
    assert (record.actor, record.section, record.changes) == (
        owner.user,
        "collaborators",
        {"invitation": {"old": "guest@example.org (editor)", "new": None}},
    )
    guest = _client(UserFactory(email="guest@example.org"))
    assert guest.post(path).status_code == 404
    assert not Collaborator.objects.filter(user__email="guest@example.org").exists()
    assert owner_client.post(withdraw_url).status_code == 404


def test_editors_and_strangers_cannot_withdraw(invited):
    owner, invitation, _path = invited
    editor = CollaboratorFactory(film=owner.film, role=CollaboratorRole.EDITOR)
    url = f"/films/{owner.film.slug}/edit/sharing/invitations/{invitation.pk}/withdraw/"
    for user in (editor.user, UserFactory()):
        assert _client(user).post(url).status_code == 404
        assert _client(user).get(url).status_code == 404
    with pytest.raises(PermissionDeniedError):
        services.invitation_withdraw(
            film=owner.film, actor=editor.user, invitation_id=invitation.pk
        )
    assert Invitation.objects.get().revoked_at is None
    assert not ChangeRecord.objects.filter(action="withdraw").exists()


def test_an_invitation_of_another_film_or_an_accepted_one_is_refused(invited):
    owner, invitation, path = invited
    other = CollaboratorFactory(role=CollaboratorRole.OWNER)
    url = f"/films/{other.film.slug}/edit/sharing/invitations/{invitation.pk}/withdraw/"
    assert _client(other.user).post(url).status_code == 404
    assert Invitation.objects.get().revoked_at is None
    _client(UserFactory(email="guest@example.org")).post(path)
    with pytest.raises(ValidationFailedError, match="accepted already"):
        services.invitation_withdraw(film=owner.film, actor=owner.user, invitation_id=invitation.pk)
    assert Invitation.objects.get().revoked_at is None


def test_the_confirmation_speaks_chinese(invited):
    owner, invitation, _path = invited
    url = f"/films/{owner.film.slug}/edit/sharing/invitations/{invitation.pk}/withdraw/"
    with translation.override(None):  # the page activates Chinese on this thread; undo it after
        page = _client(owner.user).get(url, headers={"Accept-Language": "zh-hans"})
    html = page.content.decode()
    assert "撤回这份邀请？" in html
    assert "发给 guest@example.org（编辑者）的邀请将失效" in html
