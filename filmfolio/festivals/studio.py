"""The festivals section of a film's studio: the film's entries at festival editions
(festival, edition, section, result, award, date), and the festival picker behind it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from filmfolio.core.matching import title_match_key
from filmfolio.films import access
from filmfolio.films.access import ViewerRequest
from filmfolio.films.studio import SECTIONS
from filmfolio.films.studio.lists import ListPart, list_section

from . import services
from .choices import EntryEvidence, EntryResult
from .models import Festival

MAX_QUERY_LENGTH = 200
# Confirmed is the festival's own decision: never offered to the filmmaker.
EDITABLE_EVIDENCE = [
    (EntryEvidence.CLAIMED.value, EntryEvidence.CLAIMED.label),
    (EntryEvidence.SOURCED.value, EntryEvidence.SOURCED.label),
]


class EntryForm(forms.Form):
    """A festival entry: pick or name the festival; edition by year and number."""

    festival = forms.ModelChoiceField(
        queryset=Festival.objects.all(), required=False, widget=forms.HiddenInput
    )
    festival_query = forms.CharField(
        label=_("Festival"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-lookup": "festivals"}),
    )
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100, required=False)
    number = forms.IntegerField(
        label=_("Edition number"), min_value=1, max_value=1000, required=False
    )
    section_name = forms.CharField(label=_("Section"), max_length=200, required=False)
    result = forms.ChoiceField(label=_("Result"), choices=EntryResult.choices)
    award_name = forms.CharField(label=_("Award"), max_length=200, required=False)
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    evidence = forms.ChoiceField(
        label=_("Evidence"),
        choices=EDITABLE_EVIDENCE,
        initial=EntryEvidence.CLAIMED,
        required=False,
        help_text=_("Sourced: a page of the festival's own site that lists the film."),
    )
    evidence_url = forms.URLField(
        label=_("Source address"), max_length=500, required=False, assume_scheme="https"
    )
    evidence_checked_on = forms.DateField(
        label=_("Source checked on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("festival") and not (data.get("festival_query") or "").strip():
            self.add_error("festival_query", _("Choose a festival or type the name of a new one."))
        if data.get("year") is None and data.get("number") is None and not self.errors.get("year"):
            self.add_error("year", _("Give the edition's year or number."))
        return data


def festival_matches(
    viewer: access.Viewer, query: str, *, limit: int = 10
) -> list[dict[str, object]]:
    """Festivals listed for ``viewer`` whose name contains ``query``."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    if not query:
        return []
    festivals = (
        access.listed_festivals(viewer, Festival.objects.all())
        .filter(Q(name__icontains=query) | Q(match_key=title_match_key(query)))
        .order_by("name")[:limit]
    )
    return [{"id": f.pk, "label": f.name, "slug": f.slug} for f in festivals]


@require_GET
def festivals_lookup(request: ViewerRequest, film: Any) -> JsonResponse:
    """Festival matches for the festival picker."""
    matches = festival_matches(request.viewer, request.GET.get("q", ""))
    return JsonResponse({"results": matches})


def _add_entry(film: Any, actor: Any, data: dict[str, Any]) -> Any:
    festival = data.get("festival")
    return services.entry_add(
        film=film,
        actor=actor,
        draft=services.EntryDraft(
            festival=festival,
            new_festival_name="" if festival else data.get("festival_query", ""),
            year=data.get("year"),
            number=data.get("number"),
            section_name=data.get("section_name", ""),
            award_name=data.get("award_name", ""),
            result=data["result"],
            date=data.get("date"),
            note=data.get("note", ""),
            evidence=data.get("evidence") or EntryEvidence.CLAIMED,
            evidence_url=data.get("evidence_url") or "",
            evidence_checked_on=data.get("evidence_checked_on"),
        ),
    )


def _entry_label(entry: Any) -> str:
    award = f": {entry.award}" if entry.award else ""
    section = f", {entry.section}" if entry.section else ""
    evidence = entry.get_evidence_display()
    return f"{entry.get_result_display()}{award} — {entry.edition}{section} · {evidence}"


SECTIONS.register(
    list_section(
        key="festivals",
        order=100,
        label=_("Festivals and awards"),
        parts=(
            ListPart(
                key="entries",
                title=_("Festivals and awards"),
                make_form=lambda film, data, initial: EntryForm(data),
                items=lambda film: film.festival_entries.select_related(
                    "edition__festival", "section", "award"
                ),
                add=_add_entry,
                remove=lambda film, actor, pk: services.entry_remove(
                    film=film, actor=actor, entry_id=pk
                ),
                describe=_entry_label,
                add_label=_("Add a festival"),
                lookup="studio:festivals-lookup",
            ),
        ),
        urls=(path("lookup/", festivals_lookup, name="festivals-lookup"),),
    )
)
