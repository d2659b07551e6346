"""URLs of the studio, built from the registered sections; include at ``studio/`` with the
namespace ``studio``: ``path("studio/", include("filmfolio.films.studio.urls"))``."""

from __future__ import annotations

from django.urls import URLPattern, path

from . import pages
from .frame import studio_view
from .registry import SECTIONS


def _section_patterns() -> list[URLPattern]:
    patterns = []
    for section in SECTIONS:
        base = f"films/<slug:slug>/{section.key}/"
        patterns.append(path(base, studio_view(section.view, section.need), name=section.key))
        for sub in section.urls:
            view = studio_view(sub.callback, section.need)
            patterns.append(path(base + str(sub.pattern), view, name=sub.name or ""))
    return patterns


app_name = "studio"
urlpatterns = [
    path("new/", pages.film_new, name="new"),
    path("films/<slug:slug>/", pages.start, name="start"),
    *_section_patterns(),
]
