"""Clause alignment of a bilingual contract: which Chinese block says what which English block says.

Two layouts are common: a two-column table (the versions side by side, one row per clause) and alternating
paragraphs (each Chinese paragraph followed by its English version, or whole sections in turn). Blocks are
paired, in this order of trust, by the table row they share, by their clause number (3.3 = 3.3, 第三条 =
Article 3, （一） = (a) under the same clause), and between those anchors by order and length. The pairs carry
roles across (:func:`cliccheck.roles.find_roles`: "the Supplier" of English 3.3 is the 乙方 of Chinese 3.3).

The whole pass is linear in the number of blocks apart from small gaps between anchors, so a long contract
costs little.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from ..lang.zh import parse_numeral
from ..model import Block, Document

__all__ = ["align_versions", "clause_keys"]

_NUMBER = re.compile(r"^\s*(?:(?:article|clause|section|art\.)\s*)?(\d{1,3}(?:\s*[.．]\s*\d{1,3})*)(?![\d%])[.．、)）]?\s*",
                     re.IGNORECASE)
_ARTICLE = re.compile(r"^\s*第\s*([一二三四五六七八九十百零〇两\d]{1,6})\s*[条章节]\s*")
_ZH_TOP = re.compile(r"^\s*([一二三四五六七八九十百]{1,4})\s*、\s*")
_ITEM = re.compile(r"^\s*[（(]\s*([a-zA-Z]{1,4}|\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]\s*|^\s*([a-z])[.)]\s+")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
#: largest gap between anchors aligned by length (cells); a larger one is paired in order only where the counts agree
_GAP_CELLS = 400


def _ordinal(token: str, previous: int) -> int | None:
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    if token in _ROMAN and not (token == "i" and previous == 8):  # "(i)" after "(h)" is the letter
        return _ROMAN[token]
    if len(token) == 1 and "a" <= token <= "z":
        return ord(token) - ord("a") + 1
    return parse_numeral(token)


def clause_keys(blocks: Sequence[Block]) -> list[str | None]:
    """The clause number each block starts with, normalised so both languages compare: "3.3" for "3.3 …",
    "3" for "第三条"/"Article 3"/"三、", "3.6.1" for "（一）"/"(a)" under clause 3.6; None for an unnumbered block."""
    keys: list[str | None] = []
    parent = ""
    last_item = 0
    for b in blocks:
        text = b.text
        key: str | None = None
        m = _ARTICLE.match(text) or _ZH_TOP.match(text)
        if m:
            value = int(m.group(1)) if m.group(1).isdigit() else parse_numeral(m.group(1))
            key = str(value) if value is not None else None
        elif (m := _NUMBER.match(text)) is not None and (m.end() < len(text) or "." in m.group(1)):
            key = re.sub(r"\s+", "", m.group(1)).replace("．", ".").rstrip(".")
        if key is not None:
            parent, last_item = key, 0
        elif (m := _ITEM.match(text)) is not None and parent:
            number = _ordinal(m.group(1) or m.group(2), last_item)
            if number is not None:
                last_item = number
                key = f"{parent}.{number}"
        keys.append(key)
    return keys


def _versions(doc: Document) -> tuple[list[Block], list[Block]]:
    zh = [b for b in doc.blocks if b.is_body and b.language == "zh"]
    en = [b for b in doc.blocks if b.is_body and b.language == "en"]
    return zh, en


def _cost(z: Block, e: Block) -> float:
    """How unlike two blocks are in length (a Chinese clause runs about a third of its English characters)."""
    return abs(math.log((len(z.text) * 3 + 10) / (len(e.text) + 10)))


def _fill(zs: list[int], es: list[int], zh: list[Block], en: list[Block]) -> list[tuple[int, int]]:
    """Pair the unanchored blocks of one gap: in order when the counts agree, else by length (edit distance with
    skips), else not at all."""
    if not zs or not es:
        return []
    if len(zs) == len(es):
        return list(zip(zs, es, strict=True))
    if len(zs) * len(es) > _GAP_CELLS:
        return []
    skip = 1.0
    n, m = len(zs), len(es)
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0], move[i][0] = i * skip, "z"
    for j in range(1, m + 1):
        cost[0][j], move[0][j] = j * skip, "e"
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = ((cost[i - 1][j - 1] + _cost(zh[zs[i - 1]], en[es[j - 1]]), "p"),
                       (cost[i - 1][j] + skip, "z"), (cost[i][j - 1] + skip, "e"))
            cost[i][j], move[i][j] = min(options)
    out: list[tuple[int, int]] = []
    i, j = n, m
    while i and j:
        step = move[i][j]
        if step == "p":
            out.append((zs[i - 1], es[j - 1]))
            i, j = i - 1, j - 1
        elif step == "z":
            i -= 1
        else:
            j -= 1
    return out[::-1]


def _monotone(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of anchors in the same order in both versions (a clause cited out of order is dropped)."""
    pairs = sorted(set(pairs))
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(pairs)
    for k, (_, e) in enumerate(pairs):
        pos = bisect_left(tails, e)
        if pos == len(tails):
            tails.append(e)
            tail_at.append(k)
        else:
            tails[pos] = e
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    out: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


def align_versions(doc: Document) -> list[tuple[Block, Block]]:
    """(Chinese block, English block) pairs of the same clause, in document order; empty for a document
    written in one language."""
    zh, en = _versions(doc)
    if not zh or not en:
        return []
    anchors: list[tuple[int, int]] = []
    # a two-column table: the cells of one row
    rows: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for j, b in enumerate(en):
        if b.table is not None:
            rows[(b.table.table, b.table.row, b.table.depth)].append(j)
    for i, b in enumerate(zh):
        if b.table is not None:
            row = rows.get((b.table.table, b.table.row, b.table.depth))
            if row and len(row) == 1:
                anchors.append((i, row[0]))
    # the same clause number, when it is unique in each version
    zkeys, ekeys = clause_keys(zh), clause_keys(en)
    where: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(ekeys):
        if key is not None:
            where[key].append(j)
    seen: dict[str, int] = defaultdict(int)
    for key in zkeys:
        if key is not None:
            seen[key] += 1
    tabled = {i for i, _ in anchors}
    for i, key in enumerate(zkeys):
        if key is not None and i not in tabled and seen[key] == 1 and len(where.get(key, ())) == 1:
            anchors.append((i, where[key][0]))
    anchors = _monotone(anchors)
    pairs = list(anchors)
    bounds = [(-1, -1), *anchors, (len(zh), len(en))]
    for (zi, ei), (zj, ej) in itertools.pairwise(bounds):
        pairs += _fill(list(range(zi + 1, zj)), list(range(ei + 1, ej)), zh, en)
    pairs.sort()
    return [(zh[i], en[j]) for i, j in pairs]
