"""Forms of the accounts pages: sign-up and person claims."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm, UsernameField
from django.utils.translation import gettext_lazy as _


class SignupForm(UserCreationForm):
    """A username, an e-mail address for password resets, and a password checked by Django's
    validators."""

    email = forms.EmailField(label=_("E-mail"), max_length=254)

    class Meta:
        model = get_user_model()
        fields = ("username", "email")
        field_classes = {"username": UsernameField}

    def clean_email(self) -> str:
        # Whether the address is registered is never said here (the sign-up service mails its
        # holder instead), so the page cannot be used to find out who has an account.
        return str(self.cleaned_data["email"]).strip()


class ClaimForm(forms.Form):
    """A short note to the administrator who confirms the claim."""

    message = forms.CharField(
        label=_("How can we confirm it is you?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
