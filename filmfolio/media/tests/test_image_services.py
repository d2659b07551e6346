"""Posters, stills and albums through the services and the manage page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.films.access import Viewer
from filmfolio.media import services, storage
from filmfolio.media.models import Album, Image, ImageRendition
from filmfolio.media.selectors import film_media_for

from .factories import UserFactory
from .flows import open_screener_link
from .imagedata import jpeg_with_gps, png

pytestmark = pytest.mark.django_db


def test_upload_stores_original_and_renditions(film, owner):
    image = services.image_upload(
        film=film,
        actor=owner,
        data=jpeg_with_gps(),
        details=services.ImageDetails(caption=" Set ", photographer="Li Wei"),
    )
    folder = f"films/{film.pk}/images/{image.public_id}"
    assert (image.caption, image.photographer, image.width, image.height) == (
        "Set",
        "Li Wei",
        800,
        600,
    )
    assert image.original_file == f"{folder}/original.jpg"
    assert list(image.renditions.values_list("width", "file")) == [
        (320, f"{folder}/w320.webp"),
        (640, f"{folder}/w640.webp"),
        (800, f"{folder}/w800.webp"),
    ]
    assert sorted(storage.walk(folder)) == sorted(
        [
            f"{folder}/original.jpg",
            f"{folder}/w320.webp",
            f"{folder}/w640.webp",
            f"{folder}/w800.webp",
        ]
    )


def test_refused_images_store_nothing(film, owner, settings):
    settings.FILMFOLIO_MEDIA = {"IMAGE_MAX_PIXELS": 1_000_000}
    for data in (b"", b"not an image", png(2000, 1000)):
        with pytest.raises(ValidationFailedError):
            services.image_upload(film=film, actor=owner, data=data)
    assert Image.objects.count() == 0
    assert list(storage.walk("films")) == []


def test_strangers_cannot_upload(film):
    with pytest.raises(PermissionDeniedError):
        services.image_upload(film=film, actor=UserFactory(), data=jpeg_with_gps())
    assert Image.objects.count() == 0


def test_one_poster_per_film(film, owner):
    first = services.image_upload(
        film=film, actor=owner, data=jpeg_with_gps(), details=services.ImageDetails(is_poster=True)
    )
    second = services.image_upload(film=film, actor=owner, data=jpeg_with_gps())
    services.image_set_poster(image=second, actor=owner)
    assert list(Image.objects.filter(is_poster=True).values_list("pk", flat=True)) == [second.pk]
    assert Image.objects.get(pk=first.pk).is_poster is False


def test_reorder_is_all_or_nothing(film, owner):
    a, b, c = (
        services.image_upload(film=film, actor=owner, data=jpeg_with_gps(100, 100))
        for _ in range(3)
    )
    services.images_reorder(
        film=film, actor=owner, image_ids=[str(c.public_id), str(a.public_id), str(b.public_id)]
    )
    assert list(Image.objects.order_by("position").values_list("pk", flat=True)) == [
        c.pk,
        a.pk,
        b.pk,
    ]
    with pytest.raises(ValidationFailedError):
        services.images_reorder(film=film, actor=owner, image_ids=[str(a.public_id), "nope"])
    assert list(Image.objects.order_by("position").values_list("pk", flat=True)) == [
        c.pk,
        a.pk,
        b.pk,
    ]


def test_albums_group_stills_for_the_page(film, owner, django_assert_max_num_queries):
    album = services.album_create(film=film, actor=owner, title="Shooting Album")
    bts = Album.objects.create(film=film, title="Behind the scenes", position=2)
    services.image_upload(
        film=film, actor=owner, data=jpeg_with_gps(), details=services.ImageDetails(is_poster=True)
    )
    s1 = services.image_upload(
        film=film, actor=owner, data=jpeg_with_gps(), details=services.ImageDetails(album=album)
    )
    s2 = services.image_upload(
        film=film, actor=owner, data=jpeg_with_gps(), details=services.ImageDetails(album=bts)
    )
    viewer = Viewer(link_film_ids=frozenset({film.pk}))
    with django_assert_max_num_queries(5):
        media = film_media_for(viewer, film)
        rows = [(b.album and b.album.title, [i.pk for i in b.images]) for b in media.albums]
    assert rows == [("Shooting Album", [s1.pk]), ("Behind the scenes", [s2.pk])]
    assert media.poster is not None
    assert film_media_for(Viewer.anonymous(), film).albums == []


def test_image_originals_keep_metadata_and_are_for_editors_only(client, film, owner):
    image = services.image_upload(film=film, actor=owner, data=jpeg_with_gps())
    url = f"/media/images/{image.public_id}/original"
    open_screener_link(client, film=film, owner=owner)
    assert client.get(url).status_code == 404
    assert client.get(f"/media/images/{image.public_id}/w320.webp").status_code == 200
    client.force_login(owner)
    response = client.get(url)
    assert (response.status_code, response["Content-Type"]) == (200, "image/jpeg")
    assert b"".join(response.streaming_content) == jpeg_with_gps()


def test_manage_page_upload_reports_refusals(client, film, owner):
    client.force_login(owner)
    page = client.get(f"/studio/films/{film.slug}/media/")
    assert page.status_code == 200
    bad = SimpleUploadedFile("a.jpg", b"plain text", content_type="image/jpeg")
    response = client.post(
        f"/media/films/{film.slug}/manage/images/", {"file": bad, "caption": "x"}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        "This file is not an image we can read (JPEG, PNG, WebP)."
    ]
    good = SimpleUploadedFile("b.jpg", jpeg_with_gps(), content_type="image/jpeg")
    client.post(f"/media/films/{film.slug}/manage/images/", {"file": good, "caption": "Night"})
    assert list(Image.objects.values_list("caption", flat=True)) == ["Night"]
    assert ImageRendition.objects.count() == 3


def test_manage_page_is_hidden_from_strangers(client, film):
    client.force_login(UserFactory())
    assert client.get(f"/studio/films/{film.slug}/media/").status_code == 404


def test_manage_page_edits_caption_credit_and_album(client, film, owner):
    album = services.album_create(film=film, actor=owner, title="Behind the scenes")
    image = services.image_upload(film=film, actor=owner, data=jpeg_with_gps(100, 80))
    client.force_login(owner)
    response = client.post(
        f"/media/manage/images/{image.public_id}/edit/",
        {"caption": "Crew at dawn", "photographer": "Ma Lin", "album": album.pk},
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.caption, image.photographer, image.album_id) == (
        "Crew at dawn",
        "Ma Lin",
        album.pk,
    )
    client.force_login(UserFactory())
    stranger = client.post(f"/media/manage/images/{image.public_id}/edit/", {"caption": "x"})
    assert stranger.status_code == 404
    image.refresh_from_db()
    assert image.caption == "Crew at dawn"
