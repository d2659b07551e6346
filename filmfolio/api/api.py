"""The django-ninja root at ``/api/v1/``: renderer, error bodies and the routers."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from .docs import SiteSwagger
from .errors import install_error_handlers
from .openapi import add_links
from .renderers import UnicodeJSONRenderer
from .routers import (
    calls,
    edits,
    fallback,
    films,
    people,
    run,
    screener_links,
    screeners,
    search,
    subtitles,
    vocabulary,
)


class FilmfolioAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document also carries links between operations."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        return add_links(super().get_openapi_schema(*args, **kwargs))


api = FilmfolioAPI(
    title="Filmfolio API",
    version="1",
    description=(
        "Films, people and festivals of a Filmfolio catalogue. Reads are open and show what the "
        "caller may see; writes need a personal API token (Bearer) or the site session with "
        "its CSRF token. Lists page by cursor: pass `next_cursor` back as `cursor`."
    ),
    renderer=UnicodeJSONRenderer(),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=SiteSwagger(),
)
install_error_handlers(api)
api.add_router("", films.router)
api.add_router("", people.router)
api.add_router("", search.router)
api.add_router("", vocabulary.router)
api.add_router("", edits.router)
api.add_router("", subtitles.router)
api.add_router("", calls.router)
api.add_router("", run.router)
api.add_router("", screener_links.router)
api.add_router("", screeners.router)
api.add_router("", fallback.router)  # last: unknown addresses get the JSON 404 body
