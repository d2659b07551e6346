"""Search: normalised index, registry and backends (SQLite FTS5, PostgreSQL)."""
