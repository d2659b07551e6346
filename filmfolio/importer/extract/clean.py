"""Page text cleanup: HTML to text, NFKC, site chrome and anti-scraping garbage removed.

The cleaned text is what every later step reads, and what evidence offsets point into.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

import ftfy

MAX_CHARS = 200_000

_INVISIBLE: dict[int, int | None] = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None
)
# Digits of other scripts read as ASCII digits, one character for one (offsets stay right):
# Arabic-Indic, Persian, Devanagari, Bengali and Thai. Years and running times are numbers.
for _zero in (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50):
    _INVISIBLE.update({_zero + d: ord("0") + d for d in range(10)})
_TRANSLATED = re.compile("[" + "".join(map(re.escape, map(chr, _INVISIBLE))) + "]")
_HTML_HINT = re.compile(r"<(?:html|body|div|p|br|span|script|style|table|td|li|a)\b[^>]*>", re.I)


def _set_of(forms: str, sep: str = "|") -> frozenset[str]:
    """A word set written as one separated string (easier to read than a long list)."""
    return frozenset(form.strip() for form in forms.split(sep))


_BLOCK_TAGS = _set_of(
    "p div br li tr td th h1 h2 h3 h4 h5 h6 dt dd section article header footer ul ol table "
    "title blockquote pre",
    " ",
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})

# Whole lines that are site chrome, never film data (compared casefolded, trailing dots off).
_CHROME_LINES = _set_of(
    "loading|loading more stuff|loading videos|loading…|"
    "hmm…it looks like things are taking a while to load. try again?|"
    "hmm...it looks like things are taking a while to load. try again?|"
    "%d bloggers like this:|like this:|like loading|share:|share|share this:|twitter|"
    "facebook|instagram|pinterest|email|print|reddit|tumblr|whatsapp|linkedin|"
    "skip to content|skip to main content|menu|search|log in|login|sign in|sign up|register|"
    "subscribe|book online|private project|public project|add director biography|"
    "event collection|read more|show more|see more|more|back to top|watch trailer|trailer|"
    "add to watchlist|watchlist|rate this|details|related|accept|accept all|reject all|"
    "manage cookies|cookie settings|got it|close|ok|view the full version|shooting album|更多|"
    "分享|登录|注册|返回顶部|阅读全文|展开全部|收起"
)
_CHROME_RE = re.compile(
    r"(?:we use cookies|this (?:web)?site uses cookies|cookie policy|accept (?:all )?cookies|"
    r"by continuing to (?:browse|use)|all rights reserved|privacy policy|terms of (?:use|service)"
    r"|nous utilisons des cookies|wir verwenden cookies|utilizamos cookies|本站使用cookie)",
    re.I,
)
# Headings after which a page talks about other films or sources: analysis stops there.
_TAIL_HEADINGS = re.compile(
    r"^(?:other movies|recommended(?: movies| videos| films)?|you may also like|"
    r"you might also like|more like this|related (?:movies|films|videos|posts)|"
    r"similar (?:movies|films)|references|notes and references|external links|comments|"
    r"leave a (?:reply|comment)|films similaires|autres films|weitere filme|ähnliche filme|"
    r"películas similares|referencias|препратки|източници|външни препратки|примечания|"
    r"ссылки|相关推荐|猜你喜欢|相关影片|参考资料|參考資料|热门推荐)\s*:?$",
    re.I,
)
# Anti-scraping garbage: runs of 1-2 character ASCII tokens such as "r6 p! j9 M8 z$ e*".
# A run starts after a space, a non-ASCII character or at the start (one lookbehind: fast).
_GARBAGE = re.compile(r"(?<![!-~])(?:[!-~]{1,2}[ \t]+){5,}")
_TLDS = r"\.(?:com|net|org|cn|tw|hk|info|tv|io|co)\b(?=[^\x00-\x7f])"
_GLUED_DOMAIN = re.compile(rf"(?<![a-z0-9-])[a-z0-9-]*(?:\.[a-z0-9-]+)*{_TLDS}", re.I)
_GLUED_TLD = re.compile(_TLDS, re.I)  # cheap test first: the full pattern is slow on prose


_WINDOW_SEP = re.compile(r"\s[-–—|·:]\s|\s?[|｜]\s?")
_BRACKET_YEAR = re.compile(r"\((?:1[89]|20)\d\d\)")


class _TextCollector(HTMLParser):
    """Collects visible text, one block element per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.window_title: list[str] = []
        self.og_title = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            self._meta(dict(attrs))
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def _meta(self, attrs: dict) -> None:
        """The Open Graph (or Twitter card) title: the page's own name for what it shows."""
        key = (attrs.get("property") or attrs.get("name") or "").casefold()
        if key in ("og:title", "twitter:title") and not self.og_title:
            self.og_title = (attrs.get("content") or "").strip()

    def head_lines(self, body: str) -> list[str]:
        """The Open Graph title and the window title, each once, for the top of the text: the
        window title when it holds a year in brackets, else its first part when the body
        repeats it (a site's own name there is no title)."""
        window = " ".join("".join(self.window_title).split())
        first = _WINDOW_SEP.split(window, maxsplit=1)[0].strip()
        if not _BRACKET_YEAR.search(window):
            window = first if len(first) > 1 and first in body else ""
        return list(dict.fromkeys(t for t in (self.og_title, window) if t))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.window_title.append(data)
        elif not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document: scripts and styles dropped, entities decoded."""
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    body = html.unescape("".join(parser.parts))
    return "".join(f"{line}\n" for line in parser.head_lines(body)) + body


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than page text."""
    return len(_HTML_HINT.findall(text[:20_000])) >= 3


def _is_garbage_run(match: re.Match) -> bool:
    """A run is garbage when several of its tokens mix symbols or digits into letters."""
    tokens = match.group().split()
    odd = sum(1 for t in tokens if not t.isalpha() or (len(t) == 2 and not t.isalnum()))
    return odd >= 3


def strip_garbage(line: str) -> str:
    """Remove anti-scraping runs and glued forum domains from one line."""
    line = _GARBAGE.sub(lambda m: " " if _is_garbage_run(m) else m.group(), line)
    return _GLUED_DOMAIN.sub(" ", line) if _GLUED_TLD.search(line) else line


def is_chrome(line: str) -> bool:
    """True for a line that is site chrome (loading notices, share buttons, cookie text)."""
    folded = line.strip().casefold()
    key = folded.rstrip(".…").strip()
    if not key:
        return False
    if key in _CHROME_LINES or folded in _CHROME_LINES:
        return True
    return len(key) < 300 and _may_be_chrome(key) and bool(_CHROME_RE.search(key))


# A piece of each chrome sentence without "i" or "s" (which the pattern's case-insensitive
# match also finds as "ı" and "ſ"): a casefolded line without any of them is no such sentence.
_CHROME_PIECES = re.compile("cook|by cont|all r|vacy pol|term")


def _may_be_chrome(key: str) -> bool:
    return bool(_CHROME_PIECES.search(key))


# UTF-8 read as Windows-1252 or Latin-1: a lead character such as "Ã" or "â" followed by one
# that stands for a continuation byte ("Ã©", "â€™"). Only such text is handed to ftfy.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122"
    "\u0161\u203a\u0153\u017e\u0178]"
)


def repair_mojibake(text: str) -> str:
    """Text decoded with the wrong encoding, repaired ("rÃ©alisÃ©" → "réalisé").

    Only the encoding is fixed (`ftfy.fix_encoding`): quotes, widths and ligatures stay as
    the page writes them.
    """
    return ftfy.fix_encoding(text) if _MOJIBAKE.search(text) else text


def normalise(text: str) -> str:
    """NFKC, invisible characters removed, newlines unified, tabs to spaces."""
    text = unicodedata.normalize("NFKC", text)
    if _TRANSLATED.search(text):  # translating costs a look-up per character
        text = text.translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return text.replace("\u2028", "\n").replace("\u2029", "\n")


def clean_text(text: str) -> tuple[str, list[str]]:
    """(cleaned text, warnings). Caps the work at MAX_CHARS characters."""
    warnings: list[str] = []
    if len(text) > MAX_CHARS:
        warnings.append(f"long input: only the first {MAX_CHARS} characters were analysed")
        text = text[:MAX_CHARS]
    if looks_like_html(text):
        text = html_to_text(text)
    text = normalise(repair_mojibake(text))
    kept: list[str] = []
    for raw in text.split("\n"):
        if not raw or raw.isspace():  # a blank line stays one, whatever follows
            kept.append("")
            continue
        line = strip_garbage(raw).rstrip()
        if is_chrome(line):
            continue
        if kept and _TAIL_HEADINGS.match(line.strip()):
            break
        kept.append(line)
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    if not cleaned.strip():
        warnings.append("empty page: no text to analyse")
    return cleaned, warnings
