"""Writes that do not come through the web editor — the Django admin and the importer — show
in what an anonymous visitor can search at once: a film made private there leaves search,
autocomplete and the search API in the same request, and a new title is found at once."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client, TestCase

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.festivals.tests.factories import EditionFactory, EntryFactory, FestivalFactory
from filmfolio.films import services as film_services
from filmfolio.films.choices import Visibility
from filmfolio.films.models import Film
from filmfolio.films.services import film_set_visibility
from filmfolio.films.tests.factories import CreditFactory, FilmFactory
from filmfolio.people.tests.factories import PersonFactory
from filmfolio.search import index
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .admin_forms import NOWHERE, form_fields, listed_urls
from .url_inventory import body_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


def _public_film(word: str) -> Film:
    """A public film titled ``<word> Qxkvadm<word>``, indexed as the services index it."""
    owner = UserFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        film = film_services.film_create(
            actor=owner, title=f"{word} Qxkvadm{word}", year=1987, slug="qxkvadm-film"
        )
        film_set_visibility(film=film, actor=owner, visibility=Visibility.PUBLIC)
    return film


def _anonymous_search(word: str) -> str:
    """What an anonymous visitor gets from every search surface for ``word``."""
    client = Client()
    prefix = word[:-2]
    paths = [
        f"/search/?q={word}",
        f"/search/autocomplete?q={prefix}",
        f"/api/v1/search?q={word}",
        f"/api/v1/autocomplete?q={prefix}",
        f"/api/v1/films?q={word}",
    ]
    return "\n".join(body_of(client.get(path)) for path in paths).lower()


def _admin_save(film: Film, **changes: str) -> None:
    """A superuser changes ``film`` on its admin page, every other field left as it was."""
    admin = Client()
    admin.force_login(UserFactory(staff=True))
    url = f"/admin/films/film/{film.pk}/change/"
    data = form_fields(body_of(admin.get(url)), "film_form")
    data.update({name: [value] for name, value in changes.items()})
    response = admin.post(url, {**data, "_save": "Save"})
    assert response.status_code == 302, body_of(response)[:3000]


def test_search_sees_a_public_film_before_the_change():
    """The control: the search surfaces do name the film while it is public."""
    _public_film("Zorbadmtitle")
    assert _anonymous_search("Zorbadmtitle").count("qxkvadmzorbadmtitle") >= 5


def _film_with_its_own_people_and_festival() -> tuple[Film, Film]:
    """A public film with a person and a festival reached only through it, and a second public
    film sharing another person and festival with it; everything indexed."""
    film, other = FilmFactory.create(slug="qxkvdel-one"), FilmFactory.create(slug="qxkvdel-two")
    alone = PersonFactory.create(display_name="Zorbdelalone Person", slug="zorbdelalone")
    shared = PersonFactory.create(display_name="Zorbdelshared Person", slug="zorbdelshared")
    solo_fest = FestivalFactory.create(name="Zorbdelsolo Festival", slug="zorbdelsolo")
    both_fest = FestivalFactory.create(name="Zorbdelboth Festival", slug="zorbdelboth")
    CreditFactory.create(film=film, person=alone)
    CreditFactory.create(film=film, person=shared)
    CreditFactory.create(film=other, person=shared)
    EntryFactory.create(film=film, edition=EditionFactory.create(festival=solo_fest))
    both = EditionFactory.create(festival=both_fest)
    EntryFactory.create(film=film, edition=both)
    EntryFactory.create(film=other, edition=both)
    for obj in (film, other, alone, shared, solo_fest, both_fest):
        index.update_for(obj, dependants=False)
    return film, other


def _found(url: str, *films: str) -> dict[str, set[str]]:
    """``listed_urls`` of a person or festival: the films naming it are found too, except in
    autocomplete, which suggests the name itself."""
    return {"page": {url, *films}, "autocomplete": {url}, "api": {url, *films}}


def _delete_in_the_admin(film: Film, how: str) -> None:
    admin = Client()
    admin.force_login(UserFactory(staff=True))
    if how == "admin":
        response = admin.post(f"/admin/films/film/{film.pk}/delete/", {"post": "yes"})
    else:
        response = admin.post(
            "/admin/films/film/",
            {"action": "delete_selected", "_selected_action": [str(film.pk)], "post": "yes"},
        )
    assert response.status_code == 302, body_of(response)[:3000]


@pytest.mark.parametrize("how", ["service", "admin", "bulk"])
def test_deleting_a_film_takes_its_own_people_and_festivals_out_of_search(how: str) -> None:
    """A person or festival reached only through a deleted public film leaves anonymous search
    and autocomplete in the same request; those another public film still reaches stay."""
    film, _other = _film_with_its_own_people_and_festival()
    one, two = "/films/qxkvdel-one/", "/films/qxkvdel-two/"
    assert {
        word: listed_urls(word)
        for word in ("Zorbdelalone", "Zorbdelshared", "Zorbdelsolo", "Zorbdelboth")
    } == {
        "Zorbdelalone": _found("/people/zorbdelalone/", one),
        "Zorbdelshared": _found("/people/zorbdelshared/", one, two),
        "Zorbdelsolo": _found("/festivals/zorbdelsolo/", one),
        "Zorbdelboth": _found("/festivals/zorbdelboth/", one, two),
    }
    pk = film.pk
    if how == "service":
        owner = CollaboratorFactory.create(film=film).user
        film_services.film_delete(film=film, actor=owner)
    else:
        _delete_in_the_admin(film, how)
    assert not Film.objects.filter(pk=pk).exists()
    assert listed_urls("Zorbdelalone") == NOWHERE
    assert listed_urls("Zorbdelsolo") == NOWHERE
    assert listed_urls("Zorbdelshared") == _found("/people/zorbdelshared/", two)
    assert listed_urls("Zorbdelboth") == _found("/festivals/zorbdelboth/", two)
