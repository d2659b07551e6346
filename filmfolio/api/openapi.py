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
