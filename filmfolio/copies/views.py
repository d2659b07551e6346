"""The files of a link's burned copy, served only to that link's holder and the film's
managers (404 to everyone else, whether or not the copy exists), and the copy's state for the
owner's progress display."""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404, JsonResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_http_methods

from filmfolio.films import access
from filmfolio.films.access import ViewerRequest
from filmfolio.media.models import BurnedCopy
from filmfolio.media.policy import can_manage_media
from filmfolio.media.serving import protected_file_response

_FILE = re.compile(r"^(index\.m3u8|seg_\d{5}\.ts)$")


def _copy_for(viewer: Any, public_id: Any) -> BurnedCopy:
    copy = (
        BurnedCopy.objects.select_related("video__film")
        .filter(public_id=public_id, purpose_key__startswith="link:")
        .first()
    )
    if copy is None or not may_get_copy(viewer, copy):
        raise Http404
    return copy


def may_get_copy(viewer: Any, copy: BurnedCopy) -> bool:
    """The holder of the copy's link (a valid grant in this session) and the film's managers."""
    film = copy.video.film
    if not access.can_view_film(viewer, film):
        return False
    link_id = copy.purpose_key.removeprefix("link:")
    if link_id.isdigit() and int(link_id) in viewer.link_ids and film.pk in viewer.link_film_ids:
        return True
    return can_manage_media(viewer, film=film)


@require_http_methods(["GET", "HEAD"])
def copy_file(request: ViewerRequest, public_id: str, name: str) -> HttpResponseBase:
    """The copy's playlist or one of its segments."""
    if not _FILE.match(name):
        raise Http404
    copy = _copy_for(request.viewer, public_id)
    stored = next((f for f in copy.files if f.rsplit("/", 1)[-1] == name), None)
    if not copy.is_ready or stored is None:
        raise Http404
    return protected_file_response(request, stored)


@require_http_methods(["GET"])
def copy_status(request: ViewerRequest, public_id: str) -> JsonResponse:
    """The copy's state and progress, for the film's managers (polled by the studio page)."""
    copy = _copy_for(request.viewer, public_id)
    if not can_manage_media(request.viewer, film=copy.video.film):
        raise Http404
    response = JsonResponse(
        {
            "state": copy.state,
            "label": str(copy.get_state_display()),
            "progress": copy.progress_percent,
            "failure": copy.failure_reason,
        }
    )
    response["Cache-Control"] = "private, no-store"
    return response
