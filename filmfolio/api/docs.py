"""The interactive API documentation (Swagger UI) from the site's own static files.

The pinned swagger-ui-dist lives in ``static/api/vendor/swagger-ui`` (``make vendor-swagger-ui``
refreshes it); the page carries its settings as JSON data and starts Swagger UI from
``static/api/docs.js``, so it needs no inline script and no other host.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import Swagger

SWAGGER_UI_VERSION = "5.36.0"


class SiteSwagger(Swagger):
    """Swagger UI rendered from ``api/docs.html`` with the site's static files."""

    default_settings = {
        "layout": "BaseLayout",
        "deepLinking": True,
        # the public validator is another host: the page must work offline
        "validatorUrl": None,
    }

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": self.settings, "api": api}
        return render(request, "api/docs.html", context)
