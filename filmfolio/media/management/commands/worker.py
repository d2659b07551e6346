"""``filmfolio worker``: the configured task backend's worker plus the media sweeper.

Runs ``db_worker`` for the database backend or RQ's worker for the RQ backend in the main thread
(they handle SIGTERM/SIGINT themselves) and, in a daemon thread, re-queues transcodes whose
worker died every ``SWEEP_INTERVAL_SECONDS``.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from filmfolio.media.conf import media_setting
from filmfolio.media.services import uploads_expire, videos_sweep

log = logging.getLogger(__name__)


def sweep_forever(stop: threading.Event, interval: float) -> None:
    """Sweep now and then every ``interval`` seconds until ``stop`` is set."""
    while not stop.is_set():
        try:
            close_old_connections()
            requeued = videos_sweep()
            if requeued:
                log.warning("re-queued stuck transcodes: %s", requeued)
            uploads_expire()
        except Exception:  # a locked or unreachable database: try again next round
            log.exception("media sweep failed")
        finally:
            close_old_connections()
        stop.wait(interval)


class Command(BaseCommand):
    help = "Run the background worker of the configured task backend and the media sweeper."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Exit when the queue is empty.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")
        parser.add_argument("--sweep-interval", type=float, default=None)
        parser.add_argument("--no-sweep", action="store_true", help="Do not run the sweeper.")

    def handle(self, *args, **options) -> None:
        stop = threading.Event()
        if not options["no_sweep"]:
            interval = options["sweep_interval"] or float(media_setting("SWEEP_INTERVAL_SECONDS"))
            threading.Thread(
                target=sweep_forever, args=(stop, interval), name="media-sweeper", daemon=True
            ).start()
        try:
            self._run_backend(options)
        finally:
            stop.set()

    def _run_backend(self, options) -> None:
        backend = settings.TASKS["default"]["BACKEND"]
        if backend.endswith("RQBackend"):
            extra = ["--burst"] if options["batch"] else []
            call_command("rqworker", "default", "--job-class", "django_tasks_rq.Job", *extra)
            return
        if backend.endswith("DatabaseBackend"):
            extra = ["--batch"] if options["batch"] else []
            call_command(
                "db_worker",
                "--interval",
                str(options["interval"]),
                "--no-startup-delay",
                "--no-reload",
                *extra,
            )
            return
        self.stderr.write(f"The task backend {backend} runs tasks without a worker.")
