"""The PDF engine adapter: HTML in, PDF bytes out (WeasyPrint, fonts from fontconfig).

Knows nothing of films. Chinese text needs a CJK font installed (Debian: fonts-noto-cjk) and
Pango (libpango-1.0-0, libpangoft2-1.0-0).
"""

from __future__ import annotations


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render ``html`` to an A4 PDF (the page size comes from the document's CSS)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()
