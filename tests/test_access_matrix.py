"""The access matrix: every URL of the site × every kind of visitor × every visibility.

A visitor who may not see a film must never meet its unique title, nor get its page; a visitor
who may not list it must not meet it anywhere but on its own pages; editing and sharing pages
answer only to editors and owners; and no request of an unauthorised visitor changes anything.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.circuit.models import RunEntry
from filmfolio.circuit.tests.factories import RunEntryFactory
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals.evidence_services import entry_evidence_attach
from filmfolio.festivals.tests.factories import EntryFactory
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Film
from filmfolio.importer import bulk
from filmfolio.importer.choices import FilmImportState
from filmfolio.importer.models import FilmImport
from filmfolio.media.models import Video
from filmfolio.sharing import services
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .url_inventory import body_of, site_paths

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def clean_cache():
    """Attempt counters of the rate limits must not leak between tests."""
    cache.clear()
    yield
    cache.clear()


TITLE = "Zxq Matrix Canary 7261"


@dataclass(frozen=True)
class Expect:
    """What one visitor may do with the film."""

    view: bool
    listed: bool
    edit: bool
    own: bool
    presskit: bool


def _expect(principal: str, visibility: str) -> Expect:
    public = visibility == Visibility.PUBLIC
    # the press kit: owners, everyone who may open a public film, a screener link's holder
    presskit = public or principal in {"admin", "owner", "valid_link"}
    if principal in {"admin", "owner"}:
        return Expect(True, True, True, True, presskit)
    if principal == "editor":
        return Expect(True, True, True, False, presskit)
    if principal == "viewer":
        return Expect(True, True, False, False, presskit)
    viewable = public or visibility == Visibility.UNLISTED or principal == "valid_link"
    return Expect(viewable, public, False, False, presskit)


def _link_client(film: Film, owner: object, fate: str) -> Client:
    """A browser that opened a screener link; then the link is expired or revoked, or not."""
    link, token = services.screener_link_create(film=film, actor=owner, recipient=fate)
    client = Client()
    assert client.get(f"/share/s/{token}/").status_code == 302
    if fate == "expired":
        ScreenerLink.objects.filter(pk=link.pk).update(
            expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )
    elif fate == "revoked":
        services.screener_link_revoke(film=film, actor=owner, link_id=link.pk)
    return client


def _clients(film: Film) -> dict[str, Client]:
    owner = CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user
    users = {
        "other": UserFactory(),
        "viewer": CollaboratorFactory(film=film, role=CollaboratorRole.VIEWER).user,
        "editor": CollaboratorFactory(film=film, role=CollaboratorRole.EDITOR).user,
        "owner": owner,
        "admin": UserFactory(staff=True),
    }
    clients = {"anonymous": Client()}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    for fate in ("valid", "expired", "revoked"):
        clients[f"{fate}_link"] = _link_client(film, owner, fate)
    return clients


def _film_import(film: Film) -> str:
    """A bulk import of the owner's, checked and waiting, holding the film's title."""
    owner = film.collaborators.get(role=CollaboratorRole.OWNER).user
    data = json.dumps({"title": TITLE}).encode()
    check = bulk.file_check(name="films.jsonl", data=data)
    return str(bulk.film_import_create(actor=owner, name="films.jsonl", check=check).public_id)


def _run_entry(film: Film) -> str:
    """An entry of the film's festival run with a deadline ahead: the board, the calendar and
    the run's API show it to the film's collaborators only."""
    entry = RunEntryFactory(
        film=film, deadline=timezone.localdate() + datetime.timedelta(days=3), premiere=""
    )
    return str(entry.pk)


def _page_problems(path: str, film: Film, expect: Expect, body: str) -> list[str]:
    """What the body reveals that the visitor may not see."""
    # Addresses built with the film's slug are about this film (page, API record, press kit).
    own_page = f"/{film.slug}" in path
    checks = [
        (not expect.view and TITLE in body, "reveals the title"),
        (
            expect.view and not expect.listed and not own_page and TITLE in body,
            "lists an unlisted or private film",
        ),
    ]
    return [problem for failed, problem in checks if failed]


def _opens_hidden_page(path: str, film: Film, expect: Expect, response: object) -> bool:
    """The film page answers 200 without a password form to a visitor who may not see it."""
    if path != f"/films/{film.slug}/" or expect.view or response.status_code != 200:
        return False
    return 'name="password"' not in body_of(response)


def _door_problems(path: str, film: Film, expect: Expect, response: object) -> list[str]:
    """Which doors open (status 200) that should stay shut for the visitor."""
    opened = response.status_code == 200
    studio = opened and path.startswith("/studio/films/")
    checks = [
        (_opens_hidden_page(path, film, expect, response), "opens the page"),
        (studio and not expect.edit, "opens a studio page"),
        (studio and "/sharing/" in path and not expect.own, "opens the sharing page"),
        (studio and "/reports/" in path and not expect.own, "opens a viewing report"),
    ]
    return [problem for failed, problem in checks if failed] + _shared_door_problems(
        path, film, expect, response
    )


def _shared_door_problems(path: str, film: Film, expect: Expect, response: object) -> list[str]:
    """The press kit (its PDF, its status) and the film's other addresses (the embedded
    player, the card image) open only to those who may have them."""
    status = response.status_code  # type: ignore[attr-defined]
    presskit = status in (200, 202) and path.startswith(f"/presskit/{film.slug}")
    shared = status == 200 and path.startswith(f"/films/{film.slug}/")
    checks = [
        (presskit and not expect.presskit, "gives the press kit"),
        (shared and path != f"/films/{film.slug}/" and not expect.view, "opens a film address"),
    ]
    return [problem for failed, problem in checks if failed]


def _problems(path: str, film: Film, expect: Expect, response: object) -> list[str]:
    return _page_problems(path, film, expect, body_of(response)) + _door_problems(
        path, film, expect, response
    )


def _trailer(film: Film) -> None:
    """A trailer every viewer of the film may watch: the embedded player has something to
    show (the access policy, not a missing video, must keep it shut)."""
    Video.objects.create(
        film=film,
        kind="trailer",
        visibility="film",
        state="ready",
        original_file="originals/trailer.mp4",
        size_bytes=1,
        sha256="0" * 64,
        width=640,
        height=360,
    )


def _notification(film: Film, entry: object) -> None:
    """The festival's notification uploaded as the entry's source, by its owner."""
    owner = film.collaborators.get(role=CollaboratorRole.OWNER).user
    pdf = SimpleUploadedFile("selection.pdf", b"%PDF-1.4\n%%EOF\n")
    entry_evidence_attach(film=film, actor=owner, entry_id=entry.pk, upload=pdf)


@pytest.mark.parametrize("visibility", Visibility.values)
def test_access_matrix(visibility):
    film = FilmFactory(title=TITLE, slug="zxq-matrix-canary", visibility=visibility)
    if visibility == Visibility.PASSWORD:
        film.password_hash = "pbkdf2_sha256$1$x$y"
        film.save()
    _trailer(film)
    entry = EntryFactory(film=film, won=True)
    clients = _clients(film)
    _notification(film, entry)
    link_id = str(ScreenerLink.objects.filter(film=film).first().pk)
    import_id = _film_import(film)
    entry_id = _run_entry(film)
    # The admin's pages are walked with the films' own ids by the attacker's suite
    # (test_attack_surface); eleven visitors times four visibilities would only repeat it.
    paths = [
        (path, name)
        for path, name in site_paths(
            {"slug": film.slug, "part": "titles", "import_id": import_id, "entry_id": entry_id},
            default_int=link_id,
        )
        if not name.startswith("admin:")
    ]
    assert f"/films/{film.slug}/" in {p for p, _name in paths}
    assert f"/studio/films/{film.slug}/festivals/" in {p for p, _name in paths}
    assert f"/import/file/{import_id}/" in {p for p, _name in paths}
    assert f"/studio/films/{film.slug}/run/{entry_id}/status/" in {p for p, _name in paths}
    assert {"/run/", "/run/calendar/", "/api/v1/run-entries"} <= {p for p, _name in paths}
    failures = []
    for principal, client in clients.items():
        expect = _expect(principal, visibility)
        for path, name in paths:
            response = client.get(path)
            failures += [
                f"{principal} GET {path} ({name}): {p}"
                for p in _problems(path, film, expect, response)
            ]
        detail = client.get(f"/films/{film.slug}/")
        if expect.view:
            assert detail.status_code == 200, principal
            assert TITLE in detail.content.decode(), principal
        # the doors that must open: the press kit's status, the trailer's player, the card,
        # the laurels of its festival entry
        status = client.get(f"/presskit/{film.slug}/status?lang=en").status_code
        assert status == (200 if expect.presskit else 404), principal
        laurels = (f"laurels/{entry.pk}.svg?lang=zh-hans", f"laurels/{entry.pk}.png?tone=white")
        for door in ("embed/", "card.png", *laurels):
            response = client.get(f"/films/{film.slug}/{door}")
            assert response.status_code == (200 if expect.view else 404), (principal, door)
            body_of(response)  # read to the end: the card's file is closed
        # the festival's notification backing the entry: the film's editors and owners only
        response = client.get(f"/studio/films/{film.slug}/festivals/{entry.pk}/evidence/")
        shut = 302 if principal.endswith(("anonymous", "_link")) else 404
        assert response.status_code == (200 if expect.edit else shut), principal
        body_of(response)
    assert failures == []


@pytest.mark.parametrize("visibility", [Visibility.PRIVATE, Visibility.PUBLIC])
def test_unauthorised_posts_change_nothing(visibility):
    film = FilmFactory(title=TITLE, slug="zxq-matrix-canary", visibility=visibility)
    clients = _clients(film)
    link_id = str(ScreenerLink.objects.filter(film=film).first().pk)
    import_id = _film_import(film)
    entry_id = _run_entry(film)
    paths = site_paths(
        {"slug": film.slug, "section": "basics", "import_id": import_id, "entry_id": entry_id},
        default_int=link_id,
    )
    runs_before = list(RunEntry.objects.values())
    before = Film.objects.filter(pk=film.pk).values().get()
    links_before = list(ScreenerLink.objects.order_by("pk").values())
    records_before = ChangeRecord.objects.filter(object_id=film.pk).count()
    payload = {
        "title": "Hijacked",
        "visibility": "public",
        "form": "visibility",
        "decision": "approve",
        "year": "1999",
        "recipient": "x",
        "status": "submitted",
        "festival_query": "Hijack Fest",
    }
    for principal in ("anonymous", "other", "viewer", "valid_link", "revoked_link"):
        for path, _name in paths:
            if path.startswith(("/accounts/", "/i18n/", "/share/")):
                continue
            clients[principal].post(path, payload)
    assert Film.objects.filter(pk=film.pk).values().get() == before
    assert list(ScreenerLink.objects.order_by("pk").values()) == links_before
    assert ChangeRecord.objects.filter(object_id=film.pk).count() == records_before
    assert FilmImport.objects.get(public_id=import_id).state == FilmImportState.CHECKED
    assert list(RunEntry.objects.values()) == runs_before
    # Other visitors may start films of their own; never one of this film's facts.
    assert not Film.objects.filter(title="Hijacked").exclude(collaborators__role="owner").exists()
