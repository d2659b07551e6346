"""Writes that do not come through the web editor — the Django admin and the importer — show
in what an anonymous visitor can search at once: a film made private there leaves search,
autocomplete and the search API in the same request, and a new title is found at once."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client, TestCase

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films import services as film_services
from filmfolio.films.models import Film
from filmfolio.sharing import services as sharing_services
from filmfolio.sharing.choices import Visibility

from .admin_forms import form_fields
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
        sharing_services.film_set_visibility(film=film, actor=owner, visibility=Visibility.PUBLIC)
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
