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
from dataclasses import dataclass

from ..library import Library

_ACTION_KEYS = ("duty", "refusal", "forbidden", "partial")
_ROLES = ("act", "ref", "obj", "con", "neg")
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


def trie_pattern(phrases: list[str], space: str = r"\s+") -> str:
    """One regular expression matching any of ``phrases``, longest first, factored by prefix."""
    root: dict[str, dict] = {}
    for p in phrases:
        node = root
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            head = space if ch == " " else re.escape(ch)
            alts.append(head + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return f"(?:{body})?"
        return body

    return build(root)


@dataclass(slots=True)
class _RoleScanner:
    rx: re.Pattern[str]
    literal: dict[str, frozenset[str]]
    literal_rx: re.Pattern[str] | None
    groups: dict[str, frozenset[str]]

    def scan(self, text: str) -> list[tuple[int, frozenset[str]]]:
        out: list[tuple[int, frozenset[str]]] = []
        for m in self.rx.finditer(text):
            if m.end() == m.start():
                continue
            name = m.lastgroup
            if name is not None and name in self.groups:
                reqs = set(self.groups[name])
                if self.literal_rx is not None:
                    lm = self.literal_rx.match(text, m.start())
                    if lm:
                        reqs |= self.literal.get(_norm(lm.group(0)), frozenset())
                out.append((m.start(), frozenset(reqs)))
            else:
                out.append((m.start(), self.literal.get(_norm(m.group(0)), frozenset())))
        return out


def _role_scanner(entries: dict[str, set[str]], lang: str) -> _RoleScanner | None:
    """``entries``: phrase -> requirement ids."""
    literal: dict[str, set[str]] = {}
    regexes: dict[str, set[str]] = {}
    for phrase, reqs in entries.items():
        if phrase.startswith("re:"):
            regexes.setdefault(phrase[3:], set()).update(reqs)
        else:
            key = _norm(_stem(ascii_lower(phrase)) if lang == "en" else phrase)
            literal.setdefault(key, set()).update(reqs)
    # a longer phrase also stands for the shorter ones inside it ("remote access" holds "access")
    closed: dict[str, frozenset[str]] = {}
    for key, reqs in literal.items():
        union = set(reqs)
        for other, oreqs in literal.items():
            if other != key and other in key and (lang != "en" or re.search(rf"\b{re.escape(other)}", key)):
                union |= oreqs
        closed[key] = frozenset(union)
    parts: list[str] = []
    groups: dict[str, frozenset[str]] = {}
    for i, (src, reqs) in enumerate(sorted(regexes.items())):
        name = f"r{i}"
        groups[name] = frozenset(reqs)
        parts.append(f"(?P<{name}>(?i:{src}))" if lang == "en" else f"(?P<{name}>{src})")
    trie = trie_pattern(sorted(closed)) if closed else ""
    if trie:
        parts.append(trie)
    if not parts:
        return None
    lead = r"(?<![a-z0-9])" if lang == "en" else ""
    rx = re.compile(lead + "(?:" + "|".join(parts) + ")")
    literal_rx = re.compile(lead + "(?:" + trie + ")") if trie and groups else None
    return _RoleScanner(rx, closed, literal_rx, groups)


@dataclass(slots=True)
class Scan:
    """Hit positions of one document text, per role, for quick per-range questions."""

    starts: dict[str, list[int]]
    reqs: dict[str, list[frozenset[str]]]

    def in_ranges(self, role: str, ranges: list[tuple[int, int]]) -> set[str]:
        """Requirement ids with a ``role`` hit starting inside any of ``ranges``."""
        out: set[str] = set()
        starts = self.starts.get(role, [])
        reqs = self.reqs.get(role, [])
        for a, b in ranges:
            i = bisect.bisect_left(starts, a)
            while i < len(starts) and starts[i] < b:
                out |= reqs[i]
                i += 1
        return out

    def candidate_requirements(self, ranges: list[tuple[int, int]]) -> set[str]:
        """Requirements for which the text in ``ranges`` holds an action and an object, or a contradiction."""
        acts = self.in_ranges("act", ranges)
        if self.in_ranges("neg", ranges):
            acts |= self.in_ranges("ref", ranges)
        found = acts & self.in_ranges("obj", ranges) if acts else set()
        return found | self.in_ranges("con", ranges)


class Prefilter:
    """The compiled candidate scanner of one language."""

    def __init__(self, library: Library, lang: str):
        self.lang = lang
        entries: dict[str, dict[str, set[str]]] = {role: {} for role in _ROLES}

        def add(role: str, phrases: tuple[str, ...], rid: str) -> None:
            for p in phrases:
                entries[role].setdefault(p, set()).add(rid)

        for req in library.requirements:
            for key in _ACTION_KEYS:
                add("act", req.lexicon[key][lang], req.id)
            add("ref", req.lexicon["refusable"][lang], req.id)
            add("con", req.lexicon["contradicting"][lang], req.id)
            add("obj", req.lexicon["broad_objects"][lang], req.id)
            for el in req.elements:
                add("obj", el.objects[lang], req.id)
        everyone = {r.id for r in library.requirements}
        for p in library.common["modals"]["negated_obligation"][lang]:
            entries["neg"].setdefault(p, set()).update(everyone)
        self.scanners = {role: _role_scanner(entries[role], lang) for role in _ROLES}

    def scan(self, text: str) -> Scan:
        scanned = ascii_lower(text) if self.lang == "en" else text
        starts: dict[str, list[int]] = {}
        reqs: dict[str, list[frozenset[str]]] = {}
        for role, scanner in self.scanners.items():
            if scanner is None:
                continue
            hits = scanner.scan(scanned)
            starts[role] = [h[0] for h in hits]
            reqs[role] = [h[1] for h in hits]
        return Scan(starts, reqs)


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
