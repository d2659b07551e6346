"""Errors of backup, restore and transfer: each message tells the operator what to do."""

from __future__ import annotations

from filmfolio.core.errors import DomainError


class BackupRefusedError(DomainError):
    """The archive cannot be made (a missing or too old ``pg_dump``, an unreadable file)."""


class RestoreRefusedError(DomainError):
    """The archive was not restored; nothing on this installation changed."""


class TransferRefusedError(DomainError):
    """The site was not copied; the target database was left as it was found."""
