"""The records of imports: a bulk import of films from a file (``FilmImport``: who, when,
which file, how far, what came of it) and a page imported through the "New film from text"
pages (``PageImport``).

A ``FilmImport`` keeps the file's text while the import waits or runs (the background job reads
it) and drops it when the import ends. Only the user who started an import sees it
(``FilmImport.objects.visible_to(viewer)``, decided by ``films.access.started_by_q``).

A ``PageImport`` keeps what was read — the address it was fetched from (if any) and the page's
text as read — with the film it created or updated and who did it. The review finds earlier
imports of the same address or text by the same user, so importing the same page again
proposes to update that film instead of making a second one.
"""

from __future__ import annotations

import uuid
from typing import Self

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel
from filmfolio.core.viewers import Viewer
from filmfolio.films import access

from .choices import FileFormat, FilmImportState, PageImportAction


class FilmImportQuerySet(models.QuerySet):
    def visible_to(self, viewer: Viewer) -> Self:
        """The imports ``viewer`` started (nobody else's, whoever asks)."""
        return self.filter(access.started_by_q(viewer))


class FilmImport(models.Model):
    """One file of film records imported on the web by one user; every film it makes is private
    and owned by that user."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="film_imports"
    )
    file_name = models.CharField(_("file name"), max_length=200)
    file_format = models.CharField(max_length=8, choices=FileFormat.choices)
    content = models.TextField(blank=True, help_text="The file's text until the import ends.")
    state = models.CharField(
        max_length=16, choices=FilmImportState.choices, default=FilmImportState.CHECKED
    )
    total_rows = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    films = models.ManyToManyField("films.Film", related_name="+", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = FilmImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("film import")
        verbose_name_plural = _("film imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.rows_done}/{self.total_rows})"

    @property
    def is_finished(self) -> bool:
        return self.state in (FilmImportState.DONE, FilmImportState.FAILED)

    @property
    def percent(self) -> int:
        return round(100 * self.rows_done / self.total_rows) if self.total_rows else 0


class PageImport(TimeStampedModel):
    """One saved import of one page: its source and the film it went to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="page_imports"
    )
    film = models.ForeignKey(
        "films.Film", on_delete=models.SET_NULL, null=True, related_name="page_imports"
    )
    action = models.CharField(_("action"), max_length=16, choices=PageImportAction.choices)
    source_url = models.URLField(_("source address"), max_length=2000, blank=True, db_index=True)
    source_text = models.TextField(_("text as read"), blank=True)
    source_digest = models.CharField(max_length=64, db_index=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("page import")
        verbose_name_plural = _("page imports")

    def __str__(self) -> str:
        return f"{self.source_url or self.source_digest[:12]} → {self.film_id}"
