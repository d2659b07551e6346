"""``run-reminders``: e-mail the reminders of festival deadlines and notification dates due in
the coming days; run it daily (cron, systemd timer). Each reminder goes once."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from filmfolio.circuit import reminders


class Command(BaseCommand):
    help = "E-mail the reminders of festival deadlines and notification dates (each once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=reminders.DEFAULT_DAYS_AHEAD)
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        sent = reminders.reminders_send(today=today, days_ahead=max(0, options["days"]))
        self.stdout.write(f"{sent} reminder(s) sent.")
