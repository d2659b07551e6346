"""Fixtures for the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "shared" / "corpus"

# Fixtures that open the test database; a test that asks for none of them (and has no
# ``django_db`` marker and is no Django ``TransactionTestCase``) cannot reach the database.
_DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


def _opens_database(name: str, argnames: tuple[str, ...]) -> bool:
    """A fixture opens the database when it is one of pytest-django's, or unblocks it itself
    (the suite's own teardown fixture below, which every test has, does not count)."""
    if name in _DATABASE_FIXTURES:
        return True
    own = name.startswith(("django_db", "_django")) or name == "_close_stray_database_sessions"
    return not own and "django_db_blocker" in argnames


def _uses_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("django_db") is not None:
        return True
    info = getattr(item, "_fixtureinfo", None)
    closure = info.name2fixturedefs.items() if info is not None else ()
    if any(_opens_database(name, d.argnames) for name, defs in closure for d in defs):
        return True
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    return cls is not None and issubclass(cls, TransactionTestCase)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With ``FILMFOLIO_TEST_SCOPE=database`` keep only the tests that reach the database.

    CI runs the whole suite on SQLite, then again on PostgreSQL with this scope: a test that
    never opens a connection gives the same answer on either engine, so running it twice
    proves nothing and costs minutes."""
    if os.environ.get("FILMFOLIO_TEST_SCOPE") != "database":
        return
    kept = [item for item in items if _uses_database(item)]
    deselected = [item for item in items if not _uses_database(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


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
