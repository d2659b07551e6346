"""Submitting Django admin forms as a browser would, and asking the public search surfaces
whether they list something.

``form_data(response)`` turns a rendered add or change page into the POST data its form would
send unchanged (main form, every inline with its rows, management forms), so a test changes only
the values it is about. ``form_fields(html, form_id)`` reads any form off a page as a browser
would submit it. ``listed_urls(text)`` asks anonymous search, autocomplete and the search
API with a fresh client and returns what each lists.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from django import forms
from django.test import Client


def _add_form(data: dict[str, Any], form: forms.BaseForm) -> None:
    for name in form.fields:
        bound = form[name]
        value, key, widget = bound.value(), bound.html_name, bound.field.widget
        if isinstance(widget, forms.MultiWidget):
            parts = widget.decompress(value) if not isinstance(value, list) else value
            for i, part in enumerate(parts):
                data[f"{key}_{i}"] = "" if part is None else str(part)
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
        elif value is not None:
            data[key] = _posted(value)


def _posted(value: Any) -> Any:
    """A value as a browser posts it: text, or a list of texts."""
    return [str(v) for v in value] if isinstance(value, list | tuple) else str(value)


def form_data(response: Any) -> dict[str, Any]:
    """The POST data of an admin add or change page as rendered (nothing changed)."""
    data: dict[str, Any] = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = str(management[name].value())
        for form in formset.forms:
            _add_form(data, form)
    return data


def inline_rows(data: dict[str, Any], prefix: str) -> int:
    """How many rows the inline ``prefix`` sends."""
    return int(data[f"{prefix}-TOTAL_FORMS"])


def add_inline_row(data: dict[str, Any], prefix: str, values: dict[str, str]) -> None:
    """Append one new row to the inline ``prefix``."""
    n = inline_rows(data, prefix)
    for name, value in values.items():
        data[f"{prefix}-{n}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(n + 1)


def listed_urls(text: str) -> dict[str, set[str]]:
    """What anonymous visitors find for ``text``: page, autocomplete and API, by surface."""
    client = Client()
    page = client.get("/search/", {"q": text})
    assert page.status_code == 200
    suggestions = client.get("/search/autocomplete", {"q": text})
    assert suggestions.status_code == 200
    api = client.get("/api/v1/search", {"q": text})
    assert api.status_code == 200
    return {
        "page": {hit.url for hit in page.context["page"].hits},
        "autocomplete": {item["url"] for item in suggestions.json()["results"]},
        "api": {item["url"] for item in api.json()["items"]},
    }


def everywhere(url: str) -> dict[str, set[str]]:
    """``listed_urls`` of something every surface lists (and nothing else)."""
    return {"page": {url}, "autocomplete": {url}, "api": {url}}


NOWHERE: dict[str, set[str]] = {"page": set(), "autocomplete": set(), "api": set()}


class _FormReader(HTMLParser):
    """The successful controls of the form with ``id``: name -> list of values."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: dict[str, list[str]] = {}
        self._select: str | None = None
        self._multiple = False
        self._first_option: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self._reads(tag, a):
            return
        if tag == "input":
            self._input(a)
        elif tag == "select":
            self._select, self._multiple = a["name"], "multiple" in a
            self.fields.setdefault(a["name"], [])
        elif tag == "option":
            self._option(a)
        elif tag == "textarea":
            self._textarea, self._text = a["name"], []

    def _reads(self, tag: str, a: dict[str, str]) -> bool:
        """A named control (or an option) inside the form."""
        return self.inside and (bool(a.get("name")) or tag == "option")

    def _option(self, a: dict[str, str]) -> None:
        if self._select is not None and "selected" in a:
            self.fields[self._select].append(a.get("value", ""))

    def _input(self, a: dict[str, str]) -> None:
        kind = a.get("type", "text")
        if kind in {"submit", "button", "file", "image", "reset"}:
            return
        if kind in {"checkbox", "radio"} and "checked" not in a:
            return
        self.fields.setdefault(a["name"], []).append(
            a.get("value", "on" if kind == "checkbox" else "")
        )

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.setdefault(self._textarea, []).append("".join(self._text).lstrip("\n"))
            self._textarea = None


def form_fields(html: str, form_id: str) -> dict[str, list[str]]:
    """The values the form with ``form_id`` on ``html`` would submit as it stands."""
    reader = _FormReader(form_id)
    reader.feed(html)
    assert reader.fields, f"no form {form_id} on the page"
    return reader.fields
