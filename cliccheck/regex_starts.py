"""Regular expressions built for speed from lists of phrases, without changing what they match.

``re`` tries every branch of an alternation at every position it cannot rule out; a pattern that
opens with a word boundary or a lookahead gives it nothing to rule positions out by. Four devices
keep the library's long phrase lists cheap on a 100-page contract: a prefix-factored trie of the
literal phrases; a start gate in front of the ``re:`` entries; a dispatch that tries each entry only
where its first characters stand; and a guard that rules a text out, in one fast case-sensitive
search, when it holds none of the words every match must contain.
"""

from __future__ import annotations

import _sre as _sre_engine
import functools
import itertools
import re
import re._constants as _sre  # the parser's opcodes: read to find where an entry can start
import re._parser as _sre_parse
from typing import NamedTuple


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


_HEAD_LEN = 3
_MAX_HEADS = 400

#: a possible start of a match: its first characters, and whether the parsed items end there (so the
#: next item's characters follow) or the start was cut short (nothing more is known)
_Head = tuple[str, bool]


def _item_heads(op: object, av: object) -> set[_Head] | None:
    """How one parsed item can start, or None when it can start with anything."""
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {("", True)}  # zero width
    if op is _sre.LITERAL:
        return {(chr(av), True)}  # type: ignore[arg-type]
    if op is _sre.IN:
        chars: set[str] = set()
        for sub_op, sub_av in av:  # type: ignore[attr-defined]
            if sub_op is _sre.LITERAL:
                chars.add(chr(sub_av))
            elif sub_op is _sre.RANGE and sub_av[1] - sub_av[0] < 64:
                chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
            else:
                return None  # a negated set or a category: anything may start here
        return {(c, True) for c in chars}
    if op is _sre.SUBPATTERN:
        return _heads(av[3])  # type: ignore[index]
    if op is _sre.BRANCH:
        out: set[_Head] = set()
        for branch in av[1]:  # type: ignore[index]
            got = _heads(branch)
            if got is None:
                return None
            out |= got
        return out
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, items = av  # type: ignore[misc]
        got = _heads(items)
        if got is None:
            return None
        once = low == high == 1 or (low == 0 and high == 1)
        heads = got if once else {(h, False) for h, _ in got}  # a repeat may go on with itself
        return heads | {("", True)} if low == 0 else heads
    return None


def _heads(items: object) -> set[_Head] | None:
    """How a match of the parsed ``items`` starts: prefixes of up to ``_HEAD_LEN`` characters."""
    acc: set[_Head] = {("", True)}
    for op, av in items:  # type: ignore[attr-defined]
        if all(not done or len(h) >= _HEAD_LEN for h, done in acc):
            break
        got = _item_heads(op, av)
        nxt: set[_Head] = set()
        for h, done in acc:
            if not done or len(h) >= _HEAD_LEN:
                nxt.add((h, False))
            elif got is None:
                if not h:
                    return None
                nxt.add((h, False))
            else:
                nxt.update(((h + g)[:_HEAD_LEN], gdone and len(h + g) <= _HEAD_LEN) for g, gdone in got)
        acc = nxt
        if len(acc) > _MAX_HEADS:
            return None
    return acc


def _source_heads(src: str) -> set[str] | None:
    """The first characters (up to ``_HEAD_LEN``) of every match of ``src``, or None when unknown."""
    try:
        got = _heads(_sre_parse.parse(src))
    except re.error:  # an entry that refers to a group of another: read with the others only
        return None
    if got is None or any(not h for h, _ in got):
        return None  # the entry can start anywhere, or match nothing at all
    return {h for h, _ in got}


class Dispatch(NamedTuple):
    """A first-characters dispatch: the one expression, the entry each named group copy stands for, and the part
    of the expression for each (lower-cased) first character, for a caller that finds the starts itself."""

    pattern: str
    names: dict[str, str]
    by_first: dict[str, str]


def _shown(ch: str) -> set[str] | None:
    """The characters an ASCII-lower-cased text can show where a case-insensitive pattern has ``ch`` (the
    lower-case letter and the non-ASCII characters ``re`` equates with it), or None when that is not known."""
    if ch.isascii():
        low = ch.lower()
        return {low, *(c for c, k in _FOLD_SPECIALS.items() if k == low)}
    return {ch} if not _sre_iscased(ord(ch)) else None


def start_dispatch(named: list[tuple[str, str]], ignore_case: bool, capture: bool = True,
                   lowered: bool = False) -> Dispatch | None:
    """One alternation of the named ``(name, source)`` entries, dispatched on the first character.

    The start gate only says that *some* entry may start at a position; ``re`` then still enters every
    alternative in turn. Here the alternatives are grouped by the characters they can start with, each group
    behind a one-character lookahead, so at a position only the entries that can start with its character
    are tried, in their original order: the leftmost match, and which entry makes it, are unchanged. An entry
    that can start with several characters appears in several groups under numbered copies of its name;
    the returned map takes each group name back to the entry's name (``capture=False``: plain groups, no
    names, for a caller that reads only the whole match). None when an entry can start anywhere.
    """
    keyed: list[tuple[int, set[str]]] = []
    for i, (_, src) in enumerate(named):
        heads = _source_heads(src)
        if heads is None:
            return None
        keyed.append((i, {h[:2].lower() for h in heads}))
    names: dict[str, str] = {}

    def alternation(members: list[int]) -> str:
        alts = []
        for i in members:
            name, src = named[i]
            copy = f"{name}_{len(names)}"
            names[copy] = name
            body = f"(?i:{src})" if ignore_case else src
            alts.append(f"(?P<{copy}>{body})" if capture else f"(?:{body})")
        return "(?:" + "|".join(alts) + ")"

    def cls(ch: str) -> str:  # any case: the keys are lower-cased, whatever the flags
        shown = _shown(ch) if lowered else None
        if shown is not None:  # a case-sensitive class is a faster test than a case-insensitive character
            return "[" + "".join(re.escape(c) for c in sorted(shown)) + "]"
        return re.escape(ch) if ch.upper() == ch == ch.lower() else "(?i:" + re.escape(ch) + ")"

    by_first: dict[str, str] = {}
    for first in sorted({k[0] for _, keys in keyed for k in keys}):
        whole = [i for i, keys in keyed if first in keys]  # a one-character head: the entry fits any second
        seconds = sorted({k[1] for i, keys in keyed for k in keys if len(k) == 2 and k[0] == first})
        subs = []
        for second in seconds:
            members = [i for i, keys in keyed if first in keys or first + second in keys]
            subs.append(f"(?=(?s:.){cls(second)})" + alternation(members))
        if whole:
            subs.append(alternation(whole))  # after every second character: only what fits any
        by_first[first] = "(?:" + "|".join(subs) + ")"
    pattern = "(?:" + "|".join(f"(?={cls(first)})" + sub for first, sub in by_first.items()) + ")"
    return Dispatch(pattern, names, by_first)


def first_key(ch: str) -> str:
    """The dispatch key of a text character: what ``start_dispatch`` files an entry starting with it under."""
    return ch.translate(_FOLD).lower()


def first_chars(keys: list[str]) -> str:
    """Every character whose ``first_key`` is one of ``keys`` (as a regex character class's contents)."""
    chars = set(keys) | {k.upper() for k in keys if len(k.upper()) == 1}
    chars |= {c for c, k in _FOLD_SPECIALS.items() if k in keys}
    return "".join(re.escape(c) for c in sorted(chars))


def start_gate(sources: list[str], lowered: bool = False) -> str | None:
    """A lookahead that every match of any of ``sources`` passes, or None when one can start anywhere.

    Tried at every word boundary, a long alternation enters each alternative in turn (26 ``re:``
    entries cost the candidate scan 20 times the literal trie beside them); the gate rejects a
    position that cannot start any of them in one trie step. It is case-insensitive, so it admits
    at least what the alternatives admit under any flags: the search's result is unchanged.
    ``lowered``: the text is ASCII-lower-cased, so the gate is the case-sensitive trie of what such a text
    can show (a quarter faster), when every head's characters are known.
    """
    heads: set[str] = set()
    for src in sources:
        got = _source_heads(src)
        if got is None:
            return None
        heads |= got
    if lowered:
        shown = [[_shown(c) for c in h] for h in heads]
        if all(s is not None for chars in shown for s in chars):
            variants = {"".join(p) for chars in shown for p in itertools.product(*chars)}  # type: ignore[arg-type]
            return "(?=" + trie_pattern(sorted(variants), space=" ") + ")"
    return "(?=(?i:" + trie_pattern(sorted(heads), space=" ") + "))"


# --- required words: a cheap test that rules out a text before the expression runs over it ------------------

#: case folding that maps every character ``re`` lets match an ASCII letter under IGNORECASE onto the
#: lower-case letter (the four non-ASCII ones are the only such characters: tests/test_fast_regex.py checks it)
_FOLD_SPECIALS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)}, **_FOLD_SPECIALS})
_MAX_WORDS = 400
_FEW_WORDS = 4
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def fold(text: str) -> str:
    """``text`` with the folding the required words are written in (same length)."""
    return text.translate(_FOLD)


def _usable(ch: int, ignore_case: bool) -> bool:
    """Whether a literal character matches only itself after folding (``re`` compiles an uncased one exactly)."""
    return not ignore_case or ch < 128 or not _sre_iscased(ch)


def _sre_iscased(ch: int) -> bool:
    """The engine's own test, the one ``re`` uses to decide whether a literal ignores case."""
    return bool(_sre_engine.unicode_iscased(ch))


def _required(items: object, ignore_case: bool) -> frozenset[str] | None:
    """Words (folded) of which every match of ``items`` contains at least one, or None when none is known.

    Only consumed characters count: a run of literals is a word; a group, a repeat done at least once and an
    alternation whose every branch requires words pass theirs on. Of several candidates the one whose
    shortest word is longest wins (the most selective test)."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(words: frozenset[str] | None) -> None:
        nonlocal best
        if not words or len(words) > _MAX_WORDS:
            return
        if best is None or (min(map(len, words)), -len(words)) > (min(map(len, best)), -len(best)):
            best = words

    def flush() -> None:
        if run:
            consider(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:  # type: ignore[attr-defined]
        if op is _sre.LITERAL and _usable(av, ignore_case):  # type: ignore[arg-type]
            run.append(fold(chr(av)))  # type: ignore[arg-type]
            continue
        flush()
        if op is _sre.SUBPATTERN:
            _, add, remove, sub = av  # type: ignore[misc]
            inner = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            consider(_required(sub, inner))
        elif op is _sre.ATOMIC_GROUP:
            consider(_required(av, ignore_case))
        elif op in _REPEATS and av[0] >= 1:  # type: ignore[index]
            consider(_required(av[2], ignore_case))  # type: ignore[index]
        elif op is _sre.BRANCH:
            words: set[str] = set()
            for branch in av[1]:  # type: ignore[index]
                got = _required(branch, ignore_case)
                if got is None:
                    words = set()
                    break
                words |= got
            consider(frozenset(words))
    flush()
    return best


def phrase_words(phrase: str, ignore_case: bool, spaces: bool) -> str | None:
    """The longest folded piece of a literal phrase that every match of it contains (``spaces``: a space in
    the phrase stands for any run of white space, so a piece never crosses one)."""
    pieces = re.split(r"\s+", phrase) if spaces else [phrase]
    usable = [piece for p in pieces for piece in re.split(
        "|".join(re.escape(c) for c in set(p) if not _usable(ord(c), ignore_case)) or "(?!)", p)]
    best = max(usable, key=len, default="")
    return fold(best) or None


def required_words(source: str, flags: int = 0) -> frozenset[str] | None:
    """Folded words of which every match of ``source`` (compiled with ``flags``) contains one; None if unknown."""
    try:
        parsed = _sre_parse.parse(source, flags)
    except re.error:
        return None
    return _required(parsed, bool(parsed.state.flags & re.IGNORECASE))


class GuardedPattern:
    """A compiled expression that first asks, in one fast case-sensitive search of the folded text, whether the
    text holds any word every match must contain; most sentences of a contract hold none of an amendment's or a
    deeming's words, and that test costs a fraction of running the case-insensitive expression over them.

    It answers ``search``, ``match``, ``fullmatch``, ``finditer`` and ``findall`` exactly as the expression does
    (no match is possible without one of the words), and passes everything else to it."""

    __slots__ = ("_guard", "_rx", "_words")

    def __init__(self, rx: re.Pattern[str], words: frozenset[str]):
        self._rx = rx
        self._guard = re.compile(trie_pattern(sorted(words), space=" "))
        # a few words: one substring test each is cheaper than entering an expression
        self._words = tuple(sorted(words, key=len, reverse=True)) if len(words) <= _FEW_WORDS else None

    def _ruled_out(self, string: str) -> bool:
        folded = _folded(string)
        if self._words is not None:
            return not any(w in folded for w in self._words)
        return self._guard.search(folded) is None

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return None if self._ruled_out(string) else self._rx.search(string, *args)

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        return None if self._ruled_out(string) else self._rx.match(string, *args)

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        return None if self._ruled_out(string) else self._rx.fullmatch(string, *args)

    def finditer(self, string: str, *args: int):  # type: ignore[no-untyped-def]
        return iter(()) if self._ruled_out(string) else self._rx.finditer(string, *args)

    def findall(self, string: str, *args: int) -> list[object]:
        return [] if self._ruled_out(string) else self._rx.findall(string, *args)

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):  # not set yet (copy, pickle): never look it up on a missing ``_rx``
            raise AttributeError(name)
        return getattr(self._rx, name)

    def __repr__(self) -> str:
        return f"GuardedPattern({self._rx!r})"


@functools.lru_cache(maxsize=8192)
def _folded(string: str) -> str:
    return fold(string)


def guarded(rx: re.Pattern[str], words: frozenset[str] | None) -> re.Pattern[str]:
    """``rx`` behind the test for ``words`` (typed as a pattern: it answers every call the matcher makes)."""
    if not words or min(map(len, words)) < 2:
        return rx
    return GuardedPattern(rx, words)  # type: ignore[return-value]
