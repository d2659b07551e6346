"""The form of a new campaign: its name, the recipients (pasted or a CSV file) and the controls
every link shares (``forms.SharedControlsForm``: dates read in the chosen time zone, UTC when
none is chosen)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .campaigns import CampaignControls
from .forms import SharedControlsForm


class CampaignForm(SharedControlsForm):
    name = forms.CharField(
        label=_("Campaign name"),
        max_length=200,
        help_text=_("For example “Berlinale 2027 programmers”."),
    )
    recipients_text = forms.CharField(
        label=_("Recipients"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line: name, e-mail, organisation, language (en or zh-hans)."),
    )
    recipients_file = forms.FileField(
        label=_("Or a CSV file"),
        required=False,
        help_text=_("Columns name, e-mail, organisation, language; UTF-8 or GB18030."),
    )
    password = forms.CharField(
        label=_("Password (optional)"),
        max_length=128,
        required=False,
        widget=forms.PasswordInput(render_value=False),
    )
    confirmed = forms.BooleanField(
        label=_("Go ahead even if it breaks a festival's premiere condition"),
        required=False,
    )
    field_order = ["name", "recipients_text", "recipients_file"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("recipients_text", "").strip() and not data.get("recipients_file"):
            self.add_error("recipients_text", _("Paste the recipients or choose a CSV file."))
        return data

    def controls(self) -> CampaignControls:
        data = self.cleaned_data
        return CampaignControls(
            **self.shared_controls(), password=data["password"], confirmed=data["confirmed"]
        )
