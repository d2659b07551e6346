"""Search pages: results with facets, and the autocomplete endpoint."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from filmfolio.sharing.access import viewer_for

from .choices import SortOrder
from .facet_links import facet_sections
from .query import parse_request
from .selectors import autocomplete_for, search_page_for

SUGGESTIONS = ("纪录片", "Zhu Shengze", "documentary", "短片")


def search(request: HttpRequest) -> HttpResponse:
    """``/search/?q=…``: ranked, highlighted, faceted and paginated results."""
    search_request = parse_request(request.GET)
    page = search_page_for(viewer_for(request), search_request)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page": page,
        "facet_sections": facet_sections(page, request.GET),
        "query": search_request.text,
        "sort_choices": SortOrder.choices,
        "base_query": params.urlencode(),
        "suggestions": SUGGESTIONS,
    }
    return render(request, "search/search.html", context)


def autocomplete(request: HttpRequest) -> JsonResponse:
    """``/search/autocomplete?q=``: titles and names as JSON."""
    results = autocomplete_for(viewer_for(request), request.GET.get("q", ""))
    return JsonResponse({"results": results})
