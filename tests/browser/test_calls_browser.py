"""The festival circuit from the festival's side, in English and Chinese, at desktop and phone
widths: a festival opens a call; a filmmaker submits a film with its screener in one step; a
programmer watches the screener (the filmmaker then sees "seen"), rates it and assigns a juror;
the festival selects it into a section with an award and notifies; the film page shows the
award. Every page: no serious axe-core violation, no sideways scroll, a screenshot kept."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

from filmfolio.calls.choices import MemberRole
from filmfolio.calls.models import Submission
from filmfolio.calls.tests.factories import FestivalMemberFactory
from filmfolio.festivals.choices import EntryEvidence
from filmfolio.festivals.models import Entry
from filmfolio.festivals.tests.factories import AwardFactory, EditionFactory, SectionFactory
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
    """The browsers of the festival's director, its programmer and the filmmaker."""

    def __init__(self, chromium, base: str, language: str, width: str) -> None:
        self.chromium, self.base, self.language = chromium, base, language
        self.shots = f"calls-{language}-{width}"
        self.options = {"viewport": {"width": WIDTHS[width], "height": 900}}

    def t(self, text: str) -> str:
        with translation.override(self.language):
            return gettext(text)

    def page_for(self, user):
        context = signed_in_context(
            self.chromium,
            self.base,
            user,
            language=self.language,
            user_agent=DESKTOP_AGENT,
            **self.options,
        )
        context.add_init_script(path=str(AXE))  # injected by the browser, not by the page
        return context.new_page()

    def check(self, page, name: str) -> None:
        """No serious axe-core violation, no sideways scroll; keep a screenshot."""
        wide = page.evaluate("document.documentElement.scrollWidth")
        inner = page.evaluate("window.innerWidth")
        assert wide <= inner, f"{name}: {wide}px wide in a {inner}px window"
        violations = [f"{v['id']}: {v['nodes'][0]['target']}" for v in serious_violations(page)]
        assert violations == [], name
        keep_screenshot(page, f"{self.shots}-{name}")

    def submit(self, page, selector: str) -> None:
        with page.expect_navigation():
            page.locator(selector).click()


def _world(suffix: str):
    edition = EditionFactory(number=None, year=2027, festival__name=f"Lantern Fest {suffix}")
    festival = edition.festival
    SectionFactory(edition=edition, name="Short Competition")
    AwardFactory(festival=festival, name="Golden Lantern")
    film = FilmFactory(title=f"Harbour Light {suffix}", slug=f"harbour-light-{suffix}")
    film.runtime_minutes = 18
    film.save()
    return {
        "festival": festival,
        "film": film,
        "filmmaker": CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user,
        "director": FestivalMemberFactory(festival=festival, role=MemberRole.DIRECTOR).user,
        "programmer": FestivalMemberFactory(festival=festival, role=MemberRole.PROGRAMMER).user,
        "juror": FestivalMemberFactory(festival=festival, role=MemberRole.JUROR),
    }


def open_call(journey: Journey, page, festival) -> None:
    page.goto(f"{journey.base}/calls/desk/{festival.slug}/")
    page.fill("#id_call-year", "2027")
    page.fill("#id_call-title", "Shorts Call")
    page.fill("#id_call-regular_deadline", "2099-01-10")
    page.fill("#id_call-notification_on", "2099-02-10")
    page.fill("#id_call-category", "Short film")
    page.fill("#id_call-runtime_max_minutes", "30")
    page.fill("#id_call-fee_regular", "15")
    page.select_option("#id_call-fee_currency", "EUR")
    journey.submit(page, "#open-call + form button[type=submit]")
    assert journey.t("The call is open.") in page.inner_text(".messages")
    journey.check(page, "1-desk-call-open")


def submit_film(journey: Journey, page, film) -> None:
    page.goto(f"{journey.base}/calls/")
    journey.check(page, "2-open-calls")
    with page.expect_navigation():
        page.get_by_role("link", name="Shorts Call").click()
    page.select_option("#id_film", label=str(film))
    page.select_option("#id_category", label="Short film")
    page.select_option("#id_premiere", "world")
    journey.check(page, "3-call-page")
    journey.submit(page, "#submit ~ form button[type=submit]")
    assert page.url.endswith("/calls/submissions/")
    assert journey.t("Not seen yet") in page.inner_text("main")
    journey.check(page, "4-my-submission")


def programme(journey: Journey, page, world: dict, public_id: str) -> None:
    page.goto(f"{journey.base}/calls/desk/{world['festival'].slug}/")
    journey.check(page, "5-desk-list")
    with page.expect_navigation():
        page.get_by_role("link", name=world["film"].title).click()
    journey.submit(page, f"form[action$='/{public_id}/watch/'] button")
    assert page.url.endswith(f"/films/{world['film'].slug}/")
    page.goto(f"{journey.base}/calls/desk/s/{public_id}/")
    page.select_option("#id_rating", "4")
    page.fill("#id_notes", "Luminous harbour at dusk.")
    journey.submit(page, "form:has(input[value=review]) button[type=submit]")
    page.select_option("#id_member", str(world["juror"].pk))
    journey.submit(page, "form:has(input[value=assign]) button[type=submit]")
    assert journey.t("Assigned.") in page.inner_text(".messages")
    journey.check(page, "6-submission-rated")


def decide_and_notify(journey: Journey, page, world: dict, public_id: str) -> None:
    page.goto(f"{journey.base}/calls/desk/s/{public_id}/")
    page.select_option("#id_selected", "yes")
    page.select_option("#id_section", label="Short Competition")
    page.select_option("#id_result", "won")
    page.select_option("#id_award", label="Golden Lantern")
    journey.submit(page, "form:has(input[value=decide]) button[type=submit]")
    assert journey.t("The decision is recorded.") in page.inner_text(".messages")
    journey.check(page, "8-decided")
    page.goto(f"{journey.base}/calls/desk/{world['festival'].slug}/")
    journey.submit(page, "form[action$='/notify/'] button")
    sent = journey.t("Notifications sent: %(n)d.") % {"n": 1}
    assert sent in page.inner_text(".messages")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_call_from_opening_to_the_confirmed_award(live_server, chromium, language, width):
    journey = Journey(chromium, live_server.url, language, width)
    world = _world(f"{language}-{width}")
    director = journey.page_for(world["director"])
    open_call(journey, director, world["festival"])
    filmmaker = journey.page_for(world["filmmaker"])
    submit_film(journey, filmmaker, world["film"])
    public_id = Submission.objects.get(film=world["film"]).public_id
    programme(journey, journey.page_for(world["programmer"]), world, public_id)
    filmmaker.reload()
    assert journey.t("Seen by the festival on %(day)s").split("%(day)s")[0].strip() in (
        filmmaker.inner_text("main")
    )
    journey.check(filmmaker, "7-my-submission-seen")
    decide_and_notify(journey, director, world, public_id)
    entry = Entry.objects.get(film=world["film"])
    assert entry.evidence == EntryEvidence.CONFIRMED
    filmmaker.goto(f"{journey.base}/films/{world['film'].slug}/")
    assert "Golden Lantern" in filmmaker.inner_text("main")
    journey.check(filmmaker, "9-film-page-award")
