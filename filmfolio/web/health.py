"""``/healthz`` checks for load balancers and monitors: the database answers, the cache keeps a
value, the job queue is not falling behind, and the media disk has room. Each check says only
ok or not and a number; no addresses, paths or error texts leave the site.

Thresholds: ``FILMFOLIO_HEALTH_QUEUE_LAG_SECONDS`` (oldest waiting job, default 300) and
``FILMFOLIO_HEALTH_MIN_FREE_BYTES`` (free space where media files are written, default 1 GiB).
"""

from __future__ import annotations

import logging
import shutil
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

log = logging.getLogger(__name__)
Check = dict[str, Any]


def database_check() -> Check:
    """One round trip to the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return {"ok": cursor.fetchone() == (1,)}


def cache_check() -> Check:
    """A value written to the shared cache reads back."""
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    found = cache.get(key)
    cache.delete(key)
    return {"ok": found == value}


def queue_check() -> Check:
    """Seconds the oldest job ready to run has waited (database queue; other backends report
    on their own servers)."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return {"ok": True, "lag_seconds": None}
    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
    lag = 0.0
    if oldest is not None:
        since = oldest.enqueued_at
        if oldest.run_after != get_date_max():
            since = max(since, oldest.run_after)
        lag = max(0.0, (timezone.now() - since).total_seconds())
    return {"ok": lag <= settings.HEALTH_QUEUE_LAG_SECONDS, "lag_seconds": round(lag, 1)}


def media_disk_check() -> Check:
    """Free bytes on the disk that holds local media files (object storage: not measured)."""
    if settings.STORAGES["default"]["BACKEND"] != "django.core.files.storage.FileSystemStorage":
        return {"ok": True, "free_bytes": None}
    media_root = Path(settings.MEDIA_ROOT)
    free = shutil.disk_usage(media_root if media_root.exists() else "/").free
    return {"ok": free >= settings.HEALTH_MIN_FREE_BYTES, "free_bytes": free}


CHECKS = {
    "database": database_check,
    "cache": cache_check,
    "queue": queue_check,
    "media_disk": media_disk_check,
}


def health_report() -> tuple[bool, dict[str, Check]]:
    """(all healthy, each check's result); a check that raises counts as failing."""
    results: dict[str, Check] = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception:  # the answer is "unhealthy", never a 500; the log has the details
            log.exception("health check %s failed", name)
            results[name] = {"ok": False}
    return all(result["ok"] for result in results.values()), results
