"""Recognising the festival and award events a sentence names, with their ordinals and years."""

from __future__ import annotations

import re
from functools import lru_cache

from .festival_heads import head_events
from .quantities import ORDINAL_RE, ordinal_value, two_digit_year

_ENDS_WITH_YEAR = re.compile(r"\d{4}$")
_YR = r"(?:\d{4}|\d{2}'|'\d{2})"
_STOP = (
    r"(?=\s+(?:in|at|with|and|for|where|on|from|during|в|и|et|und|en|à)\s"
    r"|\s*[.,;:!?()\[\]“”\"|#]|\s*$)"
)
# Starts only at a word start: scanning every position of every word is most of the
# extractor's time, and a match inside a number ("1996." read as an ordinal) is never right.
_PREFIXED = re.compile(
    rf"(?<![\w'])(?:"
    rf"(?:(?P<yr>{_YR})\s+)?(?:(?:the|The)\s+)?(?P<ord>{ORDINAL_RE})\s+"
    rf"(?P<name>[^\n.,;:!?()\[\]]+?){_STOP}"
    rf"|(?P<yr2>{_YR})\s+(?P<name2>[^\n.,;:!?()\[\]]+?){_STOP})",
    re.I,
)
_EVENT_WORD = re.compile(
    r"festival|filmfest|\bfest\b|biennale|berlinale|\bawards\b|\baward\b|exhibition|showcase|"
    r"mostra|rencontres|festspiele|film week|фестивал|кинофестивал|награди|премия|festiwal|"
    r"festivali|festivalen|festivalu|\boscars?\b|academy awards|\bbafta\b|\bpremios\b|"
    r"\bprémios\b|\bprêmio\b|\bpremi\b|\bprix\b|\bpreis\b|\bcésars?\b|\bgoyas?\b|"
    r"\bemmys?\b|golden globes?|sundance|\bidfa\b|\bhot docs\b|muestra|encuentros?|"
    r"semaine|quinzaine|rassegna|liên hoan|giải thưởng|مهرجان|جشنواره|جوایز|φεστιβάλ|"
    r"filmtage|filmwoche|filmpreis",
)  # lower case, searched in lowered text: much faster than re.I
_EVENT_HEAD = (
    r"(?:(?:Film Festival|Festival|Filmfestival|Filmfest|Fest|Biennale|Awards|Film Week|"
    r"Filmfestspiele|Festival Internacional|Festival International|Festival Internazionale|"
    r"Festival Internacional de Cine|Festival Internacional de Cinema|Mostra|Muestra|Premios|"
    r"Prémios|Prêmio|Premi|Rencontres|Semaine|Festiwal|Liên hoan phim|Kurzfilmtage|Filmtage|"
    r"Filmwoche|Filmpreis|Kurzfilmpreis|Dokumentarfilmpreis)(?![\w'])"
    # Turkish names take their case ending after an apostrophe: "Film Festivali'nde".
    r"|(?:Festivali|Festivalı|Film Festivali|Belgesel Film Festivali)(?!\w))"
)
# Capital letters beyond ASCII, "İstanbul", "Łódź", "Θεσσαλονίκη", "Москва".
_UPPER = "".join(c for c in map(chr, range(0xC0, 0x530)) if c.isupper())
_NAMED = re.compile(
    rf"(?P<name>(?:(?:[A-Z{_UPPER}][\w'’.+-]*|\d{{1,2}}[A-Z]+\w*)\s+(?:(?:of|de|du|des|la|le|del|"
    r"di|for|and|"
    r"the|van|het|der)\s+)?){0,6}"
    + _EVENT_HEAD
    + r"(?:\s+(?:(?:of|de|du|del|di|da|van|in|internacional|international|internazionale|"
    r"de cine|de cinéma|du film|del cinema|documental|documentaire)\s+)*"
    rf"(?:[A-Z{_UPPER}'][\w'’-]*|\d{{1,2}}[A-Z]+\w*))*"
    r"|\b(?:Oscars?|Academy Awards?|BAFTA|Golden Globes?|Goya|César|Emmy|Berlinale|Sundance|IDFA|"
    r"Hot Docs|Palme d'Or))(?:\s+(?P<yr>\d{4}))?"
)


_DIGIT = re.compile(r"\d")
_ORDINAL_WORD = re.compile(
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth"
)
# Plain substrings one of which every event word contains: a fast test before the regexes.
_EVENT_STEM = re.compile(
    "fest|biennale|berlinale|award|exhibition|showcase|mostra|rencontres|film week|фестивал|"
    "награди|премия|festiwal|oscar|bafta|premio|prémio|prêmio|premi|prix|preis|césar|goya|emmy|"
    "golden globe|sundance|idfa|hot docs|muestra|encuentro|semaine|quinzaine|rassegna|"
    "liên hoan|giải thưởng|مهرجان|جشنواره|جوایز|φεστιβάλ|filmtage|filmwoche"
)
_ROMAN = re.compile(r"\b[IVXL]{2,8}\b")


def _has_ordinal(sentence: str, low: str) -> bool:
    return bool(_DIGIT.search(sentence) or _ORDINAL_WORD.search(low) or _ROMAN.search(sentence))


def _has_event_word(low: str) -> bool:
    return bool(_EVENT_STEM.search(low) and _EVENT_WORD.search(low))


@lru_cache(maxsize=1024)
def _events_in(sentence: str) -> tuple[tuple[str, str | None, int | None, int, int], ...]:
    """(name, edition, year, start, end) for the events named in one sentence (or line)."""
    low = sentence.lower()
    has_event_word = _has_event_word(low)
    has_ordinal = _has_ordinal(sentence, low)
    if not has_event_word and not has_ordinal:
        return ()
    seen = _uncapped(sentence)
    found = _prefixed_events(seen) if has_ordinal else []
    if has_event_word:
        _add_named_events(seen, found)
        _add_head_events(seen, found)
    if seen is not sentence:  # names as the page writes them
        found = [(_as_written(sentence, seen, f[0], f[3]), *f[1:]) for f in found]
    return tuple(sorted((_without_article(f) for f in found), key=lambda f: f[3]))


# Two or more words in capitals: "THE NEWPORT INTERNATIONAL FILM FESTIVAL".
_CAPS_RUN = re.compile(r"\b[A-ZÀ-Þ][A-ZÀ-Þ'’&.-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’&.-]*)+\b")
# A Turkish case ending after the name: "Festivali'nde", "Ödülleri'ne".
_CASE_ENDING = re.compile(r"(?<=[iıIe])['’][a-zçğıöşü]{1,5}$")
_LEADING = re.compile(r"^(?:the|annual|yearly)\s+", re.I)


def _uncapped(sentence: str) -> str:
    """The sentence with its runs of capitalised words written as names ("The Newport Film
    Festival"), so that the event patterns read them; the same length, else the sentence."""
    if not _CAPS_RUN.search(sentence):
        return sentence
    out = _CAPS_RUN.sub(lambda m: " ".join(map(_as_name_word, m.group().split(" "))), sentence)
    return out if len(out) == len(sentence) else sentence


def _as_name_word(word: str) -> str:
    """A capitalised word as it reads in a name: "FESTIVAL" → "Festival", "OF" → "of"."""
    low = word.lower()
    return low if low in _CONNECTORS else word[:1] + word[1:].lower()


def _as_written(sentence: str, seen: str, name: str, start: int) -> str:
    """The event name at the same place in the page's own text."""
    at = seen.find(name, start)
    return sentence[at : at + len(name)] if at >= 0 else name


def _without_article(event: _Event) -> _Event:
    """The event without a leading "the" or "annual" ("The Brightside Shorts Fest")."""
    name = _CASE_ENDING.sub("", _LEADING.sub("", event[0]))
    while name != event[0] and _LEADING.match(name):
        name = _LEADING.sub("", name)
    if not name or name.casefold() in _GENERIC_NAMES:
        return event
    return (name, *event[1:])


_Event = tuple[str, str | None, int | None, int, int]


def _prefixed_events(sentence: str) -> list[_Event]:
    """Events after an ordinal or a year ("the 36th Cinéma du Réel")."""
    found: list[_Event] = []
    for m in _PREFIXED.finditer(sentence):
        name = _EDITION_OF.sub("", (m.group("name") or m.group("name2") or "").strip())
        ordinal = m.group("ord")
        name, trailing_year = _split_trailing_year(_LEADING.sub("", name))
        if not _prefixed_event_ok(sentence, m, name, ordinal):
            continue
        year = _year_of(m.group("yr") or m.group("yr2")) or trailing_year
        edition = str(ordinal_value(ordinal)) if ordinal and ordinal_value(ordinal) else None
        found.append((name, edition, year, m.start(), m.end()))
    return found


def _add_named_events(sentence: str, found: list[_Event]) -> None:
    """Add the events named with an event word that no event found so far covers."""
    for m in _NAMED.finditer(sentence):
        if any(s <= m.start("name") < e for *_, s, e in found):
            continue
        if m.group("name").strip().casefold() in _GENERIC_NAMES:
            continue
        year = int(m.group("yr")) if m.group("yr") else None
        found.append((m.group("name").strip(), None, year, m.start(), m.end()))


def _add_head_events(sentence: str, found: list[_Event]) -> None:
    """Add the head-first events ("Liên hoan phim tài liệu quốc tế Leipzig"), in place of the
    shorter events they hold ("Liên hoan phim")."""
    for e in head_events(sentence):
        inside = [f for f in found if e[3] <= f[3] and f[4] <= e[4]]
        if any(f[3] <= e[3] < f[4] for f in found if f not in inside):
            continue
        for f in inside:
            found.remove(f)
        found.append(e)


# "36e édition du Festival X", "25ª edición del Festival X", "the 11th edition of the X".
_EDITION_OF = re.compile(
    r"^(?i:annual\s+|yearly\s+)?(?i:edition|édition|edición|edizione|edição|ausgabe|editie|"
    r"edycja|izdanie|выпуск|sürüm)\s+"
    r"(?i:of the|of|de la|della|dello|del|des|de|du|do|da|van het|van de|van|der)?\s*"
)


_TRAILING_YEAR = re.compile(r"\s+((?:19|20)\d\d)$")


def _split_trailing_year(name: str) -> tuple[str, int | None]:
    """("Berlin Shorts Festival", 2019) for "Berlin Shorts Festival 2019"."""
    m = _TRAILING_YEAR.search(name)
    return (name[: m.start()], int(m.group(1))) if m else (name, None)


def _prefixed_event_ok(sentence: str, m: re.Match, name: str, ordinal: str | None) -> bool:
    """Whether an ordinal- or year-prefixed run names an event ("the 36th Cinéma du Réel")."""
    if ordinal and not ordinal[0].isdigit() and not _word_ordinal_ok(sentence, m):
        return False
    if not name or len(name.split()) > 12 or name.casefold() in _GENERIC_NAMES:
        return False
    if name.split()[0].casefold() in _CONNECTORS:  # "2014 and IDFA" names no event
        return False
    return _named_like_event(name, ordinal)


def _named_like_event(name: str, ordinal: str | None) -> bool:
    """A name with an event word, or capitalised after an ordinal, that reads as a name."""
    has_event_word = bool(_EVENT_WORD.search(name.lower()))
    if not (has_event_word or (ordinal and name[0].isupper())):
        return False
    return _capitalised(name) or bool(
        ordinal and has_event_word and any(w[0].isupper() for w in name.split())
    )


_CONNECTORS = frozenset(
    [
        "of",
        "de",
        "du",
        "des",
        "la",
        "le",
        "del",
        "di",
        "for",
        "and",
        "the",
        "van",
        "het",
        "der",
        "d'",
        "da",
        "do",
        "dos",
        "das",
        "y",
        "e",
        "et",
        "und",
        "in",
        "on",
        "at",
        "&",
        "annual",
        "annuel",
        "anual",
        "annuale",
        "jährlichen",
    ]
)
_GENERIC_NAMES = frozenset(
    [
        "festival",
        "film festival",
        "fest",
        "awards",
        "award",
        "the festival",
        "the awards",
        "festivals",
        "premios",
        "prix",
        "premi",
        "mostra",
        "biennale",
        "semaine",
        "rencontres",
        "muestra",
    ]
)


def _capitalised(name: str) -> bool:
    """True when every word of an event name is capitalised or a connector ("of", "de")."""
    words = name.split()
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _CONNECTORS for w in words)


def _word_ordinal_ok(sentence: str, m: re.Match) -> bool:
    """A spelled or Roman ordinal starts an event only after an article, a year or the start of
    the text."""
    head = sentence[: m.start("ord")].rstrip()
    if not head or _ENDS_WITH_YEAR.search(head):
        return True
    last = head.split()[-1].casefold()
    return last in _ARTICLES_BEFORE_ORDINAL or last.endswith(("l'", "l’"))


# "the Seventh …", "la XXV edición …", "der XII. …", "o XX Festival …".
_ARTICLES_BEFORE_ORDINAL = frozenset(
    (
        "the",
        "la",
        "le",
        "el",
        "il",
        "lo",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "de",
        "del",
        "della",
        "dello",
        "du",
        "o",
        "a",
        "na",
        "no",
        "al",
        "ao",
    )
)


def _year_of(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() and len(text) == 4 else two_digit_year(text)
