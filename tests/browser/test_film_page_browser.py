"""The film page in Chromium as a festival programmer or a journalist opens it: the three demo
films (Out of Focus given a poster, two stills and a trailer made by ffmpeg here), at 1366 and
390 px (and 360 px for sideways scrolling), in English and Chinese. The header's title, poster,
facts and laurels are in the first screen, and on a wide screen the trailer too; the trailer
plays; the stills open in a lightbox driven by the keyboard; nothing scrolls sideways; axe-core
finds nothing serious. The page's weight before media (HTML, CSS and JavaScript) is measured and
kept under 300 KB. Screenshots go to test-artifacts/film-page-*.png."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from PIL import Image as PictureFile
from PIL import ImageDraw

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.choices import LinkKind
from filmfolio.films.models import Film
from filmfolio.films.services import link_add
from filmfolio.media import services as media_services
from filmfolio.media.tests.clips import make_clip
from filmfolio.media.tests.flows import ready_video
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .chromium import ARTIFACTS, AXE, keep_screenshot
from .test_accessibility_browser import _serious

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

WITH_MEDIA = "out-of-focus"
FILMS = [WITH_MEDIA, "when-we-meet-under-the-same-sky", "the-home-gleaners"]
SIZES = {"desktop": (1366, 768), "phone": (390, 844)}
PAGE_WEIGHT_LIMIT = 300 * 1024
# What each film's header says, by language: title, one-line facts, first laurel.
HEADERS = {
    ("en", WITH_MEDIA): (
        "Out of Focus",
        "2013 · China · 88 min · Documentary, feature · Chinese Dialect",
        "OFFICIAL SELECTION",
    ),
    ("zh-hans", WITH_MEDIA): (
        "虚焦",
        "2013 · 中国 · 88 分钟 · 纪录片，长片 · 汉语方言",
        "官方入选",
    ),
    ("en", "when-we-meet-under-the-same-sky"): (
        "When we meet under the same sky",
        "2017 · 100 min · Documentary, feature · Chinese, English",
        "AWARD FOR EXCELLENT WORK",
    ),
    ("zh-hans", "when-we-meet-under-the-same-sky"): (
        "When we meet under the same sky",
        "2017 · 100 分钟 · 纪录片，长片 · 中文, 英语",
        "AWARD FOR EXCELLENT WORK",
    ),
    ("en", "the-home-gleaners"): ("The Home Gleaners", "2012 · Short", "BEST ORIGINAL SHORT FILM"),
    ("zh-hans", "the-home-gleaners"): ("The Home Gleaners", "2012 · 短片", "最佳原创短片"),
}


def _picture(width: int, height: int, colours: tuple[str, str], label: str) -> bytes:
    """A JPEG with a two-colour gradient and a label (a poster or a still)."""
    picture = PictureFile.new("RGB", (width, height), colours[0])
    draw = ImageDraw.Draw(picture)
    for y in range(0, height, 8):
        draw.rectangle([0, y, width, y + 8], fill=colours[1] if (y // 8) % 3 == 0 else None)
    draw.text((width // 10, height // 2), label, fill="white")
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.fixture
def media_settings(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    return settings


@pytest.fixture
def catalogue(media_settings, tmp_path):
    """The demo catalogue; Out of Focus with a poster, two stills and a ready trailer; The Home
    Gleaners with its full version and shooting album linked."""
    call_command("demo", stdout=io.StringIO())
    owner = UserFactory.create()
    film = Film.objects.get(slug=WITH_MEDIA)
    CollaboratorFactory(film=film, user=owner, role="owner")
    media_services.image_upload(
        film=film,
        actor=owner,
        data=_picture(800, 1200, ("#203040", "#c04030"), "Out of Focus"),
        details=media_services.ImageDetails(is_poster=True),
    )
    for number, colours in enumerate([("#305030", "#80a040"), ("#402050", "#d0a020")], start=1):
        media_services.image_upload(
            film=film,
            actor=owner,
            data=_picture(1280, 720, colours, f"Still {number}"),
            details=media_services.ImageDetails(
                caption=f"On the roof, day {number}", photographer="Shengze Zhu"
            ),
        )
    client = Client()
    client.force_login(owner)
    clip = make_clip(tmp_path / "trailer.mp4", seconds=6, size="640x360")
    trailer = ready_video(client, film=film, path=clip, kind="trailer", visibility="film")
    assert trailer.state == "ready"
    gleaners = Film.objects.get(slug="the-home-gleaners")
    staff = UserFactory.create(is_staff=True, is_superuser=True)
    link_add(film=gleaners, actor=staff, kind=LinkKind.FULL_VERSION, url="https://v.example.org/hg")
    link_add(
        film=gleaners, actor=staff, kind=LinkKind.SHOOTING_ALBUM, url="https://p.example.org/hg"
    )


@pytest.fixture
def browser(chromium):
    """Debian's Chromium (the shared fixture of tests/browser)."""
    return chromium


def _wait_until(tab, condition: str, seconds: float = 30) -> None:
    """Poll ``condition`` in the page (the site's CSP refuses Playwright's eval-based wait)."""
    deadline = time.monotonic() + seconds
    while not tab.evaluate(f"() => Boolean({condition})"):
        assert time.monotonic() < deadline, f"still not true after {seconds} s: {condition}"
        tab.wait_for_timeout(100)


def _sideways(tab) -> int:
    """How many pixels the page is wider than the window (0 or less when it fits)."""
    return int(tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))


def _top(tab, selector: str) -> float:
    box = tab.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("size", sorted(SIZES))
def test_film_pages_first_screen_player_and_accessibility(
    catalogue, live_server, browser, language: str, size: str
) -> None:
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(path=str(AXE))  # injected by the browser, not by the page's CSP
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    tab = context.new_page()
    for slug in FILMS:
        response = tab.goto(f"{live_server.url}/films/{slug}/")
        assert response is not None and response.status == 200
        title, facts, laurel = HEADERS[(language, slug)]
        assert tab.inner_text(".film-title") == title
        assert tab.inner_text(".film-facts") == facts
        assert tab.locator(".laurel-result").first.inner_text() == laurel
        first_screen = [".film-title", ".film-facts", ".laurels"]
        if slug == WITH_MEDIA:
            first_screen.append(".film-poster img")
            if size == "desktop":
                first_screen.append(".film-trailer video")
        for selector in first_screen:
            assert _top(tab, selector) < height, (slug, selector)
        assert _sideways(tab) <= 0, slug
        tab.screenshot(path=str(ARTIFACTS / f"film-page-{language}-{size}-{slug}.png"))
        keep_screenshot(tab, f"film-page-{language}-{size}-{slug}-full")
        assert _serious(tab) == [], slug
        if size == "phone":  # the narrowest screen we design for
            tab.set_viewport_size({"width": 360, "height": 740})
            assert _sideways(tab) <= 0, (slug, 360)
            tab.set_viewport_size({"width": width, "height": height})
    context.close()


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_trailer_plays_and_the_stills_open_with_the_keyboard(
    catalogue, live_server, browser, size: str
) -> None:
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.goto(f"{live_server.url}/films/{WITH_MEDIA}/")
    # hls.js is fetched when the trailer is asked for, not with the page.
    assert tab.evaluate("() => typeof window.Hls") == "undefined"
    tab.click(".film-trailer .player-start")
    _wait_until(tab, "document.querySelector('.film-trailer video').currentTime > 1")
    assert tab.evaluate("() => document.querySelector('.film-trailer video').paused") is False
    tab.screenshot(path=str(ARTIFACTS / f"film-page-playing-{size}.png"))

    tab.focus(".album-grid a.lightbox-link >> nth=0")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("dialog.lightbox[open]")
    assert tab.inner_text("dialog.lightbox figcaption") == (
        "On the roof, day 1 — Photo: Shengze Zhu"
    )
    tab.keyboard.press("ArrowRight")
    assert tab.inner_text("dialog.lightbox figcaption") == (
        "On the roof, day 2 — Photo: Shengze Zhu"
    )
    tab.screenshot(path=str(ARTIFACTS / f"film-page-lightbox-{size}.png"))
    tab.keyboard.press("Escape")
    _wait_until(tab, "!document.querySelector('dialog.lightbox').open")
    # Focus goes back to the still the lightbox was opened from (the second one was shown last,
    # but the visitor came from the first).
    assert tab.evaluate(
        "() => document.activeElement === document.querySelectorAll('a.lightbox-link')[0]"
    )
    context.close()


def test_film_page_weight_before_media(catalogue, live_server, browser) -> None:
    """HTML, CSS and JavaScript of the public film page with every kind of media, as a visitor
    gets it before playing anything (images and video are media, and not counted)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    sizes: dict[str, int] = {}

    def note(response) -> None:
        kind = response.request.resource_type
        if kind in {"document", "stylesheet", "script"}:
            sizes[response.url] = len(response.body())

    tab.on("response", note)
    tab.goto(f"{live_server.url}/films/{WITH_MEDIA}/", wait_until="load")
    tab.wait_for_timeout(500)
    total = sum(sizes.values())
    (ARTIFACTS / "film-page-weight.txt").write_text(
        "".join(f"{size}\t{url}\n" for url, size in sorted(sizes.items()))
        + f"{total}\ttotal bytes (HTML+CSS+JS, uncompressed)\n"
    )
    assert not any("hls.min.js" in url for url in sizes)
    assert any(url.endswith(f"/films/{WITH_MEDIA}/") for url in sizes)
    assert 0 < total < PAGE_WEIGHT_LIMIT, total
    context.close()
