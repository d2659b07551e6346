"""Candidate words one edit away (delete, transpose, replace, insert) from a Latin word."""

from __future__ import annotations

from string import ascii_lowercase


def edits1(word: str) -> set[str]:
    """Every ASCII word at Damerau-Levenshtein distance 1 from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (_deletes_and_transposes(splits) | _replaces_and_inserts(splits)) - {word}


def _deletes_and_transposes(splits: list[tuple[str, str]]) -> set[str]:
    deletes = {left + right[1:] for left, right in splits if right}
    transposes = {
        left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1
    }
    return deletes | transposes


def _replaces_and_inserts(splits: list[tuple[str, str]]) -> set[str]:
    replaces = {
        left + char + right[1:] for left, right in splits if right for char in ascii_lowercase
    }
    inserts = {left + char + right for left, right in splits for char in ascii_lowercase}
    return replaces | inserts
