"""Cached pages in a real browser, as a newcomer gets them: a plain visitor's film page comes
whole from the cache with no CSRF token and its language switch still works; a person renamed
meanwhile shows on the next load; a signed-in viewer's cached page carries a working token
(language switch, log out). 1366 px and 390 px, English and Chinese; screenshots go to
test-artifacts/."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from filmfolio.accounts.tests.factories import PASSWORD, UserFactory
from filmfolio.films.models import Credit
from filmfolio.people.services import person_save

from .chromium import keep_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FILM = "/films/out-of-focus/"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def browser(chromium):
    """Debian's Chromium (the shared fixture of tests/browser)."""
    return chromium


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _director():
    return (
        Credit.objects.filter(film__slug="out-of-focus", role__code="director")
        .select_related("person")
        .first()
        .person
    )


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_a_visitor_and_a_signed_in_viewer_on_cached_pages(live_server, browser, size):
    call_command("demo", stdout=io.StringIO())
    base = live_server.url
    context = browser.new_context(viewport=VIEWPORTS[size])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    # A plain visitor: the second load is the cached page, with no token in it.
    page.goto(base + FILM)
    page.goto(base + FILM)
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0
    assert page.locator("html").get_attribute("lang") == "en"
    _no_sideways_scroll(page)
    keep_screenshot(page, f"fresh-visitor-en-{size}")

    # Its language switch works without a token.
    page.get_by_role("button", name="简体中文").click()
    page.wait_for_url(base + FILM)
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.get_by_role("heading", name="演职人员").is_visible()
    _no_sideways_scroll(page)
    keep_screenshot(page, f"fresh-visitor-zh-{size}")

    # A person renamed meanwhile (through the people services) shows on the next load.
    person = _director()
    person.display_name = "Renamed Director"
    person_save(person=person, actor=UserFactory.create(is_staff=True), fields=["display_name"])
    page.get_by_role("button", name="English").click()
    page.wait_for_url(base + FILM)
    assert page.get_by_text("Renamed Director").first.is_visible()
    page.goto(base + "/people/" + person.slug + "/")
    assert page.get_by_role("heading", name="Renamed Director").is_visible()

    # A signed-in viewer: their own cached page, with a fresh working token in it.
    UserFactory.create(username=f"newcomer-{size}")
    page.goto(base + "/accounts/login/?next=" + FILM)
    page.fill("#id_username", f"newcomer-{size}")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(base + FILM)
    page.goto(base + FILM)  # from this viewer's cache
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 2
    assert page.get_by_text(f"newcomer-{size}").first.is_visible()
    page.get_by_role("button", name="简体中文").click()
    page.wait_for_url(base + FILM)
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    _no_sideways_scroll(page)
    keep_screenshot(page, f"fresh-signed-in-zh-{size}")
    page.locator(".account-nav button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(base + FILM)
    assert page.locator(".account-nav").get_by_text(f"newcomer-{size}").count() == 0
    assert errors == []
    context.close()
