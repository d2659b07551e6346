"""The public pages in a real browser: seed films, their people and festivals, in English and
Chinese, with no console errors and no broken internal links. Screenshots go to test-artifacts/."""

from __future__ import annotations

import io
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command

from .chromium import CHROMIUM_ARGS as CHROMIUM_ARGS  # other journeys import it from here
from .chromium import keep_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/films/out-of-focus/",
    "/films/when-we-meet-under-the-same-sky/",
    "/films/the-home-gleaners/",
    "/people/shengze-zhu/",
    "/people/gao-jun/",
    "/people/zhang-siqing/",
    "/festivals/cinema-du-reel/",
    "/festivals/golden-horse-awards/",
    "/films/",
    "/people/",
    "/festivals/",
    "/",
]


def internal_links(page, base: str) -> set[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    origin = urlparse(base).netloc
    links = set()
    for href in hrefs:
        url = urljoin(page.url, href)
        if urlparse(url).netloc == origin:
            links.add(url.split("#")[0])
    return links


def test_public_pages_in_the_browser(live_server, chromium) -> None:
    call_command("demo", stdout=io.StringIO())
    errors: list[str] = []
    checked: dict[str, int] = {}
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
        assert page.locator("h1").first.is_visible()
        name = path.strip("/").replace("/", "-") or "home"
        keep_screenshot(page, f"pages-{name}")
        for url in internal_links(page, live_server.url) - checked.keys():
            checked[url] = page.request.get(url).status
    # Switch to Chinese with the header's language switch, on a film page.
    page.goto(live_server.url + "/films/out-of-focus/")
    page.get_by_role("button", name="简体中文").click()
    page.wait_for_load_state()
    assert page.url == live_server.url + "/films/out-of-focus/"
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.get_by_role("heading", name="演职人员").is_visible()
    assert page.get_by_text("2014年第36届").is_visible()
    keep_screenshot(page, "pages-films-out-of-focus-zh")
    page.goto(live_server.url + "/people/shengze-zhu/")
    assert page.get_by_role("heading", name="简介").is_visible()
    keep_screenshot(page, "pages-people-shengze-zhu-zh")
    page.close()
    broken = {url: status for url, status in checked.items() if status >= 400}
    assert broken == {}
    assert len(checked) > 20
    assert errors == []
