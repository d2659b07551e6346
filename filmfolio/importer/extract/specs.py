"""Technical specifications: shooting format, aspect ratio, sound, colour and budget."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(
    r"^(?:\$?\s*0+(?:[.,]0+)?\s*\$?|-+|—|n/?a|none|unknown|tbd|tba|\?)$", re.I
)
# Sound, black-and-white and colour words of the languages the label vocabulary knows.
_SOUND_WORDS = (
    r"stereo|stéréo|estéreo|estereo|stereofonico|mono|monaural|dolby|surround|5\.1|7\.1|dts|"
    r"atmos|pcm|lcr|стерео|моно|立体声|立體聲|单声道|單聲道|杜比|ステレオ|モノラル|ドルビー|스테레오|"
    r"모노|돌비|στερεοφωνικός|ستريو|استریو"
)
_SOUND_FORMAT = re.compile(_SOUND_WORDS, re.I)
_BW_WORDS = (
    r"b\s*/\s*w|b&w|black\s*(?:and|&|-)\s*white|noir\s*(?:et|&)\s*blanc|n\s*&\s*b|n\s*/\s*b|"
    r"schwarz\s*-?\s*wei(?:ß|ss)|s\s*/\s*w|blanco\s*y\s*negro|bianco\s*e\s*nero|b\s*/\s*n|"
    r"preto\s*e\s*branco|p\s*&\s*b|zwart[- ]?wit|svartvit|sort[- ]?hvid|czarno[- ]?biał\w*|"
    r"siyah[- ]?beyaz|đen trắng|hitam[- ]?putih|ασπρόμαυρ\w*|черно-бял\w*|ч[её]рно-бел\w*|ч/б|"
    r"سیاه و سفید|أبيض وأسود|黑白|白黒|モノクロ|흑백"
)
_BW = re.compile(_BW_WORDS, re.I)
_COLOUR_WORDS = (
    r"colou?r(?:ed|s)?|couleurs?|farbe|farbig|cor(?:es)?\b|colorido|colore|colori|kolor\w*|"
    r"kleur|färg|farve|farge|renk(?:li)?|màu|berwarna|warna|έγχρωμ\w*|χρώμα|цвят|цветн\w*|цвет|"
    r"کولر|رنگی|ملون|彩色|カラー|컬러|칼라"
)
_COLOUR = re.compile(_COLOUR_WORDS, re.I)
_PROSE_FORMAT = re.compile(
    r"\b(?i:shot|filmed|photographed|recorded|captured)\s+(?:it\s+|entirely\s+|mostly\s+)?"
    r"(?:on|in)\s+(?P<fmt>high-definition|high definition|HD|4K|2K|S16mm|Super\s?16(?:mm)?|"
    r"16\s?mm|35\s?mm|Super\s?8|8\s?mm|digital video|DV|HDV|digital)"
    r"(?P<colour>\s+(?i:colou?r|black[- ]and[- ]white))?",
)
_AMOUNT = (
    r"(?:[$€£¥₩₹]|US\$|USD|EUR|GBP|RMB|NT\$|HK\$|Rp\.?|R\$)\s?\d[\d.,]*(?:\s?(?:million|mil|"
    r"millions|millones|milhões|milioni|mio\.?|k|thousand|miliar|juta|万|萬|亿|億))?"
    r"|\d[\d.,]*\s?(?:million|millions|millones|milhões|milioni|mio\.?|miliar|juta|"
    r"thousand|tausend|duizend|mille|mil)?\s?(?i:euros?|dollars?|usd|eur|gbp|pounds?|yuan|rmb|"
    r"元|万元|萬元|美元|欧元|円|万円|원|만원|억원|рублей|руб\.?|lira|tl|złotych|zł|gulden|"
    r"rupiah|pesos|reais|francs?|kronor|kroner)\b"
)
# After a budget word any sign may stand before the number (mis-decoded ones too: "гд100,000").
_LOOSE_AMOUNT = r"[^\s\d]{0,4}\d[\d,.]*(?:\s?(?:million|thousand|k)\b)?"
_PROSE_BUDGET = re.compile(
    rf"\b(?i:budget|presupuesto|orçamento|bilancio|budżet|anggaran|бюджет|bütçe|بودجه)"
    rf"(?:\s+(?:of|von|de|di|van|du|do|da|of about|of around|von rund|von etwa|de unos))?"
    rf"\s+(?:~|ca\.\s?|about\s|around\s)?(?P<value>{_AMOUNT}|{_LOOSE_AMOUNT})"
    rf"|(?P<value2>{_AMOUNT})\s+(?i:budget|presupuesto|orçamento|bilancio|budżet)\b"
    rf"|\b(?i:kostet|kostete|kosten|costs|cost|coûte|a coûté|cuesta|costó|custou|costa|"
    rf"è costato|kost)\b[^.;\n]{{0,40}}?(?P<value3>{_AMOUNT})"
    rf"|(?:预算|預算|予算|예산|成本|制作费|製作費)[^。\n]{{0,8}}?(?P<value4>{_AMOUNT})",
)
_RATIO = re.compile(r"\d+(?:[.,]\d+)?\s*(?::|/|x|×)\s*\d+(?:[.,]\d+)?|\d\.\d{2}")


def is_placeholder(value: str) -> bool:
    """True for a value that states nothing ("$0", "-", "N/A", empty)."""
    return not value.strip() or bool(_PLACEHOLDER.match(value.strip()))


def colour_of(value: str) -> str | None:
    """The colour enum for a colour field value."""
    bw, colour = _BW.search(value), _COLOUR.search(_BW.sub("", value))
    if bw and colour:
        return "mixed"
    if bw:
        return "black and white"
    if colour:
        return "color"
    return None


def is_sound_format(value: str) -> bool:
    """True when a "Sound" value is a format (Stereo, 5.1) rather than a person."""
    return bool(_SOUND_FORMAT.search(value))


def aspect_ratio(value: str) -> str | None:
    """The ratio as written when it contains one."""
    return value.strip() if _RATIO.search(value) else None


def prose_format(text: str) -> tuple[str, str | None, int, int] | None:
    """(format, colour enum or None, start, end) from "filmed in high-definition colour"."""
    m = _PROSE_FORMAT.search(text)
    if not m:
        return None
    colour = colour_of(m.group("colour")) if m.group("colour") else None
    return m.group("fmt"), colour, m.start("fmt"), m.end("fmt")


_BUDGET_STEM = re.compile(
    "budget|presupuesto|orçamento|bilancio|budżet|anggaran|бюджет|bütçe|بودجه|kost|cost|coût|"
    "cuesta|costó|custou|预算|預算|予算|예산|成本|制作费|製作費"
)


def prose_budget(text: str) -> tuple[str, int, int] | None:
    """(budget as written, start, end) from "a budget of X", "a £10,000 budget", "kostet X"."""
    if not _BUDGET_STEM.search(text.lower()):
        return None
    for m in _PROSE_BUDGET.finditer(text):
        group = next(g for g in ("value", "value2", "value3", "value4") if m.group(g))
        value = m.group(group).strip().rstrip(".,")
        if is_placeholder(value) or not any(c.isdigit() and c != "0" for c in value):
            continue
        return value, m.start(group), m.start(group) + len(value)
    return None


# Spec values standing as parts of a short line ("4K. Animación 2D. 16/9", "Color. Estéreo").
_PART_SPLIT = re.compile(r"\.\s+|,\s+|\s*\|\s*|\s+/\s+|(?<!\d)/|/(?!\d)|\s*[·•]\s*|;\s+")
_PART_RATIO = re.compile(
    r"(?:1[.,]\d{2}|2[.,]\d{1,2}|1[.,]9|2)\s?:\s?1|(?:16|4|21|9)\s?[:/×x]\s?(?:9|3|16)|"
    r"1[.,](?:33|37|66|78|85)|2[.,](?:35|39|40)"
)
_PART_SOUND = re.compile(
    rf"(?i:(?:{_SOUND_WORDS})(?:[ -](?:digital|atmos|surround|stereo|sr|2\.0|5\.1|7\.1))*)"
)
_PART_FORMAT = re.compile(
    r"(?i:4k|2k|6k|8k|hd|full hd|uhd|hdv|dv|mini ?dv|35 ?mm|16 ?mm|super ?16(?: ?mm)?|"
    r"super ?8|8 ?mm|digital betacam|betacam(?: sp)?|red|arri alexa|alexa)"
)
_PART_COLOUR = re.compile(rf"(?i:(?:en |a |in )?(?:{_BW_WORDS}|{_COLOUR_WORDS}))")


# The four in one pattern, tried in this order (an alternation is tried from the left).
_PART_FIELD = re.compile(
    "|".join(
        f"(?P<{field}>{rx.pattern})"
        for field, rx in (
            ("aspect_ratio", _PART_RATIO),
            ("sound", _PART_SOUND),
            ("shooting_format", _PART_FORMAT),
            ("color", _PART_COLOUR),
        )
    )
)


def spec_part(part: str) -> str | None:
    """The spec field a whole part of a line states ("1.85:1", "Stereo", "16mm", "Colour")."""
    m = _PART_FIELD.fullmatch(part)
    return m.lastgroup if m else None


def spec_parts(line: str) -> dict[str, str]:
    """Spec values among the parts of a short line of two or more parts, as written."""
    if len(line) > 90:
        return {}
    parts = [p.strip(" .") for p in _PART_SPLIT.split(line.strip()) if p.strip(" .")]
    if len(parts) < 2:
        return {}
    found: dict[str, str] = {}
    for part in parts:
        field = spec_part(part)
        if field and field not in found:
            found[field] = part
    return found


_PROSE_BW = re.compile(
    r"black[- ]and[- ]white (?:film|documentary|short|feature|movie)|shot in black[- ]and[- ]white|"
    r"zwart-wit(?:film|documentaire|e film)|schwarzweiß(?:film|e[nr]? film)|"
    r"film en noir et blanc|documentaire en noir et blanc|en blanco y negro|in bianco e nero|"
    r"em preto e branco|czarno-biał|黑白片|黑白电影|黑白電影|黑白纪录片|黑白紀錄片|白黒映画|"
    r"흑백 영화",
)  # lower case, searched in lowered text
_BW_STEM = re.compile("black|zwart|schwarz|noir|blanco|bianco|preto|czarno|黑白|白黒|흑백")


def prose_black_and_white(text: str) -> tuple[int, int] | None:
    """(start, end) of a statement that the film is in black and white."""
    low = text.lower()
    m = _PROSE_BW.search(low) if _BW_STEM.search(low) else None
    return (m.start(), m.end()) if m else None
