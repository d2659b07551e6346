"""Press kit PDFs: who may have one, render one, and keep it until the film changes.

A rendered PDF is stored under ``presskits/<film id>/<language>-<updated_at>.pdf`` in the
default storage; any change to the film (``updated_at``) gives a new name, so a stale file is
never served. Rendering goes through ``tasks.build_presskit_task`` so slow renders run on a
worker; ``presskit_build`` is what the task calls. ``presskit_build_claim`` lets one request per
film version and language queue that task (a ``PresskitBuild`` row while it is in flight).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from filmfolio.core.site import absolute_url
from filmfolio.films.access import Viewer, can_get_presskit
from filmfolio.films.models import Film
from filmfolio.films.selectors import film_record_for

from .content import presskit_content_for
from .models import PresskitBuild
from .pdf import html_to_pdf

LANGUAGES = ("en", "zh-hans")
# A claimed build this old is taken for lost (its worker died) and may be claimed again.
BUILD_STALE_AFTER = datetime.timedelta(minutes=10)


def presskit_allowed(viewer: Viewer, film: Any) -> bool:
    """Who may have the press kit is decided by ``films.access.can_get_presskit`` (owners,
    anyone for a public film, a screener link's holder)."""
    return can_get_presskit(viewer, film)


def presskit_for_everyone(film: Any) -> bool:
    """May every viewer of the film's page have its press kit (a public film)? Then the page
    offers it in the part it renders once for everyone."""
    return presskit_allowed(Viewer.anonymous(), film)


def presskit_language(language: str | None) -> str:
    """One of the press-kit languages for a requested language code (default English)."""
    code = (language or "en").lower()
    return "zh-hans" if code.startswith("zh") else "en"


def presskit_path(film: Any, language: str) -> str:
    """Where the PDF of ``film`` in ``language`` is kept; changes whenever the film does."""
    stamp = film.updated_at.strftime("%Y%m%dT%H%M%S%f")
    return f"presskits/{film.pk}/{language}-{stamp}.pdf"


def presskit_html(film: Film, language: str) -> str:
    """The press kit of ``film`` as HTML (the PDF's source), from its record."""
    kit = presskit_content_for(film_record_for(film), language)
    context = {"kit": kit, "page_url": absolute_url(film.get_absolute_url())}
    with translation.override(language):
        return render_to_string("presskit/presskit.html", context)


def presskit_render(*, film: Film, language: str) -> bytes:
    """Render the press kit PDF of ``film``."""
    return html_to_pdf(presskit_html(film, language))


def presskit_build_claim(*, film: Any, language: str) -> bool:
    """Claim the build of ``film``'s current version in ``language``: True when the caller
    should queue it, False when a build of this version is queued or running already."""
    with transaction.atomic():
        PresskitBuild.objects.filter(
            film=film, language=language, created_at__lt=timezone.now() - BUILD_STALE_AFTER
        ).delete()
        _build, created = PresskitBuild.objects.get_or_create(
            film=film, language=language, film_version=film.updated_at
        )
    return created


def presskit_build(*, film_id: int, language: str) -> str | None:
    """Render and store the PDF unless the current one is stored, then release the claims of
    this and earlier versions; returns its storage path (None when the film is gone). Safe to
    run twice."""
    film = Film.objects.filter(pk=film_id).first()
    if film is None:
        return None
    path = presskit_path(film, language)
    if not default_storage.exists(path):
        _remove_stale(film)
        default_storage.save(path, ContentFile(presskit_render(film=film, language=language)))
    PresskitBuild.objects.filter(
        film=film, language=language, film_version__lte=film.updated_at
    ).delete()
    return path


def _remove_stale(film: Any) -> None:
    """Delete PDFs of earlier versions of the film."""
    folder = f"presskits/{film.pk}"
    if not default_storage.exists(folder):
        return
    current = {presskit_path(film, lang).rsplit("/", 1)[1] for lang in LANGUAGES}
    for name in default_storage.listdir(folder)[1]:
        if name not in current:
            default_storage.delete(f"{folder}/{name}")


def presskit_stored(film: Any, language: str) -> str | None:
    """The storage path of the current PDF if it has been built."""
    path = presskit_path(film, language)
    return path if default_storage.exists(path) else None
