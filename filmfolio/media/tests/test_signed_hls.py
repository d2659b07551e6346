"""Signed HLS addresses: the master playlist is authorised once by the policy; variant playlists
and segments are then served on the signature alone, without the database or the session."""

from __future__ import annotations

import re
import time

import pytest
from django.conf import settings
from django.test import Client

from filmfolio.media import signing, storage
from filmfolio.media.views.signed import signed_file

from .factories import FilmFactory, UserFactory
from .flows import open_screener_link, ready_video

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

_SIGNED_LINE = re.compile(r"^/media/s/([0-9a-f-]{36})/([^/]+)/(\w+)/(.+)$")


@pytest.fixture
def screener(client, film, owner, clip):
    """A private film's screener (one rung, 360p), and a client holding a screener link."""
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    client.logout()
    link = open_screener_link(client, film=film, owner=owner)
    return video, link


def _variant_address(client, video) -> str:
    master = client.get(f"/media/videos/{video.public_id}/hls/master.m3u8")
    assert master.status_code == 200
    lines = [line for line in master.content.decode().splitlines() if line.startswith("/")]
    assert len(lines) == 1
    return lines[0]


def _segment_names(video) -> list[str]:
    names = [name.rsplit("/", 1)[1] for name in video.encodings.get().files]
    return [name for name in names if name.startswith("seg_")]


def test_the_master_playlist_signs_its_variant_for_this_session(client, screener):
    video, _link = screener
    address = _variant_address(client, video)
    public_id, token, rendition, rest = _SIGNED_LINE.match(address).groups()
    grant, film_id, expires, _signature = token.split(".")
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert (public_id, rendition, rest) == (str(video.public_id), "360p", "index.m3u8")
    assert (grant, int(film_id)) == (signing.session_grant(session_key), video.film_id)
    assert abs(int(expires) - (time.time() + 60)) <= 2


def test_variant_and_segments_cost_no_query_and_arrive_byte_identical(
    client, screener, django_assert_num_queries
):
    video, _link = screener
    address = _variant_address(client, video)
    base = address.rsplit("/", 1)[0]
    directory = storage.video_dir(video.film_id, video.public_id) + "/hls"
    names = _segment_names(video)
    with django_assert_num_queries(0):
        variant = client.get(address)
        segments = [client.get(f"{base}/{name}") for name in names]
    assert variant.status_code == 200
    assert (
        b"".join(variant.streaming_content)
        == storage.local_path(f"{directory}/360p/index.m3u8").read_bytes()
    )
    assert len(names) >= 1
    for name, response in zip(names, segments, strict=True):
        assert (response.status_code, response["Content-Type"]) == (200, "video/mp2t")
        assert response["Cache-Control"] == "private, no-store"
        stored = storage.local_path(f"{directory}/360p/{name}").read_bytes()
        assert b"".join(response.streaming_content) == stored
    assert "_auth_user_id" not in client.session


def test_a_range_of_a_segment_costs_no_query(client, screener, django_assert_num_queries):
    video, _link = screener
    base = _variant_address(client, video).rsplit("/", 1)[0]
    first = _segment_names(video)[0]
    with django_assert_num_queries(0):
        response = client.get(f"{base}/{first}", HTTP_RANGE="bytes=0-187")
    assert (response.status_code, response["Content-Length"]) == (206, "188")


def test_altered_expired_or_borrowed_addresses_get_403_without_the_file(client, screener, film):
    video, _link = screener
    address = _variant_address(client, video)
    _public_id, token, _rendition, _rest = _SIGNED_LINE.match(address).groups()
    grant, film_id, expires, signature = token.split(".")
    later = str(int(expires) + 3600)
    forged = {
        "signature": address.replace(signature, "0" * 32),
        "expiry pushed back": address.replace(f".{expires}.", f".{later}."),
        "other rendition": address.replace("/360p/", "/720p/"),
        "other film": address.replace(f".{film_id}.", f".{film_id}0."),
        "made public": address.replace(f"/{grant}.", "/p."),
        "malformed": address.replace(token, "x"),
    }
    for why, url in forged.items():
        response = client.get(url)
        assert (why, response.status_code, response.content) == (why, 403, b"Forbidden\n")
    stranger = Client()
    response = stranger.get(address)
    assert (response.status_code, response.content) == (403, b"Forbidden\n")
    old = signing.make_token(
        public_id=video.public_id,
        film_id=video.film_id,
        rendition="360p",
        grant=grant,
        now=time.time() - 61,
    )
    response = client.get(address.replace(token, old))
    assert (response.status_code, response.content) == (403, b"Forbidden\n")


def test_a_revoked_link_gets_no_new_playlist_or_tokens(client, screener, owner, film):
    from filmfolio.sharing.services import screener_link_revoke

    video, link = screener
    address = _variant_address(client, video)
    tokens = client.get(f"/media/videos/{video.public_id}/hls/tokens")
    assert tokens.status_code == 200
    assert tokens.json()["expires_in"] == 60
    assert list(tokens.json()["tokens"]) == ["360p"]
    screener_link_revoke(film=film, actor=owner, link_id=link.pk)
    assert client.get(f"/media/videos/{video.public_id}/hls/master.m3u8").status_code == 404
    assert client.get(f"/media/videos/{video.public_id}/hls/tokens").status_code == 404
    # The address already handed out works until it expires (at most SIGNED_URL_SECONDS).
    assert client.get(address).status_code == 200


def test_the_signature_lifetime_is_a_setting(client, screener, settings):
    video, _link = screener
    settings.FILMFOLIO_MEDIA = {**settings.FILMFOLIO_MEDIA, "SIGNED_URL_SECONDS": 5}
    address = _variant_address(client, video)
    expires = int(_SIGNED_LINE.match(address).group(2).split(".")[2])
    assert abs(expires - (time.time() + 5)) <= 2
    assert client.get(f"/media/videos/{video.public_id}/hls/tokens").json()["expires_in"] == 5


def test_public_trailers_are_signed_for_anyone_holding_the_address(client, owner, clip):
    film = FilmFactory(public=True)
    from .factories import CollaboratorFactory

    CollaboratorFactory(film=film, user=owner, role="owner")
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="trailer", visibility="film")
    client.logout()
    address = _variant_address(Client(), video)
    assert _SIGNED_LINE.match(address).group(2).startswith("p.")
    response = Client().get(address)
    assert (response.status_code, response["Cache-Control"]) == (200, "private, max-age=300")


def test_strangers_get_no_master_and_no_tokens(client, screener):
    video, _link = screener
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(f"/media/videos/{video.public_id}/hls/master.m3u8").status_code == 404
    assert stranger.get(f"/media/videos/{video.public_id}/hls/tokens").status_code == 404


def test_the_middleware_answers_before_sessions_and_the_view_agrees(rf, client, screener):
    """The same address through the URLconf view (no middleware) gives the same answer."""
    video, _link = screener
    address = _variant_address(client, video)
    match = signing.SIGNED_PATH.match(address)
    request = rf.get(address)
    request.COOKIES[settings.SESSION_COOKIE_NAME] = client.cookies[
        settings.SESSION_COOKIE_NAME
    ].value
    assert signed_file(request, **match.groupdict()).status_code == 200
    assert "filmfolio.media.middleware.SignedMediaMiddleware" in settings.MIDDLEWARE
    position = settings.MIDDLEWARE.index("filmfolio.media.middleware.SignedMediaMiddleware")
    sessions = settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert position < sessions
