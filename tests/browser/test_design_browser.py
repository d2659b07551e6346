"""The shared behaviour of the design system in a real browser (no inline script: the CSP is
on): a copy button puts the key on the clipboard and says so; a destructive form asks first, and
answering "Cancel" changes nothing; name suggestions do not look like the Save button."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.api.models import ApiToken
from filmfolio.films.models import Film
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .chromium import keep_screenshot, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(live_server, chromium):
    call_command("demo", stdout=io.StringIO())
    CollaboratorFactory(
        film=Film.objects.get(slug="out-of-focus"), user=UserFactory(username="ana")
    )
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    log_in(page, live_server.url, "ana")
    yield page
    context.close()


def test_copy_button_and_confirmation(live_server, page) -> None:
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(f"{live_server.url}/api/tokens/")
    page.fill("#id_name", "catalogue sync")
    page.click("main button.primary")
    key = page.text_content("#new-token-key")
    assert key is not None and key.startswith("ffk_")

    page.click("button[data-copy='#new-token-key']")
    page.wait_for_selector("button[data-copy][data-copied='Copied']")
    assert page.evaluate("() => navigator.clipboard.readText()") == key
    assert page.text_content("#copy-status") == "Copied"
    keep_screenshot(page, "design-token-copied")

    questions: list[str] = []
    page.once("dialog", lambda d: (questions.append(d.message), d.dismiss()))
    page.click("form[data-confirm] button[type=submit]")
    page.wait_for_timeout(300)
    assert questions == ["Revoke this token? Scripts that use it will stop working."]
    assert ApiToken.objects.get(name="catalogue sync").revoked_at is None

    page.once("dialog", lambda d: d.accept())
    with page.expect_navigation():
        page.click("form[data-confirm] button[type=submit]")
    assert ApiToken.objects.get(name="catalogue sync").revoked_at is not None
    assert page.text_content(".messages li") == "Token “catalogue sync” revoked."
    assert errors == []


STYLE = (
    "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.textAlign]; }"
)


def test_suggestions_do_not_look_like_the_save_button(live_server, page) -> None:
    page.goto(f"{live_server.url}/studio/films/out-of-focus/credits/")
    page.fill("#id_person_query", "Zhengfan")
    suggestion = page.locator(".person-candidate").first
    suggestion.wait_for()
    save = page.locator("main form.form:has(input[name=part]) > button[type=submit]")
    assert suggestion.locator("strong").text_content() == "Zhengfan Yang"
    assert suggestion.evaluate(STYLE) == ["rgb(255, 255, 255)", "rgb(29, 29, 31)", "left"]
    assert save.evaluate(STYLE) == ["rgb(29, 29, 31)", "rgb(255, 255, 255)", "center"]
    keep_screenshot(page, "design-suggestions")
