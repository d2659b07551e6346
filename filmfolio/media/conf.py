"""Media settings with their defaults; override any key in ``settings.FILMFOLIO_MEDIA``.

Read through ``media_setting(name)`` at call time so tests can change settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Images
    "IMAGE_MAX_PIXELS": 50_000_000,
    "IMAGE_MAX_BYTES": 50 * 1024 * 1024,
    "IMAGE_WIDTHS": [320, 640, 1280, 1920],
    "IMAGE_WEBP_QUALITY": 82,
    # Uploads
    "UPLOAD_MAX_BYTES": 50 * 1024**3,
    "UPLOAD_CHUNK_BYTES": 8 * 1024 * 1024,
    "UPLOAD_EXPIRY_SECONDS": 7 * 24 * 3600,
    # Jobs
    "TRANSCODE_TIME_LIMIT_SECONDS": 6 * 3600,
    "TRANSCODE_MAX_ATTEMPTS": 3,
    "TRANSCODE_STALL_SECONDS": 120,
    "HEARTBEAT_SECONDS": 5.0,
    "SWEEP_INTERVAL_SECONDS": 30.0,
    "FFMPEG_THREADS": 0,
    "FFMPEG_PRESET": "veryfast",
    "FFMPEG_MEMORY_BYTES": 4 * 1024**3,
    "PROBE_TIMEOUT_SECONDS": 60,
    # A run over a source of D seconds may take BASE + PER_SECOND * D (never above the limit).
    "TRANSCODE_TIME_BASE_SECONDS": 120.0,
    "TRANSCODE_TIME_PER_SECOND": 10.0,
    # What a file must hold for the running time and frames it claims (ffmpeg.implausible_reason).
    "MIN_BYTES_PER_SECOND": 256,
    "MIN_BYTES_PER_FRAME": 4,
    "MAX_DURATION_SECONDS": 24 * 3600,
    "MAX_FRAME_RATE": 240,
    # Fair queue: transcodes of one uploader running at once; the others wait their turn.
    "TRANSCODES_PER_USER": 1,
    "HLS_SEGMENT_SECONDS": 4,
    # Subtitles: the largest file, and what a readable cue may hold (warnings only).
    "SUBTITLE_MAX_BYTES": 2 * 1024 * 1024,
    "SUBTITLE_LINE_CHARS": 42,
    "SUBTITLE_LINES": 2,
    "SUBTITLE_CPS_LATIN": 17,
    "SUBTITLE_CPS_CJK": 9,
    # Burned copies: the one rung they are made at (the highest active rung not above it) and
    # the font (it must cover CJK: Debian's fonts-noto-cjk).
    "BURN_HEIGHT": 720,
    "BURN_FONT_FILE": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    # Serving
    "ACCEL_REDIRECT_PREFIX": "",
    "PRESIGNED_URL_SECONDS": 300,
    # Signed HLS addresses (media.signing): how long a token lasts; the player renews it.
    "SIGNED_URL_SECONDS": 60,
}


def media_setting(name: str) -> Any:
    """The value of one media setting: ``settings.FILMFOLIO_MEDIA[name]`` or the default."""
    overrides = getattr(settings, "FILMFOLIO_MEDIA", {})
    return overrides.get(name, DEFAULTS[name])


def work_dir(kind: str) -> Path:
    """A local directory under the var dir for staging uploads or scratch work (``kind``)."""
    base = Path(getattr(settings, "FILMFOLIO_MEDIA_WORK_DIR", "") or settings.VAR_DIR / "work")
    path = base / kind
    path.mkdir(parents=True, exist_ok=True)
    return path
