"""Join the lines of a paragraph back into running text.

Typesetting breaks lines; the contract's text does not have those breaks.
Rules, in order:

* a soft hyphen (U+00AD) at a line end is dropped and the lines are joined;
* a hyphen between a letter or digit and a digit is kept, without a space
  ("GB/T 22239-" + "2019");
* ``word-`` at a line end followed by a lower-case word is either an
  end-of-line hyphenation ("obliga-" + "tion" → "obligation") or a real
  compound that happened to break after its hyphen ("follow-" + "up" →
  "follow-up"); :func:`keep_hyphen` decides;
* no space is ever inserted next to a CJK character or full-width
  punctuation (Chinese has no spaces between words);
* otherwise one space.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from functools import lru_cache

from ..normalize import is_cjk

#: Prefixes that stay hyphenated in contract English ("non-compliance", "self-assessment").
KEEP_PREFIXES = frozenset({"non", "self", "cross", "quasi", "half"})
#: Adverb particles of phrasal-verb compounds ("follow-up", "roll-out", "sign-off", "log-in").
PARTICLES = frozenset({"up", "down", "in", "out", "on", "off", "over", "back", "by", "away"})

_WORD_AT_END = re.compile(r"([A-Za-z]+)-$")
_WORD_AT_START = re.compile(r"[A-Za-z]+")
_QUOTES = "“”‘’\"'"
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """English word forms and verb lemmas from spacy-lookups-data (loaded on first need, ~30 ms)."""
    try:
        from importlib.resources import files

        data = files("spacy_lookups_data") / "data"
        with gzip.open(str(data / "en_lemma_lookup.json.gz"), "rt", encoding="utf-8") as fh:
            lookup: dict[str, str] = json.load(fh)
        with gzip.open(str(data / "en_lemma_index.json.gz"), "rt", encoding="utf-8") as fh:
            index: dict[str, list[str]] = json.load(fh)
    except (ImportError, OSError, ValueError):
        return frozenset(), frozenset()
    words = set(lookup) | set(lookup.values())
    for entries in index.values():
        words.update(entries)
    verbs = set(index.get("verb", ()))
    verbs.update(form for form, lemma in lookup.items() if lemma in verbs)
    return frozenset(w.lower() for w in words), frozenset(verbs)


def keep_hyphen(head: str, tail: str, *, hyphenated: frozenset[str] = frozenset(),
                joined: frozenset[str] = frozenset()) -> bool:
    """Should ``head-`` + newline + ``tail`` keep its hyphen?

    ``hyphenated``/``joined`` are the document's own words seen mid-line
    ("follow-up", "obligation"): the best evidence of how the author spells
    it. Then: a capitalised or non-letter tail keeps it ("non-EU"); a prefix
    that contract English hyphenates keeps it; a verb plus adverb particle is
    a compound ("follow-up"); a known single word drops it; two known words
    that do not form one keep it ("third-party"); anything else is taken for
    a hyphenation split of a word the lexicon does not know.
    """
    h, t = head.lower(), tail.lower()
    if not tail[:1].islower():
        return True
    if f"{h}-{t}" in hyphenated:
        return True
    if h + t in joined:
        return False
    if h in KEEP_PREFIXES:
        return True
    words, verbs = _lexicon()
    if t in PARTICLES and h in verbs:
        return True
    if h + t in words:
        return False
    return h in words and t in words and len(h) > 1 and len(t) > 1


def _tight(ch: str) -> bool:
    """Characters that take no space next to them: CJK and full-width punctuation."""
    code = ord(ch)
    return is_cjk(ch) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or ch in "、。《》"


def needs_space(left: str, right: str) -> bool:
    """One space between ``left`` and ``right`` (the text either side of a line break)?"""
    a, b = left[-1], right[0]
    if a in _QUOTES and len(left) > 1:
        a = left[-2]
    if b in _QUOTES and len(right) > 1:
        b = right[1]
    return not (_tight(a) or _tight(b))


class Joiner:
    """Joins lines with the document's own spelling evidence at hand."""

    def __init__(self, corpus_lines: list[str] | None = None):
        self._corpus = corpus_lines or []
        self._hyphenated: frozenset[str] | None = None
        self._joined: frozenset[str] = frozenset()

    def _evidence(self) -> tuple[frozenset[str], frozenset[str]]:
        """Words inside lines (not a line's last word, which may be a split): the author's spelling.
        Built on the first hyphen decision only."""
        if self._hyphenated is None:
            body = "\n".join(line.rsplit(" ", 1)[0] for line in self._corpus if " " in line)
            words = set(_WORDS.findall(body.lower()))
            hyphenated: set[str] = set()
            for word in (w for w in words if "-" in w):
                hyphenated.add(word)
                hyphenated.update(f"{a}-{b}" for a, b in itertools.pairwise(word.split("-")))
            self._hyphenated = frozenset(hyphenated)
            self._joined = frozenset(w for w in words if "-" not in w)
        return self._hyphenated, self._joined

    def join(self, text: str, line: str) -> str:
        """``text`` followed by the next line ``line`` of the same paragraph."""
        line = line.strip()
        if not text:
            return line
        if not line:
            return text
        if text.endswith("\u00ad"):
            return text[:-1] + line
        m = _WORD_AT_END.search(text[-64:]) if text.endswith("-") else None
        if m and line[:1].isalpha():
            tail = _WORD_AT_START.match(line)
            head = m.group(1)
            hyphenated, joined = self._evidence()
            if tail is not None and not keep_hyphen(head, tail.group(), hyphenated=hyphenated, joined=joined):
                return text[:-1] + line
            return text + line
        if text.endswith("-") and len(text) > 1 and text[-2].isalnum() and line[:1].isdigit():
            return text + line  # "GB/T 22239-" + "2019", "CII-NP-" + "2025": a code, not a word split
        if needs_space(text, line):
            return f"{text} {line}"
        return text + line
