"""Every URL of the site as a concrete path, built from ``get_resolver()`` so new URLs are
covered by the access tests automatically."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")

# Staff-only screens whose permissions are Django's own (tested by Django): left out.
SKIPPED_NAMESPACES = frozenset({"admin"})


def _route(pattern: object) -> str | None:
    if isinstance(pattern, RoutePattern):
        return str(pattern._route)
    regex = str(getattr(pattern, "_regex", ""))
    if "(" in regex:
        return None  # a regex with groups: no simple way to fill it
    return regex.lstrip("^").rstrip("$").replace("\\Z", "")


def routes(
    patterns: list | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    """(route, name) for every URL pattern, with ``<converter:name>`` left in the route."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        route = _route(entry.pattern)
        if route is None:
            continue
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns in SKIPPED_NAMESPACES:
                continue
            yield from routes(entry.url_patterns, prefix + route, ns)
        elif isinstance(entry, URLPattern):
            yield prefix + route, f"{namespace}:{entry.name}" if namespace else str(entry.name)


def fill(route: str, values: dict[str, str], default_int: str) -> str:
    """The route with every parameter replaced: by ``values[name]``, else by a default."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name in values:
            return values[name]
        if match.group("converter") == "int":
            return default_int
        return "matrix-value"

    return "/" + PARAM.sub(replace, route)


def site_paths(
    values: dict[str, str],
    default_int: str,
    alternatives: dict[str, tuple[str, ...]] | None = None,
) -> list[tuple[str, str]]:
    """(path, name) of every URL of the site, parameters filled in; a parameter named in
    ``alternatives`` gives one path per alternative value."""
    found = set()
    for route, name in routes():
        found.add((fill(route, values, default_int), name))
        for param, options in (alternatives or {}).items():
            if f":{param}>" in route or f"<{param}>" in route:
                for option in options:
                    found.add((fill(route, {**values, param: option}, default_int), name))
    return sorted(found)


def body_of(response: Any) -> str:
    """The text of a response, streamed or not (files, feeds); closes streamed responses."""
    if getattr(response, "streaming", False):
        try:
            content = b"".join(response.streaming_content)
        finally:
            response.close()
    else:
        content = response.content
    return content.decode(errors="replace")
