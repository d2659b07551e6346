"""The reviewed draft of the "New film from text" page as `FilmRecord` data, and the people
and festivals the reviewer marked as new."""

from __future__ import annotations

from typing import Any

from django import forms

from filmfolio.festivals.models import Festival

from .codes import parse_amount
from .forms import NEW, TEXT_FIELDS, FilmDraftForm, split_list
from .resolvers import FreshNames


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
        "genres": split_list(d["genres"]),
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
    data["texts"] = [
        {"kind": kind, "language": d[f"{name}_language"], "body": d[name].strip()}
        for name, kind in TEXT_FIELDS
        if d[name].strip()
    ]
    _attach_biography(data, d)
    return data


def _attach_biography(data: dict[str, Any], d: dict[str, Any]) -> None:
    """The biography goes with the first director's person record."""
    body = d["biography"].strip()
    director = next((c for c in data["credits"] if c["role"] == "director"), None)
    if body and director is not None:
        director["person"]["biographies"] = {d["biography_language"]: body}


def fresh_names(credits: forms.BaseFormSet, festivals: forms.BaseFormSet) -> FreshNames:
    """The people and festivals the reviewer marked as new."""
    from filmfolio.core.matching import name_match_key, title_match_key

    return FreshNames(
        people=frozenset(
            name_match_key(c["name"]) for c in _kept(credits) if c.get("match") == NEW
        ),
        festivals=frozenset(
            title_match_key(f["festival"]) for f in _kept(festivals) if f.get("match") == NEW
        ),
    )


def _languages(d: dict[str, Any]) -> list[dict[str, str]]:
    """The original languages and subtitles (a label only where it is not the code)."""
    return [
        {"language": code, "role": role, "label": "" if label == code else label}
        for role, key in (("original", "languages"), ("subtitle", "subtitles"))
        for code, label in d[key]
    ]


def _credits(credits: forms.BaseFormSet) -> list[dict[str, Any]]:
    return [
        {"person": _person(c), "role": c["role"], "credited_as": c["credited_as"]}
        for c in _kept(credits)
    ]


def _person(row: dict[str, Any]) -> dict[str, Any]:
    person = row.get("match")
    if person is None or person == NEW:
        return {"name": row["name"]}
    return {"name": person.display_name, "slug": person.slug}


def _festivals(festivals: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The kept festival rows without their empty values; a matched festival by its name."""
    out = []
    for f in _kept(festivals):
        entry = {k: v for k, v in f.items() if k not in ("DELETE", "match") and v not in (None, "")}
        if isinstance(f.get("match"), Festival):
            entry["festival"] = f["match"].name
        out.append(entry)
    return out


def _kept(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The filled rows of a formset that are not marked for deletion."""
    return [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.has_changed()
    ]
