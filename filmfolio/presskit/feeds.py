"""Atom feed of newly published films (public films only, newest first)."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from filmfolio.films.access import Viewer
from filmfolio.films.choices import TextKind
from filmfolio.films.models import Film

from .citation import directors_of
from .content import pick_text

FEED_SIZE = 50


def published_films_for_feed() -> QuerySet:
    """Films an anonymous visitor may see listed, by publication time, newest first."""
    films = Film.objects.filter(published_at__isnull=False).listed_for(Viewer.anonymous())
    return films.order_by("-published_at", "-id").prefetch_related(
        "texts", "credits__person", "credits__role"
    )[:FEED_SIZE]


class TextSummaryAtomFeed(Atom1Feed):
    """Atom whose entry summaries are plain text (``type="text"``): a logline is typed by a
    filmmaker, and markup in it must reach a feed reader as the characters typed, not as HTML."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class NewFilmsFeed(Feed):
    """``/feeds/films.atom``: films as they are published."""

    feed_type = TextSummaryAtomFeed
    title = _("Filmfolio — new films")
    subtitle = _("Films newly published in the catalogue.")
    link = "/films/"

    def items(self) -> QuerySet:
        return published_films_for_feed()

    def item_title(self, item: Any) -> str:
        return str(item)

    def item_description(self, item: Any) -> str:
        texts = [t for t in item.texts.all() if t.kind in (TextKind.LOGLINE, TextKind.SYNOPSIS)]
        text = pick_text(texts, "en")
        return text.body if text else ""

    def item_pubdate(self, item: Any) -> Any:
        return item.published_at

    def item_updateddate(self, item: Any) -> Any:
        return item.updated_at

    def item_author_name(self, item: Any) -> str:
        return ", ".join(p.display_name for p in directors_of(item))
