"""``filmfolio createadmin``: the first (or another) administrator of the site.

Asks for the e-mail address and the password (twice) at a terminal; ``--email`` with
``--password-file FILE`` (``-`` reads standard input) runs without questions. ``--check``
creates nothing and exits 1 when no administrator exists yet (``make run`` uses it to say how
to make one).
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from filmfolio.accounts.services import admin_create, admin_exists
from filmfolio.core.errors import ValidationFailedError


class Command(BaseCommand):
    help = "Create an administrator account (asks for the address and password)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", help="The administrator's e-mail address.")
        parser.add_argument(
            "--password-file", help="A file holding the password on its first line; - for stdin."
        )
        parser.add_argument(
            "--check", action="store_true", help="Exit 1 when no administrator exists yet."
        )

    def handle(self, *args, **options) -> None:
        if options["check"]:
            if not admin_exists():
                sys.exit(1)
            return
        email = options["email"] or self._ask(_("E-mail address: "))
        if options["password_file"]:
            password = self._read_password(options["password_file"])
        elif options["email"] and not sys.stdin.isatty():
            raise CommandError(_("Give the password with --password-file."))
        else:
            password = self._ask_password()
        try:
            user = admin_create(email=email, password=password)
        except ValidationFailedError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("Administrator %(username)s created: sign in at /accounts/login/ and open /admin/.")
            % {"username": user.get_username()}
        )

    def _ask(self, prompt: str) -> str:
        try:
            return input(prompt)
        except EOFError:
            raise CommandError(_("No answer was given.")) from None

    def _ask_password(self) -> str:
        password = getpass.getpass(_("Password: "))
        if password != getpass.getpass(_("Password again: ")):
            raise CommandError(_("The two passwords differ; nothing was created."))
        return password

    def _read_password(self, source: str) -> str:
        try:
            text = sys.stdin.read() if source == "-" else Path(source).read_text()
        except OSError as error:
            raise CommandError(
                _("The password file cannot be read: %(reason)s") % {"reason": error.strerror}
            ) from None
        lines = text.splitlines()
        return lines[0] if lines else ""
