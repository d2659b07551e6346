"""Every section of the studio saves what was typed through the films services, with exact
values; bad input is refused beside its field and changes nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation

from filmfolio.accounts.models import Organisation
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Credit, Film, FilmText, Genre, Role
from filmfolio.people.models import Person
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db
URL = "/studio/films/heron/{}/"


@pytest.fixture
def owner(heron_owner):
    return heron_owner


@pytest.fixture
def client(heron_client):
    return heron_client


def _film(owner) -> Film:
    return Film.objects.get(pk=owner.film.pk)


def _records(owner) -> int:
    return ChangeRecord.objects.filter(object_id=owner.film.pk).count()


def test_basics(owner, client):
    data = {"title": "Heron Lantern II", "year": "2021", "completion_date": "2021-05-02"}
    assert client.post(URL.format("basics"), data).status_code == 302
    film = _film(owner)
    assert (film.title, film.year, film.completion_date) == (
        "Heron Lantern II",
        2021,
        datetime.date(2021, 5, 2),
    )


@pytest.mark.parametrize("runtime", ["100", "100 min", "1 h 40 min", "1:40"])
def test_specs_read_the_runtime_and_the_budget(owner, client, runtime):
    data = {
        "runtime_minutes": runtime,
        "budget_amount": "347000",
        "budget_currency": "USD",
        "budget_as_stated": "347,000 USD",
        "shooting_format": "4K",
        "sound": "5.1",
        "aspect_ratio": "1.85:1",
        "color": "color",
        "is_first_time_filmmaker": "true",
        "is_student_project": "false",
    }
    assert client.post(URL.format("specs"), data).status_code == 302
    film = _film(owner)
    assert (film.runtime_minutes, film.budget_amount, film.budget_currency) == (
        100,
        Decimal("347000.00"),
        "USD",
    )
    assert (film.budget_as_stated, film.shooting_format, film.sound, film.aspect_ratio) == (
        "347,000 USD",
        "4K",
        "5.1",
        "1.85:1",
    )
    assert (film.color, film.is_first_time_filmmaker, film.is_student_project) == (
        "color",
        True,
        False,
    )


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"runtime_minutes": "a while"},
            "runtime_minutes",
            "Write the runtime as 100, 100 min, 1 h 40 min or 1:40.",
        ),
        (
            {"runtime_minutes": "90", "budget_amount": "1000"},
            "budget_currency",
            "Choose the currency of the amount.",
        ),
    ],
)
def test_bad_specs_change_nothing(owner, client, data, field, message):
    before = _records(owner)
    response = client.post(URL.format("specs"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    film = _film(owner)
    assert (film.runtime_minutes, film.budget_amount) == (None, None)
    assert _records(owner) == before


def test_bad_runtime_is_explained_in_chinese(owner, client):
    with translation.override("zh-hans"):
        response = client.post(
            URL.format("specs"), {"runtime_minutes": "a while"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
        )
        assert response.context["form"].errors["runtime_minutes"] == [
            "请把片长写成 100、100 分钟、1 小时 40 分钟或 1:40。"
        ]


def test_genres_and_kind(owner, client):
    genres = list(Genre.objects.order_by("slug")[:2])
    data = {"kind": "documentary", "genres": [g.pk for g in genres]}
    assert client.post(URL.format("genres"), data).status_code == 302
    film = _film(owner)
    assert film.kind == "documentary"
    assert sorted(film.genres.values_list("slug", flat=True)) == [g.slug for g in genres]
    assert client.post(URL.format("genres"), {"kind": "epic"}).status_code == 400
    assert _film(owner).kind == "documentary"


def test_titles_with_language_by_name_edited_in_place(owner, client):
    data = {"part": "titles", "text": "苍鹭灯", "kind": "original", "language": "Chinese"}
    assert client.post(URL.format("titles"), data).status_code == 302
    title = owner.film.titles.get()
    assert (title.text, title.kind, title.language) == ("苍鹭灯", "original", "zh")
    assert title.position == 0
    prefix = f"titles-{title.pk}"
    edit = {
        f"{prefix}-text": "苍鹭灯",
        f"{prefix}-kind": "original",
        f"{prefix}-language": "简体中文",
        f"{prefix}-position": "3",
    }
    assert client.post(f"{URL.format('titles')}titles/{title.pk}/", edit).status_code == 302
    title.refresh_from_db()
    assert (title.language, title.position) == ("zh-Hans", 3)
    bad = {**edit, f"{prefix}-language": "Elvish"}
    response = client.post(f"{URL.format('titles')}titles/{title.pk}/", bad)
    assert response.status_code == 400
    title.refresh_from_db()
    assert title.language == "zh-Hans"


def test_countries_and_languages_with_their_roles(owner, client):
    url = URL.format("places")
    client.post(url, {"part": "countries", "country": "CN", "role": "origin"})
    client.post(url, {"part": "countries", "country": "FR", "role": "filming"})
    for language, role, label in [
        ("Chinese", "original", "Chinese"),
        ("English", "spoken", ""),
        ("法语", "dubbed", ""),
        ("en", "subtitle", ""),
    ]:
        data = {"part": "languages", "language": language, "role": role, "label": label}
        assert client.post(url, data).status_code == 302
    film = _film(owner)
    assert sorted(film.countries.values_list("country", "role")) == [
        ("CN", "origin"),
        ("FR", "filming"),
    ]
    assert sorted(film.languages.values_list("language", "role", "label")) == [
        ("en", "spoken", ""),
        ("en", "subtitle", ""),
        ("fr", "dubbed", ""),
        ("zh", "original", "Chinese"),
    ]
    before = _records(owner)
    bad_country = client.post(url, {"part": "countries", "country": "XX", "role": "origin"})
    bad_language = client.post(url, {"part": "languages", "language": "Elvish", "role": "spoken"})
    assert (bad_country.status_code, bad_language.status_code) == (400, 400)
    assert bad_language.context["form"].errors["language"] == [
        "“Elvish” is not a language we know; pick one from the list."
    ]
    assert (film.countries.count(), film.languages.count(), _records(owner)) == (2, 4, before)
    france = film.countries.get(country="FR")
    client.post(f"{url}countries/{france.pk}/remove/")
    assert list(film.countries.values_list("country", flat=True)) == ["CN"]


def test_companies_with_roles_reuse_an_organisation(owner, client):
    url = URL.format("companies")
    client.post(url, {"part": "companies", "name": "Heron Pictures", "role": "production"})
    client.post(url, {"part": "companies", "name": "heron pictures", "role": "distribution"})
    client.post(url, {"part": "companies", "name": "Lantern Sales", "role": "sales"})
    film = _film(owner)
    assert list(film.companies.values_list("organisation__name", "role")) == [
        ("Heron Pictures", "production"),
        ("Heron Pictures", "distribution"),
        ("Lantern Sales", "sales"),
    ]
    assert Organisation.objects.count() == 2
    again = client.post(url, {"part": "companies", "name": "Heron Pictures", "role": "production"})
    assert again.status_code == 400
    assert again.context["form"].errors["name"] == [
        "This company already has this role on the film."
    ]
    assert film.companies.count() == 3


def test_credit_with_credited_as_matches_a_person_typed_in_the_other_order(owner, client):
    existing = Person.objects.create(
        display_name="Yan Wenyu", slug="yan-wenyu", match_key="wenyu yan"
    )
    from filmfolio.core.matching import name_match_key

    existing.match_key = name_match_key("Yan Wenyu")
    existing.save()
    director = Role.objects.get(code="director")
    data = {
        "part": "credits",
        "role": director.pk,
        "person_query": "Wenyu Yan",
        "credited_as": "Director",
        "description": "Directed the film.",
    }
    assert client.post(URL.format("credits"), data).status_code == 302
    credit = Credit.objects.get(film=owner.film)
    assert (credit.person, credit.role, credit.credited_as, credit.description) == (
        existing,
        director,
        "Director",
        "Directed the film.",
    )
    assert Person.objects.count() == 1


def test_texts_preset_by_kind_in_any_language_and_edited_in_place(owner, client):
    url = URL.format("texts")
    page = client.get(url, {"kind": "synopsis"})
    assert page.context["blocks"][0]["form"]["kind"].value() == "synopsis"
    data = {"part": "texts", "kind": "synopsis", "language": "英语", "body": "A heron."}
    assert client.post(url, data).status_code == 302
    text = FilmText.objects.get(film=owner.film)
    assert (text.kind, text.language, text.body) == ("synopsis", "en", "A heron.")
    edit = {f"texts-{text.pk}-body": "Two herons."}
    assert client.post(f"{url}texts/{text.pk}/", edit).status_code == 302
    text.refresh_from_db()
    assert text.body == "Two herons."
    page = client.get(url).content.decode()
    assert "Synopsis · English" in page
    other = FilmFactory(slug="other")
    foreign = FilmText.objects.create(film=other, kind="synopsis", language="en", body="Kept.")
    client.post(f"{url}texts/{foreign.pk}/remove/")
    assert FilmText.objects.filter(film=other).count() == 1
    client.post(f"{url}texts/{text.pk}/remove/")
    assert FilmText.objects.filter(film=owner.film).count() == 0


def test_links_by_kind(owner, client):
    data = {"part": "links", "kind": "official_site", "url": "heron.example.org", "label": ""}
    assert client.post(URL.format("links"), data).status_code == 302
    assert list(owner.film.links.values_list("kind", "url")) == [
        ("official_site", "https://heron.example.org")
    ]


def test_an_editor_of_another_film_changes_nothing(owner):
    other = CollaboratorFactory(role=CollaboratorRole.OWNER)
    client = Client()
    client.force_login(other.user)
    before = _records(owner)
    for section, data in [
        ("places", {"part": "countries", "country": "CN", "role": "origin"}),
        ("companies", {"part": "companies", "name": "X", "role": "production"}),
        ("genres", {"kind": "short"}),
        ("specs", {"runtime_minutes": "10"}),
    ]:
        assert client.post(URL.format(section), data).status_code == 404
    film = _film(owner)
    assert (film.countries.count(), film.companies.count(), film.kind) == (0, 0, "")
    assert _records(owner) == before


def test_a_refused_credit_leaves_no_new_person(owner, client):
    from filmfolio.core.matching import name_match_key

    person = Person.objects.create(
        display_name="Ana Lee", slug="ana-lee", match_key=name_match_key("Ana Lee")
    )
    director = Role.objects.get(code="director")
    Credit.objects.create(film=owner.film, person=person, role=director)
    before = _records(owner)
    data = {"part": "credits", "role": director.pk, "person_query": "Lee Ana"}
    response = client.post(URL.format("credits"), data)
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Ana Lee is already credited as Director."
    ]
    assert (Person.objects.count(), Credit.objects.count(), _records(owner)) == (1, 1, before)


@pytest.mark.parametrize(("typed", "saved"), [("10000", 10000), ("166 h 40 min", 10000)])
def test_the_runtime_reaches_the_models_limit(owner, client, typed, saved):
    url = "/studio/films/heron/specs/"
    assert client.post(url, {"runtime_minutes": typed}).status_code == 302
    owner.film.refresh_from_db()
    assert owner.film.runtime_minutes == saved


@pytest.mark.parametrize("typed", ["10001", "166 h 41 min", "0"])
def test_a_runtime_past_the_models_limit_is_refused(owner, client, typed):
    response = client.post("/studio/films/heron/specs/", {"runtime_minutes": typed})
    assert response.status_code == 400
    assert response.context["form"].errors["runtime_minutes"] == [
        "Write the runtime as 100, 100 min, 1 h 40 min or 1:40."
    ]
    owner.film.refresh_from_db()
    assert owner.film.runtime_minutes is None
