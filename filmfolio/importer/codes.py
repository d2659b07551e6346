"""Free-text names to our codes: countries, languages, roles and currencies, in any language.

Pages write "États-Unis", "Канада", "SPAIN", "普通话", "Réalisé par", "347,000 USD". The model
stores ISO 3166 country codes, BCP 47 language tags, role codes and ISO 4217 currencies. The
reverse maps here are built once per process from CLDR names (Babel) in many locales plus the
aliases CLDR lacks (USA, UK, PRC, Hong Kong, Mandarin ...). Every lookup returns None for a name
it does not know: callers turn that into a warning, never into a guessed code.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from babel import Locale, UnknownLocaleError

from filmfolio.core import vocab
from filmfolio.core.matching import title_match_key
from filmfolio.films.roles import ROLES

# CLDR locales whose country and language names are read (the languages of pages we expect).
NAME_LOCALES = (
    "en fr de es it pt nl sv da nb nn fi pl cs sk hu ro bg ru uk sr hr bs sl el tr ar he fa "
    "hi bn ur ja ko zh zh_Hant vi th id ms fil ca eu gl et lv lt is ga cy sq mk be ka hy az "
    "kk uz mn ne si ta te km lo my sw af am"
)

COUNTRY_ALIASES = {
    "US": "usa|u.s.a.|u.s.|america|united states of america|estados unidos de america|美國",
    "GB": "uk|u.k.|great britain|britain|england|scotland|wales|northern ireland|英國",
    "CN": "prc|p.r.c.|p.r. china|mainland china|china mainland|people's republic of china|"
    "中国大陆|中國大陸|大陆|大陸|内地|內地|中华人民共和国",
    "HK": "hong kong|hongkong|hong kong china|hong kong, china|hong kong sar|香港|中国香港",
    "MO": "macau|macao|macau sar|澳门|澳門",
    "TW": "taiwan|taiwan, china|republic of china|台湾|臺灣|台灣|中国台湾|中華民國",
    "KR": "south korea|korea|republic of korea|korea, south|韩国|韓國|南韩|南韓",
    "KP": "north korea|dprk|朝鲜|北韩",
    "RU": "russian federation",
    "CZ": "czech republic",
    "NL": "holland",
    "CI": "ivory coast",
    "MM": "burma",
    "AE": "uae|u.a.e.",
    "TR": "türkiye|turkiye",
    "PS": "palestine",
    "VA": "vatican",
}

LANGUAGE_ALIASES = {
    "zh": "mandarin|mandarin chinese|putonghua|chinese dialect|chinese dialects|sichuanese|"
    "普通话|普通話|国语|國語|华语|華語|汉语|漢語|中文|国语对白|四川话|四川話|方言",
    "yue": "cantonese|粤语|粵語|广东话|廣東話|广府话",
    "nan": "hokkien|minnan|min nan|taiwanese|taiwanese hokkien|闽南语|閩南語|台语|台語|闽南话",
    "wuu": "shanghainese|wu chinese|上海话|上海話|吴语|吳語",
    "hak": "hakka|客家话|客家話",
    "fil": "filipino|tagalog",
    "fa": "farsi",
    "he": "hebrew",
}

# CLDR region codes that are no country of a film ("Unknown Region", "European Union", ...).
_NOT_COUNTRIES = frozenset({"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"})
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")


def _key(text: str) -> str:
    return title_match_key(text)


@cache
def _name_maps() -> tuple[dict[str, str], dict[str, str]]:
    """(country key -> ISO code, language key -> BCP 47 tag), English names winning ties."""
    countries = _alias_map(COUNTRY_ALIASES)
    languages = _alias_map(LANGUAGE_ALIASES)
    for locale in _name_locales():
        for code, name in locale.territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                countries.setdefault(_key(str(name)), str(code))
        for code, name in locale.languages.items():
            languages.setdefault(_key(str(name)), str(code).replace("_", "-"))
    countries.pop("", None)
    languages.pop("", None)
    return countries, languages


def _alias_map(aliases: dict[str, str]) -> dict[str, str]:
    """Key -> code of every "|"-separated form of the aliases (the first code wins a tie)."""
    out: dict[str, str] = {}
    for code, forms in aliases.items():
        for form in forms.split("|"):
            out.setdefault(_key(form), code)
    return out


def _name_locales() -> list[Locale]:
    """The locales of `NAME_LOCALES` that Babel knows, English first."""
    out = []
    for identifier in NAME_LOCALES.split():
        try:
            out.append(Locale.parse(identifier))
        except (UnknownLocaleError, ValueError):
            continue
    return out


def country_code(name: str) -> str | None:
    """The ISO 3166-1 code for a country name in any language, an alias or a code; else None."""
    text = name.strip()
    upper = text.upper()
    if _COUNTRY_CODE.match(text) and upper in vocab.country_codes():
        return None if upper in _NOT_COUNTRIES else upper
    return _name_maps()[0].get(_key(text))


def language_code(name: str) -> str | None:
    """The BCP 47 tag for a language name in any language, an alias or a tag; else None."""
    text = name.strip()
    found = _name_maps()[1].get(_key(text))
    if found:
        return found
    if _LANGUAGE_CODE.match(text) and vocab.is_language_code(text.replace("_", "-")):
        return text.replace("_", "-")
    return None


@cache
def _role_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for spec in ROLES:
        for label in (spec.code, spec.name_en, spec.name_zh, *spec.aliases):
            out.setdefault(_key(label), spec.code)
    return out


# The extractor's label categories (labels in many languages) for labels ROLES does not list.
_CATEGORY_ROLE = {
    "director": "director",
    "writer": "writer",
    "producer": "producer",
    "executive producer": "executive-producer",
    "cinematography": "cinematography",
    "editor": "editor",
    "sound": "sound",
    "music": "music",
    "cast": "cast",
    "art": "production-design",
    "animation": "animation",
}


def role_code(label: str) -> str | None:
    """The role code for a role label in any language ("Réalisé par" -> director); else None."""
    from .extract.label_match import field_of  # the extractor's multilingual label vocabulary

    key = _key(label)
    roles = _role_map()
    for candidate in (key, key.removesuffix("s"), re.sub(r"\s+by$", "", key)):
        if candidate in roles:
            return roles[candidate]
    field = field_of(label) or ""
    return _CATEGORY_ROLE.get(field.removeprefix("credit:"))


_SYMBOLS = {
    "us$": "USD",
    "usd$": "USD",
    "€": "EUR",
    "£": "GBP",
    "rmb": "CNY",
    "人民币": "CNY",
    "人民幣": "CNY",
    "元": "CNY",
    "hk$": "HKD",
    "nt$": "TWD",
    "₩": "KRW",
    "₹": "INR",
    "₽": "RUB",
    "円": "JPY",
}
_AMOUNT = re.compile(
    r"(?P<num>\d[\d,.\s']*)\s*(?P<scale>million|mio|mln|m|k|thousand|万|萬|千|亿|億)?(?![a-z])",
    re.I,
)
_SCALES = {
    "million": 10**6,
    "mio": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "k": 10**3,
    "thousand": 10**3,
    "千": 10**3,
    "万": 10**4,
    "萬": 10**4,
    "亿": 10**8,
    "億": 10**8,
}


def parse_amount(text: str) -> tuple[Decimal | None, str]:
    """(amount, ISO 4217 currency or "") read from a budget as written; (None, "") if unreadable.

    "347,000 USD" -> (347000, "USD"); "€1.2 million" -> (1200000, "EUR"); "100万元" ->
    (1000000, "CNY"). A bare "$" or "¥" names no one currency, so the currency stays empty.
    """
    m = _AMOUNT.search(text)
    amount = _number(m.group("num")) if m else None
    if amount is None or m is None:
        return None, _currency_in(text)
    amount *= _SCALES.get((m.group("scale") or "").casefold(), 1)
    if amount == amount.to_integral_value():
        amount = amount.quantize(Decimal(1))
    return amount, _currency_in(text)


def _number(digits: str) -> Decimal | None:
    """A number with thousands separators (",", ".", " ", "'") and an optional decimal part."""
    digits = re.sub(r"[\s']", "", digits).strip(",.")
    if digits.count(",") and digits.count("."):
        decimal_mark = "." if digits.rfind(".") > digits.rfind(",") else ","
    elif re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        decimal_mark = None  # "347,000" and "1.234.567" are thousands
    else:
        decimal_mark = "." if "." in digits else ("," if "," in digits else None)
    if decimal_mark:
        whole, _, fraction = digits.rpartition(decimal_mark)
        digits = re.sub(r"[.,]", "", whole) + "." + fraction
    else:
        digits = re.sub(r"[.,]", "", digits)
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _currency_in(text: str) -> str:
    for word in re.findall(r"[A-Za-z]{3}", text):
        if word.upper() == word and word in vocab.currency_codes():
            return word
    low = text.casefold()
    for symbol, code in _SYMBOLS.items():
        if symbol in low:
            return code
    return ""
