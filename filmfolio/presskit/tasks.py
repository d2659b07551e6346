"""Background work of the press kit: rendering PDFs (a few hundred milliseconds each)."""

from __future__ import annotations

from django_tasks import task

from .services import presskit_build


@task()
def build_presskit_task(film_id: int, language: str) -> str | None:
    """Render and store the press kit of one film in one language; safe to run twice."""
    return presskit_build(film_id=film_id, language=language)
