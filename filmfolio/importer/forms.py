"""Forms of the "New film from text" page: the page to read, then the draft to review.

`PageForm` takes pasted text or an uploaded .txt/.html file. `FilmDraftForm` plus the credit and
festival formsets hold the reviewed draft; `record_data(...)` turns them into `FilmRecord` data.
Countries and languages are typed as names in any language or as codes and mapped on save.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from filmfolio.festivals.choices import EntryResult
from filmfolio.films.choices import ColorKind, FilmKind
from filmfolio.films.roles import ROLES

from .codes import country_code, language_code, parse_amount

MAX_PAGE_BYTES = 2 * 1024 * 1024
PAGE_EXTENSIONS = (".txt", ".text", ".html", ".htm")


class PageForm(forms.Form):
    """The page to read: pasted text or a file (one of the two)."""

    text = forms.CharField(
        label=_("Text of the film page"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
    )
    page = forms.FileField(
        label=_("…or a saved page (.txt or .html)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(PAGE_EXTENSIONS)}),
    )

    def clean_page(self) -> Any:
        page = self.cleaned_data.get("page")
        if page is None:
            return None
        if not page.name.lower().endswith(PAGE_EXTENSIONS):
            raise forms.ValidationError(_("Choose a .txt or .html file."))
        if page.size > MAX_PAGE_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return page

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("text") or "").strip() and not data.get("page"):
            raise forms.ValidationError(_("Paste the text of a film page or choose a file."))
        return data

    def page_data(self) -> str | bytes:
        """The page as pasted text, or the uploaded file's bytes."""
        page = self.cleaned_data.get("page")
        return page.read() if page is not None else self.cleaned_data["text"]


def _names_field(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=1000, help_text=help_text)


class FilmDraftForm(forms.Form):
    """The main facts of the draft."""

    source = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    original_title = forms.CharField(label=_("Original title"), max_length=300, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1870, max_value=2100, required=False)
    runtime_minutes = forms.IntegerField(
        label=_("Running time (minutes)"), min_value=1, max_value=10000, required=False
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", "—"), *FilmKind.choices], required=False
    )
    genres = forms.CharField(label=_("Genres"), max_length=1000, required=False)
    countries = _names_field(_("Countries"), _("Names in any language or codes, with commas."))
    languages = _names_field(_("Languages"), _("As the page writes them, with commas."))
    subtitles = _names_field(_("Subtitles"), _("As the page writes them, with commas."))
    shooting_format = forms.CharField(label=_("Shooting format"), max_length=100, required=False)
    sound = forms.CharField(label=_("Sound"), max_length=100, required=False)
    aspect_ratio = forms.CharField(label=_("Aspect ratio"), max_length=32, required=False)
    color = forms.ChoiceField(
        label=_("Colour"), choices=[("", "—"), *ColorKind.choices], required=False
    )
    budget = forms.CharField(
        label=_("Budget"),
        max_length=100,
        required=False,
        help_text=_("As stated, e.g. 347,000 USD"),
    )

    def clean_genres(self) -> str:
        genres = self.cleaned_data["genres"]
        if any(len(g) > 60 for g in _split(genres)):
            raise forms.ValidationError(_("Each genre can have at most 60 characters."))
        return genres

    def clean_countries(self) -> list[str]:
        return _mapped(self.cleaned_data["countries"], country_code, _("country"))

    def clean_languages(self) -> list[tuple[str, str]]:
        return _labelled(self.cleaned_data["languages"])

    def clean_subtitles(self) -> list[tuple[str, str]]:
        return _labelled(self.cleaned_data["subtitles"])


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("、", ",").split(",") if part.strip()]


def _mapped(text: str, lookup: Any, noun: Any) -> list[str]:
    codes, unknown = [], []
    for name in _split(text):
        code = lookup(name)
        if code is None:
            unknown.append(name)
        elif code not in codes:
            codes.append(code)
    if unknown:
        raise forms.ValidationError(
            _("We do not know the %(noun)s %(names)s; correct or remove it.")
            % {"noun": noun, "names": ", ".join(f"“{n}”" for n in unknown)}
        )
    return codes


def _labelled(text: str) -> list[tuple[str, str]]:
    """(code, the page's wording) for each language name."""
    names = _split(text)
    codes = _mapped(text, language_code, str(_("language")))
    return [(language_code(name) or "", name) for name in names if language_code(name) in codes]


# A blank first choice, so that a browser sends nothing for an untouched extra row.
ROLE_CHOICES = [("", "—"), *((spec.code, spec.name_en) for spec in ROLES)]


class CreditForm(forms.Form):
    """One person in one role."""

    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)
    credited_as = forms.CharField(label=_("As the page says"), max_length=120, required=False)


class FestivalForm(forms.Form):
    """One festival selection or award."""

    festival = forms.CharField(label=_("Festival"), max_length=300)
    edition = forms.IntegerField(label=_("Edition"), min_value=1, max_value=500, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100, required=False)
    section = forms.CharField(label=_("Section"), max_length=200, required=False)
    award = forms.CharField(label=_("Award"), max_length=200, required=False)
    result = forms.ChoiceField(label=_("Result"), choices=[("", "—"), *EntryResult.choices])
    date = forms.DateField(label=_("Date"), required=False)


CreditFormSet = forms.formset_factory(CreditForm, extra=1, can_delete=True, max_num=300)
FestivalFormSet = forms.formset_factory(FestivalForm, extra=1, can_delete=True, max_num=100)


def record_data(
    form: FilmDraftForm, credits: forms.BaseFormSet, festivals: forms.BaseFormSet
) -> dict[str, Any]:
    """`FilmRecord` data from the valid review forms."""
    d = form.cleaned_data
    data: dict[str, Any] = {
        "title": d["title"],
        "year": d["year"],
        "runtime_minutes": d["runtime_minutes"],
        "kind": d["kind"] or None,
        "genres": _split(d["genres"]),
        "countries": [{"country": c} for c in d["countries"]],
        "languages": _languages(d),
        "specs": {k: d[k] for k in ("shooting_format", "sound", "aspect_ratio")},
    }
    data["specs"]["color"] = d["color"] or None
    if d["original_title"] and d["original_title"] != d["title"]:
        data["titles"] = [{"text": d["original_title"], "kind": "original"}]
    if d["budget"]:
        amount, currency = parse_amount(d["budget"])
        data["budget"] = {"amount": amount, "currency": currency, "as_stated": d["budget"]}
    data["credits"] = _credits(credits)
    data["festivals"] = _festivals(festivals)
    return data


def _languages(d: dict[str, Any]) -> list[dict[str, str]]:
    """The original languages and subtitles (a label only where it is not the code)."""
    return [
        {"language": code, "role": role, "label": "" if label == code else label}
        for role, key in (("original", "languages"), ("subtitle", "subtitles"))
        for code, label in d[key]
    ]


def _credits(credits: forms.BaseFormSet) -> list[dict[str, Any]]:
    return [
        {"person": {"name": c["name"]}, "role": c["role"], "credited_as": c["credited_as"]}
        for c in _kept(credits)
    ]


def _festivals(festivals: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The kept festival rows without their empty values."""
    return [
        {k: v for k, v in f.items() if k != "DELETE" and v not in (None, "")}
        for f in _kept(festivals)
    ]


def _kept(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The filled rows of a formset that are not marked for deletion."""
    return [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.has_changed()
    ]
