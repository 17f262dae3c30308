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

import bisect
import functools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from .lang import en, zh
from .library import DOCUMENT_WORDS, Library, load_library
from .model import Block, Document
from .normalize import detect_language, has_cjk, is_cjk, normalize_text
from .regex_starts import guarded, phrase_words, required_words, trie_pattern
from .verdicts import Evidence, Party, Roles

PREAMBLE_BLOCKS = 40
SIGNATURE_BLOCKS = 30
_PAREN = re.compile(r"[（(]([^()（）]{1,80})[)）]")
_QUOTES = "\"'“”‘’「」『』"


def phrase_regex(phrases: Iterable[str], lang: str) -> re.Pattern[str] | None:
    """One expression for a list of library phrases ("re:" entries kept as regexes); cached, since the
    matcher asks for the same list at every document and building the trie cost more than using it."""
    return _phrase_regex(tuple(phrases), lang)


@functools.lru_cache(maxsize=4096)
def _phrase_regex(phrases: tuple[str, ...], lang: str) -> re.Pattern[str] | None:
    """See ``phrase_regex``.

    The literal phrases are factored into a trie (``regex_starts``): a flat alternation of a
    hundred phrases was tried phrase by phrase at every position of every sentence, at twice the
    cost. A match is the longest literal phrase there, as before.
    """
    regexes = [f"(?:{p[3:]})" for p in sorted(phrases, key=len, reverse=True) if p.startswith("re:")]
    # one branch per spelling under IGNORECASE: "Severity 1" and "severity 1 faults" share a path
    fold = (lambda p: p.lower() if p.isascii() else p) if lang == "en" else (lambda p: p)
    literals = sorted({fold(p) for p in phrases if not p.startswith("re:")})
    parts: list[str] = []
    if regexes:
        parts.append("|".join(regexes))
    if literals:
        trie = trie_pattern(literals, space=r"\s+" if lang == "en" else r"\ ")
        parts.append(rf"\b(?:{trie})\b" if lang == "en" else f"(?:{trie})")
    if not parts:
        return None
    flags = re.IGNORECASE if lang == "en" else 0
    words: set[str] = set()
    for p in phrases:
        got = required_words(p[3:], flags) if p.startswith("re:") else phrase_words(p, lang == "en", lang == "en")
        if not got:
            words = set()
            break
        words.update([got] if isinstance(got, str) else got)
    # a sentence that holds none of the words every match needs is ruled out before the expression runs
    return guarded(re.compile("|".join(parts), flags), frozenset(words))


def _lang_of(text: str) -> str:
    return "zh" if has_cjk(text) else "en"


def _langs_in(text: str) -> tuple[str, ...]:
    """The languages whose words a line may hold: a Chinese line may carry an English party line too."""
    if not text:
        return ()
    return ("zh", "en") if _lang_of(text) == "zh" and re.search(r"[A-Za-z]{3}", text) else (_lang_of(text),)


#: the legal form that goes on a company's name after a parenthesis inside it ("Ashdown (Tianjin) Co., Ltd.")
_LEGAL_FORM = r"(?:co\b|company\b|ltd\b|limited\b|inc\b|corp|plc\b|llc\b|gmbh\b|pty\b|有限|股份|公司|集团|集團)"
_NAME_GOES_ON = re.compile(rf"\s*{_LEGAL_FORM}", re.IGNORECASE)


class _RoleWords:
    def __init__(self, library: Library):
        roles = library.common["roles"]
        self.side_words = {side: {lang: roles[side][lang] for lang in ("en", "zh")}
                           for side in ("supplier", "buyer", "both")}
        self.side_re = {side: {lang: phrase_regex(roles[side][lang], lang) for lang in ("en", "zh")}
                        for side in ("supplier", "buyer")}
        self.label_re = {lang: phrase_regex(roles["labels"][lang], lang) for lang in ("en", "zh")}
        self.defmark_re = {lang: phrase_regex(roles["definition"][lang], lang) for lang in ("en", "zh")}
        self.supplies_re = {lang: phrase_regex(roles["supplies"][lang], lang) for lang in ("en", "zh")}
        self.pays_re = {lang: phrase_regex(roles["pays"][lang], lang) for lang in ("en", "zh")}
        self.owns_re = {lang: phrase_regex(roles.get("owns", {}).get(lang, ()), lang) for lang in ("en", "zh")}
        self.pays_late_re = {lang: phrase_regex(roles.get("pays_late", {}).get(lang, ()), lang) for lang in ("en", "zh")}
        self.supplied_by_re = {lang: phrase_regex(roles.get("supplied_by", {}).get(lang, ()), lang) for lang in ("en", "zh")}
        self.statement_re = {lang: _statement(self.label_re[lang], self.side_re, lang) for lang in ("en", "zh")}
        #: a paraphrase of the law ("依《网络安全审查办法》，应要求产品和服务提供者…承诺不利用…"): it shows no side
        self.citation_re = {lang: phrase_regex(library.common.get("citations", {}).get(lang, ()), lang)
                            for lang in ("en", "zh")}
        self.org_re = {lang: phrase_regex(roles["organisations"][lang], lang) for lang in ("en", "zh")}
        self.fields = {w.lower() for lang in ("en", "zh") for w in roles.get("fields", {}).get(lang, ())}
        self.line_heads = {w.lower() for lang in ("en", "zh") for w in roles.get("line_heads", {}).get(lang, ())}
        #: what kind of document it is: contract, notice, commitment letter (library roles.<key>)
        self.doc_re = {key: {lang: phrase_regex(roles.get(key, {}).get(lang, ()), lang) for lang in ("en", "zh")}
                       for key in DOCUMENT_WORDS}
        self.first_person = {lang: list(roles.get("first_person", {}).get(lang, ())) for lang in ("en", "zh")}
        self.individual_first_person = {lang: list(roles.get("individual_first_person", {}).get(lang, ()))
                                        for lang in ("en", "zh")}
        self.promisor_words = {lang: list(roles.get("promisor_words", {}).get(lang, ())) for lang in ("en", "zh")}
        modals = library.common["modals"]
        #: any modal at all: a party is named where it is bound, allowed or refused something ("Provider may")
        self.modal_re = {lang: phrase_regex([*(w for kind in modals.values() for w in kind[lang]),
                                             *roles.get("binding_verbs", {}).get(lang, ())], lang)
                         for lang in ("en", "zh")}
        # the head of a party line: a label or role word followed by "(" or ":" ("乙方（供应方）：", "Supplier:")
        self.party_line_re = {lang: _party_line(self.label_re[lang], self.side_re["supplier"][lang],
                                                self.side_re["buyer"][lang], lang) for lang in ("en", "zh")}
        self.bidder_line_re = {lang: rx and re.compile(
            rf"^\W{{0,3}}(?P<word>{rx.pattern})(?:{suffix.pattern if suffix else '(?!)'})?(?=\s*[:：])", rx.flags)
            for lang in ("en", "zh")
            for rx, suffix in [(phrase_regex(roles.get("bidder_lines", {}).get(lang, ()), lang),
                                phrase_regex(roles.get("bidder_line_suffixes", {}).get(lang, ()), lang))]}

    def is_field(self, term: str) -> bool:
        """A form field ("盖章", "seal", "Date"), never a party's label or name."""
        return term.strip(" ." + _QUOTES).lower() in self.fields

    def doc_search(self, key: str, text: str, lang: str | None = None) -> re.Match[str] | None:
        rx = self.doc_re[key][lang or _lang_of(text)]
        return rx.search(text) if rx is not None else None

    def demanded(self, text: str, pos: int) -> bool:
        """The role word at ``pos`` is the object of a demand that ends right before it (library roles.demands)."""
        window = text[max(0, pos - 8):pos]
        rx = self.doc_re["demands"][_lang_of(window or text)]
        return rx is not None and any(rx.fullmatch(window, i) for i in range(len(window)))

    def is_generic(self, text: str) -> bool:
        """A definition's body that names a class of persons, not one party: "指接入并通过…的…", "means any person"."""
        return bool(self.doc_search("generic_definitions", text.strip(" " + _QUOTES)))

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


def _statement(label_rx: re.Pattern[str] | None, side_re: dict[str, dict[str, re.Pattern[str] | None]],
               lang: str) -> re.Pattern[str] | None:
    """``<label> is the <role word>`` / ``<label>为<role word>``: a label's side stated in a sentence."""
    roles = [rx.pattern for rx in (side_re["supplier"][lang], side_re["buyer"][lang]) if rx is not None]
    if label_rx is None or not roles:
        return None
    # "甲方系关键信息基础设施运营者", "Party A is a critical information infrastructure operator": the operator is the buyer
    link = (r"\s+(?:is|shall be|acts as|is referred to as)\s+(?:the\s+|an?\s+)?(?:critical\s+information\s+infrastructure\s+|CII\s+)?"
            if lang == "en" else r"(?:为|系|是|即|作为|属|属于)(?:本合同的?)?(?:关键信息基础设施)?"
            # ("乙方为分拣系统之供应商": what it supplies may stand before the role word)
            r"(?:[\u4e00-\u9fffA-Za-z]{1,10}?(?:的|之))?")
    return re.compile(rf"(?P<label>{label_rx.pattern}){link}(?P<role>{'|'.join(roles)})", label_rx.flags)


def _party_line(*parts_and_lang: object) -> re.Pattern[str]:
    *rxs, lang = parts_and_lang
    alternation = "|".join(rx.pattern for rx in rxs if rx is not None and not isinstance(rx, str))
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


_NAME_STOP = re.compile(r"[,，;；。:：(（)）\n]|\s{2,}")
#: a parenthesis inside a company's name: "Orion Scanners (Asia) Limited", "恒嘉电力自动化（香港）有限公司"
_INNER_PAREN = re.compile(rf"[(（][^()（）,，;；:：]{{1,20}}[)）](?={_NAME_GOES_ON.pattern})", re.IGNORECASE)
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
    inner = [m.span() for m in _INNER_PAREN.finditer(rest, 0, cut)]
    for brk in _NAME_STOP.finditer(rest, 0, cut):
        if _COMPANY_COMMA.match(rest, brk.start()) or any(a <= brk.start() < b for a, b in inner):
            continue
        cut = brk.start()
        break
    name = re.split(r"\s+/\s+", rest[:cut])[0].strip(" " + _QUOTES)  # "投标人：Kestrel Ltd. / Bidder: …"
    parts = re.split(r"\s+", name)
    if len(parts) > 1 and words.is_field(parts[-1]):  # "…有限公司　　负责人：____": the next form field
        name = " ".join(parts[:-1]).strip(" " + _QUOTES)
    if len(name) < 2 or len(name) > 80 or words.is_field(name) or words.side_of(name) or words.is_label(name):
        return None
    if words.is_generic(name):  # "服务商：指接入并通过云市场…的第三方": a definition, never a name
        return None
    return name


def _before(text: str, pos: int) -> str:
    """The words just before ``pos`` that a parenthetical defines."""
    head = text[:pos]
    # 'Corvane Pty Ltd (ABN 41 608 223 519) ("Corvane")', "…有限公司（统一社会信用代码：9131…）（以下简称“乙方”）": a
    # registration number between the name and its definition belongs to neither
    number = _REGISTRATION.search(head)
    if number:
        head = head[:number.start()]
    cut = max(head.rfind(ch) for ch in ",，;；。(（)）")
    while cut > 0:
        if head[cut] == "," and re.match(r",\s*(?:ltd|limited|inc|llc|co|corp|plc|gmbh)\b", head[cut:], re.I):
            cut = max(head.rfind(ch, 0, cut) for ch in ",，;；。(（)）")
        elif head[cut] in ")）" and re.match(r"\s*[^\W\d_]", head[cut + 1:]):
            # "Orion Scanners (Asia) Limited", "恒讯云端服务（香港）有限公司": a parenthesis inside the name
            opening = max(head.rfind("(", 0, cut), head.rfind("（", 0, cut))
            if opening < 0:
                break
            cut = max(head.rfind(ch, 0, opening) for ch in ",，;；。(（)）")
        else:
            break
    for sep in (" and ", " And ", "与", "和", "及"):
        cut = max(cut, head.rfind(sep) + len(sep) - 1 if sep in head else -1)
    segment = head[cut + 1:]
    colon = max(segment.rfind(":"), segment.rfind("："))
    if colon >= 0 and segment[colon + 1:].strip():
        segment = segment[colon + 1:]
    segment = re.sub(r"^.*?\b(?:between|made by|entered into by)\s+", "", segment, flags=re.IGNORECASE)
    # "1.1 汇盈数据科技（上海）有限公司（以下简称“供应商”）": the clause's number is no part of the name
    segment = _CLAUSE_LABEL.sub("", segment, count=1)
    return segment.strip(" " + _QUOTES)


#: a parenthetical holding a registration number (five digits or more), right before a definition
_REGISTRATION = re.compile(r"\s*[(（][^()（）]{0,40}?\d[\d\s-]{4,}[^()（）]{0,20}[)）]\s*$")
_LIST_NUMBER = re.compile(r"[一二三四五六七八九十百]{1,3}|\d{1,3}|[a-z]|[ivx]{1,4}")
_CLAUSE_LABEL = re.compile(r"^\s*(?:第[一二三四五六七八九十百\d]{1,6}[条條款]|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.、)]|"
                           r"[（(]\s*[\w一二三四五六七八九十]{1,3}\s*[)）])\s*")
_BETWEEN = re.compile(r"^[^,，;；(（]*?\b(?:between|made by|entered into by)\s+", re.IGNORECASE)
_LEAD = re.compile(r"^\s*(?:[（(]\s*\w{1,3}\s*[)）]|\d{1,2}[.)、]|[a-z][.)])?\s*(?:between\s+|and\s+)?", re.IGNORECASE)


def _party_name(text: str, before: str, words: _RoleWords) -> str:
    """The organisation a definition names: the words before the parenthetical when they end like a
    company name, else the name heading the paragraph ("(2) Northbridge Systems Ltd., a company …"). A role word
    set before the name with a space ("承攬人 台灣宏碁資通股份有限公司（以下簡稱「承攬人」）") is no part of it."""
    head_word = re.match(r"(\S{1,6})\s+(?=\S)", before)
    if head_word and any(head_word.group(1) in words.side_words[side]["zh"] for side in ("supplier", "buyer")):
        before = before[head_word.end():]
    if not before or words.is_organisation(before):
        return before
    head = text[_LEAD.match(text).end():]
    # "This Agreement is made on 3 March 2026 between Eastgate Power Grid Co., Ltd., a company …": the name
    # starts after "between", as in _before
    head = _BETWEEN.sub("", head, count=1)
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
        #: the first name found per side and language, so a Chinese report can use the Chinese name
        self.names_by_lang: dict[str, dict[str, str]] = {"supplier": {}, "buyer": {}}
        self.evidence: dict[str, list[Evidence]] = {"supplier": [], "buyer": []}
        self.source: dict[str, str] = {"supplier": "default", "buyer": "default"}
        #: names given to a neutral label before its side is known ("乙方：星河网络科技有限公司（以下简称“乙方”）")
        self.label_names: dict[str, str] = {}
        #: organisations defined under a term that names no role ('City Metro Operations Co., Ltd. ("Metro")')
        self.unplaced: list[tuple[str, str, Block]] = []
        #: a tender response's author line names the bidder ("投标人：X")
        self.bidder = False
        #: every "NAME（以下简称“TERM”）" seen, as (term, the text before it): the user's --supplier-alias names a
        #: party, and the term the contract defines for that name then names the supplier too
        self.defined: list[tuple[str, str]] = []

    def add(self, side: str, label: str | None, name: str | None, block: Block, source: str) -> None:
        if label:
            lang = _lang_of(label)
            bucket = self.labels[side].setdefault(lang, [])
            if label not in bucket:
                bucket.append(label)
        if name and not self.names[side] and 2 <= len(name) <= 80:
            self.names[side] = name
        if name and 2 <= len(name) <= 80:
            self.names_by_lang[side].setdefault(_lang_of(name), name)
        if not any(e.block == block.index for e in self.evidence[side]):
            self.evidence[side].append(Evidence(
                text=block.text, start=block.start, end=block.end, block=block.index, page=block.page,
                section=block.section, paragraph=block.paragraph, language=block.language, role="definition"))
        if self.source[side] == "default":
            self.source[side] = source

    def has(self, side: str) -> bool:
        return any(self.labels[side].values())


def _line_label(line_head: str, words: _RoleWords) -> str | None:
    """The neutral label the party line opens with ("甲方：", "Party A:"), if any: the last label followed by a colon
    in the line, since a reader may have joined two party lines into one block ("Party A: Huadong Ltd. (the "Buyer")
    Party B: Sino Relay Ltd. (the "Supplier")": the Supplier is Party B, never the Party A that opens the block)."""
    line = line_head[line_head.rfind("\n") + 1:].lstrip()
    rx = words.label_re[_lang_of(line)] if line else None
    if rx is None:
        return None
    found = [m for m in rx.finditer(line) if re.match(r"\s*[:：]", line[m.end():])
             and (m.start() == 0 or re.search(r"[\s)）\"”。；;]$", line[:m.start()]))]
    return found[-1].group(0) if found else None


#: a party line's head that is a short name of its own ("Bank:", "Exchange:"), at the start of the block or after " / "
_SHORT_NAME_LINE = re.compile(r"(?:^|\s/\s|\n)\s*(?P<head>[A-Z][a-z]{2,20})\s*:(?=\s*\S)")


def _scan_definitions(block: Block, words: _RoleWords, out: _Collector, source: str) -> None:
    text = block.text
    for m in _PAREN.finditer(text):
        if _NAME_GOES_ON.match(text, m.end()):
            continue  # "Ashdown Control Systems (Tianjin) Co., Ltd.", "恒讯（香港）有限公司": part of a name, no term
        term = _clean_term(m.group(1), words)
        if not term or len(term) > 40 or _LIST_NUMBER.fullmatch(term):
            continue  # "要求供应商：（一）配合…；（二）…": a list's numbers, not names for a party
        before = _before(text, m.start())
        if before and words.defmark_re[_lang_of(m.group(1))] is not None \
                and words.defmark_re[_lang_of(m.group(1))].search(m.group(1)):
            out.defined.append((term, before))
        label = words.label_tail(before) if before else None
        role = words.tail(before) if before else None
        if words.is_field(term):  # 乙方（盖章）：星河网络科技有限公司 / Supplier (seal): Helix Ltd.
            name = _name_after(text, m.end(), words)
            if not (name and _NAMED.search(name)):
                continue  # "供应商（盖章）：________" under a form annexed to a notice: a blank for someone to sign
            if role and role[1] == before.strip():
                out.add(role[0], role[1], name, block, source)
            elif label and label == before.strip() and name:
                out.label_names.setdefault(label, name)
            continue
        side = words.side_of(term)
        if side is None and re.search(r"[/／、]", term):
            # 乙方（被许可方/采购方）: roles given together, placed when they all name one side
            sides = {words.side_of(part) for part in re.split(r"[/／、]", term) if part.strip()}
            if len(sides) == 1:
                side = sides.pop()
                term = re.split(r"[/／、]", term)[-1].strip()
        if side:  # Northbridge Ltd. (the "Vendor") / 乙方（供应方）：星河… / Party A (the Seller): …
            out.add(side, term, None, block, source)
            if label:
                out.add(side, label, _name_after(text, m.end(), words), block, source)
            elif role and role[0] == side:
                out.add(side, role[1], _name_after(text, m.end(), words), block, source)
            else:
                out.add(side, None, _party_name(text, before, words), block, source)
                lead = _line_label(text[:m.start()], words)
                if lead:  # 甲方：香港电讯网络服务有限公司（承办商）: the label the line opens with
                    out.add(side, lead, None, block, source)
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
        elif not side and not role and not label and not words.is_label(term) and before \
                and (term[:1].isupper() or (is_cjk(term[:1]) and m.group(1).strip()[:1] in _QUOTES)) \
                and (name := _organisation_before(text, m.start(), before, words)):
            # 'Orion Scanners (Asia) Limited ("Orion")', 泓盛物业科技有限公司（「本公司」）: a short name the
            # company gives itself
            out.unplaced.append((term, name, block))
    # "投标人：新港数据科技有限公司": a tender response names its author by the word it then calls itself ("投标人将…")
    bidder = words.bidder_line_re[_lang_of(text)] if text else None
    m = bidder.match(text) if bidder is not None else None
    if m and (name := _name_after(text, m.end(), words)) and re.search(r"[\u4e00-\u9fffA-Za-z]{2}", name):
        out.add("supplier", m.group("word"), name, block, source)
        out.bidder = True
    # "Supplier: Northbridge Systems Ltd." / "供方：星河网络科技有限公司" without a parenthetical; in either language
    # whatever the line's own ("Employer: 南方电网某公司; Contractor: Ashdown Ltd.")
    lines = [m for lang in _langs_in(text) for m in words.party_line_re[lang].finditer(text)]
    for m in sorted(lines, key=lambda m: m.start()):
        if m.start() and not re.search(r"[\s。；;]$", text[:m.start()]) and not is_cjk(m.group(0)[:1]):
            continue
        if m.start() and is_cjk(text[m.start() - 1]) and (
                not _name_after(text, m.end(), words) or words.demanded(text, m.start())):
            # "应于契约中要求厂商：（一）…", "将于契约中要求厂商：配合本公司办理之安全审查": the object of a demand in
            # mid-sentence, naming no one
            continue
        head = m.group(0).strip()
        if not re.match(r"\s*[:：]", text[m.end():]):
            continue
        if text[:m.start()].rstrip().endswith(("【", "[", "［")):
            continue  # "【乙方：删除方括号内容，…】", "[Supplier: delete]": a party's comment on a draft, not its name
        if words.doc_search("plural_address", text[max(0, m.start() - 4):m.end()]):
            continue  # "致各供应商：": the readers of a notice, not a party
        if words.is_generic(text[m.end():].lstrip(" :：")):
            continue  # "服务商：指接入并通过…的第三方": a definition of a class of persons, not a party line
        side = words.side_of(head)
        name = _name_after(text, m.end(), words)
        if side:
            out.add(side, head, name, block, source)
        elif name and words.is_label(head):
            out.label_names.setdefault(head, name)
    # "Vendor: Lumen Ledger Ltd. / Bank: Lianhe Commercial Bank Co., Ltd.", "Awardee: Lotus Gaming Technology
    # Limited": a party line under a short name that is no role word, naming an organisation; placed as the other
    # side once the first is known (_place_the_other). Not under an information line's head ("Parties: …",
    # roles.line_heads) or a form field's ("Signed: …"), unless the head is a word of the organisation's own name
    # ("Bank: Lianhe Commercial Bank Co., Ltd.")
    for m in _SHORT_NAME_LINE.finditer(text) if text else ():
        head = m.group("head")
        if words.side_of(head) or words.is_label(head) or head.lower() in words.line_heads:
            continue
        name = _name_after(text, m.end("head"), words)
        if name and words.is_organisation(name) and (not words.is_field(head) or re.search(rf"\b{head}\b", name)) \
                and not any(head == u[0] for u in out.unplaced):
            out.unplaced.append((head, name.strip(" ,，" + _QUOTES), block))


#: what opens a party line of a preamble: its number ("(1) ", "2. ") or "between" ("This Agreement is made between ");
#: not a recital's letter ("(A) Henan Provincial Market Supervision Administration, … (the "Administration"), has
#: approved the Project": a regulator named in a recital is no party)
_LINE_LEAD = re.compile(r"^\s*(?:\(?\d{1,2}[.)]\s+|.*\bbetween\s+)", re.IGNORECASE)


#: the rest of a party line after the short name: its closing punctuation and "and" only
_PARTY_LINE_END = re.compile(r"[(（][^()（）]*[)）]\s*[,;，；.。]?\s*(?:and)?\s*[,;，；.。]?\s*$", re.IGNORECASE)


#: a name has letters or characters; a blank to fill ("__________", "（        ）") has none
_NAMED = re.compile(r"[^\W\d_]")


def _organisation_before(text: str, start: int, before: str, words: _RoleWords) -> str | None:
    """The organisation a parenthesised short name at ``start`` follows: ``before`` itself, or the name that opens
    the line when an address or a description comes between ('(1) Central Plains Grain Exchange, whose registered
    address is in Zhengzhou, PRC (the "Exchange")')."""
    if words.is_organisation(before):
        return before.strip(" ,，" + _QUOTES)
    line = text[text.rfind("\n", 0, start) + 1:start]
    lead = _LINE_LEAD.match(line)
    if lead is None:
        return None
    rest = line[lead.end():]
    first = rest.split(",")[0]
    if first == line or re.search(r"[(（" + _QUOTES + "]", rest) or len(first.split()) > 8:
        return None  # another name defined before it in the line, or a sentence: the term is not this name's
    end = text.find("\n", start)
    if not _PARTY_LINE_END.match(text[start:end if end >= 0 else len(text)]):
        return None  # a sentence goes on after the name ("… (the "Administration"), has approved the Project")
    return first.strip(" ,，" + _QUOTES) if words.is_organisation(first) else None


def _infer_from_body(doc: Document, words: _RoleWords, out: _Collector) -> None:
    """"乙方应向甲方交付" / "Party B shall pay" / "甲方的业务数据": who supplies, who pays, whose data and
    equipment are protected. Voted per language, so a bilingual contract whose English text defines "Party B"
    still learns which of 甲方/乙方 supplies from its Chinese text."""
    votes: dict[tuple[str, str], Counter[str]] = {}
    for block in doc.blocks:
        if not block.is_body:
            continue
        for lang in (("zh", "en") if block.language == "mixed" else ("zh" if block.language == "zh" else "en",)):
            _vote(block.text, lang, words, votes)
    for lang in ("en", "zh"):
        for side, other in (("supplier", "buyer"), ("buyer", "supplier")):
            mine = votes.get((side, lang))
            if out.labels[side].get(lang) or not mine:
                continue
            label, count = mine.most_common(1)[0]
            taken = functools.reduce(operator.iadd, out.labels[other].values(), [])
            if count > votes.get((other, lang), Counter()).get(label, 0) and label not in taken:
                out.add(side, label, None, doc.blocks[0], "role-words")
    _pair_labels(doc, words, out)


def _vote(text: str, lang: str, words: _RoleWords, votes: dict[tuple[str, str], Counter[str]]) -> None:
    """Add one block's votes in one language: the label right before each supplies/pays/owns match."""
    label_rx = words.label_re[lang]
    if label_rx is None or label_rx.search(text) is None:
        return  # no 甲方/乙方, Party A/B in the block: nothing to vote for
    cited = _Citations(text, words, lang)
    for side, rx, adjacent in (("supplier", words.supplies_re[lang], False), ("buyer", words.pays_re[lang], False),
                               ("buyer", words.owns_re[lang], True), ("buyer", words.pays_late_re[lang], True),
                               ("supplier", words.supplied_by_re[lang], True)):
        if rx is None:
            continue
        for m in rx.finditer(text):
            if cited(m.start()):
                continue
            named = m.groupdict().get("party")
            if named:  # the pattern names who is bound itself ("配合网络安全审查是乙方在本合同项下的一项持续性义务")
                found = named if label_rx.fullmatch(named) else None
            elif adjacent:
                head = text[max(0, m.start() - 12):m.start()]
                labels = list(label_rx.finditer(head))
                found = labels[-1].group(0) if labels and labels[-1].end() == len(head) else None
            else:
                found = _subject_label(text, m.start(), label_rx, lang)
            if found:
                votes.setdefault((side, lang), Counter())[found] += 1


_SENTENCE_END = re.compile(r"[。；;\n]|\.\s")


class _Citations:
    """Whether the sentence holding a position paraphrases the statute (a citation naming it, its article or its own
    terms, library ``roles.statute_marks``): who supplies or pays in it is the statute's subject. "甲方依照国家规定
    申报…" only says the act is lawful. Each sentence of the block is looked at once, however many votes it holds
    (a block that is one sentence of 100 KB holds thousands)."""

    def __init__(self, text: str, words: _RoleWords, lang: str) -> None:
        self.text, self.words, self.lang = text, words, lang
        self.citation = words.citation_re[lang]
        self.ends = [m.start() for m in _SENTENCE_END.finditer(text)] if self.citation is not None else []
        self.seen: dict[int, bool] = {}

    def __call__(self, pos: int) -> bool:
        if self.citation is None:
            return False
        i = bisect.bisect_left(self.ends, pos)
        if i not in self.seen:
            start = self.ends[i - 1] + 1 if i else 0
            end = self.ends[i] if i < len(self.ends) else len(self.text)
            self.seen[i] = any(self.words.doc_search("statute_marks", m.group(0), self.lang)
                               for m in self.citation.finditer(self.text, start, end))
        return self.seen[i]


#: the words before a label that make it an object or a possessor, not the one who acts ("向甲方", "对乙方")
_NOT_SUBJECT = {"zh": re.compile(f"[{zh.NOT_SUBJECT_BEFORE}]$"),
                "en": re.compile(rf"\b(?:{'|'.join(en.NOT_SUBJECT_BEFORE)})\s+(?:the\s+)?$", re.I)}


#: an exception or a condition phrase ending in a comma, whose parties are not the clause's subject
_FRAMED = {"zh": re.compile(rf"(?:(?:{'|'.join(sorted(zh.EXCEPTION_FRAME[0], key=len, reverse=True))})[^，。；]{{1,60}}?"
                           rf"(?:{'|'.join(zh.EXCEPTION_FRAME[1])})|(?:{'|'.join(zh.CONDITION_OPENERS)})[^，。；]{{1,60}}?)[，,]"),
           "en": re.compile(rf"\b(?:{'|'.join(en.CONDITION_OPENERS)})\b[^,;.]{{1,120}}?,", re.IGNORECASE)}


#: the text before a label that opens a clause: nothing but numbering since the last comma or colon
_CLAUSE_OPENING = re.compile(r"(?:^|[，,：:])\s*(?:[\d.()（）a-z]{1,8}\s*)?$", re.IGNORECASE)


def _subject_label(text: str, pos: int, label_rx: re.Pattern[str], lang: str) -> str | None:
    """The label that acts in the clause ending at ``pos``: the first one since the clause began that is not an
    object ("向甲方") or a possessor ("甲方的"). "乙方应在本合同期限内…，保证向甲方持续供应" gives 乙方."""
    start = max(0, pos - 80)
    cut = max(text.rfind(c, start, pos) for c in "。；;\n")
    head = text[max(start, cut + 1):pos]
    # a label inside an exception or a condition before the subject ("除甲方逾期付款外，乙方不得中断供货", "如甲方逾期
    # 付款，乙方可暂停供货") is not the one who acts: blank those phrases out
    head = _FRAMED[lang].sub(lambda f: " " * len(f.group(0)), head)
    found = [m for m in label_rx.finditer(head)
             if not (_NOT_SUBJECT[lang].search(head[:m.start()]) or head[m.end():m.end() + 1] in ("的", "之")
                     or head[m.end():m.end() + 2] in ("'s", "’s"))]
    # the subject of the clause that holds ``pos``: the last label opening a comma clause ("甲方同意，乙方有权…",
    # "甲方逾期付款的，乙方可暂停供货"), else the first one ("乙方应在…内，保证向甲方持续供应")
    openers = [m for m in found if _CLAUSE_OPENING.search(head[:m.start()])]
    pick = openers[-1] if openers else (found[0] if found else None)
    return pick.group(0) if pick else None


def _pair_labels(doc: Document, words: _RoleWords, out: _Collector) -> None:
    """Two neutral labels (甲方 and 乙方, Party A and Party B) and one known side: the other label is the other
    side. Never with a third label in use (丙方 could be either)."""
    for lang in ("en", "zh"):
        rx = words.label_re[lang]
        if rx is None:
            continue
        used = {m.group(0) for b in doc.blocks if b.is_body for m in rx.finditer(b.text)}
        if len(used) != 2:
            continue
        for side, other in (("supplier", "buyer"), ("buyer", "supplier")):
            known = [w for w in out.labels[other].get(lang, []) if w in used]
            if known and not out.labels[side].get(lang):
                rest = used - set(out.labels[other].get(lang, []))
                if len(rest) == 1:
                    out.add(side, rest.pop(), None, doc.blocks[0], "role-words")


def _scan_role_statements(body: Sequence[Block], words: _RoleWords, out: _Collector) -> None:
    """"Note: Party A is the Purchaser and Party B is the Supplier." / "本合同中乙方为供应商": a label given its
    side by a plain statement anywhere in the document, not only in a preamble's parenthesis."""
    for block in body:
        lang = "zh" if block.language == "zh" else "en"
        rx = words.statement_re[lang]
        if rx is None:
            continue
        # a long paragraph (a recital) is read sentence by sentence: "甲方系关键信息基础设施运营者，依照…" states 甲方's
        # side in its first sentence however long the paragraph goes on
        pieces = [block.text] if len(block.text) <= 400 else [
            p for p in re.split(r"(?<=[。；;])|(?<=\.)\s", block.text) if len(p) <= 400]
        for m in (m for piece in pieces for m in rx.finditer(piece)):
            side = words.side_of(m.group("role"))
            if side and m.group("label") not in functools.reduce(operator.iadd, out.labels[_OTHER[side]].values(), []):
                out.add(side, m.group("label"), None, block, "definition")


_OTHER = {"supplier": "buyer", "buyer": "supplier"}


def _place_the_other(out: _Collector) -> None:
    """Two parties defined, one by a role word ('(hereinafter "the Integrator")') and one by a plain name
    ('("Metro")'): the plain one is the other side."""
    for side, other in (("supplier", "buyer"), ("buyer", "supplier")):
        known = {w for ws in out.labels[side].values() for w in ws}
        rest = [u for u in out.unplaced if u[0] not in known]
        if out.has(side) and not out.has(other) and len({u[0] for u in rest}) == 1:
            term, name, block = rest[0]
            out.add(other, term, name, block, "definition")


_ROLE_WORDS: dict[object, _RoleWords] = {}


def _role_words(library: Library) -> _RoleWords:
    """The compiled role lexicons of ``library`` (compiled once per library: some 70 large regexes)."""
    words = _ROLE_WORDS.get(library.key)
    if words is None:
        words = _ROLE_WORDS[library.key] = _RoleWords(library)
    return words


def find_roles(doc: Document, *, supplier_aliases: Sequence[str] = (), supplier_names: Sequence[str] = (),
               aligned: Sequence[tuple[Block, Block]] = (), library: Library | None = None) -> Roles:
    """The supplier and buyer parties of ``doc`` with their labels per language, and whether the supplier is a
    party at all.

    ``supplier_aliases`` add to the names read from the contract and the defaults; ``supplier_names`` replace
    them (the user knows better than the contract's wording). ``aligned`` pairs each clause of one language
    version with the same clause of the other (:mod:`cliccheck.matcher.align`): a label one version leaves
    undefined ("乙方") takes the side of the role word at the same place in the other ("the Supplier").
    """
    library = library or load_library()
    words = _role_words(library)
    out = _Collector()
    body = [b for b in doc.blocks if b.is_body]
    for block in body[:PREAMBLE_BLOCKS]:
        _scan_definitions(block, words, out, "definition")
    _place_the_other(out)
    if not (out.has("supplier") and out.has("buyer")):
        for block in body[-SIGNATURE_BLOCKS:]:
            _scan_definitions(block, words, out, "signature")
    if not (out.has("supplier") and out.has("buyer")):
        _scan_role_statements(body, words, out)
    _infer_from_body(doc, words, out)
    for side in ("supplier", "buyer"):  # a label named before its side was known: "乙方：星河…（以下简称“乙方”）"
        if out.names[side] is None:
            named = [out.label_names[w] for ws in out.labels[side].values() for w in ws if w in out.label_names]
            if named:
                out.names[side] = named[0]
    defined = {side: out.has(side) for side in ("supplier", "buyer")}
    # a letter whose author line defines the supplier ("From: X (the "Supplier")"): its first person is that supplier
    authored = defined["supplier"] and any(e.role == "definition" and any(
        words.doc_search("letter_authors", e.text, lang) for lang in ("zh", "en")) for e in out.evidence["supplier"])
    # (an author line that says who writes, "We, Polaris GmbH (the "Supplier"), …", settles who its first person is,
    # whatever the title: a supplier's signed acknowledgement of a buyer's code of conduct is the supplier's letter)
    letter = (_first_persons(body, words) if authored else _letter(body, words)) if not defined["supplier"] or authored \
        else None
    if out.bidder:  # a tender response ("投标人：X", a deviation table): its "我方" and "供应商" are the bidder
        letter = letter or _first_persons(body, words) or {}
        for lang in ("zh", "en"):
            letter.setdefault(lang, [])
    if letter is not None:  # 承诺函: the first person who undertakes is the supplier, and so is the role it names
        text = "\n".join(b.text for b in body)  # itself by ("本公司作为贵单位的服务器供应商")
        for lang, person in letter.items():
            used = _used_words(words.side_words["supplier"][lang], lang, text)
            for w in [*person, *(w for w in words.side_words["supplier"][lang] if w.lower() in used)]:
                out.add("supplier", w, None, body[0], "letter")
    if letter is None and defined["supplier"]:
        # the supplier's own terms attached after the contract speak in its first person ("我们可使用客户数据…")
        for block, person in _owned_part_persons(body, words):
            for w in person:
                out.add("supplier", w, None, block, "definition")
    parties: dict[str, Party] = {}
    for side in ("supplier", "buyer"):
        labels = {lang: list(v) for lang, v in out.labels[side].items() if v}
        source = out.source[side] if out.has(side) else "default"
        parties[side] = Party(name=out.names[side], labels=labels, evidence=out.evidence[side], source=source,
                              names=dict(out.names_by_lang[side]))
    supplier, buyer = parties["supplier"], parties["buyer"]
    # a block of both languages ("10.1 乙方不得…。/ The Contractor shall not …") is written in each
    present = {lang for b in body for lang in (("zh", "en") if b.language == "mixed" else (b.language,))}
    _fill_defaults(supplier, buyer, words, present,
                   "\n".join([doc.text, *(x.text for x in doc.excluded)]))
    if aligned:
        _carry_across(aligned, supplier, buyer, words)
    # the document is read in mainland characters: a name given in traditional ones ("嘉信達") is found as the
    # text reads it ("嘉信达"), and a report names the party as the user did
    _apply_user_names(supplier, buyer, _with_mainland_forms(supplier_aliases, given_last=True),
                      _with_mainland_forms(supplier_names))
    supplier_aliases = _with_mainland_forms(supplier_aliases)
    supplier_names = _with_mainland_forms(supplier_names)
    _terms_of_user_names(supplier, buyer, out, [*supplier_aliases, *supplier_names], words)
    kind, is_party, basis = _document_kind(doc, body, supplier, buyer, words, defined["supplier"] or letter is not None,
                                           supplier_aliases, supplier_names)
    presumed = _presume(supplier, buyer, library, "\n".join(b.text for b in body))
    return Roles(supplier=supplier, buyer=buyer, supplier_party=is_party, document=kind, basis=basis,
                 presumed=presumed)


def _with_mainland_forms(names: Sequence[str], *, given_last: bool = False) -> list[str]:
    """Each name with its mainland form where that differs ("嘉信達…", "嘉信达…"); ``given_last`` puts the form
    given after it, for a list whose last entry a report names first."""
    out = []
    for n in (n.strip() for n in names if n and n.strip()):
        forms = list(dict.fromkeys([n, normalize_text(n).strip()]))
        out += forms[::-1] if given_last else forms
    return out


def _presume(supplier: Party, buyer: Party, library: Library, text: str) -> dict[str, dict[str, list[str]]]:
    """The conventional words (乙方 supplies, 甲方 buys; "we" of terms addressed to "you") for each language in
    which the document names no supplier at all; never a word the contract gave either side."""
    roles = library.common["roles"]
    words = {side: roles.get(f"presumed_{side}") or {"en": (), "zh": ()} for side in ("supplier", "buyer")}
    taken = {w.lower() for p in (supplier, buyer) for ws in p.labels.values() for w in ws}
    out: dict[str, dict[str, list[str]]] = {"supplier": {}, "buyer": {}}
    for lang in ("en", "zh"):
        if _used_words(supplier.labels.get(lang, []), lang, text):
            continue
        for side in ("supplier", "buyer"):
            candidates = [w for w in words[side][lang] if w.lower() not in taken]
            used = _used_words(candidates, lang, text)
            out[side][lang] = [w for w in candidates if w.lower() in used]
    return out


def _fill_defaults(supplier: Party, buyer: Party, words: _RoleWords, present: set[str], text: str) -> None:
    """A language version that defines no label for a side uses the library's role words for it (a bilingual
    contract whose Chinese preamble defines 乙方（供应方） and whose English text says "the Supplier");
    never a word the contract gave the other side. A side the contract never defines gets them in both
    languages; a defined side only in the languages the document is written in."""
    for side, party, other in (("supplier", supplier, buyer), ("buyer", buyer, supplier)):
        taken = {w for ws in other.labels.values() for w in ws}
        defined = any(party.labels.values())
        for lang in ("en", "zh"):
            if defined and lang not in present:
                continue
            if not party.labels.get(lang):
                fallback = [w for w in words.side_words[side][lang] if w not in taken]
                # only the role words the document uses (hidden text included): a word it never uses cannot match,
                # and a report then names the party as the contract does; all of them when it uses none
                seen = _used_words(fallback, lang, text)
                party.labels[lang] = [w for w in fallback if w.lower() in seen] or fallback


def _used_words(candidates: Sequence[str], lang: str, text: str) -> set[str]:
    """The candidates ``text`` uses (lower-cased), matched as the party regexes match them."""
    if not candidates:
        return set()
    alternation = "|".join(re.escape(w) for w in sorted(candidates, key=len, reverse=True))
    rx = re.compile(rf"(?<![A-Za-z])(?:{alternation})(?![a-z])" if lang == "en" else alternation, re.IGNORECASE)
    return {m.group(0).lower() for m in rx.finditer(text)}


def _apply_user_names(supplier: Party, buyer: Party, aliases: Sequence[str], names: Sequence[str]) -> None:
    """``--supplier-alias`` adds (first, so a report names it); ``--supplier`` replaces every supplier word."""
    wanted = [a.strip() for a in names if a and a.strip()]
    if wanted:
        supplier.labels = {}
        supplier.name = wanted[0]
        supplier.names = {}
        supplier.source = "user"
    for alias in wanted + [a.strip() for a in aliases if a and a.strip()]:
        lang = "zh" if detect_language(alias) == "zh" else "en"
        bucket = supplier.labels.setdefault(lang, [])
        if alias in bucket:
            bucket.remove(alias)
        bucket.insert(0, alias)
        for words_list in buyer.labels.values():
            if alias in words_list:
                words_list.remove(alias)
        if supplier.source == "default":
            supplier.source = "user"


#: a legal form alone ("Ltd.", "Co.", 有限公司) names no one: every company's name ends with one
_LEGAL_FORM = re.compile(r"(?i)(?:co\.?,?\s*)?(?:ltd\.?|limited|inc\.?|llc|plc|gmbh|corp\.?|corporation|company|co\.?|"
                         r"pte\.?\s*ltd\.?|s\.?a\.?|ag|asa|b\.?v\.?|n\.?v\.?)|(?:股份)?有限(?:责任)?公司|公司")


def is_bare_legal_form(name: str) -> bool:
    """"Ltd." or 有限公司 alone: no one's name (often a name split at its comma, "Co., Ltd.")."""
    return bool(_LEGAL_FORM.fullmatch(name.strip()))


def _names_alias(before: str, alias: str, words: _RoleWords) -> bool:
    """Is the name a definition gives (``before``) the user's alias? A company name found anywhere in it is; a label
    or a short name must end it ("乙方系Helix Grid Inc.（以下简称“原厂”）" defines the manufacturer, not 乙方)."""
    at = before.find(alias)
    if at < 0:
        return False
    rest = before[at + len(alias):].strip(" ,，" + _QUOTES)
    return not rest or is_bare_legal_form(rest) or words.is_organisation(alias)


def _terms_of_user_names(supplier: Party, buyer: Party, out: _Collector, given: Sequence[str],
                         words: _RoleWords) -> None:
    """"群创云网股份有限公司（以下简称本公司）" with --supplier-alias 群创云网股份有限公司: 本公司 is the supplier."""
    taken = {w for ws in buyer.labels.values() for w in ws}
    # "Orion Scanners (Asia) Limited ("Orion")": a short name in quotes defines a term as "hereinafter" does
    named = [*out.defined, *((term, before) for term, before, _block in out.unplaced)]
    mine: set[str] = set()
    for alias in (a.strip() for a in given if a and len(a.strip()) >= 2 and not is_bare_legal_form(a)):
        for term, before in named:
            if not _names_alias(before, alias, words) or term in taken or words.is_field(term):
                continue
            mine.add(term)
            bucket = supplier.labels.setdefault(_lang_of(term), [])
            if term not in bucket:
                bucket.append(term)
    # "乙方：南京医保通软件有限公司" with --supplier-alias 南京医保通软件有限公司: the label named so is the supplier's,
    # when neither side claimed it; with two such lines, the other label is the buyer's
    sides = {w for p in (supplier, buyer) for ws in p.labels.values() for w in ws}
    free = {label: name for label, name in out.label_names.items() if label not in sides}
    ours = [label for label, name in free.items() if any(
        len(a.strip()) >= 4 and not is_bare_legal_form(a) and (a.strip() in name or name in a.strip()) and len(name) >= 4
        for a in given if a)]
    if len(ours) == 1:
        supplier.labels.setdefault(_lang_of(ours[0]), []).append(ours[0])
        rest = [label for label in free if label != ours[0]]
        if len(rest) == 1 and buyer.source == "default":
            buyer.labels.setdefault(_lang_of(rest[0]), []).append(rest[0])
    others = {term for term, _before, _block in out.unplaced} - mine
    if mine and buyer.source == "default" and len(others) == 1:
        # two parties defined by plain names, the user named the supplier: "To: Hong Kong Airport Logistics
        # Operations Limited ("HKALO")" is the other side
        term = others.pop()
        bucket = buyer.labels.setdefault(_lang_of(term), [])
        if term not in bucket:
            bucket.append(term)


_CJK_SPACING = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def undertaking_instrument(doc: Document, library: Library | None = None) -> bool:
    """Whether the document's title says it is an undertaking the supplier gives (承诺书, 切结书, Letter of
    Undertaking) and it is not addressed to suppliers as a class: its plain statements ("我司不利用…",
    "本厂商不中断…") are then its promises, as a letter's first person is its author."""
    words = _role_words(library or load_library())
    head = [b for b in doc.blocks if b.text.strip()][:5]
    if not any(words.doc_search("letter_titles", _CJK_SPACING.sub("", b.text)) for b in head if len(b.text) <= 120):
        return False
    # "关于供应商网络安全承诺事项的通知 / 各入围供应商：": the buyer's notice about the undertakings it wants
    return _first(words, "plural_address", head) is None and not _notice_title(words, head)


def _notice_title(words: _RoleWords, head: Sequence[Block]) -> bool:
    """A title in the first blocks says the document is a notice, a policy or guidelines ("…的通知"), in either
    language of a bilingual title ("投標須知補充通告 / Supplementary Notice to Tenderers")."""
    return any(_titled_notice(words, b.text) for b in head if len(b.text) <= 120)


#: the divider of a title given in both languages
_BILINGUAL_TITLE = re.compile(r"(?:\s+|(?<=[\u4e00-\u9fff）」》]))[/／|]\s*")  # (the Chinese half may end right at "/")


def _titled_notice(words: _RoleWords, title: str) -> re.Match[str] | None:
    """The words of ``title`` that make it a notice's, read in each language of a bilingual title."""
    return next((m for part in _BILINGUAL_TITLE.split(title) if (m := words.doc_search("notice_titles", part.strip()))),
                None)


def _letter(body: Sequence[Block], words: _RoleWords) -> dict[str, list[str]] | None:
    """A commitment letter (承诺函, Letter of Undertaking) whose first person undertakes: the first-person words
    it uses, per language. The title must say it is such a letter, in its first blocks."""
    head = body[:5]
    # a title spaced out letter by letter ("承 诺 书") is still the title
    if not any(words.doc_search("letter_titles", _CJK_SPACING.sub("", b.text)) for b in head if len(b.text) <= 120):
        return None
    if _first(words, "plural_address", head) is not None or _notice_title(words, head):
        # "…水务有限公司致各供应厂商函", "关于供应商网络安全承诺事项的通知": the buyer writes to its suppliers
        # about the undertakings it wants; its first person is the buyer
        return None
    return _first_persons(body, words)


def _owned_part_persons(body: Sequence[Block], words: _RoleWords) -> list[tuple[Block, list[str]]]:
    """The first-person words of the supplier's own document attached to the contract (library roles
    ``owned_documents``: "附：乙方《数据处理与隐私政策》（节选）", "Schedule 2 - Vendor Online Terms"): the words used after
    its heading, when no block before the heading uses any of them (the contract itself speaks of its parties)."""
    heading = next((i for i, b in enumerate(body) if len(b.text) <= 80
                    and words.doc_search("owned_documents", b.text.strip())), None)
    if heading is None:
        return []
    out = []
    for lang in ("zh", "en"):
        rx = phrase_regex([w for w in words.first_person[lang] if w.lower() not in ("the undersigned",)], lang)
        if rx is None or any(rx.search(b.text) for b in body[:heading]):
            continue
        used = sorted({m.group(0) for b in body[heading + 1:] for m in rx.finditer(b.text)})
        if used:
            out.append((body[heading], used))
    return out


def _first_persons(body: Sequence[Block], words: _RoleWords) -> dict[str, list[str]] | None:
    """The first-person words a document written by the supplier uses, per language; None when it uses none, or
    only an individual's ("本人") who does not act for the company."""
    found: dict[str, list[str]] = {}
    for lang in ("en", "zh"):
        rx = phrase_regex(words.first_person[lang], lang)
        if rx is None:
            continue
        for b in body[:60]:
            if _lang_of(b.text) != lang and b.language != lang:
                continue
            for m in rx.finditer(b.text):
                # "We, Northgate Network Systems Ltd., as the supplier of …, hereby undertake", "本公司将配合…":
                # the first person of a letter that says it is one undertakes, whatever its verb
                if lang == "en" and m.group(0).lower() in ("us", "our") and not found.get(lang):
                    continue
                bucket = found.setdefault(lang, [])
                if m.group(0) not in bucket:
                    bucket.append(m.group(0))
    if not found:
        return None
    if any(words.doc_search("related_authors", b.text) for b in body[:60]):
        return None  # "本公司X系乙方的控股股东。本公司声明：…": the parent's own promise, not the supplier's
    individual = {w.lower() for lang in ("en", "zh") for w in words.individual_first_person[lang]}
    promisor = {w.lower() for lang in ("en", "zh") for w in words.promisor_words[lang]}
    used = {w.lower() for person in found.values() for w in person}
    if used & individual and used <= individual | promisor and not any(
            words.doc_search("acting_for", b.text) for b in body[:60]):
        return None  # "本人李某某，系…公司派驻的工程师。本人承诺：": the engineer's own pledge, not the supplier's
    for lang, person in found.items():  # "we" is also "us" and "our" once the letter is the supplier's
        person.extend(w for w in words.first_person[lang] if w not in person and w.lower() in ("we", "us", "our"))
    return found


def _carry_across(aligned: Sequence[tuple[Block, Block]], supplier: Party, buyer: Party, words: _RoleWords) -> None:
    """Give each label one version leaves undefined the side of the party named at the same place in the aligned
    clause of the other version: "3.3 The Supplier shall not …" / "3.3 乙方不得…" makes 乙方 the supplier."""
    known = {lang: {w: side for side, party in (("supplier", supplier), ("buyer", buyer))
                    for w in party.labels.get(lang, ())} for lang in ("en", "zh")}
    # case-sensitive: English role words as parties are capitalised ("the Supplier", not "suppliers")
    finders = {lang: re.compile((r"(?<![A-Za-z])(?:{})(?![a-z])" if lang == "en" else "(?:{})").format(
        "|".join(re.escape(w) for w in sorted(known[lang], key=len, reverse=True)))) if known[lang] else None
        for lang in ("en", "zh")}
    votes: dict[tuple[str, str], Counter[str]] = {}
    for a, b in aligned:
        seqs = [_mentions(x.text, x.language if x.language in ("zh", "en") else _lang_of(x.text), known, finders,
                          words) for x in (a, b)]
        if not seqs[0] or not seqs[1]:
            continue
        pairs = list(zip(*seqs, strict=True)) if len(seqs[0]) == len(seqs[1]) else [(seqs[0][0], seqs[1][0])]
        for x, y in pairs:
            for (lang_u, unknown), (_, side) in ((x, y), (y, x)):
                if side in ("supplier", "buyer") and unknown.startswith("label:"):
                    votes.setdefault((lang_u, unknown[6:]), Counter())[side] += 1
    for (lang, label), count in votes.items():
        (side, n), *rest = [*count.most_common(), ("", 0)]
        if n and n > 2 * rest[0][1]:
            party = supplier if side == "supplier" else buyer
            bucket = party.labels.setdefault(lang, [])
            if label not in bucket:
                bucket.insert(0, label)
            party.labels = {lang: bucket, **{k: v for k, v in party.labels.items() if k != lang}}  # named first
            if party.source == "default":
                party.source = "aligned"


def _mentions(text: str, lang: str, known: dict[str, dict[str, str]], finders: dict[str, re.Pattern[str] | None],
              words: _RoleWords) -> list[tuple[str, str]]:
    """Parties named in a clause, in order: ``(lang, side)`` for a word of a known side, ``(lang, "label:乙方")``
    for a neutral label no side has yet."""
    found: list[tuple[int, int, str]] = []
    finder = finders[lang]
    for m in finder.finditer(text) if finder is not None else ():
        found.append((m.start(), m.end(), known[lang][m.group(0)]))
    rx = words.label_re[lang]
    for m in rx.finditer(text) if rx is not None else ():
        if not any(a <= m.start() < b for a, b, _ in found):
            found.append((m.start(), m.end(), "label:" + m.group(0)))
    found.sort()
    return [(lang, side) for _, _, side in found]


def _document_kind(doc: Document, body: Sequence[Block], supplier: Party, buyer: Party, words: _RoleWords,
                   defined: bool, aliases: Sequence[str], names: Sequence[str]) -> tuple[str, bool, str]:
    """``(kind, supplier is a party, the words that decided)``; kind is contract, letter, notice or
    not-a-contract. The supplier is a party when the document defines it (preamble, signature block, a letter it
    signs), names it as the user said, or uses its role word as a party ("the Supplier shall", "乙方应") in a
    document that is not a notice or policy addressed to suppliers as a class."""
    # what a document is shows in its first pages and its end (signature, "特此通知"): a long contract costs no more
    sample = list(body) if len(body) <= KIND_SAMPLE else [*body[:KIND_SAMPLE - 30], *body[-30:]]
    text = "\n".join(b.text for b in sample)
    if not text.strip():
        return "not-a-contract", False, "no text"
    technical = sum(1 for b in sample if _MARKUP.search(b.text))
    if technical >= 3 and technical >= MARKUP_SHARE * len(sample):
        return "not-a-contract", False, f"code or markup in {technical} of {len(sample)} paragraphs"
    if supplier.source == "letter":
        return "letter", True, next((e.text[:60] for e in supplier.evidence), "")
    # the title may follow the issuer's name ("港湾专营巴士有限公司" / "资讯保安政策（第4.2版）（节录）"): the first of
    # the opening lines that names a notice or policy, none a numbered clause's heading ("第五条 通知")
    titles = [t for t in (_title_of(b.text, words) for b in body[:3]) if t]
    title = titles[0] if titles else ""
    counts = {key: _count(words, key, text) for key in ("contract_instruments", "notice_instruments")}
    from_title = _titled_notice(words, title) if title else None
    for later in titles[1:]:
        if from_title is None and not _CLAUSE_NUMBER.match(later) and (m := _titled_notice(words, later)):
            title, from_title = later, m
    titled = from_title if from_title and not _CLAUSE_NUMBER.match(title) else None
    notice = from_title or _first(words, "plural_address", body)
    user = [n for n in (*names, *aliases) if n and n.strip() and n.strip() in text]
    if defined or user:
        if notice and not counts["contract_instruments"] and not defined:
            return "notice", False, notice.group(0)
        return "contract", True, ("--supplier-alias " + user[0]) if user and not defined else "parties defined"
    use = _party_use(body, supplier, words)
    if notice and counts["notice_instruments"] >= counts["contract_instruments"]:
        return "notice", False, notice.group(0)
    if titled:
        # "…信息科技外包管理办法（节选）": the document names itself a policy or notice in its title, and defines no
        # party; that it speaks of contracts ("签订的合同应当包含以下条款") makes it no contract
        return "notice", False, titled.group(0)
    if counts["notice_instruments"] > counts["contract_instruments"]:
        return "notice", False, "policy or notice wording"
    generic = _generic_definition(body, supplier, words)
    if generic is not None:
        return "contract" if counts["contract_instruments"] else "notice", False, generic
    if use is not None:
        return "contract", True, use
    labelled = _label_use(body, words)
    if labelled is not None:  # "乙方应…" with no definition: a contract, though which label is the supplier is open
        return "contract", True, labelled
    others = _other_parties(body, words)
    if others is not None:  # "The Processor shall", "Either party may", "我们不会…": parties the library cannot place
        return "contract", True, others
    numbered = _numbered_duty(body, words)
    if numbered is not None:  # "第十条 承办商须…": a clause of an agreement whose parties the library cannot place
        return "contract", True, numbered
    if not _contract_like(body, supplier, buyer, counts["contract_instruments"], words):
        return "not-a-contract", False, "no parties, clauses or obligations"
    return ("contract" if counts["contract_instruments"] else "other"), False, "the supplier is never named as a party"


#: a bilingual title read as one paragraph: "滨海银行信息科技外包管理办法（节选） Binhai Bank Measures for …"
_PAIRED_TITLE = re.compile(r"^([^A-Za-z。；;]{2,60}?)\s+[A-Z][^。；;]{2,150}$")


#: what a sentence has and a title line does not (an English title in capitals): a modal or a clause's punctuation
_SENTENCE_WORDS = re.compile(r"[。；;:：]|\b(?:shall|must|will|may|is|are|agrees?|undertakes?)\b", re.I)


def _title_of(text: str, words: _RoleWords) -> str:
    """A paragraph as a document title: short, or the Chinese half of a Chinese-and-English title."""
    text = text.strip()
    if len(text) <= 80:
        return text
    letters = [c for c in text if c.isascii() and c.isalpha()]
    if len(text) <= 140 and len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.6 * len(letters) \
            and not _SENTENCE_WORDS.search(text):
        # "LIANHE COMMERCIAL BANK CO., LTD. - THIRD-PARTY TECHNOLOGY RISK POLICY (Version 4.0)": a long name and
        # a title in capitals, with no verb a sentence would have
        return text
    paired = _PAIRED_TITLE.match(text) if len(text) <= 220 else None
    if paired:
        return paired.group(1).rstrip(" /／|｜")  # "…招标公告（节选）/ International Tender Notice …"
    # "INVITATION FOR BIDS No. THJ-ZB-2024-017 — Section VII, Special Conditions of Contract (draft)": a title and
    # its subtitle after a dash, with no verb a sentence would have; the title is the part before the dash
    if len(text) > 200 or _SENTENCE_WORDS.search(text):
        return ""
    head = _TITLE_DASH.split(text, maxsplit=1)[0]
    # (a contract's own title before the dash is no notice's, whatever else it names: "Policy Administration System
    # Maintenance Agreement — Schedule 4, …")
    return head if head != text and len(head) <= 80 and not words.doc_search("contract_titles", head) else ""


#: the dash between a title and its subtitle
_TITLE_DASH = re.compile(r"\s+[—–-]{1,2}\s+")


def _numbered_duty(body: Sequence[Block], words: _RoleWords) -> str | None:
    """A numbered clause with a modal: contract drafting, whoever its parties are. (A notice's numbered items
    were recognised before, by its title, its address or its own name for itself.)"""
    for b in body:
        modal = words.modal_re["zh" if b.language == "zh" else "en"]
        if modal is not None and (b.section or _CLAUSE_NUMBER.match(b.text)) and modal.search(b.text):
            return b.text[:30]
    return None


#: what a README, a config file or source code has and a contract does not: inline code, URLs, shell prompts,
#: command-line options, "key = value" lines, file paths
_MARKUP = re.compile(r"`|https?://|^\s*\$ |(?:^|\s)--[a-z][a-z-]+|^\s*[\w.-]+\s*=\s*\S|\{\s*\"|"
                     r"/[\w.-]*\.(?:py|toml|yaml|yml|json|md|cfg|ini)\b")
#: paragraphs read to tell what a document is (the first ones and the last 30)
KIND_SAMPLE = 120
#: share of paragraphs with such markup above which a text is no contract
MARKUP_SHARE = 0.2


def _count(words: _RoleWords, key: str, text: str) -> int:
    return sum(len(rx.findall(text)) for rx in words.doc_re[key].values() if rx is not None)


def _first(words: _RoleWords, key: str, body: Sequence[Block]) -> re.Match[str] | None:
    for b in body[:10]:
        m = words.doc_search(key, b.text)
        if m:
            return m
    return None


def _words_regex(party: Party, lang: str) -> re.Pattern[str] | None:
    labels = party.labels.get(lang) or []
    if not labels:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])" if lang == "en" else f"(?:{alternation})")


def _party_use(body: Sequence[Block], supplier: Party, words: _RoleWords) -> str | None:
    """The first clause that names the supplier by its role word as a party: the word capitalised and singular in
    English ("suppliers must" in an article is a class), in Chinese not "各供应商" (a notice's readers), in a
    paragraph that binds, allows or refuses something ("The Supplier shall …", "Provider may collect …",
    "…不得被受托方及其人员访问")."""
    rxs = [(lang, rx) for lang in ("en", "zh") if (rx := _words_regex(supplier, lang)) is not None]
    for b in body:
        for lang, rx in rxs:
            modal = words.modal_re[lang]
            if modal is None or not modal.search(b.text):
                continue
            for m in rx.finditer(b.text):
                if lang == "en" and not m.group(0)[:1].isupper():
                    continue
                if lang == "zh" and words.doc_search("plural_address", b.text[max(0, m.start() - 4):m.end()], "zh"):
                    continue
                return b.text[m.start():m.end() + 12]
    return None


def _label_use(body: Sequence[Block], words: _RoleWords) -> str | None:
    """A neutral label (甲方/乙方, Party A/B) in a paragraph with a modal: the document is an agreement between
    parties, whichever of them the supplier is."""
    for b in body:
        for lang in ("zh", "en"):
            label, modal = words.label_re[lang], words.modal_re[lang]
            if label is None or modal is None:
                continue
            m = label.search(b.text)
            if m and modal.search(b.text):
                return b.text[m.start():m.end() + 12]
    return None


_SENTENCE_END = re.compile(r"[。；;!?！？]|\.(?=\s+[A-Z])")


_CLAUSE_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[（(][^）)]{1,4}[）)]|第[^条]{1,6}条)\s*")


def _generic_definition(body: Sequence[Block], supplier: Party, words: _RoleWords) -> str | None:
    """'"Supplier" means any person that …', "服务商：指接入并通过…的…": the role word names a class of persons
    (the contract's parties are others)."""
    heads = [re.compile(rf"[{_QUOTES}]?{rx.pattern}[{_QUOTES}]?\s*[:：，,]?\s*")
             for lang in ("en", "zh") if (rx := _words_regex(supplier, lang)) is not None]
    for b in body[:PREAMBLE_BLOCKS * 2]:
        text = _CLAUSE_NUMBER.sub("", b.text, count=1)
        for head in heads:
            m = head.match(text)
            if m and words.is_generic(text[m.end():]):
                return text[:80]
    return None


_DEFINED_TERM_MODAL = re.compile(
    r"(?:(?:^|[.;:]\s+)(?:\d{1,3}(?:\.\d{1,3})*\.?\s+|[(（]?[a-z0-9]{1,3}[)）]\s+)?(?:The\s+)?|\bthe\s+)"
    r"(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?=shall|must|will|may|agrees|undertakes|warrants|acknowledges)"
    r"|\bby\s+(?:or\s+on\s+behalf\s+of\s+)?the\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\b")


def _other_parties(body: Sequence[Block], words: _RoleWords) -> str | None:
    """Parties the library's role words do not name, bound or allowed something: a defined term ("The Processor
    shall", "the Foreign Party shall"), both sides ("Either party may", 双方), the first person of terms ("我们不会",
    "we will"). Which of them is the supplier is open, so the document is not said to have none."""
    both = {lang: phrase_regex([*words.side_words.get("both", {}).get(lang, ()), *words.first_person[lang]], lang)
            for lang in ("en", "zh")}
    for b in body:
        lang = "zh" if b.language == "zh" else "en"
        modal = words.modal_re[lang]
        if modal is None or not modal.search(b.text):
            continue
        m = (both[lang].search(b.text) if both[lang] is not None else None) or (
            _DEFINED_TERM_MODAL.search(b.text) if lang == "en" else None)
        if m:
            return b.text[m.start():m.end() + 12].strip()
    return None


def _contract_like(body: Sequence[Block], supplier: Party, buyer: Party, instruments: int, words: _RoleWords) -> bool:
    """Anything a contract has: a reference to the instrument, or a paragraph with a modal that names a party (in
    any case or number: an article about what suppliers must do) or starts with a clause number. A README or a
    TOML file has none of these."""
    if instruments:
        return True
    party = re.compile("|".join(re.escape(w) + ("s?" if w.isascii() else "")
                                for p in (supplier, buyer) for ws in p.labels.values() for w in ws) or "(?!)",
                       re.IGNORECASE)
    for b in body:
        lang = "zh" if b.language == "zh" else "en"
        modal = words.modal_re[lang]
        if modal is not None and modal.search(b.text) and (party.search(b.text) or _CLAUSE_NUMBER.match(b.text)):
            return True
    return False
