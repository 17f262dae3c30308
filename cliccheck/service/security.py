"""Who may call the service: localhost by default, a token whenever it listens elsewhere.

Why: a contract is confidential. Bound to a loopback address only programs on
this machine reach the service; bound anywhere else, every ``/v1`` call
except ``/v1/health`` needs ``Authorization: Bearer <token>``, and the
service refuses to start without a token rather than serve the network openly.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from pathlib import Path

from ..errors import ConfigError

TOKEN_ENV = "CLICCHECK_TOKEN"
MIN_TOKEN_CHARS = 16


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost`` are loopback; anything else (0.0.0.0 included) is not."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def load_token(token_file: str | None, environ: dict[str, str] | None = None) -> str | None:
    """The API token from ``--token-file`` (first line) or ``CLICCHECK_TOKEN``; None when neither is set."""
    env = os.environ if environ is None else environ
    if token_file:
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError.of("token-unreadable", file=token_file, reason=exc.__class__.__name__) from None
        token = text.strip().splitlines()[0].strip() if text.strip() else ""
        source = f"--token-file {token_file}"
    else:
        token = env.get(TOKEN_ENV, "").strip()
        if not token:
            return None
        source = TOKEN_ENV
    if len(token) < MIN_TOKEN_CHARS or not token.isprintable() or any(ch.isspace() for ch in token):
        raise ConfigError.of("token-too-weak", source=source, min=MIN_TOKEN_CHARS)
    return token


def check_binding(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a token."""
    if not is_loopback(host) and not token:
        raise ConfigError.of("open-host-without-token", host=host, env=TOKEN_ENV)


def token_matches(header: str | None, token: str) -> bool:
    """``Authorization: Bearer <token>``, compared in constant time."""
    if not header:
        return False
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(value.strip().encode(), token.encode())
