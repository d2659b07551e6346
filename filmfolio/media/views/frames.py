"""The poster from a frame of a video: ask for it on the manager, follow the job's progress."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from filmfolio.films.access import ViewerRequest

from .. import services
from ..models import PosterFrame, Video
from ..policy import can_manage_media
from .pages import managed, run_action


@login_required
@require_POST
def poster_frame_create(request: ViewerRequest, public_id) -> HttpResponse:
    """Queue the job that makes the poster from the video's frame at ``at`` seconds."""
    video = managed(Video, request, public_id)
    try:
        at_seconds = float(request.POST.get("at", ""))
    except ValueError:
        at_seconds = -1.0
    return run_action(
        request,
        video.film.slug,
        lambda: services.poster_frame_request(
            video=video, actor=request.user, at_seconds=at_seconds
        ),
        frame_payload,
    )


def frame_payload(frame: PosterFrame) -> dict:
    """What the manager shows of a poster frame's job."""
    return {
        "id": str(frame.public_id),
        "state": frame.state,
        "state_label": str(frame.get_state_display()),
        "progress": frame.progress_percent,
        "reason": frame.failure_reason,
        "status_url": reverse("media:poster-frame-status", args=[frame.public_id]),
    }


@login_required
@require_GET
def poster_frame_status(request: ViewerRequest, frame_id) -> HttpResponse:
    """The state and progress of a poster frame's job (polled by the manager)."""
    frame = PosterFrame.objects.select_related("film").filter(public_id=frame_id).first()
    if frame is None or not can_manage_media(request.viewer, film=frame.film):
        raise Http404
    return JsonResponse(frame_payload(frame))
