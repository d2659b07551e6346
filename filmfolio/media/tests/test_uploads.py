"""Resumable uploads over tus 1.0: protocol, resume, checksums and bad input."""

from __future__ import annotations

import fcntl
import threading
import time
from datetime import timedelta
from io import BytesIO

import pytest
from django.test import TestCase
from django.utils import timezone

from filmfolio.core.errors import ObjectNotFoundError
from filmfolio.media import services, storage
from filmfolio.media.choices import UploadState, VideoState
from filmfolio.media.models import Upload, Video
from filmfolio.media.services.checksums import content_hash_of
from filmfolio.media.services.uploads import blocks_path, staging_path

from .clips import make_clip
from .factories import UserFactory
from .flows import ready_video, sha1_header, tus_create, tus_patch

pytestmark = pytest.mark.django_db


def test_options_announce_the_protocol(client):
    response = client.options("/media/uploads/")
    assert response.status_code == 204
    assert response["Tus-Version"] == "1.0.0"
    assert response["Tus-Extension"] == "creation,termination,checksum"


@pytest.mark.slow
def test_upload_in_chunks_becomes_a_ready_video(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    upload = video.upload
    assert (upload.state, upload.offset_bytes, upload.client_filename) == (
        UploadState.COMPLETE,
        clip.stat().st_size,
        "my clip.mov",
    )
    assert not staging_path(upload).exists()
    assert video.original_file == f"films/{film.pk}/videos/{video.public_id}/original.mp4"
    assert video.sha256 == content_hash_of(clip.read_bytes())
    assert (video.kind, video.visibility, video.width, video.height) == (
        "screener",
        "screener",
        640,
        360,
    )
    assert (video.state, video.progress_percent, video.attempt_count) == (VideoState.READY, 100, 1)
    assert [e.profile.name for e in video.encodings.all()] == ["360p"]


def test_resume_after_an_interrupted_chunk(client, film, owner, clip, settings):
    client.force_login(owner)
    data = clip.read_bytes()
    url = tus_create(client, film=film, length=len(data))["Location"]
    half = len(data) // 2
    # The connection drops halfway: only the first half arrives (no checksum sent).
    assert tus_patch(client, url, offset=0, data=data[:half]).status_code == 204
    head = client.head(url, HTTP_TUS_RESUMABLE="1.0.0")
    assert (head.status_code, head["Upload-Offset"], head["Upload-Length"]) == (
        200,
        str(half),
        str(len(data)),
    )
    # A client that lost track and resends from 0 is told the offset does not match.
    conflict = tus_patch(client, url, offset=0, data=data)
    assert conflict.status_code == 409
    assert Upload.objects.get().offset_bytes == half
    with TestCase.captureOnCommitCallbacks(execute=True):
        done = tus_patch(client, url, offset=half, data=data[half:])
    assert done.status_code == 204
    video = Video.objects.get()
    assert video.sha256 == content_hash_of(data)
    assert video.state == VideoState.READY


def test_a_damaged_chunk_is_refused_and_nothing_is_kept(client, film, owner):
    client.force_login(owner)
    url = tus_create(client, film=film, length=10)["Location"]
    response = tus_patch(client, url, offset=0, data=b"0123456789", checksum=sha1_header(b"other"))
    assert response.status_code == 460
    assert response.json() == {"error": "The chunk was damaged in transit; send it again."}
    upload = Upload.objects.get()
    assert upload.offset_bytes == 0
    assert staging_path(upload).stat().st_size == 0


def test_a_whole_file_checksum_mismatch_rejects_the_upload(client, film, owner):
    client.force_login(owner)
    url = tus_create(client, film=film, length=4, content_hash="0" * 64)["Location"]
    response = tus_patch(client, url, offset=0, data=b"abcd")
    assert response.status_code == 422
    assert response.json()["error"].startswith("The file's checksum does not match")
    upload = Upload.objects.get()
    assert upload.state == UploadState.REJECTED
    assert Video.objects.count() == 0


def test_zero_byte_file_is_refused_at_creation(client, film, owner):
    client.force_login(owner)
    response = tus_create(client, film=film, length=0)
    assert response.status_code == 422
    assert response.json() == {"error": "The file is empty."}
    assert Upload.objects.count() == 0


def _upload_bytes(client, film, data: bytes):
    """Send ``data`` in one chunk; the check job runs when the request's transaction commits.
    The last request answers before the file is probed: the reason comes with the status."""
    url = tus_create(client, film=film, length=len(data))["Location"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = tus_patch(client, url, offset=0, data=data)
    assert response.status_code == 204
    return client.get(f"{url}/status")


def test_text_file_renamed_as_video_is_rejected_clearly(client, film, owner):
    client.force_login(owner)
    response = _upload_bytes(client, film, b"This is a shopping list, not a film.\n" * 50)
    reason = (
        "This file is not a video we can read: it may be damaged, incomplete or another "
        "kind of file."
    )
    assert (response.json()["state"], response.json()["reason"]) == ("rejected", reason)
    upload = Upload.objects.get()
    assert (upload.state, upload.rejection_reason) == (UploadState.REJECTED, reason)
    assert not staging_path(upload).exists()
    assert Video.objects.count() == 0


def test_truncated_mp4_is_rejected(client, film, owner, clip):
    client.force_login(owner)
    data = clip.read_bytes()
    response = _upload_bytes(client, film, data[: len(data) * 2 // 3])
    assert response.json()["state"] == "rejected"
    assert Upload.objects.get().state == UploadState.REJECTED
    assert Video.objects.count() == 0


@pytest.mark.slow
def test_truncated_faststart_mp4_fails_its_transcode_once_with_a_reason(
    client, film, owner, tmp_path
):
    # With the index at the front, a cut file probes fine; the transcode then finds the damage.
    clip = make_clip(tmp_path / "fs.mp4", seconds=4, faststart=True)
    data = clip.read_bytes()
    client.force_login(owner)
    url = tus_create(client, film=film, length=len(data) // 3)["Location"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = tus_patch(client, url, offset=0, data=data[: len(data) // 3])
    assert response.status_code == 204
    video = Video.objects.get()
    assert (video.state, video.attempt_count) == (VideoState.FAILED, 1)
    assert video.failure_reason.startswith("The video stops at ")
    assert video.failure_reason.endswith(
        " s of 4.0 s: the file looks truncated or damaged. Upload it again."
    )
    assert video.encodings.count() == 0


def test_other_users_cannot_open_or_append_to_an_upload(client, film, owner):
    client.force_login(owner)
    url = tus_create(client, film=film, length=10)["Location"]
    client.force_login(UserFactory())
    assert tus_patch(client, url, offset=0, data=b"0123456789").status_code == 404
    assert client.head(url, HTTP_TUS_RESUMABLE="1.0.0").status_code == 404
    assert Upload.objects.get().offset_bytes == 0


def test_only_editors_may_start_uploads(client, film):
    client.force_login(UserFactory())
    response = tus_create(client, film=film, length=10)
    assert response.status_code == 403
    assert Upload.objects.count() == 0


def test_terminate_deletes_the_partial_file(client, film, owner):
    client.force_login(owner)
    url = tus_create(client, film=film, length=10)["Location"]
    tus_patch(client, url, offset=0, data=b"01234")
    upload = Upload.objects.get()
    assert client.delete(url, HTTP_TUS_RESUMABLE="1.0.0").status_code == 204
    assert not staging_path(upload).exists()
    assert Upload.objects.count() == 0


def test_cancelling_waits_for_the_chunk_being_written_then_leaves_nothing(client, film, owner):
    """A chunk still being written when the upload is cancelled finishes first (it holds the
    staging file's lock and adds to the block digests); the cancel then deletes both files."""
    client.force_login(owner)
    url = tus_create(client, film=film, length=10)["Location"]
    tus_patch(client, url, offset=0, data=b"01234")
    upload = Upload.objects.get()
    blocks_path(upload).unlink(missing_ok=True)
    locked, handle = threading.Event(), staging_path(upload).open("r+b")

    def chunk_in_flight() -> None:
        fcntl.flock(handle, fcntl.LOCK_EX)
        locked.set()
        time.sleep(0.5)
        blocks_path(upload).write_bytes(b"\0" * 32)  # what the chunk appends last
        handle.close()

    writer = threading.Thread(target=chunk_in_flight)
    writer.start()
    locked.wait(5)
    services.upload_terminate(upload=upload, actor=owner)
    writer.join(5)
    assert not staging_path(upload).exists()
    assert not blocks_path(upload).exists()
    assert Upload.objects.count() == 0


def test_a_chunk_sent_after_the_cancel_is_not_found(client, film, owner):
    client.force_login(owner)
    tus_create(client, film=film, length=10)
    upload = Upload.objects.get()
    staging_path(upload).unlink()
    with pytest.raises(ObjectNotFoundError, match=r"^This upload was cancelled\.$"):
        services.upload_append(upload=upload, actor=owner, offset=0, stream=BytesIO(b"0"), length=1)
    assert Upload.objects.get().offset_bytes == 0


def test_a_check_cut_short_after_the_move_is_completed_when_the_job_runs_again(
    client, film, owner, clip
):
    # State left by a crash of the check job between moving the file into storage and
    # writing the video row.
    from filmfolio.media.tasks import check_upload_task

    client.force_login(owner)
    data = clip.read_bytes()
    url = tus_create(client, film=film, length=len(data))["Location"]
    upload = Upload.objects.get()
    Upload.objects.filter(pk=upload.pk).update(
        offset_bytes=len(data), state=UploadState.CHECKING, sha256_expected=content_hash_of(data)
    )
    stored = f"films/{film.pk}/videos/{upload.pk}/original.mp4"
    storage.put(stored, data)
    staging_path(upload).unlink()
    assert client.get(f"{url}/status").json()["state"] == "checking"
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert check_upload_task.call(str(upload.pk)) == "checked"
    assert check_upload_task.call(str(upload.pk)) == "skipped"
    video = Video.objects.get()
    assert (video.public_id, video.original_file, video.state) == (
        upload.pk,
        stored,
        VideoState.READY,
    )
    assert video.sha256 == content_hash_of(data)


def test_abandoned_uploads_expire_and_free_their_bytes(client, film, owner):
    client.force_login(owner)
    url = tus_create(client, film=film, length=10)["Location"]
    tus_patch(client, url, offset=0, data=b"01234")
    upload = Upload.objects.get()
    assert services.uploads_expire() == 0
    later = timezone.now() + timedelta(days=8)
    assert services.uploads_expire(now=later) == 1
    upload.refresh_from_db()
    assert (upload.state, upload.rejection_reason) == (
        UploadState.REJECTED,
        "The upload was abandoned and has expired. Upload the file again.",
    )
    assert not staging_path(upload).exists()
    assert tus_patch(client, url, offset=5, data=b"56789").status_code == 409
