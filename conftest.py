"""Fixtures for the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "shared" / "corpus"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say at the end whether the importer was measured on its evaluation corpus."""
    if CORPUS.is_dir():
        terminalreporter.write_line(f"importer corpus: measured on {CORPUS}")
    else:
        terminalreporter.write_line(
            f"importer corpus: not found at {CORPUS}; the tests that measure the importer on it "
            "were skipped (CI runs them)"
        )


def _is_transactional(request: pytest.FixtureRequest) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return "transactional_db" in request.fixturenames


@pytest.fixture(autouse=True)
def _vocabularies_after_flush(request: pytest.FixtureRequest) -> None:
    """Transactional tests flush every table after they run, which also removes the role and
    genre vocabularies the migrations load; put them back before such a test starts."""
    if not _is_transactional(request):
        return
    request.getfixturevalue("transactional_db")
    from filmfolio.films.models import Genre, Role
    from filmfolio.films.vocabulary import sync_vocabularies

    sync_vocabularies(Role, Genre)


@pytest.fixture(autouse=True)
def _new_content_version() -> None:
    """Each test starts with a new content version (``core.versions``): the previous test's
    rolled-back writes changed the database without a write path seeing it, so the pages it
    cached for plain visitors must not be read again."""
    from filmfolio.core.versions import _publish

    _publish()


@pytest.fixture(scope="session", autouse=True)
def _close_stray_database_sessions(django_db_setup, django_db_blocker):
    """Before the test database is dropped, end the sessions that live-server and worker
    threads of browser tests left open: PostgreSQL refuses to drop a database in use."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
