"""A filmmaker signs up (confirming the address by e-mail), creates a film, adds a credit and a
festival award, keeps it private and sends a screener link; in a fresh browser the link opens
the film, the plain address 404s."""

from __future__ import annotations

import os

import pytest
from django.core import mail

from filmfolio.festivals.models import Entry
from filmfolio.films.choices import Visibility
from filmfolio.films.models import Credit, Film
from filmfolio.sharing.models import ScreenerLink

from .chromium import keep_screenshot

# Transactional: the live server needs committed data (the root conftest restores the role
# vocabulary that earlier transactional tests flushed).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Heron Lantern Browser Film"
DESKTOP_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)


def _sign_up_and_create_film(page, base: str) -> None:
    page.goto(f"{base}/accounts/signup/")
    page.fill("#id_username", "mei")
    page.fill("#id_email", "mei@example.org")
    page.fill("#id_password1", "river lantern 88")
    page.fill("#id_password2", "river lantern 88")
    page.click("button[type=submit]:has-text('Create account')")
    page.wait_for_url(f"{base}/accounts/signup/sent/")
    link = next(
        line for line in mail.outbox[-1].body.splitlines() if "/accounts/signup/confirm/" in line
    )
    page.goto(base + link.strip().removeprefix("http://127.0.0.1:8000"))
    page.wait_for_url(f"{base}/accounts/login/")
    page.fill("#id_username", "mei")
    page.fill("#id_password", "river lantern 88")
    page.click("main button[type=submit]:has-text('Log in')")
    page.wait_for_url(f"{base}/accounts/profile/")
    page.click("text=Add a film")
    page.fill("#id_title", TITLE)
    page.fill("#id_year", "2024")
    page.click("button:has-text('Create the film')")
    page.wait_for_url("**/basics/")


def _add_credit_and_award(page, base: str, slug: str) -> None:
    page.goto(f"{base}/studio/films/{slug}/credits/")
    page.select_option("#id_role", label="Director")
    page.fill("#id_person_query", "Lin Browser")
    page.click("main button:has-text('Save')")
    page.wait_for_selector("text=Lin Browser")
    page.goto(f"{base}/studio/films/{slug}/festivals/")
    page.fill("#id_festival_query", "Cinéma du Réel")
    page.fill("#id_year", "2024")
    page.select_option("#id_result", "won")
    page.fill("#id_award_name", "Grand Prix")
    page.click("main button:has-text('Save')")
    page.wait_for_selector("text=Grand Prix")


def _make_private_and_share(page, base: str, slug: str) -> str:
    page.goto(f"{base}/studio/films/{slug}/sharing/")
    page.select_option("#id_visibility", "private")
    page.click("button:has-text('Save')")
    page.fill("#id_recipient", "Cinéma du Réel programming")
    page.click("button:has-text('Create a screener link')")
    url = page.input_value("#new-link-url")
    keep_screenshot(page, "owner-flow-sharing")
    return url


def test_owner_flow(live_server, chromium):
    base = live_server.url
    owner = chromium.new_context()
    page = owner.new_page()
    _sign_up_and_create_film(page, base)
    film = Film.objects.get(title=TITLE)
    _add_credit_and_award(page, base, film.slug)
    link_url = _make_private_and_share(page, base, film.slug)
    assert link_url.startswith(f"{base}/share/s/")
    owner.close()

    film.refresh_from_db()
    assert film.visibility == Visibility.PRIVATE
    assert Credit.objects.get(film=film).person.display_name == "Lin Browser"
    entry = Entry.objects.select_related("award").get(film=film)
    assert entry.award.name == "Grand Prix"

    stranger = chromium.new_context()
    plain = stranger.new_page().goto(f"{base}/films/{film.slug}/")
    assert plain.status == 404
    stranger.close()

    # A person's browser: headless Chromium names itself "HeadlessChrome", which the site takes
    # for a scripted client and does not count as a visit.
    recipient = chromium.new_context(user_agent=DESKTOP_AGENT)
    page = recipient.new_page()
    page.goto(link_url)
    assert page.url == f"{base}/films/{film.slug}/"
    assert TITLE in page.content()
    keep_screenshot(page, "owner-flow-screener")
    assert ScreenerLink.objects.get(film=film).open_count == 1
    page.reload()
    page.goto(link_url)
    assert ScreenerLink.objects.get(film=film).open_count == 1
    assert os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] == "true"
    recipient.close()
