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


def _text_words(film: Film) -> Counter[str]:
    """How often each longer Latin word (folded) occurs in the film's texts."""
    counts: Counter[str] = Counter()
    for body in film.texts.values_list("body", flat=True):
        counts.update(w for w in fold(body).split() if len(w) >= _MIN_WORD and w.isascii())
    return counts


def suggested_subjects(film: Film) -> list[str]:
    """Words the film's texts use most that are not yet its subjects nor in its titles: the
    longer Latin words (folded) repeated across its texts, most frequent first."""
    taken = {fold(subject) for subject in film.subjects or []} | set(fold(film.title).split())
    repeated = [word for word, count in _text_words(film).most_common() if count > 1]
    return [w for w in repeated if w.isalpha() and w not in taken | _COMMON][:_SUGGESTED]
