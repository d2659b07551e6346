"""Premiere conditions: a pending entry asking for a premiere makes the film's publication, a new
screener link and an earlier screening wait for a confirmation; nothing changes before it."""

from __future__ import annotations

import datetime

import pytest

from filmfolio.circuit import services
from filmfolio.circuit.choices import RunStatus
from filmfolio.festivals.tests.factories import EditionFactory
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.hooks import ExposureNotConfirmedError
from filmfolio.films.models import Film
from filmfolio.films.services.visibility import film_set_visibility
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.services import screener_link_create
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import RunEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER)


def _world(owner, **values):
    edition = EditionFactory(number=1, year=2027, festival__name="Festival A")
    return RunEntryFactory(film=owner.film, edition=edition, premiere="world", **values)


def test_making_the_film_public_waits_for_a_confirmation(owner):
    _world(owner, status=RunStatus.SUBMITTED)
    with pytest.raises(ExposureNotConfirmedError) as refused:
        film_set_visibility(film=owner.film, actor=owner.user, visibility=Visibility.PUBLIC)
    assert refused.value.warnings == [
        "1st (2027) Festival A expects a World premiere: a public film has premiered online."
    ]
    assert Film.objects.get(pk=owner.film.pk).visibility == Visibility.PRIVATE
    film_set_visibility(
        film=owner.film, actor=owner.user, visibility=Visibility.PUBLIC, confirmed=True
    )
    assert Film.objects.get(pk=owner.film.pk).visibility == Visibility.PUBLIC


def test_no_warning_once_the_festival_said_no(owner):
    _world(owner, status=RunStatus.NOT_SELECTED)
    film_set_visibility(film=owner.film, actor=owner.user, visibility=Visibility.PUBLIC)
    assert Film.objects.get(pk=owner.film.pk).visibility == Visibility.PUBLIC


def test_a_screener_link_waits_for_a_confirmation(owner):
    _world(owner)
    with pytest.raises(ExposureNotConfirmedError) as refused:
        screener_link_create(film=owner.film, actor=owner.user, recipient="A distributor")
    assert refused.value.errors["confirmed"][0].endswith(
        "a screener link outside the festival may count as an earlier showing."
    )
    assert ScreenerLink.objects.count() == 0
    screener_link_create(
        film=owner.film, actor=owner.user, recipient="A distributor", confirmed=True
    )
    assert ScreenerLink.objects.count() == 1


def test_an_earlier_screening_in_the_territory_waits_for_a_confirmation(owner):
    later = EditionFactory(
        festival__name="Paris Fest", festival__country="FR", starts_on=datetime.date(2027, 9, 1)
    )
    RunEntryFactory(film=owner.film, edition=later, premiere="national", premiere_territory="FR")
    earlier = EditionFactory(
        number=3,
        year=2027,
        festival__name="Lyon Fest",
        festival__country="FR",
        starts_on=datetime.date(2027, 5, 1),
    )
    entry = RunEntryFactory(film=owner.film, edition=earlier, status=RunStatus.SUBMITTED)
    with pytest.raises(ExposureNotConfirmedError) as refused:
        services.run_entry_set_status(entry=entry, actor=owner.user, status=RunStatus.SELECTED)
    assert refused.value.warnings == [
        f"{later} expects a National premiere (FR): 3rd (2027) Lyon Fest would screen the film "
        "before it."
    ]
    entry.refresh_from_db()
    assert entry.status == RunStatus.SUBMITTED
    services.run_entry_set_status(
        entry=entry, actor=owner.user, status=RunStatus.SELECTED, confirmed=True
    )
    entry.refresh_from_db()
    assert entry.status == RunStatus.SELECTED


def test_a_screening_in_another_territory_breaks_no_national_premiere(owner):
    later = EditionFactory(festival__country="FR", starts_on=datetime.date(2027, 9, 1))
    RunEntryFactory(film=owner.film, edition=later, premiere="national", premiere_territory="FR")
    earlier = EditionFactory(festival__country="DE", starts_on=datetime.date(2027, 5, 1))
    entry = RunEntryFactory(film=owner.film, edition=earlier, status=RunStatus.SUBMITTED)
    services.run_entry_set_status(entry=entry, actor=owner.user, status=RunStatus.SELECTED)
    entry.refresh_from_db()
    assert entry.status == RunStatus.SELECTED
