"""Name look-ups for the editor's pickers (people and festivals).

``person_matches`` is the one place that decides how a typed name finds people: the
order- and script-independent name key of ``filmfolio.core.text`` ("Shengze Zhu", "Zhu
Shengze", "朱声仄", "朱聲仄" meet), plus a case-insensitive substring match over
``Person.display_name`` and every ``PersonName.name`` (as typed and in simplified Chinese).
Pickers offer only people and festivals the editor may see listed (``sharing.access``): a
person credited only on someone else's private film is nobody's to find.
"""

from __future__ import annotations

from django.db.models import Q

from filmfolio.core.matching import name_match_key, title_match_key
from filmfolio.core.text import to_simplified
from filmfolio.festivals.models import Festival
from filmfolio.films import access
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


def festival_matches(
    viewer: access.Viewer, query: str, *, limit: int = 10
) -> list[dict[str, object]]:
    """Festivals listed for ``viewer`` whose name contains ``query``."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    if not query:
        return []
    festivals = (
        access.listed_festivals(viewer, Festival.objects.all())
        .filter(Q(name__icontains=query) | Q(match_key=title_match_key(query)))
        .order_by("name")[:limit]
    )
    return [{"id": f.pk, "label": f.name, "slug": f.slug} for f in festivals]
