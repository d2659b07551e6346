"""Enumerations of the search app: document kinds, facets and sort orders."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    FILM = "film", _("Films")
    PERSON = "person", _("People")
    FESTIVAL = "festival", _("Festivals")
    ORGANISATION = "organisation", _("Organisations")


class Facet(models.TextChoices):
    """Multi-valued facets, stored one row per value (a co-production counts for each)."""

    GENRE = "genre", _("Genre")
    COUNTRY = "country", _("Country")
    LANGUAGE = "language", _("Language")
    SUBTITLE = "subtitle", _("Subtitles")
    FESTIVAL = "festival", _("Festival")


class SortOrder(models.TextChoices):
    RELEVANCE = "relevance", _("Relevance")
    YEAR_DESC = "-year", _("Newest first")
    YEAR = "year", _("Oldest first")
    TITLE = "title", _("Title")
    RUNTIME = "runtime", _("Shortest first")
    RUNTIME_DESC = "-runtime", _("Longest first")
