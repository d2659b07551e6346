"""The operator's language for the backup commands, read from the shell's locale.

Django's commands run in English; these commands speak to the person at the terminal, so their
messages follow ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` like other command-line tools.
"""

from __future__ import annotations

import os

from django.conf import settings


def operator_language() -> str:
    """``zh-hans`` for a Chinese locale (``zh_CN.UTF-8``), else the site's default language."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            code = value.split(":", 1)[0].split(".", 1)[0].lower()
            return "zh-hans" if code.startswith("zh") else settings.LANGUAGE_CODE
    return settings.LANGUAGE_CODE
