"""An owner shares a private film from the studio, in English and Chinese, at desktop and phone
widths: a screener link is made, its copy button points at it, it opens the film in a signed-out
browser, and after the owner confirms its revocation it opens nothing; a collaborator is invited
and the invitation withdrawn after a confirmation page."""

from __future__ import annotations

import pytest

from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.models import Invitation, ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .chromium import signed_in_context
from .test_studio_browser import WIDTHS, Studio

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)


def owner_page(chromium, base: str, language: str, width: int, slug: str):
    owner = CollaboratorFactory(
        film=FilmFactory(title=f"Kept Heron {slug}", slug=slug), role=CollaboratorRole.OWNER
    )
    viewport = {"width": width, "height": 900}
    context = signed_in_context(chromium, base, owner.user, language=language, viewport=viewport)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # the confirmation before revoking
    return page


def make_and_open_link(studio: Studio, chromium) -> str:
    page = studio.page
    studio.open("sharing")
    page.fill("#id_recipient", "Heron programming")
    studio.submit('form:has(input[name=form][value="link"])')
    url = page.input_value("#new-link-url")
    assert page.locator('button[data-copy="#new-link-url"]').count() == 1
    studio.check("sharing-link")
    visitor = chromium.new_context(user_agent=DESKTOP_AGENT)
    opened = visitor.new_page()
    opened.goto(url)
    assert opened.url.endswith(f"/films/{studio.slug}/")
    assert f"Kept Heron {studio.slug}" in opened.content()
    visitor.close()
    return url


def revoke(studio: Studio, chromium, url: str) -> None:
    page = studio.page
    form = page.locator("form[data-confirm]:has(button.danger)").first
    assert form.get_attribute("data-confirm") == studio.t("Revoke this link?")
    with page.expect_navigation():
        form.locator("button").click()
    assert studio.t("The link is revoked; it opens nothing any more.") in page.inner_text(
        ".messages"
    )
    assert ScreenerLink.objects.get(film__slug=studio.slug).revoked_at is not None
    visitor = chromium.new_context(user_agent=DESKTOP_AGENT)
    assert visitor.new_page().goto(url).status == 404
    visitor.close()


def invite_and_withdraw(studio: Studio) -> None:
    page = studio.page
    page.fill("#id_email", "guest@example.org")
    page.select_option("#id_role", CollaboratorRole.EDITOR)
    studio.submit('form:has(input[name=form][value="invite"])')
    assert "guest@example.org" in page.inner_text("main")
    with page.expect_navigation():
        page.click("main a[href*='/sharing/invitations/']")
    assert studio.t("Withdraw this invitation?") in page.inner_text("main")
    studio.check("sharing-withdraw")
    with page.expect_navigation():
        page.click("main form button.danger")
    assert studio.t("The invitation is withdrawn; its link opens nothing any more.") in (
        page.inner_text(".messages")
    )
    assert "guest@example.org" not in page.inner_text("main")
    assert Invitation.objects.get().revoked_at is not None


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_share_revoke_invite_and_withdraw(live_server, chromium, language, width):
    base = live_server.url
    slug = f"kept-heron-{language}-{width}"
    page = owner_page(chromium, base, language, WIDTHS[width], slug)
    studio = Studio(page, base, language, f"sharing-{language}-{width}")
    studio.slug = slug
    url = make_and_open_link(studio, chromium)
    revoke(studio, chromium, url)
    invite_and_withdraw(studio)
    studio.check("sharing-done")
