"""Each test starts with an empty cache (the film page caches its rendered record); the studio's
tests share the owner of one film, Heron Lantern, and their signed-in browser."""

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from filmfolio.accounts.tests.factories import OrganisationFactory
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.tests.factories import (
    AwardFactory,
    EditionFactory,
    EntryFactory,
    FestivalFactory,
    SectionFactory,
)
from filmfolio.films.choices import (
    CollaboratorRole,
    ColorKind,
    CompanyRole,
    CountryRole,
    FilmKind,
    LanguageRole,
    LinkKind,
    TextKind,
    TitleKind,
)
from filmfolio.films.tests.factories import (
    CreditFactory,
    FilmCompanyFactory,
    FilmCountryFactory,
    FilmLanguageFactory,
    FilmLinkFactory,
    FilmTextFactory,
    TitleFactory,
    genre,
    role,
)
from filmfolio.films.tests.factories import (
    FilmFactory as FullFilmFactory,
)
from filmfolio.people.tests.factories import PersonBiographyFactory, PersonFactory
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def film_owner(title: str, slug: str) -> Any:
    """The owner (a collaborator) of a new private film from 2019."""
    film = FilmFactory(title=title, slug=slug, year=2019)
    return CollaboratorFactory(film=film, role=CollaboratorRole.OWNER)


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def heron_owner():
    """The owner of Heron Lantern (at /studio/films/heron/)."""
    return film_owner("Heron Lantern", "heron")


@pytest.fixture
def heron_client(heron_owner):
    """The browser of Heron Lantern's owner, signed in."""
    return signed_in(heron_owner.user)


@pytest.fixture
def film():
    """Out of Focus with every kind of fact the film page shows (public)."""
    film = FullFilmFactory.create(
        title="Out of Focus",
        slug="out-of-focus",
        year=2013,
        completion_date=datetime.date(2013, 11, 1),
        kind=FilmKind.DOCUMENTARY,
        runtime_minutes=88,
        budget_amount=Decimal("347000"),
        budget_currency="USD",
        shooting_format="HD",
        sound="Stereo",
        aspect_ratio="1.85 : 1",
        color=ColorKind.COLOR,
        is_first_time_filmmaker=True,
        is_student_project=False,
    )
    film.genres.add(genre("documentary"))
    TitleFactory(film=film, text="焦点之外", kind=TitleKind.ORIGINAL, language="zh-Hans")
    FilmCountryFactory(film=film, country="CN", role=CountryRole.ORIGIN)
    FilmCountryFactory(film=film, country="FR", role=CountryRole.FILMING)
    FilmLanguageFactory(film=film, language="zh", label="Chinese Dialect")
    FilmLanguageFactory(film=film, language="en", role=LanguageRole.SUBTITLE)
    FilmTextFactory(film=film, kind=TextKind.SYNOPSIS, language="en", body="Children of Wuhan.")
    FilmTextFactory(film=film, kind=TextKind.SYNOPSIS, language="zh-Hans", body="武汉的孩子。")
    FilmTextFactory(film=film, kind=TextKind.LOGLINE, language="en", body="Cameras for kids.")
    FilmTextFactory(film=film, kind=TextKind.STATEMENT, language="en", body="I gave them cameras.")
    FilmLinkFactory(film=film, kind=LinkKind.SHOOTING_ALBUM, url="https://photos.example.org/a")
    FilmCompanyFactory(
        film=film,
        organisation=OrganisationFactory.create(name="Burn The Film Production House"),
        role=CompanyRole.PRODUCTION,
    )
    zhu = PersonFactory.create(display_name="Shengze Zhu", slug="shengze-zhu")
    PersonBiographyFactory(person=zhu, language="en", body="Born in Wuhan.")
    yang = PersonFactory.create(display_name="Zhengfan Yang", slug="zhengfan-yang")
    CreditFactory(film=film, person=zhu, role=role("director"))
    CreditFactory(film=film, person=yang, role=role("producer"))
    CreditFactory(film=film, person=zhu, role=role("producer"))
    CreditFactory(
        film=film,
        person=None,
        role=role("sound-mix"),
        credited_as="Sound Mixing",
        description="Mixed in Paris.",
    )
    reel = FestivalFactory.create(name="Cinéma du Réel", slug="cinema-du-reel")
    edition = EditionFactory.create(festival=reel, number=36, year=2014)
    EntryFactory(
        film=film,
        edition=edition,
        section=SectionFactory(edition=edition, name="International First Films Competition"),
        result=EntryResult.SELECTED,
        date=datetime.date(2014, 3, 21),
    )
    horse = FestivalFactory.create(name="Golden Horse Awards", slug="golden-horse")
    EntryFactory(
        film=film,
        edition=EditionFactory.create(festival=horse, number=49, year=None),
        award=AwardFactory(festival=horse, name="Best Short Film"),
        result=EntryResult.WON,
    )
    return film
