"""Admin of people: names in every script, biographies and links inline.

Every write goes through the people services, which keep the change records and the search
documents of the person and of the films crediting them in step.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from . import services
from .models import Person, PersonBiography, PersonLink, PersonName

# Addresses typed without a scheme are read as https (the Django 6 default).
HTTPS_URLS: dict = {models.URLField: {"assume_scheme": "https"}}


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 1


class PersonBiographyInline(admin.StackedInline):
    model = PersonBiography
    extra = 0


class PersonLinkInline(admin.TabularInline):
    model = PersonLink
    formfield_overrides = HTTPS_URLS
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["display_name", "slug", "country", "user"]
    list_filter = ["country"]
    search_fields = ["display_name", "sort_name", "slug", "names__name"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["user"]
    list_select_related = ["user"]
    inlines = [PersonNameInline, PersonBiographyInline, PersonLinkInline]

    def save_model(self, request: HttpRequest, obj: Person, form: Any, change: bool) -> None:
        services.person_save(person=obj, actor=request.user, fields=form.changed_data)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        saved = formset.save(commit=False)
        services.person_rows_save(
            person=form.instance,
            actor=request.user,
            section=formset.prefix,
            saved=saved,
            deleted=formset.deleted_objects,
        )
        formset.save_m2m()

    def delete_model(self, request: HttpRequest, obj: Person) -> None:
        services.person_delete(person=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Person]) -> None:
        for person in queryset:
            services.person_delete(person=person, actor=request.user)
