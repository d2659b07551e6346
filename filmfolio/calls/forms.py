"""The forms of the call pages and the festival's desk; they only parse, services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from filmfolio.circuit.choices import OFFERED_PREMIERES, Premiere, RunStatus
from filmfolio.core import vocab
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.models import Award, Edition, Section
from filmfolio.films.models import Film

from .choices import MemberRole
from .models import Category, FestivalMember

# A submission starts submitted: every status of the run but "planned".
SUBMISSION_STATUSES = [pair for pair in RunStatus.choices if pair[0] != RunStatus.PLANNED]


class SubmitForm(forms.Form):
    film = forms.ModelChoiceField(label=_("Film"), queryset=Film.objects.none())
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none())
    premiere = forms.ChoiceField(label=_("Premiere status of the film"), choices=OFFERED_PREMIERES)

    def __init__(self, *args: object, films: object, categories: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["film"].queryset = films  # type: ignore[attr-defined]
        self.fields["category"].queryset = categories  # type: ignore[attr-defined]


class CallOpenForm(forms.Form):
    """A call and its first category, opened at once."""

    year = forms.IntegerField(label=_("Edition year"), min_value=1900, max_value=2100)
    title = forms.CharField(label=_("Title of the call"), max_length=200)
    rules = forms.CharField(
        label=_("Rules"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    regular_deadline = forms.DateField(
        label=_("Regular deadline"), widget=forms.DateInput(attrs={"type": "date"})
    )
    notification_on = forms.DateField(
        label=_("Notification date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    category = forms.CharField(label=_("Category"), max_length=200)
    runtime_max_minutes = forms.IntegerField(
        label=_("Longest runtime (minutes)"), min_value=1, required=False
    )
    fee_regular = forms.DecimalField(
        label=_("Fee"), max_digits=8, decimal_places=2, min_value=0, required=False
    )
    fee_currency = forms.ChoiceField(label=_("Currency"), initial="EUR")

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["fee_currency"].choices = vocab.currency_choices()  # type: ignore[attr-defined]


class FilterForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any")), *SUBMISSION_STATUSES]
    )
    runtime_max = forms.IntegerField(
        label=_("Runtime at most (minutes)"), required=False, min_value=1
    )
    country = forms.CharField(label=_("Country code"), required=False, max_length=2)
    premiere = forms.ChoiceField(
        label=_("Premiere"), required=False, choices=[("", _("Any")), *OFFERED_PREMIERES]
    )
    shortlisted = forms.BooleanField(label=_("Shortlisted only"), required=False)

    def __init__(self, *args: object, categories: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices: list[tuple[str, Any]] = [("", _("Any"))]
        choices += [(str(c.pk), str(c)) for c in categories]  # type: ignore[attr-defined]
        self.fields["category"].choices = choices  # type: ignore[attr-defined]


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", "—")] + [(str(n), str(n)) for n in range(1, 6)],
    )
    notes = forms.CharField(
        label=_("Your private notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AssignForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Assign to"), queryset=FestivalMember.objects.none())

    def __init__(self, *args: object, members: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["member"].queryset = members  # type: ignore[attr-defined]
        self.fields["member"].label_from_instance = (  # type: ignore[attr-defined]
            lambda m: f"{m.user.email} ({m.get_role_display()})"
        )


class DecideForm(forms.Form):
    selected = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda value: value == "yes",
        choices=[("yes", _("Selected")), ("no", _("Not selected"))],
    )
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=Section.objects.none(), required=False
    )
    result = forms.ChoiceField(
        label=_("Result"), choices=EntryResult.choices, initial=EntryResult.SELECTED
    )
    award = forms.ModelChoiceField(label=_("Award"), queryset=Award.objects.none(), required=False)

    def __init__(self, *args: object, sections: object, awards: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["section"].queryset = sections  # type: ignore[attr-defined]
        self.fields["award"].queryset = awards  # type: ignore[attr-defined]


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of their Filmfolio account"))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)


class SectionForm(forms.Form):
    """A programme section of one of the festival's editions."""

    edition = forms.ModelChoiceField(label=_("Edition"), queryset=Edition.objects.none())
    name = forms.CharField(label=_("Section"), max_length=200)
    is_competitive = forms.BooleanField(label=_("In competition"), required=False)

    def __init__(self, *args: object, editions: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["edition"].queryset = editions  # type: ignore[attr-defined]


class AwardForm(forms.Form):
    name = forms.CharField(label=_("Award"), max_length=200)


class CategoryForm(forms.Form):
    """Another category of a call, with its eligibility rules and fees."""

    name = forms.CharField(label=_("Category"), max_length=200)
    rules = forms.CharField(
        label=_("Rules"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    runtime_min_minutes = forms.IntegerField(
        label=_("Shortest runtime (minutes)"), min_value=1, required=False
    )
    runtime_max_minutes = forms.IntegerField(
        label=_("Longest runtime (minutes)"), min_value=1, required=False
    )
    completed_after = forms.DateField(
        label=_("Completed after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    premiere_required = forms.ChoiceField(
        label=_("Premiere required"), required=False, choices=[("", "—"), *Premiere.choices]
    )
    countries = forms.CharField(
        label=_("Countries (ISO codes, separated by commas)"), max_length=300, required=False
    )
    fee_early = forms.DecimalField(
        label=_("Early fee"), max_digits=8, decimal_places=2, min_value=0, required=False
    )
    fee_regular = forms.DecimalField(
        label=_("Fee"), max_digits=8, decimal_places=2, min_value=0, required=False
    )
    fee_late = forms.DecimalField(
        label=_("Late fee"), max_digits=8, decimal_places=2, min_value=0, required=False
    )

    def clean_countries(self) -> list[str]:
        text = self.cleaned_data.get("countries") or ""
        return [code.strip().upper() for code in text.replace(",", " ").split() if code.strip()]
