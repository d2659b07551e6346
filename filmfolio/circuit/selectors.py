"""Page-shaped reads of the festival run: a filmmaker's board (entries by status, across their
films), their calendar of dates by month, one film's run; each with one fixed query plan."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from filmfolio.core.viewers import Viewer

from . import access
from .calendar import CalendarDate, calendar_dates
from .choices import RunStatus
from .models import RunEntry

COLUMN_SIZE = 12
PAGE_SIZE = 50


def _entries(queryset: QuerySet[RunEntry]) -> QuerySet[RunEntry]:
    return queryset.select_related("film", "edition__festival", "screener_link", "public_entry")


def run_entries_for(viewer: Viewer) -> QuerySet[RunEntry]:
    """The entries of every film ``viewer`` works on, loaded for pages and feeds."""
    return _entries(access.run_entries_for(viewer, RunEntry.objects.all()))


def film_run_for(film: Any) -> QuerySet[RunEntry]:
    """One film's run, loaded for its studio section (the frame checked the access)."""
    return _entries(film.run_entries.all())


@dataclass(frozen=True)
class Column:
    """One status of the board: its first entries and how many there are."""

    status: str
    label: str
    entries: list[RunEntry]
    total: int


def board_for(viewer: Viewer) -> list[Column]:
    """The board: one column per status, each with its first ``COLUMN_SIZE`` entries."""
    entries = run_entries_for(viewer)
    totals = dict(
        entries.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    columns = []
    for status in RunStatus:
        shown = list(entries.filter(status=status)[:COLUMN_SIZE]) if totals.get(status) else []
        columns.append(Column(status, str(status.label), shown, totals.get(status, 0)))
    return columns


def status_page_for(viewer: Viewer, status: str, page: Any) -> Page:
    """One column of the board in full, a page at a time."""
    entries = run_entries_for(viewer).filter(status=status)
    return Paginator(entries, PAGE_SIZE).get_page(page)


@dataclass(frozen=True)
class Month:
    """The dates of one month of the calendar."""

    first_day: datetime.date
    dates: list[CalendarDate]


def calendar_for(viewer: Viewer, page: Any) -> tuple[Page, list[Month]]:
    """The viewer's dates from the first of this month on, a page at a time, by month."""
    start = timezone.localdate().replace(day=1)
    entries = run_entries_for(viewer).filter(Q(deadline__gte=start) | Q(notification_on__gte=start))
    dates = [d for d in calendar_dates(entries) if d.day >= start]
    current = Paginator(dates, PAGE_SIZE).get_page(page)
    months = [
        Month(first, list(group))
        for first, group in groupby(current.object_list, key=lambda d: d.day.replace(day=1))
    ]
    return current, months
