"""Words elsewhere in a document that limit every undertaking in it, however well each one is worded.

An undertaking is read sentence by sentence, with the later sentences of its own clause. Three limits stand far
from it and bind them all:

* the instrument that holds the undertakings ends before the contract it serves: a supplementary agreement "valid
  from 1 January to 31 December 2026" beside a main contract running to 2028 lets the undertakings lapse while the
  products are still supplied;
* in a consortium, members answer severally and not jointly: an undertaking given by the consortium or its lead
  may not bind the member that supplies the products;
* the instrument says it binds no one ("本意向书不具有法律约束力", "This Memorandum of Understanding is not legally
  binding"): what it states are intentions.

The patterns are data (``document_limits`` in ``clause_library/frames.yaml``); a satisfied verdict becomes weak
with a ``carve-out`` reason quoting the document's words, so the lawyer reads them.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any

from ..library import Library
from ..model import Document
from ..roles import phrase_regex
from ..verdicts import Reason, RequirementResult, Verdict

__all__ = ["document_limit", "document_limits", "limit_words"]

_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), 1)}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36,
            "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _date(text: str) -> date | None:
    """A date as contracts write it: 2026年12月31日, 31 December 2026, December 31, 2026, 2026-12-31."""
    try:
        if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if (m := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text)) and m[2].lower() in _MONTHS:
            return date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
        if (m := re.fullmatch(r"([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})", text)) and m[1].lower() in _MONTHS:
            return date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    except ValueError:  # 31 February: no date, so nothing is compared
        return None
    return None


def _months(n: str, unit: str) -> int | None:
    """A length in months: "三年", "12个月", "two (2) years"."""
    value = int(n) if n.isdigit() else _NUMBERS.get(n.lower())
    if value is None:
        return None
    return value * 12 if unit.startswith(("年", "year")) else value


def _term(text: str, patterns: list[re.Pattern[str]]) -> tuple[str, date | None, int | None] | None:
    """The first term the patterns find: its words, its end date or its length in months."""
    for rx in patterns:
        for m in rx.finditer(text):
            found = {k: v for k, v in m.groupdict().items() if v}
            if "end" in found and (end := _date(found["end"])):
                return m.group(0), end, None
            if "n" in found and "unit" in found and (length := _months(found["n"], found["unit"])):
                return m.group(0), None, length
    return None


_CACHE: dict[tuple[object, ...], list[re.Pattern[str]]] = {}


def _regexes(library: Library, *path: str, lang: str, root: str = "document_limits") -> list[re.Pattern[str]]:
    """One regex per phrase: the patterns of a term share the group names ``end``, ``n`` and ``unit``."""
    key = (library.key, lang, root, *path)
    if key not in _CACHE:
        node = library.frames.get(root, {}) if root else library.frames
        for part in path:
            node = node.get(part, {})
        _CACHE[key] = [rx for phrase in node.get(lang, ()) if (rx := phrase_regex([phrase], lang)) is not None]
    return _CACHE[key]


def limit_words(text: str, library: Library, lang: str) -> str | None:
    """The words of ``text`` (a whole document in one language) that limit every undertaking in it, or None."""
    key = (library.key, lang, "non_binding", "joined")  # one scan of a long text for all its phrases
    if key not in _CACHE:
        joined = phrase_regex(list(library.frames.get("document_limits", {}).get("non_binding", {}).get(lang, ())),
                              lang)
        _CACHE[key] = [joined] if joined is not None else []
    for rx in _CACHE[key]:
        if m := rx.search(text):
            return _sentence_around(text, m)
    mine = _term(text, _regexes(library, "instrument_end", "own", lang=lang))
    theirs = _term(text, _regexes(library, "instrument_end", "main", lang=lang)) if mine else None
    if mine and theirs and ((mine[1] and theirs[1] and mine[1] < theirs[1])
                            or (mine[2] and theirs[2] and mine[2] < theirs[2])):
        return mine[0]
    context = _regexes(library, "several_liability", "context", lang=lang)
    several = _regexes(library, "several_liability", "words", lang=lang)
    found = [m for rx in several if (m := rx.search(text))]
    if found and any(rx.search(text) for rx in context):
        return _sentence_around(text, min(found, key=lambda x: x.start()))
    return None


def _sentence_around(text: str, m: re.Match[str]) -> str:
    """The sentence (or list item) that holds the match, as the reason quotes it."""
    start = max(text.rfind(c, 0, m.start()) for c in "\n。.;；:：\"“") + 1
    ends = [i for c in "\n。;；" if (i := text.find(c, m.end())) >= 0]
    return text[start:min(ends, default=len(text))].strip().strip('"“”')


def cessation_words(doc: Document, library: Library, langs: list[str], roles: Any = None) -> str | None:
    """The sentence ending every obligation of the supplier when the contract ends ("On expiry or termination of
    this Agreement, all obligations of the Contractor shall cease"; frames.yaml ``document_limits.obligations_cease``),
    or None: it weakens the duties that must outlive the contract (``outlives_contract``). Only the supplier's
    obligations, and only where no clause is kept in force after the end (frames.yaml ``survival_statements``)."""
    from .analysis import party_regex

    for lang in langs:
        survival = _regexes(library, "survival_statements", lang=lang, root="")
        if any(rx.search(doc.text) for rx in survival):
            continue
        supplier = party_regex(roles.supplier, lang) if roles is not None else None
        for rx in _regexes(library, "obligations_cease", lang=lang):
            for m in rx.finditer(doc.text):
                if supplier is not None and supplier.search(m.group(0)):
                    return " ".join(_quoted_from(doc.text, m).split())
    return None


def excuse_at_will(doc: Document, library: Library, langs: list[str]) -> str | None:
    """The sentence defining force majeure or the justifiable reasons to let in a decision of the supplier's own
    ("…包括…乙方经营策略调整等情形"; frames.yaml ``document_limits.excuse_definitions`` and ``own_decisions``), or
    None: under that excuse the supplier pauses at will, so a satisfied pause requirement is weak."""
    for lang in langs:
        own = _regexes(library, "own_decisions", lang=lang, root="")
        for rx in _regexes(library, "excuse_definitions", lang=lang):
            for m in rx.finditer(doc.text):
                sentence = _quoted_from(doc.text, m)
                # (what the excuse is said not to include is no part of it: frames.yaml excuse_exclusions)
                end = min((x.start() for rx in _regexes(library, "excuse_exclusions", lang=lang)
                           if (x := rx.search(sentence))), default=len(sentence))
                if any(o.search(sentence, 0, end) for o in own):
                    return " ".join(sentence.split())
    return None


def excuse_limit(result: RequirementResult, pauses: bool, words: str | None) -> RequirementResult:
    """A satisfied pause requirement (``pauses``: its exceptions are the grounds for a pause) in a document whose
    excuse lets in the supplier's own decisions is weak, quoting the definition."""
    if not pauses or result.verdict != Verdict.SATISFIED or not words:
        return result
    return dataclasses.replace(
        result, verdict=Verdict.WEAK, reasons=[*result.reasons, Reason("carve-out", words)],
        message=(f"The {result.id} undertaking gives way to an excuse the document defines to include the supplier's "
                 f"own decisions: '{words.rstrip('.。')}'."))


def _quoted_from(text: str, m: re.Match[str]) -> str:
    """The match to the end of its sentence, as the reason quotes it (its clause number left out)."""
    ends = [i for c in "\n。;；" if (i := text.find(c, m.end())) >= 0]
    return text[m.start():min(ends, default=len(text))].strip()


def outliving_limit(result: RequirementResult, outlives: bool, words: str | None) -> RequirementResult:
    """A satisfied duty that must outlive the contract, in a document that ends every obligation with it, is weak."""
    if not outlives or result.verdict != Verdict.SATISFIED or not words:
        return result
    quoted = words.rstrip(".。")
    return dataclasses.replace(
        result, verdict=Verdict.WEAK, reasons=[*result.reasons, Reason("carve-out", words)],
        message=f"The {result.id} undertaking ends with the contract, though it must outlive it: '{quoted}'.")


def document_limits(doc: Document, library: Library, langs: list[str]) -> str | None:
    """The document's words that limit every undertaking in it, read once per document, or None."""
    for lang in langs:
        words = limit_words(doc.text, library, lang)
        if words:
            return " ".join(words.split())
    return None


def document_limit(result: RequirementResult, words: str | None) -> RequirementResult:
    """A satisfied verdict in a document whose own words limit every undertaking (``words``, from
    :func:`document_limits`) is weak, quoting those words."""
    if result.verdict != Verdict.SATISFIED or not words:
        return result
    return dataclasses.replace(
        result, verdict=Verdict.WEAK, reasons=[*result.reasons, Reason("carve-out", words)],
        message=(f"The {result.id} undertaking is limited by words elsewhere in the document that bind every "
                 f"undertaking in it: '{words}'."))
