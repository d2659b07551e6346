"""The form of a new campaign: its name, the recipients (pasted or a CSV file) and the controls
every link shares. Dates are read in the chosen time zone (the site's when none is chosen)."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .campaigns import CampaignControls
from .models import Delivery, Watermark


class CampaignForm(forms.Form):
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
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        required=False,
        help_text=_("The recipients' time zone, e.g. Asia/Shanghai; dates below are in it."),
    )
    not_before = forms.DateTimeField(
        label=_("Opens"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    expires_at = forms.DateTimeField(
        label=_("Expires"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    max_plays = forms.IntegerField(
        label=_("Maximum plays"), required=False, min_value=1, max_value=1000
    )
    delivery = forms.ChoiceField(label=_("Delivery"), choices=Delivery.choices)
    watermark = forms.ChoiceField(label=_("Watermark"), choices=Watermark.choices)
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

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"].strip()
        if value and value not in zoneinfo.available_timezones():
            raise forms.ValidationError(
                _("Choose a time zone such as Asia/Shanghai or Europe/Paris.")
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone = data.get("time_zone")
        if zone:
            for key in ("not_before", "expires_at"):
                if data.get(key) is not None:
                    naive = timezone.make_naive(data[key])
                    data[key] = timezone.make_aware(naive, zoneinfo.ZoneInfo(zone))
        if not data.get("recipients_text", "").strip() and not data.get("recipients_file"):
            self.add_error("recipients_text", _("Paste the recipients or choose a CSV file."))
        return data

    def controls(self) -> CampaignControls:
        data = self.cleaned_data
        return CampaignControls(
            expires_at=data["expires_at"],
            not_before=data["not_before"],
            time_zone=data["time_zone"],
            max_plays=data["max_plays"],
            delivery=data["delivery"],
            watermark=data["watermark"],
            password=data["password"],
            confirmed=data["confirmed"],
        )
