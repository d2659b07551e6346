"""The person picker of the credits section: people listed for the editor whose names match.

``person_matches`` decides how a typed name finds people: the order- and script-independent
name key of ``filmfolio.core.matching`` ("Shengze Zhu", "Zhu Shengze", "朱声仄" meet), plus a
case-insensitive substring match over ``Person.display_name`` and every ``PersonName.name``
(as typed and in simplified Chinese). Only people the editor may see listed are offered
(``films.access``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from filmfolio.core.matching import name_match_key
from filmfolio.core.text import to_simplified
from filmfolio.films import access
from filmfolio.films.access import ViewerRequest
from filmfolio.people.models import Person

MAX_QUERY_LENGTH = 200


def person_matches(
    viewer: access.Viewer, query: str, *, limit: int = 10
) -> list[dict[str, object]]:
    """People listed for ``viewer`` whose display name or any written name contains
    ``query``."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    if not query:
        return []
    simplified = to_simplified(query)
    ids = (
        access.listed_people(viewer, Person.objects.all())
        .filter(
            Q(match_key=name_match_key(query))
            | Q(display_name__icontains=query)
            | Q(names__name__icontains=query)
            | Q(names__name__icontains=simplified)
        )
        .values_list("id", flat=True)
        .distinct()[:limit]
    )
    people = Person.objects.filter(id__in=list(ids)).order_by("display_name")
    return [{"id": p.pk, "label": p.display_name, "slug": p.slug} for p in people]


@require_GET
def people_lookup(request: ViewerRequest, film: Any) -> JsonResponse:
    """Name matches for the credit picker (any script)."""
    matches = person_matches(request.viewer, request.GET.get("q", ""))
    return JsonResponse({"results": matches})
