"""Search pages: results with facets, and the autocomplete endpoint (the index and its
queries are the search app's, a layer below; the page reads the request's viewer)."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render

from filmfolio.films.access import ViewerRequest
from filmfolio.search.choices import SortOrder
from filmfolio.search.facet_links import facet_sections
from filmfolio.search.query import parse_request
from filmfolio.search.selectors import autocomplete_for, search_page_for

SUGGESTIONS = ("纪录片", "Zhu Shengze", "documentary", "短片")


def search(request: ViewerRequest) -> HttpResponse:
    """``/search/?q=…``: ranked, highlighted, faceted and paginated results."""
    search_request = parse_request(request.GET)
    page = search_page_for(request.viewer, search_request)
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


def autocomplete(request: ViewerRequest) -> JsonResponse:
    """``/search/autocomplete?q=``: titles and names as JSON."""
    results = autocomplete_for(request.viewer, request.GET.get("q", ""))
    return JsonResponse({"results": results})
