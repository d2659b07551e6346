"""Forms of the sharing section of the studio and of a password-protected film's page."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.conf import settings
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from filmfolio.films.choices import CollaboratorRole, Visibility

from .controls import CONTROL_FIELDS, MAX_PLAYS_LIMIT, LinkControls, is_time_zone, zone_of
from .link_controls import MAX_EXTEND_DAYS
from .models import Delivery, Watermark


class VisibilityForm(forms.Form):
    visibility = forms.ChoiceField(label=_("Who may see this film"), choices=Visibility.choices)
    password = forms.CharField(
        label=_("Password"),
        max_length=128,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Only for password-protected films. Leave empty to keep the current one."),
    )
    confirmed = forms.BooleanField(
        label=_("Go ahead even if it breaks a festival's premiere condition"),
        required=False,
        help_text=_("You are warned first when a pending festival asks for a premiere."),
    )


class LocalDateTimeField(forms.Field):
    """A date and time as the owner types it (``datetime-local``), without a zone: the form
    places it in the recipient's time zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    default_error_messages = {"invalid": _("Enter a valid date/time.")}

    def to_python(self, value: Any) -> datetime.datetime | None:
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None)
        parsed = None
        try:
            parsed = parse_datetime(str(value).strip()[:40])
        except ValueError:
            parsed = None
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed.replace(tzinfo=None)


class SharedControlsForm(forms.Form):
    """The controls a link shares with the other links of a campaign: its window in the
    recipient's time zone, its play limit, delivery and watermark."""

    time_zone = forms.CharField(
        label=_("Recipient time zone"),
        max_length=64,
        required=False,
        help_text=_("An IANA name such as Europe/Paris or Asia/Shanghai; empty: UTC."),
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off"}),
    )
    not_before = LocalDateTimeField(label=_("Opens"), required=False)
    expires_at = LocalDateTimeField(label=_("Closes"), required=False)
    max_plays = forms.IntegerField(
        label=_("Maximum plays"),
        required=False,
        min_value=1,
        max_value=MAX_PLAYS_LIMIT,
        help_text=_("Empty: no limit. A play is pressing play from a visit of the film page."),
    )
    delivery = forms.ChoiceField(
        label=_("Delivery"), choices=Delivery.choices, initial=Delivery.STREAM, required=False
    )
    watermark = forms.ChoiceField(
        label=_("Watermark"), choices=Watermark.choices, initial=Watermark.OVERLAY, required=False
    )

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"].strip()
        if value and not is_time_zone(value):
            raise forms.ValidationError(
                _("Name a time zone such as Europe/Paris or Asia/Shanghai.")
            )
        return value

    def shared_controls(self) -> dict[str, Any]:
        """The cleaned shared controls, the window placed in the recipient's time zone."""
        data = self.cleaned_data
        zone = zoneinfo.ZoneInfo(data["time_zone"] or settings.TIME_ZONE)
        return {
            "time_zone": data["time_zone"],
            "not_before": _placed(data["not_before"], zone),
            "expires_at": _placed(data["expires_at"], zone),
            "max_plays": data["max_plays"],
            "delivery": data["delivery"] or Delivery.STREAM,
            "watermark": data["watermark"] or Watermark.OVERLAY,
        }


class LinkControlsForm(SharedControlsForm):
    """The controls of a screener link, set at creation and changed after sending."""

    recipient = forms.CharField(
        label=_("Recipient"),
        max_length=200,
        help_text=_("Who gets this link, e.g. “Cinéma du Réel programming”."),
    )
    recipient_organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False
    )
    recipient_email = forms.EmailField(label=_("Recipient e-mail"), max_length=254, required=False)
    recipient_language = forms.ChoiceField(
        label=_("Recipient language"), required=False, choices=[("", "—"), *settings.LANGUAGES]
    )
    field_order = ["recipient", "recipient_organisation", "recipient_email", "recipient_language"]

    def controls(self) -> LinkControls:
        """The cleaned controls, the window placed in the recipient's time zone."""
        data = self.cleaned_data
        return LinkControls(
            recipient_email=data["recipient_email"],
            recipient_organisation=data["recipient_organisation"].strip(),
            recipient_language=data["recipient_language"],
            **self.shared_controls(),
        )


def _placed(value: datetime.datetime | None, zone: zoneinfo.ZoneInfo) -> datetime.datetime | None:
    return value.replace(tzinfo=zone) if value is not None else None


def initial_of(link: Any) -> dict[str, Any]:
    """A link's values for ``LinkEditForm``, its window as the recipient's wall-clock time."""
    zone = zone_of(link)
    initial = {name: getattr(link, name) for name in ("recipient", *CONTROL_FIELDS)}
    for name in ("not_before", "expires_at"):
        value = initial[name]
        initial[name] = value.astimezone(zone).replace(tzinfo=None) if value else None
    return initial


class ScreenerLinkForm(LinkControlsForm):
    password = forms.CharField(
        label=_("Password (optional)"),
        max_length=128,
        required=False,
        widget=forms.PasswordInput(render_value=False),
    )
    confirmed = forms.BooleanField(
        label=_("Go ahead even if it breaks a festival's premiere condition"),
        required=False,
        help_text=_("You are warned first when a pending festival asks for a premiere."),
    )


class LinkEditForm(LinkControlsForm):
    new_password = forms.CharField(
        label=_("New password"),
        max_length=128,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the current one."),
    )
    remove_password = forms.BooleanField(label=_("Remove the password"), required=False)


class BulkLinksForm(forms.Form):
    days = forms.IntegerField(
        label=_("Extend by (days)"), min_value=1, max_value=MAX_EXTEND_DAYS, initial=7
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=CollaboratorRole.choices)


class FilmPasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Password"), max_length=128, widget=forms.PasswordInput(render_value=False)
    )
