"""Factories for films and their facts. Roles and genres come from the vocabulary migration."""

from __future__ import annotations

import factory

from filmfolio.accounts.tests.factories import OrganisationFactory
from filmfolio.films.choices import (
    CompanyRole,
    CountryRole,
    FilmKind,
    LanguageRole,
    LinkKind,
    TextKind,
    TitleKind,
    Visibility,
)
from filmfolio.films.models import (
    Credit,
    Film,
    FilmCompany,
    FilmCountry,
    FilmLanguage,
    FilmLink,
    FilmText,
    Genre,
    Role,
    Title,
)
from filmfolio.people.tests.factories import PersonFactory


def role(code: str) -> Role:
    """A role of the vocabulary by code ("director", "producer", "sound-mix")."""
    return Role.objects.get(code=code)


def genre(slug: str) -> Genre:
    """A genre of the vocabulary by slug."""
    return Genre.objects.get(slug=slug)


class FilmFactory(factory.django.DjangoModelFactory[Film]):
    """A public documentary; traits: ``private``, ``unlisted``, ``password``."""

    class Meta:
        model = Film

    title = factory.Sequence(lambda n: f"Film {n:04d}")
    slug = factory.Sequence(lambda n: f"film-{n:04d}")
    year = 2013
    kind = FilmKind.DOCUMENTARY
    visibility = Visibility.PUBLIC

    class Params:
        private = factory.Trait(visibility=Visibility.PRIVATE)
        unlisted = factory.Trait(visibility=Visibility.UNLISTED)
        password = factory.Trait(visibility=Visibility.PASSWORD)


class TitleFactory(factory.django.DjangoModelFactory[Title]):
    class Meta:
        model = Title

    film = factory.SubFactory(FilmFactory)
    text = factory.Sequence(lambda n: f"Title {n}")
    kind = TitleKind.ORIGINAL
    language = "zh-Hans"


class CreditFactory(factory.django.DjangoModelFactory[Credit]):
    """A credit; pass ``role=role("producer")`` for another role than director."""

    class Meta:
        model = Credit

    film = factory.SubFactory(FilmFactory)
    person = factory.SubFactory(PersonFactory)
    role = factory.LazyFunction(lambda: role("director"))
    position = factory.Sequence(lambda n: n)


class FilmCountryFactory(factory.django.DjangoModelFactory[FilmCountry]):
    class Meta:
        model = FilmCountry

    film = factory.SubFactory(FilmFactory)
    country = "CN"
    role = CountryRole.ORIGIN


class FilmLanguageFactory(factory.django.DjangoModelFactory[FilmLanguage]):
    class Meta:
        model = FilmLanguage

    film = factory.SubFactory(FilmFactory)
    language = "zh"
    role = LanguageRole.ORIGINAL


class FilmTextFactory(factory.django.DjangoModelFactory[FilmText]):
    class Meta:
        model = FilmText

    film = factory.SubFactory(FilmFactory)
    kind = TextKind.SYNOPSIS
    language = "en"
    body = factory.Sequence(lambda n: f"Synopsis {n}.")


class FilmLinkFactory(factory.django.DjangoModelFactory[FilmLink]):
    class Meta:
        model = FilmLink

    film = factory.SubFactory(FilmFactory)
    kind = LinkKind.FULL_VERSION
    url = factory.Sequence(lambda n: f"https://video.example.org/{n}")


class FilmCompanyFactory(factory.django.DjangoModelFactory[FilmCompany]):
    class Meta:
        model = FilmCompany

    film = factory.SubFactory(FilmFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = CompanyRole.PRODUCTION
