"""The admin of festival accounts and calls. Site administrators appoint a festival's first
director here (through ``calls.services``); calls, categories, submissions and reviews are
shown only: festivals change them on their desk or through the API, with their checks."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from . import services
from .models import Call, Category, FestivalMember, Review, Submission


@admin.register(FestivalMember)
class FestivalMemberAdmin(admin.ModelAdmin):
    list_display = ["festival", "user", "role"]
    list_filter = ["role"]
    autocomplete_fields = ["festival", "user"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["festival", "user"] if obj is not None else []

    def save_model(
        self, request: HttpRequest, obj: FestivalMember, form: Any, change: bool
    ) -> None:
        saved = services.member_appoint(
            festival=obj.festival, email=obj.user.email, role=obj.role, actor=request.user
        )
        obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: FestivalMember) -> None:
        services.member_remove(festival=obj.festival, member_id=obj.pk, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for member in queryset.select_related("festival"):
            self.delete_model(request, member)


class ShownOnlyAdmin(admin.ModelAdmin):
    """Shown, never written here."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Call)
class CallAdmin(ShownOnlyAdmin):
    list_display = ["title", "edition", "regular_deadline", "is_open"]
    list_filter = ["is_open"]


@admin.register(Category)
class CategoryAdmin(ShownOnlyAdmin):
    list_display = ["name", "call"]


@admin.register(Submission)
class SubmissionAdmin(ShownOnlyAdmin):
    list_display = ["film", "category", "status", "created_at"]
    list_filter = ["status"]


@admin.register(Review)
class ReviewAdmin(ShownOnlyAdmin):
    list_display = ["submission", "member", "rating"]
    exclude = ["notes"]  # private to their author
