"""What the browser journeys share: Debian's Chromium launched one way, the screenshot folder,
axe-core, and browsers of a signed-in person.

The fixtures ``chromium`` and ``static_root`` are registered for every file of this folder by
``conftest.py``; the functions are imported where they are used.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from django.test import Client

from filmfolio.accounts.tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_RUN = (
    "() => axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values:"
    " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
)


@pytest.fixture(scope="session")
def static_root() -> None:
    """WhiteNoise (started with the live server) warns when STATIC_ROOT does not exist."""
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture
def chromium(static_root, monkeypatch) -> Iterator[Any]:
    """Debian's Chromium, headless, closed after the test."""
    # Playwright's sync API keeps an event loop in this thread; the test's ORM calls are sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # The test's own queries ran while Playwright's loop was current, on a connection of
        # their own: close it, or PostgreSQL cannot drop the test database.
        connections.close_all()


def session_cookies(user: Any, base: str, language: str = "") -> list[dict[str, str]]:
    """Cookies of a browser in which ``user`` is signed in (and, when given, chose
    ``language``) on the live server at ``base``."""
    client = Client()
    client.force_login(user)
    cookies = [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    if language:
        cookies.append({"name": "django_language", "value": language, "url": base})
    return cookies


def signed_in_context(
    chromium: Any, base: str, user: Any, *, language: str = "", **options: Any
) -> Any:
    """A browser context (Playwright ``new_context`` ``options``: viewport, base_url...) in
    which ``user`` is signed in."""
    context = chromium.new_context(**options)
    context.add_cookies(session_cookies(user, base, language))
    return context


def log_in(page: Any, base: str, username: str, password: str = PASSWORD) -> None:
    """Sign in through the login form, as a person would, and land on the profile."""
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/accounts/profile/")


def serious_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page open now (axe must have been
    added to the context: ``context.add_init_script(path=str(AXE))``)."""
    result = page.evaluate(AXE_RUN)
    return [v for v in result["violations"] if v["impact"] in {"serious", "critical"}]


SHOT_HEIGHT_LIMIT = 8000


def keep_screenshot(page: Any, name: str) -> None:
    """Save the whole page as ``test-artifacts/<name>.png`` for a person to look at.

    The picture is a record, not a check: a page taller than ``SHOT_HEIGHT_LIMIT`` is cut at
    that height, and when a loaded machine's Chromium cannot capture the whole page, the
    visible part is kept instead.
    """
    from playwright.sync_api import Error as PlaywrightError

    path = str(ARTIFACTS / f"{name}.png")
    size = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    clip = {"x": 0, "y": 0, "width": size[0], "height": min(size[1], SHOT_HEIGHT_LIMIT)}
    try:
        page.screenshot(path=path, full_page=True, clip=clip)
    except PlaywrightError:
        page.screenshot(path=path)
