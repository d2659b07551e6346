"""The access matrix of a screener link's burned copy: its playlist, a segment and its status,
for every kind of visitor of the access matrix (``test_access_matrix._clients``) and the
holder of the copy's own link, at every visibility of the film. The files go to that link's
holder and the film's managers; the status to the managers; everyone else gets 404."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.media import storage
from filmfolio.media.choices import BurnState
from filmfolio.media.models import BurnedCopy, Video
from filmfolio.sharing import services
from filmfolio.sharing.models import ScreenerLink, Watermark
from filmfolio.sharing.tests.factories import FilmFactory

from .test_access_matrix import _clients
from .url_inventory import body_of, site_paths

pytestmark = pytest.mark.django_db

MANAGERS = {"owner", "editor", "admin"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _stored_copy(film, link) -> BurnedCopy:
    """A ready copy of the film's screener for ``link``, its two files in storage."""
    video = Video.objects.create(
        film=film, kind="screener", visibility="screener", state="ready",
        original_file="originals/screener.mp4", size_bytes=1, sha256="0" * 64,
        width=640, height=360,
    )  # fmt: skip
    copy = BurnedCopy.objects.create(
        video=video, purpose_key=f"link:{link.pk}", watermark_lines=["Ana"], state=BurnState.READY
    )
    prefix = f"{storage.video_dir(film.pk, video.public_id)}/burned/{copy.public_id}"
    names = [
        storage.media_storage().save(f"{prefix}/index.m3u8", ContentFile(b"#EXTM3U\n")),
        storage.media_storage().save(f"{prefix}/seg_00000.ts", ContentFile(b"\x47" * 188)),
    ]
    copy.files, copy.playlist_file = names, names[0]
    copy.save()
    return copy


def _holder(film, owner) -> tuple[Client, ScreenerLink]:
    """A browser holding a link whose owner chose a burned watermark after it was opened."""
    link, token = services.screener_link_create(film=film, actor=owner, recipient="Ana")
    client = Client()
    assert client.get(f"/share/s/{token}/").status_code == 302
    ScreenerLink.objects.filter(pk=link.pk).update(watermark=Watermark.BURNED)
    return client, link


@pytest.mark.parametrize("visibility", Visibility.values)
def test_burned_copy_matrix(visibility):
    film = FilmFactory(slug="zxq-copies", visibility=visibility)
    clients = _clients(film)
    owner = film.collaborators.get(role=CollaboratorRole.OWNER).user
    clients["copy_link"], link = _holder(film, owner)
    clients["other_burned_link"], _other = _holder(film, owner)
    copy = _stored_copy(film, link)
    base = f"/copies/{copy.public_id}"
    assert (f"{base}/status", "copies:status") in site_paths(
        {"public_id": str(copy.public_id)}, default_int="1"
    )
    failures = []
    for principal, client in clients.items():
        files = 200 if principal in MANAGERS | {"copy_link"} else 404
        status = 200 if principal in MANAGERS else 404
        for path, want in (
            (f"{base}/index.m3u8", files),
            (f"{base}/seg_00000.ts", files),
            (f"{base}/status", status),
        ):
            response = client.get(path)
            body_of(response)
            if response.status_code != want:
                failures.append(f"{principal} GET {path}: {response.status_code} != {want}")
    assert failures == []
    services.screener_link_revoke(film=film, actor=owner, link_id=link.pk)
    assert clients["copy_link"].get(f"{base}/index.m3u8").status_code == 404
