"""Page text cleanup: HTML to text, NFKC, site chrome and anti-scraping garbage removed.

The cleaned text is what every later step reads, and what evidence offsets point into.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

MAX_CHARS = 200_000

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HTML_HINT = re.compile(r"<(?:html|body|div|p|br|span|script|style|table|td|li|a)\b[^>]*>", re.I)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
        "table",
        "title",
        "blockquote",
        "pre",
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})

# Whole lines that are site chrome, never film data (compared casefolded, trailing dots off).
_CHROME_LINES = frozenset(
    [
        "loading",
        "loading more stuff",
        "loading videos",
        "loading…",
        "\n    hmm…it looks like things are taking a while to load. try again?",
        "\n    hmm...it looks like things are taking a while to load. try again?",
        "\n    %d bloggers like this:",
        "like this:",
        "like loading",
        "share:",
        "share",
        "share this:",
        "twitter",
        "facebook",
        "\n    instagram",
        "pinterest",
        "email",
        "print",
        "reddit",
        "tumblr",
        "whatsapp",
        "linkedin",
        "\n    skip to content",
        "skip to main content",
        "menu",
        "search",
        "log in",
        "login",
        "sign in",
        "sign up",
        "register",
        "\n    subscribe",
        "book online",
        "private project",
        "public project",
        "add director biography",
        "\n    event collection",
        "read more",
        "show more",
        "see more",
        "more",
        "back to top",
        "watch trailer",
        "trailer",
        "\n    add to watchlist",
        "watchlist",
        "rate this",
        "details",
        "related",
        "accept",
        "accept all",
        "reject all",
        "\n    manage cookies",
        "cookie settings",
        "got it",
        "close",
        "ok",
        "view the full version",
        "shooting album",
        "\n    更多",
        "分享",
        "登录",
        "注册",
        "返回顶部",
        "阅读全文",
        "展开全部",
        "收起",
    ]
)
_CHROME_LINES = frozenset(x.strip() for x in _CHROME_LINES)
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
_GARBAGE = re.compile(r"(?:(?<=\s)|^|(?<=[^\x00-\x7f]))(?:[!-~]{1,2}[ \t]+){5,}")
_GLUED_DOMAIN = re.compile(
    r"[a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|cn|tw|hk|info|tv|io|co)\b(?=[^\x00-\x7f])", re.I
)


class _TextCollector(HTMLParser):
    """Collects visible text, one block element per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document: scripts and styles dropped, entities decoded."""
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    return html.unescape("".join(parser.parts))


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
    return _GLUED_DOMAIN.sub(" ", line)


def is_chrome(line: str) -> bool:
    """True for a line that is site chrome (loading notices, share buttons, cookie text)."""
    key = line.strip().casefold().rstrip(".…").strip()
    if not key:
        return False
    if key in _CHROME_LINES or line.strip().casefold() in _CHROME_LINES:
        return True
    return len(key) < 300 and bool(_CHROME_RE.search(key))


def normalise(text: str) -> str:
    """NFKC, invisible characters removed, newlines unified, tabs to spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
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
    text = normalise(text)
    kept: list[str] = []
    for raw in text.split("\n"):
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
