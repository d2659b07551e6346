"""Every media URL of a private film is closed to strangers (GET, HEAD, Range) and open to the
team and to a session holding a screener link; per-video visibility is applied on top."""

from __future__ import annotations

import pytest
from django.urls import reverse

from filmfolio.media import services

from .factories import CollaboratorFactory, FilmFactory, UserFactory
from .flows import open_screener_link, ready_video
from .imagedata import jpeg_with_gps

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def private_media(client, film, owner, clip):
    """A private film with a ready screener and a still; returns the URLs of every file."""
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    still = services.image_upload(
        film=film, actor=owner, data=jpeg_with_gps(), details=services.ImageDetails(caption="Set")
    )
    client.logout()
    encoding = video.encodings.get()
    segment = encoding.files[-1].rsplit("/", 1)[1]
    base = f"/media/videos/{video.public_id}"
    return {
        "master": f"{base}/hls/master.m3u8",
        "variant": f"{base}/hls/360p/index.m3u8",
        "segment": f"{base}/hls/360p/{segment}",
        "poster": f"{base}/poster.jpg",
        "original": f"{base}/original",
        "still": reverse("media:image-file", args=[still.public_id, "w640.webp"]),
    }


def _grant(client, film):
    from filmfolio.films.models import Collaborator

    owner = Collaborator.objects.get(film=film, role="owner").user
    return open_screener_link(client, film=film, owner=owner)


def _statuses(client, urls):
    result = {}
    for key, url in urls.items():
        result[key] = (
            client.get(url).status_code,
            client.head(url).status_code,
            client.get(url, HTTP_RANGE="bytes=0-9").status_code,
        )
    return result


def test_strangers_get_404_for_every_file(client, private_media):
    closed = dict.fromkeys(private_media, (404, 404, 404))
    assert _statuses(client, private_media) == closed
    client.force_login(UserFactory())
    assert _statuses(client, private_media) == closed


def test_team_and_screener_links_get_every_stream_but_not_the_original(client, film, private_media):
    opened = {**dict.fromkeys(private_media, (200, 200, 206)), "original": (404, 404, 404)}
    _grant(client, film)
    assert _statuses(client, private_media) == opened
    client.logout()
    member = UserFactory()
    CollaboratorFactory(film=film, user=member, viewer=True)
    client.force_login(member)
    assert _statuses(client, private_media) == opened


def test_managers_get_the_original(client, film, owner, private_media):
    editor = UserFactory()
    CollaboratorFactory(film=film, user=editor, editor=True)
    for user in (owner, editor):
        client.force_login(user)
        assert _statuses(client, private_media) == dict.fromkeys(private_media, (200, 200, 206))


def test_a_link_to_another_film_opens_nothing(client, owner, private_media):
    other = FilmFactory()
    CollaboratorFactory(film=other, user=owner)
    open_screener_link(client, film=other, owner=owner)
    assert _statuses(client, private_media) == dict.fromkeys(private_media, (404, 404, 404))


def test_a_revoked_link_closes_every_file(client, film, owner, private_media):
    from filmfolio.sharing.services import screener_link_revoke

    link = _grant(client, film)
    assert client.get(private_media["segment"]).status_code == 200
    screener_link_revoke(film=film, actor=owner, link_id=link.pk)
    assert _statuses(client, private_media) == dict.fromkeys(private_media, (404, 404, 404))


def test_team_only_video_stays_closed_to_screener_links(client, film, owner, private_media):
    from filmfolio.media.models import Video

    Video.objects.update(visibility="team")
    _grant(client, film)
    video_keys = ["master", "variant", "segment", "poster", "original"]
    assert {k: client.get(private_media[k]).status_code for k in video_keys} == dict.fromkeys(
        video_keys, 404
    )
    assert client.get(private_media["still"]).status_code == 200


def test_range_and_head_responses(client, film, owner, private_media):
    client.force_login(owner)
    full = client.get(private_media["original"])
    body = b"".join(full.streaming_content)
    size = len(body)
    assert full["Accept-Ranges"] == "bytes"
    assert full["Content-Disposition"] == f'attachment; filename="{film.slug}-screener.mp4"'
    part = client.get(private_media["original"], HTTP_RANGE="bytes=10-19")
    assert (part.status_code, part["Content-Range"], part["Content-Length"]) == (
        206,
        f"bytes 10-19/{size}",
        "10",
    )
    assert b"".join(part.streaming_content) == body[10:20]
    tail = client.get(private_media["original"], HTTP_RANGE="bytes=-5")
    assert b"".join(tail.streaming_content) == body[-5:]
    head = client.head(private_media["original"])
    assert (head.status_code, head["Content-Length"], head.content) == (200, str(size), b"")
    bad = client.get(private_media["original"], HTTP_RANGE=f"bytes={size}-")
    assert (bad.status_code, bad["Content-Range"]) == (416, f"bytes */{size}")


def test_playlists_and_types(client, film, private_media):
    _grant(client, film)
    master = client.get(private_media["master"])
    assert master["Content-Type"] == "application/vnd.apple.mpegurl"
    assert "/360p/index.m3u8\n" in master.content.decode()
    assert client.get(private_media["segment"])["Content-Type"] == "video/mp2t"
    assert client.get(private_media["still"])["Content-Type"] == "image/webp"


def test_accel_redirect_hands_the_file_to_the_web_server(client, film, private_media, settings):
    settings.FILMFOLIO_MEDIA = {"ACCEL_REDIRECT_PREFIX": "/protected/"}
    _grant(client, film)
    response = client.get(private_media["poster"])
    assert response.status_code == 200
    assert response["X-Accel-Redirect"].startswith(f"/protected/films/{film.pk}/videos/")
    assert response.content == b""


def test_unrecorded_paths_are_not_served(client, film, owner, private_media):
    client.force_login(owner)
    base = private_media["master"].rsplit("/hls/", 1)[0]
    assert client.get(f"{base}/hls/360p/seg_99999.ts").status_code == 404
    assert client.get(f"{base}/hls/../original").status_code == 404
    assert client.get(f"{base}/../../etc/passwd").status_code == 404
