"""The poster on a film's card (``films.cards``, filled by media): one query for a batch, the
poster only, never a still or a video's frame."""

from __future__ import annotations

import pytest

from filmfolio.films.cards import card_images_for
from filmfolio.media import services
from filmfolio.media.models import Video

from .factories import CollaboratorFactory, FilmFactory
from .imagedata import png

pytestmark = pytest.mark.django_db


def test_posters_of_a_batch_in_one_query(owner, django_assert_num_queries):
    films = [FilmFactory(public=True) for _ in range(3)]
    for film in films:
        CollaboratorFactory(film=film, user=owner, role="owner")
    first = services.image_upload(
        film=films[0],
        actor=owner,
        data=png(700, 1000),
        details=services.ImageDetails(is_poster=True),
    )
    services.image_upload(film=films[1], actor=owner, data=png(700, 1000))  # a still only
    Video.objects.create(
        film=films[2],
        kind="trailer",
        visibility="team",
        state="ready",
        size_bytes=1,
        sha256="0" * 64,
        poster_file="frame.jpg",
    )
    with django_assert_num_queries(1):
        images = card_images_for(film.pk for film in films)
    base = f"/media/images/{first.public_id}/"
    assert list(images) == [films[0].pk]
    card = images[films[0].pk]
    assert (card.src, card.width, card.height) == (f"{base}w320.webp", 320, 457)
    assert card.srcset == f"{base}w320.webp 320w, {base}w640.webp 640w, {base}w700.webp 700w"


def test_no_films_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert card_images_for([]) == {}
