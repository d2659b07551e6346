"""Labels whose value the lexicon can confirm, in layouts the general label reader leaves alone.

* One label glued to its value in Chinese or Japanese ("製作国日本", "语言普通话"): taken when
  the value is a country, language, genre, year or running time the lexicon knows.
* "Label Value" parted by a space only ("Quốc gia Việt Nam", "Land Schweden"): taken alone,
  not only in a run of three such lines, when the value is such a known fact.
* A production named by its nationality ("Una produzione italiana", "une coproduction
  franco-belge", "a Swedish production", "eine deutsche Produktion"): the word as written is a
  country of the film when it begins like a country name of the CLDR locales (demonyms share
  the name's first four letters: italiana/Italia, française/France, deutsche/Deutschland).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .genre_words import is_genre_word
from .label_match import field_of
from .labels import Labelled, parse_line
from .lexicon import cldr_names, is_country, is_language
from .page import Page
from .quantities import runtime_minutes
from .record import UNSURE, Evidence, ExtractedRecord

_YEAR = re.compile(r"^(?:1[89]|20)\d\d年?$")
_CJK = re.compile(r"^[\u3040-\u30ff\u4e00-\u9fff]{3,16}$")
_CHECKS = {
    "country": is_country,
    "language": is_language,
    "genre": is_genre_word,
    "year": lambda v: bool(_YEAR.match(v)),
    "runtime": lambda v: runtime_minutes(v) is not None and any(c.isdigit() for c in v),
}


def _known(field: str, value: str) -> bool:
    check = _CHECKS.get(field)
    return bool(check and value and check(value))


def _glued_cjk(line: str, offset: int) -> Labelled | None:
    """ "製作国日本": a label of two to four characters glued to a known value."""
    for size in (4, 3, 2):
        label, value = line[:size], line[size:]
        field = field_of(label)
        if field and _known(field, value):
            return Labelled(field, label, value, offset + size, offset + len(line))
    return None


def _spaced(line: str, offset: int) -> Labelled | None:
    """ "Quốc gia Việt Nam": the first one to three words a label, the rest a known value."""
    words = line.split(" ")
    for k in (1, 2, 3):
        if len(words) <= k:
            break
        label, value = " ".join(words[:k]), " ".join(words[k:]).strip()
        field = field_of(label)
        if field and _known(field, value):
            start = offset + len(label) + 1
            return Labelled(field, label, value, start, start + len(value))
    return None


def is_known_label_line(line: str) -> bool:
    """True for a "Label Value" line with a value the lexicon knows ("Land Sverige")."""
    s = line.strip()
    return 3 <= len(s) <= 40 and " " in s and _spaced(s, 0) is not None


def known_value_lines(page: Page) -> list[Labelled]:
    """The labelled values of short lines no other layout read, confirmed by the lexicon."""
    out = []
    for line, offset in page.zone:
        s = line.strip()
        if not (3 <= len(s) <= 40) or parse_line(line, offset):
            continue
        found = _glued_cjk(s, offset) if _CJK.match(s) else None
        if found is None and " " in s and s[0].isalpha() and s[0].isupper():
            found = _spaced(s, offset + line.find(s))
        if found:
            out.append(found)
    return out


_PRODUCTION = re.compile(
    r"\b(?:una |la |une |la |una |a )?(?:co)?(?:produzione|production|producción|produção|"
    r"productie)\s+(?P<a>[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?)\b|"
    r"\b(?:an?|eine|een)\s+(?P<b>[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)?e?)\s+(?:co-?)?(?:production|"
    r"produktion|koproduktion|productie|coproductie)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    return frozenset(name[:4] for name in cldr_names()[0] if len(name) >= 5 and " " not in name)


def _is_demonym(word: str) -> bool:
    parts = word.casefold().split("-")
    return len(word) >= 5 and all(len(p) >= 4 and p[:4] in _country_stems() for p in parts)


# Words that stand where a nationality does but name none ("indipendente" is no "India").
_NOT_NATIONAL = re.compile(r"^(?:in|un)d[ei]p|^unabh|^indé", re.I)


def production_nationalities(text: str) -> list[str]:
    """The nationality words of "una produzione italiana"-style phrases, as written."""
    if "produ" not in text.lower():
        return []
    out = []
    for m in _PRODUCTION.finditer(text):
        word = m.group("a") or m.group("b")
        english = m.group("b") and m.group(0)[:2].lower() in ("a ", "an")
        if english and not word[0].isupper():
            continue
        if not _NOT_NATIONAL.match(word) and _is_demonym(word) and word not in out:
            out.append(word)
    return out


def apply_nationalities(rec: ExtractedRecord, page: Page) -> None:
    """A production's nationality as the film's country, when nothing else named one."""
    if rec.countries:
        return
    for word in production_nationalities(page.zone_text):
        rec.countries.append(word)
        pos = page.text.find(word)
        rec.note(Evidence("countries", word, pos, pos + len(word), UNSURE, "production"))
