"""Crew named in running text by a role word: "producer Ana Barredo", "la monteuse Léa Roux",
"Kameramann Tom Weber", "监制朱全斌老师", "小林茂カメラマン", "촬영감독 김철수".

Directors have their own prose rules (`credits.prose_directors`, `credits.role_word_director`);
these are the other roles. A role word is read only when the word before it does not make it
another person's or another body's role ("Festival producer", "the programme's editor").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .credits import _LATIN_NAME, clean_name, is_company

# Role words of running text, the role category they name, by language (lower case; German
# nouns are matched capitalised as German writes them).
_LATIN_ROLES = {
    "producer": "producer|co-producer|producers|productrice|producteur|coproductrice|"
    "coproducteur|productora|productor|produtora|produtor|produttrice|produttore|producent|"
    "producentka|produzentin|produzent|producente|yapımcı|produser|nhà sản xuất",
    "executive producer": "executive producer|productrice exécutive|producteur exécutif|"
    "productora ejecutiva|productor ejecutivo|produttore esecutivo|ausführende produzentin",
    "writer": "screenwriter|scriptwriter|co-writer|scénariste|guionista|roteirista|"
    "sceneggiatrice|sceneggiatore|drehbuchautorin|drehbuchautor|scenarzysta|senarist|"
    "penulis skenario|biên kịch",
    "cinematography": "cinematographer|director of photography|cameraman|camerawoman|"
    "directrice de la photographie|directeur de la photographie|chef opératrice|"
    "chef opérateur|directora de fotografía|director de fotografía|diretora de fotografia|"
    "diretor de fotografia|direttore della fotografia|kamerafrau|kameramann|bildgestalterin|"
    "bildgestalter|görüntü yönetmeni|sinematografer",
    "editor": "film editor|editor|monteuse|monteur|montadora|montador|montatrice|montatore|"
    "editorin|cutterin|cutter|editora|kurgucu",
    "music": "composer|compositrice|compositeur|compositora|compositor|compositore|"
    "komponistin|komponist|kompozytor|besteci|komposer",
    "sound": "sound designer|sound recordist|ingénieure du son|ingénieur du son|sonidista|"
    "tonmeisterin|tonmeister|ses tasarımcısı",
}
_ROLE_OF = {w: cat for cat, words in _LATIN_ROLES.items() for w in words.split("|")}
# The role words by their first word, longest first: a dictionary look-up per word of the text
# is much faster than one pattern of every role word tried at every position.
_BY_FIRST_WORD: dict[str, list[str]] = {}
for _w in sorted(_ROLE_OF, key=len, reverse=True):
    _BY_FIRST_WORD.setdefault(_w.split()[0], []).append(_w)
_NAME_AFTER = re.compile(rf"[ \t]+(?P<name>{_LATIN_NAME})")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s,;:(\"“«']))(?P<pre>[\w'’]+)[ \t]+$")
_ROLE_START = re.compile(r"(?:^|(?<=[\s,;:(\"“«']))$")
# Words before a role word that make it someone else's role, or no person's.
_NOT_BEFORE = frozenset(
    [
        "festival",
        "program",
        "programme",
        "programming",
        "artistic",
        "managing",
        "creative",
        "casting",
        "line",
        "associate",
        "assistant",
        "technical",
        "general",
        "marketing",
        "news",
        "senior",
        "former",
        "another",
        "other",
        "their",
        "his",
        "her",
        "its",
    ]
)
_ARTICLES = frozenset(
    [
        "the",
        "a",
        "an",
        "la",
        "le",
        "l'",
        "el",
        "il",
        "lo",
        "der",
        "die",
        "das",
        "de",
        "del",
        "du",
        "des",
        "een",
        "het",
        "o",
        "our",
    ]
)

_CJK_ROLE_OF = {
    "producer": "制片人|製片人|制片|製片|出品人",
    "executive producer": "监制|監製|总监制|總監製",
    "writer": "编剧|編劇",
    "cinematography": "摄影师|攝影師|摄影指导|攝影指導|摄像|攝像",
    "editor": "剪辑师|剪輯師|剪辑|剪輯",
    "music": "作曲|配乐|配樂|音乐总监|音樂總監",
    "sound": "录音师|錄音師|声音设计|聲音設計|混音师|混音師",
}
_CJK_ROLE = re.compile(
    r"(?P<role>"
    + "|".join(
        sorted((w for ws in _CJK_ROLE_OF.values() for w in ws.split("|")), key=len, reverse=True)
    )
    + r")(?:[是为為由:]\s*)?(?P<name>[\u4e00-\u9fff·]{2,3}?)"
    r"(?=老师|老師|先生|女士|小姐|教授|导演|導演|[,，、。;；!！\s)）的和與与及跟]|$)"
)
_JA_ROLE_AFTER = {
    "cinematography": "カメラマン|撮影監督",
    "producer": "プロデューサー",
    "editor": "編集マン",
    "music": "作曲家",
}
_JA_ROLE = re.compile(
    r"(?:^|(?<=[\s、。「『(\u3040-\u309f]))(?P<name>[\u4e00-\u9fff]{2,4})(?P<role>"
    + "|".join(w for ws in _JA_ROLE_AFTER.values() for w in ws.split("|"))
    + r")"
)
_KO_ROLE_OF = {
    "cinematography": "촬영감독",
    "producer": "프로듀서|제작자",
    "editor": "편집감독|편집자",
    "music": "음악감독|작곡가",
    "writer": "작가|시나리오 작가",
}
_KO_ROLE = re.compile(
    r"(?P<role>"
    + "|".join(w for ws in _KO_ROLE_OF.values() for w in ws.split("|"))
    + r")\s(?P<name>[\uac00-\ud7a3]{2,4}?)(?:이|은|는|가|의|과|와|씨)?(?=[\s,.)]|$)"
)
_CATEGORY = {
    **{w: c for c, ws in _CJK_ROLE_OF.items() for w in ws.split("|")},
    **{w: c for c, ws in _JA_ROLE_AFTER.items() for w in ws.split("|")},
    **{w: c for c, ws in _KO_ROLE_OF.items() for w in ws.split("|")},
}


_CJK_PATTERNS = [
    (_CJK_ROLE, [w for ws in _CJK_ROLE_OF.values() for w in ws.split("|")]),
    (_JA_ROLE, [w for ws in _JA_ROLE_AFTER.values() for w in ws.split("|")]),
    (_KO_ROLE, [w for ws in _KO_ROLE_OF.values() for w in ws.split("|")]),
]


def prose_roles(text: str) -> list[tuple[str, str, int, int]]:
    """(name, role word as written, start, end) for crew named by a role word in running text."""
    out = [*_latin_roles(text)]
    if not _CJK_ANY.search(text):  # every CJK role word has a CJK character
        return out
    for rx, words in _CJK_PATTERNS:
        if not any(w in text for w in words):
            continue
        for m in rx.finditer(text):
            if _cjk_mention_ok(text, m):
                out.append((m.group("name"), m.group("role"), m.start("name"), m.end("name")))
    return out


_CJK_ANY = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_NOT_A_NAME_CHAR = re.compile(r"[奖獎项項片类類部集届屆年月日]")


def _cjk_mention_ok(text: str, m: re.Match) -> bool:
    """Not an award category ("最佳剪辑奖"), and not one of a list of people the film is about
    ("宮崎駿監督、鈴木敏夫プロデューサー、高畑勲監督")."""
    if _NOT_A_NAME_CHAR.search(m.group("name")) or text[max(0, m.start() - 2) : m.start()] in (
        "最佳",
        "最優",
    ):
        return False
    return "、" not in (text[m.start() - 1 : m.start()] + text[m.end() : m.end() + 1])


def role_category(role: str) -> str | None:
    """The role category of a role word this module reads."""
    return _ROLE_OF.get(role.casefold()) or _CATEGORY.get(role)


def _latin_roles(text: str) -> list[tuple[str, str, int, int]]:
    low = text.lower()
    present = tuple(k for k in _BY_FIRST_WORD if k in low)
    if not present:
        return []
    out = []
    for w in _first_words(present).finditer(text):
        found = _role_at(text, w.start(), _BY_FIRST_WORD[w.group().lower()])
        if found is not None:
            out.append(found)
    return out


@lru_cache(maxsize=256)
def _first_words(present: tuple[str, ...]) -> re.Pattern:
    """A pattern of the first words of the role words a text holds."""
    return re.compile(r"(?<![\w'’-])(?i:" + "|".join(map(re.escape, present)) + r")(?![\w'’-])")


def _role_at(text: str, at: int, candidates: list[str]) -> tuple[str, str, int, int] | None:
    """The crew member a role word at ``at`` names, when the words around allow it."""
    if not _ROLE_START.search(text, max(0, at - 1), at):
        return None
    key = next((c for c in candidates if text[at : at + len(c)].lower() == c), None)
    m = _NAME_AFTER.match(text, at + len(key)) if key else None
    if m is None:
        return None
    role = m.string[at : m.start()].strip()
    if not _own_role(text, at, role):
        return None
    name = clean_name(m.group("name"))
    if not name or len(name.split()) < 2 or is_company(name):
        return None
    return (name, role, m.start("name"), m.start("name") + len(name))


def _own_role(text: str, at: int, role: str) -> bool:
    """Whether the role word is the named person's own: no word before it that makes it
    another body's role, and written in lower case (capitalised, it is a label or a title)."""
    before = _WORD_BEFORE.search(text, max(0, at - 40), at)
    pre = before.group("pre") if before else ""
    low = pre.casefold().removesuffix("'s").removesuffix("’s")
    if low in _NOT_BEFORE or (pre[:1].isupper() and pre.casefold() not in _ARTICLES):
        return False
    return not role[:1].isupper() or role.casefold().startswith(_GERMAN_NOUNS)


# German writes every noun capitalised, so its role words in running text are too.
_GERMAN_NOUNS = (
    "produzent",
    "kamera",
    "kompon",
    "cutter",
    "editorin",
    "bild",
    "drehbuch",
    "tonmeister",
)
