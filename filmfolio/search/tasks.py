"""Background work of the search app."""

from __future__ import annotations

from django_tasks import task

from . import index


@task()
def update_documents_task(*, kind: str, ids: list[int]) -> int:
    """Re-index the documents of ``kind`` for ``ids`` (safe to run twice); returns the count."""
    return index.update_ids(kind, ids)
