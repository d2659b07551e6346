"""Forms of the "New film from text" page: the page to read, then the draft to review.

`PageForm` takes pasted text or an uploaded .txt/.html file. `FilmDraftForm` plus the credit and
festival formsets hold the reviewed draft; `review_record.record_data(...)` turns them into
`FilmRecord` data. Countries and languages are typed as names in any language or as codes and
mapped on save.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from filmfolio.core.viewers import Viewer
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.models import Festival
from filmfolio.films import access
from filmfolio.films.choices import ColorKind, FilmKind, TextKind
from filmfolio.films.models import Film
from filmfolio.films.roles import ROLES
from filmfolio.people.models import Person

from .codes import country_code, language_code
from .draft import language_codes

MAX_PAGE_BYTES = 2 * 1024 * 1024
PAGE_EXTENSIONS = (".txt", ".text", ".html", ".htm")
# The value of a match choice meaning "none of these: a new film, person or festival".
NEW = "+new"
TEXT_FIELDS = (
    ("synopsis", TextKind.SYNOPSIS),
    ("logline", TextKind.LOGLINE),
    ("statement", TextKind.STATEMENT),
)


class PageForm(forms.Form):
    """The page to read: an address to fetch, pasted text or a file (one of the three)."""

    url = forms.URLField(
        label=_("Address of the film page"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text=_("We fetch the page and read it. Public web pages only."),
        widget=forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
    )
    text = forms.CharField(
        label=_("…or the text of the film page"),
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
        given = [
            bool(data.get("url")),
            bool((data.get("text") or "").strip()),
            bool(data.get("page")),
        ]
        if not any(given) and not self.errors:
            raise forms.ValidationError(
                _("Give the address of a film page, paste its text or choose a file.")
            )
        if sum(given) > 1:
            raise forms.ValidationError(_("Give one of the three: an address, a text or a file."))
        return data

    def page_data(self) -> str | bytes:
        """The page as pasted text, or the uploaded file's bytes."""
        page = self.cleaned_data.get("page")
        return page.read() if page is not None else self.cleaned_data["text"]


def _names_field(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=1000, help_text=help_text)


def _text_field(label: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


def _language_field() -> forms.CharField:
    return forms.CharField(
        label=_("Language"),
        required=False,
        max_length=40,
        help_text=_("A name or a code: English, 中文, zh-Hant, fr."),
    )


class FilmDraftForm(forms.Form):
    """The main facts of the draft, its texts, and which existing film it is (if any).

    ``viewer`` decides which films may be chosen for an update (those they may edit)."""

    source = forms.CharField(widget=forms.HiddenInput, required=False)
    source_url = forms.URLField(
        widget=forms.HiddenInput, required=False, max_length=2000, assume_scheme="https"
    )
    needs_confirmation = forms.BooleanField(widget=forms.HiddenInput, required=False)
    target = forms.CharField(
        label=_("Save as"), required=False, initial=NEW, widget=forms.RadioSelect
    )
    save_anyway = forms.BooleanField(
        label=_("Save it anyway: this is a page about a film."), required=False
    )
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
    synopsis = _text_field(_("Synopsis"))
    synopsis_language = _language_field()
    logline = _text_field(_("Logline"))
    logline_language = _language_field()
    statement = _text_field(_("Director statement"))
    statement_language = _language_field()
    biography = _text_field(_("Director biography"))
    biography_language = _language_field()

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer

    def clean_target(self) -> Film | None:
        slug = self.cleaned_data.get("target") or NEW
        if slug == NEW:
            return None
        film = Film.objects.editable_by(self.viewer).filter(slug=slug).first()
        if film is None:
            raise forms.ValidationError(_("You may not update this film; choose another."))
        return film

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("synopsis", "logline", "statement", "biography"):
            self._clean_text_language(data, name)
        if data.get("needs_confirmation") and not data.get("save_anyway"):
            self.add_error(
                "save_anyway",
                _("This page does not look like a film page. Tick the box to save it anyway."),
            )
        return data

    def _clean_text_language(self, data: dict[str, Any], name: str) -> None:
        """A text's language as a tag; required when the text is given."""
        body = (data.get(name) or "").strip()
        typed = (data.get(f"{name}_language") or "").strip()
        if not body:
            data[f"{name}_language"] = ""
            return
        code = language_code(typed) if typed else None
        if code is None:
            self.add_error(
                f"{name}_language",
                _("Say which language this text is in (a name such as English or a code).")
                if not typed
                else _("We do not know the language “%(name)s”.") % {"name": typed},
            )
        data[f"{name}_language"] = code or ""

    def clean_genres(self) -> str:
        genres = self.cleaned_data["genres"]
        if any(len(g) > 60 for g in split_list(genres)):
            raise forms.ValidationError(_("Each genre can have at most 60 characters."))
        return genres

    def clean_countries(self) -> list[str]:
        return _mapped(self.cleaned_data["countries"], country_code, _("country"))

    def clean_languages(self) -> list[tuple[str, str]]:
        return _labelled(self.cleaned_data["languages"])

    def clean_subtitles(self) -> list[tuple[str, str]]:
        return _labelled(self.cleaned_data["subtitles"])


def split_list(text: str) -> list[str]:
    """The parts of a comma- (or 、-) separated list, trimmed."""
    return [part.strip() for part in text.replace("、", ",").split(",") if part.strip()]


def _mapped(text: str, lookup: Any, noun: Any) -> list[str]:
    codes, unknown = [], []
    for name in split_list(text):
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
    """(code, the page's wording) for each language name ("英文字幕" is English, "中英字幕"
    Chinese and English)."""
    out: list[tuple[str, str]] = []
    unknown = []
    for name in split_list(text):
        codes, _is_subtitle = language_codes(name)
        if not codes:
            unknown.append(name)
        out += [(code, name) for code in codes if (code, name) not in out]
    if unknown:
        raise forms.ValidationError(
            _("We do not know the %(noun)s %(names)s; correct or remove it.")
            % {"noun": _("language"), "names": ", ".join(f"“{n}”" for n in unknown)}
        )
    return out


# A blank first choice, so that a browser sends nothing for an untouched extra row.
ROLE_CHOICES = [("", "—"), *((spec.code, spec.name_en) for spec in ROLES)]


class _MatchForm(forms.Form):
    """A row that may be an existing record: ``match`` is its slug, or NEW (make a new one
    even when one of the same name exists); left out, the record is linked by its name."""

    match = forms.CharField(
        label=_("Already here?"), required=False, initial=NEW, widget=forms.Select
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer

    def matchable(self) -> Any:
        raise NotImplementedError

    def clean_match(self) -> Any:
        """The chosen record, NEW, or None (not said: linked by name when one matches)."""
        slug = self.cleaned_data.get("match") or ""
        if slug in ("", NEW):
            return slug or None
        found = self.matchable().filter(slug=slug).first()
        if found is None:
            raise forms.ValidationError(_("Choose one of the records offered, or “new”."))
        return found


class CreditForm(_MatchForm):
    """One person in one role, maybe a person already here."""

    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)
    credited_as = forms.CharField(label=_("As the page says"), max_length=120, required=False)

    def matchable(self) -> Any:
        return Person.objects.creditable_by(self.viewer)


class FestivalForm(_MatchForm):
    """One festival selection or award, maybe at a festival already here."""

    def matchable(self) -> Any:
        return access.enterable_festivals(self.viewer, Festival.objects.all())

    festival = forms.CharField(label=_("Festival"), max_length=300)
    edition = forms.IntegerField(label=_("Edition"), min_value=1, max_value=500, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100, required=False)
    section = forms.CharField(label=_("Section"), max_length=200, required=False)
    award = forms.CharField(label=_("Award"), max_length=200, required=False)
    result = forms.ChoiceField(label=_("Result"), choices=[("", "—"), *EntryResult.choices])
    date = forms.DateField(label=_("Date"), required=False)


CreditFormSet = forms.formset_factory(CreditForm, extra=1, can_delete=True, max_num=300)
FestivalFormSet = forms.formset_factory(FestivalForm, extra=1, can_delete=True, max_num=100)
