"""The editor's former addresses under ``/films/<slug>/edit/``, moved for good to the studio
(301). The section names did not change."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse


def old_editor(request: HttpRequest, slug: str, rest: str = "") -> HttpResponsePermanentRedirect:
    """``/films/<slug>/edit/<rest>`` -> ``/studio/films/<slug>/<rest>`` (the first section when
    no section is given); the studio decides who may open it."""
    target = reverse("studio:start", kwargs={"slug": slug}) + rest
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
