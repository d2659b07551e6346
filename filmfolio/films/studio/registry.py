"""The studio's sections: what each app contributes to a film's studio and in which order.

An app registers its sections in its own ``studio.py`` (autodiscovered by ``FilmsConfig.ready``);
the studio's URLs, navigation and frame are built from ``SECTIONS``, so the studio never
imports the apps that contribute to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern

from filmfolio.core.contributions import Registry
from filmfolio.films.access import Access


@dataclass(frozen=True)
class Section:
    """One section of a film's studio.

    ``view(request, film)`` renders the section at ``/studio/films/<slug>/<key>/`` (URL name
    ``studio:<key>``); ``urls`` are its further addresses, relative to that one, whose views
    take the film first too. ``need`` is the access a viewer needs (others get the same 404
    as for an unknown film); ``count(film)`` is shown beside the label in the navigation.
    """

    key: str
    order: int
    label: Any
    view: Callable[..., Any]
    urls: tuple[URLPattern, ...] = field(default=())
    need: Access = Access.EDIT
    count: Callable[[Any], int] | None = None


SECTIONS: Registry[Section] = Registry("studio")
