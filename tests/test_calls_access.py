"""The access suite of calls for entry: every URL of the calls app (enumerated from the
URLconf, so a new page is covered the day it is added) and the submissions API, for each kind
of visitor: strangers, the filmmaker, another filmmaker, the festival's director and
programmer, a juror with and without the submission assigned, and another festival's director.
A visitor who may not see a submission never meets its film's title, and no request of theirs
changes anything."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.calls.choices import MemberRole
from filmfolio.calls.models import Assignment, Call, Category, FestivalMember, Review, Submission
from filmfolio.calls.services import assignment_add, submission_create
from filmfolio.calls.tests.factories import CallFactory, CategoryFactory, FestivalMemberFactory
from filmfolio.circuit.choices import NO_PREMIERE
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals.models import Award, Entry, Section
from filmfolio.festivals.tests.factories import SectionFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .url_inventory import body_of, site_paths

pytestmark = pytest.mark.django_db

TITLE = "Zxq Submitted Canary 5813"

# Who sees the submitted film's title on which page (names of the ``calls`` URLs).
SEES_SUBMISSION = {"owner", "director", "programmer", "assigned_juror", "admin"}
DESK = {"director", "programmer", "juror", "assigned_juror", "admin"}
MANAGERS = {"director", "programmer", "admin"}
EXPECTED_STATUS = {
    # name: (status for those allowed, allowed, status for the others)
    "calls:index": (200, None, 200),
    "calls:detail": (200, None, 200),
    "calls:mine": (200, None, 200),
    "calls:desk": (200, DESK, 404),
    "calls:members": (200, DESK, 404),
    "calls:submission": (200, SEES_SUBMISSION - {"owner"}, 404),
    "calls:watch": (405, None, 405),
    "calls:notify": (405, None, 405),
    "calls:withdraw": (405, None, 405),
    "calls:member_remove": (405, None, 405),
    "calls:programme": (200, MANAGERS, 404),
    "calls:call_manage": (200, MANAGERS, 404),
}
# Pages that show the film's title to those who may see the submission.
TITLE_PAGES = {"calls:mine": {"owner", "admin"}, "calls:desk": SEES_SUBMISSION - {"owner"}}


def _world() -> dict:
    call: Any = CallFactory(
        title="Access Call", regular_deadline=timezone.localdate() + datetime.timedelta(days=9)
    )
    festival = call.edition.festival
    category: Any = CategoryFactory(call=call, name="Open")
    film: Any = FilmFactory(title=TITLE, slug="zxq-submitted-canary", private=True)
    owner = CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user
    other_film: Any = FilmFactory(title="Other Entry", private=True)
    other_owner = CollaboratorFactory(film=other_film, role=CollaboratorRole.OWNER).user
    members = {
        role: FestivalMemberFactory(festival=festival, role=getattr(MemberRole, role.upper()))
        for role in ("director", "programmer", "juror")
    }
    assigned: Any = FestivalMemberFactory(festival=festival, role=MemberRole.JUROR)
    elsewhere: Any = FestivalMemberFactory(role=MemberRole.DIRECTOR)
    submission = submission_create(
        category_id=category.pk, film=film, premiere=NO_PREMIERE, language="en", actor=owner
    )
    submission_create(
        category_id=category.pk,
        film=other_film,
        premiere=NO_PREMIERE,
        language="en",
        actor=other_owner,
    )
    assignment_add(submission=submission, member_id=assigned.pk, actor=members["director"].user)
    SectionFactory(edition=call.edition, name="Main")
    users: dict[str, Any] = {
        "stranger": UserFactory(),
        "owner": owner,
        "other_filmmaker": other_owner,
        **{role: member.user for role, member in members.items()},
        "assigned_juror": assigned.user,
        "other_festival": elsewhere.user,
        "admin": UserFactory(staff=True),
    }
    clients = {"anonymous": Client()}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    return {"call": call, "festival": festival, "submission": submission, "clients": clients}


def _paths(world: dict) -> list[tuple[str, str]]:
    paths = site_paths(
        {"public_id": world["submission"].public_id, "call_slug": world["call"].slug},
        default_int="1",
        alternatives={"slug": (world["call"].slug, world["festival"].slug)},
    )
    # the call's pages with the call's slug, the desk's with the festival's
    festival_pages = {
        "calls:desk",
        "calls:members",
        "calls:notify",
        "calls:member_remove",
        "calls:programme",
    }
    return [
        (path, name)
        for path, name in paths
        if (
            name.startswith("calls:")
            and "matrix-value" not in path
            and (world["festival"].slug in path) == (name in festival_pages)
        )
        or name
        in {
            "calls:index",
            "calls:mine",
            "calls:submission",
            "calls:watch",
            "calls:withdraw",
            "calls:call_manage",
        }
    ]


def _expected(name: str, principal: str) -> int:
    allowed_status, allowed, other = EXPECTED_STATUS[name]
    if principal == "anonymous" and name in {
        "calls:mine",
        *(n for n, e in EXPECTED_STATUS.items() if e[1]),
    }:
        return 302
    if allowed is None or principal in allowed:
        return allowed_status
    return other


def _may_see_title(name: str, principal: str) -> bool:
    if name == "calls:detail":
        return principal in {"owner", "admin"}  # their own film, in the submission form
    if name == "calls:submission":
        return principal in SEES_SUBMISSION
    return principal in TITLE_PAGES.get(name, set())


def _failures(principal: str, path: str, name: str, response: object) -> list[str]:
    body = body_of(response)
    status = response.status_code  # type: ignore[attr-defined]
    shows, may = TITLE in body, _may_see_title(name, principal)
    checks = [
        (status != _expected(name, principal), f"answers {status}"),
        (shows and not may, "reveals the submitted film"),
        (may and status == 200 and name in TITLE_PAGES and not shows, "misses the film"),
    ]
    return [f"{principal} GET {path}: {problem}" for failed, problem in checks if failed]


def test_every_calls_page_for_every_visitor():
    world = _world()
    paths = _paths(world)
    names = {name for _path, name in paths}
    assert names == set(EXPECTED_STATUS), "a calls URL without an expectation"
    failures = []
    for principal, client in world["clients"].items():
        for path, name in paths:
            failures += _failures(principal, path, name, client.get(path))
    assert failures == []


def test_the_api_shows_each_visitor_only_their_submissions():
    world = _world()
    expected = SEES_SUBMISSION
    for principal, client in world["clients"].items():
        films = [s["film"] for s in client.get("/api/v1/submissions").json()["items"]]
        assert ("zxq-submitted-canary" in films) == (principal in expected), principal


def test_unauthorised_posts_change_nothing():
    world = _world()
    submission = world["submission"]
    before = Submission.objects.filter(pk=submission.pk).values().get()
    counts = (
        Review.objects.count(),
        Assignment.objects.count(),
        FestivalMember.objects.count(),
        Entry.objects.count(),
        ChangeRecord.objects.count(),
        Section.objects.count(),
        Award.objects.count(),
        Category.objects.count(),
        list(Call.objects.values_list("is_open", flat=True)),
    )
    payloads = [
        {"action": "decide", "selected": "yes", "section": "1", "result": "selected"},
        {"action": "review", "rating": "1", "notes": "x"},
        {"action": "assign", "member": "1"},
        {"action": "shortlist", "on": "1"},
        {"email": "x@example.org", "role": "director"},
        {"action": "close"},
        {"action": "category", "category-name": "Sneaked in"},
        {"action": "section", "section-edition": "1", "section-name": "Sneaked in"},
        {"action": "award", "award-name": "Sneaked in"},
    ]
    for principal in (
        "anonymous",
        "stranger",
        "owner",
        "other_filmmaker",
        "juror",
        "other_festival",
    ):
        for path, name in _paths(world):
            if name in {"calls:index", "calls:detail", "calls:mine"}:
                continue
            if name == "calls:withdraw" and principal == "owner":
                continue  # the owner's own act, tested in calls/tests/test_desk_manage.py
            for payload in payloads:
                world["clients"][principal].post(path, payload)
    assert Submission.objects.filter(pk=submission.pk).values().get() == before
    assert (
        Review.objects.count(),
        Assignment.objects.count(),
        FestivalMember.objects.count(),
        Entry.objects.count(),
        ChangeRecord.objects.count(),
        Section.objects.count(),
        Award.objects.count(),
        Category.objects.count(),
        list(Call.objects.values_list("is_open", flat=True)),
    ) == counts
