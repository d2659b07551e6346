"""Whether a film may enter a category, and by which deadline: pure functions of the film's
record, the filmmaker's declared premiere status and the call's dates."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from filmfolio.circuit.choices import Premiere
from filmfolio.core import vocab


def deadline_for(call: Any, today: datetime.date) -> str | None:
    """The first of the call's deadlines not yet passed on ``today`` (None: all passed)."""
    for kind, day in call.deadlines():
        if today <= day:
            return str(kind)
    return None


def _runtime_problems(category: Any, runtime: int | None) -> list[str]:
    low, high = category.runtime_min_minutes, category.runtime_max_minutes
    if low is None and high is None:
        return []
    if runtime is None:
        return [_("The film's record has no runtime; this category asks for one.")]
    if low is not None and runtime < low:
        return [
            _(
                "The film runs %(runtime)d minutes; "
                "this category takes films of at least %(n)d minutes."
            )
            % {"runtime": runtime, "n": low}
        ]
    if high is not None and runtime > high:
        return [
            _(
                "The film runs %(runtime)d minutes; "
                "this category takes films of at most %(n)d minutes."
            )
            % {"runtime": runtime, "n": high}
        ]
    return []


def _completion_problems(category: Any, completed: datetime.date | None) -> list[str]:
    after = category.completed_after
    if after is None:
        return []
    if completed is None:
        return [_("The film's record has no completion date; this category asks for one.")]
    if completed <= after:
        return [
            _(
                "The film was completed on %(date)s; "
                "this category takes films completed after %(after)s."
            )
            % {"date": completed.isoformat(), "after": after.isoformat()}
        ]
    return []


def _country_problems(category: Any, countries: Iterable[str]) -> list[str]:
    wanted = set(category.countries)
    if not wanted or wanted & set(countries):
        return []
    names = ", ".join(sorted(vocab.country_name(code) for code in wanted))
    return [_("This category takes films from %(countries)s only.") % {"countries": names}]


def _premiere_problems(category: Any, premiere: str) -> list[str]:
    required = category.premiere_required
    if Premiere.satisfies(premiere, required):
        return []
    return [
        _("This category asks for a %(premiere)s.")
        % {"premiere": str(Premiere(required).label).lower()}
    ]


def eligibility_problems(
    category: Any, film: Any, *, premiere: str, countries: Iterable[str]
) -> list[str]:
    """Each rule of ``category`` the film breaks, said in the user's language (empty: none)."""
    return [
        *_runtime_problems(category, film.runtime_minutes),
        *_completion_problems(category, film.completion_date),
        *_premiere_problems(category, premiere),
        *_country_problems(category, countries),
    ]
