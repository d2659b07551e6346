"""Bulk row writes for the commit service: many rows of one model in one `executemany`.

`bulk_create` spends most of a large import building model instances and preparing each field
of each object. A bulk import knows its rows exactly, so it writes tuples straight to the table.
Values are prepared once per column with the database backend's own adapters (dates, datetimes,
decimals, JSON), so the same code runs on SQLite and PostgreSQL. Timestamps (`auto_now`,
`auto_now_add`) are filled with one time per writer. Nothing here knows about films: callers
name the model and the fields.

See docs/decisions/0600-bulk-import-rows.md for why the import bypasses model instances.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone

Converter = Callable[[Any], Any]


def _converter(field: models.Field) -> Converter | None:
    """How one column's Python values become database values (None: as they are)."""
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        digits, places = field.max_digits, field.decimal_places
        return lambda v: ops.adapt_decimalfield_value(v, digits, places)
    if isinstance(field, models.JSONField):
        return lambda v: field.get_db_prep_save(v, connection)
    return None


def _fields(model: type[models.Model], names: Sequence[str]) -> list[models.Field]:
    """The concrete fields of `model` with these names (a foreign key by its field name)."""
    out = []
    for name in names:
        found = model._meta.get_field(name)
        if not isinstance(found, models.Field):
            raise TypeError(f"{model.__name__}.{name} is not a column")
        out.append(found)
    return out


def _stamp_fields(model: type[models.Model], given: list[models.Field]) -> list[models.Field]:
    """The automatic time fields of `model` the rows do not give (set to the write's time)."""
    return [
        f
        for f in model._meta.concrete_fields
        if (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)) and f not in given
    ]


def _insert_sql(
    model: type[models.Model], fields: list[models.Field], ignore_conflicts: bool
) -> str:
    """The INSERT statement of one row of these columns."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    conflict = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
    return f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks}){conflict}"


class RowWriter:
    """INSERT rows of `model` given as tuples in the order of `fields` (foreign keys as ids)."""

    def __init__(
        self, model: type[models.Model], fields: Sequence[str], *, ignore_conflicts: bool = False
    ) -> None:
        self.fields = _fields(model, fields)
        self.stamps = _stamp_fields(model, self.fields)
        self.converters = [_converter(f) for f in self.fields]
        self.converted = [(i, c) for i, c in enumerate(self.converters) if c is not None]
        self.stamp_converters = [_converter(f) for f in self.stamps]
        self.sql = _insert_sql(model, [*self.fields, *self.stamps], ignore_conflicts)

    def insert(self, rows: Iterable[Sequence[Any]], *, now: dt.datetime | None = None) -> int:
        """Write the rows; returns how many were given."""
        moment = now or timezone.now()
        stamp_values = tuple(c(moment) for c in self.stamp_converters if c is not None)
        prepared = [self._prepare(row) + stamp_values for row in rows]
        if prepared:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, prepared)
        return len(prepared)

    def _prepare(self, row: Sequence[Any]) -> tuple[Any, ...]:
        if len(row) != len(self.fields):
            raise ValueError(f"{len(row)} values for {len(self.fields)} columns")
        if not self.converted:
            return tuple(row)
        values = list(row)
        for i, convert in self.converted:
            if values[i] is not None:
                values[i] = convert(values[i])
        return tuple(values)


class RowUpdater:
    """UPDATE rows of `model` by primary key: tuples of `fields` values followed by the pk.

    `touch=False` leaves the `auto_now` columns to the caller (a film's version is set by
    `film_changed`, which drops the cached pages of the version before)."""

    def __init__(
        self, model: type[models.Model], fields: Sequence[str], *, touch: bool = True
    ) -> None:
        meta = model._meta
        self.fields = _fields(model, fields)
        self.stamps = [
            f
            for f in meta.concrete_fields
            if touch and getattr(f, "auto_now", False) and f not in self.fields
        ]
        self.converters = [_converter(f) for f in self.fields]
        quote = connection.ops.quote_name
        assignments = ", ".join(f"{quote(f.column)} = %s" for f in [*self.fields, *self.stamps])
        pk = quote(meta.pk.column)  # type: ignore[union-attr]
        self.sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {pk} = %s"

    def update(self, rows: Iterable[Sequence[Any]]) -> int:
        """Write the rows (each: field values..., pk); returns how many were given."""
        moment = timezone.now()
        stamp_values = tuple(c(moment) for f in self.stamps if (c := _converter(f)) is not None)
        prepared = []
        for row in rows:
            values = tuple(
                c(v) if c is not None and v is not None else v
                for c, v in zip(self.converters, row[:-1], strict=True)
            )
            prepared.append(values + stamp_values + (row[-1],))
        if prepared:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, prepared)
        return len(prepared)
