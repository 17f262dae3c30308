"""Segmentation: blocks -> sentences, aware of contract numbering and Chinese punctuation.

A sentence ends at 。；！？ (and ; ? ! in English), at a full stop that ends an
English sentence (not "e.g.", "Ltd.", "No. 5" or "4.1"), and at a colon that
introduces an enumeration ("The Vendor undertakes that it shall:", "乙方承诺：").
Such a colon sentence is a *lead-in*: the items listed under it, in the same
block or in the following blocks of the same numbered clause ((a)-(d),
（一）-（四）), get it as ``lead_in`` so the matcher can read "lead-in + item"
as one undertaking.

Blocks whose text mixes the two languages in substance (a bilingual table row,
a paragraph with both versions) are split by script so each language version
is judged on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lang.zh import parse_numeral
from .model import Block, BlockKind, Document
from .normalize import detect_language, is_cjk
from .sections import parse_label

#: Orthographic abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    ["e.g", "i.e", "etc", "ltd", "co", "inc", "corp", "no", "nos", "art", "arts", "para", "paras", "sec", "cl", "mr", "mrs", "ms", "dr", "vs", "cf", "st", "jr", "sr", "approx", "dept", "est", "fig", "govt", "int'l", "llc", "plc", "pte", "bhd", "gmbh", "ag", "sa", "bv", "nv", "pty", "u.s", "u.k", "p.r.c", "prc", "hk"]
)

_ZH_END = "。；！？;"
_BREAK_CHARS = re.compile(r"[。；！？;?!.:：]")
_NEXT_CHAR = re.compile(r"\s*(\S?)")
_EN_END = ";?!"
#: after a colon, a list run on in the same paragraph ("本公司承诺：配合网络安全审查；不利用…；…"): each item
#: belongs to the colon's lead-in as an enumerated item would
#: a short proviso after a semicolon that ends its sentence ("；甲方书面同意的除外。", "；但…者，不在此限。")
_PROVISO_AFTER = re.compile(r"\s*(?:[^。；;！？!?\n，,]{1,40}?除外|但[^。；;！？!?\n]{1,60}?不在此限)\s*(?:[。]|$)")
_INLINE_LIST = re.compile(r"(?!\s*[\"“「『'‘])[^:：。.!?！？]*[；;]\s*\S")  # a list of definitions ("In this Agreement:
#: "Software" means …; "Updates" means …") is read as one sentence, as before
_ITEM_NUMBER_BEFORE = re.compile(r"(?:^|(?<=[\s：:，,。；;）)]))\d{1,2}$")
_ITEM_START = re.compile(r"\s*(?:[（(]\s*(?:[a-zA-Z]{1,2}|[ivxIVX]{1,5}|\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)]"
                         r"|\d{1,2}[.、)]|[一二三四五六七八九十]{1,3}、|[a-z][.)]|[A-Z][.)](?=\s))")


@dataclass(slots=True)
class Sentence:
    """A sentence (or enumeration item) with its document offsets."""

    start: int
    end: int
    text: str
    block: Block
    language: str
    index: int = 0
    is_lead_in: bool = False
    lead_in: Sentence | None = None
    #: cut from a sentence longer than :data:`WINDOW` (the rest of it is not read with this part)
    window: bool = False
    #: ``lead_in`` is the opening of a paragraph whose clauses run on after "；" (not a colon lead-in)
    run_on: bool = False


#: The longest stretch read as one sentence. Reading a sentence costs more than linear time in its length (every
#: modal, party and exception is related to every act), so a longer one (a run-on list, a crafted file) is read
#: in windows cut at clause breaks: the matcher stays linear in the input. Contract sentences are far shorter;
#: an undertaking read from a window never counts as satisfied (the rest of its sentence was not read with it).
WINDOW = 1000
#: Chinese says as much in fewer characters: its window is shorter
WINDOW_CJK = 400
_WINDOW_CUT = re.compile(r"[，,、；;：:）)\s]")


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, is_lead_in)`` spans of ``text`` (end exclusive, stripped)."""
    spans: list[tuple[int, int, bool]] = []
    start = 0
    n = len(text)
    for m in _BREAK_CHARS.finditer(text):
        i = m.start()
        ch = text[i]
        cut = False
        lead = False
        if ch in _ZH_END or ch in _EN_END:
            # "…不得获取甲方及其客户的数据；法律要求或者甲方书面同意的除外。": the proviso is part of the sentence it excepts
            cut = not (ch in "；;" and _PROVISO_AFTER.match(text, i + 1))
        elif ch == ".":
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt == "" or (nxt == " " and not _is_abbreviation(text, i)):
                first = _NEXT_CHAR.match(text, i + 1).group(1)
                cut = not first or first.isupper() or first.isdigit() or first in "(（\"“'"
            elif is_cjk(nxt):
                # "1.乙方应当…": an inline item number, not a full stop (Chinese ends sentences with 。)
                cut = not _is_abbreviation(text, i) and not _ITEM_NUMBER_BEFORE.search(text, max(0, i - 4), i)
        elif ch in ":：" and (not _NEXT_CHAR.match(text, i + 1).group(1) or _ITEM_START.match(text, i + 1)
                              or _INLINE_LIST.match(text, i + 1)):
            cut = True
            lead = True
        if cut:
            end = i + 1
            a, b = _strip(text, start, end)
            if b > a:
                spans.append((a, b, lead))
            start = end
    a, b = _strip(text, start, n)
    if b > a:
        spans.append((a, b, False))
    return spans


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def split_by_script(text: str) -> list[tuple[int, int, str]]:
    """Split a mixed-language text into ``(start, end, lang)`` runs of substance.

    A run changes language only at a sentence-like boundary where the next
    stretch is dominated by the other script, so a Latin company name inside a
    Chinese sentence stays in that sentence.
    """
    pieces = split_sentences(text)
    out: list[tuple[int, int, str]] = []
    for a, b, _ in pieces:
        lang = detect_language(text[a:b])
        if lang == "mixed":
            # Cut at the first switch between a Han stretch and a Latin stretch.
            runs = [(m.start(), m.end()) for m in re.finditer(r"[\u3400-\u9fff\uf900-\ufaff][^A-Za-z]*", text[a:b])]
            if runs:
                first_han = runs[0][0] + a
                last_han = runs[-1][1] + a
                if detect_language(text[a:first_han]) == "en":
                    out.append((a, first_han, "en"))
                    a = first_han
                if detect_language(text[last_han:b]) == "en":
                    out.append((a, last_han, "zh"))
                    out.append((last_han, b, "en"))
                    continue
            lang = "zh" if sum(is_cjk(c) for c in text[a:b]) * 3 >= len(text[a:b]) else "en"
        out.append((a, b, lang if lang in ("zh", "en") else "none"))
    return out


def _clause_of(block: Block) -> str | None:
    return block.section


def _relative_item(block: Block) -> bool:
    label = parse_label(block.text)
    return bool(label and label.relative)


_ARTICLE = re.compile(r"第\s*([一二三四五六七八九十百零〇两\d]{1,6})\s*条|(?:Clause|Article|Section)\s+(\d{1,3})")


def _sub_clause(lead_section: str, section: str | None) -> bool:
    """"9.1" is a sub-clause of "第九条" or "Clause 9": a lead-in heading an article governs its numbered sub-clauses."""
    m = _ARTICLE.fullmatch(lead_section.strip())
    if not m or not section:
        return False
    number = m.group(1) or m.group(2)
    value = int(number) if number.isdigit() else parse_numeral(number)
    return value is not None and section.startswith(f"{value}.")


def _is_item(block: Block) -> bool:
    label = parse_label(block.text)
    return bool(label and label.relative) or bool(_ITEM_START.match(block.text))


def _run_on_opening(sentences: list[Sentence], block: Block, s: Sentence) -> Sentence | None:
    """The first sentence of a paragraph whose clauses run on after "；"/";" ("供方承诺，不借…获取数据；不对…实施
    控制。", "We undertake to cooperate with the review; not to obtain user data …; and not to …"): the later clauses
    share its subject and binding verb, as items share a lead-in. The matcher reads an item with it only when the
    item alone names no party or binding modal."""
    previous = sentences[-1] if sentences else None
    if previous is None or previous.block is not block or previous.language != s.language \
            or not previous.text.rstrip().endswith((";", "；")):
        return None
    first = previous
    while first.index > 0 and sentences[first.index - 1].block is block \
            and sentences[first.index - 1].language == s.language \
            and _WORDS.search(sentences[first.index - 1].text) \
            and sentences[first.index - 1].text.rstrip().endswith((";", "；")):
        # back to the first clause of the run ("9." split off before it is no opening, and a sentence ended by
        # "。" before it is not part of the run: "乙方承诺…。前述正当理由仅限于…；不可抗力；…" runs on from 前述)
        first = sentences[first.index - 1]
    return first.lead_in or first


_WORDS = re.compile(r"[^\W\d_]{2}|[\u3400-\u9fff]")


def segment(doc: Document) -> list[Sentence]:
    """All body sentences of ``doc`` in reading order, with lead-ins attached."""
    sentences: list[Sentence] = []
    # one open lead-in per language: an interleaved bilingual letter puts the English lead-in between the Chinese
    # lead-in and its Chinese items, and each version's items belong to their own version's lead-in; a block of
    # the other language (the parallel version) does not close a lead-in
    open_leads: dict[str, Sentence] = {}
    for block in doc.blocks:
        if not block.is_body or block.kind == BlockKind.HEADING:
            open_leads.clear()
            continue
        # A lead-in governs the items below it until the clause changes. Items right below it belong to it even
        # when mixed numbering files them elsewhere ("8.1 乙方享有下列权利：" + "（三）…" filed under 第八条（三）).
        for key, lead in list(open_leads.items()):
            lead_section = lead.block.section or ""
            if block.index != lead.block.index and block.language in (key, "mixed") and not (
                _is_item(block) and (not lead_section or (block.section or "").startswith(lead_section)
                                     or _relative_item(block))
            ) and not _sub_clause(lead_section, block.section):
                del open_leads[key]
        if block.language == "mixed":
            runs = split_by_script(block.text)
        else:
            runs = [(0, len(block.text), block.language)]
        for ra, rb, lang in runs:
            for a, b, is_lead, cut in _windows(block.text[ra:rb], split_sentences(block.text[ra:rb])):
                s = Sentence(start=block.start + ra + a, end=block.start + ra + b, text=block.text[ra + a:ra + b],
                             block=block, language=lang if block.language == "mixed" else _lang(block, ra + a, ra + b),
                             index=len(sentences), is_lead_in=is_lead, window=cut)
                open_lead = open_leads.get(s.language)
                if open_lead is not None and open_lead is not s:
                    s.lead_in = open_lead
                elif (first := _run_on_opening(sentences, block, s)) is not None:
                    s.lead_in, s.run_on = first, True
                if is_lead:
                    open_leads[s.language] = s
                sentences.append(s)
    return sentences


def _windows(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool, bool]]:
    """``(start, end, is_lead_in, cut)``: each span longer than its window (:data:`WINDOW`, :data:`WINDOW_CJK`)
    cut after its last clause break (else its last space, else anywhere) within the window."""
    out: list[tuple[int, int, bool, bool]] = []
    for a, b, lead in spans:
        if b - a <= WINDOW_CJK:
            out.append((a, b, lead, False))
            continue
        size = WINDOW_CJK if any(is_cjk(c) for c in text[a:min(b, a + 200)]) else WINDOW
        if b - a <= size:
            out.append((a, b, lead, False))
            continue
        while a < b:
            end = min(b, a + size)
            if end < b:
                breaks = [m.end() for m in _WINDOW_CUT.finditer(text, a + size // 2, end)]
                end = breaks[-1] if breaks else end
            x, y = _strip(text, a, end)
            if y > x:
                out.append((x, y, lead and end == b, True))
            a = end
    return out


def _lang(block: Block, a: int, b: int) -> str:
    lang = block.language
    if lang in ("zh", "en"):
        return lang
    detected = detect_language(block.text[a:b])
    return detected if detected in ("zh", "en") else ("zh" if any(is_cjk(c) for c in block.text[a:b]) else "en")
