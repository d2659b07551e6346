"""The attacker's suite: every URL of the site against a private, an unlisted and a
password-protected canary film, as anonymous, as another signed-in user, as a removed
collaborator and as a holder of a revoked screener link — with the owner as the control that
shows the checks can see a canary at all.

The canary world (see ``canary_world``) is built once for the module, inside a transaction
that is rolled back at the end; each test runs in a savepoint of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from . import attack
from .canary_world import KINDS, VISITORS, World, built_world
from .url_inventory import body_of

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("canary")
    media = {
        "MEDIA_ROOT": str(tmp / "media"),
        "FILMFOLIO_MEDIA_WORK_DIR": str(tmp / "work"),
        "FILMFOLIO_MEDIA": {"HEARTBEAT_SECONDS": 0.2},
    }
    with override_settings(**media), django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        try:
            yield built_world(tmp)
        finally:
            transaction.set_rollback(True)
            cache.clear()


@pytest.fixture(scope="module")
def paths(world) -> list[str]:
    return attack.every_path(world)


@pytest.fixture(autouse=True)
def clean_cache():
    """Attempt counters of the rate limits and cached pages must not leak between tests."""
    cache.clear()
    yield
    cache.clear()


def test_every_url_pattern_is_tried(world, paths):
    """The inventory reaches the admin, the media files, feeds, exports, press kits, oEmbed and
    the API, each with the canary films' own values."""
    prv = world.canaries["prv"]
    expected = {
        "/admin/",
        f"/admin/films/film/{prv.film.pk}/change/",
        f"/admin/people/person/{prv.ids['person']}/change/",
        f"/admin/festivals/award/{prv.ids['award']}/change/",
        "/admin/films/",
        f"/films/{prv.film.slug}/",
        f"/studio/films/{prv.film.slug}/festivals/",
        f"/studio/films/{prv.film.slug}/media/",
        f"/studio/films/{prv.film.slug}/sharing/",
        f"/studio/films/{prv.film.slug}/sharing/",
        f"/people/{prv.person_slug}/",
        f"/people/{prv.person_slug}/merge/",
        f"/people/{prv.person_slug}/edit/",
        "/people/lookup/",
        f"/festivals/{prv.festival_slug}/",
        f"/media/videos/{prv.video.public_id}/original",
        f"/media/videos/{prv.video.public_id}/hls/master.m3u8",
        f"/media/uploads/{prv.upload_id}/status",
        f"/media/manage/videos/{prv.video.public_id}/frame/",
        f"/media/manage/frames/{prv.frame_id}/status",
        f"/media/films/{prv.film.slug}/manage/order/",
        f"/presskit/{prv.film.slug}.pdf",
        f"/exports/films/{prv.film.slug}.json",
        "/exports/catalogue.csv",
        "/feeds/films.atom",
        "/sitemap.xml",
        f"/api/v1/films/{prv.film.slug}",
        f"/api/v1/films/{prv.film.slug}/credits/{prv.ids['credit']}",
        f"/share/s/{prv.revoked_token}/",
        f"/oembed?url=http://testserver/films/{prv.film.slug}/",
        "/search/autocomplete?q=Zorbprvtit",
        f"/import/file/{prv.import_id}/",
        f"/import/file/{prv.import_id}/status",
    }
    assert expected - set(paths) == set()
    assert any(
        p.startswith(f"/media/videos/{prv.video.public_id}/hls/") and p.endswith(".ts")
        for p in paths
    )


@dataclass(frozen=True)
class Seen:
    """One response of the crawl: what it gave away, by part of the canary record."""

    path: str
    status: int
    found: tuple[str, ...]

    def parts(self) -> set[str]:
        return {attack.part_of(word) for word in self.found}


def _visit(world: World, who: str, paths: list[str]) -> list[Seen]:
    client = world.clients[who]
    seen = []
    for path in paths:
        response = client.get(path)
        forbidden = attack.forbidden_for(world, path, KINDS, everywhere=who == "owner")
        found = attack.leaks(path, attack.response_text(response), forbidden)
        seen.append(Seen(path, response.status_code, tuple(found)))
    return seen


@pytest.fixture(scope="module")
def crawls() -> dict[str, list[Seen]]:
    """Each visitor walks every path once; the tests read the walk by part."""
    return {}


def _crawl(world: World, paths: list[str], crawls: dict[str, list[Seen]], who: str) -> list[Seen]:
    if who not in crawls:
        crawls[who] = _visit(world, who, paths)
    return crawls[who]


# Parts of the canary record checked on every page (see ``attack.part_of``).
PARTS = ("film", "media", "sharing")


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("who", VISITORS)
def test_no_canary_anywhere(world, paths, crawls, who, part):
    """No page, API answer, feed, sitemap, export, press kit, search, suggestion, lookup or facet
    count names a canary film or anything reached only through it (an unlisted film's own
    pages excepted), in its body or its headers."""
    failures = [
        f"{who} GET {s.path} [{s.status}]: {', '.join(s.found)}"
        for s in _crawl(world, paths, crawls, who)
        if part in s.parts()
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("who", VISITORS)
def test_no_request_fails(world, paths, crawls, who):
    """Whatever an attacker puts in an address is answered, never with a server error."""
    failures = [s.path for s in _crawl(world, paths, crawls, who) if s.status == 500]
    assert failures == []


def test_the_owner_meets_every_canary(world, paths, crawls):
    """The control: the same walk finds every part of every canary when their owner looks, so
    the checks above can fail."""
    owned = [
        p
        for p in paths
        if p.startswith(
            ("/films/", "/studio/films/", "/people/", "/festivals/", "/media/", "/search/?q=Zorb")
        )
        and "/remove/" not in p
    ]
    seen = _crawl(world, owned, crawls, "owner")
    for key in KINDS:
        parts = {attack.part_of(w) for s in seen for w in s.found if attack.key_of(world, w) == key}
        assert parts >= {"film", "person", "festival", "media", "sharing"}, key
    film_page = next(s for s in seen if s.path == f"/films/{world.canaries['prv'].film.slug}/")
    assert film_page.status == 200
    assert {"qxkvprvtitle", "qxkvprvperson", "qxkvprvfestival"} <= set(film_page.found)


def test_the_owner_meets_every_canary_import(world):
    """The control of the bulk imports: their owner sees each one, its file name (the sharing
    marker) and what it holds, so the walk above would see them leak."""
    client = world.clients["owner"]
    for key, canary in world.canaries.items():
        page = client.get(f"/import/file/{canary.import_id}/").content.decode()
        assert f"qxsh{key}.jsonl" in page
        assert f"Zorb{key}imported Qxkv{key}imported" in page
        status = client.get(f"/import/file/{canary.import_id}/status").json()
        assert status["state"] == ("checked" if key == "prv" else "done")


def _media_statuses(world: World, who: str, paths: list[str]) -> dict[str, tuple[int, ...]]:
    client = world.clients[who]
    result = {}
    for path in paths:
        got = client.get(path)
        body_of(got)
        result[path] = (
            got.status_code,
            client.head(path).status_code,
            client.get(path, HTTP_RANGE="bytes=0-9").status_code,
        )
    return result


@pytest.mark.parametrize("who", VISITORS)
@pytest.mark.parametrize("key", ["prv", "pwd"])
def test_private_media_is_404(world, who, key):
    """Every file of a private or password film answers 404 to GET, HEAD and Range."""
    paths = world.canaries[key].media_paths
    assert _media_statuses(world, who, paths) == dict.fromkeys(paths, (404, 404, 404))


@pytest.mark.parametrize("who", VISITORS)
def test_unlisted_media_streams_but_keeps_image_originals(world, who):
    """Anyone with the address watches an unlisted film's streams and stills; image originals
    (with their camera metadata) stay with the film's managers."""
    canary = world.canaries["unl"]
    expected = {
        p: (404, 404, 404) if p.endswith("/original") else (200, 200, 206)
        for p in canary.media_paths
        if "/images/" in p or not p.endswith("/original")
    }
    assert _media_statuses(world, who, list(expected)) == expected


def test_the_owner_gets_every_file_with_ranges(world):
    paths = [p for c in world.canaries.values() for p in c.media_paths]
    assert _media_statuses(world, "owner", paths) == dict.fromkeys(paths, (200, 200, 206))


@pytest.mark.parametrize("who", VISITORS)
def test_unauthorised_writes_change_nothing(world, paths, who):
    """A form post to every address, and post, put, patch and delete on every API and media
    address, leave the canary films and everything reached through them as they were."""
    client = world.clients[who]
    before = attack.canary_rows(world)
    errors = []
    for path in paths:
        if path.startswith("/accounts/logout/"):
            continue  # would only sign the visitor out for the rest of the walk
        for response in attack.attempts(client, path):
            body_of(response)
            if response.status_code >= 500:
                errors.append(f"{response.request['REQUEST_METHOD']} {path}")
    assert attack.canary_rows(world) == before
    assert errors == []


def test_the_owners_post_does_change_a_canary(world):
    """The control: the same post from the owner is a write the comparison above would see."""
    canary = world.canaries["prv"]
    before = attack.canary_rows(world)
    attack.attempts(world.clients["owner"], f"/studio/films/{canary.film.slug}/sharing/")
    after = attack.canary_rows(world)
    changed = [row["visibility"] for row in after["films.Film"] if row["id"] == canary.film.pk]
    assert changed == ["public"]
    assert after["core.ChangeRecord"] != before["core.ChangeRecord"]


def test_the_owners_post_does_change_a_canary_persons_names(world):
    """The control of the person's edit page: the owner of every film crediting the canary
    person adds a name with the attackers' very post."""
    canary = world.canaries["prv"]
    before = attack.canary_rows(world)
    attack.attempts(world.clients["owner"], f"/people/{canary.person_slug}/edit/")
    after = attack.canary_rows(world)
    added = [row["name"] for row in after["people.PersonName"]]
    assert len(added) == len(before["people.PersonName"]) + 1
    assert "Hijacked" in added
