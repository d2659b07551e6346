"""A ready trailer everyone may watch puts the film under "has a trailer" in search."""

from __future__ import annotations

import pytest

from filmfolio.media.choices import VideoKind, VideoState, VideoVisibility
from filmfolio.media.models import Video
from filmfolio.media.services.transcode import video_update
from filmfolio.search import index
from filmfolio.search.choices import DocumentKind
from filmfolio.search.models import SearchDocument

from .factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db


def _has_trailer(film) -> bool:
    document = SearchDocument.objects.get(kind=DocumentKind.FILM, object_id=film.pk)
    return "trailer" in document.filters.split()


def test_trailer_facet_follows_the_video(owner):
    film = FilmFactory(visibility="public")
    CollaboratorFactory(film=film, user=owner, role="owner")
    video = Video.objects.create(
        film=film,
        kind=VideoKind.TRAILER,
        visibility=VideoVisibility.TEAM,
        state=VideoState.READY,
        original_file="x",
        size_bytes=1,
        sha256="0" * 64,
    )
    index.update_for(film)
    assert not _has_trailer(film)

    video_update(
        video=video, actor=owner, title="", kind=VideoKind.TRAILER, visibility=VideoVisibility.FILM
    )
    assert _has_trailer(film)

    video_update(
        video=video, actor=owner, title="", kind=VideoKind.EXCERPT, visibility=VideoVisibility.FILM
    )
    assert not _has_trailer(film)
