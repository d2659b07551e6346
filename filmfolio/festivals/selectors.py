"""Page-shaped reads of festivals: the festival page and the index, with fixed query plans.

Entries show only films the viewer may see listed (``films.access.listed_films_q``); a
festival, edition or section exists for a viewer only when one of those films reaches it
(``films.access.listed_festivals`` and its siblings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch

from filmfolio.films import access

from .choices import EntryEvidence
from .models import Edition, Entry, Festival, Section

FESTIVALS_PAGE_SIZE = 50


@dataclass
class EditionBlock:
    """An edition with its sections and the listed films selected and awarded there."""

    edition: Edition
    sections: list[Any]
    awarded: list[Entry]
    selected: list[Entry]


@dataclass
class FestivalPage:
    """Everything the festival page shows."""

    festival: Festival
    editions: list[EditionBlock]
    listed: int = 0  # entries listed on the page
    confirmed: int = 0  # of them, those the festival confirmed through Filmfolio


def _edition_prefetch(viewer: access.Viewer) -> Prefetch:
    entries = (
        Entry.objects.listed_for(viewer)
        .select_related("film", "section", "award")
        .order_by("section__name", "film__title", "id")
    )
    sections = Section.objects.listed_for(viewer)
    editions = (
        Edition.objects.listed_for(viewer)
        .prefetch_related(
            Prefetch("sections", queryset=sections),
            Prefetch("entries", queryset=entries, to_attr="listed_entries"),
        )
        .order_by("-year", "-number", "id")
    )
    return Prefetch("editions", queryset=editions)


def festival_page_for(viewer: access.Viewer, slug: str) -> FestivalPage | None:
    """The festival page, or None when there is no such festival or the viewer may see none
    of its films listed."""
    festival = (
        Festival.objects.filter(slug=slug)
        .listed_for(viewer)
        .prefetch_related(_edition_prefetch(viewer))
        .first()
    )
    if festival is None:
        return None
    blocks = []
    for edition in festival.editions.all():
        entries = edition.listed_entries  # type: ignore[attr-defined]
        awarded = [e for e in entries if e.is_award or e.award_id]
        blocks.append(
            EditionBlock(
                edition=edition,
                sections=list(edition.sections.all()),
                awarded=awarded,
                selected=[e for e in entries if e not in awarded],
            )
        )
    listed, confirmed = _confirmed_count(blocks)
    return FestivalPage(festival=festival, editions=blocks, listed=listed, confirmed=confirmed)


def _confirmed_count(blocks: list[EditionBlock]) -> tuple[int, int]:
    """(entries listed, of them those the festival confirmed)."""
    evidence = [e.evidence for block in blocks for e in block.awarded + block.selected]
    return len(evidence), evidence.count(EntryEvidence.CONFIRMED)


def festivals_page_for(viewer: access.Viewer, *, page: str | None) -> Page:
    """A page of the festivals listed for ``viewer``, by name."""
    festivals = (
        Festival.objects.listed_for(viewer)
        .only("slug", "name", "city", "country")
        .order_by("name", "id")
    )
    return Paginator(festivals, FESTIVALS_PAGE_SIZE).get_page(page)
