"""The festival entry's notification through the API: a multipart upload checked by content,
refusals that change nothing, removal, and the film's editors only."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create
from filmfolio.festivals.models import Entry
from filmfolio.festivals.tests.factories import EntryFactory
from filmfolio.festivals.tests.test_evidence_files import EML, PDF, ZIP
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import FilmFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def entry(owner):
    return EntryFactory(film=FilmFactory(slug="f", owner=owner, visibility="private"))


def _url(entry):
    return f"/api/v1/films/f/festival-entries/{entry.pk}/evidence"


def test_upload_makes_the_entry_sourced_and_delete_claims_it_again(client, entry, auth):
    sent = client.post(_url(entry), {"file": SimpleUploadedFile("n.eml", EML)}, headers=auth)
    assert sent.status_code == 200
    body = sent.json()
    assert (body["evidence"], body["evidence_checked_on"], body["evidence_notification"]) == (
        "sourced",
        timezone.localdate().isoformat(),
        True,
    )
    assert "festivals/evidence" not in sent.content.decode()
    assert Entry.objects.get(pk=entry.pk).evidence_file_type == "eml"
    removed = client.delete(_url(entry), headers=auth)
    assert removed.status_code == 200
    assert (removed.json()["evidence"], removed.json()["evidence_notification"]) == (
        "claimed",
        False,
    )
    again = client.delete(_url(entry), headers=auth)
    assert again.status_code == 422
    assert again.json()["error"]["fields"] == {"file": ["This entry has no uploaded notification."]}


def test_a_wrong_file_is_refused_in_the_callers_language_and_nothing_changes(client, entry, auth):
    before = Entry.objects.filter(pk=entry.pk).values().get()
    refused = client.post(
        _url(entry),
        {"file": SimpleUploadedFile("n.pdf", ZIP)},
        headers={**auth, "Accept-Language": "zh-hans"},
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"] == {
        "file": ["该文件不是 PDF、PNG 或 JPEG 图片，也不是电子邮件（.eml）。"]
    }
    missing = client.post(_url(entry), {}, headers=auth)
    assert missing.status_code == 422
    assert Entry.objects.filter(pk=entry.pk).values().get() == before


@pytest.mark.parametrize("role", [None, CollaboratorRole.VIEWER])
def test_strangers_get_404_viewers_403_and_nothing_changes(client, entry, role):
    user = UserFactory()
    if role:
        CollaboratorFactory(film=entry.film, user=user, role=role)
    _token, key = api_token_create(user=user, name="script", scope=TokenScope.WRITE)
    headers = {"Authorization": f"Bearer {key}"}
    sent = client.post(_url(entry), {"file": SimpleUploadedFile("n.pdf", PDF)}, headers=headers)
    assert sent.status_code == (404 if role is None else 403)
    assert Entry.objects.get(pk=entry.pk).evidence_file == ""
