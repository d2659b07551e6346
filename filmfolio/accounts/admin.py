"""Admin of organisations and memberships."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from .models import Membership, Organisation

# Addresses typed without a scheme are read as https (the Django 6 default).
HTTPS_URLS: dict = {models.URLField: {"assume_scheme": "https"}}


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "kind", "country", "website"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "user", "role"]
    list_filter = ["role"]
    search_fields = ["organisation__name", "user__username", "user__email"]
    autocomplete_fields = ["organisation", "user"]
