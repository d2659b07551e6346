"""schema.org JSON-LD of films: exact documents, the role pattern, safe embedding."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from filmfolio.accounts.tests.factories import OrganisationFactory
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.models import Entry
from filmfolio.festivals.tests.factories import AwardFactory, EditionFactory, EntryFactory
from filmfolio.films.access import Viewer
from filmfolio.films.choices import CompanyRole, CountryRole, LanguageRole, TextKind, TitleKind
from filmfolio.films.models import Film
from filmfolio.films.selectors import film_access_for, film_record_for
from filmfolio.films.tests.factories import (
    CreditFactory,
    FilmCompanyFactory,
    FilmCountryFactory,
    FilmFactory,
    FilmLanguageFactory,
    FilmTextFactory,
    TitleFactory,
    genre,
    role,
)
from filmfolio.people.tests.factories import PersonFactory
from filmfolio.presskit.jsonld import film_jsonld
from filmfolio.web.tests.pagetext import jsonld_of

pytestmark = pytest.mark.django_db
SITE = settings.SITE_URL


@pytest.fixture
def film():
    film = FilmFactory.create(
        title="Out of Focus",
        slug="out-of-focus",
        year=2013,
        completion_date=datetime.date(2013, 11, 1),
        runtime_minutes=88,
        budget_amount=Decimal("1000"),
        budget_currency="USD",
    )
    film.genres.add(genre("documentary"))
    TitleFactory(film=film, text="Out of Focus", kind=TitleKind.ENGLISH, language="en")
    TitleFactory(film=film, text="虚焦", kind=TitleKind.ORIGINAL, language="zh-Hans")
    FilmCountryFactory(film=film, country="CN", role=CountryRole.ORIGIN)
    FilmCountryFactory(film=film, country="FR", role=CountryRole.FILMING)
    FilmLanguageFactory(film=film, language="zh", label="Chinese Dialect")
    FilmLanguageFactory(film=film, language="en", role=LanguageRole.SUBTITLE)
    FilmTextFactory(film=film, kind=TextKind.SYNOPSIS, language="en", body="Children film Wuhan.")
    FilmCompanyFactory(
        film=film,
        organisation=OrganisationFactory.create(
            name="Burn The Film", website="https://burn.example/"
        ),
        role=CompanyRole.PRODUCTION,
    )
    FilmCompanyFactory(film=film, role=CompanyRole.DISTRIBUTION)
    zhu = PersonFactory.create(display_name="Shengze Zhu", slug="shengze-zhu")
    yang = PersonFactory.create(display_name="Zhengfan Yang", slug="zhengfan-yang")
    CreditFactory(film=film, person=zhu, role=role("director"))
    CreditFactory(film=film, person=yang, role=role("producer"), credited_as="Producer")
    CreditFactory(film=film, person=yang, role=role("co-director"))
    CreditFactory(
        film=film,
        person=PersonFactory.create(display_name="Li Ming", slug="li-ming"),
        role=role("cast"),
        character="The teacher",
    )
    CreditFactory(film=film, person=None, role=role("sound-mix"))
    edition = EditionFactory.create(
        festival__name="Golden Horse Awards", festival__slug="golden-horse", number=49, year=None
    )
    EntryFactory(
        film=film,
        edition=edition,
        award=AwardFactory(festival=edition.festival, name="Best Short Film"),
        result=EntryResult.WON,
        evidence="confirmed",
    )
    EntryFactory(
        film=film,
        edition=EditionFactory.create(
            festival__name="Cinéma du Réel", festival__slug="cinema-du-reel", number=36
        ),
    )
    return film


def test_film_jsonld_exact(film) -> None:
    found = film_access_for(Viewer.anonymous(), "out-of-focus")
    assert found is not None
    record = film_record_for(found[0])
    with translation.override("zh-hans"):
        data = film_jsonld(record)
    person = {"@type": "Person"}
    assert data == {
        "@context": "https://schema.org",
        "@type": "Movie",
        "@id": f"{SITE}/films/out-of-focus/",
        "name": "Out of Focus",
        "url": f"{SITE}/films/out-of-focus/",
        "alternateName": ["虚焦"],
        "dateCreated": "2013-11-01",
        "datePublished": "2013",
        "description": "Children film Wuhan.",
        "genre": ["Documentary"],
        "duration": "PT88M",
        "countryOfOrigin": [{"@type": "Country", "name": "China"}],
        "inLanguage": [{"@type": "Language", "name": "Chinese Dialect", "alternateName": "zh"}],
        "subtitleLanguage": [{"@type": "Language", "name": "English", "alternateName": "en"}],
        "award": ["Best Short Film — 49th Golden Horse Awards"],
        "productionCompany": [
            {"@type": "Organization", "name": "Burn The Film", "url": "https://burn.example/"}
        ],
        "director": [
            {**person, "name": "Shengze Zhu", "url": f"{SITE}/people/shengze-zhu/"},
            {
                "@type": "Role",
                "roleName": "Co-director",
                "director": {
                    **person,
                    "name": "Zhengfan Yang",
                    "url": f"{SITE}/people/zhengfan-yang/",
                },
            },
        ],
        "actor": [
            {
                "@type": "PerformanceRole",
                "roleName": "Cast",
                "characterName": "The teacher",
                "actor": {**person, "name": "Li Ming", "url": f"{SITE}/people/li-ming/"},
            }
        ],
        "contributor": [
            {
                "@type": "Role",
                "roleName": "Producer",
                "contributor": {
                    **person,
                    "name": "Zhengfan Yang",
                    "url": f"{SITE}/people/zhengfan-yang/",
                },
            }
        ],
        "subjectOf": [
            {
                "@type": "ScreeningEvent",
                "name": "36th (2014) Cinéma du Réel",
                "superEvent": {
                    "@type": "Festival",
                    "name": "Cinéma du Réel",
                    "url": f"{SITE}/festivals/cinema-du-reel/",
                },
                "workPresented": {"@id": f"{SITE}/films/out-of-focus/"},
            },
            {
                "@type": "ScreeningEvent",
                "name": "49th Golden Horse Awards",
                "superEvent": {
                    "@type": "Festival",
                    "name": "Golden Horse Awards",
                    "url": f"{SITE}/festivals/golden-horse/",
                },
                "workPresented": {"@id": f"{SITE}/films/out-of-focus/"},
            },
        ],
    }


def test_film_jsonld_cannot_break_out_of_the_script_element(client: Client) -> None:
    FilmFactory.create(title="</script><script>alert(1)</script> & <!--", slug="evil")
    response = client.get("/films/evil/")
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    # Every script element closes once: the JSON-LD one and the page's two script files (search
    # suggestions, the press kit's links), no more.
    assert html.count("</script>") == html.count("<script") == 3
    assert jsonld_of(response)["name"] == "</script><script>alert(1)</script> & <!--"


def test_jsonld_keeps_chinese_unescaped(client: Client) -> None:
    FilmFactory.create(title="虚焦", slug="xu-jiao")
    html = client.get("/films/xu-jiao/").content.decode()
    assert '"name": "虚焦"' in html


def test_no_jsonld_for_films_the_viewer_may_not_see(client: Client) -> None:
    FilmFactory.create(title="Private", slug="private-film", private=True)
    FilmFactory.create(title="Locked", slug="locked-film", password=True)
    assert "ld+json" not in client.get("/films/private-film/").content.decode()
    assert "ld+json" not in client.get("/films/locked-film/").content.decode()


def test_a_claimed_award_is_not_published_as_an_award(film) -> None:
    """An award only the filmmaker claims stays out of ``award`` (docs/festivals.md); once a
    source backs it, it is published."""
    mill = EditionFactory.create(
        festival__name="Award Mill", festival__slug="mill", number=None, year=2020
    )
    claimed = EntryFactory.create(
        film=film,
        edition=mill,
        award=AwardFactory(festival=mill.festival, name="Best Film"),
        result=EntryResult.WON,
    )
    data = film_jsonld(film_record_for(film))
    assert data["award"] == ["Best Short Film — 49th Golden Horse Awards"]
    Entry.objects.filter(pk=claimed.pk).update(
        evidence="sourced",
        evidence_url="https://mill.example/winners",
        evidence_checked_on=datetime.date(2024, 5, 3),
    )
    data = film_jsonld(film_record_for(Film.objects.get(pk=film.pk)))
    assert data["award"] == [
        "Best Film — 2020 Award Mill",
        "Best Short Film — 49th Golden Horse Awards",
    ]
