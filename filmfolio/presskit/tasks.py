"""Background work of the press kit: rendering PDFs (a few hundred milliseconds each)."""

from __future__ import annotations

from django_tasks import task

from filmfolio.core.site import serving

from .services import presskit_build


@task()
def build_presskit_task(film_id: int, language: str, site: str = "") -> str | None:
    """Render and store the press kit of one film in one language, its links pointing at
    ``site`` (the address the request came to); safe to run twice."""
    with serving(site):
        return presskit_build(film_id=film_id, language=language)
