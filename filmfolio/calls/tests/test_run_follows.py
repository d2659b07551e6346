"""A submission made through a call is an entry of the film's festival run: submitted, with
the submission's screener link, and moved by the festival's decision."""

from __future__ import annotations

import pytest
from django.utils import timezone

from filmfolio.calls import services
from filmfolio.circuit.choices import Premiere, RunStatus
from filmfolio.circuit.follow import _path
from filmfolio.circuit.models import RunEntry
from filmfolio.festivals.choices import EntryResult

pytestmark = pytest.mark.django_db


def _submit(world):
    return services.submission_create(
        category_id=world.category.pk,
        film=world.film,
        premiere=Premiere.WORLD,
        language="en",
        actor=world.owner,
    )


def test_submitting_adds_the_entry_to_the_films_run(world):
    submission = _submit(world)
    entry = RunEntry.objects.get(film=world.film)
    assert submission.run_entry == entry
    assert entry.edition == world.call.edition
    assert entry.category == world.category.name
    assert entry.status == RunStatus.SUBMITTED
    assert entry.submitted_on == timezone.localdate()
    assert entry.notification_on == world.call.notification_on
    assert entry.premiere == "world"
    assert entry.screener_link == submission.screener_link
    assert entry.deadline == getattr(world.call, f"{submission.deadline}_deadline")
    assert entry.deadline is not None


@pytest.mark.parametrize(
    ("selected", "award", "status"),
    [(True, True, RunStatus.AWARDED), (True, False, RunStatus.SELECTED), (False, False, "no")],
)
def test_the_festivals_decision_moves_the_run_entry(world, selected, award, status):
    submission = _submit(world)
    decision = services.Decision(
        selected=selected,
        section_id=world.section.pk if selected else None,
        award_id=world.award.pk if award else None,
        result=(EntryResult.WON if award else EntryResult.SELECTED) if selected else "",
    )
    services.submission_decide(submission=submission, decision=decision, actor=world.director)
    expected = RunStatus.NOT_SELECTED if status == "no" else status
    assert RunEntry.objects.get(film=world.film).status == expected


def test_the_path_through_the_allowed_transitions() -> None:
    assert _path(RunStatus.SUBMITTED, RunStatus.AWARDED) == [RunStatus.SELECTED, RunStatus.AWARDED]
    assert _path(RunStatus.IN_CONSIDERATION, RunStatus.NOT_SELECTED) == [RunStatus.NOT_SELECTED]
    assert _path(RunStatus.WITHDRAWN, RunStatus.SELECTED) == []
