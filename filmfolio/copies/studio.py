"""The "Burned copies" section of a film's studio, for its owners: each screener link with a
burned-in watermark, its copy's state and progress (polled), the subtitle track to burn in,
"Prepare the copy" and, after a failure, the reason and "Try again"."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from filmfolio.core.errors import DomainError
from filmfolio.films.access import Access
from filmfolio.films.studio import SECTIONS, Section
from filmfolio.films.studio.frame import render_section
from filmfolio.media.models import BurnedCopy
from filmfolio.sharing.models import ScreenerLink, Watermark

from . import links as copies


def _burned_links(film: Any) -> list[ScreenerLink]:
    return list(film.screener_links.filter(watermark=Watermark.BURNED, revoked_at__isnull=True))


def copies_page(request: HttpRequest, film: Any) -> HttpResponse:
    """Owners only: the burned copies of the film's screener links."""
    rows = _burned_links(film)
    keys = {copies.purpose_key(link): link for link in rows}
    found = {c.purpose_key: c for c in BurnedCopy.objects.filter(purpose_key__in=list(keys))}
    video = copies.screener_video_for(film)
    context = {
        "rows": [(link, found.get(copies.purpose_key(link))) for link in rows],
        "video": video,
        "tracks": list(video.subtitle_tracks.all()) if video else [],
    }
    return render_section(request, film, "copies", "copies/studio.html", context)


def _link(film: Any, link_id: int) -> ScreenerLink:
    link = film.screener_links.filter(pk=link_id, watermark=Watermark.BURNED).first()
    if link is None:
        raise Http404
    return link


@require_POST
def copy_prepare(request: HttpRequest, film: Any, link_id: int) -> HttpResponse:
    """Make (or make again) the link's copy, with the chosen subtitle track burned in."""
    link = _link(film, link_id)
    video = copies.screener_video_for(film)
    wanted = str(request.POST.get("subtitle_track", ""))[:36]
    track = None
    if wanted and video is not None:
        track = video.subtitle_tracks.filter(public_id=wanted).first() if _uuid(wanted) else None
        if track is None:
            messages.error(request, _("Choose one of the screener's subtitle tracks."))
            return redirect("studio:copies", slug=film.slug)
    try:
        copies.link_copy_ensure(link=link, actor=request.user, subtitle_track=track)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The copy is being prepared."))
    return redirect("studio:copies", slug=film.slug)


def _uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


@require_POST
def copy_retry(request: HttpRequest, film: Any, link_id: int) -> HttpResponse:
    """Try a failed copy again."""
    link = _link(film, link_id)
    try:
        copies.link_copy_retry(link=link, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The copy is being prepared."))
    return redirect("studio:copies", slug=film.slug)


def _count(film: Any) -> int:
    return len(_burned_links(film))


SECTIONS.register(
    Section(
        key="copies",
        order=205,
        label=gettext_lazy("Burned copies"),
        view=copies_page,
        need=Access.OWN,
        count=_count,
        urls=(
            path("<int:link_id>/prepare/", copy_prepare, name="copy_prepare"),
            path("<int:link_id>/retry/", copy_retry, name="copy_retry"),
        ),
    )
)
