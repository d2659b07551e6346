"""Admin of people: names in every script, biographies and links inline."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

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
