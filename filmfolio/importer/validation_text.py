"""Pydantic's validation messages in the user's language.

Pydantic words its messages in English only. For the kinds of error a film record can have,
this table holds the same English wording as a translatable template; a message is translated
only when the template gives back pydantic's exact English, so an unknown wording (a new
pydantic version) stays as pydantic wrote it rather than being misread.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

TEMPLATES: dict[str, tuple[str, ...]] = {
    "missing": (_("Field required"),),
    "extra_forbidden": (_("Extra inputs are not permitted"),),
    "greater_than_equal": (_("Input should be greater than or equal to %(ge)s"),),
    "less_than_equal": (_("Input should be less than or equal to %(le)s"),),
    "int_parsing": (_("Input should be a valid integer, unable to parse string as an integer"),),
    "int_from_float": (_("Input should be a valid integer, got a number with a fractional part"),),
    "int_type": (_("Input should be a valid integer"),),
    "string_type": (_("Input should be a valid string"),),
    "string_too_short": (
        _("String should have at least %(min_length)s character"),
        _("String should have at least %(min_length)s characters"),
    ),
    "string_too_long": (
        _("String should have at most %(max_length)s character"),
        _("String should have at most %(max_length)s characters"),
    ),
    "string_pattern_mismatch": (_("String should match pattern '%(pattern)s'"),),
    "enum": (_("Input should be %(expected)s"),),
    "literal_error": (_("Input should be %(expected)s"),),
    "bool_parsing": (_("Input should be a valid boolean, unable to interpret input"),),
    "bool_type": (_("Input should be a valid boolean"),),
    "date_type": (_("Input should be a valid date"),),
    "date_parsing": (_("Input should be a valid date in the format YYYY-MM-DD, %(error)s"),),
    "date_from_datetime_parsing": (_("Input should be a valid date or datetime, %(error)s"),),
    "decimal_parsing": (_("Input should be a valid decimal"),),
    "decimal_max_places": (
        _("Decimal input should have no more than %(decimal_places)s decimal place"),
        _("Decimal input should have no more than %(decimal_places)s decimal places"),
    ),
    "decimal_max_digits": (
        _("Decimal input should have no more than %(max_digits)s digit in total"),
        _("Decimal input should have no more than %(max_digits)s digits in total"),
    ),
    "list_type": (_("Input should be a valid list"),),
    "dict_type": (_("Input should be a valid dictionary"),),
    "model_type": (
        _("Input should be a valid dictionary or instance of %(class_name)s"),
        _("Input should be an object"),
    ),
}


def translated(item: dict[str, Any]) -> str:
    """The message of one pydantic error item in the active language."""
    text = str(item["msg"]).removeprefix("Value error, ")
    values = {key: str(value) for key, value in (item.get("ctx") or {}).items()}
    for template in TEMPLATES.get(item["type"], ()):
        try:
            english = template % values
        except (KeyError, ValueError, TypeError):
            continue
        if english == text:
            return gettext(template) % values
    return text
