"""Forms of the festival run: an entry, a move to another status, what shows publicly."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from filmfolio.festivals.models import Festival
from filmfolio.films.studio.fields import country_choices, currency_choices

from .choices import Premiere, RunStatus
from .services import PublicShown, RunEntryDraft, RunEntryEdit


def _date(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class RunEntryForm(forms.Form):
    """A new entry of a film's festival run."""

    festival = forms.ModelChoiceField(
        queryset=Festival.objects.all(), required=False, widget=forms.HiddenInput
    )
    festival_query = forms.CharField(
        label=_("Festival"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("An existing festival of that name is used; else a new one is made."),
    )
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100, required=False)
    number = forms.IntegerField(
        label=_("Edition number"), min_value=1, max_value=1000, required=False
    )
    category = forms.CharField(label=_("Category"), max_length=200, required=False)
    deadline = _date(_("Deadline"))
    fee_amount = forms.DecimalField(
        label=_("Fee"), min_value=0, max_digits=10, decimal_places=2, required=False
    )
    fee_currency = forms.ChoiceField(
        label=_("Currency"), required=False, choices=lambda: [("", "—"), *currency_choices()]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s, RunStatus(s).label) for s in (RunStatus.PLANNED, RunStatus.SUBMITTED)],
        initial=RunStatus.PLANNED,
    )
    submitted_on = _date(_("Submitted on"))
    notification_on = _date(_("Notification date"))
    premiere = forms.ChoiceField(
        label=_("Premiere asked for"), choices=[("", "—"), *Premiere.choices], required=False
    )
    premiere_territory = forms.ChoiceField(
        label=_("Premiere territory"), required=False, choices=country_choices
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    make_screener = forms.BooleanField(
        label=_("Make a screener link for this festival"),
        required=False,
        initial=True,
        help_text=_("It expires the day after the notification date; only owners can make one."),
    )
    confirmed = forms.BooleanField(
        label=_("Go ahead even if it breaks a festival's premiere condition"), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("festival") and not (data.get("festival_query") or "").strip():
            self.add_error("festival_query", _("Choose a festival or type the name of a new one."))
        if data.get("year") is None and data.get("number") is None and not self.errors.get("year"):
            self.add_error("year", _("Give the edition's year or number."))
        if data.get("fee_amount") is not None and not data.get("fee_currency"):
            self.add_error("fee_currency", _("Choose the fee's currency."))
        return data

    def draft(self) -> RunEntryDraft:
        data = self.cleaned_data
        festival = data.get("festival")
        return RunEntryDraft(
            festival=festival,
            new_festival_name="" if festival else data.get("festival_query", ""),
            year=data.get("year"),
            number=data.get("number"),
            category=data.get("category", ""),
            deadline=data.get("deadline"),
            fee_amount=data.get("fee_amount"),
            fee_currency=data.get("fee_currency", ""),
            submitted_on=data.get("submitted_on"),
            notification_on=data.get("notification_on"),
            status=data["status"],
            notes=data.get("notes", ""),
            premiere=data.get("premiere", ""),
            premiere_territory=data.get("premiere_territory", ""),
            make_screener=bool(data.get("make_screener")),
        )


class StatusForm(forms.Form):
    """A move of an entry to another status (from the board or the film's run)."""

    status = forms.ChoiceField(label=_("Move to"), choices=RunStatus.choices)
    confirmed = forms.BooleanField(required=False)


class PublishForm(forms.Form):
    """What of a selected or awarded entry shows on the film's public record."""

    category = forms.BooleanField(label=_("Show the category as the section"), required=False)
    award_name = forms.CharField(label=_("Award"), max_length=200, required=False)
    date = _date(_("Date"))

    def shown(self) -> PublicShown:
        data = self.cleaned_data
        return PublicShown(
            category=bool(data.get("category")),
            award_name=data.get("award_name", ""),
            date=data.get("date"),
        )


class RunEntryEditForm(forms.Form):
    """The fields of an entry that change after it is added (``services.run_entry_update``)."""

    category = forms.CharField(label=_("Category"), max_length=200, required=False)
    deadline = _date(_("Deadline"))
    fee_amount = forms.DecimalField(
        label=_("Fee"), min_value=0, max_digits=10, decimal_places=2, required=False
    )
    fee_currency = forms.ChoiceField(
        label=_("Currency"), required=False, choices=lambda: [("", "—"), *currency_choices()]
    )
    notification_on = _date(_("Notification date"))
    premiere = forms.ChoiceField(
        label=_("Premiere asked for"), choices=[("", "—"), *Premiere.choices], required=False
    )
    premiere_territory = forms.ChoiceField(
        label=_("Premiere territory"), required=False, choices=country_choices
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def edit(self) -> RunEntryEdit:
        data = self.cleaned_data
        return RunEntryEdit(
            category=data.get("category") or "",
            deadline=data.get("deadline"),
            fee_amount=data.get("fee_amount"),
            fee_currency=data.get("fee_currency") or "",
            notification_on=data.get("notification_on"),
            notes=data.get("notes") or "",
            premiere=data.get("premiere") or "",
            premiere_territory=data.get("premiere_territory") or "",
        )
