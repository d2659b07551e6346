"""What the apps above people do when a person's record changes.

Film pages and film search documents show people's names, but ``people`` sits below ``films``
and cannot import it. An app above registers a ``PersonShown`` in its ``AppConfig.ready``
(``films`` brings its films crediting the person up to date); ``person_changed`` calls every
one inside the writing transaction, explicitly and in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from filmfolio.core.contributions import Registry


@dataclass(frozen=True)
class PersonShown:
    """A place that shows people: ``refresh(person)`` brings it up to date after a change."""

    key: str
    refresh: Callable[[Any], None]
    order: int = 0


PERSON_SHOWN: Registry[PersonShown] = Registry("people_shown")


def person_shown_refresh(person: Any) -> None:
    """Bring every place that shows ``person`` up to date (call inside the transaction)."""
    for shown in PERSON_SHOWN:
        shown.refresh(person)
