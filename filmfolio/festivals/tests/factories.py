"""Factories for festivals, editions, sections, awards and entries."""

from __future__ import annotations

import factory

from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.models import Award, Edition, Entry, Festival, Section
from filmfolio.films.tests.factories import FilmFactory


class FestivalFactory(factory.django.DjangoModelFactory[Festival]):
    class Meta:
        model = Festival

    name = factory.Sequence(lambda n: f"Festival {n:03d}")
    slug = factory.Sequence(lambda n: f"festival-{n:03d}")


class EditionFactory(factory.django.DjangoModelFactory[Edition]):
    class Meta:
        model = Edition

    festival = factory.SubFactory(FestivalFactory)
    number = factory.Sequence(lambda n: n + 1)
    year = 2014


class SectionFactory(factory.django.DjangoModelFactory[Section]):
    class Meta:
        model = Section

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Section {n}")


class AwardFactory(factory.django.DjangoModelFactory[Award]):
    class Meta:
        model = Award

    festival = factory.SubFactory(FestivalFactory)
    name = factory.Sequence(lambda n: f"Award {n}")


class EntryFactory(factory.django.DjangoModelFactory[Entry]):
    """A selection; trait ``won`` adds an award of the same festival."""

    class Meta:
        model = Entry

    film = factory.SubFactory(FilmFactory)
    edition = factory.SubFactory(EditionFactory)
    result = EntryResult.SELECTED

    class Params:
        won = factory.Trait(
            result=EntryResult.WON,
            award=factory.SubFactory(
                AwardFactory, festival=factory.SelfAttribute("..edition.festival")
            ),
        )
