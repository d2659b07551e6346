"""The OpenAPI snapshot kept in the repository (``openapi.snapshot.json``).

A test compares the live document with the snapshot, so every change to the API's shape is
reviewed as a diff. ``filmfolio api_snapshot`` (or ``make api-snapshot``) rewrites it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SNAPSHOT_PATH = Path(__file__).with_name("openapi.snapshot.json")


def current_schema() -> dict[str, Any]:
    """The OpenAPI document of the API as served at ``/api/v1/openapi.json``."""
    from .api import api

    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))


# OpenAPI links: how a response's values feed later calls (clients and stateful testing use
# them). (operation, status) -> {link name: (target operation, {parameter: expression})}.
_SLUG_FROM_BODY = {"slug": "$response.body#/slug"}
_SLUG_FROM_PATH = "$request.path.slug"
LINKS: dict[tuple[str, str], dict[str, tuple[str, dict[str, str]]]] = {
    ("films_create", "201"): {
        "detail": ("films_detail", _SLUG_FROM_BODY),
        "update": ("films_update", _SLUG_FROM_BODY),
        "add_title": ("films_titles_create", _SLUG_FROM_BODY),
        "add_credit": ("films_credits_create", _SLUG_FROM_BODY),
        "add_entry": ("films_entries_create", _SLUG_FROM_BODY),
        "set_text": ("films_texts_set", _SLUG_FROM_BODY),
    },
    ("films_list", "200"): {
        "detail": ("films_detail", {"slug": "$response.body#/items/0/slug"}),
    },
    ("films_titles_create", "201"): {
        "delete": (
            "films_titles_delete",
            {"slug": _SLUG_FROM_PATH, "title_id": "$response.body#/id"},
        ),
    },
    ("films_credits_create", "201"): {
        "delete": (
            "films_credits_delete",
            {"slug": _SLUG_FROM_PATH, "credit_id": "$response.body#/id"},
        ),
    },
    ("films_entries_create", "201"): {
        "delete": (
            "films_entries_delete",
            {"slug": _SLUG_FROM_PATH, "entry_id": "$response.body#/id"},
        ),
    },
    ("films_texts_set", "200"): {
        "delete": (
            "films_texts_delete",
            {
                "slug": _SLUG_FROM_PATH,
                "kind": "$request.path.kind",
                "language": "$request.path.language",
            },
        ),
    },
    ("people_list", "200"): {
        "detail": ("people_detail", {"slug": "$response.body#/items/0/slug"}),
    },
    ("festivals_list", "200"): {
        "detail": ("festivals_detail", {"slug": "$response.body#/items/0/slug"}),
    },
}


def add_links(schema: dict[str, Any]) -> dict[str, Any]:
    """Add ``LINKS`` to the responses of ``schema`` (in place) and return it."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            for (operation_id, status), links in LINKS.items():
                if operation.get("operationId") != operation_id:
                    continue
                responses = operation["responses"]
                response = responses.get(status) or responses[int(status)]
                response["links"] = {
                    name: {"operationId": target, "parameters": params}
                    for name, (target, params) in links.items()
                }
    return schema


def render(schema: dict[str, Any]) -> str:
    """The snapshot's text: sorted keys, indented, Chinese kept as characters."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def snapshot_is_current() -> bool:
    """True when the file on disk matches the live document."""
    return SNAPSHOT_PATH.exists() and SNAPSHOT_PATH.read_text() == render(current_schema())


def write_snapshot() -> Path:
    """Rewrite the snapshot from the live document."""
    SNAPSHOT_PATH.write_text(render(current_schema()))
    return SNAPSHOT_PATH
