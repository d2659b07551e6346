"""A deterministic synthetic catalogue for benchmarks: the same seed gives the same films.

Titles and names mix Chinese (simplified and traditional) and Latin scripts, with pinyin in
both name orders and Latin names with diacritics, so search and pages are measured on the
kind of data they serve.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from filmfolio.core.matching import name_match_key
from filmfolio.core.text.pinyin import readings
from filmfolio.core.text.surnames import surname_syllables
from filmfolio.people.models import Person, PersonName

from .records import FilmRecord

# Common surnames and a few read differently as surnames (曾 Zeng, 单 Shan): their Latin
# spelling comes from the one surname table of ``core.text``.
SURNAMES = [
    (han, "".join(surname_syllables(han) or readings(han)).capitalize())
    for han in "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗曾单贾万霍"
]
GIVEN = [
    ("声", "sheng"),
    ("仄", "ze"),
    ("正", "zheng"),
    ("帆", "fan"),
    ("文", "wen"),
    ("宇", "yu"),
    ("思", "si"),
    ("青", "qing"),
    ("雅", "ya"),
    ("明", "ming"),
    ("华", "hua"),
    ("丽", "li"),
    ("军", "jun"),
    ("静", "jing"),
    ("晓", "xiao"),
    ("云", "yun"),
    ("海", "hai"),
    ("峰", "feng"),
    ("兰", "lan"),
    ("杰", "jie"),
]
WESTERN_FIRST = [
    "Anna",
    "José",
    "Léa",
    "Marta",
    "Jonas",
    "Chloé",
    "Dmitri",
    "Inès",
    "Paul",
    "Sofia",
    "Björn",
    "Zoë",
    "Mateo",
    "Agnès",
    "Robert",
    "Émile",
    "Nora",
    "Ilse",
]
WESTERN_LAST = [
    "García",
    "Müller",
    "Dubois",
    "Novák",
    "Rossi",
    "Thirkell",
    "Østergaard",
    "Silva",
    "Kowalski",
    "Lefèvre",
    "Jansen",
    "Moreau",
    "Çelik",
    "Nguyen",
]
TITLE_WORDS = [
    "River",
    "Home",
    "Light",
    "Winter",
    "Rooftop",
    "Harvest",
    "City",
    "Silence",
    "Mountain",
    "Dream",
    "Children",
    "Road",
    "Focus",
    "Sky",
    "Gleaners",
    "Island",
    "Border",
    "Echo",
    "Garden",
    "Factory",
    "Letters",
    "Night",
    "Station",
    "Salt",
]
TITLE_CHARS = "山河城家光冬夜梦路海天风雪花火水田声影归途人间故乡孩子屋顶远方"
FESTIVALS = [
    "Cinéma du Réel",
    "Golden Horse Awards",
    "FIRST International Film Festival",
    "Berlinale Shorts",
    "Yamagata International Documentary Film Festival",
    "IDFA",
    "Visions du Réel",
    "DOK Leipzig",
    "Hot Docs",
    "Sheffield DocFest",
    "Beijing College Student Film Festival",
    "China Documentary Academy Award",
    "Pingyao International Film Festival",
    "Hong Kong International Film Festival",
    "Taipei Film Festival",
    "Clermont-Ferrand Short Film Festival",
    "Sundance",
    "Rotterdam",
    "Locarno",
    "Busan International Film Festival",
]
SECTIONS = [
    "International Competition",
    "First Films Competition",
    "Panorama",
    "Short Film Competition",
    "Special Screenings",
    None,
]
AWARDS = [
    "Best Documentary",
    "Best Short Film",
    "Jury Prize",
    "Audience Award",
    "Best Director",
    "Special Mention",
]
COUNTRIES = ["CN", "TW", "HK", "FR", "DE", "US", "JP", "KR", "GB", "CA", "NL", "CH", "ES"]
LANGUAGES = ["zh", "yue", "en", "fr", "de", "ja", "ko", "es", "nl"]
GENRES = [
    "documentary",
    "drama",
    "comedy",
    "animation",
    "experimental",
    "family",
    "history",
    "music",
    "romance",
    "social-issues",
    "coming-of-age",
]
ROLES = [
    "producer",
    "writer",
    "cinematography",
    "editor",
    "sound-mix",
    "sound-design",
    "music",
    "cast",
    "production-design",
    "executive-producer",
    "colourist",
    "assistant-director",
]
KINDS = ["feature", "short", "documentary", "documentary_short", "animation"]


class CatalogueGenerator:
    """Builds a people pool and then film records, all from one seed."""

    def __init__(self, *, films: int, seed: int) -> None:
        self.films = films
        self.rng = random.Random(seed)
        self.people: list[str] = []

    def create_people(self, batch_size: int = 2000) -> int:
        """Create the people pool in the database (names in every form); returns its size."""
        size = max(40, self.films // 3)
        used: set[str] = set()
        for start in range(0, size, batch_size):
            batch = [self._person(start + i, used) for i in range(min(batch_size, size - start))]
            Person.objects.bulk_create([p for p, _ in batch])
            PersonName.objects.bulk_create(
                [
                    PersonName(person=p, name=n, script=s, order=o, match_key=name_match_key(n))
                    for p, names in batch
                    for n, s, o in names
                ]
            )
            self.people += [p.display_name for p, _ in batch]
        return size

    def _person(self, index: int, used: set[str]) -> tuple[Person, list[tuple[str, str, str]]]:
        rng = self.rng
        if rng.random() < 0.65:
            (sur_h, sur_p) = rng.choice(SURNAMES)
            given = [rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2)))]
            given_h = "".join(g[0] for g in given)
            given_p = "".join(g[1] for g in given).capitalize()
            display = f"{given_p} {sur_p}"
            names = [
                (f"{sur_p} {given_p}", "latin", "family_first"),
                (f"{sur_h}{given_h}", "hans", "family_first"),
            ]
        else:
            display = f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}"
            names = []
        if display in used:
            display = f"{display} {index}"
        used.add(display)
        person = Person(
            display_name=display,
            slug=f"p{index}",
            sort_name=display,
            match_key=name_match_key(display),
        )
        forms = {display: ("latin", "given_first")}
        for name, script, order in names:
            forms.setdefault(name, (script, order))
        return person, [(name, script, order) for name, (script, order) in forms.items()]

    def records(self) -> Iterator[FilmRecord]:
        """The film records, in order."""
        for index in range(self.films):
            yield FilmRecord.model_validate(self._film(index))

    def _film(self, index: int) -> dict:
        rng = self.rng
        kind = rng.choice(KINDS)
        english = " ".join(rng.sample(TITLE_WORDS, rng.choice((1, 2, 3))))
        chinese = "".join(rng.sample(TITLE_CHARS, rng.choice((2, 3, 4))))
        chinese_first = rng.random() < 0.5
        short = kind in ("short", "documentary_short")
        return {
            "slug": f"film-{index}",
            "title": chinese if chinese_first else english,
            "titles": [
                {"text": chinese, "kind": "original", "language": "zh-Hans"},
                {"text": english, "kind": "english", "language": "en"},
            ],
            "year": rng.randint(1995, 2025),
            "kind": kind,
            "genres": rng.sample(GENRES, rng.choice((1, 1, 2))),
            "runtime_minutes": rng.randint(5, 39) if short else rng.randint(40, 180),
            "countries": [{"country": c} for c in rng.sample(COUNTRIES, rng.choice((1, 1, 2, 3)))],
            "languages": [
                {"language": rng.choice(LANGUAGES)},
                {"language": "en", "role": "subtitle"},
            ],
            "visibility": "public" if rng.random() < 0.9 else rng.choice(("unlisted", "private")),
            "texts": [
                {
                    "kind": "logline",
                    "language": "en",
                    "body": f"A film about {english.lower()} and the people who live there.",
                }
            ],
            "credits": self._credits(),
            "festivals": self._festivals(),
        }

    def _credits(self) -> list[dict]:
        rng = self.rng
        people = rng.sample(self.people, min(len(self.people), rng.randint(3, 10)))
        credits = [{"person": {"name": people[0]}, "role": "director"}]
        credits += [{"person": {"name": p}, "role": rng.choice(ROLES)} for p in people[1:]]
        return credits

    def _festivals(self) -> list[dict]:
        rng = self.rng
        entries = []
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            year = rng.randint(2000, 2025)
            won = rng.random() < 0.3
            entries.append(
                {
                    "festival": rng.choice(FESTIVALS),
                    "edition": max(1, year - 1990),
                    "year": year,
                    "section": rng.choice(SECTIONS),
                    "award": rng.choice(AWARDS) if won else None,
                    "result": "won" if won else "selected",
                }
            )
        return entries
