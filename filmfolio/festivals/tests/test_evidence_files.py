"""An uploaded notification as the source of a festival entry (``festivals.evidence_files``,
``festivals.evidence_services``): the kinds taken by content, the refusals that change
nothing, the states it moves the entry through, who may download it, and that no public page
names the file."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from PIL import Image

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.audit import changes_for
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.festivals import evidence_files
from filmfolio.festivals.evidence_services import entry_evidence_attach, entry_evidence_remove
from filmfolio.festivals.models import Entry
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.sharing import services as sharing_services
from filmfolio.sharing.tests.factories import CollaboratorFactory
from filmfolio.web.tests.pagetext import jsonld_of

from .factories import AwardFactory, EditionFactory, EntryFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EML = (
    b"From: Programme <programme@reel.example>\r\n"
    b"Date: Tue, 4 Mar 2014 10:00:00 +0100\r\n"
    b"Subject: Your film is selected\r\n\r\n"
    b"Dear filmmaker, your film is selected for the international competition.\r\n"
)
EML_WITHOUT_HEADERS = b"Subject: Your film is selected\r\n\r\nDear filmmaker.\r\n"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40


def _image(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, format=kind)
    return out.getvalue()


def upload(data: bytes, name: str = "notification.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def english():
    """The services speak the active language: English here, whatever ran before."""
    with translation.override("en"):
        yield


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER)


@pytest.fixture
def entry(owner):
    edition = EditionFactory(festival__name="Cinéma du Réel", number=36, year=2014)
    return EntryFactory(
        film=owner.film,
        edition=edition,
        result="won",
        award=AwardFactory(festival=edition.festival, name="Grand Prix"),
    )


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (PDF, "notification.pdf", "pdf"),
        (_image("PNG"), "scan.png", "png"),
        (_image("JPEG"), "photo.jpg", "jpeg"),
        (EML, "message.eml", "eml"),
        # the content decides, not the name
        (PDF, "notification.txt", "pdf"),
    ],
)
def test_each_kind_is_taken_and_makes_the_entry_sourced_today(owner, entry, data, name, kind):
    saved = entry_evidence_attach(
        film=owner.film, actor=owner.user, entry_id=entry.pk, upload=upload(data, name)
    )
    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.evidence, stored.evidence_checked_on, stored.evidence_file_type) == (
        "sourced",
        timezone.localdate(),
        kind,
    )
    assert stored.evidence_file == saved.evidence_file
    assert stored.evidence_file.startswith(f"festivals/evidence/{owner.film.pk}/{entry.pk}/")
    assert stored.evidence_file.endswith(f".{kind}")
    assert name.rsplit(".", 1)[0] not in stored.evidence_file
    with default_storage.open(stored.evidence_file, "rb") as handle:
        assert handle.read() == data
    assert changes_for(owner.film).get().changes == {
        "evidence": {"old": "claimed", "new": "sourced"},
        "evidence_checked_on": {"old": None, "new": timezone.localdate().isoformat()},
        "evidence_file": {"old": None, "new": kind},
    }


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            ZIP,
            "notification.pdf",
            "This file is not a PDF, a PNG or JPEG image, or an e-mail (.eml).",
        ),
        (
            b"GIF89a\x01\x00\x01\x00",
            "laurel.png",
            "This file is not a PDF, a PNG or JPEG image, or an e-mail (.eml).",
        ),
        (
            EML_WITHOUT_HEADERS,
            "message.eml",
            "This e-mail has no From or Date header: save the festival's message as .eml.",
        ),
        (PDF + b"0" * (10 * 1024 * 1024), "big.pdf", "The file is larger than 10 MB."),
        (b"", "empty.pdf", "The file is empty."),
    ],
)
def test_refusals_say_why_and_change_nothing(owner, entry, data, name, message):
    before = Entry.objects.filter(pk=entry.pk).values().get()
    with pytest.raises(ValidationFailedError) as refused:
        entry_evidence_attach(
            film=owner.film, actor=owner.user, entry_id=entry.pk, upload=upload(data, name)
        )
    assert refused.value.errors == {"file": [message]}
    assert Entry.objects.filter(pk=entry.pk).values().get() == before
    assert not changes_for(owner.film).exists()
    assert not default_storage.exists(f"festivals/evidence/{owner.film.pk}")


def test_the_refusal_is_in_the_users_language(owner, entry):
    with translation.override("zh-hans"), pytest.raises(ValidationFailedError) as refused:
        entry_evidence_attach(
            film=owner.film, actor=owner.user, entry_id=entry.pk, upload=upload(ZIP)
        )
    assert refused.value.errors == {
        "file": ["该文件不是 PDF、PNG 或 JPEG 图片，也不是电子邮件（.eml）。"]
    }


def test_a_viewer_collaborator_may_not_attach(entry):
    viewer = CollaboratorFactory(film=entry.film, role=CollaboratorRole.VIEWER).user
    with pytest.raises(PermissionDeniedError):
        entry_evidence_attach(film=entry.film, actor=viewer, entry_id=entry.pk, upload=upload(PDF))
    assert Entry.objects.get(pk=entry.pk).evidence_file == ""


def test_removing_the_file_without_a_page_makes_it_claimed_again(owner, entry):
    entry_evidence_attach(film=owner.film, actor=owner.user, entry_id=entry.pk, upload=upload(PDF))
    name = Entry.objects.get(pk=entry.pk).evidence_file
    entry_evidence_remove(film=owner.film, actor=owner.user, entry_id=entry.pk)
    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.evidence, stored.evidence_checked_on, stored.evidence_file) == (
        "claimed",
        None,
        "",
    )
    assert changes_for(owner.film).order_by("-pk").first().changes == {
        "evidence": {"old": "sourced", "new": "claimed"},
        "evidence_checked_on": {"old": timezone.localdate().isoformat(), "new": None},
        "evidence_file": {"old": "pdf", "new": None},
    }
    assert name  # the old file goes once the removal is committed (transaction.on_commit)


def test_removing_the_file_keeps_a_page_sourced(owner, entry):
    Entry.objects.filter(pk=entry.pk).update(
        evidence="sourced",
        evidence_url="https://cinema-du-reel.fr/2014",
        evidence_checked_on=datetime.date(2024, 5, 3),
    )
    entry_evidence_attach(film=owner.film, actor=owner.user, entry_id=entry.pk, upload=upload(EML))
    entry_evidence_remove(film=owner.film, actor=owner.user, entry_id=entry.pk)
    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.evidence, stored.evidence_url, stored.evidence_file) == (
        "sourced",
        "https://cinema-du-reel.fr/2014",
        "",
    )
    assert stored.evidence_checked_on == timezone.localdate()


def test_removing_when_there_is_no_file_is_refused(owner, entry):
    with pytest.raises(ValidationFailedError) as refused:
        entry_evidence_remove(film=owner.film, actor=owner.user, entry_id=entry.pk)
    assert refused.value.errors == {"file": ["This entry has no uploaded notification."]}


def test_a_confirmed_entry_stays_confirmed(owner, entry):
    confirmed_at = timezone.now()
    Entry.objects.filter(pk=entry.pk).update(evidence="confirmed", confirmed_at=confirmed_at)
    entry_evidence_attach(film=owner.film, actor=owner.user, entry_id=entry.pk, upload=upload(PDF))
    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.evidence, stored.confirmed_at, stored.evidence_checked_on) == (
        "confirmed",
        confirmed_at,
        None,
    )
    assert stored.evidence_file_type == "pdf"
    entry_evidence_remove(film=owner.film, actor=owner.user, entry_id=entry.pk)
    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.evidence, stored.evidence_file) == ("confirmed", "")


def test_the_old_file_is_deleted_when_replaced(owner, entry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry_evidence_attach(
            film=owner.film, actor=owner.user, entry_id=entry.pk, upload=upload(PDF)
        )
    first = Entry.objects.get(pk=entry.pk).evidence_file
    with django_capture_on_commit_callbacks(execute=True):
        entry_evidence_attach(
            film=owner.film, actor=owner.user, entry_id=entry.pk, upload=upload(EML)
        )
    second = Entry.objects.get(pk=entry.pk).evidence_file
    assert (default_storage.exists(first), default_storage.exists(second)) == (False, True)
    with django_capture_on_commit_callbacks(execute=True):
        entry_evidence_remove(film=owner.film, actor=owner.user, entry_id=entry.pk)
    assert default_storage.exists(second) is False


def _download(entry):
    return f"/studio/films/{entry.film.slug}/festivals/{entry.pk}/evidence/"


def _clients(entry, owner):
    film = entry.film
    clients = {"anonymous": Client()}
    users = {
        "stranger": UserFactory(),
        "viewer": CollaboratorFactory(film=film, role=CollaboratorRole.VIEWER).user,
        "editor": CollaboratorFactory(film=film, role=CollaboratorRole.EDITOR).user,
        "owner": owner.user,
    }
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    _link, token = sharing_services.screener_link_create(
        film=film, actor=owner.user, recipient="Reel"
    )
    clients["screener_link"] = Client()
    assert clients["screener_link"].get(f"/share/s/{token}/").status_code == 302
    return clients


@pytest.mark.parametrize("visibility", [Visibility.PRIVATE, Visibility.PUBLIC])
def test_only_editors_and_owners_download_the_file(owner, entry, visibility):
    entry.film.visibility = visibility
    entry.film.save()
    entry_evidence_attach(film=owner.film, actor=owner.user, entry_id=entry.pk, upload=upload(PDF))
    statuses = {}
    for name, client in _clients(entry, owner).items():
        response = client.get(_download(entry))
        statuses[name] = response.status_code
        if response.status_code == 200:
            assert b"".join(response.streaming_content) == PDF
            assert response["Content-Type"] == "application/pdf"
            assert response["Content-Disposition"] == (
                f'attachment; filename="festival-notification-{entry.pk}.pdf"'
            )
            assert response["X-Content-Type-Options"] == "nosniff"
            assert response["Cache-Control"] == "private, no-store"
    assert statuses == {
        "anonymous": 302,  # the studio asks for signing in first
        "stranger": 404,
        "viewer": 404,
        "editor": 200,
        "owner": 200,
        "screener_link": 302,
    }


def test_an_entry_of_another_film_or_without_a_file_is_404(owner, entry):
    other = EntryFactory(film=CollaboratorFactory(role=CollaboratorRole.OWNER).film)
    entry_evidence_attach(
        film=other.film,
        actor=other.film.collaborators.get().user,
        entry_id=other.pk,
        upload=upload(PDF),
    )
    client = Client()
    client.force_login(owner.user)
    assert (
        client.get(f"/studio/films/{owner.film.slug}/festivals/{other.pk}/evidence/").status_code
        == 404
    )
    assert client.get(_download(entry)).status_code == 404


def test_public_pages_say_sourced_but_never_name_the_file(owner, entry):
    film = entry.film
    film.visibility = Visibility.PUBLIC
    film.save()
    entry_evidence_attach(film=film, actor=owner.user, entry_id=entry.pk, upload=upload(PDF))
    stored = Entry.objects.get(pk=entry.pk)
    secret = stored.evidence_file.rsplit("/", 1)[1].split(".")[0]
    checked = timezone.localdate()
    page = Client().get(f"/films/{film.slug}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "evidence evidence-sourced" in body
    assert f" · checked {date_format(checked, 'DATE_FORMAT')}</span>" in body
    assert secret not in body and "festivals/evidence" not in body and "/evidence/" not in body
    assert "Grand Prix — 36th (2014) Cinéma du Réel" in jsonld_of(page)["award"]
    record = Client().get(f"/api/v1/films/{film.slug}").json()
    assert [(e["evidence"], e["evidence_notification"]) for e in record["festival_entries"]] == [
        ("sourced", True)
    ]
    assert secret not in str(record)
    from filmfolio.presskit.services import presskit_html

    kit = presskit_html(film, "en")
    assert '<span class="evidence evidence-sourced">↗ Sourced</span>' in kit
    assert secret not in kit and "festivals/evidence" not in kit


def test_the_kinds_are_read_from_content():
    assert [evidence_files.checked_kind(upload(data)) for data in (PDF, EML)] == ["pdf", "eml"]
