"""Forms of the film's own studio sections; each validates on its own.

Forms only parse and validate; the services in ``films.services`` write, after checking the
actor again. Pickers show names in the active language and clean to codes.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..choices import CompanyRole, CountryRole, FilmKind, LanguageRole, TextKind, TitleKind
from ..models import Credit, Film, FilmLink, Genre, Role
from .fields import LanguageField, RuntimeField, country_choices, currency_choices


class NewFilmForm(forms.ModelForm):
    """The few facts needed to start a film record."""

    class Meta:
        model = Film
        fields = ("title", "year", "kind")


class BasicsForm(forms.ModelForm):
    class Meta:
        model = Film
        fields = ("title", "year", "completion_date")
        widgets = {"completion_date": forms.DateInput(attrs={"type": "date"})}


class SpecsForm(forms.ModelForm):
    """Runtime as people write it, budget as an amount in a currency or as stated, format,
    sound, picture and the two flags."""

    runtime_minutes = RuntimeField()
    budget_currency = forms.ChoiceField(
        label=_("Budget currency"), choices=currency_choices, required=False
    )

    class Meta:
        model = Film
        fields = (
            "runtime_minutes",
            "budget_amount",
            "budget_currency",
            "budget_as_stated",
            "shooting_format",
            "sound",
            "aspect_ratio",
            "color",
            "is_first_time_filmmaker",
            "is_student_project",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("budget_amount") is not None and not data.get("budget_currency"):
            self.add_error("budget_currency", _("Choose the currency of the amount."))
        return data


class GenresForm(forms.Form):
    """The film's kind and its genres."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *FilmKind.choices], required=False
    )
    genres = forms.ModelMultipleChoiceField(
        label=_("Genres"),
        queryset=Genre.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class TitleForm(forms.Form):
    """A title of the film: its text, kind, language and place in the list."""

    text = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=TitleKind.choices)
    language = LanguageField(required=False)
    position = forms.IntegerField(label=_("Order"), min_value=0, max_value=1000, required=False)


class CountryForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    role = forms.ChoiceField(label=_("Role"), choices=CountryRole.choices)


class LanguageForm(forms.Form):
    language = LanguageField()
    role = forms.ChoiceField(label=_("Role"), choices=LanguageRole.choices)
    label = forms.CharField(
        label=_("As stated"),
        max_length=100,
        required=False,
        help_text=_("Only when the name says more than the language, e.g. Sichuanese."),
    )


class CompanyForm(forms.Form):
    name = forms.CharField(label=_("Company"), max_length=200)
    role = forms.ChoiceField(label=_("Role"), choices=CompanyRole.choices)


class CreditForm(forms.ModelForm):
    """A credit: an existing person (picked by the name search) or a person by name."""

    person = forms.IntegerField(required=False, widget=forms.HiddenInput)
    person_query = forms.CharField(
        label=_("Person"),
        max_length=200,
        help_text=_("Type a name; pick a match or keep the name to add a new person."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-lookup": "people"}),
    )
    role = forms.ModelChoiceField(queryset=Role.objects.all(), label=_("Role"))

    class Meta:
        model = Credit
        fields = ("role", "credited_as", "character", "description")


class TextForm(forms.Form):
    """A logline, synopsis, statement or note in one language."""

    kind = forms.ChoiceField(label=_("Kind"), choices=TextKind.choices)
    language = LanguageField()
    body = forms.CharField(
        label=_("Text"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )


class TextEditForm(forms.Form):
    """An existing text, changed in place; empty removes it."""

    body = forms.CharField(
        label=_("Text"), max_length=20000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class LinkForm(forms.ModelForm):
    url = forms.URLField(label=_("Address"), max_length=500, assume_scheme="https")

    class Meta:
        model = FilmLink
        fields = ("kind", "url", "label")
