"""Autocomplete in a real browser: typing in the search box lists titles and names, arrow
keys and Enter open one, Escape closes the list. Screenshots go to test-artifacts/."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.chromium import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

from .catalogue import build_catalogue

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("filmfolio.search.tests.urls"),
]


def test_autocomplete_lists_and_opens(live_server: Any) -> None:
    from playwright.sync_api import expect, sync_playwright

    build_catalogue()
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{live_server.url}/search/")
        page.fill("#search-q", "asc")
        option = page.locator("#search-q-suggestions [role=option]")
        option.first.wait_for(timeout=5000)
        assert option.all_inner_texts() == ["Ascension 2021 · Jessica Kingdon"]
        page.screenshot(path=str(ARTIFACTS / "search-autocomplete.png"))
        page.fill("#search-q", "zsz")
        # (a locator wait: wait_for_function would eval a string, which the CSP refuses)
        expect(page.locator("#search-q-suggestions")).to_contain_text("Zhu")
        assert option.first.inner_text().startswith("Zhu Shengze")
        page.keyboard.press("Escape")
        assert page.locator("#search-q-suggestions").is_hidden()
        page.fill("#search-q", "asc")
        option.first.wait_for(timeout=5000)
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_url("**/films/**")
        assert page.locator("h1").first.inner_text().splitlines() == ["Ascension", "登楼叹"]
        browser.close()
    assert errors == []
