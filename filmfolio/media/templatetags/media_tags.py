"""Template tags for the film page's media slot."""

from __future__ import annotations

from django import template
from django.urls import reverse

from ..selectors import film_media_for

register = template.Library()


@register.simple_tag
def film_media(viewer, film):
    """``{% film_media viewer film as media %}``: the film's media filtered for the viewer."""
    return film_media_for(viewer, film)


@register.simple_tag
def image_url(image, width=None):
    """The URL of an image rendition (the widest when ``width`` is None)."""
    renditions = list(image.renditions.all())
    if not renditions:
        return ""
    chosen = (
        renditions[-1]
        if width is None
        else min(renditions, key=lambda r: (r.width < int(width), abs(r.width - int(width))))
    )
    return reverse("media:image-file", args=[image.public_id, f"w{chosen.width}.webp"])


@register.simple_tag
def image_srcset(image):
    """A ``srcset`` with every WebP rendition of the image."""
    return ", ".join(
        f"{reverse('media:image-file', args=[image.public_id, f'w{r.width}.webp'])} {r.width}w"
        for r in image.renditions.all()
    )


@register.simple_tag
def video_url(video, path):
    """The protected URL of one file of a video (``hls/master.m3u8``, ``poster.jpg``)."""
    return reverse("media:video-file", args=[video.public_id, path])
