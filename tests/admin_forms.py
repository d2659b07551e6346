"""Read a form off a page the way a browser would submit it (the Django admin's change forms,
with their inlines), so a test can change one field and post the rest as they were."""

from __future__ import annotations

from html.parser import HTMLParser


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
        if not self.inside or (not a.get("name") and tag != "option"):
            return
        if tag == "input":
            self._input(a)
        elif tag == "select":
            self._select, self._multiple = a["name"], "multiple" in a
            self.fields.setdefault(a["name"], [])
        elif tag == "option" and self._select is not None:
            if "selected" in a:
                self.fields[self._select].append(a.get("value", ""))
        elif tag == "textarea":
            self._textarea, self._text = a["name"], []

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
