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
* Every default-ignorable code point is dropped: zero-width spaces and joiners, soft hyphens, BOMs,
  bidi controls, variation selectors, tag characters, U+2063, U+034F, U+180E ... (a reader sees
  nothing there, so the matcher must not either).
* Look-alikes read as what a reader takes them for: NFKC folds Kangxi radicals and CJK compatibility
  ideographs to unified ideographs, ``lang/confusables.tsv`` maps CJK radical supplement characters to
  them, and Cyrillic/Greek/... letters to Latin ones inside mostly-Latin words (a Greek word in Greek
  text stays Greek).
* Traditional characters and Taiwan/Hong Kong wording become mainland simplified wording
  (:mod:`cliccheck.lang.zh_variants`), so 網路安全審查 is matched as 网络安全审查.
* Every kind of space (NBSP, ideographic space U+3000, thin spaces, tabs) is a
  plain space; runs of spaces collapse to one; leading/trailing spaces go.
* Curly quotes stay as written (the matcher treats them as quotes).

Conversions may change the length (ﬁ -> fi, 使用者 -> 用户); ``origin`` stays monotone and every
normalised character maps to a raw one, so evidence can always quote what the reader sees
(:meth:`cliccheck.model.Document.original`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import overload

from .lang.chars import confusables, is_default_ignorable, is_han, script
from .lang.zh_variants import has_han, to_mainland

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
    text, origin = _pipeline(raw)
    return text, list(range(len(raw))) if origin is None else origin


def normalize_compact(raw: str) -> tuple[str, Sequence[int]]:
    """:func:`normalize` for readers that keep the origin per block: an :class:`IdentityOrigin`
    (no list) when the text is already normal, the same values either way."""
    text, origin = _pipeline(raw)
    return text, IdentityOrigin(len(raw)) if origin is None else origin


def _pipeline(raw: str) -> tuple[str, list[int] | None]:
    """The three stages; ``origin`` None when the text came through unchanged.

    1. characters one by one (spaces, invisible code points, NFKC, CJK radicals);
    2. look-alike letters inside mostly-Latin words (one for one: origins unchanged);
    3. traditional / Taiwan / Hong Kong Chinese to mainland wording (may change the length).
    """
    if _unchanged(raw):
        if raw.isascii():
            return raw, None
        text, origin = raw, None
    else:
        text, origin = _normalize_changed(raw)
        if not text.isascii():
            text = _latin_lookalikes(text)
    if has_han(text):
        converted = to_mainland(text)
        if converted is not None:
            text, inner = converted
            origin = inner if origin is None else [origin[i] for i in inner]
    return text, origin


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
            if ch in DROP or is_default_ignorable(ch):
                continue
            if ch in SPACES:
                if out and pending_space < 0:
                    pending_space = i
                continue
            if ch in KEEP_AS_IS or ch.isascii():
                folded = ch
            else:
                folded = _CJK_LOOKALIKES.get(ch) or unicodedata.normalize("NFKC", ch)
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
    return _pipeline(raw)[0]


#: Look-alikes of unified ideographs that NFKC leaves alone (CJK radical supplement).
_CJK_LOOKALIKES = {k: v for k, v in confusables().items() if is_han(v)}
#: Letters of other scripts -> the Latin letter or digit a reader takes them for.
_LATIN_LOOKALIKES = {k: v for k, v in confusables().items() if v.isascii()}
_WORDS = re.compile(r"[^\W_]+")


def lookalike_letters(text: str) -> list[int]:
    """Offsets in ``text`` of letters a reader of it takes for Latin ones.

    A word that mixes Latin letters with look-alikes of other scripts ("ѕuѕреnd"), or a word made only
    of look-alikes in text that is otherwise Latin, where their script has no other letters (a Greek
    word among Greek words, a Russian company name "ООО Ромашка", stays as written).
    """
    found: list[int] = []
    genuine: set[str] | None = None
    for m in _WORDS.finditer(text):
        word = m.group(0)
        if word.isascii() or not any(ch in _LATIN_LOOKALIKES for ch in word):
            continue
        if not any(ch.isascii() and ch.isalpha() for ch in word):
            if not all(ch.isascii() or ch in _LATIN_LOOKALIKES for ch in word):
                continue
            if genuine is None:  # scripts that the text really uses: a letter of them with no Latin look
                genuine = {script(ch) for ch in text if ch.isalpha() and not ch.isascii()
                           and ch not in _LATIN_LOOKALIKES and not is_han(ch)}
                genuine.add("LATIN" if any(ch.isascii() and ch.isalpha() for ch in text) else "")
            if "LATIN" not in genuine or any(script(ch) in genuine for ch in word if not ch.isascii()):
                continue
        found.extend(m.start() + i for i, ch in enumerate(word) if ch in _LATIN_LOOKALIKES)
    return found


def _latin_lookalikes(text: str) -> str:
    """``text`` with :func:`lookalike_letters` replaced by their Latin letters (same length)."""
    positions = lookalike_letters(text)
    if not positions:
        return text
    chars = list(text)
    for i in positions:
        chars[i] = _LATIN_LOOKALIKES[chars[i]]
    return "".join(chars)


def stage_one(raw: str) -> tuple[str, list[int]]:
    """The character stage alone (before look-alike letters and Chinese variants), with its origin:
    what :mod:`cliccheck.matcher.obfuscation` reads words in."""
    if _unchanged(raw):
        return raw, list(range(len(raw)))
    return _normalize_changed(raw)


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


def has_cjk(text: str) -> bool:
    """Whether any character of ``text`` is one :func:`is_cjk` accepts (one regex scan, not a call per
    character: language checks run on every sentence of every contract)."""
    return _CJK_RUNS.search(text) is not None


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
