"""Regular expressions built for speed from lists of phrases, without changing what they match.

``re`` tries every branch of an alternation at every position it cannot rule out; a pattern that
opens with a word boundary or a lookahead gives it nothing to rule positions out by. Two devices
keep the library's long phrase lists cheap on a 100-page contract: a prefix-factored trie of the
literal phrases, and a start gate in front of the ``re:`` entries.
"""

from __future__ import annotations

import re
import re._constants as _sre  # the parser's opcodes: read to find where an entry can start
import re._parser as _sre_parse


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


def start_dispatch(named: list[tuple[str, str]], ignore_case: bool,
                   capture: bool = True) -> tuple[str, dict[str, str]] | None:
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
        return re.escape(ch) if ch.upper() == ch == ch.lower() else "(?i:" + re.escape(ch) + ")"

    groups: list[str] = []
    for first in sorted({k[0] for _, keys in keyed for k in keys}):
        whole = [i for i, keys in keyed if first in keys]  # a one-character head: the entry fits any second
        seconds = sorted({k[1] for i, keys in keyed for k in keys if len(k) == 2 and k[0] == first})
        subs = []
        for second in seconds:
            members = [i for i, keys in keyed if first in keys or first + second in keys]
            subs.append(f"(?=(?s:.){cls(second)})" + alternation(members))
        if whole:
            subs.append(alternation(whole))  # after every second character: only what fits any
        groups.append(f"(?={cls(first)})" + "(?:" + "|".join(subs) + ")")
    return "(?:" + "|".join(groups) + ")", names


def start_gate(sources: list[str]) -> str | None:
    """A lookahead that every match of any of ``sources`` passes, or None when one can start anywhere.

    Tried at every word boundary, a long alternation enters each alternative in turn (26 ``re:``
    entries cost the candidate scan 20 times the literal trie beside them); the gate rejects a
    position that cannot start any of them in one trie step. It is case-insensitive, so it admits
    at least what the alternatives admit under any flags: the search's result is unchanged.
    """
    heads: set[str] = set()
    for src in sources:
        got = _source_heads(src)
        if got is None:
            return None
        heads |= got
    return "(?=(?i:" + trie_pattern(sorted(heads), space=" ") + "))"
