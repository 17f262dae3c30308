"""Cheap candidate finding over the whole document.

A sentence goes to the careful spaCy analysis only when it (with its lead-in)
holds, for one requirement, both an *action* (duty, refusal, forbidden or
partial act; a refusable verb only beside a "no obligation"-type modal) and an
*object* (an element object or a broad object), or a contradicting phrase.

The literal phrases of each role are compiled into one prefix-factored
expression (a trie: at each position only the branches starting with that
character are tried, so the cost does not grow with the lexicon size); the
library's ``re:`` entries join it as named groups. English is scanned on an
ASCII-lower-cased copy (same length, so offsets hold) and phrases match as
word prefixes, so inflections ("suspends", "suspended") are not lost. One
scanner per language, cached per library version. Precision is the analysis
stage's job; recall is this one's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..library import Library
from ..regex_starts import first_chars, first_key, start_dispatch, start_gate, trie_pattern

_ACTION_KEYS = ("duty", "refusal", "forbidden", "partial", "partial_duty")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """Lower-case ASCII letters only: the result has the same length as ``text``."""
    return text.translate(_ASCII_LOWER)


def _stem(phrase: str) -> str:
    """Cut a final "e" or consonant + "y" so inflections match as prefixes ("manipulating", "supplies")."""
    if len(phrase) > 4 and phrase.endswith("e") and phrase[-2].isalpha():
        return phrase[:-1]
    if len(phrase) > 4 and phrase.endswith("y") and phrase[-2] not in "aeiou ":
        return phrase[:-1]
    return phrase


def _norm(phrase: str) -> str:
    return " ".join(phrase.split())


Tag = tuple[str, str]  # (role, requirement id)


@dataclass(slots=True)
class _Scanner:
    """One expression for every role: a literal stands for itself and every shorter phrase inside it."""

    rx: re.Pattern[str] | None
    literal: dict[str, frozenset[Tag]]
    literal_rx: re.Pattern[str] | None
    groups: dict[str, frozenset[Tag]]
    #: (Chinese) the starts found first, then the entries for each start's first character (see ``_starts_loop``)
    starts: re.Pattern[str] | None = None
    by_first: dict[str, re.Pattern[str] | str] | None = None

    def scan(self, text: str) -> list[tuple[int, frozenset[Tag]]]:
        out: list[tuple[int, frozenset[Tag]]] = []
        literal = self.literal
        for m in (self._starts_loop(text) if self.by_first is not None else self.rx.finditer(text)):  # type: ignore[union-attr]
            name = m.lastgroup
            if name is not None:
                tags = set(self.groups[name])
                if self.literal_rx is not None:
                    lm = self.literal_rx.match(text, m.start())
                    if lm:
                        tags |= literal.get(_norm(lm.group(0)), frozenset())
                    # a phrase the expression swallowed still counts: "提交网络安全审查所需材料" holds the
                    # review ("网络安全审查") as well as the act
                    for inner in self.literal_rx.finditer(text, m.start() + 1, m.end()):
                        tags |= literal.get(_norm(inner.group(0)), frozenset())
                out.append((m.start(), frozenset(tags)))
            else:
                word = m.group(0)
                out.append((m.start(), literal.get(word if " " not in word and "\n" not in word else _norm(word),
                                                   frozenset())))
        return out

    def _starts_loop(self, text: str) -> Iterator[re.Match[str]]:
        """What ``finditer`` of the one expression finds, found another way. In Chinese every character may start a
        phrase, and the one expression walked hundreds of first-character lookaheads at each: here a character
        class finds the possible starts at C speed, and each start tries only the entries filed under its first
        character, then the literal phrases, as the alternation did, in the same order."""
        find, by_first, literal_rx = self.starts.search, self.by_first, self.literal_rx  # type: ignore[union-attr]
        pos = 0
        while (m := find(text, pos)) is not None:
            p = m.start()
            rx = by_first.get(first_key(text[p]))  # type: ignore[union-attr]
            if isinstance(rx, str):  # compiled on first use: a short contract meets few of the characters
                rx = by_first[first_key(text[p])] = re.compile(rx)  # type: ignore[index]
            hit = rx.match(text, p) if rx is not None else None
            if hit is None and literal_rx is not None:
                hit = literal_rx.match(text, p)
            if hit is None:
                pos = p + 1
                continue
            yield hit
            pos = hit.end() if hit.end() > p else p + 1


def _scanner(entries: dict[str, set[Tag]], lang: str) -> _Scanner | None:
    """``entries``: phrase -> (role, requirement) tags."""
    literal: dict[str, set[Tag]] = {}
    regexes: dict[str, set[Tag]] = {}
    for phrase, tags in entries.items():
        if phrase.startswith("re:"):
            regexes.setdefault(phrase[3:], set()).update(tags)
        else:
            key = _norm(_stem(ascii_lower(phrase)) if lang == "en" else phrase)
            literal.setdefault(key, set()).update(tags)
    # a longer phrase also stands for the shorter ones inside it ("remote access" holds "access")
    closed: dict[str, frozenset[Tag]] = {}
    for key, tags in literal.items():
        union = set(tags)
        for other, otags in literal.items():
            if other != key and other in key and (lang != "en" or re.search(rf"\b{re.escape(other)}", key)):
                union |= otags
        closed[key] = frozenset(union)
    parts: list[str] = []
    groups: dict[str, frozenset[Tag]] = {}
    named = [(f"r{i}", src) for i, src in enumerate(sorted(regexes))]
    # (English is scanned ASCII-lower-cased: the lookaheads can test case-sensitively what that text shows)
    dispatch = start_dispatch(named, ignore_case=lang == "en", lowered=lang == "en") if named else None
    trie = trie_pattern(sorted(closed)) if closed else ""
    if dispatch is not None:
        # the entries are tried only where their first character stands (same matches, far fewer attempts)
        tags_of = {name: frozenset(regexes[src]) for name, src in named}
        groups = {copy: tags_of[name] for copy, name in dispatch.names.items()}
        if lang != "en":  # no word boundary to skip to: find the starts first (see _Scanner._starts_loop)
            firsts = first_chars(sorted(dispatch.by_first)) + "".join(re.escape(k[0]) for k in sorted(closed) if k)
            return _Scanner(None, closed, re.compile(trie) if trie else None, groups, re.compile(f"[{firsts}]"),
                            dict(dispatch.by_first))
        gate = start_gate(sorted(regexes), lowered=lang == "en")
        parts.append((gate or "") + dispatch.pattern)
    elif named:
        for name, src in named:
            groups[name] = frozenset(regexes[src])
            parts.append(f"(?P<{name}>(?i:{src}))" if lang == "en" else f"(?P<{name}>{src})")
    if trie:
        parts.append(trie)
    if not parts:
        return None
    lead = r"\b" if lang == "en" else ""
    rx = re.compile(lead + "(?:" + "|".join(parts) + ")")
    literal_rx = re.compile(lead + "(?:" + trie + ")") if trie and groups else None
    return _Scanner(rx, closed, literal_rx, groups)


@dataclass(slots=True)
class Scan:
    """Hit positions of one document text with their (role, requirement) tags."""

    starts: list[int]
    tags: list[frozenset[Tag]]

    def _tags_in(self, ranges: list[tuple[int, int]]) -> set[Tag]:
        """The tags of every hit starting inside any of ``ranges`` (two bisections per range)."""
        out: set[Tag] = set()
        starts, tags = self.starts, self.tags
        for a, b in ranges:
            i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
            if i < j:
                out.update(*tags[i:j])
        return out

    def in_ranges(self, role: str, ranges: list[tuple[int, int]]) -> set[str]:
        """Requirement ids with a ``role`` hit starting inside any of ``ranges``."""
        return {rid for r, rid in self._tags_in(ranges) if r == role}

    def candidate_requirements(self, ranges: list[tuple[int, int]]) -> set[str]:
        """Requirements for which the text in ``ranges`` holds an action and an object, or a contradiction."""
        tags = self._tags_in(ranges)  # once for all roles: this runs for every sentence of the document
        if not tags:
            return set()
        by_role: dict[str, set[str]] = {}
        for role, rid in tags:
            by_role.setdefault(role, set()).add(rid)
        none: set[str] = set()
        acts = by_role.get("act", none)
        if by_role.get("neg"):
            acts = acts | by_role.get("ref", none)
        found = acts & by_role.get("obj", none) if acts else set()
        return found | by_role.get("con", none)


class Prefilter:
    """The compiled candidate scanner of one language."""

    def __init__(self, library: Library, lang: str):
        self.lang = lang
        entries: dict[str, set[Tag]] = {}

        def add(role: str, phrases: tuple[str, ...], rid: str) -> None:
            for p in phrases:
                entries.setdefault(p, set()).add((role, rid))

        for req in library.requirements:
            for key in _ACTION_KEYS:
                add("act", req.lexicon[key][lang], req.id)
            add("ref", req.lexicon["refusable"][lang], req.id)
            add("con", req.lexicon["contradicting"][lang], req.id)
            add("obj", req.lexicon["broad_objects"][lang], req.id)
            add("obj", req.lexicon["partial_objects"][lang], req.id)
            add("con", req.lexicon["operator_rights"][lang], req.id)  # the buyer's right alone: read for a weak verdict
            add("con", req.lexicon["object_acts"][lang], req.id)  # an act naming its object: read for a carve-out
            for el in req.elements:
                add("obj", el.objects[lang], req.id)
                add("obj", el.owned[lang], req.id)  # "data" of whatever the contract calls its buyer
                add("con", el.statements[lang], req.id)  # a particular stated needs no act of the supplier
            add("neg", library.common["modals"]["negated_obligation"][lang], req.id)
        self.scanner = _scanner(entries, lang)

    def scan(self, text: str) -> Scan:
        if self.scanner is None:
            return Scan([], [])
        hits = self.scanner.scan(ascii_lower(text) if self.lang == "en" else text)
        return Scan([h[0] for h in hits], [h[1] for h in hits])


_CACHE: dict[tuple[object, ...], Prefilter] = {}


def prefilter(library: Library, lang: str) -> Prefilter:
    """The compiled scanner for ``lang`` (cached per library version)."""
    key = (library.key, lang)
    found = _CACHE.get(key)
    if found is None:
        found = Prefilter(library, lang)
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = found
    return found


def candidate_requirements(text: str, library: Library, lang: str) -> set[str]:
    """Requirements ``text`` may speak to (action + object, or a contradicting phrase)."""
    return prefilter(library, lang).scan(text).candidate_requirements([(0, len(text))])
