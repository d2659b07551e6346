"""The rules of a festival entry's evidence: what backs "Winner, Best Short Film".

* **claimed** — the filmmaker's word (anything typed by hand or imported); no source is kept.
* **sourced** — a page of the festival's own site (when the festival's website is known, the
  address must be on it or on one of its subdomains), or the festival's notification uploaded
  as a file (``festivals.evidence_files``), with the date someone checked it.
* **confirmed** — the festival's own decision through Filmfolio. Nobody sets it by editing an
  entry: the studio, the API and the admin refuse it, and they refuse any change to a confirmed
  entry's facts (festival, edition, section, award, result, date) or evidence; the filmmaker
  may still remove the entry from the film, or change its note.

``evidence_errors`` is the one check; the services and the admin form both call it.
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import EntryEvidence

# The facts a festival confirms; the note stays the filmmaker's.
FACT_FIELDS = ("edition_id", "section_id", "award_id", "result", "date")
EVIDENCE_FIELDS = ("evidence", "evidence_url", "evidence_checked_on", "confirmed_at")


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def is_festival_address(url: str, festival: Any) -> bool:
    """Is ``url`` on the festival's own site (its host or a subdomain)? Any address is taken
    while the festival's website is not known."""
    site = _host(festival.website) if festival.website else ""
    if not site:
        return True
    host = _host(url)
    return host == site or host.endswith("." + site)


def _sourced_errors(entry: Any, festival: Any) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not entry.evidence_url:
        if not getattr(entry, "evidence_file", ""):
            errors["evidence_url"] = [_("Give the address of the festival's page that lists it.")]
    elif not is_festival_address(entry.evidence_url, festival):
        errors["evidence_url"] = [
            _("This address is not on the festival's own site (%(site)s).")
            % {"site": _host(festival.website)}
        ]
    checked = entry.evidence_checked_on
    if checked is None:
        errors["evidence_checked_on"] = [_("Give the date the source was checked.")]
    elif checked > timezone.localdate():
        errors["evidence_checked_on"] = [_("The date the source was checked is in the future.")]
    return errors


def evidence_errors(*, entry: Any, festival: Any, previous: Any = None) -> dict[str, list[str]]:
    """What is wrong with ``entry``'s evidence as a filmmaker or an administrator saves it
    (``previous``: the stored entry, None for a new one); empty when it may be saved."""
    was_confirmed = previous is not None and previous.evidence == EntryEvidence.CONFIRMED
    if was_confirmed:
        changed = [
            name
            for name in (*FACT_FIELDS, *EVIDENCE_FIELDS)
            if getattr(previous, name) != getattr(entry, name)
        ]
        if changed:
            message = _(
                "The festival confirmed this entry: its facts and evidence cannot be changed "
                "here. Remove it, or ask the festival to correct it."
            )
            return {"evidence": [message]}
        return {}
    if entry.evidence == EntryEvidence.CONFIRMED:
        return {"evidence": [_("Only the festival can confirm an entry, through Filmfolio.")]}
    if entry.evidence == EntryEvidence.SOURCED:
        return _sourced_errors(entry, festival)
    return {}


def claimed_cleared(entry: Any) -> None:
    """A claimed entry keeps no source: its address and date are emptied."""
    if entry.evidence == EntryEvidence.CLAIMED:
        entry.evidence_url = ""
        entry.evidence_checked_on = None


def evidence_changes(previous: Any, entry: Any) -> dict[str, dict[str, Any]]:
    """``{field: {"old", "new"}}`` of the evidence fields that differ (for the change record);
    a new entry's only when it is not merely claimed."""
    if previous is None and entry.evidence == EntryEvidence.CLAIMED:
        return {}
    changes = {}
    for name in EVIDENCE_FIELDS:
        old = getattr(previous, name) if previous is not None else None
        new = getattr(entry, name)
        if old != new and (previous is not None or new not in ("", None)):
            changes[name] = {"old": _plain(old), "new": _plain(new)}
    return changes


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
