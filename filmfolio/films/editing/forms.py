"""Forms of the film editor, one per section; each validates on its own.

Forms only parse and validate; the services in ``films.services`` and ``festivals.services``
write, after checking the actor again.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from filmfolio.core import vocab
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.models import Festival
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.people.models import Person

from ..choices import TextKind
from ..models import Credit, Film, FilmLink, Role, Title
from ..services import SECTION_FIELDS


def language_field(*, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=_("Language"),
        max_length=16,
        required=required,
        help_text=_("A language code such as en, fr, zh-Hans."),
    )


def clean_language(value: str) -> str:
    value = value.strip()
    if value and not vocab.is_language_code(value):
        raise forms.ValidationError(_("“%(code)s” is not a language code.") % {"code": value})
    return value


class NewFilmForm(forms.ModelForm):
    """The few facts needed to start a film record."""

    class Meta:
        model = Film
        fields = ("title", "year", "kind")


class BasicsForm(forms.ModelForm):
    class Meta:
        model = Film
        fields = SECTION_FIELDS["basics"]
        widgets = {"completion_date": forms.DateInput(attrs={"type": "date"})}


class SpecsForm(forms.ModelForm):
    class Meta:
        model = Film
        fields = SECTION_FIELDS["specs"]

    def clean_budget_currency(self) -> str:
        code = self.cleaned_data["budget_currency"].strip().upper()
        if code and code not in vocab.currency_codes():
            raise forms.ValidationError(_("“%(code)s” is not a currency code.") % {"code": code})
        return code


class TitleForm(forms.ModelForm):
    class Meta:
        model = Title
        fields = ("text", "kind", "language")

    def clean_language(self) -> str:
        return clean_language(self.cleaned_data["language"])


class CreditForm(forms.ModelForm):
    """A credit: an existing person (picked by the name search) or a new person by name."""

    person = forms.ModelChoiceField(
        queryset=Person.objects.all(), required=False, widget=forms.HiddenInput
    )
    person_query = forms.CharField(
        label=_("Person"),
        max_length=200,
        required=False,
        help_text=_("Type a name; pick a match or keep the name to add a new person."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-lookup": "people"}),
    )
    role = forms.ModelChoiceField(queryset=Role.objects.all(), label=_("Role"))

    class Meta:
        model = Credit
        fields = ("role", "credited_as", "character", "description")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("person") and not (data.get("person_query") or "").strip():
            self.add_error("person_query", _("Choose a person or type the name of a new one."))
        return data


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

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("festival") and not (data.get("festival_query") or "").strip():
            self.add_error("festival_query", _("Choose a festival or type the name of a new one."))
        if data.get("year") is None and data.get("number") is None and not self.errors.get("year"):
            self.add_error("year", _("Give the edition's year or number."))
        return data


class TextForm(forms.Form):
    """A synopsis, logline or statement in one language; leave it empty to remove it."""

    kind = forms.ChoiceField(label=_("Kind"), choices=TextKind.choices)
    language = language_field()
    body = forms.CharField(
        label=_("Text"), max_length=20000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )

    def clean_language(self) -> str:
        return clean_language(self.cleaned_data["language"])


class LinkForm(forms.ModelForm):
    url = forms.URLField(label=_("Address"), max_length=500, assume_scheme="https")

    class Meta:
        model = FilmLink
        fields = ("kind", "url", "label")


class VisibilityForm(forms.Form):
    visibility = forms.ChoiceField(label=_("Who may see this film"), choices=Visibility.choices)
    password = forms.CharField(
        label=_("Password"),
        max_length=128,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Only for password-protected films. Leave empty to keep the current one."),
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
