"""The festival run's services: entries added with their screener link, statuses moved only
along the allowed transitions, bad input refused with nothing changed, change records written,
selected entries shown on the film's public record."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from filmfolio.circuit import services
from filmfolio.circuit.choices import RunStatus
from filmfolio.circuit.models import RunEntry
from filmfolio.core.audit import changes_for
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.festivals.choices import EntryEvidence, EntryResult
from filmfolio.festivals.models import Edition, Entry, Festival
from filmfolio.festivals.tests.factories import FestivalFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import RunEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER)


def _draft(**values):
    base = {"festival": "reel", "year": 2027, "number": 49, "category": "Short films"}
    return services.RunEntryDraft(**{**base, **values})


def test_an_entry_is_added_with_its_screener_link(owner):
    FestivalFactory(name="Cinéma du Réel", slug="reel")
    notified = timezone.localdate() + datetime.timedelta(days=30)
    entry, token = services.run_entry_add(
        film=owner.film,
        actor=owner.user,
        draft=_draft(
            deadline=datetime.date(2030, 1, 15),
            fee_amount=Decimal("45.00"),
            fee_currency="eur",
            notification_on=notified,
            make_screener=True,
        ),
    )
    entry.refresh_from_db()
    assert (entry.edition.festival.slug, entry.edition.number, entry.fee_currency) == (
        "reel",
        49,
        "EUR",
    )
    assert entry.status == RunStatus.PLANNED
    link = ScreenerLink.objects.get(film=owner.film)
    assert entry.screener_link == link
    assert link.recipient == "49th (2027) Cinéma du Réel"
    day_after = notified + datetime.timedelta(days=2)
    assert timezone.localtime(link.expires_at).date() == day_after
    assert len(token) == 43
    record = changes_for(entry).get()
    assert (record.action, record.actor, record.changes["fee_amount"]["new"]) == (
        "create",
        owner.user,
        "45.00",
    )


def test_a_new_festival_is_made_through_the_festival_services(owner):
    entry, token = services.run_entry_add(
        film=owner.film,
        actor=owner.user,
        draft=_draft(festival=None, new_festival_name="Tiny Fest", number=None),
    )
    assert (entry.edition.festival.name, entry.edition.year, token) == ("Tiny Fest", 2027, "")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"fee_amount": Decimal("10"), "fee_currency": ""}, "fee_currency"),
        ({"fee_currency": "XYZ"}, "fee_currency"),
        ({"premiere": "national"}, "premiere_territory"),
        ({"premiere": "national", "premiere_territory": "QQ"}, "premiere_territory"),
        ({"status": "awarded-twice"}, "status"),
        ({"year": None, "number": None}, "year"),
    ],
)
def test_bad_input_is_refused_with_nothing_created(owner, values, field):
    FestivalFactory(name="Cinéma du Réel", slug="reel")
    with pytest.raises(ValidationFailedError) as refused:
        services.run_entry_add(film=owner.film, actor=owner.user, draft=_draft(**values))
    assert field in refused.value.errors
    assert RunEntry.objects.count() == 0
    assert Edition.objects.count() == 0


def test_a_viewer_may_not_add_and_an_editor_may_not_make_a_screener():
    viewer = CollaboratorFactory(role=CollaboratorRole.VIEWER)
    FestivalFactory(slug="reel")
    with pytest.raises(PermissionDeniedError):
        services.run_entry_add(film=viewer.film, actor=viewer.user, draft=_draft())
    editor = CollaboratorFactory(role=CollaboratorRole.EDITOR, film=viewer.film)
    with pytest.raises(PermissionDeniedError):
        services.run_entry_add(
            film=viewer.film, actor=editor.user, draft=_draft(make_screener=True)
        )
    assert RunEntry.objects.count() == 0
    assert ScreenerLink.objects.count() == 0


def test_statuses_move_only_along_the_allowed_transitions(owner):
    entry = RunEntryFactory(film=owner.film)
    services.run_entry_set_status(entry=entry, actor=owner.user, status=RunStatus.SUBMITTED)
    entry.refresh_from_db()
    assert (entry.status, entry.submitted_on) == (RunStatus.SUBMITTED, timezone.localdate())
    services.run_entry_set_status(entry=entry, actor=owner.user, status=RunStatus.NOT_SELECTED)
    with pytest.raises(ValidationFailedError) as refused:
        services.run_entry_set_status(entry=entry, actor=owner.user, status=RunStatus.AWARDED)
    assert refused.value.message == "An entry that is “Not selected” cannot become “Awarded”."
    entry.refresh_from_db()
    assert entry.status == RunStatus.NOT_SELECTED
    statuses = [r.changes["status"]["new"] for r in changes_for(entry)]
    assert statuses == ["not_selected", "submitted"]


def test_a_viewer_may_not_move_an_entry():
    viewer = CollaboratorFactory(role=CollaboratorRole.VIEWER)
    entry = RunEntryFactory(film=viewer.film)
    with pytest.raises(PermissionDeniedError):
        services.run_entry_set_status(entry=entry, actor=viewer.user, status="submitted")
    entry.refresh_from_db()
    assert entry.status == RunStatus.PLANNED
    assert changes_for(entry).count() == 0


def test_an_awarded_entry_becomes_the_films_public_record_and_leaves_it(owner):
    entry = RunEntryFactory(film=owner.film, status=RunStatus.AWARDED, category="Shorts")
    shown = services.PublicShown(category=True, award_name="Grand Prix")
    services.run_entry_publish(entry=entry, actor=owner.user, shown=shown)
    public = Entry.objects.get(film=owner.film)
    assert (public.result, public.award.name, public.section.name, public.evidence) == (
        EntryResult.WON,
        "Grand Prix",
        "Shorts",
        EntryEvidence.CLAIMED,
    )
    assert public.edition == entry.edition
    services.run_entry_unpublish(entry=entry, actor=owner.user)
    entry.refresh_from_db()
    assert entry.public_entry is None
    assert Entry.objects.count() == 0


def test_a_planned_entry_is_not_shown_publicly(owner):
    entry = RunEntryFactory(film=owner.film)
    with pytest.raises(ValidationFailedError):
        services.run_entry_publish(entry=entry, actor=owner.user, shown=services.PublicShown())
    assert Entry.objects.count() == 0
    assert Festival.objects.count() == 1
