"""In Chromium: a festival programmer opens a screener link to a private film and plays the
screener. Every variant playlist and segment comes from a signed address (``/media/s/…``), the
player renews its tokens from ``hls/tokens`` (the lifetime is 4 s here, so it must), and once
the link is revoked the page gets no new tokens. In English and Chinese, at 1280 and 390 px."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import User
from django.test import Client

from filmfolio.media.tests.clips import make_clip
from filmfolio.media.tests.factories import CollaboratorFactory, FilmFactory
from filmfolio.media.tests.flows import ready_video

from .chromium import keep_screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def screener(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    settings.FILMFOLIO_MEDIA = {**settings.FILMFOLIO_MEDIA, "SIGNED_URL_SECONDS": 4}
    owner = User.objects.create_user("owner", password="pw-secret-123")
    film = FilmFactory(title="Night Ferry", visibility="private")
    CollaboratorFactory(film=film, user=owner, role="owner")
    client = Client()
    client.force_login(owner)
    clip = make_clip(tmp_path / "ferry.mp4", seconds=12, size="640x360")
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    return owner, film, video


def _wait_until(tab, condition: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not tab.evaluate(f"() => {condition}"):
        assert time.monotonic() < deadline, condition
        time.sleep(0.2)


def _slow(route) -> None:
    """Let the first segment reach the browser 5 s after the server sent it."""
    response = route.fetch()
    time.sleep(5)
    route.fulfill(response=response)


@pytest.mark.parametrize(("lang", "width"), [("en", 1280), ("zh-hans", 390)])
def test_a_screener_plays_through_signed_addresses(chromium, live_server, screener, lang, width):
    from filmfolio.sharing.services import screener_link_create, screener_link_revoke

    owner, film, video = screener
    link, token = screener_link_create(film=film, actor=owner, recipient="Programmer")
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 900},
        locale="zh-CN" if lang == "zh-hans" else "en-GB",
        extra_http_headers={"Accept-Language": "zh-Hans" if lang == "zh-hans" else "en"},
    )
    tab = context.new_page()
    answers: list[tuple[str, int]] = []
    tab.on("response", lambda r: answers.append((r.url.replace(live_server.url, ""), r.status)))
    tab.route("**/seg_00000.ts", _slow)  # the next segments are asked for after the expiry
    tab.goto(f"/share/s/{token}/")
    tab.wait_for_selector(".player-start")
    tab.click(".player-start")
    # 12 s of video with 4-s tokens: the later segments need renewed tokens.
    _wait_until(tab, "document.querySelector('video[data-hls-src]').currentTime > 9")
    keep_screenshot(tab, f"signed-playback-{lang}-{width}")

    media = [(url, status) for url, status in answers if url.startswith("/media/")]
    segments = [(url, status) for url, status in media if url.endswith(".ts")]
    assert len(segments) >= 3
    assert all(url.startswith("/media/s/") and status == 200 for url, status in segments)
    assert any(url.endswith("/index.m3u8") and url.startswith("/media/s/") for url, _ in media)
    assert not [url for url, _ in media if "/hls/360p/" in url and not url.startswith("/media/s/")]
    tokens = [status for url, status in media if url.endswith("/hls/tokens")]
    assert tokens and set(tokens) == {200}
    signatures = {url.split("/")[4] for url, _ in segments}
    assert len(signatures) >= 2  # the tokens were renewed during playback

    screener_link_revoke(film=film, actor=owner, link_id=link.pk)
    refused = tab.evaluate(
        "async (u) => (await fetch(u, {credentials: 'same-origin'})).status",
        f"/media/videos/{video.public_id}/hls/tokens",
    )
    assert refused == 404
    context.close()
