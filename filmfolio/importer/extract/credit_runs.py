"""Credit runs: role labels and names strung on one line without colons.

Catalogues, portfolios and end-credit blocks often print a film's crew as one run of labels and
names, "REGIE/PRODUCER MARIA HILBERT, SVENJA BAUMGÄRTNER BUCH MARIA HILBERT", "Director Ana Ruiz
Producer Jo Lee Camera Tom Berg", "导演 王兵 摄影 刘洋". A line is read as such a run when it
starts with a role label, names at least two roles, and every role is followed by names; a role
word inside a name only starts a new role when a whole name follows it ("Jean Son" stays a name).
"""

from __future__ import annotations

import re

from .credits import is_company, split_names
from .label_match import field_of
from .label_table import _TABLE

# The first words of every role label ("director", "art" of "art director", "regie/producer"
# has "regie"): a set look-up tells the words that may start a label before `field_of` runs.
# Articles and prepositions that open prose labels ("a film by", "with") never open a run.
_NOT_RUN_START = frozenset(
    " ".join(
        [
            "a an the un une ein eine una um uma een en il la le by de di von van",
            "with mit avec con com met cu i y e et und and",
        ]
    ).split()
)
_FIRST_WORDS = frozenset(
    key.split()[0]
    for key, field in _TABLE.items()
    if (field.startswith("credit:") or field == "sound") and key.split()[0] not in _NOT_RUN_START
)

_WORD = re.compile(r"\S+")
_MAX_LABEL_WORDS = 4
_MAX_LINE = 400
# Separators between names inside one role's value.
_SEPARATOR = re.compile(r"^(?:,|&|\+|/|and|und|et|y|e|i|en|og|och|ve|dan|và|и|και)$", re.I)
_PARTS = re.compile(r"\s*(?:/|,|&|\+|、)\s*|\s+(?:and|und|et|y|e|i)\s+")
_FIRST_PART = re.compile(r"[/,&+、:]")
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7a3·]{2,5}$")
_LATIN_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω][\w'’.-]*,?$")


def credit_runs(line: str) -> list[tuple[str, list[str]]]:
    """(role label as written, names) for each role of a credit run; [] for any other line."""
    text = line.strip()
    if len(text) > _MAX_LINE or ":" in text or "：" in text or not _may_start_with_label(text):
        return []
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    first = _label_at(text, words, 0)
    if first is None:
        return []
    return _named_runs(text, words, _runs(text, words, first))


def _runs(text: str, words: list, first: int) -> list[tuple[str, int, int]]:
    """(label, first value word, end of value words) for each role of the line."""
    runs: list[tuple[str, int, int]] = []
    i = first
    label = _span(text, words, 0, first)
    start = i
    while i < len(words):
        nxt = _label_at(text, words, i) if i > start else None
        if nxt is not None and _starts_new_role(text, words, nxt):
            runs.append((label, start, i))
            label, start, i = _span(text, words, i, nxt), nxt, nxt
            continue
        i += 1
    runs.append((label, start, len(words)))
    return runs


def _may_start_with_label(text: str) -> bool:
    """A fast test: the line has four words or more and its first word may start a label."""
    head = text.split(None, 4)
    return len(head) >= 4 and may_start_label(head[0])


def may_start_label(word: str) -> bool:
    """Whether a word (or its first part, "REGIE" of "REGIE/PRODUCER") may start a role label."""
    first = _FIRST_PART.split(word, 1)[0].casefold()
    return bool(first) and (
        first in _FIRST_WORDS or (first.endswith("s") and first[:-1] in _FIRST_WORDS)
    )


def _named_runs(text: str, words: list, runs: list) -> list[tuple[str, list[str]]]:
    """The runs whose values are names; [] unless at least two roles hold people."""
    out = []
    for label, start, end in runs:
        if start >= end or not all(_name_word(w) for w, *_ in words[start:end]):
            return []
        value = text[words[start][1] : words[end - 1][2]]
        names = [n for n in split_names(value) if _looks_like_person(n)]
        if names:
            out.append((label, names))
    return out if len(runs) >= 2 else []


def role_parts(label: str) -> list[str]:
    """The roles of a combined label: "Regie, Buch und Schnitt" gives three."""
    return [p for p in _PARTS.split(label) if p]


def _name_word(word: str) -> bool:
    """A word that may stand in a list of names (no lower-case prose word)."""
    bare = word.strip(",;")
    return bool(
        not bare or _LATIN_WORD.match(bare) or _CJK_NAME.match(bare) or _SEPARATOR.match(bare)
    )


def _label_at(text: str, words: list, i: int) -> int | None:
    """The index after the longest role label starting at word ``i``, or None."""
    if not words[i][0][:1].isupper() and not _CJK_NAME.match(words[i][0]):
        return None
    if not may_start_label(words[i][0]):
        return None
    for n in range(min(_MAX_LABEL_WORDS, len(words) - i), 0, -1):
        if _is_role_label(_span(text, words, i, i + n)):
            return i + n
    return None


def _is_role_label(label: str) -> bool:
    """A role label, or a combined one ("Regie, Buch, Schnitt") whose every part is a role."""
    parts = role_parts(label)
    return bool(parts) and all(_role_field(p) for p in parts)


def _role_field(part: str) -> bool:
    field = field_of(part)
    return bool(field and (field.startswith("credit:") or field == "sound"))


def _starts_new_role(text: str, words: list, after: int) -> bool:
    """Whether a role label ending before word ``after`` starts a new role: it does not end a
    name with a comma, and a whole name that is no label follows it."""
    return (
        not words[after - 1][0].endswith(",")
        and _full_name_follows(words, after)
        and _label_at(text, words, after) is None
    )


def _span(text: str, words: list, i: int, j: int) -> str:
    return text[words[i][1] : words[j - 1][2]]


def _full_name_follows(words: list, i: int) -> bool:
    """Whether the words from ``i`` start with a whole name (two capitalised words, or one CJK
    name), so that a role word before them begins a new role."""
    if i >= len(words):
        return False
    if _CJK_NAME.match(words[i][0]):
        return True
    pair = words[i : i + 2]
    return (
        len(pair) == 2
        and all(_LATIN_WORD.match(w) and not _SEPARATOR.match(w.rstrip(",")) for w, *_ in pair)
        and not pair[0][0].endswith(",")
    )


def _looks_like_person(name: str) -> bool:
    """Two to four capitalised words, or a CJK name; never a company."""
    if is_company(name) or any(c.isdigit() for c in name):
        return False
    if _CJK_NAME.match(name):
        return True
    parts = name.split()
    return 2 <= len(parts) <= 4 and all(_LATIN_WORD.match(p) for p in parts)
