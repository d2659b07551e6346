"""Press kit, citation, oEmbed and feed endpoints: parse, ask ``films.access``, respond."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from filmfolio.core.site import site_url
from filmfolio.films.access import ViewerRequest
from filmfolio.films.models import Film

from . import exports, services
from .bibtex import film_bibtex
from .csl import film_csl
from .oembed import oembed_for
from .selectors import film_presskit_for
from .tasks import build_presskit_task


def _visible_film(request: ViewerRequest, slug: str) -> Film:
    film = film_presskit_for().visible_to(request.viewer).filter(slug=slug).first()
    if film is None:
        raise Http404(_("No film has this address."))
    return film


@require_GET
def presskit_pdf(request: ViewerRequest, slug: str) -> HttpResponse | FileResponse:
    """The press kit PDF in the page's language (``?lang=`` overrides); built in the
    background when not yet stored for this version of the film."""
    film = _visible_film(request, slug)
    if not services.presskit_allowed(request.viewer, film):
        raise Http404(_("No press kit for this film."))
    language = services.presskit_language(request.GET.get("lang") or get_language())
    path = services.presskit_stored(film, language)
    if path is None and services.presskit_build_claim(film=film, language=language):
        build_presskit_task.enqueue(film.pk, language, site_url())
        path = services.presskit_stored(film, language)
    if path is None:
        context = {"film": film}
        return render(request, "presskit/preparing.html", context, status=202)
    return FileResponse(
        default_storage.open(path, "rb"),
        content_type="application/pdf",
        filename=f"{film.slug}-presskit-{language}.pdf",
    )


@require_GET
def film_csl_json(request: ViewerRequest, slug: str) -> HttpResponse:
    """CSL-JSON of one film (a one-item array, as reference managers import it)."""
    body = json.dumps([film_csl(_visible_film(request, slug))], ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/vnd.citationstyles.csl+json")
    response["Content-Disposition"] = f'inline; filename="{slug}.csl.json"'
    return response


@require_GET
def film_bib(request: ViewerRequest, slug: str) -> HttpResponse:
    """BibTeX of one film."""
    response = HttpResponse(
        film_bibtex(_visible_film(request, slug)), content_type="application/x-bibtex"
    )
    response["Content-Disposition"] = f'inline; filename="{slug}.bib"'
    return response


@require_GET
def film_record_json(request: ViewerRequest, slug: str) -> HttpResponse:
    """The film's record (the importer's format) as JSON."""
    record = exports.film_record_for(_visible_film(request, slug))
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


@require_GET
def oembed(request: ViewerRequest) -> HttpResponse:
    """oEmbed provider for film pages; JSON only (XML is a 501, as the spec says)."""
    if request.GET.get("format", "json") != "json":
        return JsonResponse({"error": _("Only format=json is supported.")}, status=501)
    url = request.GET.get("url", "")
    hosts = {urlsplit(site_url()).hostname, urlsplit(f"//{request.get_host()}").hostname}
    try:
        data = oembed_for(request.viewer, url, {host for host in hosts if host})
    except ValueError:  # urlsplit refuses it: "http://[::1/", a port that is not a number
        return JsonResponse({"error": _("The url parameter is not a valid address.")}, status=400)
    if data is None:
        return JsonResponse({"error": _("No film page at this address.")}, status=404)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
