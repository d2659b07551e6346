"""Word lists for values that appear without a label: countries, languages, genres, kinds.

Only used to classify the parts of unlabelled fact lines ("China | 2018 | Mandarin | 74min");
labelled values are copied as the page writes them.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

# CLDR locales whose country and language names are known (the languages of the pages we
# expect; loading every CLDR locale costs seconds per process for names no page uses).
CLDR_LOCALES = [
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "sv",
    "da",
    "nb",
    "nn",
    "fi",
    "pl",
    "cs",
    "sk",
    "hu",
    "ro",
    "bg",
    "ru",
    "uk",
    "sr",
    "hr",
    "bs",
    "sl",
    "el",
    "tr",
    "ar",
    "he",
    "fa",
    "hi",
    "bn",
    "ur",
    "ja",
    "ko",
    "zh",
    "zh_Hant",
    "vi",
    "th",
    "id",
    "ms",
    "fil",
    "ca",
    "eu",
    "gl",
    "et",
    "lv",
    "lt",
    "is",
    "ga",
    "cy",
    "sq",
    "mk",
    "be",
    "ka",
    "hy",
    "az",
    "kk",
    "uz",
    "mn",
    "ne",
    "si",
    "ta",
    "te",
    "km",
    "lo",
    "my",
    "sw",
    "af",
    "am",
    "ps",
    "ku",
]
_NOT_COUNTRIES = frozenset({"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"})


def _words(data: str) -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in data.split("|") if w.strip())


COUNTRIES = _words(
    """usa|u.s.a.|us|united states|united states of america|uk|united kingdom|great britain|
    england|scotland|wales|ireland|france|germany|italy|spain|portugal|netherlands|belgium|
    switzerland|austria|sweden|norway|denmark|finland|iceland|poland|czech republic|czechia|
    slovakia|hungary|romania|bulgaria|greece|turkey|russia|russian federation|ukraine|belarus|
    serbia|croatia|slovenia|bosnia and herzegovina|north macedonia|albania|estonia|latvia|
    lithuania|georgia|armenia|azerbaijan|kazakhstan|israel|palestine|lebanon|syria|iraq|iran|
    jordan|egypt|morocco|algeria|tunisia|nigeria|ghana|kenya|ethiopia|south africa|senegal|
    china|prc|hong kong|taiwan|macau|japan|south korea|korea|north korea|mongolia|india|
    pakistan|bangladesh|sri lanka|nepal|afghanistan|thailand|vietnam|cambodia|laos|myanmar|
    malaysia|singapore|indonesia|philippines|australia|new zealand|canada|mexico|cuba|
    brazil|argentina|chile|colombia|peru|venezuela|uruguay|bolivia|ecuador|paraguay|
    états-unis|etats-unis|royaume-uni|allemagne|italie|espagne|belgique|suisse|autriche|
    suède|norvège|danemark|pologne|grèce|turquie|russie|chine|japon|corée du sud|inde|
    canadá|brésil|brasil|argentine|mexique|méxico|españa|francia|alemania|italia|reino unido|
    estados unidos|deutschland|frankreich|spanien|italien|vereinigte staaten|japan|china|
    россия|сша|франция|германия|китай|япония|канада|великобритания|италия|испания|
    българия|русия|франция|германия|канада|китай|съединени американски щати|
    中国|中國|中国大陆|中國大陸|大陆|大陸|内地|內地|香港|台湾|台灣|澳门|澳門|日本|韩国|韓國|美国|美國|英国|英國|
    法国|法國|德国|德國|意大利|義大利|西班牙|加拿大|澳大利亚|澳大利亞|印度|俄罗斯|俄羅斯"""
)

LANGUAGES = _words(
    """english|french|german|spanish|italian|portuguese|dutch|swedish|norwegian|danish|
    finnish|polish|czech|slovak|hungarian|romanian|bulgarian|greek|turkish|russian|
    ukrainian|serbian|croatian|hebrew|arabic|persian|farsi|hindi|urdu|bengali|tamil|
    chinese|mandarin|cantonese|japanese|korean|thai|vietnamese|indonesian|malay|tagalog|
    catalan|basque|galician|welsh|irish|icelandic|estonian|latvian|lithuanian|georgian|
    armenian|kurdish|swahili|amharic|yoruba|zulu|tibetan|uyghur|mongolian|hokkien|
    taiwanese|chinese dialect|sign language|no dialogue|without dialogue|
    anglais|français|allemand|espagnol|italien|portugais|russe|chinois|japonais|arabe|
    englisch|französisch|deutsch|spanisch|italienisch|russisch|chinesisch|japanisch|
    inglés|francés|alemán|español|italiano|portugués|ruso|chino|japonés|árabe|
    английски|френски|немски|испански|руски|китайски|английский|французский|немецкий|
    русский|китайский|испанский|
    普通话|普通話|国语|國語|粤语|粵語|广东话|廣東話|汉语|漢語|中文|英语|英語|英文|法语|法語|
    德语|德語|日语|日語|韩语|韓語|西班牙语|俄语|方言|闽南语|閩南語|台语|台語|四川话|上海话"""
)

GENRES = _words(
    """drama|comedy|thriller|horror|romance|action|adventure|crime|mystery|fantasy|
    science fiction|sci-fi|musical|music|war|western|biography|biopic|history|family|
    animation|documentary|experimental|fiction|mockumentary|satire|noir|lgbt|lgbtq|sport|
    dark comedy|black comedy|romantic comedy|coming of age|coming-of-age|melodrama|
    tragicomedy|suspense|special interest|arthouse|
    comédie|drame|documentaire|animation|policier|aventure|fantastique|épouvante|
    komödie|dokumentarfilm|dokumentation|abenteuer|
    comedia|documental|ficción|terror|aventura|animación|suspenso|
    commedia|dramma|documentario|
    драма|комедия|документален|трилър|ужаси|анимация|комедия|документальный|
    剧情|劇情|喜剧|喜劇|纪录片|紀錄片|纪录|紀錄|动画|動畫|爱情|愛情|惊悚|驚悚|恐怖|悬疑|懸疑|
    犯罪|科幻|奇幻|战争|戰爭|历史|歷史|传记|傳記|家庭|音乐|音樂|歌舞|武侠|武俠|动作|動作|
    冒险|冒險|实验|實驗"""
)

DOCUMENTARY_WORDS = _words(
    """documentary|documentaries|documental|documentaire|dokumentarfilm|dokumentation|
    documentario|documentário|документален|документальный|纪录片|紀錄片|纪录|紀錄|
    ドキュメンタリー|non-fiction|nonfiction|다큐멘터리|다큐|ντοκυμαντέρ|ντοκιμαντέρ|
    film dokumentalny|dokumentalny|dokumentární|dokumentární film|belgesel|مستند|وثائقي|
    فيلم وثائقي|phim tài liệu|tài liệu|film dokumenter|dokumenter|dokumentär|dokumentärfilm|
    dokumentar|dokumentarfilm|documentaire|documentairefilm|documentário|documental|
    документальный фильм|документальний|документальний фільм|документальное кино|
    记录片|記錄片|纪实|紀實|ドキュメンタリー映画|dokumentumfilm|documentar|דוקומנטרי|
    สารคดี|docu|doc"""
)
ANIMATION_WORDS = _words(
    """animation|animated|animación|animação|animazione|анимация|анимационен|мультфильм|
    动画|動畫|动画片|動畫片|アニメ|アニメーション|trickfilm|zeichentrick|animationsfilm|
    애니메이션|animacja|animovaný|animasyon|انیمیشن|رسوم متحركة|hoạt hình|animasi|
    κινούμενα σχέδια|animatie|animatiefilm|animaatio|мультипликационный|анімація"""
)
SHORT_WORDS = _words(
    """short|short film|short movie|short films|kurzfilm|court métrage|court-métrage|
    cortometraje|curta-metragem|cortometraggio|късометражен|короткометражный|短片|短編|微电影|
    微電影|단편|단편영화|短編映画|短篇|krótkometrażowy|krótki metraż|kısa film|kısa metraj|
    kortfilm|korte film|phim ngắn|film pendek|فيلم قصير|فیلم کوتاه|ταινία μικρού μήκους|
    μικρού μήκους|curta|curta metragem|corto|krátký film|rövidfilm|scurtmetraj|court"""
)
FEATURE_WORDS = _words(
    """feature|feature film|long métrage|long-métrage|largometraje|spielfilm|lungometraggio|
    пълнометражен|полнометражный|长片|長片|故事片|장편|장편영화|長編|長編映画|
    pełnometrażowy|uzun metraj|speelfilm|lange film|långfilm|spillefilm|phim truyện|
    film panjang|فيلم طويل|فیلم بلند|μεγάλου μήκους|longa-metragem|longa metragem|
    lungometraggio|celovečerní|nagyjátékfilm|lungmetraj|полнометражный фильм"""
)
SERIES_WORDS = _words(
    """series|tv series|web series|mini-series|miniseries|série|serie|сериал|剧集|劇集|
    电视剧|電視劇"""
)
FORMAT_WORDS = SHORT_WORDS | FEATURE_WORDS | SERIES_WORDS


@cache
def cldr_names() -> tuple[frozenset[str], frozenset[str]]:
    """(country names, language names) casefolded, from CLDR in `CLDR_LOCALES`.

    Names that are also genre or format words, and names shorter than three characters, are
    left out: an unlabelled "Drama" or "Mi" is no country or language.
    """
    countries: set[str] = set()
    languages: set[str] = set()
    for loc in _cldr_locales():
        countries.update(_country_names(loc))
        languages.update(_language_names(loc))
    taken = GENRES | FORMAT_WORDS
    return (
        frozenset(n for n in countries if len(n) >= 3 and n not in taken),
        frozenset(n for n in languages if len(n) >= 3 and n not in taken),
    )


def _cldr_locales() -> list[Locale]:
    """The locales of `CLDR_LOCALES` that Babel knows."""
    out = []
    for ident in CLDR_LOCALES:
        try:
            out.append(Locale.parse(ident))
        except (UnknownLocaleError, ValueError):
            continue
    return out


def _country_names(loc: Locale) -> list[str]:
    """The casefolded names of the countries (two-letter territories) in one locale."""
    return [
        name.casefold()
        for code, name in loc.territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]


def _language_names(loc: Locale) -> list[str]:
    """The casefolded names of the languages in one locale (codes for no language left out)."""
    return [
        name.casefold()
        for code, name in loc.languages.items()
        if code not in ("und", "zxx", "mul", "mis")
    ]


def is_country(word: str) -> bool:
    """True for a country name the lexicon or CLDR knows, in any of the CLDR locales."""
    key = word.strip().casefold()
    return key in COUNTRIES or key in cldr_names()[0]


def is_language(word: str) -> bool:
    """True for a language name the lexicon or CLDR knows, in any of the CLDR locales."""
    key = word.strip().casefold()
    return key in LANGUAGES or key in cldr_names()[1]


def is_genre(word: str) -> bool:
    """True for a genre word the lexicon knows."""
    return word.strip().casefold() in GENRES
