"""TTML / DFXP subtitle files, read with pycaption's DFXP reader (see
docs/decisions/pycaption-ttml.md).

pycaption parses the XML with BeautifulSoup's HTML parser, which neither loads a DTD nor expands
entities declared in one, so a file cannot make the server read another file or expand a
billion laughs; the upload's size limit (``SUBTITLE_MAX_BYTES``) bounds the rest.
"""

from __future__ import annotations

import re
import warnings

from bs4 import XMLParsedAsHTMLWarning
from django.utils.translation import gettext as _
from pycaption import CaptionReadError, CaptionReadNoCaptions, DFXPReader

_ROOT = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!DOCTYPE[^>\[]*(\[.*?\])?\s*>\s*)?(<!--.*?-->\s*)*<(\w+:)?tt[\s>]",
    re.DOTALL,
)


class TTMLUnreadableError(ValueError):
    """The file claims to be TTML but cannot be read as one."""


def looks_like_ttml(text: str) -> bool:
    """Does the document start with a ``<tt>`` root (after an XML declaration or comments)?"""
    return bool(_ROOT.match(text[:4096]))


def read_cues(text: str) -> list[tuple[int, int, str]]:
    """(start ms, end ms, text) of every caption in the file's first language, in order."""
    try:
        with warnings.catch_warnings():
            # pycaption parses with the HTML parser on purpose (see above), and calls a
            # BeautifulSoup method that is deprecated: neither is ours to act on.
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            captions = DFXPReader().read(text)
    except CaptionReadNoCaptions:
        return []
    except (CaptionReadError, ValueError, KeyError) as exc:
        raise TTMLUnreadableError(_("This TTML file cannot be read: %(e)s") % {"e": exc}) from exc
    languages = captions.get_languages()
    if not languages:
        return []
    return [
        (caption.start // 1000, caption.end // 1000, caption.get_text())
        for caption in captions.get_captions(languages[0])
    ]
