"""Wrapping text to a terminal width by display cells (CJK characters take two).

``textwrap`` counts code points, so a Chinese clause wrapped with it overflows
the terminal by up to half. Here every character is measured with
``wcwidth``; Latin words are kept whole, CJK text breaks between any two
characters, CJK closing punctuation (，。；）」…) never starts a line, and an opening quote or bracket never ends
one.
"""

from __future__ import annotations

import unicodedata

from wcwidth import wcwidth

#: Chinese punctuation that must not begin a line (kinsoku, simplified).
NO_LINE_START = frozenset("，。、；：！？）」』》〉】〕”’…")

Styled = list[tuple[str, bool]]  # (character, highlighted)
_ASCII_CLOSERS = frozenset(",.;:!?)]}'\"")
#: opening marks that must not end a line: they go to the next line with what they open
NO_LINE_END = frozenset("（「『《〈【〔“‘([{")
#: ASCII quotes open when they follow a space or begin the text ("weakened by: '尽量'"), else they close
_ASCII_QUOTES = frozenset("'\"")


def char_width(ch: str) -> int:
    width = wcwidth(ch)
    return width if width > 0 else 0


def text_width(text: str) -> int:
    """Display width of ``text`` in terminal cells."""
    return sum(char_width(ch) for ch in text)


def clean(text: str) -> str:
    """Control characters (newlines, tabs, escapes) become spaces: a quote is one flowing line."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") or ch in "\u2028\u2029" else ch
                   for ch in text)


def _is_wide(ch: str) -> bool:
    return char_width(ch) == 2 or ch in NO_LINE_START


def _tokens(chars: Styled) -> list[Styled]:
    tokens: list[Styled] = []
    current: Styled = []
    kind = ""
    for item in chars:
        ch = item[0]
        if ch in _ASCII_CLOSERS and not current and tokens and _is_wide(tokens[-1][-1][0]):
            tokens[-1].append(item)  # "供应商," keeps its comma: a line never starts with one
            continue
        k = "space" if ch == " " else "wide" if _is_wide(ch) else "word"
        if k == "wide" or k != kind:
            if current:
                tokens.append(current)
            current = []
        current.append(item)
        kind = k
        if k == "wide":
            tokens.append(current)
            current = []
            kind = ""
    if current:
        tokens.append(current)
    return _openers_kept_with_what_they_open(tokens)


def _openers_kept_with_what_they_open(tokens: list[Styled]) -> list[Styled]:
    """A token of opening marks alone ("“", "（", an opening "'") is joined to the token after it, so a line
    never ends with an opening quote or bracket before CJK text (a Latin word already holds its quote)."""
    out: list[Styled] = []
    pending: Styled = []
    for token in tokens:
        opener = all(ch in NO_LINE_END or (ch in _ASCII_QUOTES and (not out or out[-1][-1][0] == " "))
                     for ch, _ in token) and token[0][0] != " "
        if opener:
            pending += token
            continue
        if pending and token[0][0] == " ":
            out.append(pending)  # an opener before a space opens nothing: it stays where it is
            pending = []
        out.append(pending + token if pending else token)
        pending = []
    if pending:
        out.append(pending)
    return out


def _width(token: Styled) -> int:
    return sum(char_width(ch) for ch, _ in token)


def wrap_styled(chars: Styled, width: int, first_width: int | None = None) -> list[Styled]:
    """Greedy wrap of styled characters into lines of at most ``width`` cells (``first_width`` for the first
    line, so a hanging indent needs no second pass: rejoining wrapped lines would put a space between two
    CJK characters where the first pass broke the line)."""
    rest_width = max(width, 8)
    width = max(first_width, 8) if first_width is not None else rest_width
    lines: list[list[Styled]] = [[]]
    used = 0
    for token in _tokens(chars):
        if len(lines) > 1:
            width = rest_width
        is_space = token[0][0] == " "
        w = _width(token)
        line = lines[-1]
        if is_space:
            if line and used + w <= width:
                line.append(token)
                used += w
            elif line:  # a break: the space is dropped
                lines.append([])
                used = 0
            continue
        if used + w <= width:
            line.append(token)
            used += w
            continue
        if token[0][0] in NO_LINE_START and len(line) >= 2 and line[-1][0][0] != " ":
            # take the previous character along so punctuation does not lead; when that one is punctuation
            # too ("）：") take the character before it as well
            carried = [line.pop()]
            while carried[0][0][0] in NO_LINE_START and len(line) >= 2 and line[-1][0][0] != " ":
                carried.insert(0, line.pop())
            _strip_trailing_space(line)
            lines.append([*carried, token])
            used = sum(_width(c) for c in carried) + w
            continue
        _strip_trailing_space(line)
        if w <= width:
            lines.append([token])
            used = w
            continue
        # a single token longer than the line: split it by characters
        if line:
            lines.append([])
            used = 0
        for item in token:
            cw = char_width(item[0])
            if used + cw > (rest_width if len(lines) > 1 else width) and lines[-1]:
                lines.append([])
                used = 0
            lines[-1].append([item])
            used += cw
    out = [[item for token in line for item in token] for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def _strip_trailing_space(line: list[Styled]) -> None:
    while line and line[-1] and line[-1][0][0] == " ":
        line.pop()


def wrap_text(text: str, width: int) -> list[str]:
    """Plain-string convenience wrapper around :func:`wrap_styled`."""
    return ["".join(ch for ch, _ in line) for line in wrap_styled([(c, False) for c in clean(text)], width)]
