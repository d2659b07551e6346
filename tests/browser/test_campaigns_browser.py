"""In Chromium: an owner sends a campaign from an uploaded CSV of two recipients (one English,
one Chinese, saved in GB18030); both get e-mails with their own link; the first recipient opens
their link in a signed-out browser and plays part of the screener (a real ffmpeg-made video,
played by the page's player), and the owner's viewing report and the campaign's report show
the share watched. In English and Chinese, at 1280 and 390 px, with axe-core."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from filmfolio.media.tests.clips import make_clip
from filmfolio.media.tests.factories import CollaboratorFactory, FilmFactory
from filmfolio.media.tests.flows import ready_video
from filmfolio.sharing import reports_selectors
from filmfolio.sharing.models import Campaign, ScreenerLink, ScreenerViewing
from filmfolio.sharing.reports import covered_seconds

from .chromium import AXE, keep_screenshot, serious_violations, signed_in_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

DESKTOP_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)
LIST = (
    "姓名,邮箱,机构,语言\n"
    "Ana Ruiz,ana@festival.example,Cinéma du Réel,en\n"
    "王芳,wang@fest.example.cn,FIRST 青年电影展,zh-hans\n"
)
TEXT = {
    "en": {"new": "Send links to a list of recipients", "send": "Send the links"},
    "zh-hans": {"new": "向收件人名单发送链接", "send": "发送链接"},
}
OTHER_WIDTH = {1280: 390, 390: 1280}


@pytest.fixture
def screener(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    owner = User.objects.create_user("owner", password="pw-secret-123")
    film = FilmFactory(title="River of Salt", visibility="private")
    CollaboratorFactory(film=film, user=owner, role="owner")
    client = Client()
    client.force_login(owner)
    clip = make_clip(tmp_path / "river.mp4", seconds=10, size="640x360")
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    return owner, film, video


def _wait_until(check, seconds: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"still not true after {seconds} s: {what}"
        time.sleep(0.2)


def _check_page(tab, name: str) -> None:
    assert serious_violations(tab) == []
    assert tab.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    keep_screenshot(tab, name)


def _send_campaign(tab, film, text) -> Campaign:
    tab.goto(f"/studio/films/{film.slug}/reports/")
    tab.click(f"a:has-text('{text['new']}')")
    tab.fill("#id_name", "Spring festivals")
    tab.set_input_files(
        "#id_recipients_file",
        files=[{"name": "list.csv", "mimeType": "text/csv", "buffer": LIST.encode("gb18030")}],
    )
    tab.fill("#id_time_zone", "Asia/Shanghai")
    tab.fill("#id_max_plays", "3")
    with tab.expect_navigation():
        tab.click(f"main button:has-text('{text['send']}')")
    return Campaign.objects.get()


def _links_in_mail() -> dict[str, str]:
    return {
        message.to[0]: next(
            line.strip() for line in message.body.splitlines() if "/share/s/" in line
        )
        for message in mail.outbox
    }


def _play_part(chromium, url: str, lang: str, width: int, shots: str) -> None:
    """The recipient opens their link and plays the screener past 4 seconds, then pauses."""
    context = chromium.new_context(
        user_agent=DESKTOP_AGENT, viewport={"width": width, "height": 900}
    )
    base = url.split("/share/", 1)[0]
    context.add_cookies([{"name": "django_language", "value": lang, "url": base}])
    tab = context.new_page()
    tab.goto(url)
    tab.click(".film-media-viewer .player-start")
    tab.wait_for_function(
        "() => document.querySelector('.film-media-viewer video').currentTime > 4", timeout=60000
    )
    tab.evaluate("() => document.querySelector('.film-media-viewer video').pause()")
    assert tab.evaluate("() => document.documentElement.lang") == lang
    keep_screenshot(tab, f"{shots}-recipient-playing")
    _wait_until(
        lambda: ScreenerViewing.objects.filter(watched_seconds__gt=2).exists(),
        what="the pause's heartbeat is recorded",
    )
    context.close()


@pytest.mark.parametrize(("lang", "width"), [("en", 1280), ("zh-hans", 390)])
def test_a_campaign_from_a_csv_and_its_viewing_report(chromium, live_server, screener, lang, width):
    owner, film, video = screener
    text = TEXT[lang]
    shots = f"campaigns-{lang}-{width}"
    context = signed_in_context(
        chromium,
        live_server.url,
        owner,
        language=lang,
        base_url=live_server.url,
        viewport={"width": width, "height": 900},
    )
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    tab.goto(f"/studio/films/{film.slug}/reports/")
    _check_page(tab, f"{shots}-reports-empty")

    campaign = _send_campaign(tab, film, text)
    assert tab.url.endswith(f"/reports/campaigns/{campaign.pk}/")
    links = _links_in_mail()
    assert sorted(links) == ["ana@festival.example", "wang@fest.example.cn"]
    assert len(set(links.values())) == 2
    shown = tab.eval_on_selector_all(
        ".campaign-links input[readonly]", "xs => xs.map(x => x.value)"
    )
    assert sorted(shown) == sorted(links.values())
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == ["A private screener of River of Salt", "《River of Salt》的私人观片链接"]
    _check_page(tab, f"{shots}-campaign-sent")

    _play_part(chromium, links["ana@festival.example"], lang, width, shots)
    ana = ScreenerLink.objects.get(recipient_email="ana@festival.example")
    report = next(
        r for r in reports_selectors.campaign_reports_for(campaign) if r.link.pk == ana.pk
    )
    viewing = ScreenerViewing.objects.get()
    assert viewing.link_id == ana.pk
    assert viewing.video_key == str(video.public_id)
    # played past 4 s of a 10 s video: the share is what the player reported, over the length
    expected = int(covered_seconds(viewing.played_ranges) * 100 // viewing.duration_seconds)
    assert report.percent_watched == expected
    assert 35 <= expected <= 60
    assert ScreenerLink.objects.get(pk=ana.pk).open_count == 1

    tab.goto(f"/studio/films/{film.slug}/reports/")
    row = tab.locator("table.data.reports tr", has_text="Ana Ruiz")
    assert row.locator(".report-percent").inner_text() == f"{report.percent_watched}%"
    quiet = tab.locator("table.data.reports tr", has_text="王芳")
    assert quiet.locator(".report-percent").inner_text() == "—"
    _check_page(tab, f"{shots}-reports")
    tab.goto(f"/studio/films/{film.slug}/reports/campaigns/{campaign.pk}/")
    row = tab.locator("table.data.reports tr", has_text="Ana Ruiz")
    assert row.locator(".report-percent").inner_text() == f"{report.percent_watched}%"
    assert tab.locator(".campaign-links input[readonly]").count() == 0  # shown only once
    _check_page(tab, f"{shots}-campaign-report")
    tab.set_viewport_size({"width": OTHER_WIDTH[width], "height": 900})
    _check_page(tab, f"campaigns-{lang}-{OTHER_WIDTH[width]}-campaign-report")
    context.close()
