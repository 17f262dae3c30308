"""What a lawyer reads, in Chinese or English, built from the verdict records.

The matcher's own ``message`` stays the stable English text of the JSON report. Human formats say the
same thing in the user's language from the records themselves: the verdict, the reason codes with the
contract's deciding words, the requirement's and elements' titles from ``clause_library/``, and the
supplier's name in the report's language ("北桥系统有限公司的承诺…", "Northbridge Systems Ltd.'s
undertaking", "the Vendor's undertaking" — never "The Northbridge Systems Ltd."). All wording comes from
``messages/ui.yaml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..i18n import t
from ..normalize import has_cjk
from ..party_names import english_label
from ..verdicts import Evidence, Reason

if TYPE_CHECKING:
    from .model import DocumentReport, FindingReport, RequirementReport, SupplierReport

#: details the matcher writes in English words rather than quoting the contract -> catalogue key
_FIXED_DETAILS = {
    "no party is named as bound": "detail.not-supplier",
    "a statement without a binding modal": "detail.non-binding",
}
_NEAR_WHY = {
    "given by the buyer": "why.buyer", "recital": "why.recital", "definition": "why.definition",
    "justified": "why.justified", "no binding undertaking": "why.non-binding",
}


def _library_titles() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Requirement id -> {lang: title}; element id -> {lang: title}, over every pack loaded (empty when the
    library cannot load)."""
    try:
        from ..packs import known_requirements

        requirements = known_requirements()
    except Exception:
        return {}, {}
    key = tuple(r.source for r in requirements)
    if key not in _TITLES:
        _TITLES[key] = _titles(requirements)
    return _TITLES[key]


_TITLES: dict[tuple[str, ...], tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]] = {}


def _titles(requirements: tuple[Any, ...]) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Also "<requirement>/<element>" keys: two packs may use one element id for different things (CSR04's and
    SEC03's technical-support); the bare element id keeps the first pack's title."""
    reqs = {r.id: dict(r.titles) for r in requirements}
    elements: dict[str, dict[str, str]] = {}
    for r in requirements:
        for el in r.elements:
            elements.setdefault(el.id, dict(el.title))
            elements[f"{r.id}/{el.id}"] = dict(el.title)
        if getattr(r, "anchor_title", None):
            elements[f"{r.id}/#anchor"] = dict(r.anchor_title)
        for act in getattr(r, "acts", ()):
            elements[f"{r.id}/#act:{act.id}"] = dict(act.title)
    return reqs, elements


def requirement_title(rule_id: str, lang: str, fallback: str = "") -> str:
    title = _library_titles()[0].get(rule_id, {}).get(lang) or fallback or rule_id
    return title[:1].lower() + title[1:] if lang == "en" and not title[:2].isupper() else title


def element_title(element: str, lang: str, requirement: str | None = None) -> str:
    """The element's title in ``lang``: the requirement's own element when the requirement is known."""
    titles = _library_titles()[1]
    own = titles.get(f"{requirement}/{element}", {}) if requirement else {}
    return own.get(lang) or titles.get(element, {}).get(lang) or element.replace("-", " ")


def _script(text: str) -> str:
    return "zh" if has_cjk(text) else "en"


@functools.cache
def _default_labels(lang: str) -> tuple[str, ...]:
    try:
        from ..library import load_library

        return tuple(load_library().common["roles"]["supplier"][lang])
    except Exception:
        return ()


def contract_labels(supplier: SupplierReport, lang: str) -> list[str]:
    """The supplier's role words in ``lang`` that the contract uses; none when they are only the library's
    default list (a contract that defines no supplier is not "承揽商" in a Chinese report)."""
    labels = list(supplier.labels.get(lang) or [])
    return [] if tuple(labels) == _default_labels(lang) else labels


def header_names(supplier: SupplierReport, lang: str) -> list[str]:
    """Up to four names for a report's header: the name in the report's language first, then the contract's
    other names and role words; for a contract that names no supplier, only the role words it uses in ``lang``
    (none: the header then names no supplier)."""
    own = supplier.names.get(lang)
    names = [n for n in (own, supplier.name) if n]
    if supplier.source == "default" and not names:  # the library's role words are no name of this contract's
        return list(dict.fromkeys(contract_labels(supplier, lang)))[:4]
    return list(dict.fromkeys(names + [a for a in supplier.aliases if a not in names]))[:4]


def supplier_name(supplier: SupplierReport | None, lang: str) -> str:
    """The supplier as the report's language names it: its name in that language, else the contract's role
    word in that language ("乙方", "the Vendor", "Party B"), else its name in the other language, else
    "供方"/"the supplier". A pronoun label ("We") is never used as a name in English."""
    if supplier is not None:
        name = supplier.names.get(lang)
        if not name and supplier.name and _script(supplier.name) == lang:
            name = supplier.name
        if name:
            return name
        for label in contract_labels(supplier, lang):
            if lang == "zh" or _script(label) != lang:
                return label
            said = english_label(label)
            if said is not None:
                return said
        if supplier.name:
            return supplier.name
    return t("supplier.default", lang)


def possessive(name: str, lang: str) -> str:
    if lang == "zh":
        return t("req.poss", lang, name=name)
    return t("req.poss_s" if name.endswith("s") and not name.endswith("'s") else "req.poss", lang, name=name)


def sentence(text: str) -> str:
    """Capitalise the first letter only where it starts with an article ("the Vendor" -> "The Vendor"): a
    name keeps its own spelling."""
    if text.startswith("the "):
        return "T" + text[1:]
    return text


def _quote(detail: str, lang: str) -> str:
    """The contract's words in quotation marks; in Chinese, double quotes inside them become single ones, as
    Chinese typography nests them (“““技术服务”指” read as three openings)."""
    detail = " ".join(detail.split())
    if lang == "zh":
        return "“" + detail.replace("“", "‘").replace("”", "’") + "”"
    return f"'{detail}'"


def is_quote(detail: str, evidence: Sequence[Evidence]) -> bool:
    """A detail that is the contract's own words (as opposed to words the matcher wrote)."""
    core = detail.strip().strip("'\"“”")
    if not core:
        return False
    if core.startswith("only '") and core.endswith("'"):
        core = core[6:-1]
    parts = [p.strip() for p in core.split(" … ") if p.strip()]  # words the matcher found apart ("存储 … 用户数据")
    return bool(parts) and any(all(p in ev.text or p.casefold() in ev.text.casefold() for p in parts)
                               for ev in evidence)


def reason_text(reason: Reason, lang: str, evidence: Sequence[Evidence], requirement: str | None = None) -> str | None:
    """One reason in words ("found: user data", "weakened by: 'commercially reasonable efforts'"); None for
    one that adds nothing a lawyer can use."""
    code = reason.code
    if code in ("not-applicable", "pack-suggested"):  # the message itself says it, in the reader's language
        return None
    if code in ("element-found", "element-missing") and reason.element:
        return t(f"reason.{code}", lang, element=element_title(reason.element, lang, requirement))
    detail = reason.detail or ""
    if code == "acts-partial":
        acts = _acts_text([reason], lang, requirement)
        return t("reason.acts-partial", lang, found=acts[0], missing=acts[1]) if acts else None
    if code == "unanchored":
        return t("reason.unanchored", lang, detail=element_title("#anchor", lang, requirement))
    if code == "partial-coverage":
        ids = [d.strip() for d in detail.split(",") if d.strip()]
        elements = _library_titles()[1]
        if ids and all(i in elements for i in ids):
            names = t("text.list_sep", lang).join(element_title(i, lang, requirement) for i in ids)
            return t("reason.element-missing", lang, element=names)
        if detail.startswith("missing in the "):
            version = detail.removeprefix("missing in the ").removesuffix(" version")
            return t("reason.partial-coverage", lang,
                     detail=t("reason.missing-in-version", lang, lang=t(f"lang.{version}", lang)))
    if detail in _FIXED_DETAILS:
        words = t(_FIXED_DETAILS[detail], lang)
    elif code in ("unrecognised-qualifier", "unseen-words") and detail:  # always the contract's own words
        words = _quote(detail, lang)
    elif is_quote(detail, evidence):
        core = detail.strip()
        if core.startswith("only '") and core.endswith("'"):
            core = core[6:-1]
        words = _quote(core, lang)
    elif detail and lang == "en":
        words = detail
    else:
        words = t("reason.no-detail", lang) if code not in ("bilingual-mismatch",) else ""
    key = f"reason.{code}"
    from ..i18n import catalogue

    if key not in catalogue():
        return None if lang == "zh" and not is_quote(detail, evidence) else (words or None)
    return t(key, lang, detail=words) if words else None


def reasons_text(reasons: Sequence[Reason], lang: str, evidence: Sequence[Evidence], limit: int = 4,
                 requirement: str | None = None) -> list[str]:
    out: list[str] = []
    for reason in reasons:
        text = reason_text(reason, lang, evidence, requirement)
        if text and text not in out:
            out.append(text)
    return out[:limit]


def _first(reasons: Sequence[Reason], *codes: str) -> Reason | None:
    for code in codes:
        for reason in reasons:
            if reason.code == code:
                return reason
    return None


def _acts_text(reasons: Sequence[Reason], lang: str, requirement: str | None) -> tuple[str, str] | None:
    """The statute's listed acts the undertakings forbid, and those they leave out, by title in ``lang``."""
    named = {x for r in reasons if r.code == "acts-partial" for x in r.detail.split(",") if x}
    if not any(r.code == "acts-partial" for r in reasons):
        return None
    titles = _library_titles()[1]
    prefix = f"{requirement}/#act:"
    ids = [k[len(prefix):] for k in titles if k.startswith(prefix)]
    sep = t("text.list_sep", lang)
    none = t("text.none", lang)
    found = sep.join(element_title(f"#act:{i}", lang, requirement) for i in ids if i in named)
    missing = sep.join(element_title(f"#act:{i}", lang, requirement) for i in ids if i not in named)
    return found or none, missing or none


def _weak_detail(req: RequirementReport, lang: str) -> str:
    ev = req.evidence
    referred = _first(req.reasons, "separate-agreement")
    if referred is not None:  # only a separate agreement the contract refers to: say so, and that it needs checking
        words = " ".join(referred.detail.split())
        return t("detail.separate-agreement", lang, detail=words) if words and (is_quote(words, ev) or lang == "en") \
            else t("detail.separate-agreement.bare", lang)
    for code, key in (("weakened-by", "detail.weakened-by"), ("overridden-by", "detail.overridden-by"),
                      ("carve-out", "detail.carve-out"), ("unidentified-right", "detail.unidentified-right"),
                      ("bracketed", "detail.bracketed")):
        reason = _first(req.reasons, code)
        if reason is not None and reason.detail:
            if reason.detail in _FIXED_DETAILS:
                return t(_FIXED_DETAILS[reason.detail], lang)
            if is_quote(reason.detail, ev) or lang == "en":
                return t(key, lang, detail=" ".join(reason.detail.split()))
    acts = _acts_text(req.reasons, lang, req.id)
    # (every act named: the weakness is another reason's, a narrowed defined term or the like)
    if acts is not None and acts[1] != t("text.none", lang) and not _first(
            req.reasons, "weakened-by", "overridden-by", "carve-out", "separate-agreement", "unrecognised-qualifier"):
        return t("detail.acts-partial", lang, found=acts[0], missing=acts[1])
    if _first(req.reasons, "unanchored") is not None:  # a promise the requirement needs at a moment it never names
        return t("detail.unanchored", lang, detail=element_title("#anchor", lang, req.id))
    missing = [r.element for r in req.reasons if r.code == "element-missing" and r.element]
    found = [r.element for r in req.reasons if r.code == "element-found" and r.element and r.element not in missing]
    reason = _first(req.reasons, "partial-coverage")
    if reason is not None and reason.detail.startswith("missing in the "):
        return reason_text(reason, lang, ev, req.id) or t("detail.qualified", lang)
    if missing:
        sep = t("text.list_sep", lang)
        missing_titles = sep.join(dict.fromkeys(element_title(e, lang, req.id) for e in missing))
        if not found:  # "it covers none of the elements but not …" said nothing a lawyer can use
            return t("detail.partial.nothing", lang, missing=missing_titles)
        return t("detail.partial", lang, found=sep.join(dict.fromkeys(element_title(e, lang, req.id) for e in found)),
                 missing=missing_titles)
    if _first(req.reasons, "not-supplier"):
        return t("detail.not-supplier", lang)
    partial = _first(req.reasons, "ocr-partial")
    if partial is not None:  # a photo or part of a scan that stops inside the undertaking's clause
        return t("detail.ocr-partial", lang, detail=partial.detail)
    unsure = _first(req.reasons, "ocr-uncertain")
    if unsure is not None and unsure.detail:  # the deciding words, as the recogniser read them
        return t("detail.ocr-uncertain", lang, detail=" ".join(unsure.detail.split()))
    unseen = _first(req.reasons, "unseen-words")
    if unseen is not None and unseen.detail:  # 1-point or white words in the undertaking's own paragraph
        return t("detail.unseen-words", lang, detail=" ".join(unseen.detail.split()))
    leftover = _first(req.reasons, "unrecognised-qualifier")
    if leftover is not None and leftover.detail:  # the contract's own words nobody accounted for: show them
        return t("detail.unrecognised-qualifier", lang, detail=" ".join(leftover.detail.split()))
    return t("detail.qualified", lang)


def requirement_message(req: RequirementReport, doc: DocumentReport, lang: str) -> str:
    """The requirement's verdict in words, in ``lang``."""
    title = requirement_title(req.id, lang, req.name)
    supplier = supplier_name(doc.supplier, lang)
    values = {"supplier": supplier, "supplier_poss": possessive(supplier, lang), "title": title}
    document_reason = _first(req.reasons, "not-supplier")
    if document_reason is not None and doc.document_rule is not None:
        return t("req.not_a_party", lang, why=t(f"finding.{doc.document_rule}", lang))
    if req.verdict == "satisfied":
        return sentence(t("req.satisfied", lang, **values))
    if req.verdict == "not_applicable":
        from ..packs import not_applicable_reason

        reason = not_applicable_reason(req.id, lang) or req.message
        return sentence(t("req.not_applicable", lang, title=title, reason=reason.rstrip("。.")))
    if req.verdict == "weak":
        versions = req.by_language
        if len(versions) > 1 and _first(req.reasons, "partial-coverage") and \
                any(r.code == "partial-coverage" and r.detail.startswith("missing in the ") for r in req.reasons):
            has = next((k for k, v in versions.items() if v in ("satisfied", "weak")), "")
            lacks = next((k for k, v in versions.items() if v == "missing"), "")
            if has and lacks:
                return t("req.only_one_version", lang, has=t(f"lang.{has}", lang), lacks=t(f"lang.{lacks}", lang))
        return sentence(t("req.weak", lang, detail=_weak_detail(req, lang), **values))
    if req.verdict == "contradicted":
        reason = _first(req.reasons, "contradicted-by")
        detail = _quote(reason.detail, lang) if reason and reason.detail else t("reason.no-detail", lang)
        return sentence(t("req.contradicted", lang, detail=detail, **values))
    message = sentence(t("req.missing", lang, **values))
    near = [ev for ev in req.evidence if ev.role == "near-miss"]
    if near:
        reason = _first(req.reasons, "near-miss", "not-supplier", "recital", "definition")
        key = "why.other"
        if reason is not None:
            key = _NEAR_WHY.get(reason.detail, "why.not-supplier" if reason.code == "not-supplier" else key)
        message += (" " if lang == "en" else "") + t("req.missing.nearest", lang, why=t(key, lang))
    return message


def not_a_contract(doc: DocumentReport) -> bool:
    """A file that is clearly no contract (a README, a TOML file): the human formats show the one finding, not
    four missing verdicts; the machine formats keep the verdicts (every requirement missing, the gate fails)."""
    return doc.document_rule == "not-a-contract"


def finding_message(finding: FindingReport, lang: str) -> str:
    """A finding in words; a finding the catalogue has no text for keeps the matcher's (English) message."""
    rule = finding.rule
    if rule == "pack-suggested":
        from ..packs import notice_text

        reason = _first(finding.reasons, "pack-suggested")
        ids = [part.split(":", 1)[0].strip() for part in (reason.detail if reason else "").split(";") if part.strip()]
        sep = t("text.list_sep", lang)
        return t("finding.pack-suggested", lang, why=sep.join(notice_text(i, lang) for i in ids), packs=sep.join(ids))
    if rule == "bilingual-mismatch":
        summary_reason = _first(finding.reasons, "bilingual-mismatch")
        parts = []
        for item in (summary_reason.detail if summary_reason else "").split(","):
            version, _, verdict = item.strip().partition(": ")
            if version and verdict:
                parts.append(t("text.version_item", lang, lang=t(f"lang.{version}", lang),
                               verdict=t(f"verdict.{verdict}", lang)))
        return t("finding.bilingual-mismatch", lang, rule=finding.requirement or "",
                 summary=t("text.list_sep", lang).join(parts))
    if rule == "expired-waiver":
        return finding.message if lang == "en" else _expired(finding, lang)
    if rule == "not-a-contract":
        return t("finding.not-a-contract.human", lang)
    if rule == "no-supplier-party":
        return t(f"finding.{rule}", lang) + ("。" if lang == "zh" else ".")
    if rule in ("hidden-text", "hidden-contradiction"):
        return finding.message if lang == "en" else t(f"finding.{rule}", lang, rule=finding.requirement or "")
    if rule == "obfuscated-text":
        return t("finding.obfuscated-text.chars", lang, chars=_obfuscated_chars(finding, lang)) \
            if _obfuscated_chars(finding, lang) else t("finding.obfuscated-text", lang)
    if rule == "unread-content":
        return finding.message if lang == "en" else t(f"finding.{rule}", lang)
    from ..i18n import say

    return say(finding.message, lang)  # a message the checker wrote with the catalogue (ocr-read)


_CHARACTER = re.compile(r"^(U\+[0-9A-F]{4,6})((?: [A-Z0-9-]+)*)(?: read as '.*?')? in «(.*)»$")


def _obfuscated_chars(finding: FindingReport, lang: str) -> str:
    """The characters an obfuscated-text finding found, by code point and the word they stand in (the reasons'
    details; the first three), in ``lang``: the matcher's English message names the tool's block counter."""
    items = []
    for reason in finding.reasons:
        m = _CHARACTER.search(reason.detail or "") if reason.code.endswith("-character") else None
        if m:
            # the character's Unicode name is English: said in the English report only
            code = m.group(1) + (m.group(2) if lang == "en" else "")
            items.append(t("finding.obfuscated-char", lang, code=code, word=m.group(3)))
    return t("text.list_sep", lang).join(dict.fromkeys(items[:3]))


def _expired(finding: FindingReport, lang: str) -> str:
    reason = _first(finding.reasons, "expired-waiver")
    rule = reason.element if reason and reason.element else finding.requirement or ""
    import re

    m = re.search(r"approved by (.+?)(?: \((.+?)\))? expired on (\S+?);", finding.message)
    approver, where, date = (m.group(1), f"（{m.group(2)}）" if m.group(2) else "", m.group(3)) if m else ("", "", "")
    return t("finding.expired-waiver", lang, rule=rule, approver=approver, where=where, date=date)
