"""Where every change to a film's record ends: ``film_changed``.

The web editor, the API, the importer and the Django admin change a film only through the domain
services, and each service calls ``film_changed`` inside its transaction. It does the four things
a change needs, always together:

* writes the change record (who, what, old and new values);
* bumps the film's ``updated_at``, the version the cached film page (``films.page_cache``) and
  press kit are keyed on;
* rewrites the film's search document in the same transaction, so a film made private leaves
  anonymous search, suggestions and the search API when the change commits, not later;
* drops the film's cached pages of the old version.

``films_refreshed`` is the same without a change record, for changes recorded on another object
(a credited person renamed, a festival renamed); ``person_films_refreshed`` is what films
register with ``people.hooks`` for the first.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.models import ChangeRecord
from filmfolio.core.site import site_url
from filmfolio.core.versions import content_changed

from .reindex import search_remove, search_update, search_update_many

if TYPE_CHECKING:
    from .models import Film


def _stamp(updated_at: datetime.datetime) -> str:
    return str(updated_at.timestamp())


def film_page_key(film_id: int, updated_at: datetime.datetime, language: str) -> str:
    """Cache key of a film page's shell (``films.page_cache``) at one version and language, on
    the site's current address (the page's head holds absolute links)."""
    return f"films:page:{film_id}:{_stamp(updated_at)}:{language}:{site_url()}"


def film_cache_keys(film_id: int, updated_at: datetime.datetime) -> list[str]:
    """Every cached page shell of one version of a film, in every language."""
    return [film_page_key(film_id, updated_at, language) for language, _name in settings.LANGUAGES]


def film_changed(film: Film, note: ChangeNote) -> ChangeRecord:
    """Record the change ``note`` describes to ``film`` and bring everything that copies it up
    to date.

    Call it inside the service's transaction, after the write. ``film.updated_at`` is set to the
    new version. Returns the change record.
    """
    with transaction.atomic():
        record = record_change(target=film, note=note)
        film.updated_at = _films_refresh(type(film), [film.pk])
        search_update(film)
    return record


def films_refreshed(film_model: Any, film_ids: Iterable[int]) -> None:
    """Bump the version of these films, re-index them now and drop their cached pages (their
    documents or pages show something recorded elsewhere: a person's name, a festival's)."""
    ids = sorted(set(film_ids))
    if not ids:
        return
    with transaction.atomic():
        _films_refresh(film_model, ids)
        search_update_many(film_model, ids)


def person_films_refreshed(person: Any) -> None:
    """The films crediting ``person`` get a new version and documents (they show the person's
    names); registered with ``people.hooks.PERSON_SHOWN``."""
    from .models import Credit, Film

    films_refreshed(Film, Credit.objects.filter(person=person).values_list("film_id", flat=True))


def record_shown_on_films_changed(
    obj: Any, note: ChangeNote, *, film_model: Any, film_ids: Iterable[int]
) -> ChangeRecord:
    """Record a change to a record that film pages show (a person, a festival): the change
    record, its own search document, then the films showing it get a new version. Call it
    inside the service's transaction."""
    with transaction.atomic():
        record = record_change(target=obj, note=note)
        search_update(obj, dependants=False)  # its films, just below
        films_refreshed(film_model, list(film_ids))
    return record


def films_changed_many(
    film_model: Any,
    film_ids: list[int],
    *,
    actor: Any,
    action: str,
    section: str,
    reindex: bool = True,
) -> None:
    """``film_changed`` for many films at once (the importer): one change record each, one
    version bump, one index update and one cache drop for all of them. ``reindex=False`` only
    for new films whose caller rebuilds the index (a film without a document is in no search).
    """
    ids = sorted(set(film_ids))
    if not ids:
        return
    with transaction.atomic():
        content_type = ContentType.objects.get_for_model(film_model)
        user = actor if getattr(actor, "is_authenticated", False) else None
        ChangeRecord.objects.bulk_create(
            [
                ChangeRecord(
                    content_type=content_type,
                    object_id=pk,
                    actor=user,
                    action=action,
                    section=section,
                )
                for pk in ids
            ],
            batch_size=2000,
        )
        _films_refresh(film_model, ids)
        if reindex:
            search_update_many(film_model, ids)


def film_deleted(film: Film, *, actor: Any, summary: str = "") -> ChangeRecord:
    """Record that ``film`` is being deleted, remove its search document and drop its cached
    pages. Call inside the deleting service's transaction, before the delete."""
    with transaction.atomic():
        note = ChangeNote(
            actor=actor, action=AuditAction.DELETE, section=AuditSection.FILM, summary=summary
        )
        record = record_change(target=film, note=note)
        _drop_cached(type(film), [film.pk])
        search_remove(film)
    return record


def _films_refresh(film_model: Any, ids: list[int]) -> datetime.datetime:
    """Drop the cached pages of the current version of these films and bump their version and
    the content version (``core.versions``: the pages cached for plain visitors)."""
    _drop_cached(film_model, ids)
    content_changed()
    now = timezone.now()
    film_model._default_manager.filter(pk__in=ids).update(updated_at=now)
    return now


def _drop_cached(film_model: Any, ids: list[int]) -> None:
    versions = film_model._default_manager.filter(pk__in=ids).values_list("pk", "updated_at")
    keys = [key for pk, updated_at in versions for key in film_cache_keys(pk, updated_at)]
    if keys:
        cache.delete_many(keys)
