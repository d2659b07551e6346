"""Submitting a film in one step, and the refusals that leave nothing behind."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from filmfolio.calls import services
from filmfolio.calls.models import Submission
from filmfolio.circuit.choices import NO_PREMIERE, Premiere, RunStatus
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory

pytestmark = pytest.mark.django_db


def _submit(world, *, actor=None, premiere=Premiere.WORLD, language="zh-hans"):
    return services.submission_create(
        category_id=world.category.pk,
        film=world.film,
        premiere=premiere,
        language=language,
        actor=actor or world.owner,
    )


def test_one_step_attaches_the_record_and_a_screener_link(world):
    submission = _submit(world)
    link = submission.screener_link
    assert submission.film == world.film
    assert submission.status == RunStatus.SUBMITTED
    assert submission.deadline == "regular"
    assert submission.fee_amount == Decimal("20.00")
    assert submission.fee_currency == "EUR"
    assert submission.language == "zh-hans"
    assert link.film == world.film
    festival = world.call.edition.festival.name
    assert link.recipient == f"{festival} — Shorts 2027"
    day_after = world.call.notification_on + datetime.timedelta(days=2)
    assert timezone.localtime(link.expires_at).date() == day_after
    assert timezone.localtime(link.expires_at).time() == datetime.time.min
    assert submission.seen_at is None
    assert ChangeRecord.objects.filter(object_id=world.film.pk, section="festivals").count() == 1


def _refused(world, expected_message, **kwargs):
    links = ScreenerLink.objects.count()
    with pytest.raises(ValidationFailedError) as error:
        _submit(world, **kwargs)
    assert error.value.message == expected_message
    assert ScreenerLink.objects.count() == links
    return error.value


def test_a_duplicate_is_refused(world):
    _submit(world)
    _refused(world, "This film is already submitted to this call.")
    assert Submission.objects.count() == 1


def test_after_the_last_deadline_is_refused(world):
    type(world.call).objects.filter(pk=world.call.pk).update(
        regular_deadline=timezone.localdate() - datetime.timedelta(days=3),
        late_deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    _refused(world, "This call is closed: its last deadline has passed.")
    assert Submission.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"runtime_minutes": 95},
            "The film runs 95 minutes; this category takes films of at most 40 minutes.",
        ),
        (
            {"runtime_minutes": 3},
            "The film runs 3 minutes; this category takes films of at least 5 minutes.",
        ),
        (
            {"completion_date": datetime.date(2024, 6, 1)},
            "The film was completed on 2024-06-01; "
            "this category takes films completed after 2025-01-01.",
        ),
    ],
)
def test_a_broken_rule_is_named(world, change, message):
    type(world.film).objects.filter(pk=world.film.pk).update(**change)
    world.film.refresh_from_db()
    error = _refused(world, message)
    assert error.errors == {"film": [message]}
    assert Submission.objects.count() == 0


def test_country_and_premiere_rules_are_named(world):
    world.film.countries.update(country="DE")
    error = _refused(
        world,
        "This category asks for a national premiere. "
        "This category takes films from China, France only.",
        premiere=NO_PREMIERE,
    )
    assert len(error.errors["film"]) == 2


def test_the_refusal_is_in_the_users_language(world):
    from django.utils import translation

    world.film.countries.update(country="DE")
    with translation.override("zh-hans"), pytest.raises(ValidationFailedError) as error:
        _submit(world)
    assert error.value.message == "此类别只接受来自以下国家的影片：中国, 法国。"


def test_an_editor_submits_with_the_submissions_screener_link(world):
    editor = CollaboratorFactory(film=world.film, role=CollaboratorRole.EDITOR).user
    submission = _submit(world, actor=editor)
    assert submission.submitted_by == editor
    assert submission.screener_link.created_by == editor
    assert submission.run_entry.screener_link == submission.screener_link


def test_an_editor_still_may_not_make_another_screener_link(world):
    from filmfolio.sharing.models import ScreenerLink
    from filmfolio.sharing.services import screener_link_create

    editor = CollaboratorFactory(film=world.film, role=CollaboratorRole.EDITOR).user
    with pytest.raises(PermissionDeniedError):
        screener_link_create(film=world.film, actor=editor, recipient="A friend")
    assert ScreenerLink.objects.count() == 0


def test_a_viewer_may_not_submit(world):
    viewer = CollaboratorFactory(film=world.film, role=CollaboratorRole.VIEWER).user
    with pytest.raises(PermissionDeniedError) as refused:
        _submit(world, actor=viewer)
    assert refused.value.message == "Only the film's owners and editors may submit it."
    assert Submission.objects.count() == 0


def test_a_closed_call_is_not_found(world):
    type(world.call).objects.filter(pk=world.call.pk).update(is_open=False)
    with pytest.raises(ObjectNotFoundError):
        _submit(world)
    assert Submission.objects.count() == 0
