"""Originals stay with the film's managers; viewers download only where the owner allows it, a
copy without the camera's metadata; editors cannot widen who may watch; protected files are
never kept in a browser's cache."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.test import TestCase

from filmfolio.core.errors import ValidationFailedError
from filmfolio.media import services, storage
from filmfolio.media.choices import UploadState
from filmfolio.media.models import Upload, Video

from .factories import CollaboratorFactory, FilmFactory, UserFactory
from .flows import open_screener_link, ready_video, tus_create

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

CAMERA_TAGS = (b"+48.8577+002.2950", b"TestCam", b"Mark II", b"2024-01-02")


def _camera_clip(path: Path) -> Path:
    """A clip carrying what phones and cameras write: GPS position, make, model, date."""
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y",
         "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25:duration=1",
         "-f", "lavfi", "-i", "sine=duration=1",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
         "-metadata", "location=+48.8577+002.2950/", "-metadata", "make=TestCam",
         "-metadata", "model=Mark II", "-metadata", "creation_time=2024-01-02T03:04:05Z",
         "-metadata:s:v", "handler_name=TestCam handler",
         "-movflags", "use_metadata_tags", str(path)],
        check=True,
    )  # fmt: skip
    data = path.read_bytes()
    assert all(tag in data for tag in CAMERA_TAGS)
    return path


@pytest.fixture
def public_video(client, owner, tmp_path):
    film = FilmFactory(public=True)
    CollaboratorFactory(film=film, user=owner, role="owner")
    client.force_login(owner)
    video = ready_video(client, film=film, path=_camera_clip(tmp_path / "cam.mov"))
    client.logout()
    return video


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _url(video: Video, path: str) -> str:
    return f"/media/videos/{video.public_id}/{path}"


def test_viewers_get_streams_not_the_original_nor_a_download(client, public_video):
    viewer = UserFactory()
    client.force_login(viewer)
    assert client.get(_url(public_video, "hls/master.m3u8")).status_code == 200
    assert client.get(_url(public_video, "original")).status_code == 404
    assert client.get(_url(public_video, "download")).status_code == 404
    client.logout()
    assert client.get(_url(public_video, "original")).status_code == 404


def test_an_allowed_download_is_a_copy_without_camera_metadata(client, owner, public_video):
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.video_update(
            video=public_video,
            actor=owner,
            title="",
            kind="trailer",
            visibility="film",
            allow_download=True,
        )
    public_video.refresh_from_db()
    prefix = storage.video_dir(public_video.film_id, public_video.public_id)
    assert public_video.download_file == f"{prefix}/download.mp4"
    response = client.get(_url(public_video, "download"))  # anonymous visitor
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="{public_video.film.slug}-trailer.mp4"'
    )
    served = _body(response)
    assert [tag for tag in CAMERA_TAGS if tag in served] == []
    assert b"Lavf" not in served
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", "-"],
        input=served,
        capture_output=True,
        check=True,
    )
    assert probe.stdout.split() == [b"video", b"audio"]
    assert client.get(_url(public_video, "original")).status_code == 404
    # Turning downloads off removes the copy at once.
    services.video_update(
        video=public_video,
        actor=owner,
        title="",
        kind="trailer",
        visibility="film",
        allow_download=False,
    )
    assert client.get(_url(public_video, "download")).status_code == 404
    assert not storage.media_storage().exists(f"{prefix}/download.mp4")


def test_screener_holders_get_streams_only(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    client.logout()
    open_screener_link(client, film=film, owner=owner)
    assert client.get(_url(video, "hls/master.m3u8")).status_code == 200
    assert client.get(_url(video, "original")).status_code == 404
    assert client.head(_url(video, "original")).status_code == 404
    assert client.get(_url(video, "download")).status_code == 404


def test_editors_cannot_widen_who_may_watch_or_allow_downloads(client, owner, public_video):
    editor = UserFactory()
    CollaboratorFactory(film=public_video.film, user=editor, editor=True)
    services.video_update(
        video=public_video, actor=owner, title="", kind="trailer", visibility="team"
    )
    for visibility, allow in (("film", False), ("screener", False), ("team", True)):
        with pytest.raises(ValidationFailedError) as refused:
            services.video_update(
                video=Video.objects.get(pk=public_video.pk),
                actor=editor,
                title="Changed",
                kind="trailer",
                visibility=visibility,
                allow_download=allow,
            )
        assert refused.value.message in (
            "Only the film's owner can let more people watch a video. Choose the team.",
            "Only the film's owner can let viewers download a video.",
        )
    unchanged = Video.objects.get(pk=public_video.pk)
    assert (unchanged.title, unchanged.visibility, unchanged.allow_download) == (
        "",
        "team",
        False,
    )
    # Narrowing is fine for an editor; widening again is the owner's.
    services.video_update(video=unchanged, actor=owner, title="", kind="trailer", visibility="film")
    services.video_update(
        video=unchanged, actor=editor, title="Cut", kind="trailer", visibility="screener"
    )
    assert Video.objects.get(pk=public_video.pk).visibility == "screener"


def test_editors_upload_for_the_team_only(client, film):
    editor = UserFactory()
    CollaboratorFactory(film=film, user=editor, editor=True)
    client.force_login(editor)
    response = tus_create(client, film=film, length=10, visibility="film")
    assert (response.status_code, response.json()) == (
        422,
        {"error": "Only the film's owner can let more people watch a video. Choose the team."},
    )
    assert Upload.objects.count() == 0
    assert tus_create(client, film=film, length=10, visibility="team").status_code == 201
    assert Upload.objects.get().state == UploadState.RECEIVING


def test_protected_files_are_not_cached_and_public_ones_may_be(
    client, film, owner, clip, public_video
):
    public = client.get(_url(public_video, "poster.jpg"))
    assert public["Cache-Control"] == "private, max-age=300"
    # the master playlist holds signed addresses that expire: never kept
    master = client.get(_url(public_video, "hls/master.m3u8"))
    assert master["Cache-Control"] == "private, no-store"
    client.force_login(owner)
    assert client.get(_url(public_video, "original"))["Cache-Control"] == "private, no-store"
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="film")
    for path in ("hls/master.m3u8", "poster.jpg", "original"):
        response = client.get(_url(video, path))
        assert (response.status_code, response["Cache-Control"]) == (200, "private, no-store")
