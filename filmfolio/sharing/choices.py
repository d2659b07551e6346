"""Enumerations of visibility and collaboration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public — listed everywhere")
    UNLISTED = "unlisted", _("Unlisted — anyone with the link, never listed")
    PRIVATE = "private", _("Private — owners and collaborators only")
    PASSWORD = "password", _("Password — the page asks for a password")


class CollaboratorRole(models.TextChoices):
    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    OWNER = "owner", _("Owner")
