"""schemathesis against the live API: every check, every phase (stateful too), seeded data.

Runs the CLI as CI would run it against a deployed server, so the OpenAPI document, the error
bodies and the server's behaviour cannot drift apart. Zero failures means no server errors and
no schema violations. ``FILMFOLIO_FUZZ_EXAMPLES`` sets the examples per operation (default 15).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Film

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tests" / "schemathesis.toml"


def _owner_key() -> str:
    """A token of a user who owns the demo films, so writes reach the code behind them."""
    user = get_user_model().objects.create_user("fuzzer", password="fuzz-pass-123")
    Collaborator.objects.bulk_create(
        Collaborator(film=film, user=user, role=CollaboratorRole.OWNER)
        for film in Film.objects.all()
    )
    _token, key = api_token_create(user=user, name="schemathesis", scope=TokenScope.WRITE)
    return key


def test_live_api_passes_every_schemathesis_check(live_server, tmp_path):
    call_command("demo", stdout=io.StringIO())
    key = _owner_key()
    st = Path(sys.executable).with_name("st")
    command = [
        str(st),
        "--config-file",
        str(CONFIG),
        "run",
        f"{live_server.url}/api/v1/openapi.json",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        os.environ.get("FILMFOLIO_FUZZ_EXAMPLES", "15"),
        "--seed",
        os.environ.get("FILMFOLIO_FUZZ_SEED", "1"),
        "--workers",
        "1",
        "--header",
        f"Authorization: Bearer {key}",
        "--no-color",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    # In tmp_path: schemathesis keeps its cache in the working directory.
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800, cwd=tmp_path)
    summary = result.stdout[-6000:]
    assert result.returncode == 0, summary
    assert " passed" in summary and "failures" not in summary.lower(), summary
