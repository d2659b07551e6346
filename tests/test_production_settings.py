"""The production settings' own parts: the secret key kept in var/, the hosts answered,
access-log lines without tokens, one structured log line per event, static files built."""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from gunicorn.config import Config

from config.access_log import RedactingLogger
from config.settings.hosts import allowed_hosts, bound_hosts
from config.settings.secret_key import secret_key_for
from filmfolio.core.logs import redact_target

from .url_inventory import routes

ROOT = Path(__file__).resolve().parents[1]


def prod_env(var_dir: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.prod"}
    env["FILMFOLIO_VAR_DIR"] = str(var_dir)
    env.pop("FILMFOLIO_TEST", None)
    env.pop("FILMFOLIO_SECRET_KEY", None)
    return {**env, **extra}


def test_secret_key_is_made_once_and_only_the_owner_reads_it(tmp_path, monkeypatch):
    monkeypatch.delenv("FILMFOLIO_SECRET_KEY", raising=False)
    var = tmp_path / "var"
    key = secret_key_for(var)
    path = var / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text() == key + "\n"
    assert len(key) == 67
    assert secret_key_for(var) == key


def test_secret_key_from_the_environment_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("FILMFOLIO_SECRET_KEY", "k" * 60)
    assert secret_key_for(tmp_path) == "k" * 60
    assert list(tmp_path.iterdir()) == []


def test_an_emptied_secret_key_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv("FILMFOLIO_SECRET_KEY", raising=False)
    (tmp_path / "secret_key").write_text("\n")
    with pytest.raises(RuntimeError, match="secret_key is empty: delete it"):
        secret_key_for(tmp_path)


def test_prod_settings_make_the_key_on_first_start(tmp_path):
    command = [
        "manage.py",
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
    ]
    result = subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=prod_env(tmp_path), capture_output=True,
        text=True, timeout=120, check=True,
    )  # fmt: skip
    assert result.stdout.splitlines()[-1] == "False"
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("address", "hosts"),
    [
        ("127.0.0.1:8000", ["127.0.0.1", "localhost", "[::1]"]),
        ("[::1]:8000", ["127.0.0.1", "localhost", "[::1]"]),
        ("192.168.1.20:8000", ["192.168.1.20"]),
        ("films.local:80", ["films.local"]),
        ("unix:/run/filmfolio.sock", []),
    ],
)
def test_bound_hosts(address, hosts):
    assert bound_hosts(address) == hosts


def test_all_interfaces_answer_to_the_machine_names_not_to_any_host():
    hosts = bound_hosts("0.0.0.0:8000")
    assert hosts[:3] == ["127.0.0.1", "localhost", "[::1]"]
    assert "*" not in hosts
    assert os.uname().nodename in hosts


def test_allowed_hosts_add_the_environment_and_the_site_address():
    assert allowed_hosts(
        "127.0.0.1:8000", "https://films.example.org", ["films.example.org", "10.0.0.5"]
    ) == ["films.example.org", "10.0.0.5", "127.0.0.1", "localhost", "[::1]"]


@pytest.mark.parametrize(
    ("target", "logged"),
    [
        ("/share/s/AbC123-secret/", "/share/s/[redacted]/"),
        ("/share/s/AbC123-secret/?next=/films/x/", "/share/s/[redacted]/?[redacted]"),
        ("/share/invitations/tok3n/", "/share/invitations/[redacted]/"),
        ("/accounts/password/reset/MQ/abc-123/", "/accounts/password/reset/[redacted]/[redacted]/"),
        ("/accounts/password/reset/done/", "/accounts/password/reset/done/"),
        ("/films/out-of-focus/", "/films/out-of-focus/"),
        ("/search/?q=private+title", "/search/?[redacted]"),
        ("http://films.example.org/share/s/tok/#x", "http://films.example.org/share/s/[redacted]/"),
        ("-", "-"),
    ],
)
def test_redact_target(target, logged):
    assert redact_target(target) == logged


def test_every_address_with_a_token_is_redacted():
    with_token = [(route, name) for route, name in routes() if re.search(r"<(str:)?token>", route)]
    assert sorted(name for _route, name in with_token) == [
        "accounts:password_reset_confirm",
        "accounts:signup_confirm",
        "circuit:feed",
        "media:signed-file",
        "sharing:invitation",
        "sharing:link",
    ]
    endings = {
        "circuit:feed": "[redacted].ics",
        "media:signed-file": "[redacted]/720p/seg_00001.ts",
    }
    for _route, name in with_token:
        kwargs = {"token": "S3cretT0ken"}
        if name in {"accounts:password_reset_confirm", "accounts:signup_confirm"}:
            kwargs["uidb64"] = "MQ"
        if name == "media:signed-file":
            kwargs |= {"public_id": "0b5d3c9e-8f1a-4c2b-9d7e-1a2b3c4d5e6f"}
            kwargs["rendition"] = "720p/seg_00001.ts"
        logged = redact_target(reverse(name, kwargs=kwargs))
        assert "S3cretT0ken" not in logged
        assert logged.endswith(endings.get(name, "[redacted]/"))


def test_gunicorn_access_log_line_has_no_token():
    config = Config()
    config.set("accesslog", "-")
    logger = RedactingLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/share/s/S3cretT0ken/?x=S3cretT0ken",
        "PATH_INFO": "/share/s/S3cretT0ken/",
        "QUERY_STRING": "x=S3cretT0ken",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_REFERER": "http://films.example.org/share/invitations/S3cretT0ken/",
    }
    response = SimpleNamespace(status="302 Found", sent=0, headers=[("Location", "/films/x/")])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=3))
    line = config.access_log_format % atoms
    assert "S3cretT0ken" not in line
    assert '"GET /share/s/[redacted]/?[redacted] HTTP/1.1" 302' in line
    assert '"http://films.example.org/share/invitations/[redacted]/"' in line
    assert "S3cretT0ken" not in json.dumps(atoms, default=str)


def test_each_log_event_is_one_structured_line(tmp_path):
    code = (
        "import logging; logging.getLogger('django.request').warning('Not Found: %s', "
        "'/share/s/S3cretT0ken/', extra={'status_code': 404}); "
        "logging.getLogger('filmfolio.media').warning('swept')"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=prod_env(tmp_path),
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(e["level"], e["logger"], e["message"], e.get("status")) for e in lines] == [
        ("WARNING", "django.request", "Not Found: /share/s/[redacted]/", 404),
        ("WARNING", "filmfolio.media", "swept", None),
    ]


def test_collectstatic_with_prod_settings_builds_the_manifest(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT,
        env=prod_env(tmp_path, FILMFOLIO_SECRET_KEY=secrets.token_urlsafe(50)),
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["media/vendor/hls.js/hls.min.js"]
    assert (tmp_path / "static" / hashed).is_file()
    assert (tmp_path / "static" / manifest["paths"]["web/site.css"]).is_file()
