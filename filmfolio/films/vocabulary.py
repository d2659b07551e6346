"""Brings the Role and Genre tables up to date with the vocabularies in ``roles.py``."""

from __future__ import annotations

from typing import Any

from .roles import GENRES, ROLES


def sync_vocabularies(role_model: Any, genre_model: Any) -> None:
    """Create or update every role and genre; safe to run any number of times.

    Takes the model classes so a data migration can pass its historical models.
    """
    for position, spec in enumerate(ROLES):
        role_model.objects.update_or_create(
            code=spec.code,
            defaults={
                "name_en": spec.name_en,
                "name_zh": spec.name_zh,
                "category": str(spec.category),
                "aliases": list(spec.aliases),
                "position": position * 10,
            },
        )
    for slug, name_en, name_zh in GENRES:
        genre_model.objects.update_or_create(
            slug=slug, defaults={"name_en": name_en, "name_zh": name_zh}
        )
