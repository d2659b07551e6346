"""``{% person_jsonld person credits %}`` and ``{% festival_jsonld festival %}`` (schema.org
JSON-LD in a script element no value can break out of). The film page's head (Open Graph, Twitter
card, JSON-LD, oEmbed discovery) is a head panel of ``presskit.panels``, not a tag."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from filmfolio.presskit import jsonld

register = template.Library()

# The characters that could end a <script> element or open a comment inside one.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld_script(data: dict[str, Any]) -> SafeString:
    """A ``<script type="application/ld+json">`` element that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag
def person_jsonld(person: Any, credits: Any = ()) -> SafeString:
    """The person's schema.org Person as JSON-LD."""
    return jsonld_script(jsonld.person_jsonld(person, credits=credits))


@register.simple_tag
def festival_jsonld(festival: Any) -> SafeString:
    """The festival's schema.org Festival as JSON-LD."""
    return jsonld_script(jsonld.festival_jsonld(festival))
