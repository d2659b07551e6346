"""The festival page and the festivals index."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.test import Client

from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.tests.factories import (
    AwardFactory,
    EditionFactory,
    EntryFactory,
    FestivalFactory,
    SectionFactory,
)
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.web.tests.pagetext import jsonld_of, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def reel():
    festival = FestivalFactory.create(
        name="Cinéma du Réel",
        slug="cinema-du-reel",
        aliases=["Cinema du Reel"],
        city="Paris",
        country="FR",
        website="https://www.cinemadureel.org/",
    )
    edition = EditionFactory.create(
        festival=festival,
        number=36,
        year=2014,
        starts_on=datetime.date(2014, 3, 20),
        ends_on=datetime.date(2014, 3, 30),
        city="Paris",
    )
    first = SectionFactory(edition=edition, name="International First Films Competition")
    SectionFactory(edition=edition, name="French Competition")
    EntryFactory(
        film=FilmFactory.create(title="Out of Focus", year=2013),
        edition=edition,
        section=first,
        result=EntryResult.SELECTED,
    )
    EntryFactory(
        film=FilmFactory.create(title="Winner Film", year=2014),
        edition=edition,
        section=first,
        award=AwardFactory(festival=festival, name="Prix du Premier Film"),
        result=EntryResult.WON,
        date=datetime.date(2014, 3, 29),
    )
    EntryFactory(film=FilmFactory.create(title="Hidden Film", private=True), edition=edition)
    earlier = EditionFactory.create(festival=festival, number=35, year=2013)
    EntryFactory(film=FilmFactory.create(title="Earlier Film", year=2012), edition=earlier)
    # An edition and a section no listed film reaches: nobody sees them.
    EditionFactory.create(festival=festival, number=34, year=2012)
    return festival


def test_festival_page_shows_editions_sections_and_films(client: Client, reel) -> None:
    response = client.get("/festivals/cinema-du-reel/")
    assert response.status_code == 200
    text = text_of(response)
    for fact in [
        "Cinéma du Réel Also known as: Cinema du Reel Paris, France Website",
        "36th (2014) March 20, 2014 – March 30, 2014 · Paris",
        "Sections International First Films Competition Awards",
        # each card: the placeholder poster (title and year), title, year, award, result, section
        "Awards Winner Film 2014 Winner Film 2014 Prix du Premier Film Winner · March 29, 2014 "
        "International First Films Competition",
        "Selection Out of Focus 2013 Out of Focus 2013 Official selection "
        "International First Films Competition",
        "35th (2013) Selection Earlier Film 2012",
    ]:
        assert fact in text, f"{fact!r} not in {text!r}"
    assert "Hidden Film" not in text
    assert "French Competition" not in text
    assert "34th" not in text
    assert text.index("36th (2014)") < text.index("35th (2013)")


def test_festival_jsonld(client: Client, reel) -> None:
    data = jsonld_of(client.get("/festivals/cinema-du-reel/"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Festival",
        "name": "Cinéma du Réel",
        "url": f"{settings.SITE_URL}/festivals/cinema-du-reel/",
        "alternateName": ["Cinema du Reel"],
        "sameAs": ["https://www.cinemadureel.org/"],
        "location": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Paris",
                "addressCountry": "FR",
            },
        },
        "subEvent": [
            {
                "@type": "Festival",
                "name": "36th (2014) Cinéma du Réel",
                "startDate": "2014-03-20",
                "endDate": "2014-03-30",
                "location": {
                    "@type": "Place",
                    "address": {
                        "@type": "PostalAddress",
                        "addressLocality": "Paris",
                        "addressCountry": "FR",
                    },
                },
            },
            {
                "@type": "Festival",
                "name": "35th (2013) Cinéma du Réel",
                "location": {
                    "@type": "Place",
                    "address": {"@type": "PostalAddress", "addressCountry": "FR"},
                },
            },
        ],
    }


def test_festival_page_in_chinese(client: Client, reel) -> None:
    text = text_of(client.get("/festivals/cinema-du-reel/", HTTP_ACCEPT_LANGUAGE="zh-hans"))
    assert "2014年第36届" in text
    awards = "奖项 Winner Film 2014 Winner Film 2014 Prix du Premier Film 获奖 · 2014年3月29日"
    assert awards in text
    assert "入选 Out of Focus 2013 Out of Focus 2013 官方入选" in text


def test_unknown_festival_is_404(client: Client) -> None:
    assert client.get("/festivals/nothing/").status_code == 404


def test_festivals_index(client: Client, reel) -> None:
    EntryFactory(edition=EditionFactory(festival__name="Berlinale", festival__slug="berlinale"))
    FestivalFactory.create(name="Empty Days", slug="empty-days")
    text = text_of(client.get("/festivals/"))
    assert "Festivals Berlinale Cinéma du Réel France Filmfolio" in text


def test_festival_page_query_budget(client: Client, django_assert_max_num_queries) -> None:
    festival = FestivalFactory.create(slug="big")
    editions = [EditionFactory.create(festival=festival, year=2000 + n) for n in range(5)]
    for n in range(30):
        edition = editions[n % 5]
        EntryFactory(
            film=FilmFactory.create(), edition=edition, section=SectionFactory(edition=edition)
        )
        EntryFactory(film=FilmFactory.create(), edition=edition, won=True)
    with django_assert_max_num_queries(7):
        response = client.get("/festivals/big/")
    assert response.status_code == 200
    assert response.content.decode().count('class="film-card"') == 60


def test_festival_page_shows_the_entries_it_confirmed(client: Client, reel) -> None:
    from filmfolio.festivals.models import Entry

    Entry.objects.filter(film__title="Winner Film").update(evidence="confirmed")
    text = text_of(client.get("/festivals/cinema-du-reel/"))
    assert "The festival confirmed 1 of the 3 entries listed here through Filmfolio." in text
    assert (
        "Prix du Premier Film Winner · March 29, 2014 International First Films Competition "
        "Confirmed by the festival Selection Out of Focus 2013 Out of Focus 2013 "
        "Official selection International First Films Competition Claimed by the filmmaker"
    ) in text
    chinese = text_of(client.get("/festivals/cinema-du-reel/", HTTP_ACCEPT_LANGUAGE="zh-hans"))
    assert "此处列出的 3 个条目中，电影节已通过 Filmfolio 确认 1 个。" in chinese
    assert "获奖 · 2014年3月29日 International First Films Competition 电影节已确认" in chinese
