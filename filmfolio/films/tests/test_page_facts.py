"""What the film page shows of a record (``films.page_facts``), in English and Chinese."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.tests.factories import (
    AwardFactory,
    EditionFactory,
    EntryFactory,
    FestivalFactory,
)
from filmfolio.films import page_facts
from filmfolio.films.choices import FilmKind, LinkKind, TitleKind
from filmfolio.films.selectors import film_record_for
from filmfolio.films.tests.factories import (
    CreditFactory,
    FilmFactory,
    FilmLanguageFactory,
    FilmLinkFactory,
    TitleFactory,
    role,
)
from filmfolio.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "minutes", "english", "chinese"),
    [
        (FilmKind.DOCUMENTARY, 100, "Documentary, feature", "纪录片，长片"),
        (FilmKind.DOCUMENTARY, 40, "Documentary, feature", "纪录片，长片"),
        (FilmKind.DOCUMENTARY, 39, "Documentary, short", "纪录片，短片"),
        (FilmKind.DOCUMENTARY, None, "Documentary", "纪录片"),
        (FilmKind.FEATURE, 100, "Feature", "长片"),
        (FilmKind.SHORT, None, "Short", "短片"),
        ("", 90, "", ""),
    ],
)
def test_kind_and_form(kind: str, minutes: int | None, english: str, chinese: str) -> None:
    film = FilmFactory.build(kind=kind, runtime_minutes=minutes)
    with translation.override("en"):
        assert page_facts.kind_and_form(film) == english
    with translation.override("zh-hans"):
        assert page_facts.kind_and_form(film) == chinese


@pytest.mark.parametrize(
    ("amount", "currency", "stated", "expected"),
    [
        (Decimal("347000"), "USD", "347,000 USD", page_facts.Budget("347,000", "USD", "")),
        (Decimal("100000"), "", "гд100,000", page_facts.Budget("100,000", "", "гд100,000")),
        (None, "", "about a million", page_facts.Budget("", "", "about a million")),
        (Decimal("1500.50"), "EUR", "", page_facts.Budget("1,500.50", "EUR", "")),
    ],
)
def test_budget_as_the_source_gave_it(amount, currency, stated, expected) -> None:
    film = FilmFactory.build(
        budget_amount=amount, budget_currency=currency, budget_as_stated=stated
    )
    with translation.override("en"):
        assert page_facts.budget_of(film) == expected
    assert expected.currency_unknown is (bool(amount) and not currency)


def test_no_budget_is_none() -> None:
    assert page_facts.budget_of(FilmFactory.build(budget_amount=None, budget_as_stated="")) is None


def test_chinese_title_leads_in_chinese() -> None:
    film = FilmFactory.create(title="Out of Focus")
    TitleFactory(film=film, text="Out of Focus", kind=TitleKind.ENGLISH, language="en")
    TitleFactory(film=film, text="虚焦", kind=TitleKind.ORIGINAL, language="zh-Hans")
    TitleFactory(film=film, text="Xu Jiao", kind=TitleKind.ROMANISED, language="zh-Latn")
    record = film_record_for(film)
    with translation.override("en"):
        heading = page_facts.heading_for(record)
        assert heading == page_facts.Heading("Out of Focus", "en", "虚焦", "zh-Hans")
        assert [t.text for t in page_facts.other_titles(record, heading)] == ["Xu Jiao"]
    with translation.override("zh-hans"):
        heading = page_facts.heading_for(record)
        assert heading == page_facts.Heading("虚焦", "zh-Hans", "Out of Focus", "en")


def test_a_film_with_one_title_has_nothing_beside_it() -> None:
    film = FilmFactory.create(title="When we meet under the same sky")
    with translation.override("zh-hans"):
        heading = page_facts.heading_for(film_record_for(film))
    assert heading == page_facts.Heading("When we meet under the same sky", "", "", "")


def test_one_line_facts_and_vocabulary_in_chinese() -> None:
    film = FilmFactory.create(year=2013, kind=FilmKind.DOCUMENTARY, runtime_minutes=88)
    FilmLanguageFactory(film=film, language="zh", label="Chinese Dialect")
    FilmLanguageFactory(film=film, language="yue", label="Teochew")
    record = film_record_for(film)
    with translation.override("en"):
        assert page_facts.one_line_facts(record) == [
            "2013",
            "88 min",
            "Documentary, feature",
            "Chinese Dialect, Teochew",
        ]
    with translation.override("zh-hans"):
        assert page_facts.one_line_facts(record)[-1] == "汉语方言, Teochew"
        assert page_facts.in_active_language("Stereo") == "立体声"
        assert page_facts.in_active_language("Dolby Atmos 7.1.4") == "Dolby Atmos 7.1.4"


def test_texts_in_another_language_are_labelled() -> None:
    with translation.override("zh-hans"):
        assert page_facts.is_other_language("en") is True
        assert page_facts.is_other_language("zh-Hans") is False
        assert page_facts.is_other_language("zh-Hant") is False
    with translation.override("en"):
        assert page_facts.is_other_language("en-GB") is False
        assert page_facts.is_other_language("") is False


def test_laurels_awards_first_and_festivals_by_year() -> None:
    film = FilmFactory.create()
    reel = FestivalFactory.create(name="Cinéma du Réel")
    horse = FestivalFactory.create(name="Golden Horse Awards")
    selected = EntryFactory.create(
        film=film,
        edition=EditionFactory.create(festival=reel, number=36, year=2014),
        result=EntryResult.SELECTED,
        date=datetime.date(2014, 3, 21),
    )
    won = EntryFactory.create(
        film=film,
        edition=EditionFactory.create(festival=horse, number=49, year=2012),
        award=AwardFactory(festival=horse, name="Best Short Film"),
        result=EntryResult.WON,
    )
    record = film_record_for(film)
    assert [e.pk for e in page_facts.laurels(record)] == [won.pk, selected.pk]
    groups = page_facts.entries_by_year(record)
    assert [(g.key, [e.pk for e in g.items]) for g in groups] == [
        (2014, [selected.pk]),
        (2012, [won.pk]),
    ]


def test_credits_by_department_keep_a_role_without_a_person() -> None:
    film = FilmFactory.create()
    zhang = PersonFactory.create(display_name="Zhang Siqing")
    CreditFactory(film=film, person=None, role=role("post-production"))
    CreditFactory(film=film, person=zhang, role=role("director"))
    with translation.override("en"):
        departments = page_facts.credits_by_department(film_record_for(film))
        shown = [
            (str(d.key), [(g.key.name, [c.person for c in g.items]) for g in d.items])
            for d in departments
        ]
    assert shown == [
        ("Direction", [("Director", [zhang])]),
        ("Post-production", [("Post-production", [None])]),
    ]


def test_links_by_place() -> None:
    film = FilmFactory.create()
    site = FilmLinkFactory(film=film, kind=LinkKind.OFFICIAL_SITE, url="https://a.example.org/")
    full = FilmLinkFactory(film=film, kind=LinkKind.FULL_VERSION, url="https://v.example.org/")
    album = FilmLinkFactory(film=film, kind=LinkKind.SHOOTING_ALBUM, url="https://p.example.org/")
    links = page_facts.links_by_place(film_record_for(film))
    assert links == page_facts.Links(watch=(full,), albums=(album,), others=(site,))


def test_the_header_shows_six_laurels_at_most() -> None:
    film = FilmFactory.create()
    festival = FestivalFactory.create(name="Visions du Réel")
    entries = [
        EntryFactory(
            film=film,
            edition=EditionFactory.create(festival=festival, number=n, year=2000 + n),
            result=EntryResult.SELECTED,
        )
        for n in range(1, 9)
    ]
    record = film_record_for(film)
    assert len(page_facts.laurels(record)) == page_facts.LAUREL_LIMIT == 6
    assert len(page_facts.entries_by_year(record)) == len(entries) == 8
