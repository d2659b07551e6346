"""The person picker as a form widget, for any form that credits a person by name.

A form using it has three fields: the typed name (this widget), the picked person's id (a
hidden ``person``) and the explicit "create a new person" choice (a hidden ``person_new``, "1"
when chosen). The view then calls ``people.services.person_create`` when ``person_new`` is set,
else ``people.services.person_for_name(name=..., actor=..., person_id=...)``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString


class PersonPickerInput(forms.TextInput):
    """A text input listing matching people below it (``people/picker.js``)."""

    def __init__(
        self, *, person_field: str = "person", create_field: str = "person_new", **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.person_field = person_field
        self.create_field = create_field

    @property
    def media(self) -> forms.Media:
        return forms.Media(css={"all": ["people/picker.css"]}, js=["people/picker.js"])

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        context["widget"]["attrs"].update(
            {
                "autocomplete": "off",
                "role": "combobox",
                "aria-expanded": "false",
                "aria-controls": f"{widget_id}-candidates",
                "data-person-picker": reverse("people:lookup"),
                "data-person-field": self.person_field,
                "data-create-field": self.create_field,
                "data-status-id": f"{widget_id}-status",
            }
        )
        return context

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> SafeString:
        html = super().render(name, value, attrs, renderer)
        widget_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        return html + format_html(
            '<ul class="person-candidates" id="{}-candidates" aria-live="polite"></ul>'
            '<p class="person-picked" id="{}-status" aria-live="polite"></p>',
            widget_id,
            widget_id,
        )
