"""Enumerations of the importer: the formats of an import file, the states of a bulk import,
what saving a reviewed page did."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FileFormat(models.TextChoices):
    JSONL = "jsonl", _("JSON Lines")
    CSV = "csv", _("CSV")


class FilmImportState(models.TextChoices):
    """Checked (waiting for the user's go) → queued → running → done, or failed."""

    CHECKED = "checked", _("checked, not started")
    QUEUED = "queued", _("waiting to start")
    RUNNING = "running", _("importing")
    DONE = "done", _("done")
    FAILED = "failed", _("stopped by an error")


class PageImportAction(models.TextChoices):
    """What saving a reviewed page did to the catalogue."""

    CREATED = "created", _("Created a film")
    UPDATED = "updated", _("Updated a film")
