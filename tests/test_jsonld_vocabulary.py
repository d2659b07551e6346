"""The JSON-LD the site publishes uses only schema.org terms.

Documents are expanded with pyld, whose document loader serves a local copy of the schema.org
context (no network); every expanded property and type must then be a term of the schema.org
vocabulary (as rdflib ships it). A misspelt or invented property expands to an IRI that is not
a term, so it fails here instead of being silently ignored by search engines.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from pyld import jsonld
from rdflib.namespace import SDO

from filmfolio.web.tests.pagetext import jsonld_of

SCHEMA = "http://schema.org/"
# The schema.org context, reduced to what expansion needs: its vocabulary mapping and aliases
# (the published context also lists each term with its type coercion, which changes no IRI).
SCHEMA_ORG_CONTEXT = {
    "@context": {
        "@vocab": SCHEMA,
        "schema": SCHEMA,
        "id": "@id",
        "type": "@type",
        "url": {"@id": "schema:url", "@type": "@id"},
        "sameAs": {"@id": "schema:sameAs", "@type": "@id"},
        "image": {"@id": "schema:image", "@type": "@id"},
    }
}
CONTEXT_URLS = {
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
    "https://schema.org/docs/jsonldcontext.jsonld",
    "https://schema.org/docs/jsonldcontext.json",
}
TERMS = frozenset(SDO.__annotations__)


def local_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader: the schema.org context from here, nothing from the network."""
    if url not in CONTEXT_URLS:
        raise jsonld.JsonLdError(f"no network in tests: {url}", "loading document failed")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": SCHEMA_ORG_CONTEXT,
    }


def _term(iri: str) -> str | None:
    for prefix in (SCHEMA, "https://schema.org/"):
        if iri.startswith(prefix):
            return iri[len(prefix) :]
    return None


def _walk(node: Any, problems: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, problems)
        return
    if not isinstance(node, dict):
        return
    for type_iri in node.get("@type", []):
        if _term(type_iri) not in TERMS:
            problems.append(f"type {type_iri}")
    for key, value in node.items():
        if not key.startswith("@") and _term(key) not in TERMS:
            problems.append(f"property {key}")
        if key not in ("@value", "@type", "@id", "@language"):
            _walk(value, problems)


def vocabulary_problems(document: dict[str, Any]) -> list[str]:
    """Properties and types of ``document`` that are not schema.org terms."""
    expanded = jsonld.expand(document, {"documentLoader": local_loader})
    assert expanded, "the document expanded to nothing"
    problems: list[str] = []
    _walk(expanded, problems)
    return problems


MOVIE = {
    "@context": "https://schema.org",
    "@type": "Movie",
    "name": "Out of Focus",
    "alternateName": ["虚焦", "Xu Jiao"],
    "url": "http://127.0.0.1:8000/films/out-of-focus/",
    "dateCreated": "2013",
    "duration": "PT88M",
    "countryOfOrigin": {"@type": "Country", "name": "China"},
    "inLanguage": {"@type": "Language", "name": "Chinese Dialect", "alternateName": "zh"},
    "subtitleLanguage": [{"@type": "Language", "name": "English"}],
    "director": [
        {
            "@type": "Person",
            "name": "Shengze Zhu",
            "url": "http://127.0.0.1:8000/people/shengze-zhu/",
        }
    ],
    "productionCompany": {"@type": "Organization", "name": "Burn The Film Production House"},
}


def test_a_schema_org_movie_passes():
    assert vocabulary_problems(MOVIE) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"directer": "Shengze Zhu"}, "property http://schema.org/directer"),
        ({"@type": "Film"}, "type http://schema.org/Film"),
        (
            {"countryOfOrigin": {"@type": "Country", "nom": "中国"}},
            "property http://schema.org/nom",
        ),
    ],
)
def test_terms_outside_schema_org_are_found(change, problem):
    assert vocabulary_problems({**MOVIE, **change}) == [problem]


def test_the_loader_never_reaches_the_network():
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(
            {"@context": "https://example.org/ctx", "name": "x"}, {"documentLoader": local_loader}
        )


SEED_PAGES = [
    "/films/out-of-focus/",
    "/films/when-we-meet-under-the-same-sky/",
    "/films/the-home-gleaners/",
    "/people/shengze-zhu/",
    "/festivals/cinema-du-reel/",
]


@pytest.fixture
def demo(db):
    cache.clear()
    call_command("demo", stdout=io.StringIO())
    yield
    cache.clear()


@pytest.mark.parametrize("path", SEED_PAGES)
def test_seed_pages_publish_only_schema_org_terms(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    document = jsonld_of(response)
    assert vocabulary_problems(document) == []


def test_film_page_jsonld_expands_to_a_movie_with_its_facts(client, demo):
    document = jsonld_of(client.get("/films/out-of-focus/"))
    [movie] = jsonld.expand(document, {"documentLoader": local_loader})
    assert movie["@type"] == [SCHEMA + "Movie"]
    assert movie[SCHEMA + "name"] == [{"@value": "Out of Focus"}]
    directors = movie[SCHEMA + "director"]
    assert [d[SCHEMA + "name"] for d in directors] == [[{"@value": "Shengze Zhu"}]]
