"""The bilingual matcher: Document -> CheckResult.

Stages (one module each): :mod:`.candidates` (a cheap ``re`` pass over the
whole document), :mod:`.analysis` (spaCy phrase matching and the reasoning on
the few candidate sentences), :mod:`.verdict` (one verdict per requirement),
this module (languages, lead-ins, hidden text, bilingual comparison).

spaCy is imported only when a document is checked (or :func:`load_pipelines`
is called), so ``cliccheck --version`` stays fast.

Bilingual documents: each language version is judged on its own
(``RequirementResult.by_language``). When the contract says which version
prevails (library ``prevailing``), that version's verdict decides, even against
a contradiction in the other; otherwise ``contradicted`` if any version is,
``satisfied`` only
if every version is satisfied, ``weak`` if any version has an undertaking,
else ``missing``. Versions that disagree give a ``bilingual-mismatch`` finding.

Hidden, deleted and comment text (``Document.excluded``) never counts; when it
*would* satisfy a requirement a ``hidden-text`` finding is emitted. Such text
has no offsets in ``Document.text``: its evidence has ``start = end = block = -1``
and carries the excluded text, page and paragraph. Page headers and footers are
in ``Document.text`` but never count either; one that would satisfy a requirement
the body leaves unsatisfied gives the same ``hidden-text`` warning, with the
header/footer block's offsets, block and page.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Collection, Sequence
from typing import Any

from ..errors import ConfigError
from ..lang import en, zh
from ..lang.zh import parse_numeral
from ..library import Library, load_library
from ..model import Document
from ..packs import apply_preconditions, check_each_pack
from ..roles import find_roles, phrase_regex, undertaking_instrument
from ..segment import Sentence, segment
from ..verdicts import (
    VERDICT_RANK,
    CheckResult,
    Finding,
    Reason,
    RequirementResult,
    Roles,
    Severity,
    Verdict,
)
from .align import align_versions
from .analysis import NO_MODAL, Assessment, Unit, frames_words, get_analyzer, party_regex
from .candidates import prefilter
from .document import document_bound as _document_bound
from .document import document_findings
from .document_limits import (
    cessation_words,
    document_limit,
    document_limits,
    excuse_at_will,
    excuse_limit,
    outliving_limit,
)
from .frames import (
    _clause_reference,
    _frames_regex,
    _opens_list,
    carved_out,
    defined_terms,
    excludes_reasons,
    narrowed_terms,
    read_riders,
    unrecognised,
)
from .hidden import analyse_unit as _analyse
from .hidden import hidden_findings, margin_findings, unread_findings, unseen_words
from .obfuscation import obfuscation_findings
from .verdict import decide, evidence_for

__all__ = ["check_document", "load_pipelines"]


def load_pipelines(library: Library | None = None) -> None:
    """Build both spaCy pipelines and the library matchers now (CLI warm-up)."""
    library = library or load_library()
    for lang in ("en", "zh"):
        get_analyzer(library, lang)
        prefilter(library, lang)


def _blank(text: str, start: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (at document offset ``start``) with every character inside ``spans`` turned into a space."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(max(a - start, 0), min(b - start, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", '"': '"'}


def _unagreed_spans(doc: Document, library: Library, lang: str) -> list[tuple[int, int]]:
    """Document offsets of the parts whose own heading says they are not agreed (library ``unagreed_parts``): from
    that heading to the next annex or schedule heading. The document's own title never counts."""
    parts = library.common.get("unagreed_parts") or {}
    markers = phrase_regex((parts.get("markers") or {}).get(lang, ()), lang)
    heads = phrase_regex((parts.get("part_heads") or {}).get(lang, ()), lang)
    if markers is None or heads is None:
        return []
    blocks = [b for b in doc.blocks if b.text.strip()]
    # parts the body says are not agreed ("附件4《采购人网络安全管理要求》…仅供乙方了解参考，不构成本合同的组成部分",
    # "Schedule 7 is for information only"): the part named last before the marker, in the same sentence
    disowned: set[str] = set()
    for b in blocks:
        if not any(w in b.text.lower() for w in _PART_WORDS[lang]):
            continue  # names no part (a plain substring test: a regex over every block of a long contract is slow)
        for m in markers.finditer(b.text):
            sentence = b.text[:m.start()].rsplit("。", 1)[-1].rsplit("；", 1)[-1].rsplit(". ", 1)[-1].rsplit(";", 1)[-1]
            # the part is the marker's subject: it opens the sentence ("20.2 附件4《…》仅供参考", "Schedule 4 is for
            # information only"), not a thing in it ("附件4中的报价明细", "the prices listed in Schedule 4") or one
            # excepted ("除附件4外，宣传资料仅供参考")
            relative = _relative_part(library, lang)
            subject = _SUBJECT_PART[lang].match(sentence) or (relative.search(sentence) if relative else None)
            if subject is not None:
                disowned.add(_part_key(subject))
    # the tender's submissions the body shuts out ("No other document submitted by the Contractor during the tender
    # process shall form part of the Contract"): a part whose heading says it is one is disowned as well
    shut_out = phrase_regex((parts.get("excluded_submissions") or {}).get(lang, ()), lang)
    submitted = phrase_regex((parts.get("submission_heads") or {}).get(lang, ()), lang)
    excluded = shut_out is not None and submitted is not None and any(shut_out.search(b.text) for b in blocks)
    out: list[tuple[int, int]] = []
    for i, b in enumerate(blocks):
        if len(b.text) > 160 or not heads.search(b.text):
            continue
        own = _PART_REFERENCE[lang].match(b.text.strip())
        body_disowns = (own is not None and _part_key(own) in disowned) or (excluded and bool(submitted.search(b.text)))
        # (the document's first line is its title, whose own words never count; an excerpt that opens with the part
        # the body disowns still loses it: "ANNEX A – SUPPLIER COMMITMENT LETTER" … "Annex A … for record purposes only")
        if not body_disowns and (i == 0 or not markers.search(b.text)):
            continue
        end = next((n.start for n in blocks[i + 1:] if heads.search(n.text)), len(doc.text))
        out.append((b.start, end))
    return out


#: the words that name a part of the contract, for a quick test before the patterns below
_PART_WORDS = {"en": ("schedule", "annex", "appendix", "exhibit", "attachment"), "zh": ("附件", "附表", "附录")}
#: a part of the contract named by its label ("附件4", "附表二", "Schedule 7", "Annex B")
_PART_REFERENCE = {"en": re.compile(r"\b(schedule|annex|appendix|exhibit|attachment)\s+([A-Z]|\d+(?:\.\d+)?|[IVX]{1,5})\b",
                                    re.IGNORECASE),
                   "zh": re.compile(r"(附件|附表|附录)\s*([一二三四五六七八九十]+|\d+)")}


#: a part named as the subject of what follows: after the clause number only, with its title, and "is"/系 before the
#: marker ("20.2 附件4《采购人网络安全管理要求》系甲方内部管理规定，仅供乙方了解参考", "Schedule 4 (Guidance) is provided for
#: information only")
_SUBJECT_PART = {"en": re.compile(r"\s*(?:[\d.]+\s+)?(?:the\s+)?(schedule|annex|appendix|exhibit|attachment)\s+([A-Z]|\d+(?:\.\d+)?|[IVX]{1,5})"
                                  r"\b(?:\s*\([^)]{1,60}\))?\s*(?:[\"“][^\"”]{1,60}[\"”]\s*)?,?\s*(?:is|are|shall\s+be|will\s+be|has\s+been)\b"
                                  r"(?:(?!\b(?:in|of|listed|set\s+out|under)\b)[^,;])*$", re.IGNORECASE),
                 "zh": re.compile(r"\s*(?:[\d.．]+\s*|第[一二三四五六七八九十百\d]+条\s*)?(附件|附表|附录)\s*([一二三四五六七八九十]+|\d+)"
                                  r"(?:[《“「][^》”」]{1,40}[》”」])?(?![中内里所的之])[^，。；除]{0,24}(?:[，,][^，。；除]{0,24}){0,3}[，,]?\s*$")}


def _relative_part(library: Library, lang: str) -> re.Pattern[str] | None:
    """The part a letter is kept in, described by the clause that follows it ("supersedes … the Supplier Commitment
    Letter reproduced in Annex A, which is included for record purposes only", "附件3所载之承诺函，仅作记录之用"): only a
    letter or statement (library ``unagreed_parts.kept_letters``), not a thing in the annex ("附件4所附图片仅供参考")."""
    key = (library.key, "kept_letters", lang)
    if key not in _LEXICON_RX:
        words = ((library.common.get("unagreed_parts") or {}).get("kept_letters") or {}).get(lang, ())
        names = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        _LEXICON_RX[key] = None if not names else re.compile(  # type: ignore[assignment]
            rf"\b(?:{names})\b[^,;]{{0,20}}?\b(?:reproduced|set\s+out|contained|attached|included|annexed|kept)\s+"
            r"(?:in|as|at)\s+(?:the\s+)?(schedule|annex|appendix|exhibit|attachment)\s+([A-Z]|\d+(?:\.\d+)?|[IVX]{1,5})"
            r"\b\s*,?\s*(?:which|and)\s+(?:is|are|shall\s+be|will\s+be|was|were)\b[^;]{0,40}$", re.IGNORECASE)
        if names and lang == "zh":
            _LEXICON_RX[key] = re.compile(  # type: ignore[assignment]
                rf"(附件|附表|附录)\s*([一二三四五六七八九十]+|\d+)所(?:附|载|列|录)(?:之|的)?[^，。；]{{0,12}}?(?:{names})"
                r"[，,]?\s*(?:该[^，。；]{0,12})?$")
    return _LEXICON_RX[key]  # type: ignore[return-value]


def _part_key(m: re.Match[str]) -> str:
    return f"{m.group(1).lower()} {m.group(2).lower()}"


def _superseded_spans(doc: Document, library: Library, lang: str) -> list[tuple[int, int]]:
    """Document offsets of the quotations an amendment gives as the old wording it replaces or deletes (after the
    words of ``superseded_quotes`` in common.yaml): up to the matching closing mark, nested quotes included."""
    rx = phrase_regex(library.common.get("superseded_quotes", {}).get(lang, ()), lang)
    if rx is None:
        return []
    out = []
    for block in doc.blocks:
        text = block.text
        for m in rx.finditer(text):
            q = re.match(r"\s*([“「『\"])", text[m.end():m.end() + 8])
            if q is None:
                continue
            opening = q.group(1)
            closing = _QUOTE_PAIRS[opening]
            i, depth = m.end() + q.end(), 1
            while i < len(text) and depth:
                if text[i] == closing:
                    depth -= 1
                elif text[i] == opening and opening != closing:
                    depth += 1
                i += 1
            # from the opening mark up to the closing one, not past it: the words around the quotation are the
            # amendment's own ("Clause 18.3 (…) is deleted and replaced with the following: …")
            out.append((block.start + m.end() + q.start(1), block.start + i - 1))
    return out


def _context_party(block_text: str, upto: int, roles: Roles, lang: str) -> str | None:
    """The side of the last party named in the block before ``upto`` (looked for in a bounded stretch, so a
    block of many sentences stays linear)."""
    best: tuple[int, str] | None = None
    for side, party in (("supplier", roles.supplier), ("buyer", roles.buyer)):
        rx = party_regex(party, lang)
        if rx is None:
            continue
        for m in rx.finditer(block_text, max(0, upto - 4000), upto):
            if best is None or m.start() > best[0]:
                best = (m.start(), side)
    return best[1] if best else None


def _heading_parties(doc: Document, roles: Roles, lang: str) -> dict[str, str]:
    """Top clause -> the one side its heading names ("第三条 乙方的网络安全义务", "3. Supplier's Obligations"): a
    subjectless clause under it ("严禁…", "No user data shall be collected…") binds that side. Only in a
    document whose supplier is a party; a heading naming both sides names neither."""
    if not roles.supplier_party:
        return {}
    out: dict[str, str] = {}
    rxs = {side: party_regex(party, lang) for side, party in (("supplier", roles.supplier), ("buyer", roles.buyer))}
    for b in doc.blocks:
        if not b.is_body or not b.section_title or b.language not in (lang, "mixed"):
            continue
        named = {side for side, rx in rxs.items() if rx is not None and rx.search(b.section_title)}
        if len(named) == 1:
            out.setdefault(_top_section(b.section), named.pop())
    return out


#: a paragraph number without its clause's ("2", "（二）"): the paragraphs so numbered belong to the clause above them
_BARE_NUMBER = re.compile(r"^(?:\d{1,2}|[（(]?[一二三四五六七八九十\d]{1,3}[)）])$")


def _antecedents(doc: Document, library: Library, lang: str) -> Callable[[Any], frozenset[tuple[str, str]]]:
    """For a sentence, the (requirement, element) pairs with anaphors whose object the clause has already named in
    full: earlier in the sentence's paragraph, in its heading, or in the earlier paragraphs of the same numbered
    clause ("14. Cybersecurity Review … 14.1 Where such a filing is made, the Supplier shall cooperate fully with the
    review"). Returns a function of the sentence, so documents without anaphors cost nothing."""
    from .frames import _object_regex

    wanted = [(req.id, el.id, rx) for req in library.requirements for el in req.elements
              if el.anaphors[lang] and (rx := _object_regex(library, req.id, el, lang)) is not None]
    if not wanted:
        return lambda s: frozenset()
    order = {id(b): i for i, b in enumerate(doc.blocks)}

    def context(s: Any) -> str:
        parts = [s.block.text[:max(0, s.start - s.block.start)], s.block.section_title or ""]
        i = order.get(id(s.block))
        top = _top_section(s.block.section) if s.block.section else ""
        bare = bool(_BARE_NUMBER.match(s.block.section or ""))
        if i is not None and top:
            for b in reversed(doc.blocks[max(0, i - 6):i]):
                if not b.is_body or not b.section:
                    break
                if _top_section(b.section) != top and not (bare and _BARE_NUMBER.match(b.section)):
                    if bare:  # "Article 27 (Cooperation with Cybersecurity Review)" over its paragraphs 1., 2.
                        parts += [b.text, b.section_title or ""]
                    break
                parts += [b.text, b.section_title or ""]
        return "\n".join(parts)

    def find(s: Any) -> frozenset[tuple[str, str]]:
        text = context(s)
        return frozenset((rid, el) for rid, el, rx in wanted if rx.search(text))
    return find


def _sentence_units(doc: Document, library: Library, roles: Roles, lang: str,
                    sentences: list | None = None) -> list[Assessment]:  # type: ignore[type-arg]
    if len(library.packs) > 1:
        # fail closed: every reading accounts for its sentence with its own pack's vocabulary only. Read together,
        # one pack's harmless words ("beyond the agreed purposes", "when working on site") would leave another
        # pack's weak undertaking nothing unrecognised, and it would pass (check_document reads each pack apart
        # for the same reason; this keeps every other reader, such as explain --trace, to the same rule)
        from ..packs import pack_library

        return [a for pack in library.packs
                for a in _sentence_units(doc, pack_library(library, pack), roles, lang, sentences)]
    # one pass of the cheap scanners over the whole text; only sentences that (with their lead-in)
    # hold an action and an object of one requirement, or a contradicting phrase, are analysed
    scan = prefilter(library, lang).scan(doc.text)
    # a services contract that never names product supply is excused the supply element; a commitment letter
    # (or a notice) is not the contract, so what it leaves out is left out
    absent = _absent_elements(doc.text, library, lang) if roles.document == "contract" else frozenset()
    # an undertaking instrument's plain statements are its promises; read so for the four undertakings only: the
    # packs' objects are not yet guarded against narrowing ("对贵司的商业秘密予以保密" covers trade secrets only)
    instrument = all(p.id == "csr" for p in library.packs) and roles.document in ("contract", "letter") and (
        roles.document == "letter" or undertaking_instrument(doc, library))
    found: list[Assessment] = []
    sentences = segment(doc) if sentences is None else sentences
    pending: list[tuple[object, list[Assessment]]] = []  # (sentence, its readings) whose riders are read last
    headings = _heading_parties(doc, roles, lang)
    defined = defined_terms(sentences, library, lang)
    narrowed = narrowed_terms(sentences, library, lang)
    superseded = _superseded_spans(doc, library, lang) + _unagreed_spans(doc, library, lang)
    asked = _questions_and_answers(sentences, library, lang)
    antecedents = _antecedents(doc, library, lang)
    survival = frames_words(library, "survival_statements", lang)
    survivals = tuple(t.text for t in sentences if t.language == lang and survival.search(t.text)) \
        if survival is not None else ()

    def with_lead(s, s_text):  # type: ignore[no-untyped-def]
        """The item ``s`` read after its lead-in, as one unit."""
        lead = s.lead_in
        lead_ctx = (_context_party(lead.block.text, lead.start - lead.block.start, roles, lang)
                    or headings.get(_top_section(lead.block.section)))
        combined = Unit(lead.text + " " + s_text, lang,
                        [(0, lead.start, lead.end), (len(lead.text) + 1, s.start, s.end)], s,
                        context_party=lead_ctx, absent=absent, defined=defined, narrowed=narrowed,
                        instrument=instrument, antecedents=antecedents(lead), survivals=survivals)
        return _analyse(combined, library, roles)

    for s in sentences:
        if s.language != lang:
            continue
        if s.index in asked:
            continue  # a tender's question, or the buyer's answer to one: nobody's promise, nobody's right
        if any(a <= s.start < b or a < s.end <= b for a, b in superseded):
            continue  # old wording an amendment quotes ("原文为：“10.1 乙方应配合…”"): nobody's undertaking now
        # …and inside a sentence that goes on after it ("Clause 10, which formerly read: "…", is deleted"), the old
        # wording is blanked out (offsets kept) so that only the amendment's own words are read
        s_text = _blank(s.text, s.start, superseded)
        own = [(s.start, s.end)]
        if not scan.candidate_requirements(own + ([(s.lead_in.start, s.lead_in.end)] if s.lead_in else [])):
            inherited = _overridden(s, sentences, found, scan, library, lang)
            if inherited:
                # "尽管有前款约定，其有权拒绝…": an unnamed subject or a pronoun is the party the overridden
                # undertaking binds, the supplier
                ctx = _context_party(s.block.text, s.start - s.block.start, roles, lang) or "supplier"
                unit = Unit(s.text, lang, [(0, s.start, s.end)], s, context_party=ctx, inherited=inherited,
                            survivals=survivals)
                found.extend(a for a in _analyse(unit, library, roles)
                             if a.kind == "contradiction" or (a.kind == "limitation" and a.requirement in inherited))
            continue
        results: list[Assessment] = []
        if scan.candidate_requirements(own):
            block_offset = s.start - s.block.start
            ctx = _context_party(s.block.text, block_offset, roles, lang) or headings.get(_top_section(s.block.section))
            alone = Unit(s_text, lang, [(0, s.start, s.end)], s, context_party=ctx, absent=absent, defined=defined,
                         narrowed=narrowed, instrument=instrument, antecedents=antecedents(s), survivals=survivals)
            results = _analyse(alone, library, roles)
        if s.lead_in is not None and not any(a.kind != "near-miss" and not _needs_lead(a) for a in results) \
                and not (s.run_on and _names_party(s.text, roles, lang)):
            lead = s.lead_in
            combined_results = with_lead(s, s_text)
            if _opens_list(lead.text, library, lang):
                # "… shall not suspend supply except where: (a) …; (b) …; (c) …": an item is one case of the
                # exception, never the undertaking with only that case; the lead-in read alone reads every item
                combined_results = [a for a in combined_results if a.kind != "undertaking"]
            if any(a.kind != "near-miss" for a in combined_results) or not results:
                results = combined_results if not results or any(
                    a.kind == "contradiction" or (a.kind == "undertaking" and not _needs_lead(a))
                    for a in combined_results) or all(a.kind == "near-miss" for a in results) else results
        if s.lead_in is not None and any(a.kind == "undertaking" and a.quality == "satisfied" and len(a.unit.pieces) == 1
                                         for a in results):
            results = _hedged_by_lead_in(s, results, functools.partial(with_lead, s, s_text), library, lang)
        contradicted = {a.requirement for a in results if a.kind == "contradiction"}
        inherited = _overridden(s, sentences, found, scan, library, lang) - contradicted
        if inherited:
            # an override of the undertaking just before ("尽管有前款约定，…乙方有权拒绝提供") that names
            # its own objects (a review authority, source code) still refuses that undertaking
            ctx = _context_party(s.block.text, s.start - s.block.start, roles, lang) or "supplier"
            unit = Unit(s.text, lang, [(0, s.start, s.end)], s, context_party=ctx, inherited=inherited,
                        survivals=survivals)
            results += [a for a in _analyse(unit, library, roles)
                        if a.kind in ("contradiction", "limitation") and a.requirement in inherited]
        _carve_outs_after(s, sentences, results, library, lang)
        _carve_outs_pointed_back_to(s, sentences, results, library, lang)
        _bid_response(s, sentences, results, library, lang)
        _inside_qualified_response(s, sentences, results, library, lang)
        riders = {a.requirement for a in found[-4:] if a.kind == "contradiction" and a.unit.sentence is s}
        found.extend(a for a in results if not (a.kind == "contradiction" and a.requirement in riders))
        _rider_after(s, sentences, results, library, roles, lang, found)
        pending.append((s, results))
    # fail closed: the clause's later sentences are read with each undertaking. Last sentence first, so that a
    # later sentence's own reading is final when an earlier undertaking asks whether it stands on its own
    _referenced_exceptions(sentences, found, library, roles, lang)
    _back_referenced_exceptions(sentences, found, library, roles, lang)
    for s, results in reversed(pending):
        read_riders(s, sentences, results, library, roles, lang, found)
    _carve_outs_before(sentences, found, library, lang)
    found += _disclaimed(sentences, found, library, lang)
    found += _globally_overridden(sentences, found, library, roles, lang)
    _instrument_term(sentences, found, library, lang)
    _deleted(sentences, found, library, lang)
    _widened_reasons(sentences, found, library, lang)
    _amended(sentences, found, library, lang)
    _in_amendable_part(doc, sentences, found, library, roles, lang)
    _pointing_at_unsettled_part(doc, sentences, found, library, lang)
    _capped(sentences, found, library, lang)
    _weaker_part_may_prevail(sentences, found, library, lang)
    _supplier_document_prevails(sentences, found, library, lang)
    _amendable_document_prevails(doc, sentences, found, library, roles, lang)
    _disowned_persons(sentences, found, library, lang)
    _lapsing_while_retained(sentences, found, library, lang)
    _part_beside_hedged_whole(found, library, lang)
    _weaker_after_period(sentences, found, library, lang)
    return found


def _referenced_exceptions(sentences, found, library, roles, lang) -> None:  # type: ignore[no-untyped-def]
    """"No suspension … shall be made by the Seller save for the reasons listed in Article 20": an undertaking weak
    only for an exception that points at another clause (frames.yaml ``referenced_exceptions``) is satisfied when that
    clause is in the document and, read for the same requirement, allows only what the law allows: a right limited to
    justifiable reasons, or the undertaking itself. Runs before the riders are read, so the upgraded undertaking is
    still read with the rest of its clause."""
    rx = _frames_regex(library, "referenced_exceptions", lang)
    if rx is None:
        return
    for a, carves in _weak_only_by_exceptions(found):
        refs = [m for r in carves if (m := rx.search(r.detail.strip()))]
        if len(refs) != len(carves):
            continue
        if all(_justified_clause(m.group("ref"), a, sentences, library, roles, lang) for m in refs):
            _exceptions_justified(a, carves, "the clause it names allows only justifiable reasons")


def _weak_only_by_exceptions(found):  # type: ignore[no-untyped-def]
    """The undertakings weak for their exceptions alone, each with those carve-out reasons."""
    for a in found:
        if a.kind != "undertaking" or a.quality != "weak" or a.unit.sentence is None or a.frame is None:
            continue
        carves = [r for r in a.reasons if r.code == "carve-out"]
        if carves and all(r.code in ("element-found", "carve-out") for r in a.reasons):
            yield a, carves


def _exceptions_justified(a, carves, why: str) -> None:  # type: ignore[no-untyped-def]
    """``a`` is satisfied after all: its exceptions (``carves``) allow only justifiable reasons, for ``why``."""
    words = [w for w in a.frame.leftover if not any(w in r.detail for r in carves)]
    a.reasons = [r for r in a.reasons if r.code != "carve-out"]
    a.reasons.append(Reason("binding-undertaking", a.frame.modal_text))
    a.quality, a.detail = "satisfied", ""
    a.frame.exceptions = [("justifiable", f"{w} ({why})")
                          if c == "carve-out" and any(w in r.detail or r.detail in w for r in carves) else (c, w)
                          for c, w in a.frame.exceptions]
    a.frame.leftover = words
    if words:
        unrecognised(a, words)


def _back_referenced_exceptions(sentences, found, library, roles, lang) -> None:  # type: ignore[no-untyped-def]
    """"乙方仅在甲方逾期付款超过九十日…时，方可暂停供货；除此之外，乙方不得以任何理由暂停", "除上述情形外，供方不得…",
    "Save as aforesaid, the Vendor shall not …": an undertaking weak only for an exception that points back at the
    provision before it (frames.yaml ``exception_back_references``) is satisfied when that provision - from the
    nearest earlier sentence of its clause granting the supplier a right, to the undertaking - allows only what the law
    allows, as :func:`_referenced_exceptions` reads a clause named by number. No such grant found: it stays weak."""
    rx = _frames_regex(library, "exception_back_references", lang)
    if rx is None:
        return
    for a, carves in _weak_only_by_exceptions(found):
        if not all(rx.fullmatch(r.detail.strip(" ，,")) for r in carves):
            continue
        referred = _provision_before(a.unit.sentence, sentences, library, lang)
        # the grant read on its own is a restriction that binds as a prohibition ("乙方仅在…时，方可暂停供货"), or
        # the grounds it lists are all justified
        if referred and (_binds_alone(referred[0], a.requirement, found)
                         or _justified_text(referred, a, library, roles, lang)):
            _exceptions_justified(a, carves, "the provision it points back at allows only justifiable reasons")


def _binds_alone(t, rid: str, found) -> bool:  # type: ignore[no-untyped-def]
    """Sentence ``t``, read on its own, is a satisfied undertaking of ``rid`` (its riders not yet read)."""
    return any(b.unit.sentence is t and b.requirement == rid and b.kind == "undertaking" and b.quality == "satisfied"
               for b in found)


#: how far back an exception pointing back may reach for the right it excepts, in sentences of its clause
_BACK_REACH = 8


def _provision_before(own, sentences, library, lang):  # type: ignore[no-untyped-def]
    """The sentences an exception of ``own`` points back at: from the nearest earlier sentence of the same clause (its
    paragraph, or an earlier paragraph of the same numbered clause) in which the supplier is given a right, up to
    ``own``. Empty when the clause grants none."""
    top = _top_section(own.block.section) if own.block.section else None
    earlier = []
    for t in reversed(sentences[max(0, own.index - _BACK_REACH):own.index]):
        if t.language != lang or (t.block is not own.block and (top is None or _top_section(t.block.section) != top)):
            break
        earlier.insert(0, t)
        hits = get_analyzer(library, lang).hits(t.text)
        # (a right given as "only … may": also 仅得/僅得, the restriction and its 得 read apart)
        if any(h.cat in ("modal:permission", "modal:grant") or (h.cat == "restrictive" and t.text.startswith("得", h.end))
               for h in hits):
            return earlier
    return []


def _justified_clause(ref: str, a, sentences, library, roles, lang) -> bool:  # type: ignore[no-untyped-def]
    """The clause ``ref`` names is in the document, free of carve-outs and hedges, and every ground it lists (each
    enumerated item, or each alternative of a clause with none) is a justification or the buyer's consent: "The
    Seller may suspend performance only in the following circumstances: (1) … overdue … after written demand; (2)
    force majeure; (3) the Buyer has agreed in writing"."""
    own = a.unit.sentence
    named = [t for t in sentences if t.language == lang and t is not own and t.block.section
             and (rx := _clause_reference(t.block.section, lang)) is not None and rx.fullmatch(ref)]
    return _justified_text(named, a, library, roles, lang)


def _justified_text(named, a, library, roles, lang) -> bool:  # type: ignore[no-untyped-def]
    """The sentences ``named`` are free of carve-outs and hedges, and every ground they list (each enumerated item, or
    each alternative where none is enumerated) is a justification or the buyer's consent for ``a``'s requirement."""
    from .analysis import Sentence as Read
    from .analysis import Unit, _buyer_consent, _unjustified_alternative, party_hits
    from .frames import _ITEM

    if not named:
        return False
    # (a sentence cut at its semicolon, "…，方可暂停供货；", ends no list item)
    text = " ".join(t.text.rstrip(" ;；") for t in named)
    hits = get_analyzer(library, lang).hits(text)
    read = Read(Unit(text, lang, [(0, named[0].start, named[-1].end)], named[0]), hits,
                party_hits(text, roles, hits, lang), library)
    rid = a.requirement
    fine = read.any("justifications", f"{rid}:justifications", "lawful_basis")
    bad = read.any("carve_outs", "modal:non_binding", "breadth", "global_overrides", f"{rid}:weakening")
    if not fine or bad:
        return False
    first = _ITEM.search(text)
    if first is None:
        return _unjustified_alternative(read, 0, len(text), fine) is None
    # each item a justification or the buyer's consent ("(3) the Buyer has agreed in writing")
    cuts = [first.start(), *[m.start() for m in _ITEM.finditer(text, first.end())], len(text)]
    items = [(x, y) for x, y in itertools.pairwise(cuts) if re.search(r"\w{2}", text[x:y])]
    return bool(items) and all(any(x <= h.start < y for h in fine) or _buyer_consent(read, x, y) for x, y in items)


def _weaker_part_may_prevail(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"本合同附件《供应商安全承诺书》…与本合同正文不一致的，以该附件为准" with 10.2 乙方不得无正当理由中断… in the
    body and "乙方原则上不中断…" in the annex: the annex's weaker wording governs. A full undertaking with a weaker one
    of the same requirement in another part of a document that gives a part precedence over its body is weak,
    quoting the precedence clause."""
    rx = phrase_regex(library.common.get("precedence_to_parts", {}).get(lang, ()), lang)
    if rx is None:
        return
    body = phrase_regex(library.common.get("precedence_over_body", {}).get(lang, ()), lang)
    # a cheap gate first: the verb of precedence every such clause holds (library ``precedence_words``)
    gate = phrase_regex(library.common.get("precedence_words", {}).get(lang, ()), lang)
    clause = next((s for s in sentences if s.language == lang and (gate is None or gate.search(s.text))
                   and rx.search(s.text) and body is not None and body.search(s.text)), None)
    if clause is None:
        return
    itself = phrase_regex(library.common.get("precedence_to_itself", {}).get(lang, ()), lang)
    if itself is not None and itself.search(clause.text):
        # "this Annex prevails" in the annex's preamble: what follows the clause prevails over what precedes it
        for a in found:
            if (a.kind == "undertaking" and a.quality == "satisfied" and a.unit.sentence is not None
                    and a.unit.sentence.index < clause.index
                    and any(b.requirement == a.requirement and b.kind == "undertaking" and b.quality == "weak"
                            and b.unit.sentence is not None and b.unit.sentence.index > clause.index for b in found)):
                _weakened_by(a, clause)
        return
    for a in found:
        if a.kind != "undertaking" or a.quality != "satisfied" or a.unit.sentence is None:
            continue
        part = _top_section(a.unit.sentence.block.section)
        if any(b.requirement == a.requirement and b.kind == "undertaking" and b.quality == "weak"
               and b.unit.sentence is not None and _top_section(b.unit.sentence.block.section) != part
               for b in found):
            _weakened_by(a, clause)


#: the contract, or a part of it, naming itself in English ("this Country Addendum"); Chinese names itself in the
#: library's words (``precedence_over_body``, ``precedence_to_itself``: 本协议, 本附件)
_THIS = re.compile(r"\bthis\b", re.IGNORECASE)


def _supplier_document_prevails(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"本协议与乙方在其官方网站公布的《隐私与数据安全政策》不一致的，以该政策为准；乙方有权随时修订该政策": a document
    of the supplier's own governs the contract, so every undertaking is only as good as it (library
    ``precedence_to_supplier_documents``); each is weak, quoting the clause. The contract prevailing ("…以本合同为准")
    weakens nothing."""
    rx = phrase_regex(library.common.get("precedence_to_supplier_documents", {}).get(lang, ()), lang)
    gate = phrase_regex(library.common.get("precedence_words", {}).get(lang, ()), lang)
    if rx is None or gate is None:
        return
    body = _contract_itself(library, lang)
    for s in sentences:
        if s.language != lang or gate.search(s.text) is None or (m := rx.search(s.text)) is None:
            continue
        verb = [v for v in gate.finditer(s.text, m.start(), m.end())][-1]
        clause = re.split(r"[，,;；]", s.text[m.start():verb.start()])[-1]
        if body is not None and body.search(clause):
            continue  # "…不一致的，以本合同为准", "…, this Country Addendum prevails": the contract's own text governs
        if body is None or not body.search(s.text, 0, m.end()):
            continue  # "技术支持以乙方《服务政策》为准": no precedence over the contract, a measure of one duty
        for a in found:
            if a.kind == "undertaking" and a.quality == "satisfied" and a.unit.sentence is not s:
                _weakened_by(a, s)
        return


def _contract_itself(library, lang):  # type: ignore[no-untyped-def]
    """The words by which a precedence clause names the contract's own text ("本合同", "this Agreement", "本附件"):
    where they stand before the verb of precedence, the clause compares another document with the contract."""
    own = [*library.common.get("precedence_over_body", {}).get(lang, ()),
           *library.common.get("precedence_to_itself", {}).get(lang, ())]
    return phrase_regex(own, lang) if lang == "zh" else _THIS


def _amendable_document_prevails(doc, sentences, found, library, roles, lang) -> None:  # type: ignore[no-untyped-def]
    """"本合同…与《云岭平台服务规则》不一致的，以《云岭平台服务规则》为准。该规则由乙方制定并可随时修订": a named
    document prevails over the contract, and a sentence of the contract lets the supplier change it at will
    (frames.yaml ``amendable_documents``): whoever's name it bears, the supplier sets the terms, so every undertaking
    is weak, quoting the precedence clause."""
    gate = phrase_regex(library.common.get("precedence_words", {}).get(lang, ()), lang)
    amend = _frames_regex(library, "amendable_documents", lang)
    kinds = _frames_regex(library, "amendable_document_kinds", lang)
    supplier = party_regex(roles.supplier, lang) if roles is not None else None
    if gate is None or amend is None or kinds is None or supplier is None:
        return
    amended = [s for s in sentences if s.language == lang and amend.search(s.text) and supplier.search(s.text)]
    if not amended:
        return
    named = {n for n in [*_DOCUMENT_NAMES.findall(doc.text), *_SHORT_NAMES.findall(doc.text)]
             if 2 <= len(n) <= 30 and kinds.search(n)}
    # (the document the amending sentence names, or points at with 该/this right after a sentence naming it)
    changeable = {n for n in named for t in amended if n in t.text or any(
        n in u.text for u in sentences[max(0, t.index - 1):t.index])}
    body = _contract_itself(library, lang)
    for s in sentences:
        if s.language != lang or (verb := next(iter(gate.finditer(s.text)), None)) is None:
            continue
        if body is None or not body.search(s.text, 0, verb.start()):
            continue  # "技术支持服务以乙方《服务政策》为准": the measure of one duty, not a precedence over the contract
        # the document right before the verb of precedence is the one that prevails ("以《X》为准", "X prevails")
        ends = [at + len(n) for n in changeable if (at := s.text.rfind(n, 0, verb.start())) >= 0]
        if any(0 <= verb.start() - end <= 6 for end in ends):
            for a in found:
                if a.kind == "undertaking" and a.quality == "satisfied" and a.unit.sentence is not s:
                    _weakened_by(a, s)
            return


def _lapsing_while_retained(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"9.2 During the Term, the Provider shall not … carry out correlation analysis" beside "9.3 Upon expiry or
    termination, the Provider may retain Customer Data": a duty bounded by the term lapses while the supplier still holds
    the data (library ``retention_after_term``, ``term_bounds``); each such undertaking is weak, quoting the right."""
    keep = phrase_regex(library.common.get("retention_after_term", {}).get(lang, ()), lang)
    bound = phrase_regex(library.common.get("term_bounds", {}).get(lang, ()), lang)
    if keep is None or bound is None:
        return
    rights = [a.unit.sentence for a in found if a.kind == "contradiction" and a.unit.sentence is not None
              and keep.search(a.unit.sentence.text)]
    if not rights:
        return
    for a in found:
        if a.kind == "undertaking" and a.quality == "satisfied" and a.unit.sentence is not None \
                and a.unit.sentence is not rights[0] and bound.search(a.unit.sentence.text) \
                and not any(r.code == "stated-particular" for r in a.reasons):
            # (not the processing period a description states: "处理期限为本合同服务期内" is what was agreed, and the
            # right to keep the data is judged under the return-or-delete duty)
            _weakened_by(a, rights[0])


def _disowned_persons(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"11.3 乙方对分包商的行为不承担任何责任": the supplier disowns the acts of those it answers for, anywhere in the
    contract (library ``disowned_persons``), so what it undertook binds only its own hands; every satisfied
    undertaking that those persons could breach is weak, quoting the clause."""
    conf = library.common.get("disowned_persons", {})
    rx = phrase_regex(conf.get("phrases", {}).get(lang, ()), lang)
    if rx is None:
        return
    own = set(conf.get("own_duties", ()))
    for s in sentences:
        if s.language == lang and rx.search(s.text) is not None:
            for a in found:
                if a.kind == "undertaking" and a.quality == "satisfied" and a.unit.sentence is not s \
                        and a.requirement not in own:
                    _weakened_by(a, s)
            return


def _weaker_after_period(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"6.1 For five (5) years after Taking-Over, the Supplier … shall not interrupt either" / "6.2 Thereafter, the
    Supplier will offer Spares … on an as-available basis": a later paragraph of the same clause that opens on what
    follows the period (frames.yaml ``period_followers``) and names the requirement's object without a firm
    undertaking of its own leaves the firm one bounded by that period; it is weak, quoting the later paragraph."""
    rx = _frames_regex(library, "period_followers", lang)
    if rx is None:
        return
    after = [t for t in sentences if t.language == lang and rx.match(t.text)]
    if not after:
        return
    analyzer = get_analyzer(library, lang)
    for t in after:
        names = {h.cat.split(":", 1)[0] for h in analyzer.hits(t.text) if ":obj:" in h.cat}
        firm = {a.requirement for a in found if a.unit.sentence is t and a.kind == "undertaking"
                and a.quality == "satisfied"}
        for a in found:
            s = a.unit.sentence
            if a.requirement in names - firm and a.kind == "undertaking" and a.quality == "satisfied" \
                    and s is not None and s.index < t.index and s.block is not t.block \
                    and _top_section(s.block.section) == _top_section(t.block.section) != "":
                _weakened_by(a, t)


#: the reasons that say the library's own words hedge an undertaking (the bare statement is weak for its modal alone)
_HEDGES = frozenset({"weakened-by", "carve-out"})


def _names_object(a: Assessment, rx: re.Pattern[str], within: re.Pattern[str] | None) -> bool:
    """Whether the words the undertaking was read on name an object of ``rx`` outside any match of ``within``."""
    read = " ".join(r.detail for r in a.reasons if r.code == "element-found")
    inner = [m.span() for m in within.finditer(read)] if within is not None else []
    return any(not any(i <= m.start() and m.end() <= j for i, j in inner) for m in rx.finditer(read))


def _part_beside_hedged_whole(found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"5.2 乙方应在获知漏洞后7日内提供补丁" beside "7. 系统上线后，乙方将在商业合理范围内提供技术支持": a firm duty that
    names only parts of the element (library ``part_objects``) does not lift a hedge the supplier put on the whole;
    each such undertaking is weak, quoting the hedged one."""
    for rid in {a.requirement for a in found if a.kind == "undertaking" and a.quality == "satisfied"}:
        req = library.requirement(rid)
        parts = req.lexicon.get("part_objects", {}).get(lang, ())
        part_rx = phrase_regex(parts, lang)
        whole_rx = phrase_regex([o for el in req.elements for o in el.objects[lang] if o not in parts], lang)
        if part_rx is None or whole_rx is None:
            continue
        # (hedged by the library's words: not words it could not account for, nor a bare statement's missing modal)
        hedged = next((b for b in found if b.requirement == rid and b.kind == "undertaking" and b.quality == "weak"
                       and b.unit.sentence is not None and _names_object(b, whole_rx, part_rx)
                       and any(r.code in _HEDGES and r.detail != NO_MODAL for r in b.reasons)
                       and not any(r.code in ("not-supplier", "unrecognised-qualifier") for r in b.reasons)), None)
        if hedged is None:
            continue
        for a in found:
            if a.requirement == rid and a.kind == "undertaking" and a.quality == "satisfied" \
                    and a.unit.sentence is not None and a.unit.sentence is not hedged.unit.sentence \
                    and _names_object(a, part_rx, None) and not _names_object(a, whole_rx, part_rx):
                _weakened_by(a, hedged.unit.sentence)


def _capped(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"14.3 乙方在本合同项下承担的全部违约及赔偿责任，累计不超过本合同总价的百分之五": a cap on all the supplier's
    liability limits the liability the security agreement promises, wherever the cap stands (the main contract's
    clause the agreement refers to), unless it excepts the requirement's subject ("…违反保密义务的除外")."""
    for rid in {a.requirement for a in found if a.kind == "undertaking" and a.quality == "satisfied"}:
        lexicon = library.requirement(rid).lexicon
        caps = phrase_regex(lexicon.get("caps", {}).get(lang, ()), lang)
        if caps is None:
            continue
        spared = phrase_regex(lexicon.get("cap_exclusions", {}).get(lang, ()), lang)
        for s in sentences:
            if s.language != lang or caps.search(s.text) is None or (spared is not None and spared.search(s.text)):
                continue
            for a in found:
                if a.requirement == rid and a.kind == "undertaking" and a.quality == "satisfied" \
                        and a.unit.sentence is not s:
                    _weakened_by(a, s)
            break


#: a clause number a paragraph opens with after a word or two of its own ("Core Term 18", "Condition 7")
_LEADING_NUMBER = re.compile(r"^\W{0,3}(?:[A-Z][a-z]+\s+){1,2}(\d{1,3})\b")
#: a range of clause numbers ("Clauses 11 to 25", "Core Terms 11-25", "第11条至第25条")
_CLAUSE_RANGE = re.compile(r"(?<![\d.])(\d{1,3})\s*(?:条)?\s*(?:to|through|–|-|至|到)\s*(?:第\s*)?(\d{1,3})(?![\d.])")
#: the clause number inside a reference ("Clause 19.1", "第7.1条", "第七条")
_CLAUSE_NUMBER = re.compile(r"\d+(?:\.\d+)*|第[一二三四五六七八九十百\d]+条")

def _deleted(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"一、删除原合同第7.3条。", "Clause 7.3 is hereby deleted": the undertakings of the clause named no longer exist, so
    they become near misses citing the deletion. Contradictions stay: a deletion read wrongly never makes a pass."""
    rx = phrase_regex(library.common.get("deletions", {}).get(lang, ()), lang)
    ref_rx = _lexicon_regex(library, "references", lang)
    if rx is None or rx.search("\n".join(s.text for s in sentences if s.language == lang)) is None:
        return  # (one search of the whole text first: most documents delete nothing)
    for s in sentences:
        deletions = list(rx.finditer(s.text)) if s.language == lang else []
        if not deletions:
            continue
        # the clause named in the deletion itself (删除原合同第7.3条) or referred to in its sentence (Clause 7.3 … deleted)
        refs = [*deletions, *(ref_rx.finditer(s.text) if ref_rx is not None else ())]
        numbers = [n.group(0) for m in refs if (n := _CLAUSE_NUMBER.search(m.group(0))) is not None]
        # a range ("Core Terms 11 to 25 are disapplied", 第11条至第25条不再适用): every clause in it
        ranges = [(int(m.group(1)), int(m.group(2))) for m in _CLAUSE_RANGE.finditer(s.text)
                  if int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 200]
        # clauses numbered between the undertaking's and the deletion's: a paragraph "第三条作废。" after 第六条 opens with
        # the number it deletes, and is no part of that clause
        sections_between: dict[tuple[int, int], set[str]] = {}
        for a in found:
            if not (a.kind == "undertaking" and a.unit.sentence is not None and a.unit.sentence.index != s.index
                    and a.unit.sentence.block is not s.block):
                continue
            own = a.unit.sentence.block.section
            if own is not None and own == s.block.section:
                key = (a.unit.sentence.index, s.index)
                if key not in sections_between:
                    lo, hi = sorted(key)
                    sections_between[key] = {t.block.section for t in sentences[lo + 1:hi]
                                             if t.block.section is not None and t.block.section != own}
                if not sections_between[key]:
                    continue
            section = a.unit.sentence.block.section
            # (a heading the reader does not take for a clause number: "Core Term 18 (Control …). The …")
            top = _top_section(section) if section else ((m := _LEADING_NUMBER.match(a.unit.sentence.block.text))
                                                         and m.group(1)) or ""
            if any(_in_section(section, number) for number in numbers) \
                    or (top.isdigit() and any(lo <= int(top) <= hi for lo, hi in ranges)):
                a.kind = "near-miss"
                a.score = 1.0
                a.detail = f"deleted by: {s.text.strip()[:100]}"
                a.reasons.append(Reason("deleted-by", s.text.strip()[:120]))


def _widened_reasons(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """'"Force Majeure" means … any trade sanctions imposed under the laws of any jurisdiction …' in the definitions
    clause: an exception the undertaking states with that term ("save in the event of Force Majeure") carries the
    definition's carve-outs with it, so the undertaking is weak, quoting the definition. Only a term that is itself a
    justifiable reason (library ``justifications``) and whose definition holds a carve-out is read so."""
    from .frames import defined_term_sentences

    satisfied = [a for a in found if a.kind == "undertaking" and a.quality == "satisfied"]
    if not satisfied:
        return
    reasons = phrase_regex([*library.common.get("justifications", {}).get(lang, ()),
                            *library.common.get("supply_grounds", {}).get(lang, ())], lang)
    carve = phrase_regex([*library.common.get("carve_outs", {}).get(lang, ()),
                          *library.common.get("global_overrides", {}).get(lang, ())], lang)
    if reasons is None or carve is None:
        return
    for t, term in defined_term_sentences(sentences, lang):
        users = [a for a in satisfied if a.unit.sentence is not t and term.lower() in a.unit.text.lower()]
        if not users or not (m := reasons.search(term)) or m.group(0).lower() != term.lower():
            continue  # (cheap tests first: most definitions name no reason, and no undertaking uses most terms)
        hit = carve.search(t.text)
        if hit is None:
            continue
        for a in users:
            if a.quality == "satisfied":
                a.quality = "weak"
                a.reasons.append(Reason("weakened-by", f"{term}: {hit.group(0)}"))
                a.detail = a.detail or f"the definition of {term} includes {hit.group(0)!r}"


def _in_amendable_part(doc, sentences, found, library, roles, lang) -> None:  # type: ignore[no-untyped-def]
    """"附：数据政策摘录 … 恒渊不会…对客户数据进行关联分析" where the body says "数据政策由乙方制定，乙方可…不时修订": the
    undertakings of a part setting out a document the supplier may change at will (frames.yaml
    ``amendable_documents``) are weak, naming the sentence that lets it change them."""
    rx = _frames_regex(library, "amendable_documents", lang)
    supplier = party_regex(roles.supplier, lang) if roles is not None else None
    if rx is None or supplier is None:
        return
    kinds = _frames_regex(library, "amendable_document_kinds", lang)
    parts = _frames_regex(library, "amendable_document_parts", lang)
    if kinds is None or parts is None:
        return
    # the documents of the supplier's the contract names: a policy, terms or standard (not "the Software" it may
    # update), by its title or its short name, found once
    named = {n for n in [*_DOCUMENT_NAMES.findall(doc.text), *_SHORT_NAMES.findall(doc.text)]
             if 2 <= len(n) <= 30 and kinds.search(n)}
    if not named:
        return
    for s in sentences:
        names = {n for n in named if n in s.text}
        if s.language != lang or not names or rx.search(s.text) is None or supplier.search(s.text) is None:
            continue
        heads = [b for b in doc.blocks if b.start > s.end and len(b.text.strip()) <= 40 and parts.search(b.text)
                 and any(n in b.text for n in names)]
        for head in heads:
            end = next((b.start for b in doc.blocks if b.start > head.start and _PART_HEAD.match(b.text)), len(doc.text))
            for a in found:
                if a.kind == "undertaking" and a.quality == "satisfied" and a.unit.sentence is not None \
                        and head.start <= a.unit.sentence.start < end:
                    carved_out(a, s.text if len(s.text) <= 160 else s.text[:159] + "…")


def _pointing_at_unsettled_part(doc, sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"shall apply the security measures set out in Schedule 3" where Schedule 3 reads "to be agreed between the
    parties within 60 days": the undertaking points at a part still to be agreed (frames.yaml ``unsettled_parts``),
    so it promises nothing yet and is weak, naming that part."""
    rx = _frames_regex(library, "unsettled_parts", lang)
    if rx is None or not any(w in doc.text.lower() for w in _PART_WORDS[lang]):
        return
    blocks = [b for b in doc.blocks if b.text.strip()]
    unsettled: dict[str, str] = {}
    for i, b in enumerate(blocks):
        text = b.text.strip()
        head = _PART_REFERENCE[lang].match(text)
        colon = re.search(r"[:：]", text[:80]) if head is not None else None
        if head is None or (len(text) > 60 and colon is None):
            continue  # not a part's heading ("Schedule 2 may be updated by the Buyer …" is a sentence about it)
        # what the part says after its heading: the rest of the line after a colon, or the next paragraph (not
        # another heading), or the heading's own note (附件三 报价单（待定）)
        if colon is not None:
            rest = text[colon.end():].strip()
        elif i + 1 < len(blocks) and not _PART_REFERENCE[lang].match(blocks[i + 1].text.strip()):
            rest = blocks[i + 1].text.strip()
            if rx.search(text):
                rest = text
        else:
            rest = text
        if len(rest) <= 80 and rx.search(rest):
            unsettled[_part_key(head)] = f"{head.group(0)}, still to be agreed ({rest[:60]})"
    if not unsettled:
        return
    for a in found:
        if a.kind != "undertaking" or a.quality != "satisfied" or a.unit.sentence is None:
            continue
        text = a.unit.sentence.text
        named = [_part_key(m) for m in _PART_REFERENCE[lang].finditer(text)]
        hit = next((k for k in named if k in unsettled and not text.strip().lower().startswith(k.split()[0])), None)
        if hit is not None:
            carved_out(a, unsettled[hit])


#: a document named in a sentence: 《恒渊客户数据保护政策》, "Data Policy", “数据政策”
_DOCUMENT_NAMES = re.compile(r"[《“\"「]([^》”\"」]{2,30})[》”\"」]")
#: a short name given to a document ("（以下简称“数据政策”）", '(the "Data Policy")')
_SHORT_NAMES = re.compile(r"(?:以下简称|下称|简称|the)\s*[“\"「]([^”\"」]{2,30})[”\"」]")
#: the heading of another part of the contract, which ends the one before
_PART_HEAD = re.compile(r"\s*(?:附件|附表|附录|附\s*[：:（(]|(?:schedule|annex|appendix|exhibit|attachment)\s+[\w.]+)", re.IGNORECASE)


def _amended(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"Clause 19.1 of the Master Terms is amended so that the Supplier shall use reasonable endeavours …": the
    undertakings of the clause named no longer stand as written, so they are weak, naming the amendment. The new
    wording is read on its own and decides (a restated full undertaking is satisfied by itself)."""
    rx = phrase_regex(library.common.get("amendments", {}).get(lang, ()), lang)
    ref_rx = _lexicon_regex(library, "references", lang)
    if rx is None or ref_rx is None:
        return
    for s in sentences:
        if s.language != lang or rx.search(s.text) is None:
            continue
        for ref in ref_rx.finditer(s.text):
            number = _CLAUSE_NUMBER.search(ref.group(0))
            if number is None:
                continue
            for a in found:
                if (a.kind == "undertaking" and a.quality == "satisfied" and a.unit.sentence is not None
                        and a.unit.sentence.index != s.index
                        and a.unit.sentence.block.section != s.block.section
                        and _in_section(a.unit.sentence.block.section, number.group(0))):
                    _weakened_by(a, s)


def _instrument_term(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"本承诺函自出具之日起生效，有效期至本项目初验合格之日止": the letter's own term ends every undertaking in it.
    An end before the contract's own (initial acceptance, a date, one year) leaves them weak, with the sentence as
    the reason; the contract's end or later limits nothing."""
    rx = phrase_regex(library.common.get("instrument_terms", {}).get(lang, ()), lang)
    if rx is None:
        return
    ends = phrase_regex(library.common.get("instrument_term_ends", {}).get(lang, ()), lang)
    for s in sentences:
        if s.language != lang or rx.search(s.text) is None or (ends is not None and ends.search(s.text)):
            continue
        for a in found:
            if a.kind == "undertaking" and a.quality == "satisfied" and a.unit.sentence is not s:
                _weakened_by(a, s)


def _weakened_by(a: Assessment, s: Sentence) -> None:
    """The undertaking no longer stands as written: weak, quoting the sentence that says so."""
    words = s.text.strip()[:120]
    a.quality = "weak"
    a.reasons.append(Reason("weakened-by", words))
    a.detail = a.detail or words
    a.weakened_by.append((Unit(s.text, s.language, [(0, s.start, s.end)], s), []))


def _names_party(text: str, roles: Roles, lang: str) -> bool:
    """A clause run on after "；" that names a party of its own has its own subject ("此后乙方不再承担配合义务"):
    the paragraph's opening is no lead-in for it."""
    from .analysis import party_regex

    first = _BINDING_WORDS.get(lang)
    cut = first.search(text) if first is not None else None
    head = text[:cut.start()] if cut else text  # a party named after the negation is the object ("not to obtain
    # any data of the Customer's users"), not the subject
    return any(rx is not None and rx.search(head) for rx in (party_regex(roles.supplier, lang),
                                                             party_regex(roles.buyer, lang)))


#: the first negation or modal of a run-on clause ends the place where its own subject would stand
_BINDING_WORDS = {"en": re.compile(rf"\b(?:{'|'.join(en.BINDING_WORDS)})\b", re.I),
                  "zh": re.compile(f"[{zh.BINDING_CHARS}]")}


_LEAD_SUPPLIED = {"not-supplier", f"weakened-by:{NO_MODAL}"}


def _questions_and_answers(sentences: list, library: Library, lang: str) -> set[int]:  # type: ignore[type-arg]
    """Indexes of the sentences that ask (Q7.4 …?, 问题7：…？) or answer a bidder's question as the buyer (答复：…
    after 问题…： in a tender's 澄清与答疑): library ``questions``, ``buyer_answers`` and ``clarifications``."""
    questions = phrase_regex(library.common.get("questions", {}).get(lang, ()), lang)
    answers = phrase_regex(library.common.get("buyer_answers", {}).get(lang, ()), lang)
    clarifying = phrase_regex(library.common.get("clarifications", {}).get(lang, ()), lang)
    out: set[int] = set()
    if questions is None:
        return out
    last_question = -10
    answering = False
    for i, s in enumerate(sentences):
        if s.language != lang:
            continue
        first_of_block = i == 0 or sentences[i - 1].block is not s.block
        if questions.search(s.text):
            out.add(s.index)
            last_question, answering = i, False
            continue
        if first_of_block:
            # an answer runs on to the end of its block; a new block ends it unless it answers again
            answering = bool(answers is not None and clarifying is not None and answers.search(s.text)
                             and i - last_question <= 6
                             and any(clarifying.search(t.text) for t in sentences[max(0, i - 12):i]))
        if answering:
            out.add(s.index)
    return out


#: reasons a lead-in's own words give to every item under it
_LEAD_HEDGES = frozenset({"weakened-by", "carve-out", "overridden-by", "bracketed"})
#: rider classes (frames.yaml ``riders``) that, written in a lead-in, limit or disclaim every item under it
_LEAD_RIDERS = frozenset({"limitation", "disclaimer"})


def _hedged_by_lead_in(s, results, read_with_lead, library, lang):  # type: ignore[no-untyped-def]
    """An item satisfied on its own is still one item of its lead-in: "The Supplier shall use all reasonable
    endeavours to: … (c) ensure that the Supplier does not control …" hedges (c) as much as (a). The item is read
    again with its lead-in (``read_with_lead``), and where that reading of the same requirement is weak for a
    qualifier the library knows, written in the lead-in, the weak reading stands."""
    lead = s.lead_in
    if s.run_on or not lead.text.rstrip().endswith((":", "：")) or _opens_list(lead.text, library, lang):
        return results  # only a lead-in proper, ending in its colon, speaks for every item
    # only a qualifier the library knows, written in the lead-in: a lead-in's other words (the preamble's names,
    # "现经协商达成如下约定") are not read with an item that stands on its own
    # ... or a limiting rider the library knows, written in the lead-in, whose other words it cannot read
    # ("在不违反供方集团全球政策（该政策可能不时修订）之前提下：（b）供方不会非法取得…": 前提 limits every item)
    period = frames_words(library, "lead_in_periods", lang)
    weak = {a.requirement: a for a in read_with_lead()
            if a.kind == "undertaking" and a.quality == "weak"
            and (any(r.code in _LEAD_HEDGES and r.detail and r.detail.split(" (")[0] in lead.text for r in a.reasons)
                 or (a.frame is not None and any(r.code == "unrecognised-qualifier" for r in a.reasons)
                     and any(cls in _LEAD_RIDERS and words in lead.text for cls, words in a.frame.riders))
                 # a lead-in that is a period ("在平台上线后六个月的试运行期内：") bounds every item: words of it the
                 # library cannot account for leave each item weak (frames.yaml ``lead_in_periods``)
                 or (period is not None and period.search(lead.text) is not None
                     and any(r.code == "unrecognised-qualifier" for r in a.reasons)))}
    return [weak.pop(a.requirement) if a.kind == "undertaking" and a.quality == "satisfied" and a.requirement in weak
            else a for a in results]


def _needs_lead(a: Assessment) -> bool:
    """An item read alone is weak only for want of what its lead-in gives: the party ("(a) it will not …") or
    the binding modal ("服务商承诺：（一）不篡改…")."""
    if a.kind != "undertaking" or a.quality != "weak":
        return False
    weak = [r for r in a.reasons if r.code not in ("element-found", "binding-undertaking")]
    return bool(weak) and all(r.code == "not-supplier" or f"{r.code}:{r.detail}" in _LEAD_SUPPLIED for r in weak)


def _globally_overridden(sentences, found, library, roles, lang) -> list[Assessment]:  # type: ignore[no-untyped-def]
    """"尽管本合同其他条款另有约定，乙方有权拒绝提供源代码" / "Notwithstanding anything in this Agreement, the
    Supplier may refuse to disclose source code": a contract-wide override that never names the review. IP clauses
    often say this, so it contradicts nothing; but refusing what the review asks for (the requirement's
    withheld_objects) leaves the undertaking elsewhere weak, with the override named (``overridden-by``)."""
    rx = _lexicon_regex(library, "global_overrides", lang)
    if rx is None:
        return []
    undertaken = {a.requirement for a in found if a.kind == "undertaking"}
    settled = {(a.requirement, a.unit.sentence.index) for a in found
               if a.kind in ("contradiction", "limitation") and a.unit.sentence is not None}
    wanted = frozenset(r.id for r in library.requirements if r.id in undertaken and r.lexicon["withheld_objects"][lang])
    out: list[Assessment] = []
    for s in sentences:
        if s.language != lang or not undertaken:
            continue
        hit = rx.search(s.text)
        if hit is None:
            continue
        out += _blanket_release(s, hit, undertaken, settled, library, roles, lang)
        targets = frozenset(r for r in wanted if (r, s.index) not in settled)
        if not targets:
            continue
        ctx = _context_party(s.block.text, s.start - s.block.start, roles, lang) or "supplier"
        unit = Unit(s.text, lang, [(0, s.start, s.end)], s, context_party=ctx, global_override=True)
        for a in _analyse(unit, library, roles):
            if a.kind != "contradiction" or a.requirement not in targets:
                continue
            a.kind, a.quality = "limitation", "weak"
            a.highlights = sorted({*a.highlights, (hit.start(), hit.end())})
            a.reasons = [Reason("overridden-by", f"{hit.group(0)} … {a.detail}")]
            out.append(a)
            settled.add((a.requirement, s.index))
    return out


def _blanket_release(s, hit, undertaken, settled, library, roles, lang) -> list[Assessment]:  # type: ignore[no-untyped-def]
    """"Notwithstanding anything else in this Agreement, the Vendor shall not be obliged to perform any obligation
    … where …" (frames.yaml ``blanket_releases``): the supplier, named before the release, is let off every duty in
    the case it states, so every undertaking elsewhere is weak with the override cited. It names no undertaking, so
    it contradicts none."""
    from .analysis import frames_words

    rx = frames_words(library, "blanket_releases", lang)
    release = rx.search(s.text, hit.end()) if rx is not None else None
    supplier = party_regex(roles.supplier, lang) if release is not None else None
    if release is None or supplier is None or supplier.search(s.text, 0, release.start()) is None:
        return []
    unit = Unit(s.text, lang, [(0, s.start, s.end)], s)
    out = []
    for req in library.requirements:
        if req.id not in undertaken or (req.id, s.index) in settled:
            continue
        out.append(Assessment(req.id, "limitation", unit, quality="weak", elements={el.id for el in req.elements},
                              highlights=[(hit.start(), hit.end()), (release.start(), release.end())],
                              reasons=[Reason("overridden-by", f"{hit.group(0)} … {release.group(0)}")],
                              detail=release.group(0)))
        settled.add((req.id, s.index))
    return out


def _excepted(text: str, ref: re.Match[str], exceptions: re.Pattern[str] | None) -> bool:
    """The disclaimer excepts the clause it names from itself ("Except for Sections 3, 4 and 8, it is not binding",
    除第三条外，本函其余内容不具有约束力): the library's exception words (common.yaml ``exceptions``) right before the
    reference, or around it (除…外)."""
    if exceptions is None:
        return False
    return any((m.end() <= ref.start() and re.fullmatch(r"\s*(?:for\s+)?", text[m.end():ref.start()], re.IGNORECASE))
               or (m.start() < ref.start() < m.end() and text[m.start()] == "除")
               for m in exceptions.finditer(text, max(0, ref.start() - 40), min(len(text), ref.end() + 60)))


def _disclaimed(sentences, found, library, lang) -> list[Assessment]:  # type: ignore[no-untyped-def]
    """"第九条的约定对乙方不具有约束力" / "Clause 9.1 shall not be binding": the undertakings of the clause
    referred to are taken back, which contradicts them."""
    rx = _lexicon_regex(library, "disclaimers", lang)
    ref_rx = _lexicon_regex(library, "references", lang)
    if rx is None or ref_rx is None:
        return []
    exceptions = _lexicon_regex(library, "exceptions", lang)
    out: list[Assessment] = []
    undertakings = [a for a in found if a.kind == "undertaking" and a.unit.sentence is not None]
    for s in sentences:
        if s.language != lang:
            continue
        hit = rx.search(s.text)
        if hit is None:
            continue
        targets: list[Assessment] = []
        for ref in ref_rx.finditer(s.text):
            if _excepted(s.text, ref, exceptions):
                continue  # "Except for Sections 3, 4 and 8, it is not binding": the clauses it names stay binding
            number = _CLAUSE_NUMBER.search(ref.group(0))
            if number:
                label = number.group(0)
                targets += [a for a in undertakings if a.unit.sentence.index != s.index
                            and _in_section(a.unit.sentence.block.section, label)]
            else:  # 前款 / the foregoing: the undertakings just before, in the same clause
                top = _top_section(s.block.section)
                targets += [a for a in undertakings if s.index - 3 <= a.unit.sentence.index < s.index
                            and _top_section(a.unit.sentence.block.section) == top]
        seen: set[str] = set()
        for a in targets:
            if a.requirement in seen:
                continue
            seen.add(a.requirement)
            unit = Unit(s.text, lang, [(0, s.start, s.end)], s)
            out.append(Assessment(a.requirement, "contradiction", unit, elements=set(a.elements),
                                  highlights=[(hit.start(), hit.end())],
                                  reasons=[Reason("contradicted-by", hit.group(0))], detail=hit.group(0)))
    return out


_LEXICON_RX: dict[tuple[object, ...], object] = {}


class _Anchored:
    """Phrases anchored at the sentence start ("re:^…however") searched apart from the rest: one "^" branch in a
    long alternation stops ``re`` from skipping ahead by the first characters (4x slower on every sentence)."""

    def __init__(self, anchored: re.Pattern[str] | None, rest: re.Pattern[str] | None):
        self.anchored, self.rest = anchored, rest

    def search(self, text: str) -> re.Match[str] | None:
        return (self.anchored.match(text) if self.anchored else None) or (self.rest.search(text) if self.rest else None)

    def finditer(self, text: str):  # type: ignore[no-untyped-def]
        first = self.anchored.match(text) if self.anchored else None
        rest = [m for m in self.rest.finditer(text)] if self.rest else []
        return iter(([first] if first else []) + [m for m in rest if first is None or m.start() >= first.end()])


def _lexicon_regex(library: Library, key: str, lang: str):  # type: ignore[no-untyped-def]
    cache_key = (library.key, key, lang)
    if cache_key not in _LEXICON_RX:
        phrases = library.common[key][lang]
        anchored = [p for p in phrases if p.startswith("re:^")]
        rest = [p for p in phrases if not p.startswith("re:^")]
        _LEXICON_RX[cache_key] = (_Anchored(phrase_regex(anchored, lang), phrase_regex(rest, lang)) if anchored
                                  else phrase_regex(phrases, lang))
    return _LEXICON_RX[cache_key]


def _absent_elements(text: str, library: Library, lang: str) -> frozenset[tuple[str, str]]:
    """Elements of multi-element requirements that the document never names (a services contract names
    no product supply)."""
    out = set()
    for req in library.requirements:
        if len(req.elements) < 2:
            continue
        for el in req.elements:
            key = (library.key, req.id, el.id, lang)
            if key not in _LEXICON_RX:
                _LEXICON_RX[key] = phrase_regex(el.objects[lang], lang)
            rx = _LEXICON_RX[key]
            implied_key = (*key, "implied_by")
            if implied_key not in _LEXICON_RX:
                _LEXICON_RX[implied_key] = phrase_regex(el.implied_by[lang], lang)
            implied = _LEXICON_RX[implied_key]
            if rx is not None and not rx.search(text) and not (implied is not None and implied.search(text)):  # type: ignore[attr-defined]
                out.add((req.id, el.id))
    return frozenset(out)


def _overridden(s, sentences, found, scan, library, lang) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """Requirements an override sentence without an object of its own points back to.

    "（二）虽有前款约定，乙方保留拒绝配合的权利。" names no review: it refers to the undertaking
    just before it (same section, at most three sentences back).
    """
    rx = _lexicon_regex(library, "overrides", lang)
    if rx is None or not rx.search(s.text):
        # "乙方配合审查的范围不包括源代码" limits the undertaking just before (found is in sentence order, so a
        # recent one is among the last entries: looked at before any search)
        limits = _lexicon_regex(library, "scope_limits", lang)
        if limits is None or not any(a.kind == "undertaking" and a.unit.sentence is not None
                                     and a.unit.sentence.index >= s.index - 3 for a in found[-8:]):
            return frozenset()
        if not limits.search(s.text):
            return frozenset()
    acting = scan.in_ranges("act", [(s.start, s.end)]) | scan.in_ranges("ref", [(s.start, s.end)])
    if not acting:
        return frozenset()
    top = _top_section(s.block.section)
    earlier = {x.index for x in sentences[max(0, s.index - 3):s.index]
               if x.language == lang and _top_section(x.block.section) == top}
    earlier |= _preceding_paragraph(s, sentences, top)
    undertakings = [a for a in found if a.kind == "undertaking" and a.unit.sentence is not None]
    recent = {a.requirement for a in undertakings if a.unit.sentence.index in earlier}
    # "Notwithstanding clause 9.1" / "尽管有第九条约定": the undertakings of the clause named, however far back
    ref_rx = _lexicon_regex(library, "references", lang)
    for ref in ref_rx.finditer(s.text) if ref_rx is not None else ():
        number = _CLAUSE_NUMBER.search(ref.group(0))
        if number:
            recent |= {a.requirement for a in undertakings if a.unit.sentence.index < s.index
                       and _in_section(a.unit.sentence.block.section, number.group(0))}
    return frozenset(recent & acting)


def _preceding_paragraph(s, sentences, top: str, limit: int = 30) -> set[int]:  # type: ignore[no-untyped-def]
    """Sentences of the paragraph before ``s`` (前款, "the preceding paragraph") and those before it in its own
    paragraph, within the same clause: an undertaking followed by three sentences on a contact person is
    still the one "尽管有前款约定" takes back."""
    out: set[int] = set()
    blocks_seen = 0
    block = s.block
    for x in reversed(sentences[max(0, s.index - limit):s.index]):
        if x.block is not block:
            blocks_seen += 1
            block = x.block
            if blocks_seen > 1:
                break
        if x.language == s.language and _top_section(x.block.section) == top:
            out.add(x.index)
    return out


def _in_section(section: str | None, label: str) -> bool:
    """Is ``section`` the clause ``label`` or one of its sub-clauses ("9.1" in "9", "第九条（二）" in "第九条")?"""
    section = section or ""
    return section == label or section.startswith((label + ".", label + "（", label + "(")) or (
        label.startswith("第") and section.startswith(label))


def _top_section(section: str | None) -> str:
    """The top clause as a number, so mixed numbering compares: "9.2" -> "9", "第九条（二）" -> "9",
    "第五条2." -> "5" (and "第五条" with "5.2" under it, or "Clause 5" with "5.1", are the same clause)."""
    section = re.sub(r"^(?:article|clause|section|art\.)\s*", "", section or "", flags=re.IGNORECASE)
    article = re.match(r"第\s*([^条章节]{1,8}?)\s*条", section)
    if article:
        number = article.group(1)
        value = int(number) if number.isdigit() else parse_numeral(number)
        return str(value) if value is not None else article.group(0)
    return re.match(r"[^.．（(]*", section).group(0).strip()  # type: ignore[union-attr]


def _rider_after(s, sentences, results, library, roles, lang, found) -> None:  # type: ignore[no-untyped-def]
    """"乙方应当配合网络安全审查；但对于源代码，乙方有权拒绝提供": the sentence after "；" in the same block
    refusing what the review asks for (a withheld_objects hit) is a rider on the undertaking just made."""
    nxt = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
    if nxt is None or nxt.block is not s.block or nxt.language != lang or not s.text.endswith(("；", ";")):
        return
    undertaken = frozenset(a.requirement for a in results if a.kind == "undertaking"
                           and library.requirement(a.requirement).lexicon["withheld_objects"][lang])
    if not undertaken:
        return
    ctx = _context_party(nxt.block.text, nxt.start - nxt.block.start, roles, lang) or "supplier"
    unit = Unit(nxt.text, lang, [(0, nxt.start, nxt.end)], nxt, context_party=ctx, continues=undertaken)
    found.extend(a for a in _analyse(unit, library, roles) if a.kind == "contradiction" and a.requirement in undertaken)


def _carve_outs_after(s, sentences, results, library, lang) -> None:  # type: ignore[no-untyped-def]
    """A carve-out in the next sentence of the same block (after "；"/";") weakens the undertaking; a bare
    acceptance between them ("招标要求：…不得中断…。应答：满足。但对于已停产的产品，…") is passed over."""
    nxt = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
    block = s.block
    accepts = _lexicon_regex(library, "bid_acceptances", lang)
    following = _next_sentence(s, sentences)
    if following is not None and accepts is not None and accepts.search(following.text) \
            and following.index + 1 < len(sentences):
        # the acceptance may open the next paragraph ("★5.3 招标要求：…" / "应答：满足。但…")
        block, nxt = following.block, sentences[following.index + 1]
    if nxt is None or nxt.block is not block or not any(a.kind == "undertaking" for a in results):
        return
    if excludes_reasons(nxt.text, library, lang):
        return  # "Sanctions and foreign laws are not justifiable reasons": it names carve-outs only to exclude them
    carve = [h for h in get_analyzer(library, lang).hits(nxt.text) if h.cat == "carve_outs"]
    if not carve:
        return
    for a in results:
        if a.kind == "undertaking":
            a.quality = "weak"
            a.reasons.append(Reason("carve-out", carve[0].text))
            a.detail = a.detail or carve[0].text


def _carve_outs_pointed_back_to(s, sentences, results, library, lang) -> None:  # type: ignore[no-untyped-def]
    """An undertaking that excepts what an earlier provision of its clause allows ("3.2 The Processor shall not
    otherwise obtain or use Controller Personal Data", "除前款约定外，乙方不得…") takes that provision's carve-out
    with it: where an earlier sentence of the clause leaves the matter to the supplier or to foreign law ("except as
    required by the laws of any jurisdiction"), the undertaking is weak."""
    refers = _frames_regex(library, "exception_references", lang)
    if refers is None or not refers.search(s.text):
        return
    taken = [a for a in results if a.kind == "undertaking" and a.quality == "satisfied"]
    carve = _frames_regex(library, "paragraph_carve_outs", lang)
    if not taken or carve is None:
        return
    top = _top_section(s.block.section) if s.block.section else None
    for t in reversed(sentences[max(0, s.index - 4):s.index]):
        if t.block is not s.block and (top is None or _top_section(t.block.section) != top):
            break
        m = carve.search(t.text)
        if m:
            for a in taken:
                a.quality = "weak"
                a.reasons.append(Reason("carve-out", f"{m.group(0)} (in the provision it excepts: {t.text[:80]})"))
                a.detail = a.detail or m.group(0)
            return


def _carve_outs_before(sentences, found, library, lang) -> None:  # type: ignore[no-untyped-def]
    """"2.1 The Processor shall process the Customer Personal Data only on the documented instructions of the Customer,
    unless required to do so by the law of any jurisdiction … 2.2 The Processor shall not process Customer Personal
    Data for its own purposes.": an earlier provision of the same numbered clause, on the same requirement, that
    leaves the matter to the supplier or to a foreign power (frames.yaml ``paragraph_carve_outs``) lets the supplier
    do what the later one seems to forbid; the later undertaking is weak too, quoting it."""
    carve = _frames_regex(library, "paragraph_carve_outs", lang)
    if carve is None:
        return
    for a in found:
        own = a.unit.sentence
        if a.kind != "undertaking" or a.quality != "satisfied" or own is None or not own.block.section:
            continue
        top = _top_section(own.block.section)
        for b in found:
            t = b.unit.sentence
            if t is None or t.index >= own.index or own.index - t.index > _BACK_REACH or b.requirement != a.requirement \
                    or b.kind != "undertaking" or not t.block.section or _top_section(t.block.section) != top:
                continue
            cut = next((r.detail for r in b.reasons if r.code == "carve-out" and carve.search(r.detail)), None)
            if cut is not None:
                a.quality = "weak"
                a.reasons.append(Reason("carve-out", f"{cut} (in an earlier provision of its clause: {t.text[:80]})"))
                a.detail = a.detail or cut
                break


def _next_sentence(s, sentences):  # type: ignore[no-untyped-def]
    """The sentence after ``s`` in its block, or opening the paragraph right after it."""
    nxt = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
    if nxt is not None and (nxt.block is s.block or nxt.block.paragraph == s.block.paragraph + 1):
        return nxt
    return None


def _bid_response(s, sentences, results, library, lang) -> None:  # type: ignore[no-untyped-def]
    """A requirement put to the supplier and answered in the next line ("★5.3 招标要求：供应商不得中断…" /
    "应答：…", "4.2 The Vendor shall …" / "Response: …") binds the supplier as far as the answer accepts it:
    "应答：满足" keeps the undertaking; "不满足", "Not comply" refuse it (a contradiction); "部分满足", "负偏离", "了解",
    "Noted" leave it weak. The answer is its whole paragraph ("投标响应：响应。我公司…以全球隐私政策为准。偏离情况：有
    偏离"), each sentence read without its label. With no response after it, the requirement is read as it stands (a
    bid accepting the tender's terms as a whole)."""
    if not any(a.kind == "undertaking" for a in results):
        return
    nxt = _next_sentence(s, sentences)
    response = _lexicon_regex(library, "bid_responses", lang)
    if nxt is None or response is None or not response.search(nxt.text):
        return
    lines = [t for t in sentences[nxt.index:] if t.block is nxt.block]
    # ... and the labelled lines right after it in a table or form ("投标响应：…" / "偏离说明：负偏离。")
    for t in sentences[lines[-1].index + 1:]:
        if t.block is not lines[-1].block and not response.search(t.text):
            break
        lines.append(t)
    said = " ".join(_unlabelled(t.text, response) for t in lines)
    words = " ".join(" ".join(t.text for t in lines).split())[:120]
    refused = _lexicon_regex(library, "bid_rejections", lang)
    qualified = _lexicon_regex(library, "bid_qualified", lang)
    if refused is not None and refused.search(said):
        for a in results:
            if a.kind == "undertaking":
                a.kind = "contradiction"
                a.reasons = [Reason("contradicted-by", words)]
                a.detail = words
        return
    # "投标响应：我方将努力提供稳定可靠的服务。偏离：无": an answer that claims no deviation yet restates the duty in
    # hedged words, or puts a policy of its own above it, gives only what it says
    hits = get_analyzer(library, lang).hits(said)
    hedges = [h.text for h in hits if h.cat in ("modal:non_binding", "carve_outs", "global_overrides")
              or any(h.cat == f"{a.requirement}:weakening" for a in results)]
    if qualified is not None and (m := qualified.search(said)):
        hedges.insert(0, m.group(0))
    if hedges:
        for a in results:
            if a.kind == "undertaking" and a.quality == "satisfied":
                a.quality = "weak"
                a.reasons = [r for r in a.reasons if r.code != "binding-undertaking"]
                a.reasons.append(Reason("weakened-by", f"{hedges[0]} ({words})"))
                a.detail = a.detail or hedges[0]


def _inside_qualified_response(s, sentences, results, library, lang) -> None:  # type: ignore[no-untyped-def]
    """The promises an answer makes after marking the requirement partly met or not met ("响应：部分响应。投标人承诺
    不非法控制所供服务器…", "Response: Partially comply. We will not …"), or before a deviation line that marks it so
    ("投标响应：我方将在原厂授权的范围内予以配合。\n偏离说明：负偏离。"): what the answer offers is the part it accepts,
    so each is weak, quoting the answer's label."""
    if not any(a.kind == "undertaking" and a.quality == "satisfied" for a in results):
        return
    response = _lexicon_regex(library, "bid_responses", lang)
    if response is None:
        return
    head = s.block.text[:max(0, s.start - s.block.start)]
    block = [t for t in sentences if t.block is s.block]
    # the answer's label opens the block, or a line of it at or before this sentence
    opening = response.search(head) if head else None
    head = head[opening.end():] if opening is not None else head
    rest = [t for t in block if t.start >= s.start] if opening is not None else []
    if opening is None:
        at = next((i for i, t in reversed(list(enumerate(block))) if t.start <= s.start and response.search(t.text)), None)
        if at is None:
            return
        rest = block[at:]
        # (each line read without its label: the 偏离 of "偏离情况：无偏离" is the label's, not a deviation)
        head = " ".join(_unlabelled(t.text, response) for t in block[at:] if t.start < s.start)
    tail = " ".join(_unlabelled(t.text, response) for t in rest if t.start > s.start)
    marks = [rx.search(text) for key in ("bid_qualified", "bid_rejections")
             if (rx := _lexicon_regex(library, key, lang)) is not None for text in (head, tail) if text]
    mark = next((m for m in marks if m is not None), None)
    if mark is None:
        return
    words = " ".join(mark.string.split())[:80]
    for a in results:
        if a.kind == "undertaking" and a.quality == "satisfied":
            a.quality = "weak"
            a.reasons.append(Reason("weakened-by", words))
            a.detail = a.detail or words


def _unlabelled(text: str, label: re.Pattern[str]) -> str:
    """A line of a bid's answer without its label ("偏离说明：负偏离。" → "负偏离。")."""
    m = label.search(text)
    return text[m.end():] if m else text


def _languages(doc: Document, lang: str, library: Library | None = None) -> list[str]:
    if lang in ("zh", "en"):
        return [lang]
    if lang != "auto":
        raise ConfigError.of("unknown-check-language", lang=repr(lang))
    overall = doc.language
    if overall == "mixed":
        return ["zh", "en"]
    if overall in ("zh", "en") and library is not None and _binding_text_in(doc, "en" if overall == "zh" else "zh",
                                                                            library):
        # a short rider in the other language ("Rider: The Supplier may suspend support services at any time") binds
        # someone too: it is read, as a version of its own, so whatever it takes back is seen (fail closed)
        return ["zh", "en"]
    return [overall] if overall in ("zh", "en") else ["en"]


_MODAL_RX: dict[tuple[Any, ...], list[re.Pattern[str]]] = {}


def _binding_text_in(doc: Document, lang: str, library: Library) -> bool:
    """Some body block in ``lang`` binds or permits someone (common.yaml ``modals``)."""
    key = (library.key, lang)
    if key not in _MODAL_RX:
        _MODAL_RX[key] = [rx for cat in ("obligation", "prohibition", "permission")
                          if (rx := phrase_regex(library.common["modals"].get(cat, {}).get(lang, ()), lang)) is not None]
    rxs = _MODAL_RX[key]
    return any(block.is_body and block.language == lang and any(rx.search(block.text) for rx in rxs)
               for block in doc.blocks) or bool(_rider_references(doc, lang, library))


def _rider_references(doc: Document, lang: str, library: Library) -> list[str]:
    """The body blocks in ``lang`` that speak of the contract's clauses or undertakings (common.yaml
    ``rider_references``: "Rider: Article 3 is hereby deleted", "附加条款：第3条不适用于供应商")."""
    key = (library.key, "rider_references", lang)
    if key not in _MODAL_RX:  # compiled once per library and language, as the modals are
        found = phrase_regex(library.common.get("rider_references", {}).get(lang, ()), lang)
        _MODAL_RX[key] = [found] if found is not None else []
    return [b.text for b in doc.blocks if b.is_body and b.language == lang
            and any(rx.search(b.text) for rx in _MODAL_RX[key])]


def _prevailing(doc: Document, library: Library) -> str | None:
    """The version a language clause makes binding; None when no clause names one, or clauses name both (then
    the weaker version decides, as without a clause)."""
    named = {version for version, lexicon in library.common["prevailing"].items() for lang in ("en", "zh")
             if (rx := phrase_regex(lexicon[lang], lang)) is not None and rx.search(doc.text)}
    return named.pop() if len(named) == 1 else None


def _rider_language(doc: Document, langs: list[str]) -> str | None:
    """The language of text read as riders rather than as a version: a Chinese contract with a few binding English
    blocks (an English technical annex, "Rider: …"), or the reverse. Such text need not repeat the undertakings; what
    it says on them still counts."""
    if len(langs) == 2 and doc.language in langs:
        return next(v for v in langs if v != doc.language)
    return None


def _combine(results: dict[str, RequirementResult], prevailing: str | None,
             rider: str | None = None, rider_refs: Sequence[str] = ()) -> RequirementResult:
    if rider in results and results[rider].verdict == Verdict.MISSING and len(results) == 2:
        main = next(r for v, r in results.items() if v != rider)
        if rider_refs and main.verdict == Verdict.SATISFIED:
            # a rider that speaks of the contract's clauses may take the undertaking back without naming its subject
            # ("Rider: Article 3 shall not apply"): it is not read against the undertaking, so it is shown, not passed
            words = " ".join(rider_refs[0].split())
            words = words if len(words) <= 120 else words[:119] + "…"
            return RequirementResult(main.id, main.name, Verdict.WEAK,
                                     f"{main.message} A rider in the other language speaks of the contract's clauses "
                                     f"and was not read against it: \"{words}\".", evidence=list(main.evidence),
                                     reasons=[*main.reasons, Reason("unrecognised-qualifier", words)], language=None,
                                     by_language=dict(results))
        # riders silent on the requirement: the contract's own version decides (an English specification annex is
        # no English version lacking the undertaking)
        return RequirementResult(main.id, main.name, main.verdict, main.message, evidence=list(main.evidence),
                                 reasons=list(main.reasons), language=None, by_language=dict(results))
    versions = list(results.values())
    if len(versions) == 1:
        only = versions[0]
        return RequirementResult(only.id, only.name, only.verdict, only.message, evidence=list(only.evidence),
                                 reasons=list(only.reasons), language=None, by_language=dict(results))
    contradicted = [r for r in versions if r.verdict == Verdict.CONTRADICTED]
    if prevailing in results:
        pick = results[prevailing]  # the version the language clause makes binding decides, contradiction or not
    elif contradicted:
        pick = contradicted[0]
    elif all(r.verdict == Verdict.SATISFIED for r in versions):
        pick = versions[0]
    else:
        pick = min(versions, key=lambda r: (r.verdict == Verdict.SATISFIED, -VERDICT_RANK[r.verdict]))
        if pick.verdict == Verdict.MISSING and any(r.verdict in (Verdict.SATISFIED, Verdict.WEAK) for r in versions):
            other = next(r for r in versions if r.verdict in (Verdict.SATISFIED, Verdict.WEAK))
            message = (f"Only the {other.language} version contains the undertaking; the "
                       f"{pick.language} version does not.")
            return RequirementResult(pick.id, pick.name, Verdict.WEAK, message,
                                     evidence=list(other.evidence), language=None, by_language=dict(results),
                                     reasons=[Reason("partial-coverage", f"missing in the {pick.language} version"),
                                              *other.reasons])
    return RequirementResult(pick.id, pick.name, pick.verdict, pick.message, evidence=list(pick.evidence),
                             reasons=list(pick.reasons), language=None, by_language=dict(results))


def check_document(doc: Document, *, supplier_aliases: Sequence[str] = (), select: Collection[str] | None = None,
                   lang: str = "auto", library: Library | None = None,
                   supplier_names: Sequence[str] = ()) -> CheckResult:
    """Check ``doc`` for the selected requirements (all by default).

    ``supplier_aliases`` add names for the supplier to those the contract defines; ``supplier_names`` replace
    them."""
    library = library or load_library()
    if len(library.packs) > 1:  # each pack read on its own: one pack's words never change another's verdicts
        return check_each_pack(doc, library, supplier_aliases=supplier_aliases, select=select, lang=lang,
                               supplier_names=supplier_names)
    if select is None:
        selected = list(library.ids)
    else:
        wanted = {s.upper() for s in select}
        unknown = wanted - set(library.ids)
        if unknown:
            raise ConfigError.of("unknown-requirement", rule=", ".join(sorted(unknown)), known=", ".join(library.ids))
        selected = [i for i in library.ids if i in wanted]
    langs = _languages(doc, lang, library)
    aligned = align_versions(doc) if doc.language == "mixed" else []
    roles = find_roles(doc, supplier_aliases=supplier_aliases, supplier_names=supplier_names, aligned=aligned,
                       library=library)
    per_lang: dict[str, dict[str, RequirementResult]] = {}
    sentences = segment(doc)
    for version in langs:
        found = _sentence_units(doc, library, roles, version, sentences)
        per_lang[version] = {}
        for rid in selected:
            req = library.requirement(rid)
            per_lang[version][rid] = decide(req, [a for a in found if a.requirement == rid], doc, roles, version)
    rider = _rider_language(doc, langs)
    rider_refs = _rider_references(doc, rider, library) if rider is not None else []
    # a language clause ranks versions of the contract; it never lets a rider's words go unread
    prevailing = _prevailing(doc, library) if len(langs) > 1 and rider is None else None
    limits = document_limits(doc, library, langs)  # once per document, whatever the number of requirements
    # (only a requirement that must outlive the contract reads it: none of the four)
    ending_all = cessation_words(doc, library, langs, roles) \
        if any(library.requirement(rid).outlives_contract for rid in selected) else None
    # (only a requirement whose exceptions are the grounds for a pause reads it: CSR04, ND01)
    at_will = excuse_at_will(doc, library, langs) if any(library.requirement(rid).supply_grounds for rid in selected) \
        else None
    requirements: list[RequirementResult] = []
    findings: list[Finding] = []
    for rid in selected:
        results = {v: per_lang[v][rid] for v in langs}
        combined = _combine(results, prevailing, rider, rider_refs)
        limited = outliving_limit(document_limit(unseen_words(_document_bound(combined, roles), doc), limits),
                                  library.requirement(rid).outlives_contract, ending_all)
        requirements.append(excuse_limit(limited, library.requirement(rid).supply_grounds, at_will))
        verdicts = {r.verdict for v, r in results.items() if v != rider or r.verdict != Verdict.MISSING}
        if len(verdicts) > 1:
            ev = [e for r in results.values() for e in r.evidence[:1]]
            summary = ", ".join(f"{v}: {r.verdict}" for v, r in results.items())
            findings.append(Finding(
                rule="bilingual-mismatch", severity=Severity.WARNING, requirement=rid, evidence=ev,
                message=f"The language versions disagree on {rid} ({summary}).",
                reasons=[Reason("bilingual-mismatch", summary)]))
    findings += document_findings(doc, roles)
    findings += hidden_findings(doc, library, roles, selected, langs)
    findings += margin_findings(doc, library, roles, requirements, langs)
    findings += unread_findings(doc)
    findings += obfuscation_findings(doc)
    result = CheckResult(roles=roles, requirements=requirements, findings=findings, languages=langs)
    return apply_preconditions(doc.text, result, library)  # rule packs: not_applicable, pack-suggested


# keep the helper importable for tests of evidence mapping
_ = evidence_for
