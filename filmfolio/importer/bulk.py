"""Bulk import of films from a file on the web: check the file, then import it as a job.

The same readers as ``filmfolio import`` check every row first (``imports.check_bytes``); a file
with any problem writes nothing, and each problem is named with the line of the file it is on.
A file without problems becomes a ``FilmImport`` the user starts; the job
(``tasks.import_films_task``) writes the films through ``services.records_commit``, the one write
path of records, in batches of ``BATCH_SIZE`` films, each batch committed with the import's
progress, so the page shows rows done of the total and a job that stops resumes where it was.

On the web every row makes a new film, private and owned by the importing user: the file's
``slug`` and ``visibility`` are not used (a slug naming an existing film would replace it).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models import DateTimeField, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.films.choices import Visibility

from .choices import FileFormat, FilmImportState
from .formats import format_of
from .imports import ImportCheck, check_bytes
from .models import FilmImport
from .records import FilmRecord
from .services import records_commit

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 1000
BATCH_SIZE = 25
# Checked files waiting for their user's go, per user: a newer one drops the oldest, so that
# uploads never started cannot pile up in the database.
MAX_WAITING = 3
# A running import whose job has not reported for this long (a worker that died) may be resumed.
STALE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class Problem:
    """One problem of a file: the line it is on (0: the whole file), the field, the message."""

    line: int
    field: str
    message: str


@dataclass
class FileCheck:
    """What checking an uploaded file found: its format, its records or its problems."""

    fmt: str = ""
    text: str = ""
    records: list[FilmRecord] = field(default_factory=list)
    total_rows: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.records)


def file_check(*, name: str, data: bytes) -> FileCheck:
    """Check an uploaded file (its name gives the format) without writing anything."""
    fmt = format_of(name)
    if fmt is None:
        return _refused(_("Choose a .jsonl or .csv file."))
    if len(data) > MAX_FILE_BYTES:
        return _refused(_("The file is larger than 5 MB. Split it into smaller files."))
    check = check_bytes(data, fmt)
    text = data.decode("utf-8-sig") if check.total_rows or check.ok else ""
    result = FileCheck(fmt=fmt, text=text, records=check.records, total_rows=check.total_rows)
    result.problems = _problems(check, _row_lines(text, fmt))
    if not result.problems and check.total_rows == 0:
        result.problems = [Problem(0, "", _("The file holds no films."))]
    elif check.total_rows > MAX_ROWS:
        message = _("The file holds %(n)s films; import at most %(max)s at a time.") % {
            "n": check.total_rows,
            "max": MAX_ROWS,
        }
        result.problems.insert(0, Problem(0, "", message))
    return result


def _refused(message: str) -> FileCheck:
    return FileCheck(problems=[Problem(0, "", message)])


def _problems(check: ImportCheck, lines: dict[int, int]) -> list[Problem]:
    return [
        Problem(lines.get(row.number, row.number), path, message)
        for row in check.invalid
        for path, messages in row.problems.items()
        for message in messages
    ]


def _row_lines(text: str, fmt: str) -> dict[int, int]:
    """For CSV, the line of the file on which each data row starts (row 0: the header, line 1);
    a JSONL row's number is its line already."""
    if fmt != FileFormat.CSV or not text:
        return {}
    lines = {0: 1}
    reader = csv.reader(io.StringIO(text, newline=""))
    start, number = 1, -1
    try:
        for cells in reader:
            if cells:
                number += 1
                lines[number] = start
            start = reader.line_num + 1
    except csv.Error:
        lines[number + 1] = start  # the row the readers stop at (see formats._csv_rows)
    return lines


def web_record(record: FilmRecord) -> FilmRecord:
    """The record as the web imports it: a new private film (no slug, no visibility of its own)."""
    return record.model_copy(update={"slug": None, "visibility": Visibility.PRIVATE})


def film_import_create(*, actor: Any, name: str, check: FileCheck) -> FilmImport:
    """Keep a checked file as an import waiting for its user's go (at most ``MAX_WAITING`` per
    user: the oldest waiting one is dropped)."""
    if not check.ok:
        raise ValueError("only a file without problems becomes an import")
    waiting = FilmImport.objects.filter(user=actor, state=FilmImportState.CHECKED)
    kept = waiting.order_by("-created_at", "-id").values_list("id", flat=True)[: MAX_WAITING - 1]
    waiting.exclude(id__in=list(kept)).delete()
    return FilmImport.objects.create(
        user=actor,
        file_name=name[-200:],
        file_format=check.fmt,
        content=check.text,
        total_rows=len(check.records),
    )


def waiting_titles(film_import: FilmImport) -> list[str]:
    """The titles of a checked file, shown before its user starts the import (none once it
    has started: the file's text is then the job's)."""
    if film_import.state != FilmImportState.CHECKED:
        return []
    check = check_bytes(film_import.content.encode(), film_import.file_format)
    return [record.title for record in check.records]


def film_import_start(*, film_import: FilmImport) -> bool:
    """Queue a checked import (once: a second go changes nothing); the job starts on commit."""
    from .tasks import import_films_task

    with transaction.atomic():
        started = FilmImport.objects.filter(
            pk=film_import.pk, state=FilmImportState.CHECKED
        ).update(state=FilmImportState.QUEUED)
        if started:
            transaction.on_commit(lambda: import_films_task.enqueue(film_import.pk))
    return bool(started)


def film_import_run(*, import_id: int) -> str:
    """The job: write the films of a queued import in batches, each with the import's progress.

    Safe to run twice: a run claims the import first, and a resumed run starts after the rows
    already done. A database error stops the import; the films of the batches before stay.
    """
    if not _claim(import_id):
        return "not claimed"
    film_import = FilmImport.objects.select_related("user").get(pk=import_id)
    check = check_bytes(film_import.content.encode(), film_import.file_format)
    if not check.ok:
        return _finish(film_import, FilmImportState.FAILED, "the file no longer checks")
    records = [web_record(record) for record in check.records]
    try:
        for start in range(film_import.rows_done, len(records), BATCH_SIZE):
            _write_batch(film_import, records[start : start + BATCH_SIZE], start)
    except DatabaseError as error:
        return _finish(film_import, FilmImportState.FAILED, str(error))
    except Exception as error:
        # Any other failure is a bug: the page says the import stopped, the worker logs it.
        _finish(film_import, FilmImportState.FAILED, repr(error))
        raise
    return _finish(film_import, FilmImportState.DONE, "")


def _claim(import_id: int) -> bool:
    now = timezone.now()
    claimable = Q(state=FilmImportState.QUEUED) | Q(
        state=FilmImportState.RUNNING, heartbeat_at__lt=now - STALE_AFTER
    )
    claimed = FilmImport.objects.filter(claimable, pk=import_id).update(
        state=FilmImportState.RUNNING,
        started_at=Coalesce("started_at", Value(now, output_field=DateTimeField())),
        heartbeat_at=now,
    )
    return claimed == 1


def _write_batch(film_import: FilmImport, batch: list[FilmRecord], start: int) -> None:
    with transaction.atomic():
        report = records_commit(records=batch, actor=film_import.user, batch_size=BATCH_SIZE)
        film_import.films.add(*report.film_ids)
        film_import.rows_done = start + len(batch)
        FilmImport.objects.filter(pk=film_import.pk).update(
            rows_done=film_import.rows_done, heartbeat_at=timezone.now()
        )


def _finish(film_import: FilmImport, state: str, error: str) -> str:
    FilmImport.objects.filter(pk=film_import.pk).update(
        state=state, error=error, content="", finished_at=timezone.now()
    )
    return state
