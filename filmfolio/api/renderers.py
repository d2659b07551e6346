"""JSON output that keeps Chinese and other non-ASCII text as characters, not \\u escapes."""

from __future__ import annotations

from ninja.renderers import JSONRenderer


class UnicodeJSONRenderer(JSONRenderer):
    """django-ninja's renderer with ``ensure_ascii=False`` (the body is UTF-8)."""

    json_dumps_params = {"ensure_ascii": False}
