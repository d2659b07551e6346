"""The OpenAPI document: version 3.1, served, equal to the snapshot, every error declared."""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import CommandError, call_command

from filmfolio.api import openapi

pytestmark = pytest.mark.django_db


def test_served_document_is_openapi_3_1_and_equals_the_snapshot(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    served = response.json()
    assert served["openapi"] == "3.1.0"
    assert openapi.render(served) == openapi.SNAPSHOT_PATH.read_text(), (
        "The API changed: run `make api-snapshot` (filmfolio api_snapshot) and commit the diff."
    )


def test_snapshot_check_command_fails_when_stale(tmp_path, monkeypatch):
    call_command("api_snapshot", "--check")
    stale = tmp_path / "openapi.snapshot.json"
    stale.write_text("{}\n")
    monkeypatch.setattr(openapi, "SNAPSHOT_PATH", stale)
    with pytest.raises(CommandError, match="out of date"):
        call_command("api_snapshot", "--check")
    call_command("api_snapshot")
    assert json.loads(stale.read_text())["openapi"] == "3.1.0"


def _operations():
    schema = openapi.current_schema()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_every_operation_declares_its_errors_with_the_error_body():
    for path, method, operation in _operations():
        declared = set(operation["responses"])
        assert {"400", "401", "404", "422"} <= declared, (path, method)
        if method != "get":
            assert {"403", "409"} <= declared, (path, method)
            assert operation.get("security"), (path, method)
        for status, response in operation["responses"].items():
            if status.startswith("4"):
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/ErrorOut", (path, method, status)


def test_docs_page_is_served(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    # Swagger UI and its starter come from the site's static files; the one script element
    # without a source is JSON data, which browsers never run
    assert [attrs for attrs, _body in scripts] == [
        ' id="swagger-settings" type="application/json"',
        ' src="/static/api/vendor/swagger-ui/swagger-ui-bundle.js"',
        ' src="/static/api/docs.js"',
    ]
    assert json.loads(scripts[0][1]) == {
        "layout": "BaseLayout",
        "deepLinking": True,
        "validatorUrl": None,
        "url": "/api/v1/openapi.json",
    }
    assert "//" not in "".join(re.findall(r'(?:src|href)="([^"]*)"', html))
