"""Where a contract's operative clauses end, how it numbers them, and what it calls itself.

Why: a new article must go where a drafter would put it (before the signature
block or the first schedule, never after them), carry the next number in the
contract's own scheme (第十三条 after 第十二条, 11. after 10., Word's own list
numbering when the contract uses it) and look like its neighbours. All the
words this relies on (签字, IN WITNESS WHEREOF, 附件, Schedule) are data in
``templates/redline/layout.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from ..lang import zh
from ..model import Block, BlockKind, Document
from ..sections import parse_label
from .render import templates_dir, zh_numeral


@cache
def layout_data() -> dict[str, Any]:
    """templates/redline/layout.yaml, with its patterns compiled."""
    with open(templates_dir() / "redline" / "layout.yaml", encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    for key in ("signature", "schedule", "not_articles", "party_lines"):
        data[key] = [re.compile(p) for p in data[key]]
    data["liability_cap"] = {lang: [re.compile(p) for p in patterns]
                             for lang, patterns in data.get("liability_cap", {}).items()}
    return data


def is_signature(text: str) -> bool:
    """Does this paragraph open the signature block (or the 以下无正文 line before it)?"""
    stripped = text.strip()
    return any(p.match(stripped) for p in layout_data()["signature"])


def is_schedule_heading(text: str) -> bool:
    """Is this paragraph the heading of a schedule / 附件 (not a clause that mentions one)?"""
    stripped = text.strip()
    if not stripped or len(stripped) > layout_data()["schedule_max_chars"]:
        return False
    return any(p.match(stripped) for p in layout_data()["schedule"])


@dataclass(slots=True)
class Numbering:
    """How the next article is numbered: typed labels to continue, or Word's list numbering."""

    prefixes: dict[str, str] = field(default_factory=dict)  # lang -> typed label of the last article
    word_numbered: bool = False  # the label comes from w:numPr: new headings copy it and type none
    mixed: bool = False  # one heading carries both languages ("第三条 语言 Clause 3 Language")

    def label(self, lang: str, k: int, between: bool = False) -> str | None:
        """The k-th new label after the last article (k >= 1); None when Word numbers it."""
        prefix = self.prefixes.get(lang)
        if prefix is None:
            prefix = next(iter(self.prefixes.values()), None)
        if prefix is None:
            return None
        if between:
            return between_label(prefix, lang, k)
        if self.word_numbered:
            return None
        return increment(prefix, k)


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


_LAST_NUMBER = re.compile(rf"(\d+)(?!.*\d)|(?<=第)([{zh.NUMERAL_CHARS}]+)(?=[条款章节])")


def increment(prefix: str, k: int) -> str:
    """"第十二条" + 1 -> "第十三条"; "10.3" + 1 -> "10.4"; "Clause 9" + 2 -> "Clause 11"."""
    matches = list(_LAST_NUMBER.finditer(prefix))
    if not matches:
        return prefix
    m = matches[-1]
    if m.group(1) is not None:
        return prefix[:m.start(1)] + str(int(m.group(1)) + k) + prefix[m.end(1):]
    value = zh.parse_numeral(m.group(2))
    if value is None or value + k > 99:
        return prefix
    return prefix[:m.start(2)] + zh_numeral(value + k) + prefix[m.end(2):]


def between_label(prefix: str, lang: str, k: int) -> str:
    """The k-th article inserted after ``prefix`` without renumbering: 第三条之一, 7A., Clause 3B."""
    stem = prefix.rstrip(".．")
    dot = prefix[len(stem):]
    template = layout_data()["between"][lang]
    return template.format(label=stem, zh=zh_numeral(k), letter=chr(ord("A") + (k - 1) % 26)) + dot


@dataclass(slots=True)
class Layout:
    """What the redline needs to know about the contract's structure."""

    boundary: Block | None = None  # first signature / schedule / closing paragraph after the articles
    last_article: Block | None = None  # the heading (or labelled paragraph) of the last article before it
    first_heading: Block | None = None  # the first of its headings (zh before en in an alternating contract)
    article_body: Block | None = None  # a paragraph of that article, whose formatting new text copies
    numbering: Numbering | None = None
    lang_order: list[str] = field(default_factory=list)  # order of zh/en in an alternating contract
    table_columns: dict[str, int] = field(default_factory=dict)  # lang -> column in a bilingual table
    contract_term: dict[str, str] = field(default_factory=dict)
    title_case: bool = False  # the contract's English article headings are in Title Case ("Supply of Products")

    @property
    def in_table(self) -> bool:
        return bool(self.table_columns) and self.last_article is not None and self.last_article.table is not None


def _article_label(block: Block, in_zh_article: bool = False) -> tuple[str | None, bool] | None:
    """(typed prefix, Word-numbered) when ``block`` opens an article (a top-level clause).

    ``in_zh_article``: a 第X条 is open, so a bare "1." under it is an item, not an article.
    """
    not_articles = layout_data()["not_articles"]
    source = f"{block.label} {block.text}" if block.label else block.text
    label = parse_label(source, in_zh_article=in_zh_article)
    if label is None or label.level > 1 or label.relative:
        return None
    if any(p.search(label.text) for p in not_articles):
        return None
    if block.label:
        return block.label.strip(), True
    stripped = block.text.lstrip()
    return stripped[: len(stripped) - len(label.rest)].rstrip(), False


_EN_LABEL = re.compile(r"\b(?:Clause|Article|Section)\s+\d+(?:\.\d+)*", re.IGNORECASE)


def _lang_of_label(prefix: str, block: Block) -> str:
    if _has_cjk(prefix):
        return "zh"
    return "en" if block.language in ("en", "mixed", "none") else block.language


def _closing_party_lines(body: list[Block], first_article: int) -> Block | None:
    """The first of the 2-3 bare party lines ("Customer: …", "Vendor: …") that end the document, if any.

    Why: a short draft's signature block may be no more than these lines; a new article after them would
    stand outside what the parties sign.
    """
    data = layout_data()
    tail: list[Block] = []
    for b in reversed(body):
        text = b.text.strip()
        if not text:
            continue
        if b.index <= first_article or b.kind == BlockKind.HEADING or b.label or b.table is not None \
                or len(text) > data["party_line_max_chars"] or not any(p.match(text) for p in data["party_lines"]):
            break
        tail.append(b)
    return tail[-1] if 2 <= len(tail) <= 3 else None


def analyse(doc: Document, main_paragraphs: set[int] | None = None) -> Layout:
    """The layout of ``doc``'s body (blocks of the main document part only)."""
    out = Layout()
    body = [b for b in doc.blocks if b.is_body and b.kind not in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE)
            and (main_paragraphs is None or b.paragraph in main_paragraphs)]
    first_article = next((b.index for b in body if _article_label(b) is not None), None)
    for b in body:
        if first_article is not None and b.index <= first_article:
            continue
        if is_signature(b.text) or is_schedule_heading(b.text):
            out.boundary = b
            break
    if out.boundary is None and first_article is not None:
        out.boundary = _closing_party_lines(body, first_article)
    limit = out.boundary.index if out.boundary else len(doc.blocks)
    numbering = Numbering()
    headings: list[str | None] = []
    for b in body:
        if b.index >= limit:
            break
        found = _article_label(b, in_zh_article=bool(numbering.prefixes.get("zh", "").startswith("第")))
        if found is not None:
            prefix, numbered = found
            lang = _lang_of_label(prefix, b) if prefix else b.language
            if numbered or lang in numbering.prefixes or not numbering.prefixes:
                numbering = Numbering(word_numbered=numbered)  # a new article (not its other-language twin)
                out.article_body = None
                out.first_heading = b
            out.last_article = b
            headings.append(_english_heading(b, prefix))
            if prefix:
                numbering.prefixes[lang] = prefix
                # "第三条 语言 Clause 3 Language": one heading in both languages. The language detector may call
                # it Chinese (more characters are Chinese), so the English label itself is what decides.
                en = _EN_LABEL.search(b.text) if lang == "zh" and b.language in ("mixed", "zh") else None
                if en:
                    numbering.prefixes["en"] = en.group(0)
                    numbering.mixed = True
            out.numbering = numbering
        elif out.last_article is not None and b.text.strip() and b.kind != BlockKind.HEADING \
                and (b.table is None) == (out.last_article.table is None) \
                and (out.article_body is None or (not out.article_body.label and b.label
                                                  and out.article_body.table is None and numbering.word_numbered)):
            # the first body paragraph, or a later one Word numbers when the first is an unnumbered lead-in: new
            # articles' paragraphs then carry the sub-numbers the contract's own articles have (7.1, 7.2)
            out.article_body = b
    out.title_case = _is_title_case([h for h in headings if h])
    langs = [b.language for b in body[:limit] if b.language in ("zh", "en") and b.kind != BlockKind.HEADING]
    out.lang_order = list(dict.fromkeys(langs))
    if out.last_article is not None and out.last_article.table is not None:
        cell = out.last_article.table
        columns: dict[str, int] = {}
        for b in body:
            if b.table is not None and b.table.table == cell.table and b.language in ("zh", "en"):
                columns.setdefault(b.language, b.table.column)
        if len(columns) == 2 and len(set(columns.values())) == 2:
            out.table_columns = columns
    text = doc.text
    for lang, terms in layout_data()["contract_terms"].items():
        counts = {t: len(re.findall(re.escape(t), text, flags=re.IGNORECASE if lang == "en" else 0))
                  for t in terms}
        best = max(terms, key=lambda t: (counts[t], -terms.index(t)))
        if counts[best]:
            out.contract_term[lang] = best
    return out


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_HEADING_MAX_CHARS = 80  # longer, it is a clause that starts with its number, not a heading


def _english_heading(block: Block, prefix: str | None) -> str | None:
    """The English words of an article heading (after its label), or None when it is a clause, not a heading."""
    text = block.text.strip()
    if len(text) > _HEADING_MAX_CHARS or text.endswith((".", "。", ";", "；", ":")):
        return None
    en = _EN_LABEL.search(text)
    if en is not None:
        text = text[en.end():]
    elif prefix and text.startswith(prefix):
        text = text[len(prefix):]
    if _has_cjk(text):
        return None
    return text.strip() or None


def _is_title_case(headings: list[str]) -> bool:
    """Every English heading capitalises its words, and at least one has two or more (one word proves nothing)."""
    small = set(layout_data().get("title_case_small_words", []))
    significant = [[w for i, w in enumerate(_WORD.findall(h)) if i == 0 or w.lower() not in small] for h in headings]
    significant = [words for words in significant if words]
    return bool(significant) and any(len(words) > 1 for words in significant) \
        and all(w[0].isupper() for words in significant for w in words)


def title_case(title: str) -> str:
    """"No illegal acquisition of user data" -> "No Illegal Acquisition of User Data"."""
    small = set(layout_data().get("title_case_small_words", []))
    words = title.split(" ")
    return " ".join(w if (i and w.lower() in small) or not w[:1].isalpha() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def references_to(section: str, lang: str) -> re.Pattern[str] | None:
    """A pattern for a citation of clause ``section`` ("Clause 7.1", "第七条", "第2.2条")."""
    if not section:
        return None
    if section.startswith("第"):
        return re.compile(re.escape(section) + r"(?![\d.])")
    if re.fullmatch(r"\d+(?:\.\d+)*", section):
        number = re.escape(section) + r"(?![\d]|\.\d)"
        words = "|".join(re.escape(w) for w in layout_data()["reference_words"]["en"])
        if lang == "zh":
            return re.compile(rf"第\s*{number}\s*[条款项]|(?<![\d.]){number}\s*[条款项]")
        return re.compile(rf"\b(?:{words})\s+{number}")
    m = re.fullmatch(r"(?i)(clause|article|section)\s+(\d+(?:\.\d+)*)", section)
    if m:
        words = "|".join(re.escape(w) for w in layout_data()["reference_words"]["en"])
        return re.compile(rf"\b(?:{words})\s+{re.escape(m.group(2))}(?![\d]|\.\d)")
    return None
