"""Text normalisation that keeps a map back to the source characters.

Readers call :func:`normalize` on the raw text of each block. The result is
what the matcher sees; ``origin[i]`` is the index in the raw text of
normalised character ``i`` so that evidence can be mapped back to the source
runs (the redline needs this).

Rules, chosen so that matching is robust and nothing legally meaningful is
changed:

* NFKC folds full-width Latin letters and digits, ligatures and compatibility
  forms to their plain forms. Chinese full-width punctuation (，；：（）！？“”)
  is *kept* as written: it is how Chinese contracts punctuate and the
  segmenter relies on it.
* Zero-width characters, soft hyphens, BOMs and bidi controls are dropped.
* Every kind of space (NBSP, ideographic space U+3000, thin spaces, tabs) is a
  plain space; runs of spaces collapse to one; leading/trailing spaces go.
* Curly quotes stay as written (the matcher treats them as quotes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import overload

#: Full-width punctuation that NFKC would fold to ASCII but that Chinese text
#: uses as its own punctuation; we keep it.
KEEP_AS_IS = frozenset("，；：（）！？【】〔〕｛｝《》〈〉「」『』、。“”‘’〜～")

DROP = frozenset(
    "\u00ad"  # soft hyphen
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space/joiners, word joiner, BOM
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
)

SPACES = frozenset(" \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                   "\u2009\u200a\u202f\u205f\u3000\r\n\v\f")


#: Text that normalisation leaves exactly as it is (printable ASCII, the kept punctuation,
#: unified CJK ideographs, single inner spaces): the common case, checked in one regex match.
_SAFE = "\\x21-\\x7e\\u3400-\\u4dbf\\u4e00-\\u9fff" + re.escape("".join(sorted(KEEP_AS_IS)))
_UNCHANGED = re.compile(f"[{_SAFE}]+(?: [{_SAFE}]+)*")


class IdentityOrigin(Sequence[int]):
    """The origin map of text that normalisation left unchanged: ``origin[i] == i``.

    Why: most blocks are already normal, and a list of one int per character
    was most of the memory a read document held beyond its text. This holds
    only the length, indexes, iterates and slices like ``list(range(n))`` and
    compares equal to that list.
    """

    __slots__ = ("_range",)

    def __init__(self, length: int):
        self._range = range(length)

    def __len__(self) -> int:
        return len(self._range)

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return list(self._range[index])
        return self._range[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._range)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IdentityOrigin):
            return self._range == other._range
        if isinstance(other, (list, tuple)):
            return len(other) == len(self._range) and all(a == b for a, b in zip(other, self._range, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one

    def __repr__(self) -> str:
        return f"IdentityOrigin({len(self._range)})"


def _unchanged(raw: str) -> bool:
    """True when :func:`normalize` would return ``raw`` as it is (what ``_UNCHANGED`` matches).

    For ASCII text that is: printable (no tab or newline), not empty, single inner spaces and
    none at either end -- four C-level string checks instead of a regex step per character.
    """
    if raw.isascii():
        return (raw.isprintable() and raw != "" and raw[0] != " " and raw[-1] != " "
                and "  " not in raw)
    return _UNCHANGED.fullmatch(raw) is not None


def normalize(raw: str) -> tuple[str, list[int]]:
    """Return ``(text, origin)`` for ``raw``; see the module docstring."""
    if _unchanged(raw):
        return raw, list(range(len(raw)))
    return _normalize_changed(raw)


def normalize_compact(raw: str) -> tuple[str, Sequence[int]]:
    """:func:`normalize` for readers that keep the origin per block: an :class:`IdentityOrigin`
    (no list) when the text is already normal, the same values either way."""
    if _unchanged(raw):
        return raw, IdentityOrigin(len(raw))
    return _normalize_changed(raw)


#: Stretches that normalisation copies as they are (what ``_UNCHANGED`` matches, unanchored).
_UNCHANGED_RUNS = re.compile(f"[{_SAFE}]+(?: [{_SAFE}]+)*")


def _normalize_changed(raw: str) -> tuple[str, list[int]]:
    """The character rules, applied only between the stretches that need none.

    A stretch of safe characters with single inner spaces comes out verbatim with
    ``origin`` = its own offsets (after a pending separator space), so only the
    characters around it (other spaces, NFKC candidates, dropped marks) go one by one.
    """
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1  # raw index of a space not yet emitted
    pos = 0
    length = len(raw)
    while pos < length:
        m = _UNCHANGED_RUNS.search(raw, pos)
        stop = m.start() if m is not None else length
        for i in range(pos, stop):
            ch = raw[i]
            if ch in DROP:
                continue
            if ch in SPACES:
                if out and pending_space < 0:
                    pending_space = i
                continue
            if ch in KEEP_AS_IS or ch.isascii():
                folded = ch
            else:
                folded = unicodedata.normalize("NFKC", ch)
                if folded[:1] in SPACES and folded.strip():
                    # spacing diacritics (¯ → " ̄"): the space is a separator, not text
                    if out and pending_space < 0:
                        pending_space = i
                    folded = folded.lstrip()
                if folded in SPACES or folded.strip() == "":
                    if out and pending_space < 0:
                        pending_space = i
                    continue
            if pending_space >= 0:
                out.append(" ")
                origin.append(pending_space)
                pending_space = -1
            for piece in folded:
                out.append(piece)
                origin.append(i)
        if m is None:
            break
        if pending_space >= 0:
            out.append(" ")
            origin.append(pending_space)
            pending_space = -1
        start, pos = m.span()
        out.append(raw[start:pos])
        origin.extend(range(start, pos))
    return "".join(out), origin


def normalize_text(raw: str) -> str:
    """Normalised text only."""
    if _unchanged(raw):
        return raw
    return _normalize_changed(raw)[0]


def is_cjk(ch: str) -> bool:
    """True for Han characters and CJK/full-width punctuation-free ideographs."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2EBEF
        or 0xF900 <= code <= 0xFAFF
        or 0x3040 <= code <= 0x30FF  # kana, rare in contracts but CJK for spacing
    )


#: The characters :func:`is_cjk` accepts, and runs of ASCII letters (regexes: one C loop per block).
_CJK_RUNS = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ebef\uf900-\ufaff\u3040-\u30ff]+")
_LATIN_RUNS = re.compile("[A-Za-z]+")


def detect_language(text: str) -> str:
    """zh, en, mixed or none, from the share of Han characters and Latin letters.

    A sentence of Chinese with an English party name is still ``zh``; only a
    block with both scripts in substance is ``mixed``.
    """
    # One-script blocks (nearly all of them) are decided by two C-level searches: with no Han
    # character any Latin letter makes it en, with no Latin letter any Han character makes it zh
    # (exactly what the weighing below gives, without building a run list per block).
    if text.isascii() or _CJK_RUNS.search(text) is None:
        return "en" if _LATIN_RUNS.search(text) is not None else "none"
    if _LATIN_RUNS.search(text) is None:
        return "zh"
    han = sum(map(len, _CJK_RUNS.findall(text)))
    latin = 0.0
    for word in _LATIN_RUNS.findall(text):
        # Capitalised words are mostly names ("Northbridge Systems Ltd.")
        # embedded in Chinese sentences; they count for less.
        weight = 0.3 if word[0].isupper() else 1.0
        for _ in word:
            latin += weight
    # A Han character carries about as much as a short English word.
    han_weight = han * 3
    total = han_weight + latin
    if total == 0:
        return "none"
    if han_weight / total >= 0.8:
        return "zh"
    if latin / total >= 0.8:
        return "en"
    if han >= 4 and latin >= 10:
        return "mixed"
    return "zh" if han_weight >= latin else "en"
