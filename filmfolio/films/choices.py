"""Enumerations of the films app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FilmKind(models.TextChoices):
    FEATURE = "feature", _("Feature")
    SHORT = "short", _("Short")
    DOCUMENTARY = "documentary", _("Documentary")
    DOCUMENTARY_SHORT = "documentary_short", _("Documentary short")
    ANIMATION = "animation", _("Animation")
    SERIES = "series", _("Series")
    OTHER = "other", _("Other")


class TitleKind(models.TextChoices):
    ORIGINAL = "original", _("Original title")
    ROMANISED = "romanised", _("Romanised original title")
    ENGLISH = "english", _("English title")
    INTERNATIONAL = "international", _("International title")
    FESTIVAL = "festival", _("Festival title")
    WORKING = "working", _("Working title")
    ALTERNATIVE = "alternative", _("Alternative title")


class ColorKind(models.TextChoices):
    COLOR = "color", _("Colour")
    BLACK_AND_WHITE = "black_and_white", _("Black and white")
    MIXED = "mixed", _("Colour and black and white")


class CountryRole(models.TextChoices):
    ORIGIN = "origin", _("Country of origin")
    FILMING = "filming", _("Country of filming")


class LanguageRole(models.TextChoices):
    ORIGINAL = "original", _("Original language")
    SUBTITLE = "subtitle", _("Subtitles")


class TextKind(models.TextChoices):
    LOGLINE = "logline", _("Logline")
    SYNOPSIS = "synopsis", _("Synopsis")
    STATEMENT = "statement", _("Director statement")
    NOTE = "note", _("Production note")


class LinkKind(models.TextChoices):
    FULL_VERSION = "full_version", _("Full version")
    SHOOTING_ALBUM = "shooting_album", _("Shooting album")
    TRAILER = "trailer", _("Trailer")
    VIDEO_PAGE = "video_page", _("Video page")
    OFFICIAL_SITE = "official_site", _("Official site")
    PRESS = "press", _("Press")
    DATABASE = "database", _("Film database")
    OTHER = "other", _("Other")


class CompanyRole(models.TextChoices):
    PRODUCTION = "production", _("Production")
    CO_PRODUCTION = "co_production", _("Co-production")
    SCHOOL = "school", _("School")
    DISTRIBUTION = "distribution", _("Distribution")
    SALES = "sales", _("International sales")
    FUNDING = "funding", _("Funding")
    OTHER = "other", _("Other")


class RoleCategory(models.TextChoices):
    DIRECTOR = "director", _("Direction")
    PRODUCER = "producer", _("Production")
    WRITER = "writer", _("Writing")
    CINEMATOGRAPHY = "cinematography", _("Cinematography")
    EDITOR = "editor", _("Editing")
    SOUND = "sound", _("Sound")
    MUSIC = "music", _("Music")
    CAST = "cast", _("Cast")
    ART = "art", _("Art and design")
    ANIMATION = "animation", _("Animation")
    POST_PRODUCTION = "post_production", _("Post-production")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public — listed everywhere")
    UNLISTED = "unlisted", _("Unlisted — anyone with the link, never listed")
    PRIVATE = "private", _("Private — owners and collaborators only")
    PASSWORD = "password", _("Password — the page asks for a password")


class CollaboratorRole(models.TextChoices):
    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    OWNER = "owner", _("Owner")
