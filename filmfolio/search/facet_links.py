"""Facet links of the results page: each value adds itself to the filters or, when it is
already selected, removes itself; selected values stay listed even without results."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict

from .facets import ORDER, facet_title
from .query import SearchRequest
from .selectors import SearchPage

_FLAGS = {"award", "trailer"}


@dataclass(frozen=True)
class FacetLink:
    """One value of a facet as a link."""

    label: str
    count: int | None
    url: str
    selected: bool


@dataclass(frozen=True)
class FacetSection:
    """One facet with its heading and links."""

    name: str
    title: str
    links: list[FacetLink]


def selected_values(request: SearchRequest) -> dict[str, set[str]]:
    """The facet values the request filters on (case-folded), by query parameter."""
    selected = {
        "kind": set(request.kinds),
        "film_kind": set(request.film_kinds),
        "decade": {str(decade) for decade in request.decades},
        "runtime": set(request.runtimes),
        "award": {"1"} if request.award_winning else set(),
        "trailer": {"1"} if request.has_trailer else set(),
    }
    for facet, values in request.facets.items():
        selected[facet] = set(values)
    return {name: {value.lower() for value in values} for name, values in selected.items()}


def _toggle(params: QueryDict, name: str, value: str, selected: bool) -> str:
    """The query string with ``value`` of ``name`` added, or removed when ``selected``."""
    changed = params.copy()
    changed.pop("page", None)
    values = changed.getlist(name)
    if name in _FLAGS:
        values = [] if selected else ["1"]
    elif selected:
        values = [v for v in values if v.lower() != value.lower()]
    else:
        values = [*values, value]
    changed.setlist(name, values)
    return "?" + changed.urlencode()


def facet_sections(page: SearchPage, params: QueryDict) -> list[FacetSection]:
    """The facet sections of ``page`` in display order, with add/remove links."""
    chosen = selected_values(page.request)
    sections = []
    for name in ORDER:
        counts = page.facets.get(name, [])
        shown = {item.value.lower() for item in counts}
        links = [
            FacetLink(
                item.label,
                item.count,
                _toggle(params, name, item.value, item.value.lower() in chosen.get(name, set())),
                item.value.lower() in chosen.get(name, set()),
            )
            for item in counts
        ]
        links += [
            FacetLink(value, None, _toggle(params, name, value, True), True)
            for value in sorted(chosen.get(name, set()) - shown)
        ]
        if links:
            sections.append(FacetSection(name, facet_title(name), links))
    return sections
