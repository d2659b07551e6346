"""``{% film_head record %}``: the film page's head panels (``films.panels.HEAD_PANELS``),
rendered from the record alone, so the head is cached with the page's shell. The apps that
declare them (``presskit``: Open Graph, Twitter card, JSON-LD, oEmbed discovery) register in
their ``panels.py``; films loads no tag library of theirs."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from filmfolio.films.panels import head_panels
from filmfolio.films.record import FilmRecord

register = template.Library()


@register.simple_tag
def film_head(record: FilmRecord) -> SafeString:
    """The head panels of ``record``'s page, in order."""
    parts = []
    for panel in head_panels():
        extra = panel.context(record)
        if extra is not None:
            context = {"film": record.film, "record": record, **extra}
            parts.append(render_to_string(panel.template, context))
    return mark_safe("".join(parts))  # each part is a template's escaped output
