"""Search finds what people mean: texts with word forms, vocabularies in both languages, pinyin
of Chinese titles, a person's films by their roles, a festival's edition; and never a private
film's words. On whichever database the suite runs against."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from filmfolio.festivals.models import Award, Edition, Entry, Festival, Section
from filmfolio.films import services
from filmfolio.films.access import Viewer
from filmfolio.films.models import Collaborator, Credit, Film, FilmText, Role, Title
from filmfolio.people.models import Person, PersonName
from filmfolio.search import index
from filmfolio.search.query import PAGE_SIZE, SearchRequest
from filmfolio.search.selectors import autocomplete_for, search_page_for

pytestmark = pytest.mark.django_db

MANY = 24  # films on which Zhu Shengze has a small part


@pytest.fixture(scope="module")
def meaning(catalogue: dict[str, Any], django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """The relevance catalogue plus texts, a Chinese title, a busy person and an edition."""
    with django_db_blocker.unblock():
        yield _build(catalogue)


def _role(code: str) -> Role:
    return Role.objects.get(code=code)


def _film(**fields: Any) -> Film:
    return Film.objects.create(visibility="public", **fields)


def _build(catalogue: dict[str, Any]) -> dict[str, Any]:
    zhu = catalogue["people"]["Zhu Shengze"]
    other = Person.objects.create(display_name="Lin Wen", slug="lin-wen")
    focus = _film(title="Out of Focus", slug="out-of-focus", year=2019)
    for code in ("director", "producer", "cinematography", "editor"):
        Credit.objects.create(film=focus, person=zhu, role=_role(code))
    Collaborator.objects.create(film=focus, user=catalogue["owner"], role="owner")
    for number in range(MANY):
        film = _film(title=f"Harbour {number}", slug=f"harbour-{number}", year=2024)
        Credit.objects.create(film=film, person=other, role=_role("director"))
        Credit.objects.create(film=film, person=zhu, role=_role("sound"))
    # titles sharing a syllable of her name only
    for number, title in enumerate(("Zhu Village", "Sheng Road", "Zhu and Ze")):
        _film(title=title, slug=f"syllable-{number}", year=2025)
    # "yan" is a known word: a typo of Yang that the vocabulary does not flag
    yan = Person.objects.create(display_name="Yan Lin", slug="yan-lin")
    Credit.objects.create(film=focus, person=yan, role=_role("sound"))
    # a person whose name is the pinyin of a Chinese title
    wu = Person.objects.create(display_name="Wu Hai", slug="wu-hai")
    PersonName.objects.create(person=wu, name="吴海", script="hans", order="family_first")
    PersonName.objects.create(person=wu, name="Hai Wu", script="latin", order="given_first")
    tide = _film(title="Harbour Tide", slug="harbour-tide", year=2018)
    Credit.objects.create(film=tide, person=wu, role=_role("director"))
    _film(title="雾海", slug="wuhai", year=2022)
    # a film whose text holds his Chinese name, shorter-titled and newer than his film
    mention = _film(title="Tide", slug="tide", year=2025)
    FilmText.objects.create(film=mention, kind="synopsis", language="zh-Hans", body="吴海的故事")
    pair = _film(title="Two or Three Things", slug="ersanshi", year=2021)
    Title.objects.create(film=pair, text="二三事", kind="original")
    road = _film(title="The Long Road", slug="long-road", year=2020, kind="short")
    FilmText.objects.create(
        film=road,
        kind="synopsis",
        language="en",
        body="Migrant workers build rooftops in Wuhan while their children wait.",
    )
    FilmText.objects.create(film=road, kind="logline", language="zh-Hans", body="农民工的孩子们")
    horse = Festival.objects.get(name="Golden Horse Awards")
    edition = Edition.objects.create(festival=horse, number=49, year=2012)
    night = _film(title="Night Market", slug="night-market", year=2012)
    Entry.objects.create(
        film=night,
        edition=edition,
        result="won",
        date=date(2012, 11, 1),
        section=Section.objects.create(edition=edition, name="Asian Panorama"),
        award=Award.objects.create(festival=horse, name="Best Short Film"),
    )
    # at the next edition, with the number of the one asked for in its title
    fiftieth = Edition.objects.create(festival=horse, number=50, year=2013)
    days = _film(title="49 Days", slug="forty-nine-days", year=2013)
    Entry.objects.create(film=days, edition=fiftieth, result="selected", date=date(2013, 11, 1))
    secret = catalogue["films"]["Kumquat Secret"]
    FilmText.objects.create(
        film=secret, kind="synopsis", language="en", body="Orchardkeepers of Quxian."
    )
    index.rebuild()
    return {**catalogue, "focus": focus, "secret": secret, "road": road}


def titles(text: str, viewer: Viewer | None = None) -> list[str]:
    """Titles of the first page of results."""
    request = SearchRequest(text=text)
    page = search_page_for(viewer or Viewer.anonymous(), request, with_facets=False)
    return [hit.title for hit in page.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("migrant", "The Long Road"),
        ("migrants", "The Long Road"),
        ("rooftop", "The Long Road"),
        ("children waiting", "The Long Road"),
        ("农民工", "The Long Road"),
        ("農民工", "The Long Road"),
        ("nongmingong", "The Long Road"),
        ("ersanshi", "Two or Three Things"),
        ("er san shi", "Two or Three Things"),
        ("èr sān shì", "Two or Three Things"),
        ("er4 san1 shi4", "Two or Three Things"),
        ("二三事", "Two or Three Things"),
        ("Golden Horse 49", "Night Market"),
        ("金马 2012", "Night Market"),
        ("金馬獎 49", "Night Market"),
        ("golden horse 49th", "Night Market"),
        ("第49届金马奖", "Night Market"),
        ("第四十九屆金馬獎", "Night Market"),
        ("金马奖 第49届", "Night Market"),
        ("Golden Horse XLIX", "Night Market"),
        ("Golden Horse Best Short Film", "Night Market"),
        ("asian panorama", "Night Market"),
        ("jinmajiang", "Golden Horse Awards"),
        ("jin ma jiang", "Golden Horse Awards"),
        ("Zhu Shengze cinematographer", "Zhu Shengze"),
        ("摄影 朱声仄", "Zhu Shengze"),
        ("Lin Wen director", "Lin Wen"),
    ],
)
def test_first_result_is_the_film_meant(meaning: Any, query: str, expected: str) -> None:
    assert titles(query)[0] == expected


@pytest.mark.parametrize(
    "query", ["Golden Horse 49", "Golden Horse 49th", "第四十九届金马奖", "Golden Horse XLIX"]
)
def test_an_edition_brings_its_films_then_the_festival(meaning: Any, query: str) -> None:
    assert titles(query) == ["Night Market", "Golden Horse Awards", "49 Days"]


def test_a_roman_numeral_away_from_a_festival_stays_a_word(meaning: Any) -> None:
    assert titles("XLIX") == []


@pytest.mark.parametrize(
    "query", ["纪录片", "紀錄片", "documentary", "Dokumentarfilm", "documentaire", "jilupian"]
)
def test_a_kind_in_any_language_finds_its_films(meaning: Any, query: str) -> None:
    found = set(titles(query))
    documentaries = set(
        Film.objects.filter(
            kind__in=["documentary", "documentary_short"], visibility="public"
        ).values_list("title", flat=True)
    )
    assert documentaries, "the catalogue holds documentaries"
    assert documentaries <= found


@pytest.mark.parametrize("query", ["documentary", "documentaries", "纪录片", "Dokumentarfilm"])
def test_a_kind_named_brings_its_films_before_people(meaning: Any, query: str) -> None:
    found = titles(query)
    documentaries = set(
        Film.objects.filter(
            kind__in=["documentary", "documentary_short"], visibility="public"
        ).values_list("title", flat=True)
    )
    people = set(Person.objects.values_list("display_name", flat=True))
    first_person = min(i for i, title in enumerate([*found, "Zhu Shengze"]) if title in people)
    assert documentaries <= set(found[:first_person])


@pytest.mark.parametrize(("query", "kind"), [("short", "short"), ("短片", "short")])
def test_shorts_in_both_languages(meaning: Any, query: str, kind: str) -> None:
    shorts = set(
        Film.objects.filter(kind=kind, visibility="public").values_list("title", flat=True)
    )
    assert shorts == {"Xi'an Blues", "The Road", "Lili's Garden", "Nana Sings", "The Long Road"}
    assert shorts <= set(titles(query))


@pytest.mark.parametrize("query", ["drama", "剧情", "剧情片", "劇情片", "juqingpian"])
def test_a_genre_in_both_languages(meaning: Any, query: str) -> None:
    assert set(titles(query)) >= {"Cléo de 5 à 7", "The Ditch", "Taipei Story", "Still Life"}


@pytest.mark.parametrize("query", ["France", "法国", "Frankreich"])
def test_a_country_by_its_names(meaning: Any, query: str) -> None:
    assert set(titles(query)) >= {"Cléo de 5 à 7", "Mountains May Depart"}


def test_a_person_then_their_films_by_role(meaning: Any) -> None:
    found = titles("Zhu Shengze")
    assert len(found) == PAGE_SIZE
    assert found[:2] == ["Zhu Shengze", "Out of Focus"]
    # then the film she directed, before the films where she recorded sound
    assert found[2] == "Present.Perfect."
    assert set(found[3:]) <= {f"Harbour {n}" for n in range(MANY)}


def test_a_persons_films_are_read_in_one_query(meaning: Any) -> None:
    """The named person's films, their weights and their documents: one query."""
    with CaptureQueriesContext(connection) as queries:
        found = titles("Zhu Shengze")
    credits = [q["sql"] for q in queries.captured_queries if "films_credit" in q["sql"]]
    assert len(credits) == 1
    assert "search_searchdocument d" in credits[0]
    assert found[:3] == ["Zhu Shengze", "Out of Focus", "Present.Perfect."]


def test_a_persons_films_through_filters_follow_the_same_order(meaning: Any) -> None:
    """With a filter chosen, the films are read through the filtered match, still by role."""
    request = SearchRequest(text="Zhu Shengze", kinds=("person", "film"))
    page = search_page_for(Viewer.anonymous(), request, with_facets=False)
    found = [hit.title for hit in page.hits]
    assert found[:3] == ["Zhu Shengze", "Out of Focus", "Present.Perfect."]
    assert set(found[3:]) <= {f"Harbour {n}" for n in range(MANY)}
    only_films = SearchRequest(text="Zhu Shengze", year_min=2019)
    page = search_page_for(Viewer.anonymous(), only_films, with_facets=False)
    # no person among the results: nobody is named, the films match on her name alone
    assert "Zhu Shengze" not in [hit.title for hit in page.hits]


def test_a_private_films_texts_are_never_found_by_a_stranger(meaning: Any) -> None:
    stranger = Viewer.for_user(meaning["other"])
    for query in ("orchardkeepers", "orchardkeeper", "quxian"):
        assert titles(query) == []
        assert titles(query, stranger) == []
        assert autocomplete_for(Viewer.anonymous(), query) == []
    assert titles("orchardkeeper", Viewer.for_user(meaning["owner"])) == ["Kumquat Secret"]


def test_a_text_changed_through_the_services_reaches_the_index(meaning: Any) -> None:
    owner = meaning["owner"]
    focus = meaning["focus"]
    assert titles("lighthouses") == []
    services.text_set(
        film=focus, actor=owner, kind="logline", language="en", body="Lighthouse keepers."
    )
    assert titles("lighthouses") == ["Out of Focus"]
    services.text_set(film=focus, actor=owner, kind="logline", language="en", body="")
    assert titles("lighthouses") == []


def test_the_chinese_page_names_kinds_and_genres_in_chinese(meaning: Any, client: Any) -> None:
    params = {"q": "剧情"}
    chinese = client.get("/search/", params, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    english = client.get("/search/", params, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "长片" in chinese and "Feature" not in chinese
    assert "剧情" in chinese and ">Drama<" not in chinese
    assert "Feature" in english


@pytest.mark.parametrize("query", ["Wu Hai", "hai wu", "Hai Wu"])
def test_a_person_named_comes_before_a_title_read_the_same(meaning: Any, query: str) -> None:
    # the person, the title that reads as their name, then their films
    assert titles(query)[:3] == ["Wu Hai", "雾海", "Harbour Tide"]


def test_a_query_that_finds_nothing_corrects_its_known_words(meaning: Any) -> None:
    page = search_page_for(Viewer.anonymous(), SearchRequest(text="Edward Yan"), with_facets=False)
    assert [hit.title for hit in page.hits][:1] == ["Edward Yang"]
    assert "yang" in page.corrections["yan"]


def test_a_chinese_name_typed_alone_brings_the_person_then_their_films(meaning: Any) -> None:
    assert titles("吴海")[:3] == ["Wu Hai", "Harbour Tide", "Tide"]


def test_a_search_reads_the_festivals_names_once(meaning: Any) -> None:
    # a roman numeral next to a festival, a typo and an edition: three steps ask about them
    with CaptureQueriesContext(connection) as queries:
        found = titles("Goldn Horse XLIX")
    assert found[0] == "Night Market"
    reader = 'SELECT "search_searchdocument"."id" AS "id", "search_searchdocument"."terms"'
    festival_reads = [q for q in queries if q["sql"].startswith(reader)]
    assert len(festival_reads) == 1
