"""A screener link's own burned copy: the glue between ``sharing`` (the link) and ``media`` (the
copy), which are peers and know nothing of each other.

A link whose owner asked for a burned-in watermark (``ScreenerLink.watermark == "burned"``) gets
one ``media.BurnedCopy`` under the purpose key ``link:<id>``: the recipient's name,
organisation, the link's number and the date drawn into one rung of the film's screener, and
optionally one subtitle track. Until it is ready the link's holder is told it is being prepared;
then they play it, and the clean streams of the film's non-public videos are withheld from them
(``media.hooks.WITHHELD_STREAMS``).

For the sharing app's link controls: ``link_copy_ready(link)`` answers "may this link open"
(True for every link without a burned watermark) and ``link_copy_ensure(link=..., actor=...)``
queues the copy when a link is made or changed to a burned watermark (see docs/copies.md).
"""

from __future__ import annotations

from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from filmfolio.core.errors import ValidationFailedError
from filmfolio.films.hooks import (
    SCREENER_COPY_CHECKS,
    SCREENER_LINK_FOLLOWERS,
    ScreenerCopyCheck,
    ScreenerLinkFollower,
)
from filmfolio.media import hooks
from filmfolio.media.choices import VideoKind, VideoState, VideoVisibility
from filmfolio.media.models import BurnedCopy, SubtitleTrack, Video
from filmfolio.media.services.burned import BurnOptions, burned_copy_request, burned_copy_retry
from filmfolio.sharing.models import ScreenerLink, Watermark


def purpose_key(link: ScreenerLink) -> str:
    """The opaque key media files the link's copy under."""
    return f"link:{link.pk}"


def watermark_lines(link: ScreenerLink) -> tuple[str, ...]:
    """What the copy shows: recipient, organisation, the link's number, the day it was made."""
    day = formats.date_format(timezone.localdate(), "Y-m-d")
    lines = (link.recipient, link.recipient_organisation, f"#{link.pk} · {day}")
    return tuple(line for line in lines if line)


def screener_video_for(film: Any) -> Video | None:
    """The video a link's copy is made of: the film's first ready screener, else its first
    ready video kept for the team and screener links."""
    ready = Video.objects.filter(film=film, state=VideoState.READY).order_by("position", "id")
    return (
        ready.filter(kind=VideoKind.SCREENER).first()
        or ready.filter(visibility=VideoVisibility.SCREENER).first()
    )


def link_copy_for(link: ScreenerLink) -> BurnedCopy | None:
    """The link's copy, in whatever state, or None."""
    return BurnedCopy.objects.filter(purpose_key=purpose_key(link)).first()


def link_copy_ready(link: ScreenerLink) -> bool:
    """May the link open? Always for a link without a burned watermark; else once its copy is
    ready."""
    if link.watermark != Watermark.BURNED:
        return True
    copy = link_copy_for(link)
    return copy is not None and copy.is_ready


def link_copy_ensure(
    *, link: ScreenerLink, actor: Any, subtitle_track: SubtitleTrack | None = None
) -> BurnedCopy | None:
    """Queue the link's copy (again, when what it shows changed); None for a link without a
    burned watermark. Refuses, changing nothing, when the film has no ready screener."""
    if link.watermark != Watermark.BURNED:
        return None
    video = screener_video_for(link.film)
    if video is None:
        raise ValidationFailedError(
            _("The film has no ready screener to make this link's copy from: upload one first.")
        )
    options = BurnOptions(watermark_lines=watermark_lines(link), subtitle_track=subtitle_track)
    return burned_copy_request(
        video=video, purpose_key=purpose_key(link), options=options, actor=actor
    )


def link_copy_retry(*, link: ScreenerLink, actor: Any) -> BurnedCopy:
    """Try the link's failed copy again."""
    copy = link_copy_for(link)
    if copy is None:
        raise ValidationFailedError(_("This link has no copy yet."))
    return burned_copy_retry(copy=copy, actor=actor)


def burned_link_of(viewer: Any, film: Any) -> ScreenerLink | None:
    """The screener link with a burned watermark through which ``viewer`` opens ``film``."""
    if film.pk not in viewer.link_film_ids or not viewer.link_ids:
        return None
    return ScreenerLink.objects.filter(
        pk__in=sorted(viewer.link_ids), film_id=film.pk, watermark=Watermark.BURNED
    ).first()


def _withholds(viewer: Any, film: Any, video: Any) -> bool:
    """A burned link's holder gets no clean stream of a screener, nor of a video kept from the
    film's audience (the trailers everyone may watch stay)."""
    if video.kind != VideoKind.SCREENER and video.visibility == VideoVisibility.FILM:
        return False
    return burned_link_of(viewer, film) is not None


def _follow(link: ScreenerLink, actor: Any) -> None:
    """A link made or changed with a burned watermark gets its copy queued (again only when
    what it shows changed), keeping the subtitle track the owner chose for it."""
    if link.watermark != Watermark.BURNED:
        return
    existing = link_copy_for(link)
    track = existing.subtitle_track if existing is not None else None
    link_copy_ensure(link=link, actor=actor, subtitle_track=track)


def register() -> None:
    hooks.WITHHELD_STREAMS.register(
        hooks.StreamWithholder(key="copies-burned-link", order=10, withholds=_withholds)
    )
    SCREENER_COPY_CHECKS.register(ScreenerCopyCheck(key="copies", ready=link_copy_ready))
    SCREENER_LINK_FOLLOWERS.register(ScreenerLinkFollower(key="copies", follow=_follow))
