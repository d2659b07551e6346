"""Admin changes to media go through the media services: the film's document and page follow.

A ready trailer everyone may watch puts its film under "has a trailer" in search; changing the
video in the admin must move the film in or out of that filter at once.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from filmfolio.media.choices import VideoKind, VideoState, VideoVisibility
from filmfolio.media.models import Video
from filmfolio.search import index
from filmfolio.search.choices import DocumentKind
from filmfolio.search.models import SearchDocument
from tests.admin_forms import form_data

from .factories import FilmFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client) -> Client:
    client.force_login(UserFactory.create(is_staff=True, is_superuser=True))
    return client


def has_trailer(film: Any) -> bool:
    document = SearchDocument.objects.get(kind=DocumentKind.FILM, object_id=film.pk)
    return "trailer" in document.filters.split()


def trailer(film: Any, visibility: str) -> Video:
    return Video.objects.create(
        film=film,
        kind=VideoKind.TRAILER,
        visibility=visibility,
        state=VideoState.READY,
        original_file="x",
        size_bytes=1,
        sha256="0" * 64,
    )


def test_video_visibility_changed_in_the_admin_moves_the_trailer_filter(
    admin_client: Client,
) -> None:
    film = FilmFactory(visibility="public")
    video = trailer(film, VideoVisibility.TEAM)
    index.update_for(film)
    assert not has_trailer(film)
    url = f"/admin/media/video/{video.pk}/change/"
    data = form_data(admin_client.get(url))
    assert sorted(k for k in data if not k.startswith(("encodings", "attempts"))) == [
        "kind",
        "title",
        "visibility",
    ]
    data["visibility"] = VideoVisibility.FILM
    assert admin_client.post(url, data).status_code == 302
    video.refresh_from_db()
    assert video.visibility == VideoVisibility.FILM
    assert has_trailer(film)


def test_video_deleted_in_the_admin_leaves_the_trailer_filter(
    admin_client: Client, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    film = FilmFactory(visibility="public")
    video = trailer(film, VideoVisibility.FILM)
    index.update_for(film)
    assert has_trailer(film)
    url = f"/admin/media/video/{video.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Video.objects.exists()
    assert not has_trailer(film)


def test_media_records_cannot_be_added_in_the_admin(admin_client: Client) -> None:
    for model in ("video", "image", "album", "upload"):
        assert admin_client.get(f"/admin/media/{model}/add/").status_code == 403
    assert Video.objects.count() == 0
