"""Entry points of the helper processes that build documents during a rebuild.

Kept apart from ``search.index`` because a helper process imports this module before Django
is set up: it must import nothing that needs the app registry until ``start`` has run.
"""

from __future__ import annotations

import gc
import os
from typing import Any


def start(settings_module: str | None, database: dict[str, Any]) -> None:
    """Set up Django in a helper process, on the database the rebuild writes to."""
    import django

    if settings_module:
        os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    django.setup()
    from django.db import connections

    connections["default"].settings_dict.update(database)

    from filmfolio.core.text.terms import keep_more_terms

    keep_more_terms()
    gc.disable()  # the process only builds batches: ``build`` collects after each one


def build(kind: str, ids: list[int]) -> Any:
    """``search.batches.build_batch`` in a helper process."""
    from .batches import build_batch

    try:
        return build_batch(kind, ids)
    finally:
        gc.collect(1)
