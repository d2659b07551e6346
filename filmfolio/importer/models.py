"""The record of a page imported through the "New film from text" pages.

A `PageImport` keeps what was read — the address it was fetched from (if any) and the page's
text as read — with the film it created or updated and who did it. The review finds earlier
imports of the same address or text by the same user, so importing the same page again
proposes to update that film instead of making a second one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel

from .choices import PageImportAction


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
