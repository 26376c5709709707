"""Who may write: viewers read, editors add articles and corrections.

Every write function in the store asks for an :class:`Editor`; the app makes one only from a
verified login (OIDC) or the editor token in its secrets, the CLI from the local user.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from dashboard.errors import AccessError

VIAS = ("cli", "oidc", "token", "system", "test")


@dataclass(frozen=True)
class Editor:
    """Someone allowed to write, and how they proved it."""

    name: str
    via: str

    def __post_init__(self) -> None:
        if not self.name.strip() or self.via not in VIAS:
            raise AccessError(f"not an editor: {self.name!r} via {self.via!r}")


def require_editor(editor: object) -> Editor:
    """Return the editor, or refuse a write that comes without one."""
    if not isinstance(editor, Editor):
        raise AccessError("this dashboard is read-only for viewers: sign in as an editor to "
                          "add articles or corrections")
    return editor


def editor_from_token(given: str, expected: str) -> Editor | None:
    """Return an editor when the token matches the configured one (None otherwise)."""
    if not expected or not given:
        return None
    if hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        return Editor("editor (token)", "token")
    return None


def editor_from_login(email: str | None, allowed: tuple[str, ...] = ()) -> Editor | None:
    """Return an editor for a signed-in user (limited to ``allowed`` e-mails when given)."""
    if not email:
        return None
    if allowed and email.lower() not in {a.lower() for a in allowed}:
        return None
    return Editor(email, "oidc")
