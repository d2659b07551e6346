"""``film_changed``: the change record, the new version, the search document in the same
transaction and the cached pages of the old version, always together."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.audit import ChangeNote
from filmfolio.core.models import ChangeRecord
from filmfolio.films.changes import film_cache_keys, film_changed
from filmfolio.films.models import Film
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.search import index
from filmfolio.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_film_changed_records_bumps_reindexes_and_drops_the_old_pages() -> None:
    film = FilmFactory.create(title="Kumquat Orchard")
    index.update_for(film)
    old_version = film.updated_at
    keys = film_cache_keys(film.pk, old_version)
    assert len(keys) == 2  # the page shell (films.page_cache), in English and Chinese
    cache.set_many(dict.fromkeys(keys, "stale"))
    actor = UserFactory.create()
    Film.objects.filter(pk=film.pk).update(visibility="private")
    film.visibility = "private"
    with transaction.atomic():
        record = film_changed(film, ChangeNote(actor=actor, action="update", section="visibility"))
        # inside the same transaction the document already says "not public"
        document = SearchDocument.objects.get(kind="film", object_id=film.pk)
        assert document.is_public is False
    assert cache.get_many(keys) == {}
    stored = Film.objects.get(pk=film.pk)
    assert stored.updated_at == film.updated_at
    assert stored.updated_at > old_version
    assert (record.action, record.section, record.actor, record.object_id) == (
        "update",
        "visibility",
        actor,
        film.pk,
    )
    assert ChangeRecord.objects.count() == 1
