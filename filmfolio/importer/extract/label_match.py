"""Matching a label as written to the field it names, bilingual and combined labels too."""

from __future__ import annotations

import re

from .label_table import _MAX_LABEL, _NOT_BARE, _TABLE

_NAME_SUFFIX = re.compile(r"\s+names?$")
_PAREN_SUFFIX = re.compile(r"\s*[(（][^()（）]{1,12}[)）]\s*$")
_PART_MARK = re.compile(r"[/,&+、]| - | – ")
_PARTS = re.compile(r"\s*(?:/|,|&|\+|、| - | – )\s*")
_SCRIPT_CHANGE = re.compile(
    r"(?<=[A-Za-zÀ-ɏ.)])\s*(?=[^\sA-Za-zÀ-ɏ\d(/&,.-])|(?<=[^\sA-Za-zÀ-ɏ\d(/&,.-])\s*(?=[A-Za-zÀ-ɏ])"
)


def label_key(label: str) -> str:
    """A label in lookup form: casefolded, spaces collapsed, "Name" and "(s)" dropped."""
    key = " ".join(label.replace("(s)", "").split()).casefold().strip(" :：-–")
    return _NAME_SUFFIX.sub("", key) if key.endswith(("name", "names")) else key


def field_of(label: str, bare: bool = False) -> str | None:
    """The field a label names, trying both halves of a bilingual "A / B" label."""
    key = label_key(label)
    if not key or len(key) > 2 * _MAX_LABEL + 3:
        return None
    for cand in _label_candidates(key):
        if cand in _TABLE and not (bare and cand in _NOT_BARE):
            return _TABLE[cand]
    return None


def _label_candidates(key: str) -> list[str]:
    """The key, its English-plural-free form, and each half of a bilingual key."""
    if _is_plain(key):
        return _plain_candidates(key)
    cands = _halves_first(key)
    bare = _without_paren_suffix(key)
    if bare:
        cands.append(bare)
    mixed = not key.isascii() and len(key) <= 40
    for cand in list(cands):
        cands.extend(_split_candidates(cand, mixed))
    out = []
    for c in cands:
        out.append(c)
        if c.endswith("s") and len(c) > 4:
            out.append(c[:-1])
    return out


# The first three letters of every label: a plain key that starts otherwise is no label.
_TABLE_STARTS = frozenset(k[:3] for k in _TABLE)
_PLAIN_MARKS = re.compile(r"[/,&+(]| - ")


def _plain_candidates(key: str) -> list[str]:
    """A plain key's one form, and the form without a plural "s"; none when no label starts
    like it."""
    if key[:3] not in _TABLE_STARTS:
        return []
    return [key, key[:-1]] if key.endswith("s") and len(key) > 4 else [key]


def _is_plain(key: str) -> bool:
    """An ASCII key without halves, parts or a bracketed suffix: it is its only candidate."""
    return key.isascii() and not key.endswith("_") and not _PLAIN_MARKS.search(key)


def _halves_first(key: str) -> list[str]:
    """The halves of a bilingual "A / B" key, the last (English) first, then the key."""
    if " / " not in key:
        return [key]
    halves = [h.strip() for h in key.split(" / ")]
    return [halves[-1], *halves[:-1], key]


def _without_paren_suffix(key: str) -> str | None:
    """The key without a bracketed or underscored suffix ("Director (s)"), when it differs."""
    if not ("(" in key or "（" in key or key.endswith("_")):
        return None
    bare = _PAREN_SUFFIX.sub("", key).strip(" _:")
    return bare if bare and bare != key else None


def _split_candidates(cand: str, mixed: bool) -> list[str]:
    """The first part of a combined label ("Writer/Director"), and each script's half of a
    label written in two scripts ("Director/Writer 감독/작가") with its first part."""
    out = []
    if _PART_MARK.search(cand):
        parts = [p for p in _PARTS.split(cand) if p]
        if len(parts) > 1:
            out.append(parts[0])
    if mixed:
        out.extend(_script_halves(cand))
    return out


def _script_halves(cand: str) -> list[str]:
    """Each script's half of a label written in two scripts, then each half's first part."""
    halves = [h.strip() for h in _SCRIPT_CHANGE.split(cand) if h.strip()]
    if len(halves) <= 1:
        return []
    return [*halves, *(p for h in halves for p in _PARTS.split(h)[:1] if p)]


def english_half(label: str) -> str:
    """The last half of a bilingual "A / B" label (pages put English second), else the label."""
    if " / " in label:
        return label.split(" / ")[-1].strip()
    return label.strip()
