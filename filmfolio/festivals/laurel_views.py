"""The laurel of a festival entry as SVG or PNG (``festivals.laurels``): for whoever may open
the film (``films.access``), in the page's languages and in black or white."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from filmfolio.films.access import Viewer, ViewerRequest, can_view_film
from filmfolio.films.models import Film

from .laurels import LANGUAGES, TONES, laurel_stored
from .models import Entry

CONTENT_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


def _visible_entry(request: ViewerRequest, slug: str, entry_id: int) -> Entry:
    film = Film.objects.visible_to(request.viewer).filter(slug=slug).first()
    entry = (
        Entry.objects.filter(film=film, pk=entry_id)
        .select_related("film", "edition__festival", "section", "award")
        .first()
        if film is not None
        else None
    )
    if entry is None:
        raise Http404(_("No laurel at this address."))
    return entry


@require_GET
def laurel(request: ViewerRequest, slug: str, entry_id: int, kind: str) -> HttpResponseBase:
    """An entry's laurel; ``lang`` (en, zh-hans) and ``tone`` (black, white) in the query."""
    language = request.GET.get("lang", "en")
    tone = request.GET.get("tone", "black")
    if language not in LANGUAGES or tone not in TONES:
        message = _("Choose lang=en or lang=zh-hans, and tone=black or tone=white.")
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    entry = _visible_entry(request, slug, entry_id)
    path = laurel_stored(entry, language=language, tone=tone, kind=kind)
    response = FileResponse(default_storage.open(path, "rb"), content_type=CONTENT_TYPES[kind])
    # Kept by browsers and proxies only when an anonymous visitor would get it too.
    public = can_view_film(Viewer.anonymous(), entry.film)
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
