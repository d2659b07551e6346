"""The film editor: creating a film, each section, credits, festival entries and the history;
bad input is refused with a clear message and changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals.models import Edition, Entry, Festival
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Collaborator, Credit, Film, FilmText, Role, Title
from filmfolio.films.tests.factories import FilmFactory as PublicFilmFactory
from filmfolio.people.models import Person, PersonName
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .conftest import film_owner, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return film_owner("Rivers of Salt", "rivers-of-salt")


@pytest.fixture
def owner_client(owner):
    return signed_in(owner.user)


def edit_url(slug: str, section: str) -> str:
    return f"/studio/films/{slug}/{section}/"


def test_new_film_is_private_owned_and_recorded(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/studio/new/", {"title": "新的电影", "year": "2024", "kind": "short"})
    film = Film.objects.get(title="新的电影")
    assert response.status_code == 302
    assert response["Location"] == edit_url(film.slug, "basics")
    assert film.visibility == Visibility.PRIVATE
    assert film.year == 2024
    assert Collaborator.objects.get(film=film).user == user
    assert Collaborator.objects.get(film=film).role == CollaboratorRole.OWNER
    record = ChangeRecord.objects.get(object_id=film.pk, action="create")
    assert record.actor == user
    assert record.changes["title"] == {"old": None, "new": "新的电影"}


def test_no_word_is_reserved_for_film_slugs(client):
    """The studio lives under /studio/, so a film called "New" is at /films/new/."""
    user = UserFactory()
    client.force_login(user)
    client.post("/studio/new/", {"title": "New", "year": "", "kind": ""})
    film = Film.objects.get(title="New")
    assert film.slug == "new"
    assert client.get("/films/new/").status_code == 200


def test_anonymous_visitor_is_sent_to_login():
    response = Client().get("/studio/new/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/studio/new/"


def test_basics_section_records_old_and_new_values(owner, owner_client):
    response = owner_client.post(
        edit_url("rivers-of-salt", "basics"),
        {"title": "Rivers of Salt", "year": "2020", "completion_date": "2020-03-01", "kind": ""},
    )
    assert response.status_code == 302
    film = Film.objects.get(pk=owner.film.pk)
    assert film.year == 2020
    record = ChangeRecord.objects.filter(object_id=film.pk, section="basics").first()
    assert record.actor == owner.user
    assert record.changes == {
        "year": {"old": 2019, "new": 2020},
        "completion_date": {"old": None, "new": "2020-03-01"},
    }
    history = owner_client.get(f"/studio/films/{film.slug}/history/").content.decode()
    assert "completion_date" in history
    assert "2020-03-01" in history


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": "x" * 301, "year": "2020"}, "title", "at most 300 characters"),
        ({"title": "Ok", "year": "1200"}, "year", "greater than or equal to 1870"),
        (
            {"title": "Ok", "year": "2020", "completion_date": "2020-02-31"},
            "completion_date",
            "Enter a valid date.",
        ),
        ({"title": "", "year": "2020"}, "title", "This field is required."),
    ],
)
def test_bad_basics_are_refused_and_nothing_changes(owner, owner_client, data, field, message):
    response = owner_client.post(edit_url("rivers-of-salt", "basics"), {"kind": "", **data})
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    film = Film.objects.get(pk=owner.film.pk)
    assert (film.title, film.year, film.completion_date) == ("Rivers of Salt", 2019, None)
    assert not ChangeRecord.objects.filter(section="basics").exists()


def test_bad_currency_is_refused(owner, owner_client):
    response = owner_client.post(
        edit_url("rivers-of-salt", "specs"), {"runtime_minutes": "90", "budget_currency": "XXQ"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["budget_currency"] == [
        "Select a valid choice. XXQ is not one of the available choices."
    ]
    assert Film.objects.get(pk=owner.film.pk).runtime_minutes is None


def test_credit_with_a_new_person_creates_the_person(owner, owner_client):
    director = Role.objects.get(code="director")
    response = owner_client.post(
        edit_url("rivers-of-salt", "credits"),
        {"part": "credits", "role": director.pk, "person_query": "朱声仄", "credited_as": "导演"},
    )
    assert response.status_code == 302
    credit = Credit.objects.get(film=owner.film)
    assert credit.person.display_name == "朱声仄"
    assert list(PersonName.objects.filter(person=credit.person).values_list("name", flat=True)) == [
        "朱声仄"
    ]
    assert credit.credited_as == "导演"


PEOPLE_LOOKUP = "/people/lookup/"
FESTIVALS_LOOKUP = "/studio/films/rivers-of-salt/festivals/lookup/"


def _credit_on_a_public_film(person: Person) -> None:
    role = Role.objects.get(code="director")
    Credit.objects.create(film=PublicFilmFactory.create(), person=person, role=role)


def test_credit_picks_an_existing_person_found_by_any_name(owner, owner_client):
    person = Person.objects.create(display_name="Zhu Shengze", slug="zhu-shengze")
    PersonName.objects.create(person=person, name="朱声仄", script="hans")
    _credit_on_a_public_film(person)
    found = owner_client.get(PEOPLE_LOOKUP, {"q": "声仄"}).json()["results"]
    assert [(p["id"], p["label"], p["names"]) for p in found] == [
        (person.pk, "Zhu Shengze", ["朱声仄"])
    ]
    editor_role = Role.objects.get(code="editor")
    owner_client.post(
        edit_url("rivers-of-salt", "credits"),
        {
            "part": "credits",
            "role": editor_role.pk,
            "person": person.pk,
            "person_query": "Zhu Shengze",
        },
    )
    assert Credit.objects.get(film=owner.film, role=editor_role).person == person


def test_pickers_offer_nobody_only_a_private_film_of_someone_else_reaches(owner, owner_client):
    """A person and a festival reached only by another user's private film are not offered;
    their own film's collaborators meet them."""
    secret = CollaboratorFactory(film=FilmFactory(title="Kept Film", slug="kept-film")).film
    person = Person.objects.create(display_name="Quillon Ardmarsh", slug="quillon")
    Credit.objects.create(film=secret, person=person, role=Role.objects.get(code="director"))
    festival = Festival.objects.create(name="Vexmoor Film Days", slug="vexmoor")
    Entry.objects.create(
        film=secret, edition=Edition.objects.create(festival=festival, year=2025), result="selected"
    )
    people = owner_client.get(PEOPLE_LOOKUP, {"q": "Quillon"}).json()["results"]
    festivals = owner_client.get(FESTIVALS_LOOKUP, {"q": "Vexmoor"}).json()
    assert (people, festivals) == ([], {"results": []})
    collaborator = Client()
    collaborator.force_login(secret.collaborators.get().user)
    people = collaborator.get(PEOPLE_LOOKUP, {"q": "Quillon"}).json()["results"]
    festivals = collaborator.get(
        "/studio/films/kept-film/festivals/lookup/", {"q": "Vexmoor"}
    ).json()
    assert [(p["id"], p["label"], p["films"]) for p in people] == [
        (
            person.pk,
            "Quillon Ardmarsh",
            [{"title": "Kept Film", "year": secret.year, "roles": ["Director"]}],
        )
    ]
    assert festivals == {
        "results": [{"id": festival.pk, "label": "Vexmoor Film Days", "slug": "vexmoor"}]
    }
    assert Person.objects.count() == 1


def test_duplicate_credit_is_refused_with_a_message(owner, owner_client):
    person = Person.objects.create(display_name="Ana Lee", slug="ana-lee")
    role = Role.objects.get(code="director")
    Credit.objects.create(film=owner.film, person=person, role=role)
    response = owner_client.post(
        edit_url("rivers-of-salt", "credits"),
        {"part": "credits", "role": role.pk, "person": person.pk, "person_query": "Ana Lee"},
    )
    assert response.status_code == 400
    assert Credit.objects.filter(film=owner.film).count() == 1


def test_festival_award_creates_festival_edition_section_and_award(owner, owner_client):
    response = owner_client.post(
        edit_url("rivers-of-salt", "festivals"),
        {
            "part": "entries",
            "festival_query": "Cinéma du Réel",
            "year": "2021",
            "number": "43",
            "section_name": "First Films",
            "result": "won",
            "award_name": "Best First Film",
            "date": "2021-03-20",
        },
    )
    assert response.status_code == 302
    entry = Entry.objects.select_related("edition__festival", "award", "section").get()
    assert entry.edition.festival.name == "Cinéma du Réel"
    assert (entry.edition.year, entry.edition.number) == (2021, 43)
    assert entry.section.name == "First Films"
    assert entry.award.name == "Best First Film"
    assert entry.is_award


def test_festival_entry_with_an_invalid_date_changes_nothing(owner, owner_client):
    response = owner_client.post(
        edit_url("rivers-of-salt", "festivals"),
        {
            "part": "entries",
            "festival_query": "Berlinale",
            "year": "2021",
            "result": "won",
            "date": "2021-13-01",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["date"] == ["Enter a valid date."]
    assert Festival.objects.count() == 0
    assert Edition.objects.count() == 0
    assert Entry.objects.count() == 0


def test_texts_per_language_set_replace_and_remove(owner, owner_client):
    url = edit_url("rivers-of-salt", "texts")
    text = {"part": "texts", "kind": "synopsis"}
    owner_client.post(url, {**text, "language": "English", "body": "A river."})
    owner_client.post(url, {**text, "language": "zh-Hans", "body": "一条河。"})
    owner_client.post(url, {**text, "language": "en", "body": "Two rivers."})
    texts = dict(FilmText.objects.filter(film=owner.film).values_list("language", "body"))
    assert texts == {"en": "Two rivers.", "zh-Hans": "一条河。"}
    bad = owner_client.post(url, {**text, "language": "not a code", "body": "x"})
    assert bad.status_code == 400
    assert bad.context["form"].errors["language"] == [
        "“not a code” is not a language we know; pick one from the list."
    ]
    english = FilmText.objects.get(film=owner.film, language="en")
    owner_client.post(f"{url}texts/{english.pk}/", {f"texts-{english.pk}-body": ""})
    assert list(FilmText.objects.filter(film=owner.film).values_list("language", flat=True)) == [
        "zh-Hans"
    ]


def test_oversize_text_is_refused(owner, owner_client):
    response = owner_client.post(
        edit_url("rivers-of-salt", "texts"),
        {"part": "texts", "kind": "synopsis", "language": "en", "body": "x" * 20001},
    )
    assert response.status_code == 400
    assert FilmText.objects.count() == 0


def test_titles_and_links(owner, owner_client):
    owner_client.post(
        edit_url("rivers-of-salt", "titles"),
        {"part": "titles", "text": "盐之河", "kind": "original", "language": "zh-Hans"},
    )
    owner_client.post(
        edit_url("rivers-of-salt", "links"),
        {
            "part": "links",
            "kind": "trailer",
            "url": "https://video.example.org/1",
            "label": "Trailer",
        },
    )
    assert list(Title.objects.values_list("text", "language")) == [("盐之河", "zh-Hans")]
    assert owner.film.links.get().url == "https://video.example.org/1"
    bad = owner_client.post(
        edit_url("rivers-of-salt", "links"), {"part": "links", "kind": "trailer", "url": "nope"}
    )
    assert bad.status_code == 400
    assert owner.film.links.count() == 1


def test_removing_another_films_credit_is_refused_and_changes_nothing(owner, owner_client):
    other_film = FilmFactory()
    person = Person.objects.create(display_name="Kept", slug="kept")
    credit = Credit.objects.create(
        film=other_film, person=person, role=Role.objects.get(code="director")
    )
    response = owner_client.post(
        f"/studio/films/rivers-of-salt/credits/credits/{credit.pk}/remove/", follow=True
    )
    assert "This credit does not exist on this film." in response.content.decode()
    assert Credit.objects.filter(pk=credit.pk).exists()


def test_editing_another_owners_film_is_404_and_changes_nothing(owner, owner_client):
    other = FilmFactory(title="Someone else's", slug="someone-elses")
    response = owner_client.post(
        edit_url("someone-elses", "basics"), {"title": "Hijacked", "year": "2000", "kind": ""}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.title == "Someone else's"


def test_viewer_collaborator_may_not_edit(owner):
    viewer = CollaboratorFactory(film=owner.film, role=CollaboratorRole.VIEWER)
    client = Client()
    client.force_login(viewer.user)
    response = client.post(
        edit_url("rivers-of-salt", "basics"), {"title": "Changed", "year": "2019", "kind": ""}
    )
    assert response.status_code == 404
    assert Film.objects.get(pk=owner.film.pk).title == "Rivers of Salt"


def test_forged_csrf_is_refused(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner.user)
    response = client.post(
        edit_url("rivers-of-salt", "basics"), {"title": "Forged", "year": "2019", "kind": ""}
    )
    assert response.status_code == 403
    assert Film.objects.get(pk=owner.film.pk).title == "Rivers of Salt"


def test_owner_slot_shows_missing_items_only_to_editors(owner, owner_client):
    owner.film.visibility = Visibility.PUBLIC
    owner.film.save()
    page = owner_client.get("/films/rivers-of-salt/").content.decode()
    assert "Add a synopsis" in page
    assert "Add a director" in page
    anonymous = Client().get("/films/rivers-of-salt/").content.decode()
    assert "Add a synopsis" not in anonymous
    assert "Edit this film" not in anonymous


def test_owner_slot_asks_for_a_director_biography(owner, owner_client):
    person = Person.objects.create(display_name="Ana Lee", slug="ana-lee")
    Credit.objects.create(film=owner.film, person=person, role=Role.objects.get(code="director"))
    page = owner_client.get("/films/rivers-of-salt/").content.decode()
    assert "Add a director biography" in page
    assert "Add a director<" not in page


def test_person_lookup_meets_names_in_any_order_and_script(owner_client):
    from filmfolio.people.services import person_create

    person = person_create(name="Zhu Shengze", actor=None)
    PersonName.objects.create(person=person, name="朱声仄", script="hans")
    _credit_on_a_public_film(person)
    for query in ("Shengze Zhu", "朱聲仄", "shengze", "朱声"):
        found = owner_client.get(PEOPLE_LOOKUP, {"q": query}).json()["results"]
        assert [(p["id"], p["label"], p["slug"]) for p in found] == [
            (person.pk, "Zhu Shengze", person.slug)
        ], query
    assert owner_client.get(PEOPLE_LOOKUP, {"q": "Nobody"}).json()["results"] == []


def test_new_festival_entry_reuses_a_festival_spelt_without_accents(owner, owner_client):
    Festival.objects.create(
        name="Cinéma du Réel", slug="cinema-du-reel", match_key="cinema du reel"
    )
    owner_client.post(
        edit_url("rivers-of-salt", "festivals"),
        {
            "part": "entries",
            "festival_query": "cinema du reel",
            "year": "2021",
            "result": "selected",
        },
    )
    assert Festival.objects.count() == 1
    assert Entry.objects.get().edition.festival.name == "Cinéma du Réel"
