"""Accessibility in a real browser: axe-core (vendored in tests/vendor/axe-core, `make
vendor-axe-core`) runs on the public pages and on every signed-in page, in English and Chinese,
at 1280 and 390 px; a serious or critical violation fails, and so does a page that scrolls
sideways at 360 px. Screenshots of every page go to test-artifacts/."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.models import Film
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .chromium import ARTIFACTS, AXE, keep_screenshot, log_in, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FILM = "out-of-focus"
PUBLIC = [
    "/",
    "/films/",
    f"/films/{FILM}/",
    "/people/",
    "/people/shengze-zhu/",
    "/festivals/",
    "/festivals/cinema-du-reel/",
    "/search/?q=zhu",
    "/search/?q=qqqzzz",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/films/locked-film/",
]
SIGNED_IN = [
    "/accounts/profile/",
    "/import/",
    "/import/file/",
    "/api/tokens/",
    "/people/shengze-zhu/claim/",
    "/people/shengze-zhu/edit/",
    "/studio/new/",
    f"/studio/films/{FILM}/basics/",
    f"/studio/films/{FILM}/credits/",
    f"/studio/films/{FILM}/texts/",
    f"/studio/films/{FILM}/sharing/",
    f"/studio/films/{FILM}/history/",
    f"/studio/films/{FILM}/media/",
]
PAGE_TEXT = "Heron Lantern\n苍鹭灯笼\nDirector: Lin Browser\nYear: 2024\nRunning time: 14 min\n"
# Found by this test in pages whose templates are being reworked elsewhere: (path, rule) -> why.
# The test fails if one of them disappears, so that the list stays true.
KNOWN: dict[tuple[str, str], str] = {}


def _serious(page) -> list[tuple[str, str]]:
    """(rule, first offending element) of each serious or critical axe violation."""
    return [
        (v["id"], f"{v['impact']}: {v['nodes'][0]['target']} {v['help']}")
        for v in serious_violations(page)
    ]


def _sideways(page) -> int:
    """How many pixels the page is wider than a 360 px screen (0 when it fits)."""
    page.set_viewport_size({"width": 360, "height": 740})
    width = page.evaluate("() => document.documentElement.scrollWidth")
    return max(0, width - 360)


class Audit:
    """What the pages of one language and width showed."""

    def __init__(self, page, base: str, label: str) -> None:
        self.page, self.base, self.label = page, base, label
        self.found: dict[tuple[str, str], str] = {}
        self.wide: dict[str, int] = {}

    def check(self, path: str, *, narrow: bool) -> None:
        """Audit the page that is open now, shown at ``path``."""
        name = path.strip("/").replace("/", "-").replace("?", "-") or "home"
        keep_screenshot(self.page, f"a11y-{self.label}-{name}")
        for rule, detail in _serious(self.page):
            self.found[(path, rule)] = detail
        if narrow:
            overflow = _sideways(self.page)
            if overflow:
                self.wide[path] = overflow
            self.page.set_viewport_size({"width": 390, "height": 844})

    def visit(self, path: str, *, narrow: bool, status: int = 200) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == status, path
        self.check(path, narrow=narrow)


def _sign_up_with_mistakes(audit: Audit, *, narrow: bool) -> None:
    """A form showing its errors beside the fields."""
    page = audit.page
    page.goto(audit.base + "/accounts/signup/")
    page.fill("#id_password1", "short")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.locator(".field.has-error").count() >= 2
    audit.check("/accounts/signup/ (errors)", narrow=narrow)


def _make_a_screener_link(audit: Audit, *, narrow: bool) -> None:
    """The sharing page showing a new link (the widest thing it shows)."""
    page = audit.page
    page.goto(f"{audit.base}/studio/films/{FILM}/sharing/")
    page.fill("#id_recipient", "Cinéma du Réel programming")
    with page.expect_navigation():
        page.click("form:has(#id_recipient) button[type=submit]")
    assert page.input_value("#new-link-url").startswith(audit.base)
    audit.check(f"/studio/films/{FILM}/sharing/ (new link)", narrow=narrow)


def _import_a_page(audit: Audit, *, narrow: bool) -> None:
    page = audit.page
    page.goto(audit.base + "/import/")
    page.fill("#id_text", PAGE_TEXT)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    audit.check("/import/ (review)", narrow=narrow)
    page.click("main button[type=submit].primary")
    page.wait_for_url("**/import/done/")
    audit.check("/import/done/", narrow=narrow)


def _audit_everything(chromium, base: str, language: str, width: int) -> Audit:
    narrow = width < 400
    context = chromium.new_context(viewport={"width": width, "height": 900 if width > 400 else 844})
    context.add_init_script(path=str(AXE))  # injected by the browser, not by the page's CSP
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page = context.new_page()
    audit = Audit(page, base, f"{language}-{width}")
    for path in PUBLIC:
        audit.visit(path, narrow=narrow)
    audit.visit("/films/no-such-film/", narrow=narrow, status=404)
    _sign_up_with_mistakes(audit, narrow=narrow)
    log_in(page, base, "ana")
    for path in SIGNED_IN:
        audit.visit(path, narrow=narrow)
    _make_a_screener_link(audit, narrow=narrow)
    _import_a_page(audit, narrow=narrow)
    context.close()
    return audit


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_pages_have_no_serious_accessibility_violations(live_server, chromium, language) -> None:
    call_command("demo", stdout=io.StringIO())
    user = UserFactory(username="ana")
    CollaboratorFactory(film=Film.objects.get(slug=FILM), user=user)
    FilmFactory(protected=True, slug="locked-film", title="Locked Film")  # the password gate
    found: dict[tuple[str, str], str] = {}
    wide: dict[str, int] = {}
    for width in (1280, 390):
        audit = _audit_everything(chromium, live_server.url, language, width)
        found |= {key: f"{width} px {detail}" for key, detail in audit.found.items()}
        wide |= audit.wide
    report = [f"{path} {rule}: {detail}" for (path, rule), detail in sorted(found.items())]
    report += [f"{path}: {extra} px wider than 360 px" for path, extra in sorted(wide.items())]
    (ARTIFACTS / f"a11y-report-{language}.txt").write_text("\n".join(report) + "\n", "utf-8")
    unexpected = {key: detail for key, detail in found.items() if key not in KNOWN}
    assert unexpected == {}
    assert sorted(KNOWN.keys() - found.keys()) == []
    assert wide == {}
