"""Forms of the film's own studio sections; each validates on its own.

Forms only parse and validate; the services in ``films.services`` write, after checking the
actor again. Pickers show names in the active language and clean to codes.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from filmfolio.core.errors import ValidationFailedError
from filmfolio.people.forms import PersonPickerInput

from ..choices import CompanyRole, CountryRole, LanguageRole, TextKind, TitleKind
from ..models import SPEC_FIELDS, Credit, Film, FilmLink, Role
from ..services.credits import CREDIT_DETAILS, CreditedPerson
from ..services.subjects import clean_subjects
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


def _largest(field: str) -> int | None:
    """The largest value the model allows in ``field`` (its ``MaxValueValidator``)."""
    validators = getattr(Film._meta.get_field(field), "validators", [])
    limits = [v.limit_value for v in validators if isinstance(v, MaxValueValidator)]
    return min(limits) if limits else None  # type: ignore[type-var]


class SpecsForm(forms.ModelForm):
    """Runtime as people write it, budget as an amount in a currency or as stated, format,
    sound, picture and the two flags."""

    runtime_minutes = RuntimeField(max_minutes=_largest("runtime_minutes"))
    budget_currency = forms.ChoiceField(
        label=_("Budget currency"), choices=currency_choices, required=False
    )

    class Meta:
        model = Film
        fields = SPEC_FIELDS

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("budget_amount") is not None and not data.get("budget_currency"):
            self.add_error("budget_currency", _("Choose the currency of the amount."))
        return data


class GenresForm(forms.ModelForm):
    """The film's kind, its genres (the model's own choices) and its subjects, one a line or
    separated by commas, with words suggested from its texts."""

    subjects = forms.CharField(
        label=_("Subjects and keywords"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    class Meta:
        model = Film
        fields = ("kind", "genres")
        widgets = {"genres": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, suggested: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("subjects", "\n".join(self.instance.subjects or []))
        help_text = str(_("One a line or separated by commas, e.g. migrant workers, Wuhan."))
        if suggested:
            words = ", ".join(suggested)
            help_text += " " + str(_("Suggested from the texts: %(words)s.")) % {"words": words}
        self.fields["subjects"].help_text = help_text

    def clean_subjects(self) -> list[str]:
        """The subjects as the service keeps them; its refusal beside the field."""
        text = self.cleaned_data.get("subjects") or ""
        try:
            return clean_subjects(part for line in text.splitlines() for part in line.split(","))
        except ValidationFailedError as error:
            raise forms.ValidationError(str(error)) from error


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
    """A credit: the person picked in the one person picker (``people.forms``), an explicit
    new person, a typed name the server matches by the one rule, or "name not given" for a
    role whose person the film does not name."""

    person_query = forms.CharField(
        label=_("Person"),
        max_length=200,
        required=False,
        help_text=_(
            "Type a name in any script or order; pick the person, or choose to create a new one."
        ),
        widget=PersonPickerInput(),
    )
    person = forms.IntegerField(required=False, widget=forms.HiddenInput)
    person_new = forms.BooleanField(required=False, widget=forms.HiddenInput)
    name_not_given = forms.BooleanField(
        label=_("Name not given"),
        required=False,
        help_text=_("The film credits the role without naming the person."),
    )
    role = forms.ModelChoiceField(queryset=Role.objects.all(), label=_("Role"))

    field_order = ("role", "person_query", "person", "person_new", "name_not_given")

    class Meta:
        model = Credit
        fields = ("role", "credited_as", "character", "description")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        picker = self.fields["person_query"].widget
        if isinstance(picker, PersonPickerInput):  # the hidden inputs carry the form's prefix
            picker.person_field = self.add_prefix("person")
            picker.create_field = self.add_prefix("person_new")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("name_not_given"):
            data.update(person=None, person_new=False, person_query="")
        elif not (data.get("person_query") or "").strip() and data.get("person") is None:
            self.add_error("person_query", _("Type the person's name, or tick “Name not given”."))
        return data


def credited_person(data: dict[str, Any]) -> CreditedPerson:
    """Who a cleaned ``CreditForm`` names, as the credit services read it."""
    name = data.get("person_query") or ""
    if data.get("person") is not None:
        return CreditedPerson(person=data["person"])
    if data.get("person_new"):
        return CreditedPerson(new_name=name)
    return CreditedPerson(name=name)


def credit_details(data: dict[str, Any]) -> dict[str, str]:
    """The credited-as, character and contribution of a cleaned ``CreditForm``."""
    return {k: data.get(k) or "" for k in CREDIT_DETAILS}


def credit_edit_form(credit: Credit, data: Any, prefix: str) -> CreditForm:
    """The form changing ``credit`` in place, filled with its values."""
    initial = {
        "role": credit.role_id,
        "person_query": credit.person.display_name if credit.person else "",
        "person": credit.person_id,
        "name_not_given": credit.person_id is None,
        **{k: getattr(credit, k) for k in CREDIT_DETAILS},
    }
    return CreditForm(data, initial=initial, prefix=prefix)


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
