"""Factories of the festival run: entries at festival editions."""

from __future__ import annotations

import datetime

import factory

from filmfolio.circuit.choices import RunStatus
from filmfolio.circuit.models import RunEntry
from filmfolio.festivals.tests.factories import EditionFactory
from filmfolio.sharing.tests.factories import FilmFactory


class RunEntryFactory(factory.django.DjangoModelFactory[RunEntry]):
    """A planned entry with a deadline; trait ``world`` asks for a world premiere."""

    class Meta:
        model = RunEntry

    film = factory.SubFactory(FilmFactory)
    edition = factory.SubFactory(EditionFactory, year=2027)
    category = "Short films"
    deadline = datetime.date(2027, 1, 15)
    status = RunStatus.PLANNED

    class Params:
        world = factory.Trait(premiere="world")
