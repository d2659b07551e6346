"""Admin of collaborators (who works on which film); writes go through ``sharing.records``."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from filmfolio.films.models import Collaborator

from .records import collaborator_rows_save


@admin.register(Collaborator)
class CollaboratorAdmin(admin.ModelAdmin):
    list_display = ["film", "user", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["film__title", "film__slug", "user__username", "user__email"]
    autocomplete_fields = ["film", "user"]
    list_select_related = ["film", "user"]

    def save_model(self, request: HttpRequest, obj: Collaborator, form: Any, change: bool) -> None:
        if change and "film" in form.changed_data:
            moved = Collaborator.objects.select_related("film").get(pk=obj.pk)
            collaborator_rows_save(film=moved.film, actor=request.user, deleted=[moved])
            obj.pk = None
        collaborator_rows_save(film=obj.film, actor=request.user, saved=[obj])

    def delete_model(self, request: HttpRequest, obj: Collaborator) -> None:
        collaborator_rows_save(film=obj.film, actor=request.user, deleted=[obj])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Collaborator]) -> None:
        for collaborator in queryset.select_related("film"):
            self.delete_model(request, collaborator)
