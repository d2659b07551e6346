"""One-use links that confirm a new account's e-mail address."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class SignupTokenGenerator(PasswordResetTokenGenerator):
    """Like Django's password-reset tokens (same lifetime, ``PASSWORD_RESET_TIMEOUT``), with
    their own salt so neither kind opens the other, and void once the account is active."""

    key_salt = "filmfolio.accounts.tokens.SignupTokenGenerator"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


signup_tokens = SignupTokenGenerator()
