"""The controlled role vocabulary: code, English and Chinese names, category, other labels.

Kept as data so a migration and ``filmfolio demo`` can bring the ``Role`` table up to date,
and the importer can recognise role labels in several languages.
"""

from __future__ import annotations

from typing import NamedTuple

from .choices import RoleCategory as C


class RoleSpec(NamedTuple):
    code: str
    name_en: str
    name_zh: str
    category: str
    aliases: tuple[str, ...] = ()


ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(
        "director",
        "Director",
        "导演",
        C.DIRECTOR,
        (
            "Directed by",
            "Réalisé par",
            "Réalisation",
            "Regie",
            "Dirección",
            "Режисьор",
            "Режиссёр",
            "導演",
            "监督",
            "監督",
            "拍摄",
        ),
    ),
    RoleSpec("co-director", "Co-director", "联合导演", C.DIRECTOR, ("Codirector", "联合執導")),
    RoleSpec(
        "producer",
        "Producer",
        "制片人",
        C.PRODUCER,
        ("Produced by", "Production", "Producteur", "Produzent", "Productor", "製片", "制片"),
    ),
    RoleSpec(
        "executive-producer",
        "Executive producer",
        "监制",
        C.PRODUCER,
        ("Executive Producer", "Producteur exécutif", "監製", "出品人"),
    ),
    RoleSpec("co-producer", "Co-producer", "联合制片人", C.PRODUCER, ("Coproducer",)),
    RoleSpec(
        "writer",
        "Writer",
        "编剧",
        C.WRITER,
        ("Screenplay", "Written by", "Scénario", "Drehbuch", "Guion", "編劇"),
    ),
    RoleSpec(
        "cinematography",
        "Cinematography",
        "摄影",
        C.CINEMATOGRAPHY,
        (
            "Director of Photography",
            "DoP",
            "Cinematographer",
            "Image",
            "Kamera",
            "Fotografía",
            "攝影",
            "摄影指导",
        ),
    ),
    RoleSpec(
        "editor",
        "Editor",
        "剪辑",
        C.EDITOR,
        ("Editing", "Film Editing", "Montage", "Schnitt", "Montaje", "剪輯"),
    ),
    RoleSpec("sound-mix", "Sound mix", "混音", C.SOUND, ("Sound Mixer", "Re-recording mixer")),
    RoleSpec("sound-design", "Sound design", "声音设计", C.SOUND, ("Sound Designer", "聲音設計")),
    RoleSpec(
        "sound", "Sound", "录音", C.SOUND, ("Sound recording", "Son", "Ton", "Sonido", "錄音")
    ),
    RoleSpec(
        "music",
        "Music",
        "音乐",
        C.MUSIC,
        ("Composer", "Original Music", "Musique", "Musik", "Música", "作曲", "音樂"),
    ),
    RoleSpec(
        "cast",
        "Cast",
        "演员",
        C.CAST,
        ("Actor", "Actress", "Starring", "Avec", "Darsteller", "Reparto", "主演", "演員"),
    ),
    RoleSpec("narrator", "Narrator", "旁白", C.CAST, ("Voice", "Narration")),
    RoleSpec(
        "production-design",
        "Production design",
        "美术设计",
        C.ART,
        ("Production Designer", "Art Director", "Art Direction", "美术指导", "美術"),
    ),
    RoleSpec("costume", "Costume design", "服装设计", C.ART, ("Costumes", "服装")),
    RoleSpec("animation", "Animation", "动画", C.ANIMATION, ("Animator", "動畫")),
    RoleSpec(
        "post-production",
        "Post-production",
        "后期制作",
        C.POST_PRODUCTION,
        ("Post-production supervisor", "Post Production", "後期製作"),
    ),
    RoleSpec("colourist", "Colourist", "调色", C.POST_PRODUCTION, ("Colorist", "Color grading")),
    RoleSpec("visual-effects", "Visual effects", "视觉特效", C.POST_PRODUCTION, ("VFX",)),
    RoleSpec("assistant-director", "Assistant director", "副导演", C.OTHER, ("1st AD",)),
    RoleSpec("casting", "Casting", "选角", C.OTHER, ()),
    RoleSpec("stills", "Stills photography", "剧照", C.OTHER, ("Still photographer",)),
    RoleSpec("translation", "Translation", "翻译", C.OTHER, ("Subtitles", "字幕")),
    RoleSpec("other", "Other", "其他", C.OTHER, ()),
)

GENRES: tuple[tuple[str, str, str], ...] = (
    ("documentary", "Documentary", "纪录片"),
    ("drama", "Drama", "剧情"),
    ("comedy", "Comedy", "喜剧"),
    ("animation", "Animation", "动画"),
    ("experimental", "Experimental", "实验"),
    ("essay", "Essay film", "散文电影"),
    ("family", "Family", "家庭"),
    ("history", "History", "历史"),
    ("music", "Music", "音乐"),
    ("romance", "Romance", "爱情"),
    ("thriller", "Thriller", "惊悚"),
    ("horror", "Horror", "恐怖"),
    ("science-fiction", "Science fiction", "科幻"),
    ("fantasy", "Fantasy", "奇幻"),
    ("crime", "Crime", "犯罪"),
    ("war", "War", "战争"),
    ("biography", "Biography", "传记"),
    ("social-issues", "Social issues", "社会议题"),
    ("coming-of-age", "Coming of age", "成长"),
    ("fiction", "Fiction", "虚构"),
)
