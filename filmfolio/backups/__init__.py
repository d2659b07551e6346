"""Backup, restore, and the move from SQLite to PostgreSQL (backup, restore, transfer)."""
