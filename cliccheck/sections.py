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
    # 附件一：产品清单 / 附录2 / Schedule 1 / Annex A / Appendix II: a section of its own, above any clause in it
    (re.compile(rf"^((?:附件|附录|附表)\s*(?:{ZH_NUM}|\d+)?)(?=\s*(?:[：:、.．\s]|$))\s*[：:、.．]?\s*"), "zh-annex"),
    (re.compile(r"^((?:SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix|EXHIBIT|Exhibit)\s+"
                r"(?:\d{1,3}|[A-Z]{1,2}|[IVX]{1,5})(?![A-Za-z0-9]))\s*[:.\-–—]?\s*"), "annex"),
    (re.compile(rf"^(第\s*(?:{ZH_NUM}|\d+)\s*[{zh.CHAPTER_WORDS}])\s*"), "zh-chapter"),
    # 第五条之一: an article inserted after 第五条 without renumbering the rest
    (re.compile(rf"^(第\s*(?:{ZH_NUM}|\d+)\s*[{zh.ARTICLE_WORDS}](?:之{ZH_NUM}(?=\s|$|[：:、.．]))?)\s*"),
     "zh-article"),
    (re.compile(rf"^({ZH_NUM})\s*[、．.]\s*"), "zh-top"),
    (re.compile(rf"^([（(]\s*{ZH_NUM}\s*[）)])\s*"), "zh-paren"),
    (re.compile(r"^([（(]\s*\d{1,3}\s*[）)])\s*"), "paren-digit"),
    # 5A. / 5A.1 / 7.2A: a clause inserted after 5 (7.2) without renumbering the rest; the letter needs a dot or a
    # sub-number beside it, so "5G networks" stays words
    (re.compile(r"^(\d{1,3}(?:[.．]\d{1,3})*[A-Z](?:[.．]\d{1,3})+|\d{1,3}[A-Z](?=[.．])|"
                r"\d{1,3}(?:[.．]\d{1,3})+[A-Z])(?:[.．])?(?=\s)\s*"), "lettered"),
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


#: Every pattern above as one alternation: a block that matches none of them (most unnumbered
#: paragraphs) is ruled out by a single C-level match instead of eleven.
#: Alternation is ordered like the loop, so the group that matched names the first pattern to try.
_ANY_LABEL = re.compile("|".join(
    f"(?P<p{i}>{pattern.pattern[1:]})" if not pattern.flags & re.IGNORECASE else
    f"(?P<p{i}>(?i:{pattern.pattern[1:]}))"
    for i, (pattern, _) in enumerate(_PATTERNS)))
#: Where pattern k's own group 1 (the label) sits in the alternation.
_LABEL_GROUP = [_ANY_LABEL.groupindex[f"p{i}"] + 1 for i in range(len(_PATTERNS))]
_SPACES = re.compile(r"\s+")


def parse_label(text: str, *, in_zh_article: bool = False, after_letter: str | None = None) -> Label | None:
    """The numbering label at the start of ``text``, if any.

    ``in_zh_article`` makes a bare ``1.``/``1、`` a sub-item (Chinese contracts
    number items under 第X条 that way); ``after_letter`` disambiguates ``(i)``
    after ``(h)`` as a letter rather than a roman numeral.
    """
    stripped = text.lstrip()
    first = _ANY_LABEL.match(stripped)
    if first is None:
        return None
    k = int(first.lastgroup[1:])  # type: ignore[index]
    found: str | None = first.group(_LABEL_GROUP[k])
    end = first.end()
    for pattern, kind in _PATTERNS[k:]:
        if found is None:  # only after "(i)" turned out to be no roman numeral
            m = pattern.match(stripped)
            if not m:
                continue
            found, end = m.group(1), m.end()
        raw = _SPACES.sub("", found) if kind not in ("en-clause", "annex") else _SPACES.sub(" ", found)
        found = None
        rest = stripped[end:]
        if kind in ("zh-annex", "annex") and (len(rest) > 40 or _NOT_A_TITLE.search(rest)):
            return None  # "Schedule 1 sets out the Products." refers to a schedule; it is not its heading
        if kind == "zh-annex":
            return Label(raw, -1, False, rest)
        if kind == "annex":
            word, _, number = raw.partition(" ")
            return Label(f"{word.capitalize()} {number.strip()}", -1, False, rest)
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
        if kind == "lettered":
            value = raw.replace("．", ".")
            return Label(value, value.count(".") + 1, False, rest)
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
    return 0 < len(rest) <= 40 and not _NOT_A_TITLE.search(rest)


_NOT_A_TITLE = re.compile(r"[。；;:：,，]|\.\s|\.$")


class _Track:
    """One numbering sequence (a language, or a table column) and what its stack implies.

    The derived values change only when a label is pushed, so they are computed then,
    not for every block.
    """

    __slots__ = ("after_letter", "in_zh_article", "inherited", "section", "stack")

    def __init__(self) -> None:
        self.stack: list[Label] = []
        self.section: str | None = None  # what a labelled block at the top of the stack is numbered
        self.inherited: str | None = None  # what an unlabelled block after it belongs to
        self.in_zh_article = False
        self.after_letter: str | None = None

    def push(self, label: Label) -> None:
        stack = self.stack
        while stack and stack[-1].level >= label.level:
            stack.pop()
        stack.append(label)
        i = len(stack) - 1
        while i > 0 and stack[i].relative:
            i -= 1
        self.section = label.text if i == len(stack) - 1 else "".join(lbl.text for lbl in stack[i:])
        if stack[0].level < 0 and i > 0:  # inside 附件二 / Schedule 1: "附件二 第三条", "Schedule 1 item 3"
            annex = stack[0].text
            inner = self.section
            if annex[:1].isascii():
                inner = f"item {inner}" if inner[:1].isdigit() else inner
            self.section = f"{annex} {inner}"
        # A relative label with no self-qualifying one above it ("(1) Northbridge ..." among the
        # parties of a preamble) numbers only its own item: the paragraphs after it are not part of it.
        self.inherited = None if stack[i].relative else self.section
        in_zh_article = False
        for lbl in stack:
            if lbl.text.startswith("第") or lbl.text.endswith("、"):
                in_zh_article = True
                break
        self.in_zh_article = in_zh_article
        top = label.text
        self.after_letter = top[1] if top.startswith("(") and len(top) == 3 else None


def _item_of_article(label: Label, stack: list[Label]) -> Label:
    """一、二、 numbering the items of an open article ("第十二条 审查配合" then "一、…" "二、…") is a sub-level of it,
    so its items are read as one clause; a list of 一、 restarting anywhere else stays a top level ("一、总则")."""
    if label.relative or label.level != 1 or not label.text.endswith("、") or not stack:
        return label
    top = stack[-1]
    opens = label.text == "一、" and top.level == 1 and top.text.startswith("第")
    continues = top.level == 2 and top.relative and top.text.endswith("、")
    return Label(label.text, 2, True, label.rest) if opens or continues else label


def assign_sections(blocks: Iterable[Block]) -> None:
    """Set ``label``, ``section`` and ``section_title`` on each block in place."""
    tracks: dict[object, _Track] = {}
    titles: dict[object, str | None] = {}
    last_track: object = ("lang", "en")
    for block in blocks:
        if not block.is_body or block.kind in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE):
            continue
        if block.table is not None:
            key: object = ("table", block.table.table, block.table.column)
        elif block.language in ("zh", "en"):
            key = ("lang", block.language)
        else:
            key = last_track
        last_track = key
        track = tracks.get(key)
        if track is None:
            track = tracks[key] = _Track()
        source = f"{block.label} {block.text}" if block.label else block.text
        label = parse_label(source, in_zh_article=track.in_zh_article, after_letter=track.after_letter)
        if label is not None:
            label = _item_of_article(label, track.stack)
            track.push(label)
            if not label.relative:
                titles[key] = label.rest.strip() if _is_heading_like(block, label.rest) else None
            section = track.section
        else:
            if block.kind == BlockKind.HEADING and track.stack:
                titles[key] = block.text.strip()
            section = track.inherited
        if section is None and block.table is not None:
            # A table inside a clause belongs to that clause.
            for lang_key in (("lang", block.language), ("lang", "en"), ("lang", "zh")):
                fallback = tracks.get(lang_key)
                if fallback is not None and fallback.stack:
                    section = fallback.inherited
                    break
        block.section = section
        block.section_title = titles.get(key) if section else None
