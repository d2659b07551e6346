"""The media pipeline on both storages: local files and S3 (moto's server on loopback).

On S3, files are served by redirecting an allowed viewer to a presigned URL of a few minutes;
HLS playlists are returned by Django so each segment request is checked again.
"""

from __future__ import annotations

import socket
import urllib.request
import uuid

import boto3
import pytest
from django.test import TestCase

from filmfolio.media import services, storage
from filmfolio.media.services.check import media_check

from .flows import ready_video
from .imagedata import jpeg_with_gps

pytestmark = [pytest.mark.django_db]


def _free_port() -> int:
    for port in range(8300, 8400):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8300-8399")


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server in a thread on 127.0.0.1, port 8300-8399."""
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture(params=["local", "s3"])
def backend(request, settings):
    """Run the test on local files, then on S3 with a fresh bucket."""
    if request.param == "s3":
        endpoint = request.getfixturevalue("s3_endpoint")
        bucket = f"filmfolio-{uuid.uuid4().hex[:12]}"
        options = {
            "bucket_name": bucket,
            "endpoint_url": endpoint,
            "region_name": "us-east-1",
            "access_key": "testing",
            "secret_key": "testing",
            "querystring_auth": True,
            "file_overwrite": True,
            "addressing_style": "path",
            "default_acl": None,
            "signature_version": "s3v4",
            "querystring_expire": 300,
        }
        boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        ).create_bucket(Bucket=bucket)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        }
    return request.param


def _body(client, url: str, backend: str, **headers) -> tuple[int, bytes]:
    response = client.get(url, **headers)
    if backend == "s3" and response.status_code == 302:
        location = response["Location"]
        assert "X-Amz-Signature=" in location and "X-Amz-Expires=300" in location
        with urllib.request.urlopen(location) as remote:
            return remote.status, remote.read()
    if response.streaming:
        return response.status_code, b"".join(response.streaming_content)
    return response.status_code, response.content


def test_images_on_both_storages(client, film, owner, backend):
    image = services.image_upload(
        film=film, actor=owner, data=jpeg_with_gps(), details=services.ImageDetails(caption="Set")
    )
    folder = storage.image_dir(film.pk, image.public_id)
    assert sorted(storage.walk(folder)) == sorted(
        f"{folder}/{n}" for n in ["original.jpg", "w320.webp", "w640.webp", "w800.webp"]
    )
    client.force_login(owner)
    status, body = _body(client, f"/media/images/{image.public_id}/w320.webp", backend)
    assert (status, body[:4], body[8:12]) == (200, b"RIFF", b"WEBP")
    client.logout()
    assert client.get(f"/media/images/{image.public_id}/w320.webp").status_code == 404
    assert media_check().ok
    services.image_delete(image=image, actor=owner)
    assert list(storage.walk(folder)) == []


@pytest.mark.slow
def test_video_pipeline_on_both_storages(client, film, owner, clip, backend):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    assert video.state == "ready"
    assert storage.media_storage().exists(video.original_file)
    base = f"/media/videos/{video.public_id}"
    master = client.get(f"{base}/hls/master.m3u8")
    assert master.status_code == 200
    text = (b"".join(master.streaming_content) if master.streaming else master.content).decode()
    assert "360p/index.m3u8" in text
    segment = video.encodings.get().files[-1].rsplit("/", 1)[1]
    status, body = _body(client, f"{base}/hls/360p/{segment}", backend)
    assert (status, body[:1]) == (200, b"\x47")  # MPEG-TS sync byte
    status, body = _body(client, f"{base}/original", backend)
    assert (status, body) == (200, clip.read_bytes())
    head = client.head(f"{base}/original")
    if backend == "s3":
        assert head.status_code == 302
        request = urllib.request.Request(head["Location"], method="HEAD")
        with urllib.request.urlopen(request) as remote:
            assert (remote.status, remote.headers["Content-Length"]) == (200, str(len(body)))
    else:
        assert (head.status_code, head["Content-Length"]) == (200, str(len(body)))
    report = media_check()
    assert (report.orphan_files, report.missing_files) == ([], [])
    client.logout()
    assert client.get(f"{base}/hls/360p/{segment}").status_code == 404


def test_media_check_finds_orphans_and_missing_files(film, owner, backend):
    image = services.image_upload(film=film, actor=owner, data=jpeg_with_gps(100, 80))
    storage.put(f"films/{film.pk}/images/stray/original.jpg", b"x")
    storage.media_storage().delete(image.original_file)
    report = media_check()
    assert report.orphan_files == [f"films/{film.pk}/images/stray/original.jpg"]
    assert report.missing_files == [image.original_file]
    assert media_check(delete_orphans=True).orphan_files == report.orphan_files
    assert media_check().orphan_files == []


def test_media_check_finds_staging_files_of_closed_uploads(film, owner, tmp_path):
    stray = tmp_path / "work" / "uploads" / "0f0f0f0f-0000-0000-0000-000000000000.part"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"half a film")
    upload = services.upload_create(
        film=film,
        actor=owner,
        declared=services.UploadDeclaration(length=10, kind="trailer", visibility="film"),
    )
    report = media_check()
    assert report.orphan_staging == [str(stray)]
    assert not report.ok
    media_check(delete_orphans=True)
    assert sorted(p.name for p in stray.parent.iterdir()) == [f"{upload.pk}.part"]


def test_upload_to_s3_keeps_nothing_on_local_disk(client, film, owner, clip, backend, tmp_path):
    if backend == "local":
        return
    client.force_login(owner)
    with TestCase.captureOnCommitCallbacks(execute=True):
        video = ready_video(client, film=film, path=clip)
    assert list((tmp_path / "work" / "uploads").iterdir()) == []
    assert storage.local_path(video.original_file) is None
