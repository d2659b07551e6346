"""The media limits have one home for their defaults (``conf.DEFAULTS``): the settings module
passes on only the environment variables that are set, and the documented defaults match."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from filmfolio.media.conf import DEFAULTS

from .processes import ROOT

PRINT = "import json, config.settings.base as s; print(json.dumps(s.FILMFOLIO_MEDIA))"


def _media_settings(**env: str) -> dict:
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


def test_without_environment_the_settings_override_nothing() -> None:
    assert _media_settings() == {}


def test_a_variable_that_is_set_overrides_its_key_with_its_type() -> None:
    assert _media_settings(
        FILMFOLIO_IMAGE_MAX_PIXELS="1000",
        FILMFOLIO_HEARTBEAT_SECONDS="0.5",
        FILMFOLIO_MEDIA_ACCEL_REDIRECT="/protected/",
    ) == {
        "IMAGE_MAX_PIXELS": 1000,
        "HEARTBEAT_SECONDS": 0.5,
        "ACCEL_REDIRECT_PREFIX": "/protected/",
    }


def _documented_default(text: str) -> object:
    if text == "empty":
        return ""
    if text.endswith(" GiB"):
        return int(text.removesuffix(" GiB")) * 1024**3
    return int(text.split()[0])


def test_the_documented_defaults_are_the_defaults() -> None:
    environment = {
        "FILMFOLIO_IMAGE_MAX_PIXELS": "IMAGE_MAX_PIXELS",
        "FILMFOLIO_UPLOAD_MAX_BYTES": "UPLOAD_MAX_BYTES",
        "FILMFOLIO_TRANSCODE_TIME_LIMIT": "TRANSCODE_TIME_LIMIT_SECONDS",
        "FILMFOLIO_TRANSCODE_TIME_PER_SECOND": "TRANSCODE_TIME_PER_SECOND",
        "FILMFOLIO_TRANSCODES_PER_USER": "TRANSCODES_PER_USER",
        "FILMFOLIO_TRANSCODE_STALL_SECONDS": "TRANSCODE_STALL_SECONDS",
        "FILMFOLIO_TRANSCODE_MAX_ATTEMPTS": "TRANSCODE_MAX_ATTEMPTS",
        "FILMFOLIO_HEARTBEAT_SECONDS": "HEARTBEAT_SECONDS",
        "FILMFOLIO_SWEEP_INTERVAL_SECONDS": "SWEEP_INTERVAL_SECONDS",
        "FILMFOLIO_FFMPEG_THREADS": "FFMPEG_THREADS",
        "FILMFOLIO_MEDIA_ACCEL_REDIRECT": "ACCEL_REDIRECT_PREFIX",
        "FILMFOLIO_S3_URL_SECONDS": "PRESIGNED_URL_SECONDS",
    }
    text = (ROOT / "docs" / "configuration.md").read_text()
    documented = {
        name: _documented_default(default)
        for name, default in re.findall(r"^\| `(FILMFOLIO_\w+)` \| ([^|]+?) \|", text, re.M)
        if name in environment
    }
    assert documented == {name: DEFAULTS[key] for name, key in environment.items()}
