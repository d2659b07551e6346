"""Premiere conditions of a film's pending festival entries, and what would break them.

A festival that asks for a world, international, regional or national premiere expects the film
not to have been shown before: not public on the web, not screened earlier in that territory.
These functions say, in the active language, which pending entries a change would break; the
services and the films app (through ``films.hooks.EXPOSURE_CHECKS``) refuse the change until
the person confirms it.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.films.hooks import EXPOSE_PUBLIC, EXPOSURE_CHECKS, ExposureCheck

from .choices import Premiere, RunStatus
from .models import RunEntry


def pending_premieres(film: Any, *, exclude: int | None = None) -> QuerySet[RunEntry]:
    """The film's entries still pending that ask for a premiere, at editions not yet over."""
    today = timezone.localdate()
    entries = RunEntry.objects.filter(
        film=film, status__in=RunStatus.pending(), premiere__gt=""
    ).filter(Q(edition__ends_on__isnull=True) | Q(edition__ends_on__gte=today))
    if exclude is not None:
        entries = entries.exclude(pk=exclude)
    return entries.select_related("edition__festival")


def premiere_label(entry: RunEntry) -> str:
    """ "World premiere" or "National premiere (FR)"."""
    label = str(entry.get_premiere_display())
    return f"{label} ({entry.premiere_territory})" if entry.premiere_territory else label


def _warning(entry: RunEntry, reason: str) -> str:
    return _("%(festival)s expects a %(premiere)s: %(reason)s") % {
        "festival": entry.edition,
        "premiere": premiere_label(entry),
        "reason": reason,
    }


def exposure_warnings(film: Any, kind: str) -> list[str]:
    """What making ``film`` public, or opening a screener link to it, would break."""
    if kind == EXPOSE_PUBLIC:
        reason = _("a public film has premiered online.")
    else:
        reason = _("a screener link outside the festival may count as an earlier showing.")
    return [_warning(entry, reason) for entry in pending_premieres(film)]


def _breaks(pending: RunEntry, country: str, film_countries: set[str]) -> bool:
    """Would a screening in ``country`` break ``pending``'s premiere?"""
    if pending.premiere == Premiere.WORLD:
        return True
    if pending.premiere == Premiere.INTERNATIONAL:
        return not country or country not in film_countries
    return not country or country == pending.premiere_territory


def _starts(entry: RunEntry) -> datetime.date | None:
    return entry.edition.starts_on


def screening_warnings(entry: RunEntry) -> list[str]:
    """What screening ``entry``'s film at its festival (selected) would break: pending entries
    of the same film asking for a premiere in that territory at a later edition."""
    country = entry.edition.festival.country
    starts = _starts(entry)
    film_countries = set(entry.film.countries.values_list("country", flat=True))
    warnings = []
    for pending in pending_premieres(entry.film, exclude=entry.pk):
        later = _starts(pending)
        if starts is not None and later is not None and later <= starts:
            continue
        if _breaks(pending, country, film_countries):
            reason = _("%(festival)s would screen the film before it.") % {
                "festival": entry.edition
            }
            warnings.append(_warning(pending, reason))
    return warnings


def register() -> None:
    """Warn before a film with pending premieres is made public or given a screener link."""
    EXPOSURE_CHECKS.register(ExposureCheck(key="circuit-premieres", warnings=exposure_warnings))
