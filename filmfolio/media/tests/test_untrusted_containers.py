"""An upload is read as one file in an allowed container and nothing else: playlists, concat
lists and images are refused with one message whatever they point at, and a file that claims far
more running time than its size can hold is refused before any transcode."""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.test import TestCase

from filmfolio.media import ffmpeg, storage
from filmfolio.media.choices import UploadState
from filmfolio.media.models import Upload, Video
from filmfolio.media.services.uploads import staging_path

from .factories import CollaboratorFactory, FilmFactory, UserFactory
from .flows import ready_video, tus_create, tus_patch
from .imagedata import jpeg_with_gps

pytestmark = pytest.mark.django_db

REFUSAL = (
    "This file is not a video container we accept. Playlists (such as .m3u8), lists of files "
    "and image sequences are refused: upload the video file itself (MP4, MOV, MKV, WebM, AVI, "
    "MPEG-TS, MXF, Ogg, FLV or MPEG)."
)


@pytest.fixture
def attacker(client):
    """A signed-in user who owns a public film of their own."""
    user = UserFactory()
    film = FilmFactory(public=True)
    CollaboratorFactory(film=film, user=user, role="owner")
    client.force_login(user)
    return film


def _send(client, film, data: bytes):
    """Send ``data``; the last request answers at once and the check job (run when its
    transaction commits) rejects or records it: the answer is the upload's status."""
    url = tus_create(client, film=film, length=len(data))["Location"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert tus_patch(client, url, offset=0, data=data).status_code == 204
    return client.get(f"{url}/status")


def _playlist(*paths: str) -> bytes:
    lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:4", "#EXT-X-MEDIA-SEQUENCE:0"]
    for path in paths:
        lines += ["#EXTINF:2.0,", path]
    return ("\n".join([*lines, "#EXT-X-ENDLIST", ""])).encode()


def _assert_refused(response, reason: str = REFUSAL) -> None:
    answer = response.json()
    assert (response.status_code, answer["state"], answer["reason"]) == (200, "rejected", reason)
    upload = Upload.objects.order_by("-created_at")[0]
    assert (upload.state, upload.rejection_reason) == (UploadState.REJECTED, reason)
    assert not staging_path(upload).exists()


@pytest.mark.slow
def test_a_playlist_of_another_films_segments_is_refused_like_a_wrong_path(
    client, film, owner, clip, attacker
):
    client.force_login(owner)
    private = ready_video(client, film=film, path=clip, kind="screener", visibility="team")
    segment = storage.local_path(private.encodings.get().files[0])
    assert segment is not None and segment.exists()
    attacker_user = attacker.collaborators.get().user
    client.force_login(attacker_user)

    right = _send(client, attacker, _playlist(str(segment)))
    _assert_refused(right)
    wrong = _send(client, attacker, _playlist(str(segment.with_name("seg_99999.ts"))))
    _assert_refused(wrong)
    same = ("state", "reason", "video")
    assert [wrong.json()[k] for k in same] == [right.json()[k] for k in same]
    assert list(Video.objects.values_list("pk", flat=True)) == [private.pk]
    assert not attacker.videos.exists()


def test_the_refused_playlist_never_opens_the_file_it_names(client, attacker, clip, tmp_path):
    # The segment is a FIFO: opening it for reading is what would let a writer in. A thread
    # offers the other film's bytes the moment anyone opens it; nobody must.
    fifo = tmp_path / "seg_00000.ts"
    os.mkfifo(fifo)
    opened: list[bool] = []
    stop = threading.Event()

    def offer() -> None:
        while not stop.is_set():
            try:
                handle = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: no reader has opened it
                time.sleep(0.01)
                continue
            opened.append(True)
            os.set_blocking(handle, True)
            with contextlib.suppress(BrokenPipeError), os.fdopen(handle, "wb") as writer:
                writer.write(clip.read_bytes())
            return

    thread = threading.Thread(target=offer, daemon=True)
    thread.start()
    try:
        response = _send(client, attacker, _playlist(str(fifo)))
    finally:
        stop.set()
        thread.join(timeout=5)
    _assert_refused(response)
    assert opened == []
    assert Video.objects.count() == 0


def test_a_concat_list_is_refused(client, attacker, clip):
    _assert_refused(_send(client, attacker, f"ffconcat version 1.0\nfile '{clip}'\n".encode()))
    assert Video.objects.count() == 0


def test_an_image_is_refused_as_a_video(client, attacker):
    _assert_refused(_send(client, attacker, jpeg_with_gps()))
    assert Video.objects.count() == 0


def test_an_image_sequence_pattern_is_never_expanded(tmp_path):
    # ffmpeg's image2 demuxer turns "%03d" in a name into a sequence of other files; with the
    # format whitelist the probe refuses it before looking for any of them.
    for number in range(1, 4):
        (tmp_path / f"still{number:03d}.jpg").write_bytes(jpeg_with_gps())
    args = ffmpeg.probe_args(tmp_path / "still%03d.jpg")
    args[args.index("-i") : args.index("-i")] = ["-f", "image2"]
    with pytest.raises(ffmpeg.FormatNotAllowedError) as caught:
        ffmpeg.run(args, timeout=30, memory_bytes=2 * 1024**3)
    assert caught.value.reason == REFUSAL


def test_a_container_outside_the_list_is_refused_after_the_probe():
    with pytest.raises(ffmpeg.FormatNotAllowedError):
        ffmpeg.demuxer_for("hls")
    assert ffmpeg.demuxer_for("matroska,webm") == "matroska"
    assert ffmpeg.input_args(Path("/in.avi"), "avi") == [
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        ffmpeg.FORMAT_WHITELIST,
        "-f",
        "avi",
        "-i",
        "file:/in.avi",
    ]


def _long_claiming_clip(path: Path) -> Path:
    """Two tiny frames two hours apart: a few KB claiming 2:00:01 of pictures."""
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
         "testsrc=size=64x64:rate=1:duration=2", "-vf", "setpts=N*7200/TB",
         "-c:v", "libx264", "-preset", "ultrafast", "-fps_mode", "passthrough", str(path)],
        check=True,
    )  # fmt: skip
    return path


def test_a_small_file_claiming_hours_is_refused_before_transcoding(client, film, owner, tmp_path):
    data = _long_claiming_clip(tmp_path / "long.mp4").read_bytes()
    assert len(data) < 8000
    client.force_login(owner)
    response = _send(client, film, data)
    reason = (
        f"The file claims 2:00:01 of pictures but holds only {len(data)} bytes: it is damaged "
        "or made to look longer than it is."
    )
    _assert_refused(response, reason)
    assert Video.objects.count() == 0


def test_plausibility_counts_frames_and_caps_rate_and_duration():
    probe = ffmpeg.ProbeResult("mpegts", 10.0, 64, 64, "h264", "", 200.0, {})
    limits = {
        "min_bytes_per_second": 256,
        "min_bytes_per_frame": 4,
        "max_duration_seconds": 3600,
        "max_frame_rate": 240,
    }
    assert ffmpeg.implausible_reason(probe, 8000, **limits) is None
    assert ffmpeg.implausible_reason(probe, 7999, **limits) == (
        "The file claims 0:00:10 of pictures but holds only 7999 bytes: it is damaged or made "
        "to look longer than it is."
    )
    fast = ffmpeg.ProbeResult("mpegts", 10.0, 64, 64, "h264", "", 1000.0, {})
    assert ffmpeg.implausible_reason(fast, 10**9, **limits) == (
        "The file claims a running time or frame rate beyond what this server transcodes "
        "(1 hours, 240 frames per second at most)."
    )


def test_time_limit_follows_the_running_time():
    assert ffmpeg.time_limit_for(60.0, base=120, per_second=10, ceiling=21600) == 720
    assert ffmpeg.time_limit_for(7200.0, base=120, per_second=10, ceiling=21600) == 21600
    assert ffmpeg.time_limit_for(None, base=120, per_second=10, ceiling=21600) == 21600


def test_the_refusal_is_given_in_chinese_too(client, attacker, clip):
    data = _playlist("/nowhere/seg_00000.ts")
    url = tus_create(client, film=attacker, length=len(data))["Location"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.generic(
            "PATCH",
            url,
            data,
            content_type="application/offset+octet-stream",
            HTTP_TUS_RESUMABLE="1.0.0",
            HTTP_UPLOAD_OFFSET="0",
            HTTP_ACCEPT_LANGUAGE="zh-hans",
        )
    assert response.status_code == 204
    # The check job writes the reason in the uploader's language.
    response = client.get(f"{url}/status", HTTP_ACCEPT_LANGUAGE="en")
    assert (response.json()["state"], {"error": response.json()["reason"]}) == (
        "rejected",
        {
            "error": "这个文件不是我们接受的视频封装格式。播放列表（如 .m3u8）、"
            "文件列表和图像序列都会被拒绝：请上传视频文件本身"
            "（MP4、MOV、MKV、WebM、AVI、MPEG-TS、MXF、Ogg、FLV 或 MPEG）。"
        },
    )
    assert Video.objects.count() == 0
