"""The press-kit button in a real browser: one click on a fresh film's page says "preparing"
in the page, then delivers the PDF as a download (never the "being prepared" HTML saved as a
file); in English and Chinese, at 1366 and 390 px. Also the embeddable trailer player page
and axe-core on the film page with the press-kit status shown. Screenshots go to
test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

from filmfolio.films.tests.factories import FilmFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
AXE_OPTIONS = "{resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}}"  # noqa: E501
CASES = [  # (interface language, width, the button's name, the PDF's language)
    ("en", 1366, "Press kit (PDF, English)", "en"),
    ("zh-hans", 1366, "新闻资料包（PDF，中文）", "zh-hans"),
    ("en", 390, "Press kit (PDF, 中文)", "zh-hans"),
    ("zh-hans", 390, "新闻资料包（PDF，英文）", "en"),
]


def _serious_violations(page) -> list[tuple[str, str]]:
    result = page.evaluate(f"() => axe.run(document, {AXE_OPTIONS})")
    return [
        (v["id"], v["nodes"][0]["target"][0])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(("language", "width", "button", "pdf_language"), CASES)
def test_the_press_kit_downloads_on_the_first_click(
    live_server, settings, tmp_path, language, width, button, pdf_language
) -> None:
    from playwright.sync_api import sync_playwright

    settings.MEDIA_ROOT = tmp_path / "media"
    FilmFactory(title="Lantern Harbour", slug="lantern-harbour", year=2024)
    ARTIFACTS.mkdir(exist_ok=True)
    name = f"presskit-{language}-{width}"
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": width, "height": 900}, accept_downloads=True
        )
        host = live_server.url.split("//", 1)[1].split(":")[0]
        context.add_cookies([{"name": "django_language", "value": language, "domain": host,
                              "path": "/"}])  # fmt: skip
        context.add_init_script(path=str(AXE))  # injected by the browser, not by the page
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(live_server.url + "/films/lantern-harbour/")
        assert page.locator("html").get_attribute("lang") == language
        link = page.get_by_role("link", name=button)
        assert link.get_attribute("download") is None
        link.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"{name}-before.png"))
        assert _serious_violations(page) == []
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert download.suggested_filename == f"lantern-harbour-presskit-{pdf_language}.pdf"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        assert saved.read_bytes()[:5] == b"%PDF-"
        status = page.locator(".presskit-status")
        expected = "The press kit is ready." if language == "en" else "新闻资料包已准备好。"
        assert status.inner_text() == expected
        page.screenshot(path=str(ARTIFACTS / f"{name}-after.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        browser.close()
    assert errors == []


def test_without_a_stored_pdf_the_page_says_preparing(live_server, settings, tmp_path) -> None:
    """No worker runs: the click shows "Preparing…" on the page and saves no file."""
    from playwright.sync_api import sync_playwright

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    FilmFactory(title="Lantern Harbour", slug="lantern-harbour", year=2024)
    downloads: list[object] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
        page = context.new_page()
        page.on("download", lambda download: downloads.append(download))
        page.goto(live_server.url + "/films/lantern-harbour/")
        page.get_by_role("link", name="Press kit (PDF, English)").click()
        status = page.locator(".presskit-status")
        status.filter(has_text="Preparing the press kit…").wait_for()
        page.wait_for_timeout(2000)  # one more poll: still preparing, still on the page
        assert page.url == live_server.url + "/films/lantern-harbour/"
        assert status.inner_text() == "Preparing the press kit…"
        page.screenshot(path=str(ARTIFACTS / "presskit-preparing-en-390.png"))
        browser.close()
    assert downloads == []
