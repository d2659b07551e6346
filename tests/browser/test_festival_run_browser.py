"""A filmmaker follows a film's festival run, in English and Chinese, at desktop and phone
widths: adds an entry with its screener link in the studio, sees "seen by the festival" once the
link is opened, moves the entry on the board, and finds its deadline in the calendar; every
page without sideways scroll or serious axe-core violations."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from filmfolio.circuit.choices import RunStatus
from filmfolio.circuit.models import RunEntry
from filmfolio.festivals.tests.factories import FestivalFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .chromium import AXE, keep_screenshot, serious_violations, signed_in_context
from .test_studio_browser import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)


class Journey:
    """One browser of the filmmaker; checks every page it lands on."""

    def __init__(self, page, base: str, language: str, shots: str) -> None:
        self.page, self.base, self.language, self.shots = page, base, language, shots

    def t(self, text: str) -> str:
        with translation.override(self.language):
            return gettext(text)

    def check(self, name: str) -> None:
        wide = self.page.evaluate("document.documentElement.scrollWidth")
        inner = self.page.evaluate("window.innerWidth")
        assert wide <= inner, f"{name}: {wide}px wide in a {inner}px window"
        violations = [
            f"{v['id']}: {v['nodes'][0]['target']}" for v in serious_violations(self.page)
        ]
        assert violations == [], name
        keep_screenshot(self.page, f"{self.shots}-{name}")

    def post(self, selector: str) -> None:
        with self.page.expect_navigation():
            self.page.click(selector)


def add_entry(journey: Journey, slug: str, deadline: datetime.date) -> str:
    page = journey.page
    page.goto(f"{journey.base}/studio/films/{slug}/run/")
    journey.check("run-empty")
    page.fill("#id_festival_query", "Heron Bay Festival")
    page.fill("#id_year", "2027")
    page.fill("#id_category", "Short documentary")
    page.fill("#id_deadline", deadline.isoformat())
    page.fill("#id_notification_on", (deadline + datetime.timedelta(days=40)).isoformat())
    page.fill("#id_fee_amount", "30")
    page.select_option("#id_fee_currency", "EUR")
    assert page.is_checked("#id_make_screener")
    journey.post("#run-add ~ form button[type=submit], section:has(#run-add) button[type=submit]")
    assert journey.t("The entry is added to the festival run.") in page.inner_text(".messages")
    journey.check("run-added")
    return page.input_value("#new-screener-url")


def festival_opens(chromium, url: str, slug: str) -> None:
    visitor = chromium.new_context(user_agent=DESKTOP_AGENT)
    opened = visitor.new_page()
    opened.goto(url)
    assert opened.url.endswith(f"/films/{slug}/")
    visitor.close()


def move_on_board(journey: Journey, entry: RunEntry) -> None:
    page = journey.page
    page.goto(f"{journey.base}/run/")
    planned = page.locator("section.run-column", has=page.locator("#column-planned"))
    assert "Heron Bay Festival" in planned.inner_text()
    journey.check("board")
    page.select_option(f"#move-{entry.pk}", RunStatus.SUBMITTED)
    journey.post(f"form:has(#move-{entry.pk}) button[type=submit]")
    with translation.override(journey.language):
        moved = gettext("Moved to “%(status)s”.") % {"status": RunStatus.SUBMITTED.label}
    assert moved in page.inner_text(".messages")
    submitted = page.locator("section.run-column", has=page.locator("#column-submitted"))
    assert "Heron Bay Festival" in submitted.inner_text()
    journey.check("board-moved")
    entry.refresh_from_db()
    assert entry.status == RunStatus.SUBMITTED


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_festival_run(live_server, chromium, language, width):
    base, slug = live_server.url, f"heron-run-{language}-{width}"
    owner = CollaboratorFactory(
        film=FilmFactory(title=f"Heron Run {width}", slug=slug), role=CollaboratorRole.OWNER
    )
    FestivalFactory(name="Heron Bay Festival", country="PT")
    viewport = {"width": WIDTHS[width], "height": 900}
    context = signed_in_context(chromium, base, owner.user, language=language, viewport=viewport)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    journey = Journey(page, base, language, f"run-{language}-{width}")
    deadline = timezone.localdate() + datetime.timedelta(days=20)

    url = add_entry(journey, slug, deadline)
    entry = RunEntry.objects.get(film__slug=slug)
    assert entry.screener_link is not None
    unseen = journey.t("Not opened yet")
    assert unseen in page.inner_text(".run-seen")

    festival_opens(chromium, url, slug)
    page.goto(f"{base}/studio/films/{slug}/run/")
    seen = journey.t("Seen by the festival on %(when)s").split("%(when)s")[0].strip()
    assert seen in page.inner_text(".run-seen")
    journey.check("run-seen")

    move_on_board(journey, entry)

    page.goto(f"{base}/run/calendar/")
    month = page.locator(f"#month-{deadline:%Y-%m}")
    assert month.count() == 1
    listed = page.locator("section.run-month", has=month).inner_text()
    assert deadline.isoformat() in listed
    assert f"Heron Run {width}" in listed
    journey.check("calendar")
    context.close()
