"""The festival's work: members, calls, assignment, ratings, shortlist, decisions published as
confirmed entries, and notifications in the filmmaker's language."""

from __future__ import annotations

import pytest
from django.core import mail

from filmfolio.calls import services
from filmfolio.calls.choices import MemberRole
from filmfolio.calls.models import Call, FestivalMember, Review
from filmfolio.circuit.choices import Premiere, RunStatus
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals.choices import EntryEvidence, EntryResult
from filmfolio.festivals.models import Entry, Section
from filmfolio.festivals.tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(world):
    return services.submission_create(
        category_id=world.category.pk,
        film=world.film,
        premiere=Premiere.WORLD,
        language="zh-hans",
        actor=world.owner,
    )


def test_the_director_appoints_and_nobody_else(world, stranger):
    festival = world.call.edition.festival
    member = services.member_appoint(
        festival=festival, email=stranger.email.upper(), role=MemberRole.STAFF, actor=world.director
    )
    assert (member.user, member.role) == (stranger, MemberRole.STAFF)
    with pytest.raises(PermissionDeniedError):
        services.member_appoint(
            festival=festival, email=world.owner.email, role="director", actor=world.programmer
        )
    assert not FestivalMember.objects.filter(user=world.owner).exists()
    with pytest.raises(ValidationFailedError) as error:
        services.member_appoint(
            festival=festival, email="nobody@example.org", role="staff", actor=world.director
        )
    assert error.value.errors == {"email": ["No Filmfolio account has this e-mail address."]}


def test_the_last_director_stays(world):
    festival = world.call.edition.festival
    director = FestivalMember.objects.get(user=world.director)
    with pytest.raises(ValidationFailedError):
        services.member_remove(festival=festival, member_id=director.pk, actor=world.director)
    assert FestivalMember.objects.filter(pk=director.pk).exists()


def test_members_add_sections_and_awards_through_the_festival_records(world, stranger):
    section = services.section_add(
        edition=world.call.edition, name="Panorama", is_competitive=False, actor=world.programmer
    )
    assert Section.objects.get(pk=section.pk).name == "Panorama"
    with pytest.raises(PermissionDeniedError):
        services.section_add(
            edition=world.call.edition, name="Hijack", is_competitive=False, actor=stranger
        )
    with pytest.raises(PermissionDeniedError):
        services.award_add(festival=world.call.edition.festival, name="X", actor=world.juror)
    assert not Section.objects.filter(name="Hijack").exists()


def test_a_call_is_created_closed_and_opened_with_a_category(world):
    draft = services.CallDraft(
        edition=world.call.edition,
        title="Features 2027",
        regular_deadline=world.call.regular_deadline,
        notification_on=world.call.notification_on,
    )
    call = services.call_create(draft=draft, actor=world.director)
    assert call.is_open is False
    with pytest.raises(ValidationFailedError) as error:
        services.call_set_open(call=call, is_open=True, actor=world.director)
    assert error.value.message == "Add a category before opening the call."
    services.category_add(
        call=call,
        draft=services.CategoryDraft(name="Feature", countries=["fr"]),
        actor=world.director,
    )
    services.call_set_open(call=call, is_open=True, actor=world.director)
    assert Call.objects.get(pk=call.pk).is_open is True
    assert call.categories.get().countries == ["FR"]


def test_a_call_notifying_before_its_deadline_is_refused(world):
    draft = services.CallDraft(
        edition=world.call.edition,
        title="Wrong",
        regular_deadline=world.call.notification_on,
        notification_on=world.call.regular_deadline,
    )
    with pytest.raises(ValidationFailedError) as error:
        services.call_create(draft=draft, actor=world.director)
    assert error.value.errors == {
        "notification_on": ["The notification date must follow the last deadline."]
    }
    assert not Call.objects.filter(title="Wrong").exists()


def test_assignment_and_ratings(world, submission):
    services.assignment_add(
        submission=submission, member_id=world.juror_member.pk, actor=world.programmer
    )
    submission.refresh_from_db()
    assert submission.status == RunStatus.IN_CONSIDERATION
    review = services.review_save(
        submission=submission, rating=4, notes="Tender.", actor=world.juror
    )
    assert (review.rating, review.notes) == (4, "Tender.")
    with pytest.raises(ValidationFailedError):
        services.review_save(submission=submission, rating=6, notes="", actor=world.juror)
    assert Review.objects.get(pk=review.pk).rating == 4
    with pytest.raises(ObjectNotFoundError):
        services.review_save(submission=submission, rating=1, notes="", actor=world.owner)
    with pytest.raises(PermissionDeniedError):
        services.assignment_add(
            submission=submission, member_id=world.juror_member.pk, actor=world.juror
        )


def test_a_selection_with_an_award_is_published_as_a_confirmed_entry(world, submission):
    decided = services.submission_decide(
        submission=submission,
        decision=services.Decision(
            selected=True,
            section_id=world.section.pk,
            award_id=world.award.pk,
            result=EntryResult.WON,
        ),
        actor=world.director,
    )
    entry = Entry.objects.get(film=world.film)
    assert decided.status == RunStatus.AWARDED
    assert decided.entry == entry
    assert (entry.edition, entry.section, entry.award) == (
        world.call.edition,
        world.section,
        world.award,
    )
    assert entry.result == EntryResult.WON
    assert entry.evidence == EntryEvidence.CONFIRMED
    assert entry.confirmed_at is not None
    assert ChangeRecord.objects.filter(object_id=world.film.pk, section="festivals").count() == 2


def test_a_claimed_entry_for_the_same_result_becomes_confirmed(world, submission):
    claimed = EntryFactory(
        film=world.film, edition=world.call.edition, section=world.section, result="selected"
    )
    services.submission_decide(
        submission=submission,
        decision=services.Decision(selected=True, section_id=world.section.pk),
        actor=world.programmer,
    )
    claimed.refresh_from_db()
    assert claimed.evidence == EntryEvidence.CONFIRMED
    assert Entry.objects.filter(film=world.film).count() == 1


def test_an_award_with_a_plain_selection_is_refused(world, submission):
    with pytest.raises(ValidationFailedError) as error:
        services.submission_decide(
            submission=submission,
            decision=services.Decision(
                selected=True, section_id=world.section.pk, award_id=world.award.pk
            ),
            actor=world.director,
        )
    assert error.value.errors == {"result": ["An award goes with a win or a special mention."]}
    assert not Entry.objects.filter(film=world.film).exists()


def test_a_juror_may_not_decide(world, submission):
    with pytest.raises(PermissionDeniedError):
        services.submission_decide(
            submission=submission,
            decision=services.Decision(selected=True, section_id=world.section.pk),
            actor=world.juror,
        )
    assert not Entry.objects.exists()


def test_notifications_go_once_in_the_filmmakers_language(world, submission):
    services.submission_decide(
        submission=submission,
        decision=services.Decision(selected=True, section_id=world.section.pk),
        actor=world.director,
    )
    festival = world.call.edition.festival
    assert services.submissions_notify(festival=festival, actor=world.director) == 1
    assert services.submissions_notify(festival=festival, actor=world.director) == 0
    [message] = mail.outbox
    assert message.to == [world.owner.email]
    assert message.subject == "您提交给 Shorts 2027 的作品"
    assert "入选 Short Competition" in message.body


def test_the_account_language_wins_over_the_language_submitted_in(world, submission):
    from filmfolio.accounts.language import user_language_set

    # submitted in Chinese (the fixture), the account now keeps English
    assert user_language_set(user=world.owner, language="en") is True
    services.submission_decide(
        submission=submission,
        decision=services.Decision(selected=False),
        actor=world.director,
    )
    festival = world.call.edition.festival
    assert services.submissions_notify(festival=festival, actor=world.director) == 1
    assert mail.outbox[0].subject == "Your submission to Shorts 2027"
