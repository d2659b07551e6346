"""A film's subjects: keywords for what it is about, written by people, suggested from texts.

Subjects are short phrases ("migrant workers", "Wuhan", "童年"), at most ``MAX_SUBJECTS`` of
at most ``MAX_SUBJECT_LENGTH`` characters, kept in the order given, each once (compared
folded, so "Wuhan" and "wuhan" are one). Search indexes them with the film's texts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.text import fold
from filmfolio.core.text.han_words import repeated_han_words

from ..models import Film
from .base import _invalid, film_changed, require_edit

MAX_SUBJECTS = 20
MAX_SUBJECT_LENGTH = 60
_SUGGESTED = 8
_MIN_WORD = 5  # shorter Latin words are mostly function words
_COMMON = frozenset(
    {
        "about", "after", "again", "against", "their", "there", "these", "those", "which",
        "while", "where", "would", "could", "should", "being", "other", "every", "through",
        "between", "before", "under", "people", "years", "still", "first", "films", "story",
        "shows", "world", "makes",
    }
)  # fmt: skip


def clean_subjects(subjects: Iterable[str]) -> list[str]:
    """Subjects stripped, blanks dropped, each once; a clear error when too many or too long."""
    cleaned: dict[str, str] = {}
    for subject in subjects:
        text = " ".join(str(subject).split())
        if not text:
            continue
        if len(text) > MAX_SUBJECT_LENGTH:
            raise _invalid("subjects", _("A subject has at most 60 characters."))
        cleaned.setdefault(fold(text) or text, text)
    if len(cleaned) > MAX_SUBJECTS:
        raise _invalid("subjects", _("A film has at most 20 subjects."))
    return list(cleaned.values())


def subjects_set(*, film: Film, actor: Any, subjects: Iterable[str]) -> bool:
    """Make ``subjects`` the film's subjects; True when they changed."""
    require_edit(film=film, actor=actor)
    new = clean_subjects(subjects)
    with transaction.atomic():
        locked = Film.objects.select_for_update().get(pk=film.pk)
        old = list(locked.subjects or [])
        if old == new:
            return False
        locked.subjects = new
        locked.save(update_fields=["subjects", "updated_at"])
        film.subjects = new
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.UPDATE,
                section=AuditSection.GENRES,
                changes={"subjects": {"old": old, "new": new}},
            ),
        )
    return True


def _text_words(bodies: list[str]) -> Counter[str]:
    """How often each longer Latin word (folded) occurs in the film's texts."""
    counts: Counter[str] = Counter()
    for body in bodies:
        counts.update(w for w in fold(body).split() if len(w) >= _MIN_WORD and w.isascii())
    return counts


def suggested_subjects(film: Film) -> list[str]:
    """Words the film's texts use most that are not yet its subjects nor in its titles: the
    longer Latin words (folded) and the Chinese words (``core.text.repeated_han_words``)
    repeated across its texts, most frequent first (Latin words first among equals)."""
    subjects = [fold(subject) for subject in film.subjects or []]
    title = fold(film.title)
    bodies = list(film.texts.values_list("body", flat=True))
    ranked = sorted(
        [*_latin_suggestions(bodies, set(subjects) | set(title.split())),
         *_chinese_suggestions(bodies, subjects, title)],
        key=lambda item: -item[1],
    )  # fmt: skip
    return [word for word, _count in ranked][:_SUGGESTED]


def _latin_suggestions(bodies: list[str], taken: set[str]) -> list[tuple[str, int]]:
    """Repeated longer Latin words that are not taken nor common, with their counts."""
    return [
        (word, count)
        for word, count in _text_words(bodies).most_common()
        if count > 1 and word.isalpha() and word not in taken | _COMMON
    ]


def _chinese_suggestions(
    bodies: list[str], subjects: list[str], title: str
) -> list[tuple[str, int]]:
    """Repeated Chinese words not in the title nor inside a subject (they say nothing new)."""
    return [
        (word, count)
        for word, count in repeated_han_words(bodies)
        if word not in title and not any(word in subject for subject in subjects)
    ]
