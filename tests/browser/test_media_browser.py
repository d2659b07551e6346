"""In Chromium: upload a generated clip and a still with the media manager's file button, wait
for the transcode (run immediately by the test task backend), play it with hls.js on the film's
media page, and see a still with its caption in its album and lightbox."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import User

from filmfolio.media.models import Video
from filmfolio.media.services.checksums import content_hash_of
from filmfolio.media.tests.clips import make_clip
from filmfolio.media.tests.factories import CollaboratorFactory, FilmFactory
from filmfolio.media.tests.imagedata import jpeg_with_gps

from .chromium import ARTIFACTS, keep_screenshot, session_cookies
from .chromium import CHROMIUM_ARGS as ARGS  # the name other journeys import from here

# Transactional: the live server needs committed data (the root conftest restores the role
# vocabulary that earlier transactional tests flushed).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

__all__ = ["ARGS", "ARTIFACTS"]


@pytest.fixture
def media_settings(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    settings.FILMFOLIO_MEDIA = {"UPLOAD_CHUNK_BYTES": 64 * 1024}  # several chunks
    return settings


@pytest.fixture
def page(live_server, media_settings, chromium):
    context = chromium.new_context(base_url=live_server.url)
    yield context
    context.close()


def test_upload_transcode_and_play(page, live_server, tmp_path):
    owner = User.objects.create_user("owner", password="pw-secret-123")
    film = FilmFactory(title="River", visibility="unlisted")
    CollaboratorFactory(film=film, user=owner, role="owner")
    page.add_cookies(session_cookies(owner, live_server.url))
    clip = make_clip(tmp_path / "river.mp4", seconds=6, size="640x360")
    still = tmp_path / "still.jpg"
    still.write_bytes(jpeg_with_gps(1280, 720))
    tab = page.new_page()

    tab.goto(f"/studio/films/{film.slug}/media/")
    tab.fill("#id_title", "Shooting Album")
    tab.click("text=Add album")
    tab.select_option("#upload select[name=album]", label="Shooting Album")
    tab.select_option("#upload select[name=kind]", "trailer")
    tab.select_option("#upload select[name=visibility]", "film")
    tab.set_input_files("#upload input[data-files=any]", [str(still), str(clip)])
    try:
        tab.wait_for_selector(".video-list li[data-state=ready]", timeout=120_000)
    finally:
        keep_screenshot(tab, "media-manage-page")
    tab.click(".still-list li summary")
    tab.fill(".still-list li input[name=caption]", "On the river bank")
    tab.fill(".still-list li input[name=photographer]", "Li Wei")
    tab.click(".still-list li .image-edit button[type=submit]")
    tab.wait_for_selector(".still-list li img[alt='On the river bank']")
    video = Video.objects.get()
    # The browser hashed the whole file and declared it; the server verified it at the end.
    assert video.upload.sha256_expected == content_hash_of(clip.read_bytes())
    assert video.sha256 == video.upload.sha256_expected
    assert (video.state, video.width, video.height, video.upload.client_filename) == (
        "ready",
        640,
        360,
        "river.mp4",
    )

    tab.goto(f"/films/{film.slug}/")
    assert tab.inner_text(".film-album h3") == "Shooting Album"
    # The trailer leads the page; hls.js is fetched when it is asked to play.
    tab.click(".film-trailer .player-start")
    _wait_until(tab, "document.querySelector('.film-trailer video').currentTime > 1", 30)
    # Declared vs measured: shown to the film's team (the owner here), below the record.
    specs = tab.inner_text(".film-media-specs .video-specs")
    assert "640×360" in specs and "6.0 s" in specs
    keep_screenshot(tab, "media-film-page")

    tab.click(".album-grid a.lightbox-link")
    tab.wait_for_selector("dialog.lightbox[open]")
    assert tab.inner_text("dialog.lightbox figcaption") == "On the river bank — Photo: Li Wei"


def _wait_until(tab, condition: str, seconds: float = 30) -> None:
    """Poll ``condition`` in the page. (Playwright's wait_for_function evaluates a string with
    eval, which the site's Content-Security-Policy rightly refuses.)"""
    deadline = time.monotonic() + seconds
    while not tab.evaluate(f"() => Boolean({condition})"):
        assert time.monotonic() < deadline, f"still not true after {seconds} s: {condition}"
        tab.wait_for_timeout(100)
