"""In Chromium, in English and Chinese, at 1280 and 390 px: drop a poster on the poster area,
then three stills and a short trailer at once on the upload area; watch every row reach 100 %;
pause the trailer on a slow connection and resume it; lose the connection for a moment; see the
trailer transcoded; reorder the stills by dragging and with the keyboard; make the poster from a
frame of the trailer; no horizontal scroll. A closed tab's upload goes on in a new one; Cancel
deletes a partial upload on the server.
Screenshots are kept in ``test-artifacts/``."""

from __future__ import annotations

import base64
import mimetypes
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from PIL import Image as PictureFile

from filmfolio.media.models import Image, PosterFrame, Upload, Video
from filmfolio.media.services.checksums import content_hash_of
from filmfolio.media.tests.clips import make_clip
from filmfolio.media.tests.factories import CollaboratorFactory, FilmFactory
from filmfolio.media.tests.imagedata import jpeg_with_gps

from .chromium import keep_screenshot, signed_in_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

SEEN = {
    "en": {
        "heading": "Upload",
        "ready": "Ready",
        "paused": "Paused",
        "saved": "The order is saved.",
        "left": " left",
        "frame": "The poster is this frame now.",
    },
    "zh-hans": {
        "heading": "上传",
        "ready": "就绪",
        "paused": "已暂停",
        "saved": "顺序已保存。",
        "left": "，剩余 ",
        "frame": "海报已换成这一帧。",
    },
}
SLOW = {"offline": False, "latency": 20, "downloadThroughput": -1, "uploadThroughput": 48 * 1024}
FAST = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
DROP = """([selector, files]) => {
  const transfer = new DataTransfer();
  for (const f of files) {
    const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
    transfer.items.add(new File([bytes], f.name, { type: f.type }));
  }
  const zone = document.querySelector(selector);
  for (const name of ["dragenter", "dragover", "drop"]) {
    const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
    zone.dispatchEvent(new DragEvent(name, init));
  }
}"""


@pytest.fixture
def browser(live_server, settings, tmp_path, chromium):
    """Chromium, with media kept under the test's folder and uploads sent in small chunks."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    settings.FILMFOLIO_MEDIA = {"UPLOAD_CHUNK_BYTES": 32 * 1024}
    return chromium


def _files(tmp_path: Path) -> dict[str, Path]:
    files = {"poster": tmp_path / "poster.jpg"}
    files["poster"].write_bytes(jpeg_with_gps(600, 900))
    for number, colour in ((1, (40, 90, 200)), (2, (30, 160, 60)), (3, (230, 170, 20))):
        files[f"still{number}"] = tmp_path / f"still-{number}.jpg"
        PictureFile.new("RGB", (640, 360), colour).save(files[f"still{number}"], "JPEG")
    files["trailer"] = make_clip(tmp_path / "trailer.mp4", seconds=3, size="640x360")
    return files


def _drop(tab, selector: str, paths: list[Path]) -> None:
    payload = [
        {
            "name": p.name,
            "type": mimetypes.guess_type(p.name)[0],
            "data": base64.b64encode(p.read_bytes()).decode(),
        }
        for p in paths
    ]
    tab.evaluate(DROP, [selector, payload])


def _wait_until(tab, condition: str, seconds: float = 60) -> None:
    """Poll ``condition`` in the page (wait_for_function would eval, which the CSP refuses)."""
    deadline = time.monotonic() + seconds
    while not tab.evaluate(f"() => Boolean({condition})"):
        assert time.monotonic() < deadline, f"still not true after {seconds} s: {condition}"
        tab.wait_for_timeout(100)


def _row(name: str) -> str:
    return (
        "[...document.querySelectorAll('.upload-row')]"
        f".find(r => r.querySelector('.upload-name').textContent === '{name}')"
    )


def _no_horizontal_scroll(tab) -> None:
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= tab.evaluate(
        "() => window.innerWidth"
    )


def _signed_in_tab(browser, live_server, lang: str, width: int):
    owner = User.objects.create_user("owner", password="pw-secret-123")
    film = FilmFactory(title="River", visibility="unlisted")
    CollaboratorFactory(film=film, user=owner, role="owner")
    context = signed_in_context(
        browser,
        live_server.url,
        owner,
        language=lang,
        base_url=live_server.url,
        viewport={"width": width, "height": 900},
    )
    return film, context.new_page()


def _shot(tab, lang: str, width: int, step: str) -> None:
    keep_screenshot(tab, f"uploads-{lang}-{width}-{step}")


def _stills_in_the_database(film) -> list[str]:
    found = Image.objects.filter(film=film, is_poster=False).order_by("position", "id")
    return [str(i) for i in found.values_list("public_id", flat=True)]


def _stills_on_the_page(tab) -> list[str]:
    return tab.evaluate(
        "() => [...document.querySelectorAll('.still-list > li')].map(li => li.dataset.id)"
    )


def _pause_and_resume(tab, cdp, words, lang: str, width: int) -> None:
    trailer = _row("trailer.mp4")
    _wait_until(tab, f"{trailer}.dataset.percent >= 30")
    tab.locator(".upload-row", has_text="trailer.mp4").locator("[data-action=pause]").click()
    assert (
        tab.locator(".upload-row", has_text="trailer.mp4").locator(".upload-state").inner_text()
        == words["paused"]
    )
    tab.wait_for_timeout(600)  # the request in flight is stopped
    held = tab.evaluate(f"() => {trailer}.dataset.percent")
    offset = Upload.objects.get().offset_bytes
    tab.wait_for_timeout(1500)
    assert tab.evaluate(f"() => {trailer}.dataset.percent") == held
    assert Upload.objects.get().offset_bytes == offset
    assert 0 < offset < Upload.objects.get().length_bytes
    tab.locator(".upload-row", has_text="trailer.mp4").locator("[data-action=resume]").click()
    _wait_until(tab, f"{trailer}.dataset.percent > {held}")
    # speed and time left, e.g. "12.3 KB/s, 4 s left"
    _wait_until(
        tab, f"{trailer}.querySelector('.upload-rate').textContent.includes('{words['left']}')"
    )
    rate = tab.evaluate(f"() => {trailer}.querySelector('.upload-rate').textContent")
    assert "KB/" in rate, rate
    _shot(tab, lang, width, "2-uploading")
    cdp.send("Network.emulateNetworkConditions", {**SLOW, "offline": True})
    tab.wait_for_timeout(800)
    cdp.send("Network.emulateNetworkConditions", FAST)


def _reorder(tab, film, words) -> None:
    before = _stills_on_the_page(tab)
    assert before == _stills_in_the_database(film)
    tab.locator(".still-list").scroll_into_view_if_needed()
    handle = tab.locator(".still-list > li").nth(2).locator(".drag-handle").bounding_box()
    target = tab.locator(".still-list > li").nth(0).bounding_box()
    tab.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    tab.mouse.down()
    # dropped on the first still's upper half: it goes before it (its middle is a tie)
    tab.mouse.move(target["x"] + 20, target["y"] + target["height"] / 4, steps=12)
    tab.mouse.up()
    dragged = [before[2], before[0], before[1]]
    _wait_until(
        tab,
        f"document.querySelector('.order-message').textContent.includes('{words['saved']}')",
        20,
    )
    assert _stills_on_the_page(tab) == dragged == _stills_in_the_database(film)
    first = tab.locator(".still-list > li").nth(0)
    assert first.locator(".move-earlier").is_hidden()
    assert tab.locator(".still-list > li").nth(2).locator(".move-later").is_hidden()
    first.locator(".move-later").focus()
    tab.keyboard.press("Enter")
    keyed = [dragged[1], dragged[0], dragged[2]]
    _wait_until(
        tab, f"document.querySelector('.still-list').dataset.saved === '{','.join(keyed)}'", 20
    )
    assert _stills_in_the_database(film) == keyed
    tab.locator(".still-list > li").nth(2).locator(".drag-handle").focus()
    tab.keyboard.press("ArrowLeft")
    arrowed = [keyed[0], keyed[2], keyed[1]]
    _wait_until(
        tab, f"document.querySelector('.still-list').dataset.saved === '{','.join(arrowed)}'", 20
    )
    assert _stills_in_the_database(film) == arrowed


def _poster_from_a_frame(tab, film, words) -> None:
    video = "document.querySelector('#poster .frame-form video')"
    tab.locator("#poster .frame-form").scroll_into_view_if_needed()
    _wait_until(tab, f"{video}.readyState >= 1", 30)
    tab.evaluate(f"() => {{ {video}.currentTime = 1.5; }}")
    _wait_until(
        tab, "document.querySelector('#poster .frame-form input[name=at]').value === '1.50'"
    )
    before = tab.get_attribute("#poster-figure img", "src")
    tab.locator("#poster .frame-form button[type=submit]").click()
    _wait_until(tab, "document.querySelector('#poster .frame-form').dataset.state === 'done'", 60)
    assert tab.inner_text("#poster .frame-message") == words["frame"]
    _wait_until(
        tab, f"document.querySelector('#poster-figure img').getAttribute('src') !== '{before}'"
    )
    frame = PosterFrame.objects.get()
    assert (frame.state, frame.at_seconds, frame.progress_percent) == ("done", 1.5, 100)
    assert Image.objects.get(film=film, is_poster=True) == frame.image


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_drop_pause_resume_and_reorder(browser, live_server, tmp_path, lang, width):
    words = SEEN[lang]
    files = _files(tmp_path)
    film, tab = _signed_in_tab(browser, live_server, lang, width)
    tab.goto(f"/studio/films/{film.slug}/media/")
    assert tab.inner_text("#upload-heading") == words["heading"]
    _shot(tab, lang, width, "1-empty")

    _drop(tab, "[data-drop=poster]", [files["poster"]])
    tab.wait_for_selector("#poster-figure img")

    cdp = tab.context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW)
    stills = [files["still1"], files["still2"], files["still3"]]
    _drop(tab, "[data-drop=any]", [*stills, files["trailer"]])
    assert tab.locator(".upload-row").count() == 5
    _pause_and_resume(tab, cdp, words, lang, width)
    _wait_until(tab, f"{_row('trailer.mp4')}.dataset.state === 'ready'", 180)
    tab.wait_for_selector("#poster .frame-form video")  # the ready trailer offers its frames
    tab.wait_for_selector(".video-list li[data-state=ready]")
    percents = tab.locator(".upload-row .upload-percent").all_inner_texts()
    assert percents == ["100 %"] * 5
    states = tab.locator(".upload-row .upload-state").all_inner_texts()
    assert states[-1] == words["ready"]
    assert tab.locator(".still-list > li").count() == 3
    video = Video.objects.get()
    assert (video.state, video.upload.client_filename, Upload.objects.count()) == (
        "ready",
        "trailer.mp4",
        1,
    )
    assert video.sha256 == video.upload.sha256_expected  # declared by the page, checked here
    assert Image.objects.filter(film=film, is_poster=True).count() == 1
    _no_horizontal_scroll(tab)
    _shot(tab, lang, width, "3-uploaded")

    _reorder(tab, film, words)
    _no_horizontal_scroll(tab)
    _shot(tab, lang, width, "4-reordered")

    _poster_from_a_frame(tab, film, words)
    _no_horizontal_scroll(tab)
    _shot(tab, lang, width, "5-poster-from-frame")


def test_a_closed_tab_resumes_where_it_stopped(browser, live_server, tmp_path):
    """The upload address kept in the browser lets the same file, dropped again in a new tab,
    go on from the server's offset: one upload, one video, the whole file's checksum intact."""
    trailer = make_clip(tmp_path / "trailer.mp4", seconds=3, size="640x360")
    film, tab = _signed_in_tab(browser, live_server, "en", 1280)
    tab.goto(f"/studio/films/{film.slug}/media/")
    cdp = tab.context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW)
    _drop(tab, "[data-drop=any]", [trailer])
    _wait_until(tab, f"{_row('trailer.mp4')}.dataset.percent >= 40")
    tab.close()
    upload = Upload.objects.get()
    assert 0 < upload.offset_bytes < upload.length_bytes

    tab = tab.context.new_page()
    tab.goto(f"/studio/films/{film.slug}/media/")
    assert "trailer.mp4" in tab.inner_text(".open-uploads")
    _drop(tab, "[data-drop=any]", [trailer])
    _wait_until(tab, f"{_row('trailer.mp4')}.dataset.state === 'ready'", 120)
    _shot(tab, "en", 1280, "resumed")
    assert Upload.objects.get().pk == upload.pk
    video = Video.objects.get()
    assert (video.state, video.sha256, video.upload.sha256_expected) == (
        "ready",
        content_hash_of(trailer.read_bytes()),
        video.sha256,
    )


def test_cancel_deletes_the_partial_upload(browser, live_server, tmp_path, settings):
    """Cancel stops the upload and deletes what the server had received: no upload, no bytes,
    and nothing left in the browser to resume."""
    trailer = make_clip(tmp_path / "trailer.mp4", seconds=3, size="640x360")
    film, tab = _signed_in_tab(browser, live_server, "en", 390)
    tab.goto(f"/studio/films/{film.slug}/media/")
    cdp = tab.context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW)
    _drop(tab, "[data-drop=any]", [trailer])
    _wait_until(tab, f"{_row('trailer.mp4')}.dataset.percent >= 40")
    assert Upload.objects.get().offset_bytes > 0
    tab.locator(".upload-row", has_text="trailer.mp4").locator("[data-action=cancel]").click()
    _wait_until(tab, f"{_row('trailer.mp4')}.dataset.state === 'cancelled'", 30)
    assert tab.locator(".upload-row .upload-state").inner_text() == "Cancelled"
    _shot(tab, "en", 390, "cancelled")
    assert Upload.objects.count() == 0 and Video.objects.count() == 0
    assert list((Path(settings.FILMFOLIO_MEDIA_WORK_DIR) / "uploads").iterdir()) == []
    kept = tab.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('tus::'))")
    assert kept == []
