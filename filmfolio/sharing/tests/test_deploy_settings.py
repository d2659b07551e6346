"""Production settings pass Django's deployment checks; every response carries the security
headers."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("https", "summary"),
    [
        # plain HTTP: HSTS, the HTTPS redirect and secure-only cookies are off, their checks
        # silenced (docs/operations.md says why)
        ({}, "System check identified no issues (4 silenced)."),
        # behind a TLS proxy: only the HSTS preload check, until the operator opts in
        ({"FILMFOLIO_HTTPS": "1"}, "System check identified no issues (1 silenced)."),
        (
            {"FILMFOLIO_HTTPS": "1", "FILMFOLIO_HSTS_PRELOAD": "1"},
            "System check identified no issues (0 silenced).",
        ),
    ],
)
def test_check_deploy_passes_with_prod_settings(tmp_path, https, summary):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "FILMFOLIO_SECRET_KEY": secrets.token_urlsafe(64),
        "FILMFOLIO_VAR_DIR": str(tmp_path),
        **https,
    }
    env.pop("FILMFOLIO_TEST", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == summary


@pytest.mark.django_db
def test_security_headers_on_every_page(client):
    response = client.get("/accounts/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
