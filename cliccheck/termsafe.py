"""Text bound for a terminal: nothing from a document or a file name reaches it raw.

File names, party names and contract text come from the counterparty. Printed
as they are, an ESC sequence can set the window title, clear the screen or
reset the terminal (``ESC c``), a carriage return can overwrite the line that
says FAIL, and a bidi override can make a name read backwards. Every text
output (reports, ``extract``, stderr lines) passes what it prints from those
sources through one of these functions: controls become a visible
``<U+001B>`` so a reader sees that something was there.
"""

from __future__ import annotations

import re

#: Bidi embedding, override and isolate controls, and the implicit marks.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: C0 controls (except tab and, in multi-line text, newline), DEL, C1 controls, line/paragraph separators.
_TEXT_UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")
_TEXT_UNSAFE_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")


def _visible(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def escape_text(text: str, *, multiline: bool = False) -> str:
    """Contract text or a message for a terminal: controls and bidi overrides shown as ``<U+XXXX>``.

    Tabs stay; newlines stay only with ``multiline`` (a rendered annex), never a carriage return.
    """
    pattern = _TEXT_UNSAFE_MULTILINE if multiline else _TEXT_UNSAFE
    return pattern.sub(_visible, text)


def escape_name(name: str) -> str:
    """A file or party name for a terminal: every non-printable character (controls, bidi
    overrides, zero-width and other format characters) is shown as ``<U+XXXX>``."""
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else f"<U+{ord(ch):04X}>" for ch in name)
