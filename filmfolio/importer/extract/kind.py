"""The film's type (feature, short, documentary, ...) and its genres."""

from __future__ import annotations

import re

from .lexicon import ANIMATION_WORDS, DOCUMENTARY_WORDS, FORMAT_WORDS, is_genre

SHORT_LIMIT = 40
_DOC_SHORT = re.compile(
    r"纪录短片|紀錄短片|documentary short|short documentary|court(?:-| )métrage documentaire|"
    r"cortometraje documental|kurzdokumentar|krótkometrażowy film dokumentalny|"
    r"短編ドキュメンタリー|단편 다큐멘터리|cortometraggio documentario|curta documental|"
    r"curta-metragem documental|kısa belgesel|phim tài liệu ngắn|documentaire court|"
    r"微纪录片|微紀錄片|短纪录片|短紀錄片|纪录短片|紀錄短片|다큐멘터리 단편|단편 다큐|"
    r"documentary/ short|documentary/short|documentary, short|doc short",
)
_ANIMATION = re.compile(
    r"动画片|動畫片|动画短片|動畫短片|animated (?:short|film|feature|documentary|movie)|"
    r"animation film|film d'animation|animationsfilm|анимационен филм|анимационный фильм|"
    r"película de animación|(?:court|long)[- ]métrage d'animation|cortometraje (?:de )?animación|"
    r"cortometraje animado|film d'animazione|cortometraggio d'animazione|filme de animação|"
    r"curta(?:-metragem)? de animação|animatiefilm|film animowany|animerad film|animasyon filmi|"
    r"kısa animasyon|phim hoạt hình|film animasi|мультфильм|мультипликационный|"
    r"ταινία κινουμένων σχεδίων|فيلم رسوم متحركة|فیلم انیمیشن|پویانمایی|アニメーション映画|"
    r"アニメーション作品|短編アニメーション|アニメ映画|애니메이션 영화|단편 애니메이션|"
    r"动画电影|動畫電影|"
    # animation techniques, as format lines state them ("Animación digital 2D", "stop motion")
    r"(?:animation|animación|animazione|animação|animatie|animacja|animace|animasyon|анимация)"
    r"(?: digital| digitale| numérique)? ?[23]d|[23]d[ -](?:animation|animación|animazione|"
    r"animação|animatie|animacja)|stop[- ]motion|claymation|pixilation|rotoscop",
)
# Fiction stated for the film: documentary words elsewhere in the prose (the maker's other
# films) then say nothing of this one.
_FICTION = re.compile(
    r"short fiction film|fiction short|fiction feature|cortometraggio di finzione|"
    r"lungometraggio di finzione|court[- ]métrage de fiction|long[- ]métrage de fiction|"
    r"cortometraje de ficción|largometraje de ficción|curta(?:-metragem)? de ficção|"
    r"longa(?:-metragem)? de ficção|kurzspielfilm|film fabularny|hraný film|"
    r"художественный фильм|игровой фильм|剧情短片|劇情短片"
)
# A plain piece of every animation and short phrase above: the patterns run only on text
# holding one (they start with groups or common letters, so the engine cannot skip ahead).
_ANIMATION_PIECES = (
    "anim",
    "motion",
    "claymation",
    "pixilation",
    "rotoscop",
    "动画",
    "動畫",
    "анимацион",
    "мульт",
    "hoạt hình",
    "κινουμένων",
    "رسوم",
    "انیمیشن",
    "پویانمایی",
    "アニメ",
    "애니메이션",
)
_SHORT_PIECES = (
    "short",
    "court",
    "corto",
    "kurz",
    "късометраж",
    "короткометраж",
    "短",
    "微电",
    "微電",
    "단편",
    "krótko",
    "kısa",
    "kort",
    "ngắn",
    "pendek",
    "قصير",
    "کوتاه",
    "μικρού",
    "curta",
    "krátký",
    "rövid",
)


def _says_animation(text: str) -> bool:
    return any(piece in text for piece in _ANIMATION_PIECES) and bool(_ANIMATION.search(text))


def _says_short(text: str) -> bool:
    return any(piece in text for piece in _SHORT_PIECES) and bool(_SHORT.search(text))


_DOC_PROSE_EN = re.compile(
    r"\b(?:this|the|a|an|her|his|their|our|feature|short)\s+(?:[\w-]+\s+)?documentary\b"
)
# Literal alternatives only (no leading \b): the regex engine can then skip ahead quickly.
_DOC_PROSE = re.compile(
    r"纪录片|紀錄片|记录片|記錄片|documentaire|dokumentarfilm|документален филм|documental|"
    r"documentário|documentario|film dokumentalny|dokumentalny|belgesel|phim tài liệu|"
    r"film dokumenter|dokumentär|документальн|ドキュメンタリー|다큐멘터리|ντοκυμαντέρ|ντοκιμαντέρ|"
    r"فيلم وثائقي|فیلم مستند|dokumentární|مستند|وثائقي|film dokumenter|dokumenter|"
    r"phim tài liệu|documentaristico|dokumentalnego|документальном",
)
_WE_WENT = re.compile(r"^(?:We|I)\s+(?:went|followed|spent|travelled|traveled|filmed)\b")
_SHORT = re.compile(
    r"short film|short movie|court-métrage|court métrage|cortometraje|kurzfilm|късометражен|"
    r"короткометражн|短片|微电影|微電影|단편|短編|krótkometrażow|kısa film|kortfilm|korte film|"
    r"phim ngắn|film pendek|فيلم قصير|فیلم کوتاه|μικρού μήκους|cortometraggio|curta-metragem|"
    r"curta metragem|krátký film|rövidfilm|un corto|il corto|el corto|o curta|"
    r"kurzfilm|kurzspielfilm",
)
_SERIES = re.compile(r"\b(?:tv|web|mini-?)\s?series\b|电视剧|電視劇|网剧|網劇")
_GLUED_WORDS = re.compile(r"[A-Z][a-z]+")
_GENRE_SPLIT = re.compile(r"\s*(?:,|\||/|·|、|;)\s*")


def genres_from_field(value: str, type_field: bool = False) -> list[str]:
    """Genres of a genre (or type) field value; format words left out."""
    out = []
    for part in _GENRE_SPLIT.split(value):
        part = part.strip()
        if " - " in part:
            part = part.split(" - ")[-1].strip()
        key = part.casefold()
        if not part or key in FORMAT_WORDS:
            continue
        if type_field and (key in DOCUMENTARY_WORDS or key == "fiction" or not is_genre(part)):
            continue
        out.append(part)
    return out


def glued_genres(line: str) -> list[str]:
    """Genres glued into one word ("ReleasedDramaComedy"): two or more known genre words."""
    if " " in line.strip() or len(line) > 60:
        return []
    words = [w for w in _GLUED_WORDS.findall(line) if is_genre(w)]
    return words if len(words) >= 2 else []


def decide_type(words: list[str], prose: str, synopsis: str, runtime: int | None) -> str | None:
    """The type enum from explicit words, prose evidence and runtime (corpus conventions)."""
    # The patterns are lower case and run on lowered text: much faster than re.I on long prose.
    explicit = " | ".join(words).lower()
    prose = prose.lower()
    if _DOC_SHORT.search(explicit) or _DOC_SHORT.search(prose):
        return "documentary short"
    keys = {w.strip().casefold() for w in re.split(r"[,|/]", explicit)}
    if keys & ANIMATION_WORDS or _says_animation(prose):
        return "animation"
    if _SERIES.search(explicit):
        return "series"
    if _is_documentary(keys, prose, synopsis):
        return _documentary(runtime)
    return _by_length(explicit, prose, runtime)


def _is_documentary(keys: set[str], prose: str, synopsis: str) -> bool:
    """A documentary by its type words, the page's prose or a first-person synopsis."""
    if keys & DOCUMENTARY_WORDS:
        return True
    if _FICTION.search(prose):
        return False
    return (
        bool(_DOC_PROSE.search(prose))
        or ("documentary" in prose and bool(_DOC_PROSE_EN.search(prose)))
        or bool(_WE_WENT.match(synopsis.strip()))
    )


def _documentary(runtime: int | None) -> str:
    return "documentary short" if runtime is not None and runtime < SHORT_LIMIT else "documentary"


def _by_length(explicit: str, prose: str, runtime: int | None) -> str | None:
    """Short or feature by the runtime, else short when a page says so."""
    if runtime is not None:
        return "short" if runtime < SHORT_LIMIT else "feature"
    if _says_short(explicit) or _says_short(prose):
        return "short"
    return None
