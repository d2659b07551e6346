"""The festivals section of a film's studio: the film's entries at festival editions
(festival, edition, section, result, award, date), and the festival picker behind it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from filmfolio.core.errors import ValidationFailedError
from filmfolio.core.matching import title_match_key
from filmfolio.films import access
from filmfolio.films.access import ViewerRequest
from filmfolio.films.studio import SECTIONS
from filmfolio.films.studio.lists import ListPart, list_section

from . import evidence_files, evidence_services, services
from .choices import EntryEvidence, EntryResult
from .models import Entry, Festival

MAX_QUERY_LENGTH = 200
NOTIFICATION_ACCEPT = ".pdf,.png,.jpg,.jpeg,.eml"
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
    evidence_file = forms.FileField(
        label=_("Festival's notification"),
        required=False,
        help_text=_("PDF, PNG, JPEG or e-mail (.eml), at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": NOTIFICATION_ACCEPT}),
    )

    def clean_evidence_file(self) -> Any:
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            try:
                evidence_files.checked_kind(upload)
            except ValidationFailedError as error:
                raise forms.ValidationError(error.message) from error
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("festival") and not (data.get("festival_query") or "").strip():
            self.add_error("festival_query", _("Choose a festival or type the name of a new one."))
        if data.get("year") is None and data.get("number") is None and not self.errors.get("year"):
            self.add_error("year", _("Give the edition's year or number."))
        return data


class EvidenceFileForm(forms.Form):
    """The festival's notification backing one entry: a PDF, image or e-mail to upload, or
    the one kept to remove."""

    file = forms.FileField(
        label=_("Festival's notification"),
        required=False,
        help_text=_("PDF, PNG, JPEG or e-mail (.eml), at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": NOTIFICATION_ACCEPT}),
    )
    remove = forms.BooleanField(label=_("Remove the uploaded notification"), required=False)

    def __init__(self, entry: Entry, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not entry.evidence_file:
            del self.fields["remove"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("file") and not data.get("remove") and not self.errors:
            self.add_error("file", _("Choose a file."))
        return data


def _update_evidence(film: Any, actor: Any, entry: Entry, data: dict[str, Any]) -> Entry:
    if data.get("file"):
        return evidence_services.entry_evidence_attach(
            film=film, actor=actor, entry_id=entry.pk, upload=data["file"]
        )
    return evidence_services.entry_evidence_remove(film=film, actor=actor, entry_id=entry.pk)


def evidence_download(request: ViewerRequest, film: Any, entry_id: int) -> HttpResponseBase:
    """The notification of one entry of ``film``, as an attachment; the studio's wrapper has
    let only the film's editors and owners in (``films.access``)."""
    entry = get_object_or_404(Entry, film=film, pk=entry_id)
    return evidence_files.download_response(entry)


def _evidence_links(viewer: Any, entries: list[Any]) -> dict[int, tuple[str, str]]:
    return {
        entry.pk: (
            reverse(
                "studio:festivals-evidence",
                kwargs={"slug": entry.film.slug, "entry_id": entry.pk},
            ),
            str(_("Download the notification")),
        )
        for entry in entries
        if entry.evidence_file
    }


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
    """Add the entry and, when one is given, attach its notification: both or neither."""
    upload = data.get("evidence_file")
    if not upload:
        return _add_draft(film, actor, data)
    if not data.get("evidence_url"):  # the notification is the source: attached next
        data = {**data, "evidence": EntryEvidence.CLAIMED}
    with transaction.atomic():
        entry = _add_draft(film, actor, data)
        return evidence_services.entry_evidence_attach(
            film=film, actor=actor, entry_id=entry.pk, upload=upload
        )


def _add_draft(film: Any, actor: Any, data: dict[str, Any]) -> Any:
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
    if entry.evidence_file and entry.evidence_checked_on:
        checked = date_format(entry.evidence_checked_on, "DATE_FORMAT")
        evidence = _("%(state)s (notification, checked %(date)s)") % {
            "state": evidence,
            "date": checked,
        }
    elif entry.evidence_file:
        evidence = _("%(state)s (notification)") % {"state": evidence}
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
                    "film", "edition__festival", "section", "award"
                ),
                edit_form=lambda entry, data, prefix: EvidenceFileForm(entry, data, prefix=prefix),
                update=_update_evidence,
                links=_evidence_links,
                add=_add_entry,
                remove=lambda film, actor, pk: services.entry_remove(
                    film=film, actor=actor, entry_id=pk
                ),
                describe=_entry_label,
                add_label=_("Add a festival"),
                lookup="studio:festivals-lookup",
            ),
        ),
        urls=(
            path("lookup/", festivals_lookup, name="festivals-lookup"),
            path("<int:entry_id>/evidence/", evidence_download, name="festivals-evidence"),
        ),
    )
)
