"""Admin of films, with every part of the record inline, and of the role and genre lists.

The festivals app adds its entries inline to ``FilmAdmin`` (it sits above films).
Every write goes through the film services (``film_save``, ``film_rows_save``, ``film_delete``)
and visibility through ``film_set_visibility``, so the admin keeps the change records, the search
index and the cached pages in step like every other way of changing a film.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from filmfolio.accounts.admin import OrganisationAdmin as AccountsOrganisationAdmin
from filmfolio.accounts.models import Organisation
from filmfolio.core import vocab
from filmfolio.core.choices import AuditSection
from filmfolio.core.errors import DomainError
from filmfolio.films.choices import Visibility
from filmfolio.films.models import Collaborator
from filmfolio.films.services.visibility import film_set_visibility

from . import services
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

# The section of the change record each inline writes (by formset prefix) when it differs.
SECTIONS = {"festival_entries": AuditSection.FESTIVALS}

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
        if data.get("visibility") == Visibility.PASSWORD and not self.instance.password_hash:
            # the password is set by the owner on the film's sharing page, never here
            self.add_error("visibility", _("A password-protected film needs a password."))
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
    # set once, the first time the film becomes public (``film_set_visibility``)
    readonly_fields = ["published_at"]
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
    actions = ["make_public", "make_unlisted", "make_private"]

    def save_model(self, request: HttpRequest, obj: Film, form: Any, change: bool) -> None:
        genres = form.cleaned_data.get("genres") if "genres" in form.changed_data else None
        services.film_save(film=obj, actor=request.user, fields=form.changed_data, genres=genres)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # the genres were set by ``film_save``; each inline goes through ``film_rows_save``
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        saved = formset.save(commit=False)
        services.film_rows_save(
            film=form.instance,
            actor=request.user,
            section=SECTIONS.get(formset.prefix, formset.prefix),
            saved=saved,
            deleted=formset.deleted_objects,
        )
        formset.save_m2m()

    def delete_model(self, request: HttpRequest, obj: Film) -> None:
        services.film_delete(film=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Film]) -> None:
        for film in queryset:
            services.film_delete(film=film, actor=request.user)

    @admin.action(description=_("Make the selected films public"))
    def make_public(self, request: HttpRequest, queryset: QuerySet[Film]) -> None:
        self._set_visibility(request, queryset, Visibility.PUBLIC)

    @admin.action(description=_("Make the selected films unlisted"))
    def make_unlisted(self, request: HttpRequest, queryset: QuerySet[Film]) -> None:
        self._set_visibility(request, queryset, Visibility.UNLISTED)

    @admin.action(description=_("Make the selected films private"))
    def make_private(self, request: HttpRequest, queryset: QuerySet[Film]) -> None:
        self._set_visibility(request, queryset, Visibility.PRIVATE)

    def _set_visibility(self, request: HttpRequest, queryset: QuerySet[Film], value: str) -> None:
        changed = 0
        for film in queryset:
            try:
                film_set_visibility(film=film, actor=request.user, visibility=value)
            except DomainError as error:
                self.message_user(request, f"{film}: {error}", messages.ERROR)
            else:
                changed += 1
        message = ngettext(
            "The visibility of %(count)d film was set.",
            "The visibility of %(count)d films was set.",
            changed,
        )
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)


class VocabularyAdmin(admin.ModelAdmin):
    """Roles and genres: writes through ``vocabulary_save`` and ``vocabulary_delete``."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.vocabulary_save(entry=obj, actor=request.user, fields=form.changed_data)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.vocabulary_delete(entry=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for entry in queryset:
            services.vocabulary_delete(entry=entry, actor=request.user)


@admin.register(Role)
class RoleAdmin(VocabularyAdmin):
    list_display = ["code", "name_en", "name_zh", "category", "position"]
    list_filter = ["category"]
    search_fields = ["code", "name_en", "name_zh"]
    ordering = ["position"]


@admin.register(Genre)
class GenreAdmin(VocabularyAdmin):
    list_display = ["slug", "name_en", "name_zh"]
    search_fields = ["slug", "name_en", "name_zh"]


class OrganisationAdmin(AccountsOrganisationAdmin):
    """Organisations are named on their films: their writes go through the film services
    (registered here, in place of the accounts app's admin, which cannot reach them)."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.organisation_save(organisation=obj, actor=request.user, fields=form.changed_data)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        saved = formset.save(commit=False)
        services.organisation_rows_save(
            organisation=form.instance,
            actor=request.user,
            section=formset.prefix,
            saved=saved,
            deleted=formset.deleted_objects,
        )
        formset.save_m2m()

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.organisation_delete(organisation=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for organisation in queryset:
            services.organisation_delete(organisation=organisation, actor=request.user)


admin.site.unregister(Organisation)
admin.site.register(Organisation, OrganisationAdmin)
