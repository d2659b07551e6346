"""Canary films for the attacker's suite: a private, an unlisted and a password-protected film.

Each film brings records reached only through it — a new person, a new festival with its
edition, section and award — plus titles in two scripts, texts, specs, a link, a still, a poster
and a transcoded video. Every value carries the film's markers, so a response that mentions any
of them can be told apart from one that does not:

* ``Zorb<key><field>`` — the word a visitor may type (search, autocomplete, lookups);
* ``Qxkv<key><field>`` — a second word in the same value, never typed by the suite, so a result
  that echoes the query still shows it;
* ``<zh query><...><zh marker>`` — the same for the Chinese values;
* ``qxsh<key>`` — owner-only sharing data (screener recipients, invited addresses).

The world is built through the domain services, as the web editor would, with the videos sent
through the real tus upload and transcoded by ffmpeg.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.test import Client, TestCase

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.festivals import services as festival_services
from filmfolio.festivals.models import Edition, Festival
from filmfolio.films import services as film_services
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Collaborator, Film, FilmCountry
from filmfolio.films.services import film_set_visibility
from filmfolio.importer import bulk
from filmfolio.media import services as media_services
from filmfolio.media.models import Image, Video
from filmfolio.media.tests.clips import make_clip
from filmfolio.media.tests.flows import ready_video
from filmfolio.media.tests.imagedata import jpeg_with_gps
from filmfolio.people.models import PersonBiography, PersonName
from filmfolio.sharing import services as sharing_services
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tests.factories import FilmFactory

# key -> (visibility, Chinese query word, Chinese marker, a year no other film has)
KINDS: dict[str, tuple[str, str, str, int]] = {
    "prv": (Visibility.PRIVATE, "鹬鸻", "鼷鼱", 1911),
    "unl": (Visibility.UNLISTED, "鸬鹚", "蝾螈", 1912),
    "pwd": (Visibility.PASSWORD, "鹈鹕", "蜥蜴", 1913),
}
FILM_PASSWORD = "canary-door-7741"
# Countries no other film of the world has: their names must not show up in facet counts.
COUNTRIES = {"prv": ("TV", "Tuvalu"), "unl": ("NR", "Nauru"), "pwd": ("PW", "Palau")}


@dataclass
class Canary:
    """One canary film and everything reached only through it."""

    key: str
    visibility: str
    film: Film
    person_slug: str
    festival_slug: str
    video: Video
    images: list[Image]
    words: list[str]  # the words a visitor may type to look for it
    zh_words: list[str]
    revoked_token: str
    link_id: int
    media_paths: list[str] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    upload_id: str = ""
    frame_id: str = ""
    import_id: str = ""

    @property
    def markers(self) -> tuple[str, ...]:
        """Regular expressions of the strings that appear only in this film's records; each
        matches the whole word, so a leak names the field it came from."""
        _visibility, zh_query, zh_marker, _year = KINDS[self.key]
        ids = [str(self.video.public_id), *(str(i.public_id) for i in self.images)]
        return (
            rf"(?:zorb|qxkv){self.key}\w*",
            rf"(?:{zh_query})?\w{{0,2}}{zh_marker}|{zh_query}\w{{0,2}}",
            *(re.escape(i) for i in ids),
        )

    @property
    def sharing_marker(self) -> str:
        return rf"qxsh{self.key}"

    def own_path(self, path: str) -> bool:
        """Whether ``path`` addresses the film itself (its page, exports, media files)."""
        ids = [str(self.video.public_id), *(str(i.public_id) for i in self.images)]
        return self.film.slug in path or any(i in path for i in ids)


def value(key: str, name: str) -> str:
    """The canary value of one field: a typed word and a marker word."""
    return f"Zorb{key}{name} Qxkv{key}{name}"


def zh_value(key: str, name: str) -> str:
    _visibility, zh_query, zh_marker, _year = KINDS[key]
    return f"{zh_query}{name}{zh_marker}"


def _record(key: str, owner: Any) -> Film:
    """The film's record through the film and festival services."""
    _visibility, _q, _m, year = KINDS[key]
    film = film_services.film_create(
        actor=owner,
        title=value(key, "title"),
        year=year,
        kind="documentary",
        slug=f"qxkv{key}-film",
        values={"shooting_format": value(key, "format"), "sound": value(key, "sound")},
    )
    # No service sets countries yet; the next service call re-indexes the film with it.
    FilmCountry.objects.create(film=film, country=COUNTRIES[key][0], role="origin")
    film_services.title_add(
        film=film, actor=owner, text=zh_value(key, "片名"), kind="original", language="zh-Hans"
    )
    film_services.title_add(
        film=film, actor=owner, text=value(key, "working"), kind="working", language="en"
    )
    for kind in ("logline", "synopsis", "statement"):
        film_services.text_set(
            film=film, actor=owner, kind=kind, language="en", body=value(key, kind)
        )
    film_services.text_set(
        film=film, actor=owner, kind="synopsis", language="zh-Hans", body=zh_value(key, "简介")
    )
    film_services.link_add(
        film=film,
        actor=owner,
        kind="press",
        url=f"https://example.org/qxkv{key}link",
        label=value(key, "link"),
    )
    credit = film_services.credit_add(
        film=film,
        actor=owner,
        role="director",
        credited=film_services.CreditedPerson(new_name=value(key, "person")),
    )
    person = credit.person
    PersonName.objects.create(person=person, name=zh_value(key, "导演"), script="hans")
    PersonBiography.objects.create(person=person, language="en", body=value(key, "biography"))
    entry = festival_services.entry_add(
        film=film,
        actor=owner,
        draft=festival_services.EntryDraft(
            festival=None,
            new_festival_name=value(key, "festival"),
            year=year,
            number=3,
            section_name=value(key, "section"),
            award_name=value(key, "award"),
            result="won",
            note=value(key, "note"),
        ),
    )
    Edition.objects.filter(pk=entry.edition_id).update(city=value(key, "city"))
    Festival.objects.filter(pk=entry.edition.festival_id).update(
        description=value(key, "festdesc"), city=value(key, "festcity")
    )
    film.refresh_from_db()
    return film


def _media(key: str, film: Film, owner: Any, clip: Path) -> tuple[Video, list[Image]]:
    still = media_services.image_upload(
        film=film,
        actor=owner,
        data=jpeg_with_gps(320, 240),
        details=media_services.ImageDetails(
            caption=value(key, "still"), photographer=value(key, "photographer")
        ),
    )
    poster = media_services.image_upload(
        film=film,
        actor=owner,
        data=jpeg_with_gps(240, 320),
        details=media_services.ImageDetails(caption=value(key, "poster"), is_poster=True),
    )
    client = Client()
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="trailer", visibility="film")
    video = media_services.video_update(
        video=video, actor=owner, title=value(key, "video"), kind="trailer", visibility="film"
    )
    return video, [still, poster]


def _media_paths(video: Video, images: list[Image]) -> list[str]:
    encoding = video.encodings.order_by("pk").first()
    assert encoding is not None, "the canary video was not transcoded"
    rung = encoding.playlist_file.rsplit("/", 2)[-2]
    segment = encoding.files[-1].rsplit("/", 1)[1]
    base = f"/media/videos/{video.public_id}"
    paths = [f"{base}/{p}" for p in ("original", "poster.jpg", "hls/master.m3u8")]
    paths += [f"{base}/hls/{rung}/index.m3u8", f"{base}/hls/{rung}/{segment}"]
    for image in images:
        widths = sorted(image.renditions.values_list("width", flat=True))
        paths += [
            f"/media/images/{image.public_id}/{v}" for v in ("original", f"w{widths[0]}.webp")
        ]
    return paths


def build_canary(key: str, *, owner: Any, clip: Path, removed: Any, holder: Client) -> Canary:
    """One canary film owned by ``owner``; ``removed`` was its editor and is removed again;
    ``holder`` opened a screener link that is then revoked."""
    visibility, _q, _m, _year = KINDS[key]
    film = _record(key, owner)
    video, images = _media(key, film, owner, clip)
    editor = Collaborator.objects.create(film=film, user=removed, role=CollaboratorRole.EDITOR)
    sharing_services.collaborator_remove(film=film, actor=owner, collaborator_id=editor.pk)
    link, token = sharing_services.screener_link_create(
        film=film, actor=owner, recipient=f"qxsh{key} recipient"
    )
    assert holder.get(f"/share/s/{token}/").status_code == 302
    sharing_services.screener_link_revoke(film=film, actor=owner, link_id=link.pk)
    sharing_services.screener_link_create(film=film, actor=owner, recipient=f"qxsh{key} open")
    sharing_services.collaborator_invite(
        film=film, actor=owner, email=f"qxsh{key}@example.org", role=CollaboratorRole.VIEWER
    )
    film_set_visibility(
        film=film,
        actor=owner,
        visibility=visibility,
        password=FILM_PASSWORD if key == "pwd" else "",
    )
    film.refresh_from_db()
    canary = Canary(
        key=key,
        visibility=visibility,
        film=film,
        person_slug=film.credits.get().person.slug,
        festival_slug=film.festival_entries.get().edition.festival.slug,
        video=video,
        images=images,
        words=[
            f"Zorb{key}{name}"
            for name in (
                "title",
                "working",
                "person",
                "festival",
                "section",
                "award",
                "synopsis",
                "logline",
            )
        ],
        zh_words=[KINDS[key][1]],
        revoked_token=token,
        link_id=link.pk,
    )
    canary.media_paths = _media_paths(video, images)
    entry = film.festival_entries.get()
    canary.ids = {
        "credit": film.credits.get().pk,
        "title": film.titles.order_by("pk").first().pk,
        "entry": entry.pk,
        "edition": entry.edition_id,
        "section": entry.section_id,
        "award": entry.award_id,
        "festival": entry.edition.festival_id,
        "person": film.credits.get().person_id,
        "collaborator": film.collaborators.get().pk,
        "link": link.pk,
        "video": video.pk,
        "image": images[0].pk,
    }
    canary.upload_id = str(video.upload.id)
    # A poster frame asked for and never taken (the world's transaction never commits).
    frame = media_services.poster_frame_request(video=video, actor=owner, at_seconds=0.5)
    canary.frame_id = str(frame.public_id)
    canary.import_id = _film_import(key, owner)
    return canary


def _film_import(key: str, owner: Any) -> str:
    """A bulk import of the owner's, its file name carrying the sharing marker: the private
    canary's waits for its go (a post would start it), the others' made a private film."""
    name = f"qxsh{key}.jsonl"
    line = json.dumps({"title": value(key, "imported")}).encode()
    film_import = bulk.film_import_create(
        actor=owner, name=name, check=bulk.file_check(name=name, data=line)
    )
    if key != "prv":
        bulk.film_import_start(film_import=film_import)
    return str(film_import.public_id)


@dataclass
class World:
    """The canary films, their owner and the visitors who must not see them."""

    canaries: dict[str, Canary]
    owner: Any
    clients: dict[str, Client]
    background_slug: str


VISITORS = ("anonymous", "other", "removed", "revoked")


def build_world(tmp: Path) -> World:
    """Three canary films, one public film beside them, and a browser for each visitor."""
    clip = make_clip(tmp / "canary.mp4", seconds=1)
    owner = UserFactory(username=f"owner{uuid.uuid4().hex[:8]}")
    removed = UserFactory()
    holder = Client()
    canaries = {
        key: build_canary(key, owner=owner, clip=clip, removed=removed, holder=holder)
        for key in KINDS
    }
    background = FilmFactory(public=True, title="Open Water Film", slug="open-water", year=2001)
    clients = {"anonymous": Client(), "revoked": holder}
    for name, user in (("other", UserFactory()), ("removed", removed), ("owner", owner)):
        clients[name] = Client()
        clients[name].force_login(user)
    assert not ScreenerLink.objects.filter(
        pk__in=[c.link_id for c in canaries.values()], revoked_at__isnull=True
    ).exists()
    return World(canaries=canaries, owner=owner, clients=clients, background_slug=background.slug)


def built_world(tmp: Path) -> World:
    """``build_world`` with the work left for after commit (search of new people and festivals,
    the transcodes) run as it would run in production."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return build_world(tmp)
