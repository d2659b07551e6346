"""The heartbeat endpoint of screener viewings (``POST /share/viewings/beat/``).

``sharing/heartbeat.js`` posts a form (``sendBeacon`` on ``pagehide``, ``fetch`` otherwise)
with the page's CSRF token. Answers: 204 recorded; 400 nonsense (negative seconds, a range past
the video's end, malformed fields); 404 when this session holds no screener link that may watch
the video (the same answer whether or not the video exists); 429 past the limits of
``sharing.reports``; 405 for anything but POST. Errors are JSON ``{"detail": ...}`` in the
viewer's language.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

from filmfolio.core.errors import ObjectNotFoundError, ValidationFailedError

from . import reports


@require_POST
def viewing_beat(request: HttpRequest) -> HttpResponse:
    """Record one heartbeat of the session's screener link."""
    try:
        beat = reports.parse_beat(request.POST, request.META.get("HTTP_USER_AGENT", ""))
        reports.viewing_record(request=request, beat=beat)
    except ObjectNotFoundError as error:
        return JsonResponse({"detail": error.message}, status=404)
    except reports.ViewingsExhaustedError as error:
        return JsonResponse({"detail": error.message}, status=429)
    except ValidationFailedError as error:
        return JsonResponse({"detail": error.message}, status=400)
    response = HttpResponse(status=204)
    response["Cache-Control"] = "private, no-store"
    return response
