"""A press kit that is not built yet is queued once per film version and language, however many
anonymous visitors ask for it; a lost build stops blocking after a while."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks import default_task_backend

from filmfolio.api.tests.factories import FilmFactory
from filmfolio.presskit import services
from filmfolio.presskit.models import PresskitBuild

pytestmark = pytest.mark.django_db

QUEUED_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queue(settings):
    """Tasks are queued and left for the test to look at (no worker runs them)."""
    settings.TASKS = QUEUED_ONLY
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


SITE = "http://127.0.0.1:8000"  # the test settings fix the site's address


def _queued(queue) -> list[tuple]:
    return [tuple(result.args) for result in queue.results]


def test_many_requests_queue_one_build_per_version_and_language(queue, media_root):
    film = FilmFactory(slug="heron")
    for _ in range(12):
        assert Client().get("/presskit/heron.pdf?lang=en").status_code == 202
    Client().get("/presskit/heron.pdf?lang=zh-hans")
    Client().get("/presskit/heron.pdf?lang=zh-hans")
    assert _queued(queue) == [(film.pk, "en", SITE), (film.pk, "zh-hans", SITE)]
    assert PresskitBuild.objects.count() == 2


def test_a_finished_build_releases_its_claim_and_a_new_version_is_queued_again(queue, media_root):
    film = FilmFactory(slug="heron")
    Client().get("/presskit/heron.pdf?lang=en")
    services.presskit_build(film_id=film.pk, language="en")
    assert PresskitBuild.objects.count() == 0
    built = Client().get("/presskit/heron.pdf?lang=en")
    # read to the end: the test client then closes the file (close() would also close the
    # database connection on PostgreSQL)
    assert b"".join(built.streaming_content).startswith(b"%PDF-")
    assert built.status_code == 200
    film.title = "Heron, restored"
    film.save()
    for _ in range(3):
        Client().get("/presskit/heron.pdf?lang=en")
    assert _queued(queue) == [(film.pk, "en", SITE), (film.pk, "en", SITE)]


def test_a_lost_build_no_longer_blocks_after_ten_minutes(queue, media_root):
    film = FilmFactory(slug="heron")
    Client().get("/presskit/heron.pdf?lang=en")
    PresskitBuild.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=11))
    Client().get("/presskit/heron.pdf?lang=en")
    Client().get("/presskit/heron.pdf?lang=en")
    assert _queued(queue) == [(film.pk, "en", SITE), (film.pk, "en", SITE)]
    assert PresskitBuild.objects.count() == 1
