"""Storage and task backends are chosen by environment variables alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .processes import ROOT

PRINT = (
    "import json, config.settings.base as s; print(json.dumps({'storage': s.STORAGES['default'],"
    " 'tasks': s.TASKS['default']['BACKEND'], 'rq': 'django_rq' in s.INSTALLED_APPS}))"
)


def _settings(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FILMFOLIO_")}
    out = subprocess.run(
        [sys.executable, "-c", PRINT],
        env={**clean, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_defaults_are_local_files_and_the_database_queue():
    result = _settings()
    assert result == {
        "storage": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "tasks": "django_tasks_db.DatabaseBackend",
        "rq": False,
    }


def test_s3_and_rq_by_environment():
    result = _settings(
        FILMFOLIO_STORAGE="s3",
        FILMFOLIO_S3_BUCKET="films",
        FILMFOLIO_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        FILMFOLIO_TASKS="rq",
    )
    assert result["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = result["storage"]["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["querystring_expire"]) == (
        "films",
        "http://127.0.0.1:9000",
        300,
    )
    assert (result["tasks"], result["rq"]) == ("django_tasks_rq.RQBackend", True)
