"""Background work of the importer: a bulk import of films from a file."""

from __future__ import annotations

from django_tasks import task

from .bulk import film_import_run


@task()
def import_films_task(import_id: int) -> str:
    """Import the films of one queued file; safe to run twice (see ``bulk.film_import_run``)."""
    return film_import_run(import_id=import_id)
