"""The "New film from text" pages in a real browser: paste, check, save, open the film.
Screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from filmfolio.films.models import Film
from tests.browser.chromium import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    keep_screenshot,
    session_cookies,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = """<h1>In Character</h1>
<p>Director: Ann Lee</p><p>Country: France</p><p>Running time: 14 min</p>
<script>document.title = "owned"</script>
<p>Selected for the 36th Cinéma du Réel in 2014.</p>
"""


def test_import_a_page_in_the_browser(live_server):
    from playwright.sync_api import sync_playwright

    user = get_user_model().objects.create_user(username="maker", password="x")
    cookies = session_cookies(user, live_server.url)  # before Playwright's loop starts
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies(cookies)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(live_server.url + "/import/")
        page.get_by_label("Text of the film page").fill(PAGE)
        page.get_by_role("button", name="Read the page").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", name="Check the draft").is_visible()
        assert page.get_by_label("Title", exact=True).input_value() == "In Character"
        assert page.locator("input[name=credits-0-name]").input_value() == "Ann Lee"
        assert page.locator("mark", has_text="14 min").is_visible()
        assert page.title() != "owned"
        keep_screenshot(page, "importer-review")
        page.get_by_role("button", name="Save the film").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", name="Film saved").is_visible()
        keep_screenshot(page, "importer-result")
        page.get_by_role("link", name="Open the film page").click()
        page.wait_for_load_state()
        assert page.url == live_server.url + "/films/in-character/"
        browser.close()
    assert errors == []
    film = Film.objects.get()
    assert (film.title, film.visibility, film.runtime_minutes) == ("In Character", "private", 14)
