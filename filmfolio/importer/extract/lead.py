"""The lead sentence of an encyclopaedia or database article about a film.

Wikis and many databases open with one sentence that states the film's year and genres:
"X is a 2019 Swedish drama film directed by …", "X est un film français réalisé … sorti en
2019", "X ist ein deutscher Dokumentarfilm aus dem Jahr 2019", "X es una película … de 2019",
"X è un film del 2019", "X é um filme … de 2019", "X — фильм 2019 года", "X adalah film drama
epik dari Indonesia … 2012", "X là một bộ phim … năm 2019", "X, 2019 yapımı …", "X是一部2019年
的…电影", "X は、2019年の日本映画", "X는 2019년 …영화". The sentence is read only in the page's
first paragraphs, where such a lead stands.
"""

from __future__ import annotations

import re

from .genre_words import is_genre_word

_Y = "{Y}"  # each pattern's year, named by its place in the list
_LEAD_PATTERNS = [
    rf"\b(?:is|was) an? {_Y}\b[^.\n]{{0,80}}?\b(?:film|movie|documentary|short)\b",
    rf"\best un (?:film|court[- ]métrage|documentaire)\b[^.\n]{{0,120}}?\b(?:sorti|réalisé|"
    rf"tourné|produit)\b[^.\n]{{0,60}}?\ben {_Y}\b",
    rf"\bist ein[^.\n]{{0,80}}?(?:film|dokumentation)\b[^.\n]{{0,40}}?\b(?:aus dem jahr|"
    rf"von) {_Y}\b",
    rf"\b(?:es|fue) una (?:película|cinta|documental|cortometraje)\b[^.\n]{{0,100}}?"
    rf"\bde(?: l)?(?:l año)? {_Y}\b",
    rf"\bè un (?:film|cortometraggio|documentario)\b[^.\n]{{0,60}}?\bdel {_Y}\b",
    rf"\bé um (?:filme|documentário|curta-metragem)\b[^.\n]{{0,100}}?\bde {_Y}\b",
    rf"\bis een\b[^.\n]{{0,60}}?\b(?:film|documentaire)\b[^.\n]{{0,40}}?\buit {_Y}\b",
    rf"— (?:\w+ )?(?:фильм|документальный фильм|мультфильм)[^.\n]{{0,40}}? {_Y} года",
    rf"\badalah (?:sebuah )?film\b[^.\n]{{0,160}}?\b(?:tahun|pada tanggal \d{{1,2}} "
    rf"\w+) {_Y}\b",
    rf"\blà (?:một )?(?:bộ )?phim\b[^.\n]{{0,80}}?\bnăm {_Y}\b",
    rf"\b{_Y} yapımı\b",
    rf"是一部{_Y}年",
    rf"は、?{_Y}年(?:製作|公開)?の[^。\n]{{0,20}}?(?:映画|ドキュメンタリー|アニメ)",
    rf"\b{_Y}년[^.\n]{{0,30}}?(?:영화|다큐멘터리)",
    rf"\bfilm\b[^.\n]{{0,160}}?\bz {_Y} roku\b",
    rf"\bfilm\b[^.\n]{{0,100}}?\bz roku {_Y}\b",
    rf"\bär en\b[^.\n]{{0,80}}?film\b[^.\n]{{0,40}}?\bfrån {_Y}\b",
    rf"\ber en\b[^.\n]{{0,80}}?film\b[^.\n]{{0,40}}?\bfra {_Y}\b",
    rf"\beste un film\b[^.\n]{{0,100}}?\bdin {_Y}\b",
    rf"\b{_Y}-(?:es|as|os|ös)\b[^.\n]{{0,60}}?film",
    rf"\bon vuonna {_Y}\b[^.\n]{{0,60}}?elokuva",
    rf"ταινία[^.\n]{{0,80}}?\bτου {_Y}\b",
]
_LEAD_YEAR = re.compile(
    "|".join(
        p.replace("{Y}", rf"(?P<y{i}>(?:1[89]|20)\d\d)") for i, p in enumerate(_LEAD_PATTERNS)
    ),
)  # run on lowered text
# Plain words one of which every lead pattern holds: the patterns run only when one is there.
_STEMS = (
    "is a",
    "was a",
    "est un",
    "ist ein",
    "es una",
    "fue una",
    "è un",
    "é um",
    "is een",
    "фильм",
    "adalah",
    "phim",
    "yapımı",
    "是一部",
    "年",
    "년",
    "roku",
    "från",
    " fra ",
    "este un",
    "-es ",
    "-as ",
    "-os ",
    "-ös ",
    "vuonna",
    "ταινία",
)
# The genre words before the film word: "a 2019 Swedish black comedy drama film".
_EN_GENRES = re.compile(
    r"\b(?:is|was) an? (?:(?:1[89]|20)\d\d )?(?P<words>[A-Za-z -]{3,80}?) (?:film|movie)\b"
)
_ID_GENRES = re.compile(r"\badalah (?:sebuah )?film (?P<words>[a-z ]{3,60}?) (?:dari|asal|yang)\b")
_LEAD_CHARS = 1500


def lead_year(text: str) -> tuple[int, int, int] | None:
    """(year, start, end) stated by the lead sentence of the page's first paragraphs."""
    head = text[:_LEAD_CHARS].lower()
    m = _LEAD_YEAR.search(head) if any(stem in head for stem in _STEMS) else None
    if not m:
        return None
    group = next(name for name, value in m.groupdict().items() if value)
    return int(m.group(group)), m.start(group), m.end(group)


def lead_genres(text: str) -> list[str]:
    """The genre words of an English or Indonesian lead sentence, as written."""
    head = text[:_LEAD_CHARS]
    m = _EN_GENRES.search(head) or _ID_GENRES.search(head)
    if not m:
        return []
    return _genre_words(m.group("words").split())


def _genre_words(words: list[str]) -> list[str]:
    """Genre words among the words, two-word genres first ("black comedy")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if i + 1 < len(words) and is_genre_word(pair):
            out.append(pair)
            i += 2
            continue
        if is_genre_word(words[i]):
            out.append(words[i])
        i += 1
    return out
