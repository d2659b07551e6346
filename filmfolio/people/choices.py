"""Enumerations of the people app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NameScript(models.TextChoices):
    LATIN = "latin", _("Latin")
    HANS = "hans", _("Simplified Chinese")
    HANT = "hant", _("Traditional Chinese")
    OTHER = "other", _("Other script")


class NameOrder(models.TextChoices):
    GIVEN_FIRST = "given_first", _("Given name first")
    FAMILY_FIRST = "family_first", _("Family name first")


class LinkKind(models.TextChoices):
    WEBSITE = "website", _("Website")
    PORTFOLIO = "portfolio", _("Portfolio")
    IMDB = "imdb", _("IMDb")
    DOUBAN = "douban", _("Douban")
    SOCIAL = "social", _("Social media")
    OTHER = "other", _("Other")
