"""A small multilingual catalogue for search tests: films, people, festivals, organisations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model

from filmfolio.accounts.models import Organisation
from filmfolio.festivals.models import Edition, Entry, Festival
from filmfolio.films.models import (
    Collaborator,
    Credit,
    Film,
    FilmCompany,
    FilmCountry,
    FilmLanguage,
    FilmLink,
    Genre,
    Role,
    Title,
)
from filmfolio.people.models import Person, PersonName
from filmfolio.search import index

PEOPLE: dict[str, tuple[str, ...]] = {
    # display name: other written forms
    "Zhu Shengze": ("Shengze Zhu", "朱声仄"),
    "曾凡志": (),
    "Agnès Varda": (),
    "Jessica Kingdon": (),
    "陈传兴": ("Chen Chuanxing",),
    "单立人": (),
    "王兵": ("Wang Bing",),
    "贾樟柯": ("Jia Zhangke",),
    "Edward Yang": ("楊德昌",),
    "王小帅": ("Wang Xiaoshuai",),
    "仇晓光": (),
    "查建英": (),
    "盖丽丽": (),
    "欧阳娜娜": (),
}


@dataclass
class FilmSpec:
    """A film of the test catalogue."""

    title: str
    year: int
    director: str
    other_titles: tuple[str, ...] = ()
    kind: str = "documentary"
    countries: tuple[str, ...] = ("CN",)
    genres: tuple[str, ...] = ("documentary",)
    runtime: int = 90
    visibility: str = "public"
    festival: str = ""
    award: bool = False
    trailer: bool = False
    cast: tuple[str, ...] = field(default=())


FILMS = [
    FilmSpec(
        "Present.Perfect.",
        2019,
        "Zhu Shengze",
        ("完美现在时",),
        countries=("CN", "US"),
        runtime=124,
        festival="International Film Festival Rotterdam",
        award=True,
        trailer=True,
    ),
    FilmSpec(
        "Ascension",
        2021,
        "Jessica Kingdon",
        ("登楼叹",),
        countries=("US",),
        runtime=97,
        festival="Sundance Film Festival",
        award=True,
    ),
    FilmSpec("他們在島嶼寫作", 2011, "陈传兴", ("The Inner Island",), countries=("TW",)),
    FilmSpec("Mountain Dream", 2016, "曾凡志", ("大山之梦",)),
    FilmSpec(
        "Le Bonheur",
        1965,
        "Agnès Varda",
        kind="feature",
        countries=("FR",),
        genres=("drama",),
        runtime=80,
    ),
    FilmSpec(
        "Cléo de 5 à 7",
        1962,
        "Agnès Varda",
        kind="feature",
        countries=("FR",),
        genres=("drama",),
        festival="Cinéma du Réel",
    ),
    FilmSpec("Xi'an Blues", 2018, "单立人", ("西安蓝调",), kind="short", runtime=25),
    FilmSpec("Dead Souls", 2018, "王兵", ("死灵魂",), runtime=495, festival="Cinéma du Réel"),
    FilmSpec("Three Sisters", 2012, "王兵", ("三姊妹",), runtime=153),
    FilmSpec("Bitter Money", 2016, "王兵", ("苦钱",), runtime=152),
    FilmSpec("The Ditch", 2010, "王兵", ("夹边沟",), kind="feature", genres=("drama",)),
    FilmSpec(
        "Taipei Story",
        1985,
        "Edward Yang",
        ("青梅竹马",),
        kind="feature",
        countries=("TW",),
        genres=("drama",),
        festival="Golden Horse Awards",
        award=True,
    ),
    FilmSpec(
        "A Touch of Sin",
        2013,
        "贾樟柯",
        ("天注定",),
        kind="feature",
        genres=("drama",),
        countries=("CN", "JP"),
    ),
    FilmSpec("Still Life", 2006, "贾樟柯", ("三峡好人",), kind="feature", genres=("drama",)),
    FilmSpec(
        "Mountains May Depart",
        2015,
        "贾樟柯",
        ("山河故人",),
        kind="feature",
        genres=("drama",),
        countries=("CN", "FR", "JP"),
    ),
    FilmSpec(
        "Beijing Bicycle",
        2001,
        "王小帅",
        ("十七岁的单车",),
        kind="feature",
        genres=("drama",),
        festival="Berlinale",
        award=True,
    ),
    FilmSpec("The Road", 2020, "仇晓光", ("路",), kind="short", runtime=12),
    FilmSpec("Writing China", 2008, "查建英", ("写中国",)),
    FilmSpec("Lili's Garden", 2017, "盖丽丽", ("丽丽的花园",), kind="short", runtime=30),
    FilmSpec("Nana Sings", 2022, "欧阳娜娜", ("娜娜唱歌",), kind="short", runtime=18),
    FilmSpec("Kumquat Secret", 2023, "Zhu Shengze", ("金橘的秘密",), visibility="private"),
    FilmSpec("Hidden Harbour", 2023, "Zhu Shengze", visibility="unlisted"),
]

FESTIVALS: dict[str, tuple[list[str], str, str]] = {
    "International Film Festival Rotterdam": (["IFFR"], "Rotterdam", "NL"),
    "Sundance Film Festival": ([], "Park City", "US"),
    "Cinéma du Réel": ([], "Paris", "FR"),
    "Golden Horse Awards": (["金馬獎"], "Taipei", "TW"),
    "Berlinale": (["Berlin International Film Festival"], "Berlin", "DE"),
}

ORGANISATIONS = {"CNEX Foundation": "production_house", "Burn the Film": "production_house"}


def build_catalogue() -> dict[str, Any]:
    """Create the catalogue, index it, and return the owner user and objects by name."""
    user_model = get_user_model()
    owner = user_model.objects.create_user("owner", password="x")
    other = user_model.objects.create_user("other", password="x")
    people = _people()
    festivals = _festival_editions()
    organisations = {
        name: Organisation.objects.create(name=name, slug=f"org-{n}", kind=kind)
        for n, (name, kind) in enumerate(ORGANISATIONS.items())
    }
    director_role = Role.objects.get(code="director")
    films = {}
    for number, spec in enumerate(FILMS):
        film = _film(number, spec)
        Credit.objects.create(film=film, person=people[spec.director], role=director_role)
        _film_facts(film, spec, festivals)
        if spec.visibility != "public":
            Collaborator.objects.create(film=film, user=owner, role="owner")
        films[spec.title] = film
    FilmCompany.objects.create(
        film=films["Present.Perfect."],
        organisation=organisations["CNEX Foundation"],
        role="production",
    )
    index.rebuild()
    return {"owner": owner, "other": other, "films": films, "people": people}


def _people() -> dict[str, Person]:
    people = {}
    for number, (name, others) in enumerate(PEOPLE.items()):
        person = Person.objects.create(display_name=name, slug=f"person-{number}")
        for other_name in others:
            PersonName.objects.create(person=person, name=other_name, script="latin")
        people[name] = person
    return people


def _festival_editions() -> dict[str, Edition]:
    festivals = {}
    for number, (name, (aliases, city, country)) in enumerate(FESTIVALS.items()):
        festival = Festival.objects.create(
            name=name, slug=f"festival-{number}", aliases=aliases, city=city, country=country
        )
        festivals[name] = Edition.objects.create(festival=festival, number=1, year=2020)
    return festivals


def _film(number: int, spec: Any) -> Film:
    film = Film.objects.create(
        title=spec.title,
        slug=f"film-{number}",
        year=spec.year,
        kind=spec.kind,
        runtime_minutes=spec.runtime,
        visibility=spec.visibility,
    )
    for position, other_title in enumerate(spec.other_titles):
        Title.objects.create(film=film, text=other_title, kind="original", position=position)
    return film


def _film_facts(film: Film, spec: Any, festivals: dict[str, Edition]) -> None:
    for position, country in enumerate(spec.countries):
        FilmCountry.objects.create(film=film, country=country, role="origin", position=position)
    FilmLanguage.objects.create(film=film, language="zh", role="original")
    FilmLanguage.objects.create(film=film, language="en", role="subtitle")
    film.genres.set(Genre.objects.filter(slug__in=spec.genres))
    if spec.festival:
        Entry.objects.create(
            film=film,
            edition=festivals[spec.festival],
            result="won" if spec.award else "selected",
            date=date(2020, 1, 1),
        )
    if spec.trailer:
        FilmLink.objects.create(film=film, kind="trailer", url="https://example.org/t")
