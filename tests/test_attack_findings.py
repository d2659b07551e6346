# ruff: noqa: F811
"""The attacker's checks of each finding of the trust review: people, festivals and their parts,
spelling corrections, video originals, admin and importer writes, upload refusals."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from filmfolio.films.choices import Visibility
from filmfolio.films.models import Film

from . import attack
from .canary_world import VISITORS
from .test_attack_surface import _crawl, _media_statuses, _visit, crawls, paths, world  # noqa: F401
from .test_attack_writes import _admin_save, _anonymous_search, _public_film, clean_cache  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.mark.parametrize("part", ("person", "festival"))
@pytest.mark.parametrize("who", VISITORS)
def test_no_canary_anywhere(world, paths, crawls, who, part):
    failures = [
        f"{who} GET {s.path} [{s.status}]: {', '.join(s.found)}"
        for s in _crawl(world, paths, crawls, who)
        if part in s.parts()
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("who", VISITORS)
def test_spelling_corrections_name_no_canary(world, who):
    seen = _visit(world, who, attack.spelling_paths(world))
    failures = [f"{who} GET {s.path}: {', '.join(s.found)}" for s in seen if s.found]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("who", VISITORS)
def test_unlisted_video_original_is_for_managers(world, who):
    path = next(p for p in world.canaries["unl"].media_paths if p.endswith("/original"))
    assert _media_statuses(world, who, [path]) == {path: (404, 404, 404)}


def test_a_film_made_private_in_the_admin_leaves_search_at_once():
    film = _public_film("Zorbadmtitle")
    _admin_save(film, visibility=Visibility.PRIVATE)
    assert Film.objects.get(pk=film.pk).visibility == Visibility.PRIVATE
    assert "qxkvadm" not in _anonymous_search("Zorbadmtitle")


def _found_titles(word: str) -> list[str]:
    """The titles anonymous search (the API's, as the page uses the same service) finds."""
    items = Client().get("/api/v1/search", {"q": word}).json()["items"]
    return [item["title"] for item in items]


def test_a_title_changed_in_the_admin_is_searched_at_once():
    film = _public_film("Zorbadmtitle")
    assert _found_titles("Qxkvadmzorbadmtitle") == ["Zorbadmtitle QxkvadmZorbadmtitle"]
    _admin_save(film, title="Zorbnewtitle Qxkvnewtitle")
    assert _found_titles("Qxkvadmzorbadmtitle") == []
    assert _found_titles("Qxkvnewtitle") == ["Zorbnewtitle Qxkvnewtitle"]


def test_a_film_made_private_by_the_importer_leaves_search_at_once(tmp_path):
    film = _public_film("Zorbimptitle")
    record = {"slug": film.slug, "title": "Zorbimpnew Qxkvimpnew", "visibility": "private"}
    source = tmp_path / "films.jsonl"
    source.write_text(json.dumps(record) + "\n")
    call_command("import", str(source), stdout=io.StringIO())
    assert Film.objects.get(pk=film.pk).visibility == Visibility.PRIVATE
    assert "qxkvadm" not in _anonymous_search("Zorbimptitle")
    assert "qxkvimp" not in _anonymous_search("Zorbimpnew")


@pytest.mark.parametrize("who", ["other", "removed", "revoked"])
def test_upload_refusal_does_not_tell_a_private_address_from_none(world, who):
    from filmfolio.media.tests.flows import metadata

    def refusal(slug: str) -> tuple[int, str]:
        response = world.clients[who].post(
            "/media/uploads/",
            HTTP_TUS_RESUMABLE="1.0.0",
            HTTP_UPLOAD_LENGTH="1000",
            HTTP_UPLOAD_METADATA=metadata(film=slug, kind="trailer", visibility="film"),
        )
        return response.status_code, response.content.decode()

    assert refusal(world.canaries["prv"].film.slug) == refusal("qxkvnone-film")
