"""Combine the per-unit assessments of one requirement into a verdict.

* contradicted — any contradiction (a right to do the forbidden act, a refusal
  of the duty) by the supplier side, wherever it is: it beats a satisfying
  clause elsewhere ("Notwithstanding the foregoing ..."); both spans are cited.
* satisfied — every element is covered by a binding, unqualified undertaking
  of the supplier side (elements may be covered by different clauses).
* weak — some undertaking exists but it is non-binding, carved out, not
  clearly the supplier's, or covers only some elements.
* missing — nothing; the nearest near miss is cited so a lawyer sees why.
"""

from __future__ import annotations

from ..library import Requirement
from ..model import Document
from ..party_names import english_label
from ..verdicts import Evidence, Reason, RequirementResult, Roles, Verdict
from .analysis import Assessment, Unit


def evidence_for(doc: Document | None, unit: Unit, highlights: list[tuple[int, int]], role: str) -> list[Evidence]:
    """One Evidence per piece of the unit (item first, then its lead-in)."""
    out: list[Evidence] = []
    pieces = unit.pieces
    for offset, start, end in pieces:
        length = end - start
        marks = [(max(a - offset, 0), min(b - offset, length)) for a, b in highlights
                 if a < offset + length and b > offset]
        if doc is not None and start >= 0:
            block = doc.block_at(start)
            ev = Evidence(text=doc.text[start:end], start=start, end=end, block=block.index, page=block.page,
                          section=block.section, paragraph=block.paragraph, language=unit.lang, role=role,
                          highlights=marks)
        else:
            ev = Evidence(text=unit.text, start=-1, end=-1, block=-1, page=None, section=None, paragraph=None,
                          language=unit.lang, role=role, highlights=marks)
        out.append(ev)
    # the item (last piece) is what the lawyer reads first
    return out[::-1]


def _merged(quotes: list[Evidence]) -> list[Evidence]:
    """One quotation per passage: two readings of the same sentence (two weak undertakings in it) become one quote
    with both readings' words marked."""
    out: list[Evidence] = []
    at: dict[tuple[int, int, str], Evidence] = {}
    for ev in quotes:
        key = (ev.start, ev.end, ev.role)
        if ev.start >= 0 and key in at:
            at[key].highlights = sorted({(x, y) for x, y in [*at[key].highlights, *ev.highlights]})
            continue
        at[key] = ev
        out.append(ev)
    return out


def _riders(doc: Document | None, chosen: list[Assessment], quotes: list[Evidence]) -> list[Evidence]:
    """The other sentences whose words made a chosen undertaking weak (a later sentence of its clause, a definition
    of a term it uses, an item of an exception list, a cap elsewhere), once each: a passage already quoted gets their
    words marked in place instead of a second quotation."""
    at = {(ev.start, ev.end): ev for ev in quotes if ev.start >= 0}
    out: list[Evidence] = []
    for a in chosen:
        for unit, marks in a.weakened_by:
            for ev in evidence_for(doc, unit, marks, "rider"):
                same = at.get((ev.start, ev.end)) if ev.start >= 0 else None
                if same is not None:
                    same.highlights = sorted({(x, y) for x, y in [*same.highlights, *ev.highlights]})
                    continue
                if ev.start >= 0:
                    at[(ev.start, ev.end)] = ev
                out.append(ev)
    return out


def supplier_phrase(roles: Roles) -> str:
    label = roles.supplier.label("en")
    said = english_label(label) if label and roles.supplier.source != "default" else None
    if said:  # a role word takes "the", a name or "Party B" does not, a pronoun ("We") is no name
        return said
    if roles.supplier.name:
        return roles.supplier.name
    return "the supplier"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Which reason explains a weak verdict, in order of precedence, and how to say it.
_WEAK_DETAILS = (
    # only a separate agreement the contract refers to (issue 15): its text is not here, the lawyer checks it
    ("separate-agreement", "only a reference to a separate agreement ('{detail}'): check it"),
    ("weakened-by", "qualified by '{detail}'"),
    ("overridden-by", "overridden by '{detail}'"),
    ("carve-out", "limited by the carve-out '{detail}'"),
    ("partial-coverage", "partial: it covers {detail}"),
    ("bracketed", "resting on words in square brackets, which a draft uses for text not yet agreed: '{detail}'"),
    ("not-supplier", "not clearly given by the supplier (no party is named as bound)"),
    ("unidentified-right", "a party the contract does not identify as buyer or supplier may '{detail}'"),
    # fail closed: words no known-safe part accounts for; a lawyer reads them
    ("unrecognised-qualifier", "qualified by words the clause library does not recognise as harmless: \"{detail}\""),
    # a promise the requirement needs at a moment it never names (a deletion duty with no end of the entrustment)
    ("unanchored", "not tied to {detail}"),
)


def _acts_detail(req: Requirement, named: set[str], lang: str = "en") -> tuple[str, str]:
    """The statute's listed acts an undertaking names and those it leaves out, by title."""
    return (", ".join(a.title[lang] for a in req.acts if a.id in named),
            ", ".join(a.title[lang] for a in req.acts if a.id not in named))


def _weak_detail(reasons: list[Reason], req: Requirement, missing: list[str]) -> str:
    acts = [r for r in reasons if r.code == "acts-partial"]
    if acts and not any(r.code in ("weakened-by", "overridden-by", "carve-out", "separate-agreement",
                                   "unrecognised-qualifier") for r in reasons):
        named = {x for r in acts for x in r.detail.split(",") if x}
        found, left = _acts_detail(req, named)
        if left:  # (every act named: the weakness is another reason's, e.g. a narrowed defined term)
            return f"partial: it forbids {found or 'none of the acts'} but not {left}"
    for code, template in _WEAK_DETAILS:
        for r in reasons:
            if r.code == code:
                return template.format(detail=r.detail)
    if missing:
        titles = {el.id: el.title["en"] for el in req.elements}
        found = [titles[e] for e in titles if e not in missing]
        if not found:
            return f"partial: it does not cover {', '.join(titles[m] for m in missing)}"
        return f"partial: it covers {', '.join(found)} but not {', '.join(titles[m] for m in missing)}"
    return "qualified"


def decide(req: Requirement, found: list[Assessment], doc: Document | None, roles: Roles,
           lang: str | None) -> RequirementResult:
    """The verdict on ``req`` from the assessments of one language version."""
    supplier = supplier_phrase(roles)
    contradictions = [a for a in found if a.kind == "contradiction"]
    undertakings = [a for a in found if a.kind == "undertaking"]
    satisfied = [a for a in undertakings if a.quality == "satisfied"]
    # a scope limitation or a contract-wide override refusing what the duty needs ("配合审查的范围不包括源代码",
    # "尽管本合同其他条款另有约定，乙方有权拒绝提供源代码") leaves no undertaking satisfied: weak, both cited
    limitations = [a for a in found if a.kind == "limitation"] if undertakings else []
    limited = satisfied if limitations else []
    if limitations:
        satisfied = []
        undertakings = limitations + undertakings
    element_ids = [el.id for el in req.elements]

    def msg(key: str, detail: str = "") -> str:
        return _cap(req.messages[key].format(supplier=supplier, detail=detail))

    if contradictions:
        first = contradictions[0]
        evidence = _merged([e for a in contradictions[:3] for e in evidence_for(doc, a.unit, a.highlights, "contradiction")])
        reasons = [r for a in contradictions[:3] for r in a.reasons]
        best = (satisfied or undertakings)[:1]
        for a in best:
            evidence += evidence_for(doc, a.unit, a.highlights, "undertaking")
            reasons += [r for r in a.reasons if r.code == "element-found"]
        return RequirementResult(req.id, req.name, Verdict.CONTRADICTED, msg("contradicted", f"'{first.detail}'"),
                                 evidence=_merged(evidence), reasons=reasons, language=lang)
    if undertakings and req.acts and not limitations:
        # the listed acts forbidden across the contract's sentences ("不得访问、获取、留存…"; "不得向第三方提供…"): each
        # sentence names some, together they name all, and nothing else weakens them
        parts = [a for a in undertakings if a.quality == "weak"
                 and {r.code for r in a.reasons} <= {"acts-partial", "element-found"}]
        named = {x for a in parts for r in a.reasons if r.code == "acts-partial" for x in r.detail.split(",") if x}
        if parts and named >= {x.id for x in req.acts}:
            for a in parts:
                a.quality = "satisfied"
            satisfied = satisfied + [a for a in parts if a not in satisfied]
    if undertakings:
        covered_sat = {e for a in satisfied for e in a.elements}
        if all(e in covered_sat for e in element_ids):
            chosen: list[Assessment] = []
            # the evidence a lawyer is sent to: one sentence giving every element if there is one (the CSR04
            # clause, not the CSR01 paragraph that happens to say 提供…产品 first), else the fewest sentences
            widest = sorted(satisfied, key=lambda a: -len(set(a.elements) & set(element_ids)))
            for e in element_ids:
                if not any(e in a.elements for a in chosen):
                    chosen.append(next(a for a in widest if e in a.elements))
            evidence = [ev for a in chosen for ev in evidence_for(doc, a.unit, a.highlights, "undertaking")]
            reasons = [r for a in chosen for r in a.reasons]
            return RequirementResult(req.id, req.name, Verdict.SATISFIED, msg("satisfied"),
                                     evidence=_merged(evidence), reasons=reasons, language=lang)
        covered_any = {e for a in undertakings for e in a.elements}
        missing = [e for e in element_ids if e not in covered_any]
        weak = [a for a in undertakings if a.quality == "weak" or a.kind == "limitation"]
        chosen = (weak or undertakings)[:2] + [a for a in satisfied or limited if a not in weak][:1]
        reasons = [r for a in chosen for r in a.reasons]
        for e in missing:
            reasons.append(Reason("element-missing", element=e))
        if missing and len(element_ids) > 1:
            reasons.append(Reason("partial-coverage", ", ".join(missing)))
        detail_reasons = [r for a in weak for r in a.reasons] if weak else []
        detail = _weak_detail(detail_reasons, req, missing)
        roles_ = ["weakener" if a.quality == "weak" else "undertaking" if a in limited else "partial" for a in chosen]
        quotes = _merged([ev for a, role in zip(chosen, roles_, strict=True)
                          for ev in evidence_for(doc, a.unit, a.highlights, role)])
        quotes += _riders(doc, chosen, quotes)
        return RequirementResult(req.id, req.name, Verdict.WEAK, msg("weak", detail), evidence=quotes,
                                 reasons=reasons, language=lang)
    near = sorted((a for a in found if a.kind == "near-miss"), key=lambda a: -a.score)
    evidence: list[Evidence] = []
    reasons: list[Reason] = [Reason("element-missing", element=e) for e in element_ids]
    message = msg("missing")
    if near:
        best = near[0]
        evidence = evidence_for(doc, best.unit, best.highlights, "near-miss")
        reasons = best.reasons + reasons
        why = {"given by the buyer": "it is given by the buyer",
               "recital": "it is a recital or a quotation of the law",
               "definition": "it is a definition",
               "justified": "it is a right limited to a justifiable reason",
               "no binding undertaking": "it is not a binding undertaking"}.get(best.detail, best.detail)
        message += f" Nearest: {evidence[0].text[:80]!r} ({why})."
    return RequirementResult(req.id, req.name, Verdict.MISSING, message, evidence=evidence, reasons=reasons,
                             language=lang)
