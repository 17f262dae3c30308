"""Who is the supplier and who the buyer, read from the contract itself.

Sources, strongest first: ``--supplier-alias`` from the user; party
definitions in the preamble ('Northbridge Systems Ltd. (the "Vendor")',
'乙方（供应方）：…', 'Party A (the Seller)', '供方（甲方）', '… (hereinafter
referred to as "the Vendor")', '…（以下简称“乙方”）') and signature blocks
("Supplier: Northbridge Systems Ltd."); then the body ("乙方应向甲方交付…",
"Party B shall pay …"); then the library's default role words. 甲方/乙方 and
Party A/B are never assumed to be one side or the other: only the contract
can say so. All role words come from ``clause_library/common.yaml``.
"""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from .library import Library, load_library
from .model import Block, Document
from .normalize import detect_language, is_cjk
from .verdicts import Evidence, Party, Roles

PREAMBLE_BLOCKS = 40
SIGNATURE_BLOCKS = 30
_PAREN = re.compile(r"[（(]([^()（）]{1,80})[)）]")
_QUOTES = "\"'“”‘’「」『』"


def phrase_regex(phrases: Iterable[str], lang: str) -> re.Pattern[str] | None:
    """One alternation for a list of library phrases ("re:" entries kept as regexes)."""
    parts: list[str] = []
    for p in sorted(phrases, key=len, reverse=True):
        if p.startswith("re:"):
            parts.append(f"(?:{p[3:]})")
        elif lang == "en":
            parts.append(r"\b" + re.escape(p).replace(r"\ ", r"\s+") + r"\b")
        else:
            parts.append(re.escape(p))
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE if lang == "en" else 0)


def _lang_of(text: str) -> str:
    return "zh" if any(is_cjk(c) for c in text) else "en"


class _RoleWords:
    def __init__(self, library: Library):
        roles = library.common["roles"]
        self.side_words = {side: {lang: roles[side][lang] for lang in ("en", "zh")} for side in ("supplier", "buyer")}
        self.side_re = {side: {lang: phrase_regex(roles[side][lang], lang) for lang in ("en", "zh")}
                        for side in ("supplier", "buyer")}
        self.label_re = {lang: phrase_regex(roles["labels"][lang], lang) for lang in ("en", "zh")}
        self.defmark_re = {lang: phrase_regex(roles["definition"][lang], lang) for lang in ("en", "zh")}
        self.supplies_re = {lang: phrase_regex(roles["supplies"][lang], lang) for lang in ("en", "zh")}
        self.pays_re = {lang: phrase_regex(roles["pays"][lang], lang) for lang in ("en", "zh")}
        self.org_re = {lang: phrase_regex(roles["organisations"][lang], lang) for lang in ("en", "zh")}
        self.fields = {w.lower() for lang in ("en", "zh") for w in roles.get("fields", {}).get(lang, ())}
        # the head of a party line: a label or role word followed by "(" or ":" ("乙方（供应方）：", "Supplier:")
        self.party_line_re = {lang: _party_line(self.label_re[lang], self.side_re["supplier"][lang],
                                                self.side_re["buyer"][lang], lang) for lang in ("en", "zh")}

    def is_field(self, term: str) -> bool:
        """A form field ("盖章", "seal", "Date"), never a party's label or name."""
        return term.strip(" ." + _QUOTES).lower() in self.fields

    def is_organisation(self, name: str) -> bool:
        name = name.strip(" ,，" + _QUOTES)
        rx = self.org_re[_lang_of(name)]
        return bool(rx and rx.search(name))

    def tail(self, term: str) -> tuple[str, str] | None:
        """``(side, role word)`` when ``term`` ends with a role word."""
        term = term.strip()
        for lang in ("zh", "en"):
            for side in ("supplier", "buyer"):
                m = _tail(self.side_re[side][lang], term)
                if m and (m.start() == 0 or lang == "zh" or not term[m.start() - 1].isalnum()):
                    return side, m.group(0)
        return None

    def side_of(self, term: str) -> str | None:
        """supplier/buyer if ``term`` is exactly a role word."""
        found = self.tail(term)
        return found[0] if found and found[1] == term.strip() else None

    def label_tail(self, term: str) -> str | None:
        for lang in ("zh", "en"):
            m = _tail(self.label_re[lang], term.strip())
            if m:
                return m.group(0)
        return None

    def is_label(self, term: str) -> bool:
        rx = self.label_re[_lang_of(term)]
        return bool(rx and rx.fullmatch(term.strip()))


def _party_line(*parts_and_lang: object) -> re.Pattern[str]:
    *rxs, lang = parts_and_lang
    alternation = "|".join(rx.pattern for rx in rxs if isinstance(rx, re.Pattern))
    return re.compile(f"(?:{alternation or '(?!)'})(?=\\s*[（(:：])", re.IGNORECASE if lang == "en" else 0)


def _tail(rx: re.Pattern[str] | None, text: str) -> re.Match[str] | None:
    if rx is None:
        return None
    last = None
    for m in rx.finditer(text):
        if m.end() == len(text):
            last = m
    return last


def _clean_term(inner: str, words: _RoleWords) -> str:
    text = inner.strip()
    lang = _lang_of(text)
    rx = words.defmark_re[lang]
    if rx:
        text = rx.sub(" ", text)
    text = text.strip(" ,，:：;；" + _QUOTES)
    if lang == "en":
        text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(_QUOTES + " "), flags=re.IGNORECASE)
    return text.strip(" ,，:：" + _QUOTES)


_NAME_STOP = re.compile(r"[,，;；。:：(（\n]|\s{2,}")
_COMPANY_COMMA = re.compile(r"[,，]\s*(?:ltd|limited|inc|llc|co|corp|plc|gmbh)\b", re.IGNORECASE)


def _name_after(text: str, pos: int, words: _RoleWords) -> str | None:
    """The name after a party line's colon: "乙方（供应方）：星河网络科技有限公司", "Party B (Supplier): Helix Ltd.".

    The name ends at the first comma (not ", Ltd."), bracket or colon, or where the next party's line begins
    when a reader joined the lines ("…有限公司乙方（供应方）：…"); a form field ("日期：") is no name.
    """
    colon = re.match(r"\s*[:：]\s*", text[pos:])
    if colon is None:
        return None
    rest = text[pos + colon.end():]
    cut = len(rest)
    rx = words.party_line_re[_lang_of(rest)] if rest else None
    if rx is not None:
        nxt = next((m for m in rx.finditer(rest) if m.start() > 0), None)
        if nxt is not None:
            cut = nxt.start()
    for brk in _NAME_STOP.finditer(rest, 0, cut):
        if _COMPANY_COMMA.match(rest, brk.start()):
            continue
        cut = brk.start()
        break
    name = rest[:cut].strip(" " + _QUOTES)
    parts = re.split(r"\s+", name)
    if len(parts) > 1 and words.is_field(parts[-1]):  # "…有限公司　　负责人：____": the next form field
        name = " ".join(parts[:-1]).strip(" " + _QUOTES)
    if len(name) < 2 or len(name) > 80 or words.is_field(name) or words.side_of(name) or words.is_label(name):
        return None
    return name


def _before(text: str, pos: int) -> str:
    """The words just before ``pos`` that a parenthetical defines."""
    head = text[:pos]
    cut = max(head.rfind(ch) for ch in ",，;；。(（)）")
    while cut > 0 and head[cut] == "," and re.match(r",\s*(?:ltd|limited|inc|llc|co|corp|plc|gmbh)\b", head[cut:], re.I):
        cut = max(head.rfind(ch, 0, cut) for ch in ",，;；。(（)）")
    for sep in (" and ", " And ", "与", "和", "及"):
        cut = max(cut, head.rfind(sep) + len(sep) - 1 if sep in head else -1)
    segment = head[cut + 1:]
    colon = max(segment.rfind(":"), segment.rfind("："))
    if colon >= 0 and segment[colon + 1:].strip():
        segment = segment[colon + 1:]
    segment = re.sub(r"^.*?\b(?:between|made by|entered into by)\s+", "", segment, flags=re.IGNORECASE)
    return segment.strip(" " + _QUOTES)


_LEAD = re.compile(r"^\s*(?:[（(]\s*\w{1,3}\s*[)）]|\d{1,2}[.)、]|[a-z][.)])?\s*(?:between\s+|and\s+)?", re.IGNORECASE)


def _party_name(text: str, before: str, words: _RoleWords) -> str:
    """The organisation a definition names: the words before the parenthetical when they end like a
    company name, else the name heading the paragraph ("(2) Northbridge Systems Ltd., a company …")."""
    if not before or words.is_organisation(before):
        return before
    head = text[_LEAD.match(text).end():]
    for m in re.finditer(r"[,，;；(（]", head):
        candidate = head[:m.start()].strip(" " + _QUOTES)
        if m.group(0) == "," and re.match(r",\s*(?:ltd|limited|inc|llc|co|corp|plc|gmbh)\b", head[m.start():], re.I):
            continue
        if candidate and len(candidate) <= 80 and words.is_organisation(candidate):
            return candidate
        break
    return before


def _prefix_side(text: str, pos: int, words: _RoleWords) -> str | None:
    """Role named at the head of a line: "卖方：XX公司（以下简称乙方）"."""
    head = text[:pos]
    colon = max(head.rfind(":"), head.rfind("："))
    if colon <= 0:
        return None
    label = re.split(r"[,，;；。]", head[:colon])[-1]
    label = re.sub(r"[（(][^()（）]*[)）]", "", label).strip()
    found = words.tail(label) if label else None
    return found[0] if found else None


class _Collector:
    def __init__(self) -> None:
        self.labels: dict[str, dict[str, list[str]]] = {"supplier": {}, "buyer": {}}
        self.names: dict[str, str | None] = {"supplier": None, "buyer": None}
        self.evidence: dict[str, list[Evidence]] = {"supplier": [], "buyer": []}
        self.source: dict[str, str] = {"supplier": "default", "buyer": "default"}
        #: names given to a neutral label before its side is known ("乙方：星河网络科技有限公司（以下简称“乙方”）")
        self.label_names: dict[str, str] = {}
        #: organisations defined under a term that names no role ('City Metro Operations Co., Ltd. ("Metro")')
        self.unplaced: list[tuple[str, str, Block]] = []

    def add(self, side: str, label: str | None, name: str | None, block: Block, source: str) -> None:
        if label:
            lang = _lang_of(label)
            bucket = self.labels[side].setdefault(lang, [])
            if label not in bucket:
                bucket.append(label)
        if name and not self.names[side] and 2 <= len(name) <= 80:
            self.names[side] = name
        if not any(e.block == block.index for e in self.evidence[side]):
            self.evidence[side].append(Evidence(
                text=block.text, start=block.start, end=block.end, block=block.index, page=block.page,
                section=block.section, paragraph=block.paragraph, language=block.language, role="definition"))
        if self.source[side] == "default":
            self.source[side] = source

    def has(self, side: str) -> bool:
        return any(self.labels[side].values())


def _scan_definitions(block: Block, words: _RoleWords, out: _Collector, source: str) -> None:
    text = block.text
    for m in _PAREN.finditer(text):
        term = _clean_term(m.group(1), words)
        if not term or len(term) > 40:
            continue
        before = _before(text, m.start())
        label = words.label_tail(before) if before else None
        role = words.tail(before) if before else None
        if words.is_field(term):  # 乙方（盖章）：星河网络科技有限公司 / Supplier (seal): Helix Ltd.
            name = _name_after(text, m.end(), words)
            if role and role[1] == before.strip():
                out.add(role[0], role[1], name, block, source)
            elif label and label == before.strip() and name:
                out.label_names.setdefault(label, name)
            continue
        side = words.side_of(term)
        if side:  # Northbridge Ltd. (the "Vendor") / 乙方（供应方）：星河… / Party A (the Seller): …
            out.add(side, term, None, block, source)
            if label:
                out.add(side, label, _name_after(text, m.end(), words), block, source)
            elif role and role[0] == side:
                out.add(side, role[1], _name_after(text, m.end(), words), block, source)
            else:
                out.add(side, None, _party_name(text, before, words), block, source)
            continue
        if words.is_label(term) and before and not role and not label and _prefix_side(text, m.start(), words) is None:
            # 乙方：星河网络科技有限公司（以下简称“乙方”）: a name for the label, whichever side it turns out to be
            name = _party_name(text, before, words)
            if name and not words.is_field(name):
                out.label_names.setdefault(term, name)
        if role and (words.is_label(term) or words.side_of(term)):  # 供方（甲方）
            out.add(role[0], term, None, block, source)
            out.add(role[0], role[1], None, block, source)
            continue
        side = _prefix_side(text, m.start(), words)
        if side and (words.is_label(term) or term[:1].isupper() or is_cjk(term[:1])):  # 卖方：XX公司（以下简称乙方）
            out.add(side, term, before or None, block, source)
        elif not side and not role and not label and not words.is_label(term) and term[:1].isupper() \
                and before and words.is_organisation(before):
            out.unplaced.append((term, before.strip(" ,，" + _QUOTES), block))
    # "Supplier: Northbridge Systems Ltd." / "供方：星河网络科技有限公司" without a parenthetical
    for m in words.party_line_re[_lang_of(text)].finditer(text) if text else ():
        if m.start() and not re.search(r"[\s。；;]$", text[:m.start()]) and _lang_of(text) == "en":
            continue
        head = m.group(0).strip()
        if not re.match(r"\s*[:：]", text[m.end():]):
            continue
        side = words.side_of(head)
        name = _name_after(text, m.end(), words)
        if side:
            out.add(side, head, name, block, source)
        elif name and words.is_label(head):
            out.label_names.setdefault(head, name)


def _infer_from_body(doc: Document, words: _RoleWords, out: _Collector) -> None:
    """"乙方应向甲方交付" / "Party B shall pay": who supplies and who pays."""
    votes: dict[str, Counter[str]] = {"supplier": Counter(), "buyer": Counter()}
    for block in doc.blocks:
        if not block.is_body:
            continue
        lang = "zh" if block.language == "zh" else "en"
        label_rx = words.label_re[lang]
        if label_rx is None:
            continue
        for side, rx in (("supplier", words.supplies_re[lang]), ("buyer", words.pays_re[lang])):
            if rx is None:
                continue
            for m in rx.finditer(block.text):
                head = block.text[max(0, m.start() - 12):m.start()]
                labels = list(label_rx.finditer(head))
                if labels:
                    votes[side][labels[-1].group(0)] += 1
    for side, other in (("supplier", "buyer"), ("buyer", "supplier")):
        if out.has(side) or not votes[side]:
            continue
        label, count = votes[side].most_common(1)[0]
        if count > votes[other].get(label, 0) and label not in functools.reduce(operator.iadd, out.labels[other].values(), []):
            out.add(side, label, None, doc.blocks[0], "role-words")


def _place_the_other(out: _Collector) -> None:
    """Two parties defined, one by a role word ('(hereinafter "the Integrator")') and one by a plain name
    ('("Metro")'): the plain one is the other side."""
    for side, other in (("supplier", "buyer"), ("buyer", "supplier")):
        known = {w for ws in out.labels[side].values() for w in ws}
        rest = [u for u in out.unplaced if u[0] not in known]
        if out.has(side) and not out.has(other) and len({u[0] for u in rest}) == 1:
            term, name, block = rest[0]
            out.add(other, term, name, block, "definition")


def find_roles(doc: Document, *, supplier_aliases: Sequence[str] = (), library: Library | None = None) -> Roles:
    """The supplier and buyer parties of ``doc`` with their labels per language."""
    library = library or load_library()
    words = _RoleWords(library)
    out = _Collector()
    body = [b for b in doc.blocks if b.is_body]
    for block in body[:PREAMBLE_BLOCKS]:
        _scan_definitions(block, words, out, "definition")
    _place_the_other(out)
    if not (out.has("supplier") and out.has("buyer")):
        for block in body[-SIGNATURE_BLOCKS:]:
            _scan_definitions(block, words, out, "signature")
    if not (out.has("supplier") and out.has("buyer")):
        _infer_from_body(doc, words, out)
    for side in ("supplier", "buyer"):  # a label named before its side was known: "乙方：星河…（以下简称“乙方”）"
        if out.names[side] is None:
            named = [out.label_names[w] for ws in out.labels[side].values() for w in ws if w in out.label_names]
            if named:
                out.names[side] = named[0]
    parties: dict[str, Party] = {}
    for side in ("supplier", "buyer"):
        if out.has(side):
            labels = {lang: list(v) for lang, v in out.labels[side].items() if v}
            parties[side] = Party(name=out.names[side], labels=labels, evidence=out.evidence[side],
                                  source=out.source[side])
        else:
            defaults = {lang: list(words.side_words[side][lang]) for lang in ("en", "zh")}
            parties[side] = Party(name=out.names[side], labels=defaults, source="default")
    supplier, buyer = parties["supplier"], parties["buyer"]
    aliases = [a.strip() for a in supplier_aliases if a and a.strip()]
    if aliases:
        if supplier.source == "default":
            supplier.labels = {}
        for alias in aliases:
            lang = "zh" if detect_language(alias) == "zh" else "en"
            bucket = supplier.labels.setdefault(lang, [])
            if alias not in bucket:
                bucket.insert(0, alias)
            for words_list in buyer.labels.values():
                if alias in words_list:
                    words_list.remove(alias)
        supplier.source = "user"
    return Roles(supplier=supplier, buyer=buyer)
