"""Admin of festivals, editions (sections inline), awards and entries; adds entries inline to the
film admin.

Every write goes through the festivals services: entries end in ``film_changed`` on their film,
festival records in ``festival_changed`` (search documents of the festival and its films, their
versions, a change record).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from filmfolio.core.choices import AuditSection
from filmfolio.films.admin import FilmAdmin

from . import services
from .evidence import claimed_cleared, evidence_errors
from .models import Award, Edition, Entry, Festival, Section

# Addresses typed without a scheme are read as https (the Django 6 default).
HTTPS_URLS: dict = {models.URLField: {"assume_scheme": "https"}}


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["festival", "number", "year", "starts_on", "ends_on", "city"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The edition cannot end before it starts."))
        return data


class EntryForm(forms.ModelForm):
    evidence_url = forms.URLField(
        label=_("source address"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = Entry
        fields = [
            "film",
            "edition",
            "section",
            "award",
            "result",
            "date",
            "note",
            "evidence",
            "evidence_url",
            "evidence_checked_on",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        edition, section, award = data.get("edition"), data.get("section"), data.get("award")
        if edition and section and section.edition_id != edition.pk:
            self.add_error("section", _("This section belongs to another edition."))
        if edition and award and award.festival_id != edition.festival_id:
            self.add_error("award", _("This award belongs to another festival."))
        return data

    def _post_clean(self) -> None:
        """The evidence rules of ``festivals.evidence`` on the entry the form built, beside
        the fields they name."""
        super()._post_clean()  # type: ignore[misc]
        edition = self.cleaned_data.get("edition")
        if edition is None or self.errors:
            return
        entry = self.instance
        previous = Entry.objects.filter(pk=entry.pk).first() if entry.pk else None
        claimed_cleared(entry)
        errors = evidence_errors(entry=entry, festival=edition.festival, previous=previous)
        for field, messages in errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


class SectionInline(admin.TabularInline):
    model = Section
    extra = 1


class EditionInline(admin.TabularInline):
    model = Edition
    form = EditionForm
    extra = 0
    show_change_link = True
    fields = ["number", "year", "starts_on", "ends_on", "city"]


class AwardInline(admin.TabularInline):
    model = Award
    extra = 0


class EntryInline(admin.TabularInline):
    model = Entry
    form = EntryForm
    fk_name = "film"
    extra = 0
    autocomplete_fields = ["edition", "section", "award"]
    fields = [
        "edition",
        "section",
        "result",
        "award",
        "date",
        "note",
        "evidence",
        "evidence_url",
        "evidence_checked_on",
    ]
    readonly_fields = ["confirmed_at"]


class FestivalPartAdmin(admin.ModelAdmin):
    """Writes rows of a festival's record (and their inlines) through ``festival_rows_save``."""

    record_section = ""

    def festival_of(self, obj: Any) -> Festival:
        raise NotImplementedError

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.festival_rows_save(
            festival=self.festival_of(obj),
            actor=request.user,
            section=self.record_section,
            saved=[obj],
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        saved = formset.save(commit=False)
        services.festival_rows_save(
            festival=self.festival_of(form.instance),
            actor=request.user,
            section=formset.prefix,
            saved=saved,
            deleted=formset.deleted_objects,
        )
        formset.save_m2m()

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.festival_rows_save(
            festival=self.festival_of(obj),
            actor=request.user,
            section=self.record_section,
            deleted=[obj],
        )

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(Festival)
class FestivalAdmin(FestivalPartAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "city", "country", "website"]
    list_filter = ["country"]
    search_fields = ["name", "slug", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EditionInline, AwardInline]

    def festival_of(self, obj: Festival) -> Festival:
        return obj

    def save_model(self, request: HttpRequest, obj: Festival, form: Any, change: bool) -> None:
        services.festival_save(festival=obj, actor=request.user, fields=form.changed_data)

    def delete_model(self, request: HttpRequest, obj: Festival) -> None:
        services.festival_delete(festival=obj, actor=request.user)


@admin.register(Edition)
class EditionAdmin(FestivalPartAdmin):
    form = EditionForm
    list_display = ["__str__", "festival", "number", "year", "starts_on", "ends_on", "city"]
    list_filter = ["year"]
    search_fields = ["festival__name", "city", "=year", "=number"]
    autocomplete_fields = ["festival"]
    list_select_related = ["festival"]
    inlines = [SectionInline]
    record_section = AuditSection.EDITIONS

    def festival_of(self, obj: Edition) -> Festival:
        return obj.festival


@admin.register(Section)
class SectionAdmin(FestivalPartAdmin):
    list_display = ["name", "edition", "is_competitive"]
    list_filter = ["is_competitive"]
    search_fields = ["name", "edition__festival__name"]
    autocomplete_fields = ["edition"]
    list_select_related = ["edition__festival"]
    record_section = AuditSection.SECTIONS

    def festival_of(self, obj: Section) -> Festival:
        return obj.edition.festival


@admin.register(Award)
class AwardAdmin(FestivalPartAdmin):
    list_display = ["name", "festival"]
    search_fields = ["name", "festival__name"]
    autocomplete_fields = ["festival"]
    list_select_related = ["festival"]
    record_section = AuditSection.AWARDS

    def festival_of(self, obj: Award) -> Festival:
        return obj.festival


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    form = EntryForm
    list_display = ["film", "edition", "section", "result", "award", "date", "evidence"]
    list_filter = ["result", "evidence"]
    readonly_fields = ["confirmed_at"]
    search_fields = ["film__title", "edition__festival__name", "award__name", "section__name"]
    autocomplete_fields = ["film", "edition", "section", "award"]
    list_select_related = ["film", "edition__festival", "section", "award"]

    def save_model(self, request: HttpRequest, obj: Entry, form: Any, change: bool) -> None:
        services.entry_save(entry=obj, actor=request.user)

    def delete_model(self, request: HttpRequest, obj: Entry) -> None:
        services.entry_remove(film=obj.film, actor=request.user, entry_id=obj.pk)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Entry]) -> None:
        for entry in queryset.select_related("film"):
            self.delete_model(request, entry)


FilmAdmin.inlines = [*FilmAdmin.inlines, EntryInline]
