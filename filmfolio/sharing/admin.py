"""Admin of collaborators (who works on which film)."""

from __future__ import annotations

from django.contrib import admin

from .models import Collaborator


@admin.register(Collaborator)
class CollaboratorAdmin(admin.ModelAdmin):
    list_display = ["film", "user", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["film__title", "film__slug", "user__username", "user__email"]
    autocomplete_fields = ["film", "user"]
    list_select_related = ["film", "user"]
