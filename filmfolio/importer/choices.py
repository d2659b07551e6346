"""Enumerations of the importer."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageImportAction(models.TextChoices):
    """What saving a reviewed page did to the catalogue."""

    CREATED = "created", _("Created a film")
    UPDATED = "updated", _("Updated a film")
