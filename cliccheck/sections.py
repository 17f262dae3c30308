"""Clause numbering: which section governs each block.

Contracts number their clauses in many styles: ``4.1``, ``Clause 12``,
``Article 5``, ``第四条``, ``一、``, ``（一）``, ``(a)``, ``(iv)``. A label
is either *self-qualifying* (``4.1``, ``第四条``: it names the clause on its
own) or *relative* (``（一）``, ``(a)``: it means something only under its
parent), so the section we report is the last self-qualifying label followed
by the relative ones below it: ``第四条（一）``, ``4.1(a)``.

Bilingual contracts run two numbering sequences side by side (parallel
columns or alternating paragraphs), so each language, and each column of a
table, keeps its own stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lang import en, zh
from .model import Block, BlockKind

ZH_NUM = f"[{zh.NUMERAL_CHARS}]+"


@dataclass(frozen=True, slots=True)
class Label:
    text: str  # as it should appear in a section path, e.g. "第四条", "4.1", "(a)"
    level: int  # 0 chapter, 1 article, 2.. sub-levels
    relative: bool  # True when it only makes sense under a parent
    rest: str  # the text after the label


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(第\s*(?:{ZH_NUM}|\d+)\s*[{zh.CHAPTER_WORDS}])\s*"), "zh-chapter"),
    (re.compile(rf"^(第\s*(?:{ZH_NUM}|\d+)\s*[{zh.ARTICLE_WORDS}])\s*"), "zh-article"),
    (re.compile(rf"^({ZH_NUM})\s*[、．.]\s*"), "zh-top"),
    (re.compile(rf"^([（(]\s*{ZH_NUM}\s*[）)])\s*"), "zh-paren"),
    (re.compile(r"^([（(]\s*\d{1,3}\s*[）)])\s*"), "paren-digit"),
    (re.compile(r"^(\d{1,3}(?:\s*[.．]\s*\d{1,3})+)(?:\s*[.．])?(?=\s|$|[A-Za-z\u4e00-\u9fff（(])\s*"), "dotted"),
    (re.compile(r"^(\d{1,3})\s*[.．、](?=\s|\D)\s*"), "digit-dot"),
    (re.compile(
        r"^((?:" + "|".join(en.CLAUSE_WORDS) + r")\s+\d{1,3}(?:\.\d{1,3})*)\b[.:]?\s*",
        re.IGNORECASE,
    ), "en-clause"),
    (re.compile(r"^(\((?:[ivx]{1,5})\))\s*"), "roman-paren"),
    (re.compile(r"^(\([a-z]{1,2}\))\s*"), "letter-paren"),
    (re.compile(r"^([a-z][.)])\s+"), "letter-dot"),
]


def parse_label(text: str, *, in_zh_article: bool = False, after_letter: str | None = None) -> Label | None:
    """The numbering label at the start of ``text``, if any.

    ``in_zh_article`` makes a bare ``1.``/``1、`` a sub-item (Chinese contracts
    number items under 第X条 that way); ``after_letter`` disambiguates ``(i)``
    after ``(h)`` as a letter rather than a roman numeral.
    """
    stripped = text.lstrip()
    for pattern, kind in _PATTERNS:
        m = pattern.match(stripped)
        if not m:
            continue
        raw = re.sub(r"\s+", "", m.group(1)) if kind != "en-clause" else re.sub(r"\s+", " ", m.group(1))
        rest = stripped[m.end():]
        if kind == "zh-chapter":
            return Label(raw, 0, False, rest)
        if kind == "zh-article":
            return Label(raw, 1, False, rest)
        if kind == "zh-top":
            return Label(raw + "、", 1, False, rest)
        if kind == "zh-paren":
            return Label("（" + raw.strip("（()）") + "）", 2, True, rest)
        if kind == "paren-digit":
            return Label("(" + raw.strip("（()）") + ")", 3, True, rest)
        if kind == "dotted":
            value = raw.replace("．", ".")
            return Label(value, value.count(".") + 1, False, rest)
        if kind == "digit-dot":
            if not rest:
                return None  # a bare number (a page number, an amount) is not a label
            value = raw.rstrip(".．、")
            if in_zh_article:
                return Label(value + ".", 3, True, rest)
            return Label(value, 1, False, rest)
        if kind == "en-clause":
            word, _, number = raw.partition(" ")
            return Label(f"{word.capitalize()} {number}", number.count(".") + 1, False, rest)
        if kind == "roman-paren":
            inner = raw[1:-1]
            if len(inner) == 1 and after_letter and ord(inner) == ord(after_letter) + 1:
                return Label(raw, 3, True, rest)
            if en.parse_roman(inner):
                return Label(raw, 4, True, rest)
        if kind == "letter-paren":
            return Label(raw, 3, True, rest)
        if kind == "letter-dot":
            return Label(f"({raw[0]})", 3, True, rest)
    return None


def _compose(stack: list[Label]) -> str | None:
    if not stack:
        return None
    i = len(stack) - 1
    while i > 0 and stack[i].relative:
        i -= 1
    return "".join(label.text for label in stack[i:])


def _is_heading_like(block: Block, rest: str) -> bool:
    if block.kind == BlockKind.HEADING:
        return True
    return 0 < len(rest) <= 40 and not re.search(r"[。；;:：,，]|\.\s|\.$", rest)


def assign_sections(blocks: Iterable[Block]) -> None:
    """Set ``label``, ``section`` and ``section_title`` on each block in place."""
    stacks: dict[object, list[Label]] = {}
    titles: dict[object, str | None] = {}
    last_track: object = ("lang", "en")
    for block in blocks:
        if not block.is_body or block.kind in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE):
            continue
        if block.table is not None:
            track: object = ("table", block.table.table, block.table.column)
        elif block.language in ("zh", "en"):
            track = ("lang", block.language)
        else:
            track = last_track
        last_track = track
        stack = stacks.setdefault(track, [])
        in_zh_article = any(lbl.text.startswith("第") or lbl.text.endswith("、") for lbl in stack)
        after_letter = None
        if stack and stack[-1].text.startswith("(") and len(stack[-1].text) == 3:
            after_letter = stack[-1].text[1]
        source = f"{block.label} {block.text}" if block.label else block.text
        label = parse_label(source, in_zh_article=in_zh_article, after_letter=after_letter)
        if label is not None:
            while stack and stack[-1].level >= label.level:
                stack.pop()
            stack.append(label)
            if not label.relative:
                titles[track] = label.rest.strip() if _is_heading_like(block, label.rest) else None
        elif block.kind == BlockKind.HEADING and stack:
            titles[track] = block.text.strip()
        section = _compose(stack)
        if section is None and block.table is not None:
            # A table inside a clause belongs to that clause.
            fallback = (stacks.get(("lang", block.language)) or stacks.get(("lang", "en"))
                        or stacks.get(("lang", "zh")))
            section = _compose(fallback or [])
        block.section = section
        block.section_title = titles.get(track) if section else None
