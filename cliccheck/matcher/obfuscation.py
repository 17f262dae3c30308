"""The ``obfuscated-text`` finding: invisible or look-alike characters inside the contract's words.

Matching reads the normalised text (:mod:`cliccheck.normalize`), so "may s\\u200bus\\u0440end" is
matched as "may suspend" and gets its verdict. Why report them as well: no honest draft needs an
invisible joiner inside a word or a Cyrillic "р" in an English one, so their presence is itself a sign
of a draft built to be read differently by a machine than by a person, and the gate fails.

Ordinary text does not trigger it: an emoji's joiner or presentation selector, a BOM or bidi mark
between words, NBSP (a space), full-width punctuation, full-width letters in a Chinese sentence
(ＣＩＩ运营者), Greek or Russian words in text that uses those scripts, a lone Greek letter (α).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang.chars import (
    BOM,
    CANCEL_TAG,
    ZWJ,
    ZWNJ,
    confusables,
    describe,
    is_cjk_variant_form,
    is_default_ignorable,
    is_emoji_base,
    is_fullwidth_alnum,
    is_han,
    is_math_alnum,
    is_variation_selector,
    script,
    visible,
)
from ..model import Block, Document
from ..normalize import lookalike_letters, stage_one
from ..verdicts import Evidence, Finding, Reason, Severity

#: At most this many blocks get a finding each; the rest are counted in the last one.
MAX_FINDINGS = 20

_BIDI_FORMATTING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_RTL_SCRIPTS = frozenset({"HEBREW", "ARABIC", "SYRIAC", "THAANA", "NKO"})
#: Scripts whose spelling needs ZWJ/ZWNJ between letters (Indic, Arabic, Persian, Sinhala, ...).
_JOINING_EXEMPT = frozenset({"LATIN", "HAN", "CYRILLIC", "GREEK", "COMMON", "HIRAGANA", "KATAKANA", "HANGUL"})
_TAG_BLACK_FLAG = "\U0001f3f4"
_KEYCAP = "\u20e3"


@dataclass(slots=True)
class Hit:
    """One suspicious character: raw offset, the class it belongs to, what a reader takes it for."""

    at: int
    kind: str  # invisible | look-alike | cjk-variant | full-width
    reads_as: str = ""


def _neighbour(raw: str, i: int, step: int) -> str:
    """The nearest character before (step -1) or after (step 1) ``i`` that is not invisible; "" at an end."""
    j = i + step
    while 0 <= j < len(raw) and is_default_ignorable(raw[j]):
        j += step
    return raw[j] if 0 <= j < len(raw) else ""


def _word_char(ch: str) -> bool:
    return ch != "" and (ch.isalnum() or unicodedata.category(ch).startswith("M"))


def _legit_tags(raw: str) -> set[int]:
    """Offsets of tag characters in an emoji tag sequence (🏴 + tags + CANCEL TAG: a subdivision flag)."""
    ok: set[int] = set()
    i = 0
    while i < len(raw):
        if raw[i] == _TAG_BLACK_FLAG:
            j = i + 1
            while j < len(raw) and 0xE0020 <= ord(raw[j]) <= 0xE007E:
                j += 1
            if j > i + 1 and j < len(raw) and raw[j] == CANCEL_TAG:
                ok.update(range(i + 1, j + 1))
                i = j
        i += 1
    return ok


def _invisible_ok(raw: str, i: int, rtl: bool, tags: set[int]) -> bool:
    """Whether the invisible character at ``i`` has an ordinary job there (see the module docstring)."""
    ch = raw[i]
    code = ord(ch)
    prev, nxt = _neighbour(raw, i, -1), _neighbour(raw, i, 1)
    if 0xE0000 <= code <= 0xE007F:
        return i in tags
    if ch in _BIDI_FORMATTING:
        return rtl  # embeddings and overrides reorder what is shown: only text with a right-to-left script
    if ch == BOM and not raw[:i].strip():
        return True  # a byte-order mark at the start
    if is_variation_selector(ch):
        if prev and (is_emoji_base(prev) or (prev in "#*0123456789" and nxt == _KEYCAP)):
            return True
        if 0x180B <= code <= 0x180F and prev and script(prev) == "MONGOLIAN":
            return True
        return not (prev and (prev.isalnum() or is_han(prev)))  # a selector on a letter or a Han character
    if ch in (ZWJ, ZWNJ):
        if (prev and is_emoji_base(prev)) or (nxt and is_emoji_base(nxt)):
            return True
        if prev and nxt and script(prev) not in _JOINING_EXEMPT and script(nxt) not in _JOINING_EXEMPT:
            return True
    return not (_word_char(prev) and _word_char(nxt))  # between words it hides nothing


def scan(raw: str) -> list[Hit]:
    """Every suspicious character in one block's source text, in order."""
    hits: list[Hit] = []
    if raw.isascii():
        return hits
    rtl = any(script(ch) in _RTL_SCRIPTS for ch in raw if ch.isalpha())
    tags = _legit_tags(raw) if _TAG_BLACK_FLAG in raw else set()
    has_han = any(is_han(ch) for ch in raw)
    first, origin = stage_one(raw)
    for n in lookalike_letters(first):
        # a lone look-alike letter ("the value α") is read as Latin but is no sign of a hostile draft
        if not _single_letter(first, n):
            hits.append(Hit(origin[n], "look-alike", _lookalike_target(raw[origin[n]])))
    words = _word_spans(first)
    for i, ch in enumerate(raw):
        if ch.isascii():
            continue
        if is_default_ignorable(ch):
            if not _invisible_ok(raw, i, rtl, tags):
                hits.append(Hit(i, "invisible"))
        elif is_cjk_variant_form(ch):
            folded = unicodedata.normalize("NFKC", ch)
            mapped = _cjk_target(ch)
            if folded != ch or mapped:
                hits.append(Hit(i, "cjk-variant", mapped or folded))
        elif (is_fullwidth_alnum(ch) or is_math_alnum(ch)) and (not has_han or _mixed_word(raw, origin, words, i)):
            hits.append(Hit(i, "full-width" if is_fullwidth_alnum(ch) else "styled-letter",
                            unicodedata.normalize("NFKC", ch)))
    hits.sort(key=lambda h: h.at)
    return hits


def _lookalike_target(ch: str) -> str:
    return confusables().get(ch, "")


def _cjk_target(ch: str) -> str:
    target = confusables().get(ch, "")
    return target if target and is_han(target) else ""


def _single_letter(text: str, n: int) -> bool:
    before = text[n - 1] if n > 0 else ""
    after = text[n + 1] if n + 1 < len(text) else ""
    return not _word_char(before) and not _word_char(after)


def _word_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = -1
    for i, ch in enumerate(text):
        if _word_char(ch):
            if start < 0:
                start = i
        elif start >= 0:
            spans.append((start, i))
            start = -1
    if start >= 0:
        spans.append((start, len(text)))
    return spans


def _mixed_word(raw: str, origin: Sequence[int], words: list[tuple[int, int]], i: int) -> bool:
    """Whether the raw character ``i`` (full-width or styled) sits in one word with plain ASCII letters or
    digits ("ｍay"): ＣＩＩ inside a Chinese sentence does not."""
    n = bisect.bisect_left(origin, i)
    for a, b in words:
        if a <= n < b:
            return any(raw[origin[k]].isascii() for k in range(a, b))
    return False


def _escaped_word(raw: str, at: int) -> str:
    """The word around raw offset ``at`` (invisible characters included), written visibly."""
    a = at
    while a > 0 and (_word_char(raw[a - 1]) or is_default_ignorable(raw[a - 1])) and at - a < 30:
        a -= 1
    b = at + 1
    while b < len(raw) and (_word_char(raw[b]) or is_default_ignorable(raw[b])) and b - at < 30:
        b += 1
    return visible(raw[a:b])


_KIND_WORDS = {
    "invisible": "invisible",
    "look-alike": "look-alike letter",
    "cjk-variant": "radical or compatibility form of a Chinese character",
    "full-width": "full-width letter in Latin text",
    "styled-letter": "styled (mathematical) letter",
}


def _reason(raw: str, hit: Hit) -> Reason:
    ch = raw[hit.at]
    reads = f" read as '{hit.reads_as}'" if hit.reads_as else ""
    return Reason(f"{hit.kind}-character", f"{describe(ch)}{reads} in «{_escaped_word(raw, hit.at)}»")


def _highlights(block: Block, hits: list[Hit]) -> list[tuple[int, int]]:
    """Offsets in ``block.text`` of the words holding the hits (an invisible character has no offset of
    its own: the word around it is marked)."""
    origin = block.origin if block.origin is not None else range(len(block.text))
    marks: list[tuple[int, int]] = []
    for hit in hits:
        n = min(bisect.bisect_left(origin, hit.at), len(block.text))  # first normalised char at or after
        a = n
        while a > 0 and _word_char(block.text[a - 1]):
            a -= 1
        b = n
        while b < len(block.text) and _word_char(block.text[b]):
            b += 1
        if b > a:
            marks.append((a, b))
    return sorted(set(marks))


def obfuscation_findings(doc: Document) -> list[Finding]:
    """One ``obfuscated-text`` finding per block whose source holds invisible or look-alike characters."""
    findings: list[Finding] = []
    more = 0
    for block in doc.blocks:
        if block.raw is None:
            continue  # normalising changed nothing: no such character
        hits = scan(block.raw)
        if not hits:
            continue
        if len(findings) >= MAX_FINDINGS:
            more += 1
            continue
        reasons: list[Reason] = []
        seen: set[tuple[str, str]] = set()
        for hit in hits:
            key = (hit.kind, block.raw[hit.at])
            if key not in seen:
                seen.add(key)
                reasons.append(_reason(block.raw, hit))
        kinds = sorted({_KIND_WORDS[h.kind] for h in hits})
        page = f" on page {block.page}" if block.page else ""
        ev = Evidence(text=block.text, start=block.start, end=block.end, block=block.index, page=block.page,
                      section=block.section, paragraph=block.paragraph, language=block.language,
                      role="obfuscation", highlights=_highlights(block, hits), original=block.raw)
        findings.append(Finding(
            rule="obfuscated-text", severity=Severity.ERROR, evidence=[ev], reasons=reasons[:12],
            message=(f"Block {block.index}{page} contains {len(hits)} {' / '.join(kinds)} character(s) "
                     f"({'; '.join(r.detail for r in reasons[:3])}): a reader sees the words, a machine "
                     "reading the raw text would not. cliccheck matched the normalised text; find out why "
                     "the draft contains them.")))
    if more and findings:
        findings[-1].message += f" {more} more block(s) contain such characters."
    return findings
