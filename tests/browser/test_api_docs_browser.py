"""/api/v1/docs in a real browser with every other host unreachable and a Content-Security-
Policy that allows no inline script: Swagger UI comes from the site's static files and shows
every operation of the OpenAPI document."""

from __future__ import annotations

import pytest
from django.test import Client

from .chromium import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Swagger UI's stylesheet draws its icons from data: images.
STRICT_CSP = "default-src 'self'; script-src 'self'; img-src 'self' data:; object-src 'none'"
METHODS = {"get", "post", "put", "patch", "delete"}


def test_api_docs_render_offline_under_a_strict_policy(live_server, chromium) -> None:
    from playwright.sync_api import Route

    spec = Client().get("/api/v1/openapi.json").json()
    operations = sum(1 for item in spec["paths"].values() for method in item if method in METHODS)
    errors: list[str] = []
    elsewhere: list[str] = []

    def offline(route: Route) -> None:
        url = route.request.url
        if not url.startswith(live_server.url):
            elsewhere.append(url)
            route.abort()
        elif url.startswith(live_server.url + "/api/v1/docs"):
            response = route.fetch()
            headers = {**response.headers, "content-security-policy": STRICT_CSP}
            route.fulfill(response=response, headers=headers)
        else:
            route.continue_()

    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", offline)
    response = page.goto(live_server.url + "/api/v1/docs")
    assert response is not None and response.status == 200
    page.locator(".opblock").first.wait_for(timeout=20000)
    assert page.locator(".opblock").count() == operations
    assert page.locator(".info .title").first.inner_text().startswith("Filmfolio API")
    page.locator(".opblock-summary").first.click()
    page.get_by_role("button", name="Try it out").first.wait_for(timeout=5000)
    page.screenshot(path=str(ARTIFACTS / "api-docs.png"), full_page=False)
    page.close()
    assert operations >= 10  # the document is not empty
    assert elsewhere == []
    assert errors == []
