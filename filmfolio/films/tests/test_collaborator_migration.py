"""``Collaborator`` moved from the ``sharing`` app to ``films`` in the migration state only
(``sharing/0003``, ``films/0005``): a database migrated across the move keeps its table, rows
and constraints untouched, and the permissions given on the model stay attached to it. Run on
SQLite and, with ``DATABASE_URL``, on PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from filmfolio.films.models import Collaborator

BEFORE = [("films", "0003_language_roles"), ("sharing", "0002_invitation_screenerlink")]
TABLE = "sharing_collaborator"


def _migrate(targets: Sequence[tuple[str, str | None]]) -> Any:
    """Migrate to ``targets`` (an app at None: unmigrated); the models of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    nodes = [(app, name) for app, name in targets if name is not None]
    return executor.loader.project_state(nodes).apps


def _latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _before(latest: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """Films and sharing just before the move; every other app at its latest migration, or
    unmigrated when that migration needs the move (an app made after it)."""
    graph = MigrationExecutor(connection).loader.graph
    moved = {
        ("films", "0005_collaborator_from_sharing"),
        ("sharing", "0003_collaborator_moves_to_films"),
    }
    others: list[tuple[str, str | None]] = []
    for app, name in latest:
        if app in {"films", "sharing"}:
            continue
        needs_move = bool(moved & set(graph.forwards_plan((app, name))))
        others.append((app, None) if needs_move else (app, name))
    return others + BEFORE


def _table() -> tuple[list[tuple[Any, str]], dict[tuple[Any, ...], tuple[Any, Any, Any]]]:
    """The collaborator table's columns (name, type) and constraints, as the database has them."""
    with connection.cursor() as cursor:
        introspection = connection.introspection
        columns = [
            (column.name, introspection.get_field_type(column.type_code, column))
            for column in introspection.get_table_description(cursor, TABLE)
        ]
        constraints = introspection.get_constraints(cursor, TABLE)
    shapes = {
        tuple(sorted(c["columns"])): (c["unique"], c["foreign_key"], c["primary_key"])
        for c in constraints.values()
    }
    return columns, shapes


def _rows_of_the_old_app(old_apps: Any) -> tuple[int, int, int]:
    """A film with an editor, and a user given the permission to change collaborators, made
    with the models as they were before the move; (collaborator, film, user) ids."""
    user_model = old_apps.get_model("auth", "User")
    film = old_apps.get_model("films", "Film").objects.create(
        title="Salt River", slug="salt-river", visibility="private"
    )
    editor = user_model.objects.create(username="editor")
    collaborator = old_apps.get_model("sharing", "Collaborator").objects.create(
        film=film, user=editor, role="editor"
    )
    content_type = old_apps.get_model("contenttypes", "ContentType").objects.get(
        app_label="sharing", model="collaborator"
    )
    permission = old_apps.get_model("auth", "Permission").objects.get(
        content_type=content_type, codename="change_collaborator"
    )
    admin = user_model.objects.create(username="helper")
    admin.user_permissions.add(permission)
    return collaborator.pk, film.pk, admin.pk


@pytest.mark.django_db(transaction=True)
def test_the_move_keeps_table_rows_and_permissions() -> None:
    latest = _latest()
    table_now = _table()
    old_apps = _migrate(_before(latest))
    assert old_apps.get_model("sharing", "Collaborator")._meta.db_table == TABLE
    assert ContentType.objects.filter(app_label="films", model="collaborator").count() == 0
    assert _table() == table_now
    collaborator_id, film_id, admin_id = _rows_of_the_old_app(old_apps)

    _migrate(latest)

    assert _table() == table_now
    moved = Collaborator.objects.get()
    assert (moved.pk, moved.film_id, moved.user.username, moved.role) == (
        collaborator_id,
        film_id,
        "editor",
        "editor",
    )
    assert list(
        ContentType.objects.filter(model="collaborator").values_list("app_label", flat=True)
    ) == ["films"]
    admin = get_user_model().objects.get(pk=admin_id)
    assert admin.has_perm("films.change_collaborator")
    assert not admin.has_perm("sharing.change_collaborator")
    assert Collaborator._meta.app_label == "films"
