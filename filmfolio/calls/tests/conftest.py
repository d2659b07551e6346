"""A festival with its team, an open call with one category, and a filmmaker's film that
meets every rule of it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.calls.choices import MemberRole
from filmfolio.calls.models import Call, Category
from filmfolio.circuit.choices import Premiere
from filmfolio.festivals.tests.factories import AwardFactory, SectionFactory
from filmfolio.films.choices import CollaboratorRole, CountryRole
from filmfolio.films.models import FilmCountry
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import CallFactory, CategoryFactory, FestivalMemberFactory, days_from_today


@dataclass
class World:
    call: Call
    category: Category
    film: Any
    owner: Any
    director: Any
    programmer: Any
    juror: Any
    juror_member: Any
    section: Any
    award: Any


@pytest.fixture
def world(db) -> World:
    call: Any = CallFactory(
        title="Shorts 2027",
        early_deadline=days_from_today(-1),
        late_deadline=days_from_today(40),
        fee_currency="EUR",
    )
    festival = call.edition.festival
    category: Any = CategoryFactory(
        call=call,
        name="Short documentary",
        runtime_min_minutes=5,
        runtime_max_minutes=40,
        completed_after=datetime.date(2025, 1, 1),
        premiere_required=Premiere.NATIONAL,
        countries=["FR", "CN"],
        fee_early=Decimal("10.00"),
        fee_regular=Decimal("20.00"),
        fee_late=Decimal("35.00"),
    )
    film: Any = FilmFactory(
        title="River Notes",
        runtime_minutes=22,
        completion_date=datetime.date(2026, 3, 1),
        private=True,
    )
    FilmCountry.objects.create(film=film, country="FR", role=CountryRole.ORIGIN)
    owner = CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user
    juror_member = FestivalMemberFactory(festival=festival, role=MemberRole.JUROR)
    return World(
        call=call,
        category=category,
        film=film,
        owner=owner,
        director=FestivalMemberFactory(festival=festival, role=MemberRole.DIRECTOR).user,
        programmer=FestivalMemberFactory(festival=festival, role=MemberRole.PROGRAMMER).user,
        juror=juror_member.user,
        juror_member=juror_member,
        section=SectionFactory(edition=call.edition, name="Short Competition"),
        award=AwardFactory(festival=festival, name="Best Short Documentary"),
    )


@pytest.fixture
def stranger(db) -> Any:
    return UserFactory()
