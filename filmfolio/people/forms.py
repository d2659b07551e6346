"""Forms of people: the person picker as a form widget (for any form that credits a person by
name), and the forms of a person's written names and biographies on the person's edit page.

A form using the picker has three fields: the typed name (this widget), the picked person's id (a
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
from django.utils.translation import gettext_lazy as _

from filmfolio.core.languages import LanguageField

from .choices import NameOrder, NameScript


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


class PersonNameForm(forms.Form):
    """One written form of a person's name: the name, its script, its order, its language."""

    name = forms.CharField(label=_("Name"), max_length=200)
    script = forms.ChoiceField(
        label=_("Script"),
        choices=[("", _("Found from the name")), *NameScript.choices],
        required=False,
    )
    order = forms.ChoiceField(
        label=_("Name order"), choices=[("", "—"), *NameOrder.choices], required=False
    )
    language = LanguageField(
        required=False, help_text=_("Only when the name belongs to one language, e.g. Japanese.")
    )


class BiographyForm(forms.Form):
    """A biography in one language (one per language: writing it again replaces it)."""

    language = LanguageField()
    body = forms.CharField(
        label=_("Biography"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )


class BiographyEditForm(forms.Form):
    """An existing biography, changed in place; empty removes it."""

    body = forms.CharField(
        label=_("Biography"),
        max_length=20000,
        required=False,
        help_text=_("Empty the text to remove this biography."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
