"""Admin of films, with every part of the record inline, and of the role and genre lists.

The festivals app adds its entries inline to ``FilmAdmin`` (it sits to the right of films).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core import vocab
from filmfolio.sharing.models import Collaborator

from .models import (
    SPEC_FIELDS,
    Credit,
    Film,
    FilmCompany,
    FilmCountry,
    FilmLanguage,
    FilmLink,
    FilmText,
    Genre,
    Role,
    Title,
)

# Addresses typed without a scheme are read as https (the Django 6 default).
HTTPS_URLS: dict = {models.URLField: {"assume_scheme": "https"}}


def blank_first(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", "---------"), *choices]


class LanguageTagField(forms.CharField):
    """A BCP 47 tag CLDR can name (zh, zh-Hans, en, yue)."""

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and not vocab.is_language_code(value):
            raise forms.ValidationError(
                _("“%(value)s” is not a language code such as zh, zh-Hans or en."),
                params={"value": value},
            )


class FilmForm(forms.ModelForm):
    budget_currency = forms.ChoiceField(
        label=_("budget currency"),
        required=False,
        choices=lambda: blank_first(vocab.currency_choices()),
    )

    class Meta:
        model = Film
        fields = [
            "title",
            "slug",
            "visibility",
            "published_at",
            "year",
            "completion_date",
            "kind",
            "genres",
            *SPEC_FIELDS,
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("budget_amount") is not None and not data.get("budget_currency"):
            self.add_error("budget_currency", _("Give the currency of the budget amount."))
        return data


class TitleForm(forms.ModelForm):
    language = LanguageTagField(label=_("language"), required=False, max_length=16)

    class Meta:
        model = Title
        fields = ["film", "text", "kind", "language", "position"]


class CountryForm(forms.ModelForm):
    country = forms.ChoiceField(label=_("country"), choices=vocab.country_choices)

    class Meta:
        model = FilmCountry
        fields = ["film", "country", "role", "position"]


class LanguageForm(forms.ModelForm):
    language = LanguageTagField(label=_("language"), max_length=16)

    class Meta:
        model = FilmLanguage
        fields = ["film", "language", "role", "label", "position"]


class TextForm(forms.ModelForm):
    language = LanguageTagField(label=_("language"), max_length=16)

    class Meta:
        model = FilmText
        fields = ["film", "kind", "language", "body"]


class TitleInline(admin.TabularInline):
    model = Title
    form = TitleForm
    extra = 0


class CreditInline(admin.TabularInline):
    model = Credit
    extra = 0
    autocomplete_fields = ["person", "role"]
    fields = ["role", "person", "credited_as", "character", "description", "position"]


class FilmCountryInline(admin.TabularInline):
    model = FilmCountry
    form = CountryForm
    extra = 0


class FilmLanguageInline(admin.TabularInline):
    model = FilmLanguage
    form = LanguageForm
    extra = 0


class FilmTextInline(admin.StackedInline):
    model = FilmText
    form = TextForm
    extra = 0


class FilmLinkInline(admin.TabularInline):
    model = FilmLink
    formfield_overrides = HTTPS_URLS
    extra = 0


class FilmCompanyInline(admin.TabularInline):
    model = FilmCompany
    extra = 0
    autocomplete_fields = ["organisation"]


class CollaboratorInline(admin.TabularInline):
    model = Collaborator
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Film)
class FilmAdmin(admin.ModelAdmin):
    form = FilmForm
    list_display = ["title", "year", "kind", "runtime_minutes", "visibility", "updated_at"]
    list_filter = ["visibility", "kind", "color", "is_student_project", "genres"]
    search_fields = ["title", "slug", "titles__text"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["genres"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "visibility", "published_at"]}),
        (_("Facts"), {"fields": ["year", "completion_date", "kind", "genres", "runtime_minutes"]}),
        (
            _("Budget"),
            {"fields": ["budget_amount", "budget_currency", "budget_as_stated"]},
        ),
        (
            _("Technical"),
            {"fields": ["shooting_format", "sound", "aspect_ratio", "color"]},
        ),
        (_("About the making"), {"fields": ["is_first_time_filmmaker", "is_student_project"]}),
    ]
    inlines = [
        TitleInline,
        CreditInline,
        FilmCountryInline,
        FilmLanguageInline,
        FilmTextInline,
        FilmLinkInline,
        FilmCompanyInline,
        CollaboratorInline,
    ]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_zh", "category", "position"]
    list_filter = ["category"]
    search_fields = ["code", "name_en", "name_zh"]
    ordering = ["position"]


@admin.register(Genre)
class GenreAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_zh"]
    search_fields = ["slug", "name_en", "name_zh"]
