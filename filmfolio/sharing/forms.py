"""Forms of the sharing section of the studio and of a password-protected film's page."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from filmfolio.films.choices import CollaboratorRole, Visibility


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


class ScreenerLinkForm(forms.Form):
    recipient = forms.CharField(
        label=_("Recipient"),
        max_length=200,
        help_text=_("Who gets this link, e.g. “Cinéma du Réel programming”."),
    )
    expires_at = forms.DateTimeField(
        label=_("Expires"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
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
        help_text=_("You are warned first when a pending festival asks for a premiere."),
    )

    def clean_expires_at(self):  # type: ignore[no-untyped-def]
        value = self.cleaned_data["expires_at"]
        if value is not None and value <= timezone.now():
            raise forms.ValidationError(_("The expiry must be in the future."))
        return value


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=CollaboratorRole.choices)


class FilmPasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Password"), max_length=128, widget=forms.PasswordInput(render_value=False)
    )
