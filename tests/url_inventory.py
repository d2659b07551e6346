"""Every URL of the site as a concrete path, built from ``get_resolver()`` so new URLs are
covered by the access tests automatically — the Django admin included."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
# A regex group that is a plain choice of words, like the admin's app index:
# ``(?P<app_label>auth|films|festivals)``; written as ``<choice:a|b|c>`` in a route.
CHOICE_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<words>\w+(?:\|\w+)*)\)")
# A regex that matches anything (the admin's catch-all): one path stands for it.
CATCH_ALL = re.compile(r"\(\?P<(?P<name>\w+)>\.\*\)")


def _route(pattern: object) -> str | None:
    if isinstance(pattern, RoutePattern):
        return str(pattern._route)
    regex = str(getattr(pattern, "_regex", "")).lstrip("^").rstrip("$").replace("\\Z", "")
    regex = CHOICE_GROUP.sub(lambda m: f"<choice:{m['name']}={m['words']}>", regex)
    regex = CATCH_ALL.sub(lambda m: f"<path:{m['name']}>", regex)
    if "(" in regex or "\\" in regex:
        return None  # a regex with other groups: no simple way to fill it
    return regex


def routes(
    patterns: list | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    """(route, name) for every URL pattern, with ``<converter:name>`` left in the route."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        route = _route(entry.pattern)
        if route is None:
            raise AssertionError(f"cannot fill the URL pattern {entry.pattern} under {prefix}")
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, prefix + route, entry.namespace or namespace)
        elif isinstance(entry, URLPattern):
            yield prefix + route, f"{namespace}:{entry.name}" if namespace else str(entry.name)


def _param(match: re.Match[str]) -> tuple[str, str]:
    """(converter, name) of one ``<...>`` of a route; a choice's words are its converter."""
    converter, name = match.group("converter") or "str", match.group("name")
    if converter == "choice":
        name, words = name.split("=", 1)
        converter = "choice:" + words
    return converter, name


def fill(route: str, values: dict[str, str], default_int: str) -> str:
    """The route with every parameter replaced: by ``values[name]``, else by a default."""

    def replace(match: re.Match[str]) -> str:
        converter, name = _param(match)
        if name in values:
            return values[name]
        if converter == "int":
            return default_int
        if converter.startswith("choice:"):
            return converter.split(":", 1)[1].split("|")[0]
        return "matrix-value"

    return "/" + PARAM.sub(replace, route)


# (route, converter, parameter name) -> the values to try
Chooser = Callable[[str, str, str], list[str]]


def expand(route: str, choose: Chooser) -> list[str]:
    """Every path of ``route`` with each parameter taking each value ``choose`` gives for it
    (a choice group takes each of its words unless ``choose`` names some)."""
    params = [_param(m) for m in PARAM.finditer(route)]
    options = []
    for converter, name in params:
        chosen = choose(route, converter, name)
        if not chosen and converter.startswith("choice:"):
            chosen = converter.split(":", 1)[1].split("|")
        options.append(chosen or ["matrix-value"])
    pieces = PARAM.split(route)[:: PARAM.groups + 1]  # the text between parameters
    paths = []
    for combination in itertools.product(*options):
        filled = [piece + value for piece, value in zip(pieces, [*combination, ""], strict=True)]
        paths.append("/" + "".join(filled))
    return paths


def all_paths(choosers: list[Chooser]) -> list[tuple[str, str]]:
    """(path, name) of every URL of the site, its parameters filled by each of ``choosers`` in
    turn (one chooser per object the paths are about, so its values stay together)."""
    found = {
        (path, name)
        for route, name in routes()
        for choose in choosers
        for path in expand(route, choose)
    }
    return sorted(found)


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
    """The text of a response, streamed or not (files, feeds).

    Reading ``streaming_content`` to the end closes the response through the test client's
    wrapper, which keeps the database connection open; closing it again by hand would send
    ``request_finished`` unguarded and close the connection inside the test's transaction
    (PostgreSQL then refuses every later query of the test).
    """
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode(errors="replace")
