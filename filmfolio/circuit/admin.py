"""The admin of festival run entries: shown, edited and removed through ``circuit.services``
(an entry is added with its screener link on the studio's run or through the API).

A change runs the checks of the services before anything is saved: a refusal is shown on the
form in the user's language and nothing changes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from filmfolio.core.errors import DomainError, ValidationFailedError

from . import services
from .choices import TRANSITIONS
from .models import RunEntry


class RunEntryAdminForm(forms.ModelForm):
    """The editable fields and the status; ``clean`` asks the services' checks."""

    class Meta:
        model = RunEntry
        fields = [*services.EDITABLE, "status"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        entry = self.instance
        status = data.get("status", entry.status)
        if status != entry.status and status not in TRANSITIONS.get(entry.status, ()):
            self.add_error("status", services.transition_refusal(entry, status))
        if self.errors:
            return data
        try:
            services.run_entry_check(edit=self.edit())
        except ValidationFailedError as error:
            for field, texts in error.errors.items():
                for text in texts:
                    self.add_error(field if field in self.fields else None, text)
        return data

    def edit(self) -> services.RunEntryEdit:
        data: dict[str, Any] = self.cleaned_data
        values: dict[str, Any] = {name: data.get(name) for name in services.EDITABLE}
        return services.RunEntryEdit(**values)


@admin.register(RunEntry)
class RunEntryAdmin(admin.ModelAdmin):
    form = RunEntryAdminForm
    list_display = ["film", "edition", "status", "deadline", "notification_on"]
    list_filter = ["status"]
    list_select_related = ["film", "edition__festival"]
    search_fields = ["film__title", "edition__festival__name"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: RunEntry, form: Any, change: bool) -> None:
        stored = RunEntry.objects.select_related("film", "edition").get(pk=obj.pk)
        try:
            services.run_entry_update(entry=stored, actor=request.user, edit=form.edit())
            services.run_entry_set_status(
                entry=stored, actor=request.user, status=obj.status, confirmed=True
            )
        except DomainError as error:
            self.message_user(request, error.message, level="error")

    def delete_model(self, request: HttpRequest, obj: RunEntry) -> None:
        services.run_entry_remove(entry=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for entry in queryset.select_related("film", "edition"):
            self.delete_model(request, entry)
