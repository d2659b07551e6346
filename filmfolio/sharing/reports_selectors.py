"""Viewing reports as the owner reads them: per screener link, the opens, plays, furthest point,
share watched, time watched, last viewing and devices (two queries for any number of links).

The share watched is of the longest video the link played (the film, not its trailer): the
union of what its viewings played, over the video's length.
"""

from __future__ import annotations

import datetime
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from filmfolio.core.spreadsheet import csv_writer

from .models import Device, ScreenerLink, ScreenerViewing
from .reports import covered_seconds


@dataclass(frozen=True)
class LinkReport:
    """What the owner sees of one screener link's viewings."""

    link: ScreenerLink
    plays: int
    furthest_seconds: float
    percent_watched: int | None
    watched_seconds: float
    last_viewed_at: datetime.datetime | None
    devices: tuple[str, ...]

    @property
    def opened(self) -> bool:
        return self.link.open_count > 0 or self.plays > 0

    @property
    def furthest_text(self) -> str:
        return duration_text(self.furthest_seconds)

    @property
    def watched_text(self) -> str:
        return duration_text(self.watched_seconds)

    @property
    def device_labels(self) -> str:
        return ", ".join(str(Device(device).label) for device in self.devices)


def _percent(rows: list[dict[str, Any]]) -> tuple[int | None, float]:
    """Share watched (whole percent, None without a known length) and furthest point of the
    longest video among ``rows`` (one link's viewings)."""
    by_video: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_video[row["video_key"]].append(row)
    main = max(by_video.values(), key=lambda group: max(r["duration_seconds"] or 0 for r in group))
    length = max(r["duration_seconds"] or 0 for r in main)
    furthest = max(r["furthest_seconds"] for r in main)
    if not length:
        return None, furthest
    covered = covered_seconds([list(pair) for r in main for pair in r["played_ranges"]])
    return min(100, int(covered * 100 // length)), furthest


def _report(link: ScreenerLink, rows: list[dict[str, Any]]) -> LinkReport:
    if not rows:
        return LinkReport(link, 0, 0.0, None, 0.0, None, ())
    percent, furthest = _percent(rows)
    devices = tuple(dict.fromkeys(row["device"] for row in rows))
    return LinkReport(
        link=link,
        plays=len(rows),
        furthest_seconds=furthest,
        percent_watched=percent,
        watched_seconds=round(sum(row["watched_seconds"] for row in rows), 1),
        last_viewed_at=max(row["last_beat_at"] for row in rows),
        devices=devices,
    )


def link_reports_for(links: Iterable[ScreenerLink]) -> list[LinkReport]:
    """Reports of ``links`` (already chosen by the caller's access check), in their order."""
    links = list(links)
    rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    viewings = ScreenerViewing.objects.filter(link__in=[link.pk for link in links]).values(
        "link_id",
        "video_key",
        "duration_seconds",
        "furthest_seconds",
        "watched_seconds",
        "played_ranges",
        "last_beat_at",
        "device",
    )
    for row in viewings.order_by("-last_beat_at"):
        rows[row["link_id"]].append(dict(row))
    return [_report(link, rows[link.pk]) for link in links]


def film_link_reports_for(film: Any) -> list[LinkReport]:
    """Every screener link of ``film`` with its report, newest link first."""
    return link_reports_for(film.screener_links.select_related("campaign"))


def duration_text(seconds: float) -> str:
    """``h:mm:ss`` (or ``m:ss``) for a number of seconds."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def reports_csv(reports: Iterable[LinkReport]) -> str:
    """The reports as CSV (UTF-8 with a byte-order mark added by the caller's response), one
    row per link; times in UTC, ISO 8601."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(
        [
            _("Recipient"),
            _("E-mail"),
            _("Organisation"),
            _("Campaign"),
            _("Opened"),
            _("Times opened"),
            _("Plays"),
            _("Furthest point (seconds)"),
            _("Percent watched"),
            _("Time watched (seconds)"),
            _("Last viewed (UTC)"),
            _("Devices"),
        ]
    )
    for report in reports:
        link = report.link
        last = report.last_viewed_at
        writer.writerow(
            [
                link.recipient,
                link.recipient_email,
                link.recipient_organisation,
                link.campaign.name if link.campaign else "",
                _("yes") if report.opened else _("no"),
                str(link.open_count),
                str(report.plays),
                str(round(report.furthest_seconds, 1)),
                "" if report.percent_watched is None else str(report.percent_watched),
                str(report.watched_seconds),
                last.astimezone(datetime.UTC).isoformat(timespec="seconds") if last else "",
                report.device_labels,
            ]
        )
    return out.getvalue()


def campaign_reports_for(campaign: Any) -> list[LinkReport]:
    """The report of each recipient of ``campaign``, in the order of its list."""
    return link_reports_for(campaign.links.select_related("campaign").order_by("id"))


def campaigns_for(film: Any) -> Any:
    """The campaigns of ``film``, newest first, with how many links each sent."""
    return film.campaigns.annotate(link_total=Count("links"))
