"""The image on a film's card in lists (catalogue, home, person and festival pages), given by
the app that keeps films' images.

Films know no images: media, above films, registers a ``CardImages`` in its
``AppConfig.ready`` whose ``images_for(film_ids)`` answers for a whole batch of films in one
query. Callers pass only films the viewer may see listed (``Film.objects.listed_for``), so the
image is what the film's page would show them; a film without one gets the placeholder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from filmfolio.core.contributions import Registry


@dataclass(frozen=True)
class CardImage:
    """A card's picture: the ``src`` for browsers without ``srcset``, every width in
    ``srcset``, and the size of ``src`` (so the card keeps its place while it loads)."""

    src: str
    srcset: str
    width: int
    height: int


@dataclass(frozen=True)
class CardImages:
    """What one app adds: ``images_for(film_ids)`` -> film id -> ``CardImage`` for the films
    that have one (one query for the whole batch)."""

    key: str
    images_for: Callable[[list[int]], dict[int, CardImage]]
    order: int = 0


CARD_IMAGES: Registry[CardImages] = Registry("card_images")


def card_images_for(film_ids: Iterable[int]) -> dict[int, CardImage]:
    """Film id -> card image for the films of ``film_ids`` that have one (the first registered
    part that has one wins); one query per registered part, none for no films."""
    ids = sorted(set(film_ids))
    found: dict[int, CardImage] = {}
    if not ids:
        return found
    for part in CARD_IMAGES:
        for film_id, image in part.images_for(ids).items():
            found.setdefault(film_id, image)
    return found


def attach_card_images(films: Iterable[Any]) -> None:
    """Give every film of ``films`` its ``card_image`` (None for the placeholder), for all of
    them at once. The films must be ones the viewer may see listed."""
    films = list(films)
    images = card_images_for(film.pk for film in films)
    for film in films:
        film.card_image = images.get(film.pk)
