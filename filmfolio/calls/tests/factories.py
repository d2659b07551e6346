"""Factories for festival members, calls, categories and submissions."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.calls.choices import Deadline, MemberRole
from filmfolio.calls.models import Call, Category, FestivalMember, Submission
from filmfolio.circuit.choices import NO_PREMIERE
from filmfolio.festivals.tests.factories import EditionFactory, FestivalFactory
from filmfolio.films.tests.factories import FilmFactory


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class FestivalMemberFactory(factory.django.DjangoModelFactory[FestivalMember]):
    class Meta:
        model = FestivalMember

    festival = factory.SubFactory(FestivalFactory)
    user = factory.SubFactory(UserFactory)
    role = MemberRole.PROGRAMMER


class CallFactory(factory.django.DjangoModelFactory[Call]):
    """An open call whose regular deadline is in 30 days, notifying in 60."""

    class Meta:
        model = Call

    edition = factory.SubFactory(EditionFactory, year=2027)
    slug = factory.Sequence(lambda n: f"call-{n:03d}")
    title = factory.Sequence(lambda n: f"Call {n:03d}")
    regular_deadline = factory.LazyFunction(lambda: days_from_today(30))
    notification_on = factory.LazyFunction(lambda: days_from_today(60))
    is_open = True


class CategoryFactory(factory.django.DjangoModelFactory[Category]):
    class Meta:
        model = Category

    call = factory.SubFactory(CallFactory)
    name = factory.Sequence(lambda n: f"Category {n}")


class SubmissionFactory(factory.django.DjangoModelFactory[Submission]):
    class Meta:
        model = Submission

    category = factory.SubFactory(CategoryFactory)
    film = factory.SubFactory(FilmFactory)
    premiere = NO_PREMIERE
    deadline = Deadline.REGULAR
    fee_currency = "EUR"
