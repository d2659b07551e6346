"""Credits: splitting name lists, cleaning role labels, directors stated in prose."""

from __future__ import annotations

import re

from .label_match import english_half

_SPLIT = re.compile(
    r"\s*(?:,|;|&|、|，|/|\+|\||\s·\s|\s•\s|\band\b|\bet\b|\bund\b|\by\b|\bи\b|\be\b|"
    r"\ben\b|\bog\b|\boch\b|\bi\b|\bve\b|\bdan\b|\bvà\b|\bkai\b|\bκαι\b|\bو\b|\bеt\b)\s*"
)
_NUMBERED = re.compile(r"\d{3,}")
_COMPANY = re.compile(
    r"\b(?:productions?|production house|films?|pictures|studios?|media|entertainment|ltd|"
    r"inc|llc|gmbh|s\.?a\.?s?|s\.?l\.?|company|co\.|corporation|group|distribution|"
    r"records|broadcasting|channel|tv|television|filmproduktion)\b|公司|影业|影業|传媒|傳媒|"
    r"工作室|制作室|製作室|电视台|電視台",
    re.I,
)
_PLACEHOLDER = frozenset({"", "-", "--", "—", "n/a", "na", "none", "tba", "tbd", "unknown", "?"})
_BILINGUAL_NAME = re.compile(r"^(?P<a>[^()（）]+?)\s*[(（](?P<b>[^()（）]+)[)）]$")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_ROLE_SPLIT = re.compile(r"\s*(?:/|&|\band\b|,)\s*")

# English prose: "a documentary by young filmmaker A B", "directed by A B", "A B's documentary".
_NAME = (
    r"(?:[A-Z][\w'’.-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][\w'’.-]+|[A-Z]\.|de|van|von|da|del|la|le)){1,3}"
)
_PROSE_BY = re.compile(
    rf"\b(?:documentary|film|short|feature|movie|animation|debut)\s+(?:(?:is\s+)?directed\s+)?"
    rf"by\s+(?:(?:the\s+)?(?:young|acclaimed|award-winning|first-time|emerging|veteran|"
    rf"independent|[A-Z][a-z]+ese|[A-Z][a-z]+an|director|filmmaker|documentarian|"
    rf"documentary maker|artist|film-maker)\s+){{0,3}}(?P<name>{_NAME})"
)
_PROSE_DIRECTED = re.compile(rf"\b(?:directed|co-directed)\s+by\s+(?P<name>{_NAME})")
# "un film de X", "ein Film von X", "una película de X", "een film van X" inside a sentence.
_FILM_OF = re.compile(
    rf"\b(?i:un film|une œuvre|ein film|eine dokumentation|una película|un documental|um filme|"
    rf"um documentário|un film|un documentario|een film|een documentaire|en film|film)\s+"
    rf"(?:de|d'|von|di|van|av|af|od|by)\s+(?P<name>{_NAME})"
)
# "Jane Doe's documentary", "Ana Ruiz's new film": a person's film (two words at least).
_POSSESSIVE = re.compile(
    rf"(?P<name>{_NAME})['’]s\s+(?:(?:new|latest|first|second|debut|short|feature|acclaimed|"
    rf"award-winning|feature-length)\s+)*(?:documentary|film|short film|feature|movie)\b"
)
_PROSE_ZH = re.compile(
    r"(?:^|[。!?\n])\s*(?P<name>[\u4e00-\u9fff·]{2,4}?)(?:专门|特意|特地|亲自)?"
    r"(?:为[\u4e00-\u9fff]{1,8})?所?(?P<role>拍摄|拍攝|执导|執導|导演|導演)的"
)
_BIO_HEADING = re.compile(
    r"^(?:director(?:'s)?|filmmaker(?:'s)?)\s+(?:biography|bio|statement)\s*[-–:]\s*(?P<names>.+)$",
    re.I,
)


def is_company(name: str) -> bool:
    """True for a company or organisation rather than a person."""
    return bool(_COMPANY.search(name))


def clean_name(raw: str) -> str | None:
    """A person's name as written, trimmed; the Latin form of a two-script name; None if empty."""
    name = raw.strip().strip("|•·:;,.-–— ").strip()
    name = _latin_of_two_scripts(re.sub(r"\[\d+\]", "", name).strip())
    return None if _not_a_name(name) else name


def _latin_of_two_scripts(name: str) -> str:
    """The Latin half of a name written in CJK and Latin ("王兵 Wang Bing"), else the name."""
    m = _BILINGUAL_NAME.match(name)
    if not m:
        return name
    a, b = m.group("a").strip(), m.group("b").strip()
    if _CJK.search(a) and _LATIN.search(b):
        return b
    if _CJK.search(b) and _LATIN.search(a):
        return a
    return name


def _not_a_name(name: str) -> bool:
    """A placeholder, a long or letterless text, a link, a numbered item or a CJK sentence."""
    if name.casefold() in _PLACEHOLDER or len(name) > 60 or not any(c.isalpha() for c in name):
        return True
    return bool(
        name.startswith(("©", "http", "www.")) or _NUMBERED.search(name) or _cjk_sentence(name)
    )


# Quotation marks and sentence stops of CJK text, and the particles a Japanese clause starts with.
_CJK_SENTENCE_MARK = re.compile(r"[「」『』。！？]|^[のをはがにでともへ]")


def _cjk_sentence(name: str) -> bool:
    """A piece of CJK running text rather than a name: quoted words, a sentence stop, a
    leading particle, or more than twelve characters without a space."""
    if not _CJK.search(name):
        return False
    return bool(_CJK_SENTENCE_MARK.search(name) or _JA_CLAUSE.search(name)) or (
        len(name) > 12 and " " not in name
    )


# Kanji, then kana ending in a topic or case particle: "最近思うのは" (what I think lately).
_JA_CLAUSE = re.compile(r"[\u4e00-\u9fff][\u3040-\u309f]+[はがをにで]$")


def split_names(value: str) -> list[str]:
    """Names from a credit value: "A & B", "A, B", "A and B", "A / B", "A、B"."""
    out: list[str] = []
    for part in _SPLIT.split(value):
        name = clean_name(part)
        if name and not is_company(name) and name not in out:
            out.append(name)
    return out


def role_text(label: str) -> str:
    """The role as the page labels it: English half of a bilingual label, no "Name" or plural."""
    role = english_half(label).strip(" :：|")
    role = re.sub(r"\s+names?$", "", role, flags=re.I)
    if re.fullmatch(r"[A-Za-z ]+s", role) and not role.casefold().endswith(("ss", "ics")):
        singular = role[:-1]
        if singular.casefold().split()[-1] in {
            "director",
            "writer",
            "producer",
            "editor",
            "cinematographer",
            "composer",
            "actor",
            "narrator",
            "animator",
            "screenwriter",
            "designer",
            "artist",
        }:
            role = singular
    return role


def split_roles(label: str) -> list[str]:
    """A combined label ("Writer/Director", "Writers & Directors") as separate role labels."""
    label = english_half(label) if " / " in label else label
    parts = [p for p in _ROLE_SPLIT.split(label) if p.strip()]
    return [role_text(p) for p in parts] if len(parts) > 1 else [role_text(label)]


def prose_directors(text: str) -> list[tuple[str, str, int, int]]:
    """(name, role word, start, end) for directors stated in prose."""
    found = []
    for rx in (_PROSE_BY, _PROSE_DIRECTED, _FILM_OF, _POSSESSIVE):
        for m in rx.finditer(text):
            found.append((m.group("name"), "Director", m.start("name"), m.end("name")))
    for m in _PROSE_ZH.finditer(text):
        found.append((m.group("name"), m.group("role"), m.start("name"), m.end("name")))
    return found


def bio_heading_directors(line: str) -> list[str]:
    """Names in a "Director Biography - A, B, C" heading."""
    m = _BIO_HEADING.match(line.strip())
    return split_names(m.group("names")) if m else []


# "Katja Ginnow (Regie)", "Carrie (director)": a name with its role in brackets.
_LATIN_NAME = (
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]+(?:[ \t]+"
    r"(?:(?:de|van|von|da|del|der|la|le|di|du|dos|das|y|bin|al)[ \t]+)?"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*){0,3}"
)
_CJK_NAME = r"[\u4e00-\u9fff]{2,4}|[\uac00-\ud7a3]{2,4}|[\u4e00-\u9fff\u30a0-\u30ff]{2,6}"
_BRACKETED = re.compile(r"[(（]([^()（）\d\n]{2,30})[)）]")
_NAME_BEFORE = re.compile(rf"(?<![\w'’])(?P<name>{_LATIN_NAME})[ \t]*$")
_NAME_ROLE = re.compile(
    rf"(?<![\w'’])(?P<name>{_LATIN_NAME})[ \t]*[(（](?P<role>[^()（）\d]{{2,30}})[)）]"
)
# "la réalisatrice Flore Vasseur", "sagt Regisseurin Katja Ginnow", "del director X".
_DIRECTOR_WORDS = (
    r"director|directora|diretora|diretor|réalisateur|réalisatrice|regista|regisseur|"
    r"regisseurin|regisseuse|reżyser|reżyserka|režisér|režisérka|yönetmen|yönetmeni|sutradara|"
    r"đạo diễn|filmmaker|film-maker|documentarian|documentarist|cineasta|cinéaste|"
    r"filmemacher|filmemacherin|filmmaakster|dokumentarist|dokumentaristin|режиссёр|режиссер|"
    r"режисер|режисьор|σκηνοθέτης|σκηνοθέτιδα|rendező"
)
_ROLE_BEFORE = re.compile(
    rf"(?:^|(?<=[\s,;:(\"“«']))(?P<pre>[\w'’]+[ \t]+)?(?P<role>(?i:{_DIRECTOR_WORDS}))[ \t]+"
    rf"(?:[a-zà-ÿ][\w-]*[ \t]+){{0,2}}(?P<name>{_LATIN_NAME})"
)
_ARTICLES = frozenset(
    [
        "the",
        "la",
        "le",
        "el",
        "il",
        "der",
        "die",
        "a",
        "o",
        "de",
        "del",
        "du",
        "des",
        "een",
        "het",
        "den",
    ]
)
_NOT_BEFORE_ROLE = frozenset(
    [
        "program",
        "programme",
        "artistic",
        "festival",
        "managing",
        "creative",
        "casting",
        "art",
        "music",
        "technical",
        "executive",
        "assistant",
        "associate",
        "general",
        "marketing",
        "photography",
        "sound",
    ]
)
# "Flore Vasseur, réalisatrice et co-productrice": a name, a comma and a director word.
_ROLE_AFTER = re.compile(
    rf"(?:^|(?<=[\s(\"“«]))(?P<name>{_LATIN_NAME}),[ \t]+(?:(?:the|la|le|el|a|o|il|die|der)[ \t]+)?"
    rf"(?:[a-zà-ÿ][\w-]*[ \t]+){{0,1}}(?P<role>(?i:{_DIRECTOR_WORDS}))\b"
)
# A by-line under the title: "de Pauline Pelsy-Johann", "di Alberto Diana, Italia, 2023, 18'".
_BY_LINE = re.compile(
    rf"^(?:(?:un film|a film|ein film|una película|um filme|un film|een film|en film)[ \t]+)?"
    rf"(?:by|de|di|von|van|af|av|od|par|réalisé par|directed by|regia di|dirigido por|"
    rf"dirigida por|реж\.|dir\.)[ \t]+(?P<names>{_LATIN_NAME}(?:\s*(?:,|&|and|et|e|y|und)\s*"
    rf"{_LATIN_NAME})*?)\s*(?:$|[,|/–—-]\s*(?P<rest>.*)$)"
)
_CJK_DIRECTOR = re.compile(
    r"監督の(?P<a>[\u4e00-\u9fff\u30a0-\u30ff]{2,6})|"
    r"(?:^|(?<=[\s、。,『「]))(?P<b>[\u4e00-\u9fff\u30a0-\u30ff]{1,4}(?:\s[\u4e00-\u9fff]{1,3})?)"
    r"\s?監督(?:作品|による|の最新|\s*$)|"
    r"由(?P<c>[\u4e00-\u9fff·]{2,8}?)(?:执导|執導|导演|導演)|"
    r"(?:^|(?<=[\s,.]))(?P<d>[\uac00-\ud7a3]{2,4})\s감독(?:이|은|의|가|과|작품|\b)|"
    # Korean passive "made/directed by X": "위베르 니오그레에 의해 만들어진".
    r"(?:^|(?<=[\s,.(]))(?P<e>(?:[\uac00-\ud7a3]{1,6}(?<![는은를을가의인로서이])\s){0,2}"
    r"[\uac00-\ud7a3]{1,6})에\s?의해\s?"
    r"(?:만들어|연출|감독|제작)",
    re.M,
)


def bracketed_credits(text: str) -> list[tuple[str, str, int, int]]:
    """(name, role as written, start, end) for "Name (Role)" mentions."""
    from .label_match import field_of

    out = []
    for b in _BRACKETED.finditer(text):
        role = b.group(1).strip()
        field = field_of(role)
        if not (field and field.startswith("credit:")):
            continue
        m = _NAME_BEFORE.search(text, max(0, b.start() - 80), b.start())
        if m is None:
            continue
        name = clean_name(m.group("name"))
        if name and not is_company(name):
            out.append((name, role, m.start("name"), m.end("name")))
    return out


# Stems of the director words above: a fast test before the name patterns.
_DIRECTOR_STEM = re.compile(
    "direct|diret|réalis|regis|reżys|režis|yönet|sutrad|đạo diễn|film-?mak|documentar|"
    "cineast|cinéast|filmemach|filmmaak|режис|σκηνοθ|rendez"
)


def role_word_director(text: str) -> tuple[str, int, int] | None:
    """The first person the text calls its director ("la réalisatrice X", "X 감독")."""
    latin = bool(_DIRECTOR_STEM.search(text.lower()))
    best = _director_after_role_word(text) if latin else None
    after = _ROLE_AFTER.search(text) if latin else None
    if after and _earlier(after, best):
        name = clean_name(after.group("name"))
        if name:
            best = (name, after.start("name"), after.end("name"))
    cjk = _CJK_DIRECTOR.search(text)
    if cjk and _earlier(cjk, best):
        group = next(g for g in ("a", "b", "c", "d", "e") if cjk.group(g))
        best = (cjk.group(group).strip(), cjk.start(group), cjk.end(group))
    return best


def _earlier(m: re.Match, best: tuple[str, int, int] | None) -> bool:
    """A match that starts before the name found so far (or nothing found yet)."""
    return best is None or m.start() < best[1]


def _director_after_role_word(text: str) -> tuple[str, int, int] | None:
    """The first name after a director word ("la réalisatrice X") not preceded by a word that
    makes it another person's role."""
    for m in _ROLE_BEFORE.finditer(text):
        pre = (m.group("pre") or "").strip()
        if pre.casefold() in _NOT_BEFORE_ROLE or (
            pre[:1].isupper() and pre.casefold() not in _ARTICLES
        ):
            continue
        name = clean_name(m.group("name"))
        if name:
            return (name, m.start("name"), m.end("name"))
    return None


def by_line(line: str) -> tuple[list[str], str] | None:
    """(director names, the rest of the line) for a by-line such as "de X, Italia, 2023"."""
    m = _BY_LINE.match(line.strip())
    if not m or len(line.strip()) > 90:
        return None
    names = split_names(m.group("names"))
    return (names, m.group("rest") or "") if names else None
