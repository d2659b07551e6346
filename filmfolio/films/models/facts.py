"""Coded facts of a film: countries, languages, genres and companies."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core import vocab

from ..choices import CompanyRole, CountryRole, LanguageRole


class FilmCountry(models.Model):
    """A country of origin or of filming (ISO 3166-1 alpha-2); co-productions have several."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="countries")
    country = models.CharField(_("country"), max_length=2)
    role = models.CharField(_("role"), max_length=8, choices=CountryRole.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["role", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["film", "country", "role"], name="unique_film_country")
        ]
        indexes = [models.Index(fields=["country", "role"], name="filmcountry_country_role")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return vocab.country_name(self.country)


class FilmLanguage(models.Model):
    """A spoken or subtitle language as a BCP 47 tag; ``label`` keeps a finer description
    the code cannot carry ("Chinese dialect")."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=16)
    role = models.CharField(_("role"), max_length=8, choices=LanguageRole.choices)
    label = models.CharField(_("as stated"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["role", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "language", "role", "label"], name="unique_film_language"
            )
        ]
        indexes = [models.Index(fields=["language", "role"], name="filmlanguage_lang_role")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.label or vocab.language_name(self.language)


class Genre(models.Model):
    """A genre from the controlled list, named in English and Chinese."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name_en = models.CharField(_("English name"), max_length=60)
    name_zh = models.CharField(_("Chinese name"), max_length=60, blank=True)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        from django.utils import translation

        language = translation.get_language() or "en"
        return self.name_zh if language.startswith("zh") and self.name_zh else self.name_en


class FilmCompany(models.Model):
    """An organisation's part in a film: production, school, distribution, sales, funding."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="companies")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="film_roles"
    )
    role = models.CharField(_("role"), max_length=16, choices=CompanyRole.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "organisation", "role"], name="unique_film_company"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"
