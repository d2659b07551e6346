"""Screener link controls in Chromium, in English and Chinese, at desktop and phone widths: the
owner makes a play-limited (2), windowed link with a password and a download copy in the studio;
the recipient opens it, sees the watermark with their name over the player (put back when
removed), downloads the copy and plays twice; the third play is refused; a link whose window has
not begun says when it opens; the owner extends and then revokes both links at once."""

from __future__ import annotations

import datetime
import time
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from filmfolio.films.choices import CollaboratorRole
from filmfolio.media.models import Video
from filmfolio.media.services.downloads import video_download_prepare
from filmfolio.media.tests.clips import make_clip
from filmfolio.media.tests.flows import ready_video
from filmfolio.sharing import services
from filmfolio.sharing.controls import NOT_YET, LinkControls, window_message
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .chromium import keep_screenshot, signed_in_context
from .test_studio_browser import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
MARK = "() => { const m = document.querySelector('.player .screener-watermark');"
MARK_TEXT = MARK + " return m && m.shadowRoot ? m.shadowRoot.textContent : ''; }"


@pytest.fixture
def media_settings(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    return settings


def _film_with_screener(tmp_path, slug: str):
    owner = CollaboratorFactory(
        film=FilmFactory(title="Heron Lantern", slug=slug), role=CollaboratorRole.OWNER
    )
    client = Client()
    client.force_login(owner.user)
    clip = make_clip(tmp_path / "heron.mp4", seconds=4, size="320x180")
    video = ready_video(client, film=owner.film, path=clip, kind="screener", visibility="screener")
    Video.objects.filter(pk=video.pk).update(allow_download=True)
    assert video_download_prepare(video_id=video.pk) == "ready"
    return owner


def _wait(page, condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        page.wait_for_timeout(100)


def _studio_link(page, base: str, slug: str, t) -> str:
    """The owner fills the studio form: window in Shanghai time, 2 plays, download, password."""
    page.goto(f"{base}/studio/films/{slug}/sharing/")
    now = timezone.now().astimezone(SHANGHAI)
    page.fill("#id_recipient", "Li Wei")
    page.fill("#id_recipient_organisation", "FIRST Xining")
    page.fill("#id_time_zone", "Asia/Shanghai")
    page.fill("#id_not_before", (now - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_expires_at", (now + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_max_plays", "2")
    page.select_option("#id_delivery", "download")
    link_form = 'form:has(input[name=form][value="link"])'
    page.fill(f"{link_form} input[name=password]", "jade lantern")
    with page.expect_navigation():
        page.click(f"{link_form} button[type=submit]")
    assert t("Saved.") in page.inner_text(".messages")
    link = ScreenerLink.objects.get(recipient="Li Wei")
    assert (link.max_plays, link.delivery, link.time_zone, link.has_password) == (
        2,
        "download",
        "Asia/Shanghai",
        True,
    )
    return page.input_value("#new-link-url")


def _play(tab, base: str, slug: str) -> None:
    tab.goto(f"{base}/films/{slug}/")
    tab.click(".film-media-viewer .player-start")
    _wait(tab, lambda: tab.evaluate("document.querySelector('.player video').currentTime > 0.5"))


def _recipient(chromium, base, url, slug, language, width, shots, t):
    context = chromium.new_context(
        user_agent=AGENT, viewport={"width": width, "height": 900}, accept_downloads=True
    )
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    tab = context.new_page()
    tab.goto(url)
    assert tab.url == f"{base}/share/unlock/"
    tab.fill("#id_password", "jade lantern")
    with tab.expect_navigation():
        tab.click("main button[type=submit]")
    assert tab.url == f"{base}/films/{slug}/"
    _wait(tab, lambda: "Li Wei" in tab.evaluate(MARK_TEXT))
    assert "FIRST Xining" in tab.evaluate(MARK_TEXT)
    # removed by hand, it comes back at once
    tab.evaluate(MARK + " m.remove(); }")
    _wait(tab, lambda: "Li Wei" in tab.evaluate(MARK_TEXT), 5)
    with tab.expect_download() as download:
        tab.click(".video-download a")
    assert download.value.suggested_filename.startswith(slug)
    _play(tab, base, slug)
    keep_screenshot(tab, f"{shots}-watermark")
    _play(tab, base, slug)
    assert ScreenerLink.objects.get(recipient="Li Wei").play_count == 2
    tab.goto(f"{base}/films/{slug}/")
    refusal = _said(
        language,
        "You have used the %(n)d play this screener allows. Ask its sender for more.",
        "You have used all %(n)d plays this screener allows. Ask its sender for more.",
        2,
    )
    assert tab.inner_text(".player .screener-refusal") == refusal
    assert tab.locator(".player-start").count() == 0
    keep_screenshot(tab, f"{shots}-refused")
    context.close()


def _not_yet(chromium, base, owner, language, width, shots) -> None:
    opens = datetime.datetime(2031, 5, 1, 20, 0, tzinfo=SHANGHAI)
    link, token = services.screener_link_send(
        film=owner.film, actor=owner.user, recipient="Chen Jing",
        controls=LinkControls(time_zone="Asia/Shanghai", not_before=opens),
    )  # fmt: skip
    context = chromium.new_context(user_agent=AGENT, viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    tab = context.new_page()
    assert tab.goto(f"{base}/share/s/{token}/").status == 403
    with translation.override(language):
        expected = window_message(link, NOT_YET)
    assert tab.inner_text(".link-window") == expected
    assert "(Asia/Shanghai)" in expected
    keep_screenshot(tab, f"{shots}-not-yet")
    context.close()


def _said(language: str, singular: str, plural: str, n: int) -> str:
    with translation.override(language):
        return ngettext(singular, plural, n) % {"n": n}


def _bulk(page, base: str, slug: str, shots: str, language: str) -> None:
    page.goto(f"{base}/studio/films/{slug}/sharing/")
    before = {link.pk: link.expires_at for link in ScreenerLink.objects.all()}
    for box in page.locator("input[name=links]").all():
        box.check()
    page.fill("#id_days", "7")
    with page.expect_navigation():
        page.click("#bulk-links button[value=extend]")
    # Chen Jing's link has no expiry to move: one link is extended
    extended = _said(language, "%(n)d link extended.", "%(n)d links extended.", 1)
    assert extended in page.inner_text(".messages")
    li_wei = ScreenerLink.objects.get(recipient="Li Wei")
    assert li_wei.expires_at == before[li_wei.pk] + datetime.timedelta(days=7)
    keep_screenshot(page, f"{shots}-extended")
    for box in page.locator("input[name=links]").all():
        box.check()
    with page.expect_navigation():
        page.click("#bulk-links button[value=revoke]")
    revoked = _said(language, "%(n)d link revoked.", "%(n)d links revoked.", 2)
    assert revoked in page.inner_text(".messages")
    assert ScreenerLink.objects.filter(revoked_at__isnull=True).count() == 0
    assert page.locator("input[name=links]").count() == 0
    keep_screenshot(page, f"{shots}-revoked")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_play_limited_windowed_link(
    live_server, chromium, media_settings, tmp_path, language, width
):
    base = live_server.url
    slug = f"heron-{language}-{width}"
    shots = f"screener-controls-{language}-{width}"
    owner = _film_with_screener(tmp_path, slug)

    def t(text: str) -> str:
        with translation.override(language):
            return gettext(text)

    viewport = {"width": WIDTHS[width], "height": 900}
    context = signed_in_context(chromium, base, owner.user, language=language, viewport=viewport)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    url = _studio_link(page, base, slug, t)
    keep_screenshot(page, f"{shots}-studio")
    _recipient(chromium, base, url, slug, language, WIDTHS[width], shots, t)
    _not_yet(chromium, base, owner, language, WIDTHS[width], shots)
    _bulk(page, base, slug, shots, language)
    context.close()
