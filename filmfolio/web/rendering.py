"""How forms render across the site: Django's form renderer pointed at the project's form and
field templates (``web/forms/``), so ``{{ form }}`` and ``{{ form.as_div }}`` give every field a
label with a required mark, help text and errors beside the input, in the design's classes."""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates


class FormRenderer(DjangoTemplates):
    """Django's template renderer with the project's form and field templates."""

    form_template_name = "web/forms/form.html"
    field_template_name = "web/forms/field.html"
