"""Press kit, citation, oEmbed and feed endpoints: parse, ask ``films.access``, respond."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from csp.decorators import csp_replace
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from filmfolio.core.site import site_url
from filmfolio.films.access import Viewer, ViewerRequest, can_view_film
from filmfolio.films.models import Film
from filmfolio.films.record import FilmRecord
from filmfolio.films.selectors import film_record_for

from . import exports, services
from .bibtex import film_bibtex
from .card import card_path
from .csl import film_csl
from .oembed import oembed_for
from .share import shared_for
from .tasks import build_presskit_task


def _visible_film(request: ViewerRequest, slug: str) -> Film:
    film = Film.objects.visible_to(request.viewer).filter(slug=slug).first()
    if film is None:
        raise Http404(_("No film has this address."))
    return film


def _visible_record(request: ViewerRequest, slug: str) -> FilmRecord:
    return film_record_for(_visible_film(request, slug))


def _presskit_film(request: ViewerRequest, slug: str) -> Film:
    film = _visible_film(request, slug)
    if not services.presskit_allowed(request.viewer, film):
        raise Http404(_("No press kit for this film."))
    return film


def _presskit_ready(request: ViewerRequest, film: Film) -> tuple[str, str | None]:
    """The press kit's language and stored path; queues its build when not yet stored."""
    language = services.presskit_language(request.GET.get("lang") or get_language())
    path = services.presskit_stored(film, language)
    if path is None and services.presskit_build_claim(film=film, language=language):
        build_presskit_task.enqueue(film.pk, language, site_url())
        path = services.presskit_stored(film, language)
    return language, path


@require_GET
def presskit_pdf(request: ViewerRequest, slug: str) -> HttpResponse | FileResponse:
    """The press kit PDF in the page's language (``?lang=`` overrides), as a download; built
    in the background when not yet stored for this version of the film (meanwhile a 202 page
    that reloads itself until the PDF comes)."""
    film = _presskit_film(request, slug)
    language, path = _presskit_ready(request, film)
    if path is None:
        context = {"film": film}
        return render(request, "presskit/preparing.html", context, status=202)
    return FileResponse(
        default_storage.open(path, "rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{film.slug}-presskit-{language}.pdf",
    )


@require_GET
def presskit_status(request: ViewerRequest, slug: str) -> JsonResponse:
    """Is the press kit ready? ``{"ready": bool, "url": the PDF's address}``; queues the
    build like the PDF's address does. The film page's script asks it until ready."""
    film = _presskit_film(request, slug)
    language, path = _presskit_ready(request, film)
    url = reverse("presskit:pdf", kwargs={"slug": film.slug}) + f"?lang={language}"
    response = JsonResponse({"ready": path is not None, "url": url})
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def film_csl_json(request: ViewerRequest, slug: str) -> HttpResponse:
    """CSL-JSON of one film (a one-item array, as reference managers import it)."""
    body = json.dumps([film_csl(_visible_record(request, slug))], ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/vnd.citationstyles.csl+json")
    response["Content-Disposition"] = f'inline; filename="{slug}.csl.json"'
    return response


@require_GET
def film_bib(request: ViewerRequest, slug: str) -> HttpResponse:
    """BibTeX of one film."""
    response = HttpResponse(
        film_bibtex(_visible_record(request, slug)), content_type="application/x-bibtex"
    )
    response["Content-Disposition"] = f'inline; filename="{slug}.bib"'
    return response


@require_GET
def film_record_json(request: ViewerRequest, slug: str) -> HttpResponse:
    """The film's record (the importer's format) as JSON."""
    record = exports.film_record_for(_visible_record(request, slug))
    response = HttpResponse(exports.record_json(record), content_type="application/json")
    response["Content-Disposition"] = f'inline; filename="{slug}.json"'
    return response


@require_GET
def catalogue_export(request: ViewerRequest, fmt: str) -> StreamingHttpResponse:
    """Every film the visitor may see listed, as JSON Lines or CSV, streamed."""
    records = exports.catalogue_records_for(request.viewer)
    if fmt == "csv":
        lines, content_type = exports.csv_lines(records), "text/csv; charset=utf-8"
    else:
        lines, content_type = exports.jsonl_lines(records), "application/jsonl; charset=utf-8"
    response = StreamingHttpResponse(lines, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="filmfolio-catalogue.{fmt}"'
    return response


def _max_size(request: ViewerRequest) -> tuple[int, int]:
    """The consumer's maxwidth and maxheight (0 when not given); ValueError when not a number."""
    sizes = [request.GET.get(name, "") or "0" for name in ("maxwidth", "maxheight")]
    width, height = (int(size) for size in sizes)
    if min(width, height) < 0 or max(width, height) > 10000:
        raise ValueError(sizes)
    return width, height


@require_GET
def oembed(request: ViewerRequest) -> HttpResponse:
    """oEmbed provider for film pages; JSON only (XML is a 501, as the spec says)."""
    if request.GET.get("format", "json") != "json":
        return JsonResponse({"error": _("Only format=json is supported.")}, status=501)
    try:
        max_size = _max_size(request)
    except ValueError:
        message = _("maxwidth and maxheight are whole numbers of pixels.")
        return JsonResponse({"error": message}, status=400)
    url = request.GET.get("url", "")
    hosts = {urlsplit(site_url()).hostname, urlsplit(f"//{request.get_host()}").hostname}
    try:
        data = oembed_for(request.viewer, url, {h for h in hosts if h}, max_size=max_size)
    except ValueError:  # urlsplit refuses it: "http://[::1/", a port that is not a number
        return JsonResponse({"error": _("The url parameter is not a valid address.")}, status=400)
    if data is None:
        return JsonResponse({"error": _("No film page at this address.")}, status=404)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
def film_card(request: ViewerRequest, slug: str) -> FileResponse:
    """The card image of a film (title and laurels; what a link to a film without a poster
    unfolds into), drawn on first request for each version of the film."""
    film = _visible_film(request, slug)
    path = card_path(film_record_for(film))
    response = FileResponse(default_storage.open(path, "rb"), content_type="image/png")
    response["Cache-Control"] = _cache_control(film)
    return response


def _cache_control(film: Film) -> str:
    """Kept by browsers and proxies only when an anonymous visitor would get it too."""
    if can_view_film(Viewer.anonymous(), film):
        return "public, max-age=3600"
    return "private, no-store"


@require_GET
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})  # type: ignore[arg-type]  # typed for HttpRequest
def film_embed(request: ViewerRequest, slug: str) -> HttpResponse:
    """The film's trailer (else teaser or excerpt) as a player other sites may frame: for
    whoever may open the film, and only a video every viewer of the film may watch (404
    otherwise, like the film page)."""
    film = _visible_film(request, slug)
    shared = shared_for(film)
    if shared.video is None:
        raise Http404(_("This film has no video to embed."))
    response = render(request, "presskit/embed.html", {"film": film, "shared": shared})
    response["Cache-Control"] = _cache_control(film)
    return response
