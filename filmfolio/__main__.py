"""The `filmfolio` console command: Django's manage.py with Filmfolio's settings."""

import os
import sys


def main() -> None:
    """Run a management command (``filmfolio demo``, ``filmfolio worker``, ...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
