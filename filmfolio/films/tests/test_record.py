"""The read model of a film (``films.record``): one prefetch plan, facts computed once."""

from __future__ import annotations

import pytest

from filmfolio.festivals.tests.factories import EditionFactory, EntryFactory, FestivalFactory
from filmfolio.films.choices import CompanyRole, CountryRole, LanguageRole, TextKind
from filmfolio.films.models import Film
from filmfolio.films.selectors import film_record_for, film_records
from filmfolio.films.tests.factories import (
    CreditFactory,
    FilmCompanyFactory,
    FilmCountryFactory,
    FilmFactory,
    FilmLanguageFactory,
    FilmTextFactory,
    TitleFactory,
    role,
)
from filmfolio.people.tests.factories import PersonBiographyFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_directors_are_the_people_of_the_direction_credits_each_once():
    film = FilmFactory.create()
    ana = PersonFactory.create(display_name="Ana")
    bo = PersonFactory.create(display_name="Bo")
    CreditFactory.create(film=film, person=ana, role=role("director"), position=1)
    CreditFactory.create(film=film, person=bo, role=role("co-director"), position=2)
    CreditFactory.create(film=film, person=ana, role=role("co-director"), position=3)
    CreditFactory.create(film=film, person=PersonFactory.create(), role=role("producer"))
    CreditFactory.create(film=film, person=None, role=role("director"), position=4)
    record = film_record_for(film)
    assert [p.display_name for p in record.directors] == ["Ana", "Bo"]
    assert [(c.person.display_name, c.role.code) for c in record.director_credits] == [
        ("Ana", "director"),
        ("Bo", "co-director"),
        ("Ana", "co-director"),
    ]


def test_entries_in_their_stored_order_and_by_festival():
    film = FilmFactory.create()
    zurich = FestivalFactory.create(name="Zurich")
    aarhus = FestivalFactory.create(name="Aarhus")
    EntryFactory.create(film=film, edition=EditionFactory.create(festival=zurich, year=2020))
    EntryFactory.create(film=film, edition=EditionFactory.create(festival=aarhus, year=2019))
    EntryFactory.create(film=film, edition=EditionFactory.create(festival=zurich, year=2021))
    record = film_record_for(film)
    stored = [(e.edition.festival.name, e.edition.year) for e in record.festival_entries]
    assert stored == [("Zurich", 2021), ("Zurich", 2020), ("Aarhus", 2019)]
    grouped = [
        (group.key.name, [e.edition.year for e in group.items])
        for group in record.entries_by_festival
    ]
    assert grouped == [("Aarhus", [2019]), ("Zurich", [2021, 2020])]


def test_facts_by_role_and_texts_by_language():
    film = FilmFactory.create(title="Open Water")
    TitleFactory.create(film=film, text="Open Water", kind="english", language="en")
    TitleFactory.create(film=film, text="开阔水域", kind="original", language="zh-Hans")
    FilmCountryFactory.create(film=film, country="CN", role=CountryRole.ORIGIN)
    FilmCountryFactory.create(film=film, country="FR", role=CountryRole.FILMING)
    FilmLanguageFactory.create(film=film, language="zh", role=LanguageRole.ORIGINAL)
    FilmLanguageFactory.create(film=film, language="en", role=LanguageRole.SUBTITLE)
    production = FilmCompanyFactory.create(film=film, role=CompanyRole.PRODUCTION)
    sales = FilmCompanyFactory.create(film=film, role=CompanyRole.SALES)
    FilmTextFactory.create(film=film, kind=TextKind.SYNOPSIS, language="en", body="Sea.")
    FilmTextFactory.create(film=film, kind=TextKind.SYNOPSIS, language="zh-Hans", body="海。")
    record = film_record_for(film)
    assert [t.text for t in record.other_titles] == ["开阔水域"]
    assert [c.country for c in record.origin_countries] == ["CN"]
    assert [c.country for c in record.filming_countries] == ["FR"]
    assert [x.language for x in record.spoken_languages] == ["zh"]
    assert [x.language for x in record.subtitles] == ["en"]
    assert record.production_companies == [production]
    assert record.other_companies == [sales]
    assert record.text(TextKind.SYNOPSIS, "zh-hans").body == "海。"
    assert record.text(TextKind.SYNOPSIS, "en").body == "Sea."
    assert record.description("fr") == "Sea."
    assert record.title == "Open Water"  # the film's own fields read through the record


def test_one_query_per_relation_whatever_the_number_of_films(django_assert_num_queries):
    for _film in range(3):
        film = FilmFactory.create()
        for _ in range(4):
            person = PersonFactory.create()
            PersonBiographyFactory.create(person=person)
            CreditFactory.create(film=film, person=person, role=role("director"))
        EntryFactory.create(film=film)
        EntryFactory.create(film=film, won=True)
    # films; titles, genres, countries, languages, texts, links, companies, credits, the
    # credited people's names, their biographies, festival entries
    with django_assert_num_queries(12):
        records = list(film_records(Film.objects.order_by("pk")))
        for record in records:
            assert len(record.directors) == 4
            assert len(record.director_biographies("en")) == 4
            assert len(record.entries_by_festival) == 2
    assert len(records) == 3
