"""Laurels drawn from festival entries: one layout, written as SVG (a template) and drawn as PNG
(Pillow, the rasteriser the share card already uses; see docs/decisions/0820-laurels-pillow.md).

A laurel shows the result ("Official selection", "Winner", "Special mention"...), the award,
the festival's name in the page's language (its Chinese name among its names when the page is
Chinese, with the name it is known by beneath), the edition and year, and the section of a
selection. Winners carry a filled star, special mentions an outlined one, selections none.

Evidence is part of the design: an entry only *claimed* by the filmmaker is drawn with hollow
leaves and the words "Claimed by the filmmaker" under the wreath, so it never looks like a
laurel a festival confirmed or a source backs. Sourced and confirmed entries are drawn alike;
the page says which beside them.

``laurel_for`` lays an entry out, ``laurel_svg`` and ``laurel_png`` draw it in one colour
(black or white) on a transparent background, ``laurel_stored`` keeps each drawing per film
version (the views ask ``films.access`` first).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw

from filmfolio.core.drawing import CJK_CHARACTER, FONT_FAMILY, font, wrapped
from filmfolio.core.ordinals import edition_label
from filmfolio.films.page_facts import in_active_language

from .choices import EntryEvidence, EntryResult

WIDTH, HEIGHT = 600, 420
CENTRE_X, CENTRE_Y, RADIUS = 300, 190, 170
TEXT_WIDTH = 270
# Sweep of each branch, in degrees from the bottom of the wreath towards its top.
BRANCH_FROM, BRANCH_TO, LEAF_STEP = 22, 150, 13
LEAF_LENGTH, LEAF_WIDTH = 36, 13
PNG_SCALE = 4  # 2400 × 1680 pixels: large enough for a poster
TONES = {"black": (17, 17, 17), "white": (255, 255, 255)}
LANGUAGES = ("en", "zh-hans")
Point = tuple[float, float]


@dataclass(frozen=True)
class Line:
    """One line of text, centred on the wreath's axis, ``y`` at its baseline."""

    text: str
    y: float
    size: int
    bold: bool = False


@dataclass(frozen=True)
class Laurel:
    """An entry's laurel, laid out: what to draw and where."""

    lines: tuple[Line, ...]
    star: str  # "filled", "outlined" or "" (no star)
    hollow: bool  # claimed: hollow leaves and the claimed mark
    title: str  # the laurel's text on one line (SVG title, alternative text)


def _names(festival: Any) -> list[str]:
    aliases = [a for a in festival.aliases if isinstance(a, str) and a.strip()]
    return [festival.name, *aliases]


def festival_names(festival: Any, language: str) -> tuple[str, str]:
    """(name to show, name beneath it): on a Chinese page the festival's first Chinese name
    with its own name beneath; otherwise its first name that is not Chinese."""
    names = _names(festival)
    if not language.startswith("zh"):
        return next((n for n in names if not CJK_CHARACTER.search(n)), festival.name), ""
    chinese = next((n for n in names if CJK_CHARACTER.search(n)), festival.name)
    return chinese, "" if chinese == festival.name else festival.name


def _headline(entry: Any) -> str:
    return str(EntryResult(entry.result).label)


def _texts(entry: Any, language: str) -> list[tuple[str, int, bool, int]]:
    """(text, size, bold, lines at most) from the top of the laurel down."""
    name, beneath = festival_names(entry.edition.festival, language)
    award = in_active_language(entry.award.name) if entry.award_id else ""
    section = in_active_language(entry.section.name) if entry.section_id and not award else ""
    headline = _headline(entry)
    parts = [
        (headline.upper() if language == "en" else headline, 21, True, 1),
        (award, 20, True, 2),
        (name, 25, True, 2),
        (beneath, 15, False, 1),
        (edition_label(entry.edition), 18, False, 1),
        (section, 15, False, 1),
    ]
    return [part for part in parts if part[0]]


def laurel_for(entry: Any, language: str) -> Laurel:
    """The laurel of ``entry`` (its edition, festival, section and award loaded) in
    ``language``, one of ``LANGUAGES``."""
    draw = ImageDraw.Draw(Image.new("RGBA", (1, 1)))
    with translation.override(language):
        texts = _texts(entry, language)
        claimed = entry.evidence == EntryEvidence.CLAIMED
        mark = _("Claimed by the filmmaker") if claimed else ""
    rows: list[tuple[str, int, bool]] = []
    for text, size, bold, max_lines in texts:
        for row in wrapped(draw, text, font(size, bold=bold), TEXT_WIDTH, max_lines):
            rows.append((row, size, bold))
    height = sum(round(size * 1.3) for _row, size, _bold in rows)
    y = CENTRE_Y - height / 2
    lines = []
    for row, size, bold in rows:
        y += round(size * 1.3)
        lines.append(Line(row, y - size * 0.3, size, bold))
    if mark:
        lines.append(Line(mark.upper() if language == "en" else mark, HEIGHT - 22, 17, True))
    star = {EntryResult.WON: "filled", EntryResult.SPECIAL_MENTION: "outlined"}.get(
        entry.result, ""
    )
    title = " · ".join(line.text for line in lines)
    return Laurel(lines=tuple(lines), star=star, hollow=claimed, title=title)


def _leaf(centre: Point, angle: float) -> list[Point]:
    """A leaf: a pointed ellipse around ``centre`` along ``angle`` (radians)."""
    points = []
    for step in range(16):
        t = 2 * math.pi * step / 16
        along = LEAF_LENGTH / 2 * math.cos(t)
        across = LEAF_WIDTH / 2 * math.sin(t) * abs(math.sin(t)) ** 0.3
        points.append(
            (
                centre[0] + along * math.cos(angle) - across * math.sin(angle),
                centre[1] + along * math.sin(angle) + across * math.cos(angle),
            )
        )
    return points


def _on_arc(theta: float, offset: float = 0) -> Point:
    """The left branch's point ``theta`` degrees up from the bottom, ``offset`` outwards."""
    rad = math.radians(theta)
    return (
        CENTRE_X - (RADIUS + offset) * math.sin(rad),
        CENTRE_Y + (RADIUS + offset) * math.cos(rad),
    )


def _left_branch() -> tuple[list[list[Point]], list[Point]]:
    """The left branch's leaves and its stem (the right branch is its mirror image)."""
    leaves = []
    for theta in range(BRANCH_FROM, BRANCH_TO + 1, LEAF_STEP):
        rad = math.radians(theta)
        upward = math.atan2(-math.sin(rad), -math.cos(rad))  # the stem's direction, growing
        for side in (1, -1):
            x, y = _on_arc(theta + 4, side * 12)
            leaves.append(_leaf((x, y), upward + side * math.radians(28)))
    stem = [_on_arc(theta) for theta in range(BRANCH_FROM - 8, BRANCH_TO + 3, 4)]
    return leaves, stem


def _mirrored(points: list[Point]) -> list[Point]:
    return [(2 * CENTRE_X - x, y) for x, y in points]


def _star() -> list[Point]:
    points = []
    for step in range(10):
        radius = 13 if step % 2 == 0 else 5.5
        angle = math.radians(-90 + 36 * step)
        points.append((CENTRE_X + radius * math.cos(angle), 30 + radius * math.sin(angle)))
    return points


def _shapes() -> tuple[list[list[Point]], list[list[Point]]]:
    leaves, stem = _left_branch()
    return [*leaves, *map(_mirrored, leaves)], [stem, _mirrored(stem)]


def _svg_points(points: list[Point]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def laurel_svg(laurel: Laurel, *, tone: str) -> str:
    """The laurel as an SVG document in ``tone`` (a key of ``TONES``)."""
    leaves, stems = _shapes()
    red, green, blue = TONES[tone]
    return render_to_string(
        "festivals/laurel.svg",
        {
            "laurel": laurel,
            "width": WIDTH,
            "height": HEIGHT,
            "centre_x": CENTRE_X,
            "colour": f"#{red:02x}{green:02x}{blue:02x}",
            "font_family": FONT_FAMILY,
            "leaves": [_svg_points(leaf) for leaf in leaves],
            "stems": [_svg_points(stem) for stem in stems],
            "star": _svg_points(_star()) if laurel.star else "",
        },
    )


def laurel_png(laurel: Laurel, *, tone: str, scale: int = PNG_SCALE) -> bytes:
    """The laurel as a PNG in ``tone`` on a transparent background, ``scale`` times the SVG's
    size."""
    colour = (*TONES[tone], 255)
    image = Image.new("RGBA", (WIDTH * scale, HEIGHT * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def scaled(points: list[Point]) -> list[Point]:
        return [(x * scale, y * scale) for x, y in points]

    leaves, stems = _shapes()
    for stem in stems:
        draw.line(scaled(stem), fill=colour, width=3 * scale, joint="curve")
    for leaf in leaves:
        if laurel.hollow:
            draw.polygon(scaled(leaf), outline=colour, width=2 * scale)
        else:
            draw.polygon(scaled(leaf), fill=colour)
    if laurel.star:
        fill = colour if laurel.star == "filled" else None
        draw.polygon(scaled(_star()), fill=fill, outline=colour, width=2 * scale)
    for line in laurel.lines:
        draw.text(
            (CENTRE_X * scale, line.y * scale),
            line.text,
            font=font(line.size * scale, bold=line.bold),
            fill=colour,
            anchor="ms",
        )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def laurel_stored(entry: Any, *, language: str, tone: str, kind: str) -> str:
    """The stored drawing (``kind`` "svg" or "png") of ``entry``'s laurel for its film's
    current version, drawn now when there is none yet."""
    film = entry.film
    version = f"{film.pk}-{film.updated_at:%Y%m%d%H%M%S%f}"
    path = f"festivals/laurels/{version}/{entry.pk}-{language}-{tone}.{kind}"
    if not default_storage.exists(path):
        laurel = laurel_for(entry, language)
        if kind == "svg":
            content = laurel_svg(laurel, tone=tone).encode()
        else:
            content = laurel_png(laurel, tone=tone)
        default_storage.save(path, ContentFile(content))
    return path
