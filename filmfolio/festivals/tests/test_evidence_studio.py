"""The festivals section of the studio with an entry's notification: upload, refusal in the
user's language, removal, and an entry added with its file (both or neither)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from filmfolio.festivals.models import Entry
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import EntryFactory
from .test_evidence_files import EML, PDF, ZIP, _download, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER)


@pytest.fixture
def entry(owner):
    return EntryFactory(film=owner.film, edition__festival__name="Cinéma du Réel")


def _studio(entry):
    return f"/studio/films/{entry.film.slug}/festivals/"


def test_the_studio_uploads_shows_and_removes_the_notification(owner, entry):
    client = Client()
    client.force_login(owner.user)
    prefix = f"entries-{entry.pk}"
    edit = f"{_studio(entry)}entries/{entry.pk}/"
    saved = client.post(edit, {f"{prefix}-file": upload(PDF, "Réel selection.pdf")})
    assert (saved.status_code, saved["Location"]) == (302, _studio(entry))
    page = client.get(_studio(entry)).content.decode()
    checked = date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"Sourced (notification, checked {checked})" in page
    assert f'href="{_download(entry)}">Download the notification</a>' in page
    assert 'enctype="multipart/form-data"' in page
    assert "Réel selection" not in page
    removed = client.post(edit, {f"{prefix}-remove": "on"})
    assert removed.status_code == 302
    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.evidence, stored.evidence_file) == ("claimed", "")


def test_the_studio_refuses_a_wrong_file_in_the_users_language(owner, entry):
    client = Client()
    client.force_login(owner.user)
    before = Entry.objects.filter(pk=entry.pk).values().get()
    edit = f"{_studio(entry)}entries/{entry.pk}/"
    refused = client.post(edit, {f"entries-{entry.pk}-file": upload(ZIP)})
    assert refused.status_code == 400
    assert "This file is not a PDF, a PNG or JPEG image, or an e-mail (.eml)." in (
        refused.content.decode()
    )
    empty = client.post(edit, {}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "请选择一个文件。" in empty.content.decode()
    assert Entry.objects.filter(pk=entry.pk).values().get() == before


def test_the_studio_adds_an_entry_with_its_notification_or_nothing(owner):
    client = Client()
    client.force_login(owner.user)
    studio = f"/studio/films/{owner.film.slug}/festivals/"
    form = {
        "part": "entries",
        "festival_query": "Cinéma du Réel",
        "year": "2014",
        "result": "selected",
        "evidence": "sourced",
    }
    refused = client.post(studio, {**form, "evidence_file": upload(ZIP)})
    assert refused.status_code == 400
    assert "This file is not a PDF, a PNG or JPEG image, or an e-mail (.eml)." in (
        refused.content.decode()
    )
    assert not Entry.objects.exists()
    added = client.post(studio, {**form, "evidence_file": upload(EML, "message.eml")})
    assert (added.status_code, added["Location"]) == (302, studio)
    entry = Entry.objects.get()
    assert (entry.evidence, entry.evidence_checked_on, entry.evidence_file_type) == (
        "sourced",
        timezone.localdate(),
        "eml",
    )
    page = client.get(studio).content.decode()
    assert page.count('enctype="multipart/form-data"') == 2
