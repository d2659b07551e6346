"""Enumerations of the API app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TokenScope(models.TextChoices):
    """What a personal API token may do: read what its user may see, or also change it."""

    READ = "read", _("Read")
    WRITE = "write", _("Read and write")
