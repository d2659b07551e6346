"""People, festivals, editions, sections and awards are seen only through listed films.

A private canary film brings a new person, a new festival (created only by its entry) with an
edition, section and award, and a new edition, section and award of a festival that a public
film also entered. Every surface that shows such records is asked as an anonymous visitor, as
another signed-in user and as the film's owner: only the owner meets the canary's records.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.errors import ValidationFailedError
from filmfolio.festivals import services as festival_services
from filmfolio.festivals.models import Award, Edition, Entry, Festival, Section
from filmfolio.films import access
from filmfolio.films import services as film_services
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Credit, Role
from filmfolio.films.services import film_set_visibility
from filmfolio.people.models import Person
from filmfolio.search import index
from filmfolio.search.choices import DocumentKind
from filmfolio.search.models import SearchTerm
from filmfolio.search.query import SearchRequest
from filmfolio.search.selectors import search_page_for
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db

PERSON = "Quillon Ardmarsh"
FESTIVAL = "Vexmoor Film Days"
SECTION = "Ultramarine Horizons"
AWARD = "Golden Vexmoor Lantern"
SHARED_SECTION = "Cobaltine Shorts"
SHARED_AWARD = "Silver Cobaltine Prize"
CANARY_WORDS = ("Quillon", "Ardmarsh", "Vexmoor", "Ultramarine", "Cobaltine", "2031")
VIEWERS = ("anonymous", "other user", "owner")


@pytest.fixture
def world() -> dict:
    role = Role.objects.get(code="director")
    secret = FilmFactory(title="Zebrine Heron Nocturne", slug="zebrine-heron")
    owner = CollaboratorFactory(film=secret, role=CollaboratorRole.OWNER).user
    person = Person.objects.create(display_name=PERSON, slug="quillon-ardmarsh")
    Credit.objects.create(film=secret, person=person, role=role)
    festival = Festival.objects.create(name=FESTIVAL, slug="vexmoor-days")
    edition = Edition.objects.create(festival=festival, year=2025, number=3)
    section = Section.objects.create(edition=edition, name=SECTION)
    award = Award.objects.create(festival=festival, name=AWARD)
    Entry.objects.create(film=secret, edition=edition, section=section, award=award, result="won")
    harbour = Festival.objects.create(name="Open Harbour Festival", slug="open-harbour")
    old = Edition.objects.create(festival=harbour, year=2024, number=8)
    public = FilmFactory(public=True, title="Open Water Film", slug="open-water")
    Credit.objects.create(
        film=public,
        person=Person.objects.create(display_name="Open Person", slug="open-person"),
        role=role,
    )
    Entry.objects.create(film=public, edition=old, result="selected")
    new = Edition.objects.create(festival=harbour, year=2031, number=9)
    Entry.objects.create(
        film=secret,
        edition=new,
        section=Section.objects.create(edition=new, name=SHARED_SECTION),
        award=Award.objects.create(festival=harbour, name=SHARED_AWARD),
        result="won",
    )
    index.rebuild()
    return {"owner": owner, "secret": secret, "public": public}


def _client(world: dict, who: str) -> Client:
    client = Client()
    if who == "other user":
        client.force_login(UserFactory())
    elif who == "owner":
        client.force_login(world["owner"])
    return client


def _leaks(text: str) -> list[str]:
    return [word for word in CANARY_WORDS if word in text]


@pytest.mark.parametrize("who", VIEWERS)
def test_person_page(world, who) -> None:
    response = _client(world, who).get("/people/quillon-ardmarsh/")
    if who == "owner":
        assert response.status_code == 200
        assert PERSON in response.content.decode()
    else:
        assert response.status_code == 404
        assert _leaks(response.content.decode()) == []


@pytest.mark.parametrize("who", VIEWERS)
def test_festival_page_of_a_festival_only_a_private_film_entered(world, who) -> None:
    response = _client(world, who).get("/festivals/vexmoor-days/")
    if who == "owner":
        assert response.status_code == 200
        text = response.content.decode()
        assert [FESTIVAL in text, SECTION in text, AWARD in text] == [True, True, True]
    else:
        assert response.status_code == 404
        assert _leaks(response.content.decode()) == []


@pytest.mark.parametrize("who", VIEWERS)
def test_festival_page_editions_sections_and_awards(world, who) -> None:
    response = _client(world, who).get("/festivals/open-harbour/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "8th (2024)" in text
    if who == "owner":
        assert ["9th (2031)" in text, SHARED_SECTION in text, SHARED_AWARD in text] == [
            True,
            True,
            True,
        ]
    else:
        assert _leaks(text) == []


@pytest.mark.parametrize("who", VIEWERS)
def test_festival_list(world, who) -> None:
    text = _client(world, who).get("/festivals/").content.decode()
    assert "Open Harbour Festival" in text
    assert (FESTIVAL in text) is (who == "owner")


@pytest.mark.parametrize("who", ("anonymous", "other user"))
def test_sitemap(world, who) -> None:
    text = _client(world, who).get("/sitemap.xml").content.decode()
    assert "/people/open-person/" in text
    assert "/festivals/open-harbour/" in text
    assert "quillon-ardmarsh" not in text
    assert "vexmoor-days" not in text


@pytest.mark.parametrize("who", VIEWERS)
def test_people_and_festival_api(world, who) -> None:
    client = _client(world, who)
    people = client.get("/api/v1/people").json()
    festivals = client.get("/api/v1/festivals").json()
    person = client.get("/api/v1/people/quillon-ardmarsh")
    festival = client.get("/api/v1/festivals/vexmoor-days")
    harbour = client.get("/api/v1/festivals/open-harbour").json()
    names = [f["name"] for f in festivals["items"]]
    editions = [(e["number"], e["year"]) for e in harbour["editions"]]
    if who == "owner":
        assert [p["display_name"] for p in people["items"]] == ["Open Person", PERSON]
        assert names == ["Open Harbour Festival", FESTIVAL]
        assert (person.status_code, festival.status_code) == (200, 200)
        assert festival.json()["awards"] == [AWARD]
        assert editions == [(9, 2031), (8, 2024)]
        assert harbour["awards"] == [SHARED_AWARD]
        assert [s["name"] for s in harbour["editions"][0]["sections"]] == [SHARED_SECTION]
    else:
        assert [p["display_name"] for p in people["items"]] == ["Open Person"]
        assert names == ["Open Harbour Festival"]
        assert (person.status_code, festival.status_code) == (404, 404)
        assert editions == [(8, 2024)]
        assert harbour["awards"] == []
        assert _leaks(json.dumps(harbour)) == []


@pytest.mark.parametrize("who", VIEWERS)
def test_search_pages_and_api(world, who) -> None:
    client = _client(world, who)
    page = client.get("/search/", {"q": "Quillon Ardmarsh"}).content.decode()
    api = client.get("/api/v1/search", {"q": "Vexmoor"}).json()
    found = [(item["kind"], item["title"]) for item in api["items"]]
    if who == "owner":
        assert "/people/quillon-ardmarsh/" in page
        assert found == [("festival", FESTIVAL), ("film", "Zebrine Heron Nocturne")]
    else:
        assert "/people/quillon-ardmarsh/" not in page
        assert (found, api["total"]) == ([], 0)


@pytest.mark.parametrize("who", VIEWERS)
def test_autocomplete(world, who) -> None:
    client = _client(world, who)
    person = client.get("/search/autocomplete", {"q": "Quill"}).json()
    festival = client.get("/api/v1/autocomplete", {"q": "Vexm"}).json()
    titles = [item["title"] for item in [*person["results"], *festival["items"]]]
    assert titles == ([PERSON, FESTIVAL] if who == "owner" else [])


@pytest.mark.parametrize("who", VIEWERS)
def test_facet_counts(world, who) -> None:
    users = {"anonymous": None, "other user": UserFactory(), "owner": world["owner"]}
    viewer = access.Viewer.for_user(users[who]) if users[who] else access.Viewer.anonymous()
    page = search_page_for(viewer, SearchRequest(text="Vexmoor"))
    kinds = [(facet.value, facet.count) for facet in page.facets.get("kind", [])]
    if who == "owner":
        assert (page.total, kinds) == (2, [("festival", 1), ("film", 1)])
    else:
        assert (page.total, page.facets) == (0, {})


def _anonymous_finds() -> list[str]:
    client = Client()
    people = client.get("/api/v1/search", {"q": "Quillon"}).json()["items"]
    festivals = client.get("/api/v1/autocomplete", {"q": "Vexm"}).json()["items"]
    return [item["title"] for item in [*people, *festivals] if item["kind"] != "film"]


def test_people_and_festivals_follow_their_film_in_search_at_once(world) -> None:
    """The services re-index a film's people and festivals with it, in the same transaction."""
    owner, secret = world["owner"], world["secret"]
    assert _anonymous_finds() == []
    film_set_visibility(film=secret, actor=owner, visibility=Visibility.PUBLIC)
    assert _anonymous_finds() == [PERSON, FESTIVAL]
    film_set_visibility(film=secret, actor=owner, visibility=Visibility.UNLISTED)
    assert _anonymous_finds() == []


def test_removed_credit_and_entry_take_the_listing_with_them(world) -> None:
    owner, secret = world["owner"], world["secret"]
    film_set_visibility(film=secret, actor=owner, visibility=Visibility.PUBLIC)
    assert _anonymous_finds() == [PERSON, FESTIVAL]
    credit = secret.credits.get(person__slug="quillon-ardmarsh")
    film_services.credit_remove(film=secret, actor=owner, credit_id=credit.pk)
    entry = secret.festival_entries.get(edition__festival__slug="vexmoor-days")
    festival_services.entry_remove(film=secret, actor=owner, entry_id=entry.pk)
    assert _anonymous_finds() == []
    assert Client().get("/people/quillon-ardmarsh/").status_code == 404


@pytest.mark.parametrize("who", VIEWERS)
def test_spelling_suggestions_come_only_from_public_documents(world, who) -> None:
    """ "Zebrine" exists only in the private film's title; "Harbour" in a public festival."""
    client = _client(world, who)
    private = client.get("/api/v1/search", {"q": "Zebrina"}).json()
    public = client.get("/api/v1/search", {"q": "Harbor"}).json()
    page = client.get("/search/", {"q": "Zebrina"}).content.decode()
    assert private["corrections"] == {}
    assert "zebrine" not in page.lower()
    assert public["corrections"] == {"harbor": ["harbour"]}


def test_spelling_suggestions_follow_visibility_at_once(world) -> None:
    owner, secret = world["owner"], world["secret"]

    def corrections() -> dict:
        return Client().get("/api/v1/search", {"q": "Zebrina"}).json()["corrections"]

    assert corrections() == {}
    film_set_visibility(film=secret, actor=owner, visibility=Visibility.PUBLIC)
    assert corrections() == {"zebrina": ["zebrine"]}
    film_set_visibility(film=secret, actor=owner, visibility=Visibility.PRIVATE)
    assert corrections() == {}
    assert not SearchTerm.objects.filter(term="zebrine").exists()
    # the festival and the public film entered at it
    assert SearchTerm.objects.get(term="harbour").documents == 2
    kept = dict(SearchTerm.objects.values_list("term", "documents"))
    index.rebuild()
    assert dict(SearchTerm.objects.values_list("term", "documents")) == kept
    index.rebuild(["festival"])
    assert dict(SearchTerm.objects.values_list("term", "documents")) == kept


def test_indexing_a_film_brings_its_people_and_festivals_listing_up_to_date(world) -> None:
    """What the importer and the background index task call: a public film written outside
    the services that credits the canary's person makes them public with its own document."""
    film = FilmFactory(public=True, title="Imported Film", slug="imported-film")
    Credit.objects.create(
        film=film,
        person=Person.objects.get(slug="quillon-ardmarsh"),
        role=Role.objects.get(code="editor"),
    )
    Entry.objects.create(
        film=film, edition=Edition.objects.get(festival__slug="vexmoor-days"), result="selected"
    )
    assert _anonymous_finds() == []
    index.update_ids(DocumentKind.FILM, [film.pk])
    assert _anonymous_finds() == [PERSON, FESTIVAL]


def test_another_user_cannot_credit_the_private_films_person(world) -> None:
    """Crediting would publish the person's record (other names, biography) through the other
    user's public film: by address it is refused like an unknown one, by name it makes a new
    person; the owner credits them on another film as usual."""
    collaborator = CollaboratorFactory(film=FilmFactory(public=True, slug="stranger-film"))
    stranger, film = collaborator.user, collaborator.film
    with pytest.raises(ValidationFailedError) as refused:
        film_services.credit_add(
            film=film,
            actor=stranger,
            role="director",
            credited=film_services.CreditedPerson(person="quillon-ardmarsh"),
        )
    assert refused.value.errors == {"person": ["No person has this address."]}
    assert film.credits.count() == 0
    credit = film_services.credit_add(
        film=film,
        actor=stranger,
        role="director",
        credited=film_services.CreditedPerson(name=PERSON),
    )
    assert credit.person.slug != "quillon-ardmarsh"
    assert Client().get("/people/quillon-ardmarsh/").status_code == 404
    own = CollaboratorFactory(film=FilmFactory(slug="second-film"), user=world["owner"]).film
    mine = film_services.credit_add(
        film=own,
        actor=world["owner"],
        role="director",
        credited=film_services.CreditedPerson(person="quillon-ardmarsh"),
    )
    assert mine.person.slug == "quillon-ardmarsh"


def test_another_user_cannot_enter_a_film_at_the_private_films_festival(world) -> None:
    collaborator = CollaboratorFactory(film=FilmFactory(public=True, slug="stranger-film"))
    stranger, film = collaborator.user, collaborator.film
    edition = {"year": 2025, "number": 3}
    with pytest.raises(ValidationFailedError) as refused:
        festival_services.entry_add(
            film=film,
            actor=stranger,
            draft=festival_services.EntryDraft(festival="vexmoor-days", **edition, result="won"),
        )
    assert refused.value.errors == {"festival": ["No festival has this address."]}
    assert film.festival_entries.count() == 0
    entry = festival_services.entry_add(
        film=film,
        actor=stranger,
        draft=festival_services.EntryDraft(
            festival=None, new_festival_name=FESTIVAL, **edition, result="selected"
        ),
    )
    assert entry.edition.festival.slug != "vexmoor-days"
    assert Client().get("/festivals/vexmoor-days/").status_code == 404
    own = CollaboratorFactory(film=FilmFactory(slug="second-film"), user=world["owner"]).film
    mine = festival_services.entry_add(
        film=own,
        actor=world["owner"],
        draft=festival_services.EntryDraft(festival="vexmoor-days", **edition, result="won"),
    )
    assert mine.edition.festival.slug == "vexmoor-days"
