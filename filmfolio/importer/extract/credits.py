"""Credits: splitting name lists, cleaning role labels, directors stated in prose."""

from __future__ import annotations

import re

from .labels import english_half

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
_NAME = r"(?:[A-Z][\w'’.-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'’.-]+|[A-Z]\.|de|van|von|da|del|la|le)){1,3}"
_PROSE_BY = re.compile(
    rf"\b(?:documentary|film|short|feature|movie|animation|debut)\s+(?:(?:is\s+)?directed\s+)?"
    rf"by\s+(?:(?:the\s+)?(?:young|acclaimed|award-winning|first-time|emerging|veteran|"
    rf"independent|[A-Z][a-z]+ese|[A-Z][a-z]+an|director|filmmaker|documentarian|"
    rf"documentary maker|artist|film-maker)\s+){{0,3}}(?P<name>{_NAME})"
)
_PROSE_DIRECTED = re.compile(rf"\b(?:directed|co-directed)\s+by\s+(?P<name>{_NAME})")
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
    name = re.sub(r"\[\d+\]", "", name).strip()
    m = _BILINGUAL_NAME.match(name)
    if m:
        a, b = m.group("a").strip(), m.group("b").strip()
        if _CJK.search(a) and _LATIN.search(b):
            name = b
        elif _CJK.search(b) and _LATIN.search(a):
            name = a
    if name.casefold() in _PLACEHOLDER or len(name) > 60 or not any(c.isalpha() for c in name):
        return None
    if name.startswith(("©", "http", "www.")) or _NUMBERED.search(name):
        return None
    return name


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
    for rx in (_PROSE_BY, _PROSE_DIRECTED):
        for m in rx.finditer(text):
            found.append((m.group("name"), "Director", m.start("name"), m.end("name")))
    for m in _PROSE_ZH.finditer(text):
        found.append((m.group("name"), m.group("role"), m.start("name"), m.end("name")))
    return found


def bio_heading_directors(line: str) -> list[str]:
    """Names in a "Director Biography - A, B, C" heading."""
    m = _BIO_HEADING.match(line.strip())
    return split_names(m.group("names")) if m else []
