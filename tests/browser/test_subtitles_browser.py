"""In Chromium: a manager uploads a Chinese SRT in GB18030 and an English WebVTT on a video's
subtitles page (preview, then save), makes the Traditional Chinese version, and plays the video
on the film page with each track, reading the cue shown from the video's ``textTracks``; the
choice is remembered. In English and Chinese, at 1280 and 390 px, with axe-core."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import User
from django.test import Client

from filmfolio.media.models import SubtitleTrack
from filmfolio.media.tests.clips import make_clip
from filmfolio.media.tests.factories import CollaboratorFactory, FilmFactory
from filmfolio.media.tests.flows import ready_video

from .chromium import AXE, keep_screenshot, serious_violations, signed_in_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

CHINESE = (
    "1\r\n00:00:00,000 --> 00:00:03,000\r\n我们回家吧\r\n\r\n"
    "2\r\n00:00:03,000 --> 00:00:06,000\r\n这里是汉语字幕\r\n"
)
ENGLISH = (
    "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nLet's go home.\n\n"
    "00:00:03.000 --> 00:00:06.000\nThese are English subtitles.\n"
)
TEXT = {
    "en": {
        "preview": "Preview",
        "save": "Save these subtitles",
        "traditional": "Make the Traditional Chinese version",
    },
    "zh-hans": {"preview": "预览", "save": "保存这些字幕", "traditional": "生成繁体中文版本"},
}
# The cue shown first (0–3 s) of each track, in the menu's order.
FIRST_CUES = ["我们回家吧", "Let's go home.", "我們回家吧"]


@pytest.fixture
def screener(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    owner = User.objects.create_user("owner", password="pw-secret-123")
    film = FilmFactory(title="River", visibility="unlisted")
    CollaboratorFactory(film=film, user=owner, role="owner")
    client = Client()
    client.force_login(owner)
    clip = make_clip(tmp_path / "river.mp4", seconds=6, size="640x360")
    video = ready_video(client, film=film, path=clip, kind="trailer", visibility="film")
    return owner, film, video


def _wait_until(tab, condition: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not tab.evaluate(f"() => Boolean({condition})"):
        assert time.monotonic() < deadline, f"still not true after {seconds} s: {condition}"
        tab.wait_for_timeout(100)


def _add(tab, text, *, name: str, data: bytes, language: str) -> str:
    tab.set_input_files(
        ".subtitle-form input[type=file]",
        files=[{"name": name, "mimeType": "text/plain", "buffer": data}],
    )
    tab.fill(".subtitle-form input[name=language]", language)
    tab.click(f".subtitle-form button:has-text('{text['preview']}')")
    preview = tab.inner_text("main")
    tab.click(f".subtitle-form button:has-text('{text['save']}')")
    tab.wait_for_selector(f".subtitle-tracks li[data-language='{language}']")
    return preview


def _check_page(tab, name: str) -> None:
    assert serious_violations(tab) == []
    assert tab.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    keep_screenshot(tab, name)


def _cue_with(tab, index: int) -> str:
    """Choose track ``index`` in the menu, play from the start, and read the cue shown at
    about one second."""
    tab.select_option(".player-subtitles select", str(index))
    tab.evaluate(
        "() => { const v = document.querySelector('.film-trailer video'); "
        "v.currentTime = 0; v.play(); }"
    )
    _wait_until(tab, "document.querySelector('.film-trailer video').currentTime > 1")
    tab.evaluate("() => document.querySelector('.film-trailer video').pause()")
    _wait_until(
        tab,
        "Array.from(document.querySelector('.film-trailer video').textTracks)"
        ".some(t => t.mode === 'showing' && t.activeCues && t.activeCues.length)",
        15,
    )
    return tab.evaluate(
        "() => { const v = document.querySelector('.film-trailer video');"
        " const t = Array.from(v.textTracks).find(t => t.mode === 'showing');"
        " return [v.currentTime, Array.from(t.activeCues).map(c => c.text).join('|')]; }"
    )


@pytest.mark.parametrize(("lang", "width"), [("en", 1280), ("zh-hans", 390)])
def test_upload_convert_and_play_each_track(chromium, live_server, screener, lang, width):
    owner, film, video = screener
    text = TEXT[lang]
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
    tab.goto(f"/studio/films/{film.slug}/media/")
    tab.click(f"a[href='/media/manage/videos/{video.public_id}/subtitles/']")

    preview = _add(
        tab, text, name="river.zh.srt", data=CHINESE.encode("gb18030"), language="zh-Hans"
    )
    assert "gb18030" in preview and "我们回家吧" in preview and "这里是汉语字幕" in preview
    _add(tab, text, name="river.en.vtt", data=ENGLISH.encode(), language="en")
    tab.click(f"button:has-text('{text['traditional']}')")
    tab.wait_for_selector(".subtitle-tracks li[data-language='zh-Hant']")
    _check_page(tab, f"subtitles-manage-{lang}-{width}")
    assert list(SubtitleTrack.objects.values_list("language", "original_encoding")) == [
        ("zh-Hans", "gb18030"),
        ("en", "utf-8"),
        ("zh-Hant", "gb18030"),
    ]

    tab.goto(f"/films/{film.slug}/")
    tab.click(".film-trailer .player-start")
    tab.wait_for_selector(".player-subtitles select")
    options = tab.eval_on_selector_all(".player-subtitles option", "os => os.map(o => o.text)")
    assert options[1:] == [t.label for t in SubtitleTrack.objects.all()]
    for index, expected in enumerate(FIRST_CUES):
        at, cue = _cue_with(tab, index)
        assert (cue, at < 3) == (expected, True)
    assert tab.evaluate("() => localStorage.getItem('filmfolio.subtitles')") == "zh-Hant"
    _check_page(tab, f"subtitles-player-{lang}-{width}")
    # The choice is remembered on the next visit.
    tab.reload()
    tab.click(".film-trailer .player-start")
    tab.wait_for_selector(".player-subtitles select")
    assert tab.eval_on_selector(".player-subtitles select", "s => s.value") == "2"
    context.close()
