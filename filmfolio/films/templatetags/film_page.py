"""Template filters of the film page (``{% load film_page %}``): stored vocabulary values and
language labels in the active language (see ``films.page_facts``)."""

from __future__ import annotations

from typing import Any

from django import template

from filmfolio.core import vocab
from filmfolio.films import page_facts

register = template.Library()


@register.filter
def in_language(value: str) -> str:
    """ "Stereo" -> "立体声" in Chinese; a value the catalogue does not know, as stored."""
    return page_facts.in_active_language(value or "")


@register.filter
def film_language(lang: Any) -> str:
    """A film's language (a ``FilmLanguage``) as the page names it."""
    return page_facts.language_label(lang)


@register.filter
def other_language(tag: str) -> str:
    """The name of ``tag``'s language when it is not the page's (a fallback text's label),
    else ""."""
    return vocab.language_name(tag) if page_facts.is_other_language(tag or "") else ""
