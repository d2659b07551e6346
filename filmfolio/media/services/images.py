"""Services for posters, stills and albums: upload, caption, reorder, pick the poster, delete.

Every function checks that the actor may edit the film, does all validation before writing, and
writes files before the records that point to them (a crash leaves at worst files without
records, which ``filmfolio media-check`` reports; never records without files).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from filmfolio.core.errors import ValidationFailedError

from .. import images as pictures
from .. import storage
from ..conf import media_setting
from ..models import Album, Image, ImageRendition
from .pages import film_page_touch
from .permissions import require_manage


def album_create(*, film: Any, actor: Any, title: str) -> Album:
    """Create an album at the end of the film's albums."""
    require_manage(actor=actor, film=film)
    title = title.strip()
    if not title:
        raise ValidationFailedError(
            _("An album needs a title."), errors={"title": [_("Required.")]}
        )
    last = film.albums.aggregate(m=Max("position"))["m"]
    return Album.objects.create(film=film, title=title, position=(last or 0) + 1)


def _check_album(film: Any, album: Album | None) -> None:
    if album is not None and album.film_id != film.pk:
        raise ValidationFailedError(_("That album belongs to another film."))


@dataclass(frozen=True, kw_only=True)
class ImageDetails:
    """What the uploader says of a new image: its album (``None``: the film's loose stills),
    caption, photographer, and whether it becomes the film's poster."""

    album: Album | None = None
    caption: str = ""
    photographer: str = ""
    is_poster: bool = False


PLAIN_IMAGE = ImageDetails()


def image_upload(
    *, film: Any, actor: Any, data: bytes, details: ImageDetails = PLAIN_IMAGE
) -> Image:
    """Store an image with its WebP renditions, with the ``details`` the uploader gave; make
    it the poster when they ask.

    Raises ``ValidationFailedError`` (nothing stored) for empty, oversized, damaged or
    non-image files and for images over the pixel limit.
    """
    require_manage(actor=actor, film=film)
    _check_album(film, details.album)
    if len(data) > media_setting("IMAGE_MAX_BYTES"):
        raise ValidationFailedError(_("The image file is too large."))
    max_pixels = int(media_setting("IMAGE_MAX_PIXELS"))
    checked = pictures.check_image(data, max_pixels=max_pixels)
    sizes = pictures.renditions(
        data,
        widths=list(media_setting("IMAGE_WIDTHS")),
        quality=int(media_setting("IMAGE_WEBP_QUALITY")),
        max_pixels=max_pixels,
    )
    image = Image(
        film=film,
        album=details.album,
        caption=details.caption.strip(),
        photographer=details.photographer.strip(),
        is_poster=details.is_poster,
        original_format=checked.format.lower(),
        width=checked.width,
        height=checked.height,
        size_bytes=len(data),
        uploaded_by=actor,
    )
    folder = storage.image_dir(film.pk, image.public_id)
    try:
        image.original_file = storage.put(f"{folder}/original.{checked.extension}", data)
        files = [(r, storage.put(f"{folder}/w{r.width}.webp", r.data)) for r in sizes]
        return _image_record(image, files)
    except BaseException:
        storage.delete_tree(folder)
        raise


def _image_record(image: Image, files: list[tuple[pictures.Rendition, str]]) -> Image:
    """Save the image (last in its album; the only poster when it is one) and its renditions."""
    with transaction.atomic():
        siblings = Image.objects.filter(film_id=image.film_id, album=image.album)
        image.position = (siblings.aggregate(m=Max("position"))["m"] or 0) + 1
        if image.is_poster:
            Image.objects.filter(film_id=image.film_id, is_poster=True).update(is_poster=False)
        image.save()
        ImageRendition.objects.bulk_create(
            ImageRendition(
                image=image, width=r.width, height=r.height, file=name, size_bytes=len(r.data)
            )
            for r, name in files
        )
        film_page_touch(image.film_id)
    return image


def image_update(
    *, image: Image, actor: Any, caption: str, photographer: str, album: Album | None
) -> Image:
    """Change an image's caption, photographer credit and album."""
    require_manage(actor=actor, film=image.film)
    _check_album(image.film, album)
    image.caption = caption.strip()
    image.photographer = photographer.strip()
    image.album = album
    image.save(update_fields=["caption", "photographer", "album", "updated_at"])
    film_page_touch(image.film_id)
    return image


@transaction.atomic
def image_set_poster(*, image: Image, actor: Any) -> Image:
    """Make ``image`` the film's poster (the previous poster stays as a still)."""
    require_manage(actor=actor, film=image.film)
    Image.objects.filter(film_id=image.film_id, is_poster=True).update(is_poster=False)
    Image.objects.filter(pk=image.pk).update(is_poster=True)
    image.is_poster = True
    film_page_touch(image.film_id)
    return image


@transaction.atomic
def images_reorder(*, film: Any, actor: Any, image_ids: list[str]) -> None:
    """Put the film's images in the order of ``image_ids`` (public ids); all or nothing."""
    require_manage(actor=actor, film=film)
    by_id = {str(i.public_id): i for i in Image.objects.filter(film=film)}
    if len(set(image_ids)) != len(image_ids) or not set(image_ids) <= set(by_id):
        raise ValidationFailedError(_("The new order names images that are not in this film."))
    for position, public_id in enumerate(image_ids, start=1):
        by_id[public_id].position = position
    Image.objects.bulk_update([by_id[i] for i in image_ids], ["position"])
    film_page_touch(film.pk)


def image_delete(*, image: Image, actor: Any) -> None:
    """Delete an image, its renditions and files (records first, then files)."""
    require_manage(actor=actor, film=image.film)
    folder = storage.image_dir(image.film_id, image.public_id)
    image.delete()
    film_page_touch(image.film_id)
    storage.delete_tree(folder)
