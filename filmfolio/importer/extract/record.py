"""The extracted film record and the provenance of each value.

`ExtractedRecord.to_gold_dict()` returns the corpus gold schema plus three optional keys:
``confidence`` (field -> 0..1), ``spans`` (field -> [[start, end], ...] offsets into the cleaned
text) and ``warnings``. A review form can use the spans to highlight where a value came from and
the confidence to mark unsure values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SURE = 0.9
LIKELY = 0.7
UNSURE = 0.5
GUESSED = 0.3  # read off a handle or domain name, confirmed by the page's words


@dataclass(frozen=True)
class Evidence:
    """Where one value came from: offsets into the cleaned text, a confidence and the rule."""

    field: str
    value: object
    start: int
    end: int
    confidence: float
    rule: str


@dataclass
class Credit:
    """One person in one role, the role as the page labels it."""

    role: str
    name: str


@dataclass
class FestivalEntry:
    """One festival or award event for this film."""

    festival: str
    edition: str | None = None
    year: int | None = None
    section: str | None = None
    award: str | None = None
    result: str | None = None
    date: str | None = None

    def as_dict(self) -> dict:
        """The entry in the gold schema."""
        return {
            "festival": self.festival,
            "edition": self.edition,
            "year": self.year,
            "section": self.section,
            "award": self.award,
            "result": self.result,
            "date": self.date,
        }


@dataclass
class Specs:
    """Technical specifications as the page states them (colour mapped to an enum)."""

    shooting_format: str | None = None
    aspect_ratio: str | None = None
    sound: str | None = None
    color: str | None = None
    budget: str | None = None


@dataclass
class ExtractedRecord:
    """A film record extracted from one page, with per-value provenance."""

    title: str | None = None
    original_title: str | None = None
    year: int | None = None
    runtime_minutes: int | None = None
    type: str | None = None
    genres: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    subtitles: list[str] = field(default_factory=list)
    directors: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    festivals: list[FestivalEntry] = field(default_factory=list)
    specs: Specs = field(default_factory=Specs)
    synopsis_present: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def note(self, ev: Evidence) -> None:
        """Record where a value came from."""
        self.evidence.append(ev)

    def confidence(self) -> dict[str, float]:
        """The lowest confidence seen per field (a field is as unsure as its weakest value)."""
        out: dict[str, float] = {}
        for ev in self.evidence:
            out[ev.field] = min(out.get(ev.field, 1.0), ev.confidence)
        return out

    def spans(self) -> dict[str, list[list[int]]]:
        """Source offsets per field, in the order the values were found."""
        out: dict[str, list[list[int]]] = {}
        for ev in self.evidence:
            if ev.end > ev.start:
                out.setdefault(ev.field, []).append([ev.start, ev.end])
        return out

    def to_gold_dict(self) -> dict:
        """The record in the corpus gold schema, plus confidence, spans and warnings."""
        return {
            "title": self.title,
            "original_title": self.original_title,
            "year": self.year,
            "runtime_minutes": self.runtime_minutes,
            "type": self.type,
            "genres": list(self.genres),
            "countries": list(self.countries),
            "languages": list(self.languages),
            "subtitles": list(self.subtitles),
            "directors": list(self.directors),
            "credits": [{"role": c.role, "name": c.name} for c in self.credits],
            "festivals": [f.as_dict() for f in self.festivals],
            "specs": {
                "shooting_format": self.specs.shooting_format,
                "aspect_ratio": self.specs.aspect_ratio,
                "sound": self.specs.sound,
                "color": self.specs.color,
                "budget": self.specs.budget,
            },
            "synopsis_present": self.synopsis_present,
            "confidence": self.confidence(),
            "spans": self.spans(),
            "warnings": list(self.warnings),
        }
