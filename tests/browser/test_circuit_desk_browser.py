"""The festival's desk over its own records and the filmmaker's side of a submission, in
English and Chinese, at desktop and phone widths: the header's link to the open calls; the
director removes a member, adds a section and an award, a second category, and closes the call;
the filmmaker withdraws a submission and the desk shows it withdrawn; a run entry is edited in
the studio. Every page: no serious axe-core violation, no sideways scroll, a screenshot kept."""

from __future__ import annotations

import pytest

from filmfolio.calls.choices import MemberRole
from filmfolio.calls.models import Call, Category, FestivalMember, Submission
from filmfolio.calls.services import submission_create
from filmfolio.calls.tests.factories import (
    CallFactory,
    CategoryFactory,
    FestivalMemberFactory,
    days_from_today,
)
from filmfolio.circuit.choices import NO_PREMIERE, RunStatus
from filmfolio.festivals.models import Award, Section
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .test_calls_browser import Journey
from .test_studio_browser import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world(suffix: str) -> dict:
    call = CallFactory(
        title=f"Harbour Call {suffix}",
        edition__festival__name=f"Tide Fest {suffix}",
        regular_deadline=days_from_today(20),
    )
    festival = call.edition.festival
    category = CategoryFactory(call=call, name="Short film")
    film = FilmFactory(title=f"Salt Marsh {suffix}", slug=f"salt-marsh-{suffix}", private=True)
    filmmaker = CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user
    submission_create(
        category_id=category.pk, film=film, premiere=NO_PREMIERE, language="en", actor=filmmaker
    )
    return {
        "call": call,
        "festival": festival,
        "film": film,
        "filmmaker": filmmaker,
        "director": FestivalMemberFactory(festival=festival, role=MemberRole.DIRECTOR).user,
        "juror": FestivalMemberFactory(festival=festival, role=MemberRole.JUROR),
    }


def header_link(journey: Journey, page) -> None:
    page.goto(f"{journey.base}/")
    link = page.locator(".site-nav").get_by_role("link", name=journey.t("Calls"), exact=True)
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/calls/")
    journey.check(page, "1-header-calls")


def members(journey: Journey, page, world: dict) -> None:
    page.goto(f"{journey.base}/calls/desk/{world['festival'].slug}/members/")
    journey.check(page, "2-members")
    email = world["juror"].user.email
    label = journey.t("Remove %(email)s") % {"email": email}
    with page.expect_navigation():
        page.get_by_role("button", name=label).click()
    assert journey.t("The member is removed.") in page.inner_text(".messages")
    assert email not in page.inner_text("main")
    assert not FestivalMember.objects.filter(pk=world["juror"].pk).exists()


def programme(journey: Journey, page, world: dict) -> None:
    page.goto(f"{journey.base}/calls/desk/{world['festival'].slug}/")
    with page.expect_navigation():
        page.get_by_role("link", name=journey.t("Sections and awards")).click()
    page.select_option("#id_section-edition", str(world["call"].edition.pk))
    page.fill("#id_section-name", "Night Visions")
    page.check("#id_section-is_competitive")
    journey.submit(page, "form:has(input[value=section]) button[type=submit]")
    page.fill("#id_award-name", "Audience Award")
    journey.submit(page, "form:has(input[value=award]) button[type=submit]")
    assert "Night Visions" in page.inner_text("main")
    assert "Audience Award" in page.inner_text("main")
    journey.check(page, "3-programme")
    assert Section.objects.filter(name="Night Visions", is_competitive=True).count() == 1
    assert Award.objects.filter(festival=world["festival"], name="Audience Award").count() == 1


def call_manage(journey: Journey, page, world: dict) -> None:
    page.goto(f"{journey.base}/calls/desk/{world['festival'].slug}/")
    with page.expect_navigation():
        page.get_by_role("link", name=world["call"].title).click()
    page.fill("#id_category-name", "Animation")
    page.fill("#id_category-runtime_max_minutes", "15")
    page.fill("#id_category-fee_regular", "12.5")
    journey.submit(page, "form:has(input[value=category]) button[type=submit]")
    assert "€12.50" in page.inner_text("main")
    journey.check(page, "4-call-categories")
    journey.submit(page, "form:has(input[value=close]) button[type=submit]")
    assert journey.t("The call is closed.") in page.inner_text(".messages")
    journey.check(page, "5-call-closed")
    assert Category.objects.filter(call=world["call"]).count() == 2
    assert Call.objects.get(pk=world["call"].pk).is_open is False


def withdraw(journey: Journey, page, world: dict) -> None:
    page.goto(f"{journey.base}/calls/submissions/")
    label = journey.t("Withdraw %(title)s from %(call)s") % {
        "title": world["film"].title,
        "call": world["call"].title,
    }
    with page.expect_navigation():
        page.get_by_role("button", name=label).click()
    assert journey.t("The submission is withdrawn.") in page.inner_text(".messages")
    journey.check(page, "6-withdrawn")
    assert Submission.objects.get(film=world["film"]).status == RunStatus.WITHDRAWN


def run_edit(journey: Journey, page, world: dict) -> None:
    page.goto(f"{journey.base}/studio/films/{world['film'].slug}/run/")
    with page.expect_navigation():
        page.locator("a[href$='/edit/']").first.click()
    page.fill("#id_notes", "Withdrawn to premiere elsewhere.")
    journey.submit(page, "main form.form button[type=submit]")
    assert journey.t("The entry is saved.") in page.inner_text(".messages")
    assert "Withdrawn to premiere elsewhere." in page.inner_text("main")
    journey.check(page, "8-run-entry-edited")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_desk_keeps_the_festivals_records(live_server, chromium, language, width):
    journey = Journey(chromium, live_server.url, language, width)
    journey.shots = f"circuit-desk-{language}-{width}"
    world = _world(f"{language}-{width}")
    director = journey.page_for(world["director"])
    header_link(journey, director)
    members(journey, director, world)
    programme(journey, director, world)
    call_manage(journey, director, world)
    filmmaker = journey.page_for(world["filmmaker"])
    withdraw(journey, filmmaker, world)
    director.goto(f"{journey.base}/calls/desk/{world['festival'].slug}/")
    assert journey.t("Withdrawn") in director.inner_text("#submissions ~ ul")
    journey.check(director, "7-desk-withdrawn")
    run_edit(journey, filmmaker, world)
