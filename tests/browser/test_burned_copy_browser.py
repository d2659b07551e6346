"""In Chromium: an owner prepares the burned copy of a screener link that asks for a burned-in
watermark, sees it waiting, then its progress, then ready; the recipient, whose link does not
open while its copy is being prepared, then opens it and plays the copy (never the clean
screener). In English and Chinese, at 1280 and
390 px, with axe-core."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from filmfolio.media import tasks
from filmfolio.media.models import BurnedCopy
from filmfolio.media.services.burned import burned_copy_make
from filmfolio.media.tests.clips import make_clip
from filmfolio.media.tests.factories import CollaboratorFactory, FilmFactory
from filmfolio.media.tests.flows import ready_video
from filmfolio.sharing import services
from filmfolio.sharing.models import ScreenerLink, Watermark

from .chromium import AXE, keep_screenshot, serious_violations, signed_in_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

TEXT = {
    "en": {
        "prepare": "Prepare the copy",
        "waiting": "Waiting to be prepared",
        "running": "Being prepared — ",
        "ready": "Ready",
        "holder_wait": "This screener is being prepared for you.",
        "play": "Play your screener",
    },
    "zh-hans": {
        "prepare": "制作副本",
        "waiting": "等待制作",
        "running": "正在制作 — ",
        "ready": "就绪",
        "holder_wait": "此放映版本正在为您准备中",
        "play": "播放您的放映版",
    },
}


class _Queue:
    """Holds the job instead of running it inside the request, so the owner sees it wait."""

    def __init__(self) -> None:
        self.ids: list[int] = []

    def enqueue(self, copy_id: int) -> None:
        self.ids.append(copy_id)


@pytest.fixture
def screening(live_server, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    owner = User.objects.create_user("owner", password="pw-secret-123")
    film = FilmFactory(title="River", visibility="private")
    CollaboratorFactory(film=film, user=owner, role="owner")
    client = Client()
    client.force_login(owner)
    clip = make_clip(tmp_path / "river.mp4", seconds=8, size="640x360")
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    link, token = services.screener_link_create(film=film, actor=owner, recipient="Ana Lima")
    ScreenerLink.objects.filter(pk=link.pk).update(
        watermark=Watermark.BURNED, recipient_organisation="Cinéma du Réel"
    )
    queue = _Queue()
    monkeypatch.setattr(tasks, "burn_copy_task", queue)
    # A slower encode and frequent heartbeats, so the owner's page can see the progress.
    settings.FILMFOLIO_MEDIA = {"HEARTBEAT_SECONDS": 0.2, "FFMPEG_PRESET": "slower"}
    return owner, film, video, token, queue


def _run_job(copy_id: int) -> threading.Thread:
    def work() -> None:
        try:
            burned_copy_make(copy_id=copy_id)
        finally:
            connection.close()

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def _check_page(tab, name: str) -> None:
    assert serious_violations(tab) == []
    assert tab.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    keep_screenshot(tab, name)


@pytest.mark.parametrize(("lang", "width"), [("en", 1280), ("zh-hans", 390)])
def test_owner_prepares_a_burned_copy_and_the_recipient_plays_it(
    chromium, live_server, screening, lang, width
):
    owner, film, video, token, queue = screening
    text = TEXT[lang]
    viewport = {"width": width, "height": 900}
    recipient = chromium.new_context(base_url=live_server.url, viewport=viewport)
    recipient.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
    recipient.add_init_script(path=str(AXE))
    guest = recipient.new_page()
    refused = guest.goto(f"/share/s/{token}/")
    assert refused is not None and refused.status == 403
    assert text["holder_wait"] in guest.inner_text("body")
    assert str(video.public_id) not in guest.content()
    _check_page(guest, f"burned-recipient-waiting-{lang}-{width}")

    context = signed_in_context(
        chromium, live_server.url, owner, language=lang, base_url=live_server.url,
        viewport=viewport,
    )  # fmt: skip
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    tab.goto(f"/studio/films/{film.slug}/copies/")
    tab.click(f"button:has-text('{text['prepare']}')")
    tab.wait_for_selector(".copy-state")
    assert tab.inner_text(".copy-state") == text["waiting"]
    _check_page(tab, f"burned-owner-waiting-{lang}-{width}")
    tab.evaluate(
        "() => { window.seen = []; const el = document.querySelector('.copy-state');"
        " new MutationObserver(() => window.seen.push(el.textContent))"
        ".observe(el, {childList: true, characterData: true, subtree: true}); }"
    )
    (copy_id,) = queue.ids
    job = _run_job(copy_id)
    tab.wait_for_function(
        f"() => (window.seen || []).some(t => t.startsWith({text['running']!r}))", timeout=60000
    )
    keep_screenshot(tab, f"burned-owner-progress-{lang}-{width}")
    tab.wait_for_function(
        f"() => document.querySelector('.copy-state')"
        f" && document.querySelector('.copy-state').textContent.trim() === {text['ready']!r}",
        timeout=120000,
    )
    job.join(timeout=60)
    copy = BurnedCopy.objects.get(pk=copy_id)
    assert (copy.state, copy.progress_percent) == ("ready", 100)
    _check_page(tab, f"burned-owner-ready-{lang}-{width}")

    guest.reload()
    guest.click(f".burned-copy .player-start:has-text('{text['play']}')")
    guest.wait_for_function(
        "() => document.querySelector('.burned-copy video').currentTime > 1", timeout=30000
    )
    source = guest.eval_on_selector(".burned-copy video", "v => v.dataset.hlsSrc")
    assert source == f"/copies/{copy.public_id}/index.m3u8"
    assert str(video.public_id) not in guest.content()
    guest.evaluate("() => document.querySelector('.burned-copy video').pause()")
    _check_page(guest, f"burned-recipient-playing-{lang}-{width}")
    context.close()
    recipient.close()
