"""The relevance set: queries people type and the results they mean, with the rank each needs.

Judged by what a person searching means, not by what the engine returns: many queries fail
today and measure the work still to do. Two catalogues: ``demo`` (``filmfolio demo``: three
films about migrant workers and their children, their people and festivals) and ``generated``
(``filmfolio generate-catalogue --films 1000 --seed 1`` on an empty database; the judged films
come from the generator's own data: exact titles, a person's directed films, an edition's
films). Each expected result is a page address with the rank it must reach (1: first; 3: at
the top; 10: on the first screen). ``evaluation.py`` computes MRR and nDCG@10 from it.

Queries are split by a hash of their text into ``dev`` (two thirds, to tune the ranking
against) and ``check`` (a third, to verify on; see STYLE's evaluation-data rule).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

GENERATED_FILMS = 1000
GENERATED_SEED = 1

OOF = "/films/out-of-focus/"
GLEANERS = "/films/the-home-gleaners/"
SKY = "/films/when-we-meet-under-the-same-sky/"
ZHU = "/people/shengze-zhu/"
YANG = "/people/zhengfan-yang/"
HUO = "/people/siya-huo/"
ZHANG = "/people/zhang-siqing/"
YAN = "/people/yan-wenyu/"
GAO = "/people/gao-jun/"
WAN = "/people/wan-jin/"
THIRKELL = "/people/robert-thirkell/"
REEL = "/festivals/cinema-du-reel/"
HORSE = "/festivals/golden-horse-awards/"
BCSFF = "/festivals/beijing-college-student-film-festival/"
CDAA = "/festivals/china-documentary-academy-award/"
ROOSTER = "/festivals/international-micro-film-exhibition-of-china-golden-rooster-baihua-film-fe/"


@dataclass(frozen=True)
class Query:
    """One query, its group, its catalogue and the results it must bring (address: rank)."""

    catalogue: str
    group: str
    text: str
    expected: dict[str, int]

    @property
    def split(self) -> str:
        """``check`` for about a third of the queries, fixed by the text alone."""
        return "check" if zlib.crc32(self.text.encode()) % 3 == 0 else "dev"


def _demo(group: str, rows: list[tuple[str, dict[str, int]]]) -> list[Query]:
    return [Query("demo", group, text, expected) for text, expected in rows]


def _gen(group: str, rows: list[tuple[str, dict[str, int]]]) -> list[Query]:
    return [Query("generated", group, text, expected) for text, expected in rows]


def _film(number: int) -> str:
    return f"/films/film-{number}/"


def _person(number: int) -> str:
    return f"/people/p{number}/"


DEMO = [
    *_demo(
        "chinese",
        [
            ("虚焦", {OOF: 1}),
            ("虛焦", {OOF: 1}),
            ("焦", {OOF: 3}),
            ("虚", {OOF: 3}),
            ("朱声仄", {ZHU: 1, OOF: 3}),
            ("朱聲仄", {ZHU: 1, OOF: 3}),
            ("声仄", {ZHU: 1}),
            ("杨正帆", {YANG: 1, OOF: 3}),
            ("楊正帆", {YANG: 1, OOF: 3}),
            ("金马奖", {HORSE: 1, GLEANERS: 3}),
            ("金馬獎", {HORSE: 1, GLEANERS: 3}),
            ("金马", {HORSE: 1}),
            ("北京大学生电影节", {BCSFF: 1, GLEANERS: 3}),
            ("北京大學生電影節", {BCSFF: 1, GLEANERS: 3}),
            ("武汉", {OOF: 1}),
            ("武漢", {OOF: 1}),
            ("流动儿童", {OOF: 1}),
            ("流動兒童", {OOF: 1}),
            ("屋顶学校", {OOF: 1}),
            ("農民工", {SKY: 3, OOF: 10, GLEANERS: 10}),
            ("纪录片", {OOF: 3, SKY: 3}),
            ("紀錄片", {OOF: 3, SKY: 3}),
            ("短片", {GLEANERS: 1}),
            ("剧情片", {GLEANERS: 1}),
            ("中国", {SKY: 10, GLEANERS: 10, OOF: 10}),
        ],
    ),
    *_demo(
        "pinyin",
        [
            ("Zhu Shengze", {ZHU: 1, OOF: 3}),
            ("Shengze Zhu", {ZHU: 1, OOF: 3}),
            ("zhushengze", {ZHU: 1, OOF: 3}),
            ("shengze", {ZHU: 1}),
            ("zhu sheng ze", {ZHU: 1, OOF: 3}),
            ("Yang Zhengfan", {YANG: 1, OOF: 3}),
            ("Zhengfan Yang", {YANG: 1, OOF: 3}),
            ("Huo Siya", {HUO: 1, OOF: 3}),
            ("Siya Huo", {HUO: 1, OOF: 3}),
            ("Zhang Siqing", {ZHANG: 1, GLEANERS: 3}),
            ("Siqing Zhang", {ZHANG: 1, GLEANERS: 3}),
            ("Yan Wenyu", {YAN: 1, SKY: 3}),
            ("Wenyu Yan", {YAN: 1, SKY: 3}),
            ("Gao Jun", {GAO: 1, SKY: 3}),
            ("Jun Gao", {GAO: 1, SKY: 3}),
            ("Wan Jin", {WAN: 1, SKY: 3}),
            ("Jin Wan", {WAN: 1, SKY: 3}),
            ("xujiao", {OOF: 1}),
            ("xu jiao", {OOF: 1}),
            ("Xu Jiao", {OOF: 1}),
            ("jinmajiang", {HORSE: 1}),
            ("jin ma jiang", {HORSE: 1}),
            ("wu han", {OOF: 1}),
            ("jilupian", {OOF: 3, SKY: 3}),
        ],
    ),
    *_demo(
        "english",
        [
            ("Out of Focus", {OOF: 1}),
            ("out of focus", {OOF: 1}),
            ("focus", {OOF: 1}),
            ("The Home Gleaners", {GLEANERS: 1}),
            ("home gleaners", {GLEANERS: 1}),
            ("gleaners", {GLEANERS: 1}),
            ("When we meet under the same sky", {SKY: 1}),
            ("under the same sky", {SKY: 1}),
            ("same sky", {SKY: 1}),
            ("Robert Thirkell", {THIRKELL: 1, SKY: 3}),
            ("Burn The Film", {OOF: 3}),
            ("Golden Horse Awards", {HORSE: 1, GLEANERS: 3}),
            ("Golden Horse", {HORSE: 1, GLEANERS: 3}),
            ("Cinéma du Réel", {REEL: 1, OOF: 3}),
            ("China Documentary Academy Award", {CDAA: 1, SKY: 3}),
            ("Golden Rooster", {ROOSTER: 1, SKY: 3}),
            ("Beijing College Student Film Festival", {BCSFF: 1, GLEANERS: 3}),
            ("Best Short Film", {GLEANERS: 1}),
            ("student film", {GLEANERS: 3}),
            ("China Dream", {SKY: 1}),
        ],
    ),
    *_demo(
        "other-languages",
        [
            ("Dokumentarfilm", {OOF: 3, SKY: 3}),
            ("documentaire", {OOF: 3, SKY: 3}),
            ("documental", {OOF: 3, SKY: 3}),
            ("Kurzfilm", {GLEANERS: 1}),
            ("court métrage", {GLEANERS: 1}),
            ("cortometraje", {GLEANERS: 1}),
            ("enfants migrants", {OOF: 1}),
            ("niños migrantes", {OOF: 1}),
            ("Wanderarbeiter", {SKY: 3, OOF: 10, GLEANERS: 10}),
            ("travailleurs migrants", {SKY: 3, OOF: 10, GLEANERS: 10}),
            ("Flou", {OOF: 10}),
            ("Cinema du Reel", {REEL: 1, OOF: 3}),
        ],
    ),
    *_demo(
        "subjects",
        [
            ("migrant", {OOF: 3, SKY: 3, GLEANERS: 3}),
            ("migrants", {OOF: 3, SKY: 3, GLEANERS: 3}),
            ("migrant children", {OOF: 1, GLEANERS: 3}),
            ("migrant workers", {SKY: 3, GLEANERS: 3, OOF: 3}),
            ("rooftop", {OOF: 1}),
            ("rooftop school", {OOF: 1}),
            ("wuhan", {OOF: 1}),
            ("Wuhan children", {OOF: 1}),
            ("photography", {OOF: 1}),
            ("cameras", {OOF: 1}),
            ("schools", {GLEANERS: 3, OOF: 3}),
            ("Beijing alleys", {GLEANERS: 1}),
            ("graduation project", {GLEANERS: 1}),
            ("entrepreneur", {SKY: 1}),
            ("reality television", {SKY: 1}),
            ("BBC", {SKY: 1}),
            ("city", {OOF: 10, SKY: 10}),
        ],
    ),
    *_demo(
        "kinds-genres",
        [
            ("documentary", {OOF: 3, SKY: 3}),
            ("documentaries", {OOF: 3, SKY: 3}),
            ("short", {GLEANERS: 1}),
            ("short film", {GLEANERS: 1}),
            ("drama", {GLEANERS: 1}),
            ("student", {GLEANERS: 1}),
            ("documentary 2013", {OOF: 1}),
            ("documentary China", {SKY: 3, OOF: 3}),
        ],
    ),
    *_demo(
        "festivals",
        [
            ("Golden Horse 49", {GLEANERS: 1, HORSE: 3}),
            ("golden horse 49th", {GLEANERS: 1, HORSE: 3}),
            ("金马奖 49", {GLEANERS: 1, HORSE: 3}),
            ("第49届金马奖", {GLEANERS: 1, HORSE: 3}),
            ("cinéma du réel 36", {OOF: 1, REEL: 3}),
            ("cinema du reel 2014", {OOF: 1, REEL: 3}),
            ("Cinéma du Réel 2014", {OOF: 1, REEL: 3}),
            ("China Documentary Academy Award 7", {SKY: 1, CDAA: 3}),
            ("China Documentary Academy Award 2017", {SKY: 1, CDAA: 3}),
            ("Golden Rooster 2018", {SKY: 1, ROOSTER: 3}),
            ("Beijing College Student Film Festival 2013", {GLEANERS: 1, BCSFF: 3}),
            ("Golden Horse Best Short Film", {GLEANERS: 1}),
        ],
    ),
    *_demo(
        "typos",
        [
            ("Zhu Shenze", {ZHU: 1, OOF: 3}),
            ("Shengze Chu", {ZHU: 1}),
            ("Out of Fcous", {OOF: 1}),
            ("Out of Focs", {OOF: 1}),
            ("Home Gleeners", {GLEANERS: 1}),
            ("Gleanres", {GLEANERS: 1}),
            ("migrnat", {OOF: 3, SKY: 3, GLEANERS: 3}),
            ("documentery", {OOF: 3, SKY: 3}),
            ("Golden Hores", {HORSE: 1}),
            ("Robert Thirkel", {THIRKELL: 1}),
            ("Zhengfan Yan", {YANG: 1}),
            ("rooftp", {OOF: 1}),
        ],
    ),
]

GENERATED = [
    *_gen(
        "english",
        [
            ("Dream Border", {_film(677): 1}),
            ("Salt Gleaners Factory", {_film(281): 1}),
            ("Dream Salt", {_film(786): 1}),
            ("Dream Children Border", {_film(382): 1}),
            ("Island Night", {_film(868): 1}),
            ("Light Station Rooftop", {_film(742): 1}),
            ("Harvest Dream Letters", {_film(920): 1}),
            ("River Focus Gleaners", {_film(783): 1}),
            ("winter dream island", {_film(705): 1}),
            ("factory light", {_film(572): 1}),
            ("mountain echo", {_film(25): 1}),
            ("winter rooftop factory", {_film(499): 1}),
            ("Silence Dream", {_film(846): 1}),
            ("Garden Mountain Station", {_film(278): 1}),
        ],
    ),
    *_gen(
        "chinese",
        [
            ("水路冬河", {_film(205): 1}),
            ("故路间", {_film(152): 1}),
            ("故路間", {_film(152): 1}),
            ("天山间风", {_film(478): 1}),
            ("天山間風", {_film(478): 1}),
            ("顶山梦光", {_film(593): 1}),
            ("頂山夢光", {_film(593): 1}),
            ("家人路", {_film(319): 1}),
            ("海水远家", {_film(489): 1}),
            ("海水遠家", {_film(489): 1}),
            ("城山", {_film(718): 1}),
            ("天城", {_film(302): 1}),
            ("乡天", {_film(533): 1}),
            ("鄉天", {_film(533): 1}),
            ("河梦", {_film(371): 1}),
            ("河夢", {_film(371): 1}),
            ("光田", {_film(982): 1}),
            ("李思兰", {_person(58): 1, _film(68): 10, _film(744): 10}),
            ("陈明静", {_person(279): 1, _film(581): 10, _film(785): 10}),
            ("陳明靜", {_person(279): 1, _film(581): 10, _film(785): 10}),
            ("孙华声", {_person(153): 1, _film(20): 10, _film(117): 10}),
            ("孫華聲", {_person(153): 1, _film(20): 10, _film(117): 10}),
        ],
    ),
    *_gen(
        "pinyin",
        [
            ("Li Silan", {_person(58): 1, _film(68): 10, _film(744): 10}),
            ("Silan Li", {_person(58): 1, _film(68): 10, _film(744): 10}),
            ("Wu Huafeng", {_person(268): 1, _film(226): 10, _film(662): 10, _film(672): 10}),
            ("Huafeng Wu", {_person(268): 1, _film(226): 10, _film(662): 10, _film(672): 10}),
            ("chenmingjing", {_person(279): 1, _film(581): 10, _film(785): 10}),
            ("Mingjing Chen", {_person(279): 1, _film(581): 10, _film(785): 10}),
            ("Liu Ze", {_person(220): 1, _film(30): 10, _film(673): 10, _film(776): 10}),
            ("Yang Yaming", {_person(43): 1, _film(87): 10, _film(286): 10}),
            ("Yaming Yang", {_person(43): 1, _film(87): 10, _film(286): 10}),
            ("zhu jing si", {_person(45): 1, _film(642): 10, _film(901): 10}),
            ("Jingsi Zhu", {_person(45): 1, _film(642): 10, _film(901): 10}),
            ("Huo Yunjun", {_person(1): 1, _film(42): 10, _film(196): 10}),
            ("Zeng Mingfan", {_person(302): 1, _film(721): 10, _film(823): 10}),
            ("Zhang Wenwen", {_person(75): 1, _film(564): 10, _film(717): 10}),
            ("Wenwen Zhang", {_person(75): 1, _film(564): 10, _film(717): 10}),
            ("Wu Hai", {_person(271): 1, _film(112): 10, _film(164): 10}),
            ("shuiludonghe", {_film(205): 1}),
            ("shui lu dong he", {_film(205): 1}),
            ("chengshan", {_film(718): 1}),
            ("hemeng", {_film(371): 1}),
        ],
    ),
    *_gen(
        "other-languages",
        [
            ("Ilse Novak", {_person(26): 1, _film(188): 10, _film(193): 10}),
            ("Ilse Novák", {_person(26): 1, _film(188): 10, _film(193): 10}),
            ("Agnes Nguyen", {_person(47): 1, _film(430): 10, _film(448): 10}),
            ("Agnès Nguyen", {_person(47): 1, _film(430): 10, _film(448): 10}),
            ("Marta Silva", {_person(2): 1, _film(223): 10, _film(229): 10}),
        ],
    ),
    *_gen(
        "festivals",
        [
            ("IDFA 29", {_film(289): 3, _film(655): 3, _film(945): 3}),
            ("IDFA 2019", {_film(289): 3, _film(655): 3, _film(945): 3}),
            ("Berlinale Shorts 30", {_film(104): 1}),
            ("Busan 2020", {_film(201): 10, _film(685): 10, _film(688): 10, _film(748): 10}),
            ("Yamagata 27", {_film(624): 3, _film(861): 3, _film(971): 3}),
            ("Rotterdam 2016", {_film(748): 1}),
            ("Visions du Réel 19", {_film(941): 1}),
            ("Golden Horse 14", {_film(150): 3, _film(986): 3}),
            ("Locarno 2006", {_film(114): 3, _film(637): 3}),
            ("cinema du reel 29", {_film(149): 3, _film(408): 3}),
        ],
    ),
    *_gen(
        "typos",
        [
            ("Dream Bordr", {_film(677): 1}),
            ("Salt Gleeners Factory", {_film(281): 1}),
            ("Harvest Dream Leters", {_film(920): 1}),
            ("Garden Mountian Station", {_film(278): 1}),
            ("Marta Silvia", {_person(2): 1}),
            ("Huafeng Wuu", {_person(268): 1}),
        ],
    ),
]

QUERIES: list[Query] = [*DEMO, *GENERATED]
