"""Genre words in the languages of the label vocabulary, for unlabelled fact lines and groups.

`lexicon.GENRES` holds the genre words of the European languages the first pages used; these
are the common genres (drama, comedy, documentary, animation, thriller, horror, romance,
fiction, experimental, family, history, war, crime, music, adventure, fantasy, science fiction)
as film databases write them in the other languages, one block per language, so a fact line
such as "2018年 / 日本 / 88分 / ドキュメンタリー" or "Belgesel | 2022 | Türkiye" is read whole.
"""

from __future__ import annotations

from functools import cache

from .lexicon import DOCUMENTARY_WORDS, is_genre

_BY_LANGUAGE = {
    "de": "komödie|dokumentarfilm|animationsfilm|spielfilm|liebesfilm|kriegsfilm|krimi|"
    "familienfilm|abenteuer|experimentalfilm|musikfilm|historienfilm|science-fiction",
    "fr": "film d'animation|fiction|expérimental|romance|guerre|historique|musical|famille",
    "es": "comedia|documental|animación|ficción|experimental|romántico|terror|suspenso|"
    "aventura|histórico|bélico|familiar|musical|ciencia ficción|fantasía",
    "it": "commedia|dramma|drammatico|documentario|animazione|finzione|sperimentale|orrore|"
    "avventura|storico|guerra|musicale|fantascienza|sentimentale",
    "pt": "comédia|documentário|animação|ficção|experimental|terror|aventura|histórico|guerra|"
    "musical|ficção científica|fantasia|romance|família",
    "ru": "драма|комедия|документальный|документальный фильм|анимация|мультфильм|триллер|"
    "ужасы|мелодрама|фантастика|военный|исторический|приключения|криминал|семейный|"
    "мюзикл|экспериментальный|художественный",
    "pl": "dramat|komedia|dokument|film dokumentalny|animacja|thriller|horror|romans|"
    "eksperymentalny|wojenny|historyczny|przygodowy|kryminał|familijny",
    "nl": "komedie|documentaire|animatie|fictie|oorlog|misdaad|avontuur|familie|experimenteel",
    "sv": "komedi|dokumentär|animation|skräck|äventyr|krig|familj|experimentell",
    "tr": "dram|komedi|belgesel|animasyon|gerilim|korku|romantik|kurgu|deneysel|savaş|tarih|"
    "suç|macera|aile|müzikal|bilim kurgu|fantastik",
    "el": "δράμα|κωμωδία|ντοκιμαντέρ|κινούμενα σχέδια|θρίλερ|τρόμου|ρομαντική|μυθοπλασία|"
    "πειραματική|πολεμική|ιστορική|περιπέτεια|οικογενειακή",
    "ar": "دراما|كوميديا|وثائقي|فيلم وثائقي|رسوم متحركة|تشويق|رعب|رومانسي|روائي|تجريبي|"
    "حرب|تاريخي|مغامرة|عائلي|موسيقي|خيال علمي",
    "fa": "درام|کمدی|مستند|انیمیشن|هیجان‌انگیز|ترسناک|عاشقانه|داستانی|تجربی|جنگی|تاریخی|"
    "ماجراجویی|خانوادگی|موزیکال|علمی تخیلی",
    "vi": "chính kịch|hài|tài liệu|phim tài liệu|hoạt hình|kinh dị|tình cảm|lãng mạn|"
    "hành động|chiến tranh|lịch sử|phiêu lưu|gia đình|tâm lý|giả tưởng|viễn tưởng",
    "id": "drama|komedi|dokumenter|film dokumenter|animasi|horor|romantis|fiksi|eksperimental|"
    "perang|sejarah|petualangan|keluarga|musikal|laga|fiksi ilmiah",
    "zh": "剧情|劇情|喜剧|喜劇|纪录片|紀錄片|记录片|动画|動畫|惊悚|驚悚|恐怖|爱情|愛情|家庭|"
    "历史|歷史|战争|戰爭|犯罪|冒险|冒險|音乐|音樂|奇幻|科幻|实验|實驗|实验片|實驗片|传记|傳記|"
    "悬疑|懸疑|动作|動作|剧情片|劇情片|纪实|紀實",
    "ja": "ドラマ|コメディ|コメディー|ドキュメンタリー|アニメ|アニメーション|スリラー|ホラー|"
    "ロマンス|恋愛|ミステリー|サスペンス|ファンタジー|sf|戦争|歴史|時代劇|家族|青春|実験映画|"
    "音楽|アクション|劇映画",
    "ko": "드라마|코미디|다큐멘터리|다큐|애니메이션|스릴러|공포|호러|멜로|로맨스|멜로/로맨스|"
    "전쟁|사극|역사|가족|범죄|모험|판타지|뮤지컬|실험|액션|미스터리|SF|극영화",
}


@cache
def _words() -> frozenset[str]:
    forms = "|".join(_BY_LANGUAGE.values()).split("|")
    return frozenset(f.strip().casefold() for f in forms if f.strip()) | DOCUMENTARY_WORDS


def is_genre_word(word: str) -> bool:
    """True for a genre word in any language known here or to the lexicon."""
    return is_genre(word) or word.strip().casefold() in _words()
