"""Careful analysis of one candidate sentence (or lead-in + item) for every requirement.

The words come from the library, matched with a spaCy ``PhraseMatcher``
(English on lookup lemmas of the lower-cased text, Chinese on characters) plus
the library's ``re:`` patterns. The reasoning is general and the same for
every requirement:

1. *Hits*: modals, negations, qualifiers, carve-outs, exceptions, lawful bases,
   justifications, recital/definition markers, and per requirement its actions
   (``duty``/``refusal``/``refusable``/``forbidden``) and element objects.
2. *Attachment*: an element object belongs to the nearest action before it
   with no other modal in between (or, without a comma in between, the action
   after it: passive voice, Chinese topic-first order).
3. *Stance* of the governing modal (the nearest one before the action), with
   the negations between modal and action counted: do / not / may / need-not / try.
4. *Subject*: the passive agent ("by the Vendor"), else the nearest party
   before the modal that is not a possessive ("the Customer's equipment"),
   pronouns resolved backwards; else the party of the lead-in or the block.
5. *Classification*: an undertaking (satisfied or weak), a contradiction (a
   right to do the forbidden act or a refusal of the duty, unless a
   justification or lawful basis is attached), or a near miss with a reason.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..lang import zh
from ..library import LANGS, Library, Requirement, phrase_pattern
from ..roles import phrase_regex
from ..verdicts import Party, Reason, Roles
from .pipelines import get_nlp

MODAL_KINDS = ("prohibition", "negated_obligation", "permission", "grant", "obligation", "non_binding")
_COMMON_CATS = ("negations", "carve_outs", "lawful_basis", "unauthorised", "justifications", "breadth", "exceptions", "overrides",
                "recitals", "citations", "definitions", "unlimited", "consequences", "conditions", "consent_words", "acknowledgements", "exemptions",
                "topics", "scope_limits", "global_overrides", "restrictive", "bounds", "payment_terms", "commitment_colons",
                "handing_over", "restrictive_lists", "supply_grounds", "foreign_grounds")
#: hits that never hide a modal they overlap (an equal span "无须" is both a modal and a lawful-basis reversal)
_NON_BLOCKING = ("negations", "pronoun", "unauthorised", "unlimited", "consequences", "conditions", "consent_words",
                 "acknowledgements", "exemptions", "topics", "scope_limits", "global_overrides", "restrictive", "bounds",
                 "payment_terms", "commitment_colons", "handing_over", "restrictive_lists")
ACTION_KEYS = ("duty", "refusal", "refusable", "forbidden", "partial", "partial_duty")
#: which action decides when several govern one object ("decline to cooperate": the refusal)
_KIND_PRIORITY = {"refusal": 0, "forbidden": 1, "duty": 2, "partial": 3, "partial_duty": 3, "refusable": 4}
#: where a clause of a sentence ends
_CLAUSE_BREAK = re.compile(r"[，,；;。]")
#: between an object and a head noun it shares with the next list item ("安全补丁及漏洞修复|服务")
_SHARED_HEAD = re.compile(r"(?:及|和|与|、|以及|或)[\u4e00-\u9fff]{1,6}")
#: a defined term used as a word: English by word boundaries, Chinese between function characters or punctuation
_TERM = {"en": r"(?<![\w“”\"]){}(?![\w“”\"])",
         "zh": r"(?:(?<=[的和及或与、本该其，,；;：:“”\s])|(?<![\u3400-\u9fff])){}(?=[的和及或与、，,；;。：:“”\s]|$|(?![\u3400-\u9fff]))"}
#: the stretch between a prohibition and a later verb of the same coordinated list
_COORDINATED = {"en": re.compile(r"[^;.:]*?(?:,\s*|\s)(?:or|and|nor)\s+", re.IGNORECASE),
                "zh": re.compile(r"[^，,；;。：:]*?(?:或者|或|和|及|以及|、|并)")}


@dataclass(slots=True)
class Hit:
    cat: str
    start: int
    end: int
    text: str

    def overlaps(self, other: Hit) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Hit) -> bool:
        return self.start <= other.start and other.end <= self.end and (self.end - self.start) > (other.end - other.start)


@dataclass(slots=True)
class Unit:
    """Text analysed as one: a sentence, or a lead-in followed by an item."""

    text: str
    lang: str
    #: (offset in ``text``, document start, document end) of each piece
    pieces: list[tuple[int, int, int]]
    sentence: Any  # segment.Sentence
    context_party: str | None = None  # side of the last party named before the unit in its block
    #: requirements whose undertaking the unit overrides by reference ("虽有前款约定，乙方保留拒绝配合的权利")
    inherited: frozenset[str] = frozenset()
    #: (requirement, element) pairs the document never names: a broad object coordinated with an element
    #: object stands for them ("the Services or the Technical Support Services" in a services contract)
    absent: frozenset[tuple[str, str]] = frozenset()
    #: the unit overrides the whole contract without naming a clause ("尽管本合同其他条款另有约定")
    global_override: bool = False
    #: defined terms whose definition names an element's object ("Services" defined as including technical
    #: support): (requirement, element) -> the terms, which then stand for that element
    defined: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    #: requirements undertaken in the sentence just before, in the same block ("乙方应当配合网络安全审查；但对于
    #: 源代码，乙方有权拒绝提供"): a refusal of what the review asks for is a rider on that undertaking
    continues: frozenset[str] = frozenset()
    #: (requirement, element) pairs whose object an earlier sentence of the clause, or its heading, names in full:
    #: the element's anaphors ("the review", 审查工作) name that object here
    antecedents: frozenset[tuple[str, str]] = frozenset()
    #: terms naming an element's object that the contract defines as something narrower (frames.narrowed_terms)
    narrowed: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    #: the document's sentences that keep clauses they name by number in force after it ends ("期满后，第四条
    #: 继续有效", frames.yaml ``survival_statements``): an undertaking bound to the term in a clause they leave out
    #: lapses while the others run on
    survivals: tuple[str, ...] = ()
    #: the document is an undertaking the supplier gives (its title says 承诺书, Letter of Undertaking): a plain
    #: statement by the supplier in it ("我司不利用…", "本厂商不中断…") is one of its promises
    instrument: bool = False


def _pronoun_objects(s: Sentence, rid: str, element_ids: list[str], objs: dict[str, list[Hit]]) -> None:
    """A pronoun right after a forbidden act names the objects the sentence named before it ("shall provide the
    Hosted Services and the Support Services … and shall not suspend either", "…and shall not interrupt them during
    that period"; frames.yaml ``object_pronouns``): each of those objects is the act's too."""
    rx = frames_words(s.library, "object_pronouns", s.unit.lang)
    if rx is None:
        return
    for act in s.get(f"{rid}:forbidden"):
        m = rx.match(s.text, act.end)
        if m is None:
            continue
        for el in element_ids:
            if any(o.end <= act.start for o in objs.get(el, [])) and not any(o.start >= act.end for o in objs.get(el, [])):
                objs[el].append(Hit(f"{rid}:obj:{el}", m.start(), m.end(), m.group(0)))


def _anaphor_gap(library: Library, lang: str) -> re.Pattern[str]:
    """What may stand between a duty's act and the anaphor naming its object (frames.yaml ``anaphor_gaps``): a run
    of those words, and no clause end (cached per library)."""
    key = (library.key, "anaphor_gaps", lang)
    if key not in _COMMON_RX:
        words = sorted(library.frames.get("anaphor_gaps", {}).get(lang, ()), key=len, reverse=True)
        alts = "|".join(re.escape(w) for w in words) or "(?!)"
        _COMMON_RX[key] = (re.compile(rf"(?:\s+(?:{alts})\b)*(?:\s+[a-z-]+\s+(?:or|and|and/or))?\s*", re.IGNORECASE)
                           if lang == "en" else re.compile(rf"(?:[\u4e00-\u9fff]{{0,14}}?(?:的|之)|(?:{alts}){{0,6}})"))
    return _COMMON_RX[key]  # type: ignore[no-any-return]


#: the reason detail of a statement weak for its missing binding modal alone (report/messages.py words it for a reader)
NO_MODAL = "a statement without a binding modal"


@dataclass(slots=True)
class Assessment:
    """What one unit says about one requirement."""

    requirement: str
    kind: str  # undertaking | contradiction | near-miss
    unit: Unit
    quality: str = "satisfied"  # satisfied | weak (undertakings)
    elements: set[str] = field(default_factory=set)
    reasons: list[Reason] = field(default_factory=list)
    highlights: list[tuple[int, int]] = field(default_factory=list)
    score: float = 0.0  # near-miss closeness
    detail: str = ""
    frame: Any = None  # frames.Frame: the reading part by part
    # other sentences read with the undertaking that made it weak (a later sentence of its clause, a definition of a term
    # it uses, an exception item, a cap elsewhere), each with where its weakening words are: quoted as evidence (role
    # "rider"), so every word a weak verdict names can be found in what the report quotes
    weakened_by: list[tuple[Unit, list[tuple[int, int]]]] = field(default_factory=list)


class Analyzer:
    """Matchers compiled from the library for one language."""

    def __init__(self, library: Library, lang: str):
        from spacy.matcher import PhraseMatcher

        self.library = library
        self.lang = lang
        self.nlp = get_nlp(lang)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LEMMA" if lang == "en" else "ORTH")
        self.regexes: list[tuple[str, re.Pattern[str]]] = []
        self._recent: dict[str, list[Hit]] = {}
        common = library.common
        cats: dict[str, tuple[str, ...]] = {}
        for kind in MODAL_KINDS:
            cats[f"modal:{kind}"] = common["modals"][kind][lang]
        for key in _COMMON_CATS:
            cats[key] = common[key][lang] if key in common else ()
        cats["both"] = common["roles"]["both"][lang]
        cats["pronoun"] = common["roles"]["pronouns"][lang]
        for req in library.requirements:
            for key, lex in req.lexicon.items():
                cats[f"{req.id}:{key}"] = lex[lang]
            if req.supply_grounds:  # the shared grounds for a pause, read as this requirement's own justifications
                cats[f"{req.id}:justifications"] = (*cats[f"{req.id}:justifications"], *common["supply_grounds"][lang])
            for el in req.elements:
                cats[f"{req.id}:obj:{el.id}"] = el.objects[lang]
                cats[f"{req.id}:stand:{el.id}"] = el.stand_ins[lang]
                cats[f"{req.id}:anaphor:{el.id}"] = el.anaphors[lang]
                cats[f"{req.id}:stated:{el.id}"] = el.statements[lang]
                cats[f"{req.id}:owned:{el.id}"] = el.owned[lang]
        for cat, phrases in cats.items():
            literal = [p for p in phrases if not p.startswith("re:")]
            for p in phrases:
                if p.startswith("re:"):
                    self.regexes.append((cat, phrase_pattern(p[3:], lang)))
            if literal:
                if lang == "en":
                    docs = list(self.nlp.pipe([p.lower() for p in literal]))
                else:
                    docs = [self.nlp.make_doc(p) for p in literal]
                self.matcher.add(cat, docs)

    def hits(self, text: str) -> list[Hit]:
        """All library hits in ``text`` (offsets into ``text``); the last few texts are remembered, because a
        sentence is read again as the rider of the one before it."""
        cached = self._recent.get(text)
        if cached is not None:
            return [Hit(h.cat, h.start, h.end, h.text) for h in cached]
        found = self._hits(text)
        if len(self._recent) >= 8:
            self._recent.pop(next(iter(self._recent)))
        self._recent[text] = found
        return [Hit(h.cat, h.start, h.end, h.text) for h in found]

    def _hits(self, text: str) -> list[Hit]:
        lowered = text.lower() if self.lang == "en" else text
        if len(lowered) != len(text):
            lowered = text
        doc = self.nlp(lowered)
        out: list[Hit] = []
        strings = self.nlp.vocab.strings
        for match_id, s, e in self.matcher(doc):
            span = doc[s:e]
            out.append(Hit(strings[match_id], span.start_char, span.end_char, text[span.start_char:span.end_char]))
        for cat, rx in self.regexes:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    out.append(Hit(cat, m.start(), m.end(), m.group(0)))
        return out


_ANALYZERS: dict[tuple[Any, ...], Analyzer] = {}


def get_analyzer(library: Library, lang: str) -> Analyzer:
    key = (library.key, lang)
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        analyzer = Analyzer(library, lang)
        _ANALYZERS[key] = analyzer
    return analyzer


class PartyPattern:
    """One party's words matched as a single alternation would match them (at each position the longest word),
    from two compiled parts: the role words the library gives every contract ("the Supplier", 乙方), compiled
    once, and the names this contract gives its parties, compiled for it. Compiling every contract's names
    into one expression with the role words, case-folding the same English role words again each time, cost
    7% of the matcher's CPU on the development corpus."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[re.Pattern[str], ...]):
        self.parts = parts

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        best: re.Match[str] | None = None
        for rx in self.parts:
            m = rx.search(text, pos, end)
            if m is not None and (best is None or m.start() < best.start()
                                  or (m.start() == best.start() and m.end() > best.end())):
                best = m
        return best

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        while pos <= end:
            m = self.search(text, pos, end)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1


def party_regex(party: Party, lang: str) -> re.Pattern[str] | PartyPattern | None:
    """One alternation of a party's labels and name (cached, a bounded number of parties)."""
    words = {w for ws in party.labels.values() for w in ws} | ({party.name} if party.name else set())
    return _party_pattern(lang, tuple(sorted(words)))


@functools.lru_cache(maxsize=4096)
def _party_pattern(lang: str, words: tuple[str, ...]) -> re.Pattern[str] | PartyPattern | None:
    vocabulary = _role_vocabulary()
    common = tuple(w for w in words if w.lower() in vocabulary)
    own = tuple(w for w in words if w.lower() not in vocabulary)
    parts = tuple(rx for rx in (_words_regex(lang, common), _words_regex(lang, own)) if rx is not None)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else PartyPattern(parts)


@functools.lru_cache(maxsize=1)
def _role_vocabulary() -> frozenset[str]:
    """Every word the built-in library's roles section lists (lower-cased): the words most parties share."""
    from ..library import load_library

    out: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, str):
            out.add(node.lower())
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)

    try:
        walk(load_library().common.get("roles", {}))
    except Exception:  # a library that cannot load only costs speed here
        return frozenset()
    return frozenset(out)


@functools.lru_cache(maxsize=8192)
def _words_regex(lang: str, words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    parts = []
    for w in sorted(words, key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"\s+")
        parts.append(rf"(?<![A-Za-z]){esc}(?![a-z])" if w.isascii() else esc)
    return re.compile("|".join(parts), re.IGNORECASE if lang == "en" else 0)


def party_hits(text: str, roles: Roles, analyzer_hits: list[Hit], lang: str) -> list[Hit]:
    """Supplier/buyer/both/pronoun mentions, longest first, never overlapping."""
    raw: list[Hit] = []
    for side, party in (("supplier", roles.supplier), ("buyer", roles.buyer)):
        rx = party_regex(party, lang)
        if rx:
            raw += [Hit(f"party:{side}", m.start(), m.end(), m.group(0)) for m in rx.finditer(text)]
    for side, words in roles.presumed.items():  # 乙方 / "we" by convention only: see assess()
        rx = party_regex(Party(labels={lang: words[lang]}), lang) if words.get(lang) else None
        if rx:
            raw += [Hit(f"party:presumed_{side}", m.start(), m.end(), m.group(0)) for m in rx.finditer(text)]
    if lang == "zh":  # 其他機關, 主管機關: someone else than the party the role word labels
        raw = [h for h in raw if not text.endswith(zh.NOT_THIS_PARTY, 0, h.start)]
    raw += [Hit("party:both", h.start, h.end, h.text) for h in analyzer_hits if h.cat == "both"]
    raw += [Hit("party:pronoun", h.start, h.end, h.text) for h in analyzer_hits if h.cat == "pronoun"]
    raw.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in raw:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def _longest(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if not any(o is not h and o.contains(h) for o in hits)]


#: a negation right before a grant word ("未授权", "未经授权", "没有授权", "not having authorised")
_DENIED_BEFORE = {"zh": re.compile(r"(?:未经?|没有|尚未|未予|并未)$"),
                  "en": re.compile(r"\b(?:has|have)\s+not\s+(?:yet\s+)?$", re.IGNORECASE)}


_DENIAL_WORDS = frozenset({"未", "未经", "没有", "尚未", "并未"})


class Sentence:
    """All hits of one unit, cleaned: the shared facts every requirement reads."""

    def __init__(self, unit: Unit, hits: list[Hit], parties: list[Hit], library: Library):
        self.unit = unit
        self.text = unit.text
        self.parties = parties
        self.library = library
        # a modal word inside a longer topic phrase belongs to the topic ("Should the Purchaser file …, the Supplier
        # shall": an inverted condition, not a hedge)
        topics = [h for h in hits if h.cat == "topics"]
        hits = [h for h in hits if not (h.cat.startswith("modal:") and any(
            t.start <= h.start and h.end <= t.end and (t.start, t.end) != (h.start, h.end) for t in topics))]
        by: dict[str, list[Hit]] = {}
        for h in hits:
            by.setdefault(h.cat, []).append(h)
        self.by = by
        blockers = [h for h in hits if not h.cat.startswith("modal:") and h.cat not in _NON_BLOCKING]
        blockers += [p for p in parties if p.cat != "party:pronoun"]
        def blocked(h: Hit) -> bool:
            return any(b.overlaps(h) and not h.contains(b) and (b.start, b.end) != (h.start, h.end)
                       and not (b.start <= h.start and h.end <= b.end and b.cat in ("overrides",))
                       for b in blockers)

        # blocked modals go first, so "可" survives when "可自行" is cut by the carve-out "自行决定"
        modals = _longest([h for h in hits if h.cat.startswith("modal:") and not blocked(h)])
        # equal spans in two modal kinds: keep the first kind in MODAL_KINDS order
        seen: dict[tuple[int, int], Hit] = {}
        for h in sorted(modals, key=lambda h: MODAL_KINDS.index(h.cat[6:])):
            seen.setdefault((h.start, h.end), h)
        ordered = sorted(seen.values(), key=lambda h: (h.start, h.start - h.end))
        # partly overlapping modals ("不得以任何方式": 不得 / 得以): the one read first wins
        self.modals = []
        for h in ordered:
            if not (self.modals and h.overlaps(self.modals[-1])):
                self.modals.append(h)
        # "不得缓存、保存、使用或向他人披露或授权他人使用", "shall not collect, use or authorise others to use": a
        # grant coordinated under a prohibition is one more forbidden act, not a right
        self.modals = [m for i, m in enumerate(self.modals)
                       if not (m.cat == "modal:grant" and i and self.modals[i - 1].cat == "modal:prohibition"
                               and _COORDINATED[unit.lang].fullmatch(self.text, self.modals[i - 1].end, m.start))]
        # "乙方不得在甲方未授权的情况下访问", "without the Customer having authorised": a grant that is denied is the
        # lack of consent, a lawful-basis condition, not a right
        buyers = [p for p in parties if p.cat == "party:buyer"]

        def denied(pos: int) -> bool:  # the buyer's consent denied right before ``pos``: "甲方未授权"
            m = _DENIED_BEFORE[unit.lang].search(self.text, max(0, pos - 12), pos)
            return m is not None and any(0 <= m.start() - b.end <= 1 for b in buyers)

        self.modals = [m for m in self.modals if not (m.cat == "modal:grant" and denied(m.start))]
        # "shall not establish any means by which it may control …": the "may" of a relative clause inside a
        # prohibition names what the banned thing would allow, not a right
        self.modals = [m for i, m in enumerate(self.modals)
                       if not (m.cat == "modal:permission" and unit.lang == "en"
                               and _HYPOTHETICAL.search(self.text, max(0, m.start - 80), m.start)
                               and any(p.cat == "modal:prohibition" for p in self.modals[:i]))]
        # "就客户须接受之网络安全审查提供协助", "乙方应提交的资料": the modal of an attributive clause describes the
        # noun after 之/的 (a duty of whoever it names, often the buyer's), it binds no one in this sentence
        if unit.lang == "zh":
            # (not 毋须 / 无须 "need not": the modal negated is a release; not a modal before a preposition, "须就…")
            # (the buyer named right before the modal: "必须知悉的职员" is a need-to-know, read as before)
            # (…or after a release in the same clause: "并无责任就最终用户须接受之审查提供协助")
            releases = [h for h in hits if h.cat == "modal:negated_obligation"]

            auxiliaries = frames_words(library, "attributive_modals", "zh")

            def attributive(m: Hit) -> bool:
                if m.cat != "modal:obligation" or auxiliaries is None or not auxiliaries.fullmatch(m.text) \
                        or _NEGATED_BEFORE.search(self.text, 0, m.start):
                    return False
                if not _ATTRIBUTIVE.match(self.text, m.end):
                    return False
                return any(0 <= m.start - b.end <= 4 and _ADVERBS.fullmatch(self.text, b.end, m.start) for b in buyers) \
                    or any(r.end <= m.start and not _CLAUSE_END.search(self.text, r.end, m.start) for r in releases)

            self.modals = [m for m in self.modals if not attributive(m)]
        others = [h for h in hits if h.cat != "negations"] + self.modals + parties
        consents = [h for h in hits if h.cat in ("consent_words", "modal:grant")]
        self.negations = [h for h in by.get("negations", []) if not any(o.overlaps(h) for o in others)
                          and not (h.text in _DENIAL_WORDS and any(0 <= c.start - h.end <= 1 and denied(c.start)
                                                                   for c in consents))]
        # (未授权, 没有同意: no consent given; but "乙方不同意配合…" refuses the act)
        self.scopes: dict[tuple[int, int], tuple[int, int]] = {}

    def get(self, cat: str) -> list[Hit]:
        return self.by.get(cat, [])

    def any(self, *cats: str) -> list[Hit]:
        return [h for c in cats for h in self.by.get(c, [])]


#: an illustrative aside between a nominal act and the duty that binds it ("Full cooperation …, including the timely
#: provision of documents and the attendance of personnel, is a continuing obligation of", "全面配合（包括提供文件、
#: 解答查询）乃供应商…之持续责任", "全面配合…审查，包括及时提供…信息，是供应商的持续义务"): it only says what the act
#: includes, so it does not part the two
_ILLUSTRATION = re.compile(r",\s*(?:including|such as|in particular|for example|namely)\b[^;.]*,\s*|[（(]\s*(?:包括|含|例如|including|such as)[^）)]*[）)]"
                           r"|[，,]\s*(?:包括但不限于|包括|含|例如|诸如)[^，,。；;]{1,60}[，,]", re.IGNORECASE)


#: a comma inside an English series ("passengers, staff or operations", "any cybersecurity review, national
#: security review or related inquiry"): it joins items of one noun phrase, it does not end a clause
_SERIES_COMMA = re.compile(r",(?=\s*[^,;.。；:]{1,40}?(?:,|\s(?:and|or|nor)\s))", re.IGNORECASE)


def _one_clause(text: str) -> bool:
    """Whether ``text`` (English, between two parts of one predicate) holds no clause break once its illustrative
    asides and the commas of its series are set aside."""
    return not _CLAUSE_BREAK.search(_SERIES_COMMA.sub("", _ILLUSTRATION.sub("", text)))


def _illustration_length(text: str) -> int:
    return sum(len(m.group(0)) for m in _ILLUSTRATION.finditer(text))


def _passive_modal_after(s: Sentence, act: Hit) -> Hit | None:
    """A nominal act governed by a later passive modal: "Full cooperation … shall be given by the Contractor"."""
    if s.unit.lang == "zh":
        # "配合网络安全审查是乙方在本合同项下的一项持续性义务", "审查之全面配合，为承包人之持续义务": the party right
        # after 是/为 bears the nominal act as its duty (the library's obligation modal checks the 的义务 that follows)
        for m in s.modals:
            if m.start >= act.end and m.text in ("是", "为", "系", "乃") \
                    and not re.search(r"[。；;]", s.text[act.end:m.start]) \
                    and m.start - act.end - _illustration_length(s.text[act.end:m.start]) <= 30:
                # (其 for the supplier named before the act: "供应商对网络安全审查的全面配合，是其…的一项持续性义务")
                named = any(p.cat == "party:supplier" and p.end <= act.start for p in s.parties)
                if any(0 <= p.start - m.end <= 1 and (p.cat != "party:pronoun" or (named and p.text == "其"))
                       for p in s.parties):
                    return m
                break
        # "网络安全审查的配合工作由甲方负责": a nominal act whose agent follows with 由 and binds itself after it
        for m in s.modals:
            if m.start >= act.end:
                between = s.text[act.end:m.start]
                if _CLAUSE_BREAK.search(between) or "由" not in between:
                    return None
                return m if any(act.end <= p.start and p.end <= m.start and s.text[p.start - 1:p.start] == "由"
                                for p in s.parties) else None
        return None
    if s.unit.lang != "en":
        return None
    for m in s.modals:
        # "No suspension of deliveries shall be made by the Seller", "No remote access to, or control over, any
        # Purchaser System shall be exercised by the Supplier": the nominal act inside "no … shall be", carried out
        # by a light verb whose agent follows
        if m.cat == "modal:prohibition" and m.start < act.start and act.end <= m.end \
                and re.match(r"no\b", m.text, re.IGNORECASE) and _LIGHT_PASSIVE.match(s.text, m.end):
            return m
    for m in s.modals:
        between = s.text[act.end:m.start]
        if m.start >= act.end and re.search(r"\bof$", m.text, re.IGNORECASE) and _NOMINAL_SUBJECT.fullmatch(between):
            # "Uninterrupted supply of the System, spare parts and licences, and of the necessary technical support,
            # for the Design Life is a fundamental obligation of the Contractor": one subject, however many commas
            return m
        if m.start >= act.end and _one_clause(between):
            if re.search(r"\bof$", m.text, re.IGNORECASE):
                return m  # "Full cooperation … is a continuing obligation of the Contractor"
            tail = s.text[m.end:m.end + 60]
            if re.match(r"\s+be\s+(?:\w+ly\s+)?\w+(?:ed|en|n)\s+by\b", tail, re.IGNORECASE):
                return m
            return None
    return None


#: the rest of a nominal subject before "is a … obligation of": its commas join items and complements, and no
#: verb, condition or second clause stands in it ("…, and of the necessary technical support, for the Design Life")
_NOMINAL_SUBJECT = re.compile(r"(?:(?!\b(?:shall|will|must|may|might|can|could|should|would|is|are|was|were|be|been|"
                              r"if|unless|but|except|save|provided|subject|whereas|when|where|which|who)\b)[^;.])*",
                              re.IGNORECASE)


#: a light verb in the passive with its agent: the act is the noun before it ("shall be made by the Seller")
#: a relative clause naming what something would allow ("any means by which it may", "a function whereby the
#: Vendor could")
#: a verb of one to three characters closed by 之/的 before a noun: the modal before it opens an attributive clause
_ATTRIBUTIVE = re.compile(r"(?:依法|依规|另行)?(?![就对向为与在按依将把从于以由给同和跟经])[\u4e00-\u9fff]{1,3}?(?:之|的)"
                          r"(?![后前时外内际])[\u4e00-\u9fff]")
#: adverbs between the buyer and its modal ("客户依法须接受之", "客户可能须接受之")
_ADVERBS = re.compile(r"(?:依法|依规|可能|亦|均|所|将|或将|另行)*")
_CLAUSE_END = re.compile(r"[，,。；;：:]")
_NEGATED_BEFORE = re.compile(r"[不毋无未没非免]$")
_HYPOTHETICAL = re.compile(r"\b(?:(?:by|through|with|via|under|from)\s+which|whereby|that\s+would\s+allow)\s+"
                           r"(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE)
_LIGHT_PASSIVE = re.compile(r"\s+(?:\w+ly\s+)?(?:made|effected|exercised|carried\s+out|undertaken|performed|taken|established|"
                            r"opened|obtained|gained|issued|sent|executed|pushed|"
                            r"caused|done|implemented|initiated|attempted)\s+by\b", re.IGNORECASE)


def _governing_modal(s: Sentence, pos: int) -> Hit | None:
    best = None
    for m in s.modals:
        if m.end <= pos:
            best = m
    return best


_FLIP = {"do": "not", "not": "do", "may": "need-not", "bare-not": "do", "try": "try-not", "try-not": "try", "need-not": "need-not"}
_BASE = {"obligation": "do", "prohibition": "not", "permission": "may", "grant": "may", "negated_obligation": "need-not",
         "non_binding": "try"}


def _statement_negation(library: Library, lang: str) -> re.Pattern[str] | None:
    """The negation of a plain statement, ending right before the act (library ``statement_negations``)."""
    key = (library.key, "statement_negations$", lang)
    cache = _COMMON_RX.get(key, False)
    if cache is False:
        rx = phrase_regex(library.common.get("statement_negations", {}).get(lang, ()), lang)
        # (the act may be a later one of coordinated verbs the negation governs: "本公司不以任何方式控制或操纵")
        series = _STATEMENT_SERIES.get(lang, "")
        cache = _COMMON_RX[key] = re.compile(f"(?:{rx.pattern}){series}$", rx.flags) if rx else None
    return cache  # type: ignore[return-value]


#: verbs coordinated after a statement's negation, before the act read: "不…控制或操纵", "不收集、取得或外流"
_STATEMENT_SERIES = {"zh": r"(?:[\u4e00-\u9fff]{1,4}?(?:、|或者|或|和|及|以及))*",
                     "en": r"(?:[a-z]+(?:,\s+|\s+(?:or|and|nor)\s+))*"}


def stance(s: Sentence, modal: Hit | None, action: Hit) -> str:
    if modal is None:
        # a plain statement "服务商不参与审查" / "the Supplier does not take part": a declaration, not a promise
        head = s.text[max(0, action.start - 24):action.start]
        rx = _statement_negation(s.library, s.unit.lang)
        return "bare-not" if rx is not None and rx.search(head) else "none"
    value = _BASE[modal.cat[6:]]
    if value == "try" and any(m.cat in ("modal:permission", "modal:grant") and 0 <= modal.start - m.end <= 2
                              for m in s.modals):
        value = "may"  # "有权视需要随时停止", "可酌情宣布停产": a hedge right after a right qualifies no duty; the right governs
    elif value == "try" and (any(n.start >= modal.start and n.end <= modal.end for n in s.get("negations"))
                           or any(0 <= modal.start - n.end <= 6 for n in s.negations)
                           # "将尽量避免": the negation swallowed by a longer overlapping modal phrase
                           or any(0 <= n.start - modal.end <= 1 and n not in s.negations and not action.start <= n.start < action.end
                                  for n in s.get("negations"))):
        value = "try-not"  # 一般不会 / will generally not / does not intend to
    elif value == "try" and any(m.cat == "modal:prohibition" and 0 <= modal.start - m.end <= 2 for m in s.modals):
        value = "try-not"  # "will not normally suspend": the prohibition right before the hedge
    if value == "do" and any(n.end <= modal.start and n.text.lower().removesuffix(" of") in ("no", "neither", "none")
                             and (_one_clause(s.text[n.end:modal.start]) if s.unit.lang == "en"
                                  else not _CLAUSE_BREAK.search(s.text[n.end:modal.start])) for n in s.negations):
        value = "not"  # "no firmware … will transmit", "neither the Products nor … will be used", "none of its
        # Affiliates will"
    elif value == "do" and any(0 <= modal.start - n.end <= 2 and not _CLAUSE_BREAK.search(s.text[n.end:modal.start])
                             for n in s.negations):
        value = "need-not"  # "乙方不保证配合", "does not undertake to": the duty is refused, not promised
    if (value == "not" and s.unit.lang == "zh" and action.cat.endswith(":duty")
            and _COORDINATED_DUTY.search(s.text, modal.end, action.start)):
        value = "do"  # "不得披露，并对其员工的泄密行为承担责任": a further duty after the prohibition, not under it
    # "it shall: (a) not, and procure that its personnel do not, collect …": the item's "not" right after the lead-in's
    # modal makes it a prohibition, and the restated "do not" after the comma is read as with "shall not, and …"
    first = next((n for n in s.negations if n.start >= modal.end and n.text.lower() == "not"
                  and _ITEM_GAP.fullmatch(s.text, modal.end, n.start)), None)
    if value == "do" and first is not None and s.unit.lang == "en":
        value = "not"
    negs = 0
    neither = False
    # "应确保其分包商不利用…便利，非法获取…，不非法控制…": each coordinated clause with a negation of its own is
    # negated once; a negation of an earlier clause does not reach an act whose own clause has one
    own_start = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, modal.end, action.start)), default=modal.end)
    own = any(own_start <= n.start and n.end <= action.start for n in s.negations)
    cause = frames_words(s.library, "cause_openings", s.unit.lang)
    for n in s.negations:
        if (own and n.start < own_start) or (n is first and value == "not"):
            continue
        if cause is not None and cause.fullmatch(s.text, n.end, action.start):
            continue  # "不因配合审查承担额外费用": the act is the cause, and the negation reaches the verb after it
        if modal.end <= n.start and n.end <= action.start:
            if n.text.lower() == "nor" and neither:
                continue  # "neither it nor its affiliates collect": one negation
            neither = neither or n.text.lower() == "neither"
            if value == "not" and _CLAUSE_BREAK.search(s.text[modal.end:n.start]):
                continue  # "承诺不设置后门，不以任何方式控制": a restated prohibition, not a double negative
            if any(c.end <= n.start and not _CLAUSE_BREAK.search(s.text[c.end:n.start]) and c.start >= modal.end
                   for c in s.get("conditions")):
                continue  # "承担因其不配合而导致的责任", "if it fails to": a condition, not the promise
            negs += 1
    if negs % 2:
        value = _FLIP[value]
    return value


#: what stands between a lead-in's modal and the negation opening its item: the colon and the item's label
_ITEM_GAP = re.compile(r"\s*(?:[:：]\s*(?:\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s*)?|\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s*)")

#: a clause that joins a further duty to a prohibition (，并 / ，并且 / ，同时 / ，且)
_COORDINATED_DUTY = re.compile(r"[，,]\s*(?:并且|并|同时|且)")


def _possessive(text: str, hit: Hit, lang: str, library: Library | None = None) -> bool:
    """The party owns what follows it ("the Customer's", 甲方的) — or, given the library, is a pronoun that owns the
    noun after it (frames.yaml ``possessive_pronouns``: "we shall not, and shall ensure that our personnel shall not":
    "our" owns the personnel, and "we" are bound)."""
    if library is not None and (rx := frames_words(library, "possessive_pronouns", lang)) is not None \
            and rx.fullmatch(text, hit.start, hit.end):
        return True
    after = text[hit.end:hit.end + 2]
    if lang == "en":
        return after.startswith(("'s", "’s", "'", "’"))
    return after.startswith(("的", "之"))  # 之 is the possessive of TW/HK contracts (廠商之母公司)


_OWNED = re.compile(r"(?:(?:'s|’s|'|’)\s+|[的之]\s*)\w")


def _agent(s: Sentence, action: Hit, lang: str) -> Hit | None:
    if lang == "en" and _PASSIVE_BEFORE.search(s.text, max(0, action.start - 30), action.start):
        # only a passive verb takes an agent: "shall not be collected by the Vendor", not "initiated by the Client"
        for p in s.parties:
            if p.start >= action.end and p.start - action.end <= 80:
                between = s.text[action.end:p.start]
                if re.search(r"\bby(?:\s+or\s+on\s+behalf\s+of)?(?: the)?\s*$", between, re.IGNORECASE) \
                        and not re.search(r"[;；。]", between):
                    return p
    if lang == "en":
        # "No suspension of deliveries shall be made by the Seller": the agent of the light verb after the modal
        for m in s.modals:
            if m.start < action.start and action.end <= m.end and (tail := _LIGHT_PASSIVE.match(s.text, m.end)):
                for p in s.parties:
                    if re.fullmatch(r"\s*(?:the\s+)?", s.text[tail.end():p.start], re.IGNORECASE):
                        return p
    if lang == "zh":
        for p in s.parties:
            if s.text[max(0, p.start - 1):p.start] not in ("由", "被"):
                continue
            between = s.text[p.end:action.start] if p.end <= action.start else s.text[action.end:p.start]
            if not _CLAUSE_BREAK.search(between):  # "由乙方负责配合" / "是否配合…由乙方自行决定"
                return p
    return None


_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_PREP_BEFORE = {"en": re.compile(r"\b(?:to|with|by|for|of|from|against|towards|toward|on behalf of)\s+(?:the\s+)?$",
                                 re.IGNORECASE),
                # (and after a verb of telling: "经提前十二个月书面通知买方，可以停止" - the buyer is told, the seller may stop)
                "zh": re.compile(r"(?:向|对|与|和|给|为|由|被|经|同|于|就|通知|告知|催告|函告|知会|通报|提醒)$")}


def _after_preposition(s: Sentence, hit: Hit) -> bool:
    """"undertakes to the Owner that it …": a party named after a preposition (or a verb of telling) is not the
    subject."""
    return bool(_PREP_BEFORE[s.unit.lang].search(s.text, max(0, hit.start - 20), hit.start))


def _in_condition(s: Sentence, party: Hit, limit: int) -> bool:
    """The party stands inside a condition wrapped round it ("仅在甲方…时，", library ``in_conditions``)."""
    key = (s.library.key, "in_conditions", s.unit.lang)
    cache = _COMMON_RX.get(key, False)
    if cache is False:
        words = s.library.common.get("in_conditions", {})
        opens = phrase_regex(words.get("opens", {}).get(s.unit.lang, ()), s.unit.lang)
        closes = phrase_regex(words.get("closes", {}).get(s.unit.lang, ()), s.unit.lang)
        cache = _COMMON_RX[key] = (re.compile(rf"(?:{opens.pattern})\s*$"),  # type: ignore[assignment]
                                   re.compile(rf"(?:{closes.pattern})(?:[，,]|\s*[方才{zh.BINDING_CHARS}])")) \
            if opens and closes else None
    if cache is None:
        return False
    opens_rx, closes_rx = cache  # type: ignore[misc]
    return bool(opens_rx.search(s.text, max(0, party.start - 4), party.start)
                and closes_rx.search(s.text, party.end, limit + 2))


#: what joins a subject to others before the modal: "供应商及上述人员不得", "乙方和其分包商应"
_COORDINATED_SUBJECT = re.compile(r"(?:及|和|与|以及|或)(?:其|上述|前述|该等)?[^，,。；;的之]{1,8}?(?:均|亦|也|都)?")

#: a Chinese clause number opening a paragraph: "第四条", "12.1", "3、"
_CLAUSE_NUMBER_ZH = r"第[一二三四五六七八九十百零\d]+条|\d{1,3}(?:\.\d{1,3})*[.、]?"

#: nothing but a clause or item number before a party: the party opens the sentence ("第四条 受托方…", "（二）乙方…")
_SENTENCE_OPENER = re.compile(
    rf"\s*(?:{_CLAUSE_NUMBER_ZH}|[（(][一二三四五六七八九十\d]{{1,3}}[)）]|[一二三四五六七八九十]{{1,3}}、)?\s*")


#: the opening of an exception or condition clause before a position: "，非因甲方…", "，如甲方…"
_FRAME_OPENING_ZH = re.compile(
    rf"(?:^\s*(?:{_CLAUSE_NUMBER_ZH})?|[，,：:；;])\s*"
    rf"(?:{'|'.join(sorted({*zh.EXCEPTION_FRAME[0], *zh.CONDITION_OPENERS}, key=len, reverse=True))})[^，,。；;：:]*$")


def subject(s: Sentence, modal: Hit | None, action: Hit, lang: str) -> tuple[str | None, Hit | None]:
    """Side bound by the predicate (supplier/buyer/both) and the party hit, if any."""
    light = _LIGHT_PASSIVE.match(s.text, modal.end) if (
        modal is not None and lang == "en" and modal.cat == "modal:prohibition" and modal.start < action.start
        and re.match(r"no\b", modal.text, re.IGNORECASE)) else None
    if light is not None:  # "No remote access to … any Purchaser System shall be exercised by or on behalf of the Supplier"
        agent = [p for p in s.parties if p.start >= light.end() and re.fullmatch(r"\s*(?:or\s+on\s+behalf\s+of\s+)?(?:the\s+)?",
                                                      s.text[light.end():p.start], re.IGNORECASE)]
        if agent:
            return _resolve(s, agent[0])
    if modal is not None and modal.start >= action.end:  # "… shall be given by the Contractor"
        of = bool(re.search(r"\bof$", modal.text, re.IGNORECASE))  # "… is an obligation of the Contractor"
        for p in s.parties:
            between = s.text[modal.end:p.start]
            if 0 <= p.start - modal.end <= 40 and (re.search(r"\bby(?: or on behalf of)?(?: the)?\s*$", between, re.I)
                                                 or (of and re.fullmatch(r"\s*(?:the\s+)?", between, re.I))):
                return _resolve(s, p)
    if modal is not None and modal.start >= action.end and lang == "zh":  # "配合审查是乙方…的义务"
        after = [p for p in s.parties if 0 <= p.start - modal.end <= 1]
        if after:
            return _resolve(s, after[0])
    agent = _agent(s, action, lang)
    if agent is not None:
        return _resolve(s, agent)
    met = _demand_met(s, modal, action)
    if met is not None:
        return _resolve(s, met)
    if modal is not None and modal.cat == "modal:grant":  # the grantee: "the Owner authorises the Contractor to"
        grantee = [p for p in s.parties if modal.end <= p.start and p.end <= action.start
                   and not _possessive(s.text, p, lang, s.library)]
        if grantee:
            return _resolve(s, grantee[0])
    if modal is not None and modal.cat == "modal:permission" and lang == "zh":
        # "机关同意厂商于期满后，得保存并利用…": the right the grant leads into is the grantee's, when no other party
        # stands between the grantee and the right (in English "The Customer authorises … and may retain" is the
        # Customer's own right)
        grant = next((g for g in reversed(s.modals) if g.cat == "modal:grant" and g.end <= modal.start
                      and not re.search(r"[。；;]", s.text[g.end:modal.start])), None)
        named = [p for p in s.parties if grant is not None and grant.end <= p.start and p.end <= modal.start
                 and not _possessive(s.text, p, lang, s.library)] if grant is not None else []
        if named and named[0].start - grant.end <= 1 and all(p.cat == named[0].cat for p in named):
            return _resolve(s, named[0])
    limit = modal.start if modal else action.start
    owner = [p for p in s.parties if p.end <= action.start and _possessive(s.text, p, lang, s.library)
             and re.fullmatch(r"(?:'s|’s|'|’|的)\s?", s.text[p.end:action.start])]
    if owner and (modal is None or modal.start >= action.end):
        return _resolve(s, owner[-1])  # "The Customer's participation … is voluntary": the act is the owner's
    before = [p for p in s.parties if p.end <= limit]
    # not "除为完成采购人书面确认的…以外", nor the owner named inside an object ("乙方对…甲方客户资料承担保密义务")
    free = [p for p in before if not _embedded(s, p) and not _inside_an_object(s, p)]
    plain = [p for p in free if not _possessive(s.text, p, lang, s.library)]
    bare = [p for p in plain if not _after_preposition(s, p)]
    pick = (bare or plain or free or before or [None])[-1]
    if pick is not None and not plain and _possessive(s.text, pick, lang, s.library) \
            and _OWNED.match(s.text, pick.end, limit):
        # "廠商之母公司應配合", "The Supplier's parent shall": the one bound is what the party owns, not the party
        # ("The Supplier's obligations include" binds the Supplier: there the modal follows the possessive)
        return None, None
    if pick is not None and _in_condition(s, pick, limit):
        # "乙方仅在甲方逾期付款时，方可暂停", "乙方在甲方提出要求时应…": the party inside the "在…时" condition is
        # not the one bound; the subject is the party before it
        earlier = [p for p in (bare or plain or free) if p.end <= pick.start and p is not pick]
        if earlier:
            pick = earlier[-1]
    elif pick is not None and lang == "zh" and _CLAUSE_BREAK.search(s.text, pick.end, limit):
        # "乙方不得擅自变更甲方信息系统的配置，不得篡改…": a clause without its own subject continues the last
        # party that stood as a subject (right before a modal), not one named inside an object
        # ("乙方对获知的甲方信息保密，不得披露": the party before 对 is the subject, 甲方 is inside its object)
        # ("供应商及上述人员不得获取…，不得控制…": the subject coordinated with those it answers for)
        subjects = [p for p in (bare or plain or free) if any(0 <= m.start - p.end <= 2 for m in s.modals)
                    or s.text.startswith(("对", "就"), p.end)
                    or any(_COORDINATED_SUBJECT.fullmatch(s.text, p.end, m.start) for m in s.modals if m.start > p.end)]
        opener = [p for p in (bare or plain) if _SENTENCE_OPENER.fullmatch(s.text, 0, p.start)]
        # (the owner a pronoun joins: "委托方及其用户的数据")
        owner = next((p for p in reversed(s.parties) if p.end <= pick.start
                      and s.text[p.end:pick.start] in ("及", "和", "与", "或", "以及")), pick) \
            if pick.cat == "party:pronoun" else pick
        if subjects and subjects[-1] is not pick:
            pick = subjects[-1]
        elif not subjects and opener and owner.cat == "party:buyer" and opener[0].cat == "party:supplier" \
                and any(opener[0].end <= m.start < min(owner.start, opener[0].end + 40)
                        for m in [*s.modals, *s.get("restrictive")]) \
                and not _modal_in_clause(s, owner.end) and not _FRAME_OPENING_ZH.search(s.text, 0, owner.start):
            # "受托方仅得于委托范围内处理委托方及其用户的数据，不得为自身目的收集": the party that opens the sentence
            # under a modal or an "only" is the subject its later clauses continue; the buyer named after a verb,
            # with no modal of its own, is inside an object
            pick = opener[0]
        elif not subjects and opener and opener[0] is not pick and _DE_CONDITION.search(s.text, 0, limit):
            # "甲方违反前款约定，致使乙方商业秘密被泄露的，应当赔偿乙方由此遭受的损失": a 的-condition opened by a party
            # runs up to the modal with no subject of its own; the party that opens it is the one bound
            pick = opener[0]
        elif _FRAME_OPENING_ZH.search(s.text, 0, pick.start):
            # "乙方在本合同期限内，非因甲方严重违约…，不得停止供货": a party inside an exception or a condition
            # clause is not the subject; the party before that clause is
            earlier = [p for p in (bare or plain or free) if p.end <= pick.start
                       and not _FRAME_OPENING_ZH.search(s.text, 0, p.start)]
            if earlier:
                pick = earlier[-1]
    if pick is None and modal is not None:  # 严禁承包人… / It is prohibited for the Vendor to …
        after = [p for p in s.parties if modal.end <= p.start and p.end <= action.start]
        plain_after = [p for p in after if not _possessive(s.text, p, lang, s.library)]
        pick = (plain_after or after or [None])[0]  # "nothing restricts the Licensor's right to"
    if pick is None:
        if _unnamed_first_person(s, limit):
            return None, None  # "本公司X系乙方的控股股东。本公司声明：本公司不会…": the writer, not the party named before
        return (s.unit.context_party, None) if s.unit.context_party else (None, None)
    # (a modal before the demand binds the one who demands: "Procurement shall ensure that every contract requires
    # the supplier to: (a) cooperate …", "采购部门应要求供应商…")
    if (pick.cat == "party:supplier" or _demanded_pronoun(s, pick, bare)) \
            and (modal is None or modal.start >= pick.end or _demand_after(s, modal, pick)) \
            and _demanded(s, pick) and not _complies(s, action):
        # "采购单位应要求厂商不得…", "each unit shall require the supplier not to …", a parent's "并要求其不得…": the
        # party is what a demand is made of; the one bound is whoever demands (the buyer, a parent, or nobody)
        demanders = [p for p in s.parties if p.end <= pick.start and p.cat != "party:supplier"
                     and not _possessive(s.text, p, lang, s.library)]
        return (demanders[-1].cat[6:], demanders[-1]) if demanders else ("buyer", None)
    return _resolve(s, pick)


def _unnamed_first_person(s: Sentence, limit: int) -> bool:
    """The writer speaks in the first person ("本公司", "we") before ``limit`` after introducing itself, earlier in
    the block, as a company related to a party ("本公司X系乙方的控股股东"; common.yaml ``roles.related_authors``):
    the sentence names its own subject, and the party named in the introduction does not carry to it."""
    roles, lang = s.library.common["roles"], s.unit.lang
    block = getattr(s.unit.sentence, "block", None)
    related = phrase_regex(roles.get("related_authors", {}).get(lang, ()), lang)
    if block is None or related is None or not related.search(block.text, 0, s.unit.sentence.start - block.start):
        return False
    rx = phrase_regex(roles.get("first_person", {}).get(lang, ()), lang)
    return rx is not None and any(not any(p.start < m.end() and m.start() < p.end for p in s.parties)
                                  for m in rx.finditer(s.text, 0, limit))


#: a condition closed by 的 right before the modal ("…被泄露的，应当")
_DE_CONDITION = re.compile(r"的[，,]\s*$")


def _modal_in_clause(s: Sentence, start: int) -> bool:
    """A modal stands between ``start`` and the end of its clause: a party before it may be the clause's subject."""
    end = _CLAUSE_BREAK.search(s.text, start)
    clause_end = end.start() if end else len(s.text)
    return any(start <= m.start < clause_end for m in s.modals)


def _others_only(s: Sentence, modal: Hit | None, act: Hit) -> str | None:
    """The persons the supplier answers for, named alone after "ensure that" / "procure that" / 确保 as the ones who
    must not act ("shall ensure that its subcontractors and their employees do not use any access … to obtain data",
    "应确保其分包商不得…"; frames.yaml ``others_only``): the promise covers their acts, not the supplier's own. None
    when the supplier is named among them ("ensure that it and its subcontractors do not", 乙方及其分包商) or binds
    itself first ("shall not, and shall ensure that its subcontractors do not, …", 乙方不得，并应确保其分包商不得)."""
    rx = frames_words(s.library, "others_only", s.unit.lang)
    if modal is None or rx is None:
        return None
    found = list(rx.finditer(s.text, 0, act.start))
    if not found:
        return None
    m = found[-1]
    # up to their own "do not" when it comes first: the act may end a list ("do not take control of, reconfigure
    # or interfere with"). (A Chinese comma after 不 may open a clause of another subject: "…不利用…便利条件，非法获取".)
    theirs = next((x.start for x in sorted([*s.modals, *s.negations], key=lambda h: h.start)
                   if m.end() <= x.start <= act.start), act.start) if s.unit.lang == "en" else act.start
    between = s.text[m.end():theirs]
    if any(m.end() <= p.start and p.end <= act.start and p.cat == "party:supplier" for p in s.parties) \
            or _CLAUSE_BREAK.search(between.rstrip(", ，")):
        return None
    brk = _CLAUSE_BREAK.search(s.text, theirs, act.start) if theirs < act.start else None
    if brk is not None and (own_shall := _OWN_SHALL.match(s.text, brk.end())) is not None and own_shall.end() <= act.start:
        return None  # "procure that its subcontractors do not retain Customer Data, and shall not take control of":
        # the second ban is the supplier's own ("…, and do not take control of" is still theirs)
    if any(x.end <= m.start() and x.cat == "modal:prohibition" for x in s.modals) \
            or any(x.end <= m.start() and _AND_ALSO.fullmatch(s.text, x.end, m.start()) for x in s.negations):
        return None  # "shall not, and shall ensure that its subcontractors do not" / "shall: (c) not, and ensure
        # that its subcontractors do not, …": its own acts are banned too
    # "it shall, and shall procure that its Subcontractors shall": a binding word of its own before the one that
    # governs the procuring
    # (in English only the words that join the two, or the same act: "shall cooperate with, and shall procure that
    # its Affiliates cooperate with, any review"; "shall keep a log …, and shall ensure that its subcontractors do
    # not" binds the supplier to the log, not to the ban)
    binding = [x for x in s.modals if x.end <= m.start() and x.cat in ("modal:obligation", "modal:prohibition")]
    if any(not _GOVERNS.fullmatch(s.text, x.end, m.start())
           and (s.unit.lang != "en" or _JOINED.fullmatch(s.text, x.end, m.start())
                or any(x.end <= h.start and h.end <= m.start() for h in s.get(act.cat))) for x in binding):
        return None
    own = frames_words(s.library, "own_personnel", s.unit.lang)
    if own is not None and any(not _later_in_list(s, m, o) for o in own.finditer(s.text, m.start(), act.start)):
        return None  # "ensure that its employees, affiliates and subcontractors do not": a company acts by its people
    return (m.group("who") if "who" in m.re.groupindex else m.group(0)).strip()


#: what joins the persons named after "ensure that" ("its subcontractors and their employees")
_LIST_JOIN = re.compile(r",|\band\b|\bor\b|及|和|、|以及|或")


#: a clause of the supplier's own after the subcontractors' one: its "shall", with "it" or nothing before it
_OWN_SHALL = re.compile(r"\s*(?:and\s+)?(?:it\s+|itself\s+)?(?:shall|must)\b", re.IGNORECASE)

#: between a binding word of the supplier's own and the "procure that" it joins ("it shall, and shall procure that")
_JOINED = re.compile(r"\s*,?\s*(?:and\s+)?(?:shall\s+|will\s+|must\s+)?(?:also\s+)?", re.IGNORECASE)

def _later_in_list(s: Sentence, m: re.Match[str], own: re.Match[str]) -> bool:
    """``own`` stands after the first of the persons named in ``m``'s ``who``, and that first is one subcontractor:
    "its personnel" in "each Subcontractor and its personnel" is the subcontractor's, not the supplier's. After "its
    subcontractors and its personnel" or "all subcontractors and its employees" a parallel or singular "its" is the
    supplier's own."""
    if "who" not in m.re.groupindex or m.group("who") is None:
        return False
    join = _LIST_JOIN.search(m.group("who"))
    one = frames_words(s.library, "one_other", s.unit.lang)  # frames.yaml: the first named is one subcontractor
    if join is None or one is None or not one.match(m.group("who")[:join.start()].strip()):
        return False
    return m.start("who") + join.start() <= own.start() < m.end("who")


#: between the supplier's own "not" and the "ensure that" joined to it ("(c) not, and ensure that …"; a Chinese
#: 不得 before 并确保 is a prohibition modal, checked with the modals)
_AND_ALSO = re.compile(r"\s*,?\s*(?:and\s+(?:shall\s+|will\s+)?)?", re.IGNORECASE)

#: what stands between a modal and the "ensure that" / 确保 it governs: nothing but an adverb
_GOVERNS = re.compile(r"\s*(?:[A-Za-z]+ly\s+)?|[\u4e00-\u9fff]{0,2}")


def _demand_after(s: Sentence, modal: Hit, party: Hit) -> bool:
    """The modal governs a demand word before the party ("shall ensure that every contract requires the supplier
    to", "应要求供应商"), not the party's own act: no other party stands between, and the party is not the one that
    opens the sentence's subject ("The Supplier shall ensure that the Supplier …" is not read so)."""
    if modal.end > party.start or modal.cat != "modal:obligation":
        return False  # ("Nothing in this Agreement shall oblige the Supplier to …" refuses; it demands nothing)
    if _preceded_by(s, party, "procurements"):
        return False  # ("undertakes to procure that the Licensor …": the one procuring answers for it)
    own = [p for p in s.parties if p.end <= modal.start and p.cat == "party:supplier"]
    return not own


def _demanded_pronoun(s: Sentence, pick: Hit, bare: list[Hit]) -> bool:
    """A parent's "我公司将督促…，并要求其…不得…": 其 standing for the supplier is what the demand is made of, when the
    sentence's subject is another party. "The Supplier shall procure that its subcontractors …" binds the Supplier."""
    if pick.cat != "party:pronoun" or s.unit.lang != "zh" or _resolve(s, pick)[0] != "supplier":
        return False
    subject_party = next((p for p in bare if p.cat != "party:pronoun"), None)
    if subject_party is not None and subject_party.cat != "party:supplier":
        return True
    # "我公司将督促云栈公司配合…，并要求其…不得…": 其 stands for a supplier that is itself what a demand is made of
    antecedent = [p for p in s.parties if p.end <= pick.start and p.cat == "party:supplier"]
    return bool(antecedent) and _demanded(s, antecedent[-1])


_DETERMINERS = {"zh": re.compile(r"(?:其|各|所有|全部|该|各家)?\s*$"),
                "en": re.compile(r"(?:\s+(?:the|its|all|each|any|every|such))?\s*$", re.IGNORECASE)}


def _demand_met(s: Sentence, modal: Hit | None, action: Hit) -> Hit | None:
    """"甲方有权要求乙方配合网络安全审查，乙方不得拒绝", "the Customer may require the Vendor to provide …, and the Vendor
    shall comply": the buyer's right to demand, and the supplier bound to meet it. The supplier is the demanded party
    between the right and the act."""
    if modal is None or modal.cat != "modal:permission" or not _complies(s, action):
        return None
    demanded = [p for p in s.parties if modal.end <= p.start and p.end <= action.start
                and p.cat == "party:supplier" and _demanded(s, p)]
    return demanded[-1] if demanded else None


def _demanded(s: Sentence, party: Hit) -> bool:
    """A demand word (``demands`` in common.yaml) stands right before the party: "应要求厂商", "督促乙方", "require the
    Supplier to"."""
    return _preceded_by(s, party, "demands")


def _preceded_by(s: Sentence, party: Hit, section: str) -> bool:
    """A phrase of the common.yaml ``section`` stands right before the party (a determiner between allowed)."""
    rx = _common_regex(s.library, section, s.unit.lang)
    if rx is None:
        return False
    head = s.text[max(0, party.start - 24):party.start]
    head = head[:_DETERMINERS[s.unit.lang].search(head).start()]
    return any(m.end() == len(head) for m in rx.finditer(head))


def _complies(s: Sentence, action: Hit) -> bool:
    """The supplier binds itself later in the sentence to do what is demanded (``demand_compliance``): "…，乙方应予
    配合", "…, and the Vendor shall comply with every such requirement"."""
    rx = _common_regex(s.library, "demand_compliance", s.unit.lang)
    if rx is None:
        return False
    for m in rx.finditer(s.text, action.end):
        named = [p for p in s.parties if action.end <= p.end <= m.start()]
        if named and named[-1].cat == "party:supplier" and not s.text[named[-1].end:m.start()].strip(" ,，"):
            return True
    return False


def _common_regex(library: Library, key: str, lang: str) -> re.Pattern[str] | None:
    cache = _COMMON_RX.get((library.key, key, lang), False)
    if cache is False:
        cache = _COMMON_RX[(library.key, key, lang)] = phrase_regex(library.common.get(key, {}).get(lang, ()), lang)
    return cache  # type: ignore[return-value]


_COMMON_RX: dict[tuple[Any, str, str], Any] = {}


def _embedded(s: Sentence, party: Hit) -> bool:
    """The party is named inside an exception or a lawful-basis phrase, not as the one bound (cached per party)."""
    key = (-1 - party.start, party.end)
    found = s.scopes.get(key)
    if found is None:
        found = s.scopes[key] = (int(_embedded_in(s, party)), 0)
    return bool(found[0])


def _embedded_in(s: Sentence, party: Hit) -> bool:
    for h in s.get("lawful_basis"):
        if h.start <= party.start and party.end <= h.end:
            return True
    for e in s.get("exceptions"):
        a, b = _exception_scope(s, e)
        if a <= party.start < b:
            return True
    return False


def _resolve(s: Sentence, hit: Hit) -> tuple[str | None, Hit | None]:
    if hit.cat != "party:pronoun":
        return hit.cat[6:], hit
    earlier = [p for p in s.parties if p.end <= hit.start and p.cat != "party:pronoun"]
    bare = [p for p in earlier if not _after_preposition(s, p)]
    # "the Licensor agrees … without the Licensee's prior approval, and that it will not": an owner named
    # possessively, or inside a consent or exception phrase, is not what a later subject pronoun stands for
    subjects = [p for p in bare if not _possessive(s.text, p, s.unit.lang, s.library) and not _embedded(s, p)]
    if bare or earlier:
        pick = (subjects or bare or earlier)[-1]
        return pick.cat[6:], pick
    return s.unit.context_party, hit


def _negated_before(s: Sentence, hit: Hit) -> bool:
    head = s.text[max(0, hit.start - 12):hit.start]
    if s.unit.lang == "en":
        return bool(re.search(r"\b(?:without|no|not|absent)\b(?:\s+\w+){0,2}\s*$", head, re.IGNORECASE))
    return bool(re.search(r"(?:无|没有|非因|不经|无需|无须|不以|不论)[^，。；]{0,6}$", head))


def _justified(s: Sentence, rid: str, kind: str = "forbidden", refused: bool = False) -> list[Hit]:
    """Justifications attached to a right; none if the right is "without consent" (and the words are not a
    prohibition's own lawful basis).

    A refused duty (refusing the review) is never made lawful by a request or consent, only by a
    justification proper; and with ``refused`` (the supplier declares it need not perform, or refuses, a duty that
    has no grounds for pausing it) only by a prohibition by law.
    """
    # (a "without consent" after a prohibition is that prohibition's lawful basis, not the right's: "只可在每次取得
    # 雇主书面批准后…遥距存取…，并不得…安装未经雇主批准的软件")
    def prohibitions(u: Hit) -> bool:  # the nearest modal before the words is a prohibition
        before = [m for m in s.modals if m.end <= u.start]
        return bool(before) and max(before, key=lambda m: m.end).cat == "modal:prohibition"

    unauthorised = s.get("unauthorised")
    if any(u.start < h.end and h.start <= u.start and not prohibitions(u)
           for u in unauthorised for h in s.any("lawful_basis", "justifications")):
        return []
    if s.get("unlimited"):
        return []  # "for any reason, including non-payment": the right is not limited to the cause
    cats = ("justifications", f"{rid}:justifications") if kind in ("duty", "refusal") else \
        ("justifications", "lawful_basis", f"{rid}:justifications")
    # (nor is the prohibition's own "without consent" a reason for the right: "不会在未经采购人批准的情况下获取…，但
    # …可…回传")
    hits = [h for h in s.any(*cats) if not any(u.start < h.end and h.start < u.end for u in unauthorised)]
    # a duty with no grounds for pausing it (the review): only a prohibition by law lets the supplier refuse it
    # (frames.yaml refusal_grounds); refusing supply keeps the buyer's non-payment and the other supply grounds
    if refused and not s.library.requirement(rid).supply_grounds:
        grounds = frames_words(s.library, "refusal_grounds", s.unit.lang)
        hits = [h for h in hits if grounds is not None and grounds.search(h.text)]
    # a reason inside the supplier's own judgement ("乙方认为甲方可能超出许可范围使用软件的，有权…", "if the Supplier
    # considers that the Customer may be in breach"): its opinion, not the reason, triggers the right
    opinions = s.get("carve_outs")
    return [h for h in hits if not _negated_before(s, h) and not _consequence(s, h) and not _acknowledgement(s, h)
            and not any(c.end <= h.start and not _CLAUSE_BREAK.search(s.text, c.end, h.start) for c in opinions)]


_LISTED_CAUSES = {"en": re.compile(r"\b(?:the following|any of the following)\b[^.;:]{0,30}[:：]\s*$", re.IGNORECASE),
                  "zh": re.compile(r"(?:以下|下列|如下)[^，。；：:]{0,8}(?:原因|情形|情况|事由|事项)[^。；：:]{0,20}[:：]\s*$")}


def _listed_causes(s: Sentence) -> list[Hit]:
    """A lead-in alone that limits a right to the causes listed after it ("乙方可因以下原因暂停服务：", "may suspend
    in any of the following cases:"): the items, read with it, decide; the lead-in itself grants nothing."""
    m = _LISTED_CAUSES[s.unit.lang].search(s.text)
    return [Hit("justifications", m.start(), m.end(), m.group(0))] if m else []


def _acknowledgement(s: Sentence, hit: Hit) -> bool:
    """"用户同意，服务商可以…" / "The Customer agrees that the Vendor may …": the buyer accepting the right
    in advance is no consent to a particular act."""
    return any(a.start < hit.end + 6 and hit.start < a.end for a in s.get("acknowledgements"))


def _consequence(s: Sentence, hit: Hit) -> bool:
    """The hit names a consequence ("no refusal shall constitute a breach"), not a cause."""
    for c in s.get("consequences"):
        if c.end <= hit.start and hit.start - c.end <= 20 and not _CLAUSE_BREAK.search(s.text[c.end:hit.start]):
            return True
    return False


def _exception_scope(s: Sentence, exc: Hit) -> tuple[int, int]:
    """The words an exception governs (cached: every party of a long sentence asks for every exception)."""
    key = (exc.start, exc.end)
    found = s.scopes.get(key)
    if found is None:
        found = s.scopes[key] = _scope_of(s, exc)
    return found


def _scope_of(s: Sentence, exc: Hit) -> tuple[int, int]:
    if exc.end - exc.start > 3 and s.unit.lang == "zh":  # 但…除外 / 除…外 regexes carry their scope
        return exc.start, exc.end
    later = [m for m in s.modals if m.start >= exc.end]
    if later:  # "Save for (i) … and (iii) …, the Licensor shall not …": the list ends before the promise
        breaks = [m.start() for m in _COMMA.finditer(s.text, exc.end, later[0].start)]
        if breaks:
            return exc.start, breaks[-1]
    prev = [m for m in s.modals if m.end <= exc.start]
    if prev and re.fullmatch(r"\s*[,，]\s*", s.text[prev[-1].end:exc.start]):
        # "will not, save for good cause, cease …": a parenthetical between the modal and its verb
        m = _COMMA.search(s.text, exc.end)
        if m:
            return exc.start, m.start()
    # (a table's cell ends it too: "save at the Purchaser's written request. | C | —" and the next row; a semicolon
    # before the next item of an inline list does not: "except (a) during Force Majeure; or (b) after ninety days'
    # notice" excepts both)
    end_rx = _SCOPE_END if exc.start > 0 else _SCOPE_END_OPENING
    pos = exc.end
    while (m := end_rx.search(s.text, pos)) and m.group(0) in ";；" and _NEXT_ITEM.match(s.text, m.end()):
        pos = m.end()
    return exc.start, (m.start() if m else len(s.text))


_SCOPE_END = re.compile(r"[;；。]|\s\|\s")
_SCOPE_END_OPENING = re.compile(r"[,，;；。]|\s\|\s")
#: the next item of an inline list after its semicolon ("; or (b) …", "；（二）…")
_NEXT_ITEM = re.compile(r"\s*(?:(?:and|or|及|或者|或)\s*)?[（(](?:[b-z]|i{1,3}|iv|vi{0,3}|ix|x|[2-9]|[二三四五六七八九十])[）)]",
                        re.IGNORECASE)


_REASON_WORD = re.compile(r"理由|为由|原因|\breasons?\b|\bgrounds?\b", re.IGNORECASE)


_OPEN_BRACKETS, _CLOSE_BRACKETS = "[［", "]］"


def _bracketed(s: Sentence, hits: list[Hit]) -> str | None:
    """The square-bracketed text holding one of ``hits``, if any: drafts put in square brackets what is not yet
    agreed (an option, a party's proposal), so an undertaking resting on such words is not a settled one."""
    for h in hits:
        before = s.text[:h.start]
        opened = max(before.rfind(c) for c in _OPEN_BRACKETS)
        if opened < 0 or opened < max(before.rfind(c) for c in _CLOSE_BRACKETS):
            continue
        ends = [i for i in (s.text.find(c, h.end) for c in _CLOSE_BRACKETS) if i >= 0]
        reopened = [i for i in (s.text.find(c, h.end) for c in _OPEN_BRACKETS) if i >= 0]
        if ends and (not reopened or min(ends) < min(reopened)):
            return s.text[opened:min(ends) + 1]
    return None


def _buyers_own(s: Sentence, h: Hit) -> bool:
    """The carve-out's words name the buyer, by the label the contract gave it ("If the Company determines", "save
    under the Employer's written authority"), and not the supplier: the buyer's decision or leave, which the
    library's lists of buyer words cannot all name."""
    inside = [p for p in s.parties if h.start <= p.start and p.end <= h.end]
    if any(h.start <= t.start and t.end <= h.end for t in s.get("payment_terms")):
        return False  # "在甲方同意支付相关额外费用后": the buyer's payment is the supplier's condition, not its leave
    return any(p.cat == "party:buyer" for p in inside) and not any(p.cat != "party:buyer" for p in inside)


def _forbidden_ground(s: Sentence, h: Hit) -> bool:
    """The carve-out word stands inside a ground the sentence forbids the supplier to rely on (frames.yaml
    ``forbidden_reasons``)."""
    rx = frames_words(s.library, "forbidden_reasons", s.unit.lang)
    return rx is not None and any(m.start() <= h.start and h.end <= m.end() for m in rx.finditer(s.text))


def _weakeners(s: Sentence, rid: str, modal: Hit | None, act: Hit | None = None) -> tuple[list[Reason], list[Hit]]:
    reasons: list[Reason] = []
    marks: list[Hit] = []
    # overlapping weakeners ("commercially reasonable efforts" / "reasonable efforts"): the longest speaks
    taken: list[Hit] = [modal] if modal is not None and modal.cat == "modal:non_binding" else []
    for h in sorted(s.any("modal:non_binding", f"{rid}:weakening"), key=lambda h: (h.start - h.end, h.start)):
        if any(h.overlaps(t) for t in taken) or any(r.detail == h.text for r in reasons):
            continue
        taken.append(h)
        reasons.append(Reason("weakened-by", h.text))
        marks.append(h)
    forbidden_reason = (modal.end, act.start) if modal is not None and act is not None and modal.end <= act.start \
        and modal.cat == "modal:prohibition" else None
    for h in s.get("carve_outs"):
        if (forbidden_reason and forbidden_reason[0] <= h.start < forbidden_reason[1]
                and _REASON_WORD.search(s.text, h.end, forbidden_reason[1])):
            continue  # "不得以停产、转产…为由中断供货": a reason the promise forbids, not a carve-out
        if _inside_extension(s, h):
            continue  # "系统停产后八年内": how long the duty outlasts the discontinuation, not a ground to stop
        if _forbidden_ground(s, h):
            continue  # "…提供技术支持，不得以停产为由停止服务": the ground the supplier may not invoke
        if _buyers_own(s, h):
            continue  # "If the Company determines that …", the Company being the buyer: its trigger, not a carve-out
        reasons.append(Reason("carve-out", h.text))
        marks.append(h)
    # (a requirement's qualifiers are words harmless in the undertaking itself - 对, 进行, "or", "to others" -
    # and justify no exception: "但向乙方关联公司提供的除外" stays a carve-out)
    fine = s.any("lawful_basis", "justifications", f"{rid}:justifications")
    for exc in s.get("exceptions"):
        a, b = _exception_scope(s, exc)
        inside = [h for h in fine if a <= h.start < b]
        if not inside and _buyer_consent(s, a, b):
            continue  # "except to the extent that Party A (the buyer) has authorised …": a lawful basis
        carve = [h for h in s.get("carve_outs") if a <= h.start < b]
        if carve:
            continue
        if not inside and _opens_list_here(s, b):
            continue  # "…，但有下列情形之一的除外：" and its items after: each item is read with the undertaking
        if inside:
            # "但因乙方产品停产或者甲方违约的除外": every alternative must be a justification, or the
            # unjustified one swallows the undertaking
            loose = _unjustified_alternative(s, a, b, fine)
            if loose is None:
                continue
            a, b = loose
        scope = s.text[a:b].strip()
        if scope and not any(r.detail == scope for r in reasons):
            reasons.append(Reason("carve-out", scope[:120]))
            marks.append(Hit("exceptions", a, b, scope))
    return reasons, marks


def _inside_extension(s: Sentence, h: Hit) -> bool:
    """Whether ``h`` lies inside a period that extends the undertaking past an event (frames.yaml
    ``complements.term_extensions``: "在本合同有效期内以及系统停产后八年内")."""
    from .frames import _complements

    return any(name == "term_extensions" and any(m.start() <= h.start and h.end <= m.end() for m in rx.finditer(s.text))
               for name, rx, _ in _complements(s.library, s.unit.lang))


def _opens_list_here(s: Sentence, end: int) -> bool:
    """The exception ending at ``end`` opens a list of its reasons and the sentence ends there: the frame reading
    reads the items after it (and fails closed when there are none)."""
    from .frames import _opens_list

    return _opens_list(s.text, s.library, s.unit.lang) and (not s.text[end:].strip(" ：:。")
                                                             or s.text.rstrip().endswith(("：", ":")))


_NOMINAL_CONDITION = re.compile(r"[^，,。；;]*?的(?=[，,]|$)")


def _nominal_condition(s: Sentence, act: Hit) -> bool:
    """"乙方拒绝配合的，甲方有权解除": a clause ending in 的 is a condition, not a statement."""
    return s.unit.lang == "zh" and bool(_NOMINAL_CONDITION.match(s.text, act.end))


_WHETHER = {"en": re.compile(r"\bwhether(?: or not)?(?: to| it (?:will|shall))?\s+(?:\w+\s+)?$", re.IGNORECASE),
            "zh": re.compile(r"是否$")}


def _whether_before(s: Sentence, act: Hit) -> bool:
    return bool(_WHETHER[s.unit.lang].search(s.text, max(0, act.start - 30), act.start))


#: a question reported before the act, in the same clause ("A Tenderer asked whether the Contractor will be required
#: to assist with any review", 投标人询问中标人是否须配合审查): what it asks is no one's promise
_ASKED = {"en": re.compile(r"\b(?:asked|asks|ask|enquired|enquires|inquired|inquires|queried|queries|wondered|"
                           r"wonders|sought\s+clarification|seeks\s+clarification)\s+(?:as\s+to\s+|on\s+)?(?:whether|if)\b"
                           r"[^.;?!,]*$", re.IGNORECASE),
          "zh": re.compile(r"(?:询问|咨询|提问|问询|质询|请求澄清)[^。；？?，,]{0,40}?是否[^。；？?，,]*$")}


def _reported_question(s: Sentence, act: Hit) -> bool:
    return bool(_ASKED[s.unit.lang].search(s.text, 0, act.start))


def _buyer_consent(s: Sentence, a: int, b: int) -> bool:
    """The span names the buyer consenting, requesting or authorising, and no money it is to pay: "provided that
    the Customer agrees to any additional fees" makes the duty depend on payment, which no consent cures."""
    if any(a <= h.start < b for h in s.get("payment_terms")):
        return False
    buyer = [p for p in s.parties if p.cat == "party:buyer" and a <= p.start < b]
    if not buyer and (agents := frames_words(s.library, "buyer_agents", s.unit.lang)) is not None:
        # "except as instructed in writing by the Engineer": the one who acts for the buyer (frames.yaml buyer_agents)
        buyer = [Hit("party:buyer", m.start(), m.end(), m.group(0)) for m in agents.finditer(s.text, a, b)]
    roles, lang = s.library.common["roles"], s.unit.lang
    first = {w.lower() for w in roles.get("first_person", {}).get(lang, ())}
    if not buyer and (you := phrase_regex(roles.get("second_person", {}).get(lang, ()), lang)) is not None \
            and any(p.cat == "party:supplier" and p.text.lower() in first for p in s.parties):
        # the supplier's own letter ("we shall not …, except as you authorise in writing"): "you" is the addressee
        buyer = [Hit("party:buyer", m.start(), m.end(), m.group(0)) for m in you.finditer(s.text, a, b)]
    return bool(buyer) and any(a <= h.start < b and (h.start >= buyer[0].start - 12 or _BY_AGENT.fullmatch(
        s.text, h.end, buyer[0].start)) for h in s.get("consent_words"))


#: "instructed in writing by the Purchaser": a consent word whose agent follows it
_BY_AGENT = re.compile(r"\s+(?:(?:expressly\s+)?in\s+writing\s+)?by\s+(?:the\s+)?", re.IGNORECASE)


_COMMA = re.compile(r"[,，]")
_ALTERNATIVES = re.compile(r"[、，,]?\s*(?:或者|或是|或)|、|,?\s*\bor\b", re.IGNORECASE)


#: an English alternative that is only the first of two acts joined by "or" ("only where such supply or provision is
#: prohibited by PRC law"): the pair is one subject of the next piece, which states the reason. Only an act the
#: supplier pauses (frames.yaml ``paused_acts``), never an actor ("where its parent or the law requires")
_BARE_NOUN = re.compile(r"(?:(?:where|if|when)\s+)?(?:(?:such|the|any|its|that|this)\s+)?(?P<noun>[a-z]+)", re.IGNORECASE)


def _bare_act(s: Sentence, head: str) -> bool:
    acts = frames_words(s.library, "paused_acts", s.unit.lang)
    m = _BARE_NOUN.fullmatch(head)
    return m is not None and acts is not None and acts.fullmatch(m.group("noun")) is not None


def _unjustified_alternative(s: Sentence, a: int, b: int, fine: list[Hit]) -> tuple[int, int] | None:
    """The first alternative of an exception list with no justification or consent in it, if any."""
    cuts = [a, *[m.end() for m in _ALTERNATIVES.finditer(s.text, a, b)], b]

    def justified(x: int, y: int) -> bool:
        return any(x <= h.start < y or (h.start < x < h.end) for h in fine) or _buyer_consent(s, x, y)

    pieces = list(itertools.pairwise(cuts))
    for i, (x, y) in enumerate(pieces):
        piece = s.text[x:y].strip(" ，,、;；")
        if len(re.sub(r"\W", "", piece)) < 2 or justified(x, y):
            continue
        head = re.sub(r"\s*\bor$", "", piece, flags=re.IGNORECASE)
        if s.unit.lang == "en" and i + 1 < len(pieces) and "," not in s.text[x:y] \
                and _bare_act(s, head) and justified(*pieces[i + 1]):
            continue
        return x, y
    return None


#: between a narrow class and the place it stands ("set-top box deployed in the", "网络中的")
_LOCATED_EN = re.compile(r"\s+(?:(?:deployed|installed|used|located|operated|running|connected|hosted)\s+)?"
                         r"(?:in|on|at|within|to|across|throughout)\s+(?:the\s+|any\s+|all\s+)?$", re.I)
_LOCATED_ZH = re.compile(r"^(?:中|内|上|里)?(?:部署|安装|使用|运行|接入|连接)?(?:的)$|^(?:中|内|上|里)(?:部署|安装|使用|运行|接入)的$")


def _locates(s: Sentence, narrow: Hit, element: Hit) -> bool:
    """The element's object only says where the narrow class is: "any set-top box deployed in the Purchaser's
    network" (after it, in English), "部署在甲方网络中的机顶盒" (before it, in Chinese)."""
    if s.unit.lang == "en":
        return narrow.end <= element.start and _LOCATED_EN.fullmatch(s.text, narrow.end, element.start) is not None
    return element.end <= narrow.start and _LOCATED_ZH.match(s.text[element.end:narrow.start]) is not None


def _inside_an_object(s: Sentence, party: Hit) -> bool:
    """The party is part of a longer object the library knows ("甲方客户资料", "the Customer's account data"), or
    owns the noun right after it (frames.yaml ``owned_nouns``: "…及客户资料负有保密义务")."""
    owned = frames_words(s.library, "owned_nouns", s.unit.lang)
    if owned is not None and owned.match(s.text[party.end:party.end + 8]):
        return True
    return any(o.start <= party.start and party.end <= o.end and (o.start, o.end) != (party.start, party.end)
               for cat, hits in s.by.items() if ":obj:" in cat for o in hits)


def _possessive_inside(s: Sentence, party: Hit, obj: Hit) -> bool:
    """"data belonging to the Customer's end users", "the Purchaser's data", 甲方数据, "the information and data of
    the Customer": the buyer (or, in English, any party named possessively) inside a longer object owns it; it is
    not the one bound. The buyer may close the object ("… of the Customer"), never stand alone as it."""
    if party.cat == "party:buyer" and obj.start <= party.start and party.end <= obj.end \
            and (party.start, party.end) != (obj.start, obj.end):
        return True
    return (s.unit.lang == "en" and obj.start < party.start and party.end + 2 < obj.end
            and _possessive(s.text, party, "en", s.library))


#: a clause's number and title run into its first sentence: "第十四条 设备安全：乙方不得…", "14.2 数据保护：…"
_RUN_IN_TITLE = re.compile(r"\s*(?:第[一二三四五六七八九十百零\d]+条|\d{1,3}(?:\.\d{1,3})*)\s*[^，。；：:\s]{1,12}[：:]")


def _inside_agreement_titles(s: Sentence, rid: str, obj_hits: list[Hit]) -> Hit | None:
    """The title of a separate agreement (``referred_agreements``) holding every object of the undertaking: the
    words name that agreement, whose text the contract does not hold, not what the supplier undertakes here."""
    titles = s.get(f"{rid}:referred_agreements")
    if not titles or not obj_hits:
        return None
    holding = [next((t for t in titles if t.contains(o) and (t.start, t.end) != (o.start, o.end)), None)
               for o in obj_hits]
    return holding[0] if all(holding) else None


def _objects(s: Sentence, rid: str, element_ids: list[str], parties: list[Hit]) -> dict[str, list[Hit]]:
    """The objects of each element in the sentence; a word of the clause's run-in title ("设备安全：") names the
    subject of the clause, not what the undertaking covers."""
    out: dict[str, list[Hit]] = {}
    title = _RUN_IN_TITLE.match(s.text) if s.unit.lang == "zh" else None
    # the name of a statute is no object ("comply with … the Cybersecurity Review Measures", 遵守《网络安全审查办法》),
    # nor a word of a product's name ("the maintenance management software" is software, not the maintenance)
    # nor the title a cross-reference gives the clause it names ("原合同第十一条（备件供应与技术支持）修改为：…": the
    # new text says what is covered)
    named = s.__dict__.get("statute_titles")
    if named is None:  # once per sentence, not once per requirement
        named = s.__dict__["statute_titles"] = [
            (m.start(), m.end()) for section in ("statute_titles", "reference_titles", "product_names")
            if (rx := frames_words(s.library, section, s.unit.lang)) is not None for m in rx.finditer(s.text)]
    for el in element_ids:
        owned = _owned_objects(s, rid, el, parties)
        hits = [h for h in [*s.get(f"{rid}:obj:{el}"), *owned] if not any(
            p.overlaps(h) and not _possessive_inside(s, p, h) for p in parties if p.cat != "party:pronoun")
            and not (title is not None and h.end <= title.end())
            and not any(a <= h.start and h.end <= b for a, b in named)
            and not _period_name(s, h) and not _role_name(s, h)]
        if hits:
            out[el] = _longest(hits)
    return out


def _role_name(s: Sentence, h: Hit) -> bool:
    """The object word names a party by its trade, not what the undertaking covers (frames.yaml ``role_tails``):
    "作为…运维服务供应商，作出如下承诺：…保障备品备件的供应" promises spare parts, no maintenance."""
    heads = frames_words(s.library, "role_heads", s.unit.lang)
    tails = frames_words(s.library, "role_tails", s.unit.lang)
    if heads is None or tails is None or tails.match(s.text[h.end:h.end + 24]) is None:
        return False
    return any(m.end() == len(h.text) for m in heads.finditer(h.text))


#: a period named after the work done in it ("于维护期间", "during the Support Period", 供货期内)
_PERIOD_AFTER = {"en": re.compile(r"\s+(?:period|term)s?\b", re.IGNORECASE), "zh": re.compile(r"期")}


def _period_name(s: Sentence, h: Hit) -> bool:
    """The object word names a period, not what the undertaking covers: "乙方于维护期间应持续供应备品" promises spare
    parts during the maintenance period, no maintenance."""
    # (not the review: "网络安全审查期间，乙方应当…提交材料" is a duty during the review, about the review)
    return _PERIOD_AFTER[s.unit.lang].match(s.text, h.end) is not None and not _REVIEW_WORD.search(h.text)


_REVIEW_WORD = re.compile(r"审|審|review", re.IGNORECASE)


#: between an owned noun and the buyer who owns it: "data of the Authority", "the Authority's data", 管理局之资料
_OWNER_AFTER = re.compile(r"\s+(?:of|belonging\s+to|relating\s+to|from)\s+(?:the\s+)?", re.IGNORECASE)
_OWNER_BEFORE = {"en": re.compile(r"['’]s?\s+"), "zh": re.compile(r"(?:的|之)?")}


#: what may follow an owned noun that ends its noun phrase (a preposition, a conjunction, a verb, punctuation)
_NOUN_ENDS = {"en": re.compile(r"\s*(?:$|[,.;:)\]]|\s(?:and|or|of|in|on|to|for|from|that|which|who|without|except|"
                                r"unless|save|held|stored|processed|obtained|collected|generated|by|with|as|at|under|"
                                r"through|via|shall|will|may|must|is|are|was|were|whether|other|than|nor|but)\b)",
                                re.IGNORECASE),
              "zh": re.compile(r"$|[^\u4e00-\u9fff]|[的之、和及与或并等，。；：]")}


def _owned_objects(s: Sentence, rid: str, el: str, parties: list[Hit]) -> list[Hit]:
    """The element's owned nouns (library ``owned``) with the contract's buyer named as their owner right next to
    them, as one object hit: the buyer may have any label the contract defined ("the Authority", "the Bank",
    管理局), which no list in the library can hold."""
    nouns = s.get(f"{rid}:owned:{el}")
    buyers = [p for p in parties if p.cat == "party:buyer"]
    if not nouns or not buyers:
        return []
    before = _OWNER_BEFORE.get(s.unit.lang)
    out = []
    for n in nouns:
        if not _NOUN_ENDS[s.unit.lang].match(s.text, n.end):
            continue  # the head of a longer noun: "the Authority's information systems", 机关之信息设备
        for p in buyers:
            after = _OWNER_AFTER.match(s.text, n.end) if s.unit.lang == "en" else None
            if after is not None and after.end() == p.start:
                out.append(Hit(f"{rid}:obj:{el}", n.start, p.end, s.text[n.start:p.end]))
            elif before is not None and p.end <= n.start and (m := before.match(s.text, p.end)) and m.end() == n.start:
                out.append(Hit(f"{rid}:obj:{el}", p.start, n.end, s.text[p.start:n.end]))
    return out


_TOPIC_LEAD = re.compile(r"(?:第[一二三四五六七八九十百零\d]+[条條])?[\s\d.．()（）、a-z]*", re.IGNORECASE)


#: what may stand between a modal and its predicate in a clause of its own: a deadline, a time or nothing
_ADVERBIAL = {"zh": re.compile(r"(?:[在于自]?[^，,；;。]{0,24}?(?:之日起|后|内|前|时)[^，,；;。]{0,12}?(?:内|日内|天内|小时内)?)?"),
              "en": re.compile(r"(?:(?:the|its)\b\s*)?(?:(?:within|no later than|not later than|promptly|immediately|upon|on|at|"
                               r"after|following)\b[^,;.]{0,60})?", re.IGNORECASE)}


_PARENTHETICAL = re.compile(r"[（(][^（）()]{4,}[)）]")


def _in_parenthetical(s: Sentence, act: Hit) -> bool:
    """"不得将…服务（包括涉及甲方客户个人信息处理的服务）分包": a verb inside a parenthesis describes a noun; it is
    never the act the sentence binds the supplier to (an item label such as "(a)" is too short to hold one)."""
    spans = s.__dict__.get("parentheticals")
    if spans is None:  # once per sentence: every action of every requirement asks
        spans = s.__dict__["parentheticals"] = [(m.start(), m.end()) for m in _PARENTHETICAL.finditer(s.text)]
    return any(a < act.start and act.end < b for a, b in spans)


def _topic_prohibitions(s: Sentence, obj: Hit, act: Hit, actions: list[Hit], objects: list[Hit]) -> list[Hit]:
    """"乙方对获知的甲方信息保密，不得披露或用于其他目的": the object of a 对 phrase before the first verb is the
    topic of the prohibitions coordinated after it too, when they name no object of their own. Each is read as its
    own undertaking on that object, with every word of the sentence still to be accounted for."""
    if s.unit.lang != "zh" or obj.end > act.start:
        return []
    lead = s.text[:obj.start]
    at = lead.rfind("对")
    if at < 0 or _CLAUSE_BREAK.search(s.text, at, obj.start):
        return []
    out = []
    for later in actions:
        if later.start <= act.end or later.cat.split(":", 1)[1] not in ("forbidden", "partial"):
            continue
        if not any(m.cat == "modal:prohibition" and m.end <= later.start for m in s.modals):
            continue
        if not _CLAUSE_BREAK.search(s.text, act.end, later.start) and not any(
                act.end <= m.start < later.start for m in s.modals):
            continue  # "对…设备进行远程操作或参数修改": one predicate, read with its decisive act
        if _own_complement(s, later, objects):
            continue
        out.append(later)
    return out


#: a clause's number and its title run into the sentence ("第九条 网络安全 乙方应…")
_HEADING_ZH = re.compile(rf"\s*(?:{_CLAUSE_NUMBER_ZH})\s*([^\s，。；：:,]{{1,16}})\s+(?=\S)")


def _own_complement(s: Sentence, act: Hit, objects: list[Hit]) -> bool:
    """The act has an object of its own after it, before the end of its clause."""
    end = _CLAUSE_BREAK.search(s.text, act.end)
    limit = end.start() if end else len(s.text)
    return any(act.end <= o.start < limit for o in objects)



_RELATIVE_BEFORE = re.compile(
    r"(?P<noun>\b[A-Za-z][\w-]*),?\s+(?:that|which|whom)\s+(?:it|they|he|she|we|you|(?:the|its|their)\s+[\w-]+|[A-Z][\w-]*)"
    r"(?:\s+(?:has|have|had|may|might|will|would|shall|should|does|did|is|are|was|were|can|could)(?:\s+been)?)?\s+$",
    re.IGNORECASE)
_ATTRIBUTIVE_ZH = re.compile(r"(?:其|他人|第三方|乙方|甲方|供方|对方)(?:为[^，。；、的]{1,12}?|因[^，。；、的]{1,12}?而)?$")
_ATTRIBUTIVE_TAIL = re.compile(r"(?:为[^，。；、的之]{1,12}?|因[^，。；、的之]{1,12}?而|(?:于|在)[^，。；、的之]{1,12}?)?")


_DETERMINER_BEFORE = re.compile(r"\b(?:any|the|all|such|its|their|this|that|each|every|no)\s+$", re.I)


def _nominal_gerund(s: Sentence, act: Hit) -> bool:
    """"any handling of patient lists", "the processing of the data": a gerund after a determiner and before "of" is a
    noun, the object of another verb ("may not delegate … any handling of patient lists"), not a predicate."""
    return (s.unit.lang == "en" and act.text.lower().endswith("ing")
            and _DETERMINER_BEFORE.search(s.text, max(0, act.start - 8), act.start) is not None
            and re.match(r"\s+of\b", s.text[act.end:]) is not None)


def _named_failure(s: Sentence, act: Hit) -> bool:
    """"shall have no liability for … any failure of Licensor to keep such information confidential": the act is
    named as a failure, the object of the exclusion, not a predicate the modal binds (frames.yaml
    ``named_failures``, patterns ending right before the act)."""
    rx = frames_words(s.library, "named_failures", s.unit.lang)
    return rx is not None and rx.search(s.text[max(0, act.start - 60):act.start]) is not None


#: a determiner (or "of") and up to two modifiers before an English act: the act is then a noun's modifier
_DETERMINED_BEFORE = re.compile(
    r"\b(?:the|a|an|any|all|its|their|such|this|these|those|of|our|your)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
#: what joins two verbs of one clause ("中断或控制", "中断、干扰"): an act after it is a predicate of its own
_VERB_JOIN_ZH = re.compile(r"[、，,；;。和或及与并而]")


def _device_name_act(s: Sentence, act: Hit) -> bool:
    """The act is part of a device's name (frames.yaml ``device_functions`` before ``device_heads``), inside the
    object of another verb or after 的/之: "不得中断号志控制设备、备品之供应", "shall not interrupt the supply of the
    signal control equipment". Nothing is said about controlling anything; a verb of its own ("不得中断或控制设备",
    "shall not remotely control equipment") stays a predicate."""
    heads = frames_words(s.library, "device_heads", s.unit.lang)
    functions = frames_words(s.library, "device_functions", s.unit.lang)
    if heads is None or functions is None or not functions.fullmatch(act.text):
        return False
    if s.unit.lang == "en":
        rest = s.text[act.end:]
        head = heads.match(s.text, act.end + len(rest) - len(rest.lstrip()))
        return (head is not None and act.end < head.start() <= act.end + 3
                and _DETERMINED_BEFORE.search(s.text, max(0, act.start - 40), act.start) is not None)
    if heads.match(s.text, act.end) is None:
        return False
    if s.text[act.start - 1:act.start] in ("的", "之"):
        return True
    # (another verb right before it, with no join and no modal of its own between: "中断号志控制设备")
    return any(h.end <= act.start and act.start - h.end <= 8 and not _VERB_JOIN_ZH.search(s.text, h.end, act.start)
               and not any(h.end <= m.start < act.start for m in s.modals)
               # (or a supplying verb: "停止向甲方供应AMHS控制软件")
               for cat, hits in s.by.items() if ACT_CATEGORY.match(cat) or cat.endswith(":refusable") for h in hits)


def _attributive_act(s: Sentence, act: Hit) -> bool:
    """The act is a verb of a relative clause that describes a noun ("combine Customer Data with data that it
    processes for its other customers", 与其为其他客户处理的数据合并): it says what the noun is, not what the
    supplier is bound to do or not to do."""
    if s.unit.lang == "en":
        # only after a noun the library reads as an object ("data that it processes"): "agrees that it shall",
        # "including that the Vendor shall", "the requirement that suppliers cooperate" open no relative clause
        m = _RELATIVE_BEFORE.search(s.text, max(0, act.start - 60), act.start)
        return m is not None and any(h.end == m.end("noun") for cat, hits in s.by.items()
                                     if ":obj:" in cat or cat.endswith("objects") for h in hits)
    if s.text[act.end:act.end + 1] not in ("的", "之"):
        return False
    if _ATTRIBUTIVE_ZH.search(s.text, max(0, act.start - 16), act.start):
        return True
    # any party named right before it ("厂商于维护过程中取得之系统资料", "承包人在运维中获取的数据")
    return any(0 <= act.start - p.end <= 16 and _ATTRIBUTIVE_TAIL.fullmatch(s.text[p.end:act.start])
               for p in s.parties)


def frames_words(library: Library, section: str, lang: str) -> re.Pattern[str] | None:
    """One regex for a plain lexicon section of frames.yaml (``banned_features``, ``acting_on`` …), built once per
    library."""
    key = (library.key, "frames$", section, lang)
    cache = _COMMON_RX.get(key, False)
    if cache is False:
        cache = _COMMON_RX[key] = phrase_regex(library.frames.get(section, {}).get(lang, ()), lang)  # type: ignore[assignment]
    return cache  # type: ignore[return-value]


def _product_warranty(s: Sentence, act: Hit) -> bool:
    """The act is a feature the products are warranted not to contain (frames.yaml ``product_warranties``): "合同设备
    不含有后门或未披露的远程控制功能", "the Products contain no hidden remote-access function"."""
    rx = frames_words(s.library, "product_warranties", s.unit.lang)
    if rx is None:
        return False
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, act.start)), default=0)
    return rx.search(s.text, start, act.start) is not None


def _banned_capability(s: Sentence, modal: Hit | None, act: Hit) -> bool:
    """The permission is the ability of a feature whose presence is forbidden ("不得在交付产品中设置任何可由乙方单方
    触发的停用功能", "软件中不得含有任何第三方可远程控制的代码"): a relative clause ending in 的 before its noun, under a
    ban on setting or containing it. Nothing there lets the supplier act; the ban is the promise."""
    if modal is None or modal.end > act.start:
        return False
    if s.unit.lang == "en":
        return banned_feature(s, modal)
    # (the act inside the relative clause, "可远程控制的代码", or its head noun, "可由乙方触发的锁定功能")
    if not (re.match(r"[^，,。；;]{0,12}?[的之]", s.text[act.end:]) or re.search(r"[的之]", s.text[modal.end:act.start])):
        return False
    return banned_feature(s, modal)


def banned_feature(s: Sentence, modal: Hit) -> bool:
    """``modal`` is a permission opening the relative clause of a feature whose presence a ban in its clause forbids
    (see :func:`_banned_capability`)."""
    banned = frames_words(s.library, "banned_features", s.unit.lang)
    if banned is None:
        return False
    if s.unit.lang == "en":
        # "the Products contain no hidden functionality permitting remote control", "shall not install any code
        # allowing the Supplier to": the grant describes the feature that is banned
        start = max((m.end() for m in re.finditer(r"[;.]", s.text[:modal.start])), default=0)
        return modal.cat in ("modal:permission", "modal:grant") and bool(banned.search(s.text, start, modal.start))
    if modal.cat != "modal:permission" or not re.match(r"[^，,。；;]{0,30}?[的之]", s.text[modal.end:]):
        return False
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, modal.start)), default=0)
    return bool(banned.search(s.text, start, modal.start))


def _delegated_act(s: Sentence, rid: str, act: Hit) -> bool:
    """The act is what someone else does, whom the supplier would engage: another requirement's act and a third
    party stand before it ("shall not engage any subcontractor to process", 不得转委托任何第三方处理个人信息), or it is
    part of what that act would hand over ("不得将…个人信息处理事项转委托他人"). The supplier is bound not to engage
    them, which is that other requirement; it is not bound here not to do the act."""
    others = [h for cat, hits in s.by.items() if ":" in cat and not cat.startswith(f"{rid}:")
              and cat.split(":", 1)[1] in ACTION_KEYS for h in hits]
    ba = s.text.rfind("将", 0, act.start)
    handing = s.get("handing_over")
    later = [h for h in others if h.start >= act.end and any(h.start <= g.start and g.end <= h.end for g in handing)]
    # (将 of the object, not 将 of the future: "乙方将配合…" has the act right after it)
    if s.unit.lang == "zh" and ba >= 0 and later and act.start - ba > 2:
        # "不得将本合同项下的个人信息处理事项转委托他人": the act stands in the object of another requirement's act
        # (what would be sub-entrusted), in the same clause
        nxt = min(later, key=lambda h: h.start)
        if not re.search(r"[，,。；;]", s.text[ba:nxt.start]):
            return True
    # "shall not subcontract, delegate or otherwise entrust any processing of …": the act is what would be handed
    if s.unit.lang == "en" and any(g.end <= act.start and _HANDED.fullmatch(s.text, g.end, act.start) for g in handing):
        return True
    before = [h for h in others if h.end <= act.start]
    if not before:
        return False
    prev = max(before, key=lambda h: h.end)
    # (an aside between commas names who else is meant: "engage any third party, including any group company, to
    # process …")
    between = _ASIDE.sub(" ", s.text[prev.start:act.start])
    if re.search(r"[，,。；;]", _ASIDE.sub(" ", s.text[prev.end:act.start])):
        return False
    return bool(_THIRD_PARTY[s.unit.lang].search(between))


_ASIDE = re.compile(r",\s*(?:including|such\s+as|in\s+particular|whether\s+or\s+not|e\.g\.|for\s+example)\b[^,;.]{0,80},",
                    re.IGNORECASE)


#: between a handing-over verb and the act it hands over: "entrust any processing", "subcontract the processing"
_HANDED = re.compile(r"\s+(?:(?:any|all|the|such|its|of|part|parts|portion|whole)\s+)*", re.IGNORECASE)
_THIRD_PARTY = {
    # (a parenthesis may follow the party, and a light verb the "to": "another processor (including any affiliate)
    # to carry out any processing")
    "en": re.compile(r"\b(?:third[- ]part(?:y|ies)|sub-?contractors?|sub-?processors?|(?:an)?other (?:persons?|entit(?:y|ies)|"
                     r"processors?)|affiliates?|agents?|vendors?)\s+(?:\([^()]{1,60}\)\s+)?(?:to|who|which|that)\s+"
                     r"(?:(?:carry\s+out|perform|undertake|conduct)\s+(?:any|all|the|such)?\s*)?$", re.IGNORECASE),
    "zh": re.compile(r"(?:第三方|他人|其他人|分包商|分包方|次级受托人|受托人|关联方|关联公司|其他机构|其他单位)$"),
}


#: the colon that ends a lead-in
_LEAD_COLON = re.compile(r"[:：]\s*")


def _topic_predicate(s: Sentence, obj: Hit, actions: list[Hit]) -> Hit | None:
    """The predicate of a topic-first sentence: "对于审查机构要求提供的源代码，乙方有权拒绝提供".

    When the object's clause opens with a topic marker (library ``topics``), the verbs inside that clause
    only describe the topic ("要求提供的"); the object belongs to the first clause after it that has a
    modal or an action, and there to the decisive action (a refusal over the duty it refuses).
    """
    own_start = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, obj.start)), default=0)
    # "本公司郑重承诺：贵单位申报网络安全审查的，我司应…": a commitment's colon opens the clause the topic stands in
    own_start = max((h.end for h in s.get("commitment_colons") if own_start <= h.start and h.end <= obj.start),
                    default=own_start)
    # …and so does the colon of a lead-in read with its item ("The Supplier shall: (a) where the Customer applies
    # for a cybersecurity review …, provide …")
    own_start = max((m.end() for m in _LEAD_COLON.finditer(s.text, own_start, obj.start)), default=own_start)
    own_end = _CLAUSE_BREAK.search(s.text, obj.end)
    if own_end is None:
        return None
    if not any(own_start <= t.start <= obj.start and (_TOPIC_LEAD.fullmatch(s.text, own_start, t.start)
                                                      or _subject_before_condition(s, own_start, t))
               for t in s.get("topics")) and not _attributive_clause(s, actions, own_start, own_end.start()):
        return None
    cut = own_end.end()
    for brk in [*_CLAUSE_BREAK.finditer(s.text, cut), None]:
        end = brk.start() if brk is not None else len(s.text)
        if s.text[cut - 1:cut] in ";；":
            return None  # a new sentence part: the topic does not reach over ";"
        following = [a for a in actions if cut <= a.start < end]
        if following:
            return min(following, key=lambda a: (_KIND_PRIORITY[a.cat.split(":", 1)[1]], a.start))
        if any(cut <= m.start < end for m in s.modals) and not _modal_only(s, cut, end):
            return None
        if brk is None:
            return None
        cut = brk.end()
    return None


def _bare_topic(s: Sentence, obj: Hit, actions: list[Hit]) -> Hit | None:
    """A Chinese prohibition whose object opens the sentence as its topic, with no marker: "甲方之客户数据，非经甲方
    书面同意，不得由乙方或其再委托对象访问、收集" / "甲方及其旅客的任何数据，包括…，均不得被乙方…收集". The opening
    clause holds the object and no modal or predicate (a verb describing the noun, "因运行本案而接触之机关数据", is
    none); the clauses after it up to the one with the prohibition hold no modal or act of their own (a consent, a
    list of examples). The forbidden act there takes the topic when it names no object of its own. So does an act
    the clause permits ("乙方在运维中采集的系统日志及访问数据，乙方可自行保存，并用于其产品研发"): a right over
    the topic, read as the contradiction it is."""
    if s.unit.lang != "zh":
        return None
    begin = _TOPIC_LEAD.match(s.text).end()
    first = _CLAUSE_BREAK.search(s.text, obj.end)
    if first is None or first.group(0) not in "，," or _CLAUSE_BREAK.search(s.text, begin, obj.start) \
            or any(begin <= m.start < first.start() for m in s.modals) \
            or any(begin <= a.start < first.start() and not _attributive_act(s, a) and not _inside_noun(s, a, obj)
                   for a in actions):
        return None
    cut = first.end()
    while True:
        brk = _CLAUSE_BREAK.search(s.text, cut)
        end = brk.start() if brk else len(s.text)
        banned = [a for a in actions if cut <= a.start < end and a.cat.split(":", 1)[1] in ("forbidden", "partial")
                  and any(m.cat in _TOPIC_MODALS and cut <= m.start and m.end <= a.start for m in s.modals)]
        if banned:
            own = [o for cat, hits in s.by.items() if ":obj:" in cat or cat.endswith("objects") for o in hits]
            first_act = min(banned, key=lambda a: a.start)
            return None if _own_complement(s, first_act, own) else \
                min(banned, key=lambda a: (_KIND_PRIORITY[a.cat.split(":", 1)[1]], a.start))
        if any(cut <= m.start < end for m in s.modals) or any(cut <= a.start < end for a in actions) \
                or brk is None or brk.group(0) not in "，,":
            return None
        cut = brk.end()


def _inside_noun(s: Sentence, act: Hit, obj: Hit) -> bool:
    """The act is a word inside the compound noun the object ends ("用户访问行为数据": user access-behaviour
    data): one of the people who do it right before it (frames.yaml ``compound_persons``), nothing but a few
    characters of the compound between it and the object."""
    persons = frames_words(s.library, "compound_persons", s.unit.lang)
    if persons is None or act.end > obj.start or not re.fullmatch(r"[\u4e00-\u9fff]{0,4}", s.text[act.end:obj.start]) \
            or re.search(r"[的之]", s.text[act.end:obj.start]):
        return False
    before = s.text[max(0, act.start - 8):act.start]
    return any(m.end() == len(before) for m in persons.finditer(before))


#: the modals that may take a bare topic as the object of their act: a ban, or a right over it
_TOPIC_MODALS = ("modal:prohibition", "modal:permission", "modal:grant")


def _subject_before_condition(s: Sentence, start: int, topic: Hit) -> bool:
    """The clause opens with what its condition is about, then the condition ("本项目所采购的服务如需申报网络安全审查，
    乙方应当…", "客户如须申报网络安全审查，供应商须全面配合"): a short phrase with no modal and no act, so the
    condition still opens the clause and its object is the topic of the duty after it."""
    openers = frames_words(s.library, "condition_openers", s.unit.lang)
    if s.unit.lang != "zh" or openers is None or not openers.fullmatch(topic.text):
        return False
    lead = _TOPIC_LEAD.match(s.text, start)
    begin = lead.end() if lead else start
    return (0 < topic.start - begin <= 24 and not _CLAUSE_BREAK.search(s.text, begin, topic.start)
            and not any(begin <= m.start < topic.start for m in s.modals)
            and not any(begin <= h.start < topic.start for c, hits in s.by.items()
                        if c.rsplit(":", 1)[-1] in ACTION_KEYS for h in hits))


def _modal_only(s: Sentence, start: int, end: int) -> bool:
    """The clause holds the subject and its modal and nothing a predicate could be ("乙方应当在收到甲方通知之日起五个
    工作日内，", "the Supplier shall, within five Business Days,"): the modal governs the predicate of a later clause."""
    rest = s.text[start:end]
    for m in s.modals:
        if start <= m.start < end:
            rest = rest.replace(m.text, " ")
    for p in s.parties:
        if start <= p.start < end:
            rest = rest.replace(p.text, " ")
    acting_on = frames_words(s.library, "acting_on", s.unit.lang)
    if acting_on is not None:  # (the basis it acts on is no predicate either: "乙方应按照甲方及审查机构的要求，如实提供…")
        rest = acting_on.sub(" ", rest)
    return bool(_ADVERBIAL[s.unit.lang].fullmatch(rest.strip()))


def _attributive_clause(s: Sentence, actions: list[Hit], start: int, end: int) -> bool:
    """A Chinese clause with no modal and no party whose verbs all modify a noun ("审查机构要求提供的内部技术资料，"):
    a topic named without a marker."""
    if s.unit.lang != "zh":
        return False
    inside = [a for a in actions if start <= a.start < end]
    if not inside or any(start <= m.start < end for m in s.modals) or any(
            start <= p.start < end for p in s.parties):
        return False
    return all("的" in a.text or s.text[a.end:a.end + 1] == "的" for a in inside)


_PASSIVE_TAIL = re.compile(r"\s+be\s+(?:\w+ly\s+)?\w+(?:ed|en|n)\s+by\b", re.IGNORECASE)


def _passive_modal(s: Sentence, m: Hit) -> bool:
    """"Full assistance shall be provided by the Contractor in any review": the modal does not separate the
    nominal act before it from the object after the passive verb."""
    return s.unit.lang == "en" and bool(_PASSIVE_TAIL.match(s.text, m.end))


def _parts_alone(s: Sentence, req: Any, obj_hits: list[Hit], lang: str) -> str | None:
    """The part that alone stands for the support (lexicon ``part_objects``), with none of ``support_words`` in the
    sentence: where the requirement names ``patch_triggers``, every object is a part and a trigger is named
    ("漏洞经确认后七日内向需方提供补丁"); otherwise the element holding the parts is named by parts only ("cease to
    supply licences, renewal keys, Releases or Updates")."""
    parts = {p.lower() for p in req.lexicon.get("part_objects", {}).get(lang, ())}
    if not parts or not obj_hits or s.get(f"{req.id}:support_words"):
        return None
    if req.lexicon.get("patch_triggers", {}).get(lang):
        named = obj_hits if s.get(f"{req.id}:patch_triggers") else []
        return obj_hits[0].text if named and all(o.text.lower() in parts for o in named) else None
    for el in req.elements:
        names = {o.lower() for o in el.objects[lang] if not o.startswith("re:")}
        named = [o for o in obj_hits if o.text.lower() in names] if parts & names else []
        if named and all(o.text.lower() in parts for o in named):
            return named[0].text
    return None


def _partial_kind(s: Sentence, rid: str, objects: list[Hit]) -> str | None:
    """The one kind every object of the undertaking is of (library ``partial_kinds``: personal information, one kind
    of the user data), each item of a listed object counted; None when any item or broad object is of another kind."""
    kinds = s.get(f"{rid}:partial_kinds")
    if not kinds or not objects:
        return None
    spans: list[list[int]] = []  # overlapping hits are one phrase ("personal information of Customer's clients")
    for o in sorted(objects, key=lambda h: h.start):
        if spans and o.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], o.end)
        else:
            spans.append([o.start, o.end])
    items = []  # (start, end) of each listed item, separators left out
    for a, b in spans:
        cuts = [a, *(x for m in _LIST_ITEMS.finditer(s.text, a, b) for x in (m.start(), m.end())), b]
        items += [(x, y) for x, y in zip(cuts[::2], cuts[1::2], strict=True) if s.text[x:y].strip()]
    examples = _examples_of(s.text, kinds)
    broad = [b for b in s.get(f"{rid}:broad_objects") if not any(o.start <= b.start and b.end <= o.end for o in objects)
             and not any(i <= b.start and b.end <= j for i, j in examples)]
    if broad or not items or not all(any(x <= k.start and k.end <= y for k in kinds)
                                     or any(i <= x and y <= j for i, j in examples) for x, y in items):
        return None
    return objects[0].text


#: the opener of examples of what was just named ("personal information of the Client's employees, such as identity
#: numbers, bank account details or salary data", "个人信息，例如姓名、工资数据")
_EXAMPLE_OPENER = re.compile(r"\b(?:such\s+as|for\s+example|for\s+instance|e\.g\.|including|in\s+particular|namely)\b"
                             r"|例如|比如|诸如|包括但不限于|包括", re.IGNORECASE)
_EXAMPLES_END = re.compile(r"[;；。)）]|\.(?:\s|$)")


def _examples_of(text: str, kinds: list[Hit]) -> list[tuple[int, int]]:
    """The spans that give examples of a kind just named (an opener within its own phrase, before any clause break):
    the items there are of that kind, whatever noun each ends in ("salary data")."""
    spans = []
    for k in kinds:
        m = _EXAMPLE_OPENER.search(text, k.end, k.end + 60)
        if m is None or _EXAMPLES_END.search(text, k.end, m.start()):
            continue
        end = _EXAMPLES_END.search(text, m.end())
        spans.append((m.end(), end.start() if end else len(text)))
    return spans


_LIST_ITEMS = re.compile(r"、|和|及|以及|或者|或|与|,|\band\b|\bor\b", re.IGNORECASE)


def _in_means_slot(s: Sentence, obj: Hit) -> bool:
    """English: ``obj`` stands between a binding modal and the verb it governs ("shall not, through the products or any
    technical means (including … log uploads …), use …"): the means of the act, never its object (a passive modal holds
    its subject: "No data shall be collected")."""
    return s.unit.lang == "en" and any(m.end <= obj.start and not _passive_modal(s, m)
                                       and m.cat in ("modal:prohibition", "modal:obligation")
                                       and _MEANS_OPENING.match(s.text, m.end)
                                       and not re.search(r"[;；。:：]", s.text[m.end:obj.start]) for m in s.modals)


#: an aside opening right after the modal that names the means ("shall not, through the products, …")
_MEANS_OPENING = re.compile(r"\s*,?\s*(?:(?:directly\s+or\s+indirectly|whether\s+directly\s+or\s+indirectly)\s*,?\s*)?"
                            r"(?:whether\s+)?(?:through|via|by\s+means\s+of|by\s+way\s+of|by\s+using|using)\b",
                            re.IGNORECASE)


def _attach(s: Sentence, obj: Hit, actions: list[Hit]) -> Hit | None:
    """The action governing ``obj``: see the module docstring, step 2.

    Coordinated actions under one modal ("shall not collect, store or use")
    and chains ("decline to cooperate") are read together: the decisive kind
    wins (a refusal over the duty it refuses, a core act over a partial one).
    """
    topic = _topic_predicate(s, obj, actions) or _bare_topic(s, obj, actions)
    if topic is not None:
        return topic
    predicates = [a for a in actions if not _attributive_act(s, a)]
    if predicates and len(predicates) < len(actions):
        # "乙方应将其因履行本合同而留存的全部个人信息返还甲方": the verb of the relative clause describes the
        # object; the predicate after it is what the supplier is bound to do
        actions = predicates
    forward = [a for a in actions if a.end <= obj.start
               and not any(a.end <= m.start and m.end <= obj.start and not _passive_modal(s, m) for m in s.modals)]
    backward = [a for a in actions if a.start >= obj.end
                and (_one_clause(s.text[obj.end:a.start]) if s.unit.lang == "en"
                     else not _CLAUSE_BREAK.search(s.text[obj.end:a.start]))]
    # "shall not, through the products or any technical means (including … log uploads …), use …": in English a thing
    # named between the modal and its active verb is the means, not the verb's object (a passive modal holds its
    # subject: "No data shall be collected")
    means = _in_means_slot(s, obj)
    if means:
        backward = []
    head = [a for a in actions if a.start < obj.start < a.end]
    if forward:
        best = min(forward, key=lambda a: (_KIND_PRIORITY[a.cat.split(":", 1)[1]], -a.start))
        inner = [h for h in head if _KIND_PRIORITY[h.cat.split(":", 1)[1]] < _KIND_PRIORITY[best.cat.split(":", 1)[1]]]
        if inner:  # "保证持续供货": the continuity verb the object opens inside beats the 保证 before it
            return min(inner, key=lambda a: (_KIND_PRIORITY[a.cat.split(":", 1)[1]], a.start))
        if best.cat.endswith(":refusable"):
            # "maintain the supply … without interruption": the continuity wording after the object decides
            # ("承包人供应的设备和提供的技术支持服务不得中断": a verb modifying its noun with 的 is no predicate,
            # so the continuity wording after the modal decides)
            attributive = s.unit.lang == "zh" and s.text[best.end:best.end + 1] == "的"
            stronger = [a for a in backward if not a.cat.endswith(":refusable")
                        and (attributive or not any(obj.end <= m.start and m.end <= a.start for m in s.modals))]
            if stronger:
                return min(stronger, key=lambda a: (_KIND_PRIORITY[a.cat.split(":", 1)[1]], a.start))
        return best
    if head and not any(_KIND_PRIORITY[b.cat.split(":", 1)[1]] < _KIND_PRIORITY[h.cat.split(":", 1)[1]]
                        for b in backward for h in head):
        # "continue to supply the Products", "持续供应许可软件": the object phrase opens inside the verb (a refusal
        # or a forbidden act after it still decides: "no assurance of continued supply … and may stop either")
        return min(head, key=lambda a: (_KIND_PRIORITY[a.cat.split(":", 1)[1]], a.start))
    if backward:
        first_modal = _governing_modal(s, backward[0].start)
        group = [a for a in backward if not any(backward[0].end <= m.start and m.end <= a.start for m in s.modals
                                                 if m is not first_modal)]
        pick = min(group, key=lambda a: (_KIND_PRIORITY[a.cat.split(":", 1)[1]], a.start))
        decisive = [a for a in backward if a not in group and a.cat.split(":", 1)[1] in ("refusal", "forbidden")]
        if pick.cat.endswith(":refusable") and decisive:
            # "Support … is provided on an as-available basis and may be withdrawn by the Vendor": the object is
            # the subject of both predicates, and the one that stops or refuses it decides
            return min(decisive, key=lambda a: (_KIND_PRIORITY[a.cat.split(":", 1)[1]], a.start))
        if pick.cat.endswith(":refusable") and s.unit.lang == "zh" and s.text[pick.end:pick.end + 1] == "的":
            # "承包人供应的设备、备品备件和提供的技术支持服务不得中断": 提供的 only modifies a noun
            later = [a for a in backward if a.start > pick.start and not a.cat.endswith(":refusable")]
            if later:
                return later[0]
        return pick
    overlapping = [a for a in actions if a.overlaps(obj)]
    if overlapping:
        return overlapping[0]
    if means:
        return None
    # topic first: "本项目涉及的网络安全审查，由承包人负责全力配合" — an object alone in its clause belongs to
    # the first action of the next clause
    breaks = list(_CLAUSE_BREAK.finditer(s.text, obj.end))
    own_start = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, obj.start)), default=0)
    if breaks and not any(own_start <= a.start < breaks[0].start() for a in [*actions, *s.modals]):
        nxt_end = breaks[1].start() if len(breaks) > 1 else len(s.text)
        following = [a for a in actions if breaks[0].end() <= a.start < nxt_end]
        if not following and len(breaks) > 1 and s.text[breaks[1].start()] not in ";；" \
                and any(breaks[0].end() <= m.start < nxt_end for m in s.modals):
            # "如甲方申报网络安全审查，乙方将按审查机构的要求，及时提供所需文档": the next clause holds only the
            # subject, its modal and a manner; its predicate follows in the clause after
            after_end = breaks[2].start() if len(breaks) > 2 else len(s.text)
            following = [a for a in actions if breaks[1].end() <= a.start < after_end]
        if following:
            return min(following, key=lambda a: (_KIND_PRIORITY[a.cat.split(":", 1)[1]], a.start))
    return None


_TERM_RX: dict[tuple[tuple[str, ...], str], re.Pattern[str]] = {}


def _term_regex(terms: tuple[str, ...], lang: str) -> re.Pattern[str]:
    key = (terms, lang)
    if key not in _TERM_RX:
        if len(_TERM_RX) > 64:
            _TERM_RX.clear()
        alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
        _TERM_RX[key] = re.compile(_TERM[lang].format(f"(?:{alternatives})"))
    return _TERM_RX[key]


def _example_of_catch_all(s: Sentence, library: Library, item: Hit, objects: list[Hit]) -> bool:
    """``item`` is one of the examples of a list that ends in a wider object of the same kind ("…交易流水、计费参数
    等数据", "card numbers, location data or other data of users"): the list names what the wider object includes,
    so the narrow item does not limit the promise (frames.yaml ``enumerations.catch_alls``)."""
    from .frames import _enumeration_regex

    closing = _enumeration_regex(library, "catch_alls", s.unit.lang)
    if closing is None:
        return False
    for obj in objects:
        if obj.start < item.end or obj.contains(item):
            continue
        between = s.text[item.end:obj.start]
        if len(between) > 80 or _CLAUSE_BREAK.search(between) or re.search(r"[;；:：。.]", between):
            continue
        if closing.search(between):
            return True
    return False


def _recital_paragraph(unit: Unit, library: Library) -> list[Hit]:
    """A later sentence of a paragraph that opens as a recital ("鉴于《个人信息保护法》第二十一条规定，…；受托人不得超出
    约定的处理目的…"): the quotation runs on after the "；", and its prohibitions are the statute's, not a party's."""
    block = getattr(unit.sentence, "block", None) if unit.sentence is not None else None
    if block is None or not unit.sentence.start > block.start:
        return []
    rx = _common_regex(library, "recitals", unit.lang)
    m = rx.search(block.text) if rx is not None else None
    # ... or a paragraph that opens by quoting a statute, in a recitals list or a notice ("2. 《中华人民共和国个人
    # 信息保护法》第二十一条规定，…；受托人应当按照约定处理个人信息，不得超出…")
    opens = _common_regex(library, "statute_openings", unit.lang)
    m = m or (opens.match(block.text) if opens is not None else None)
    # only a recital that quotes the law (a citation in its opening sentence): a recital quoting the main contract
    # ("鉴于主合同第十条约定：“乙方不得…；乙方不得…”") quotes undertakings that bind
    cites = _common_regex(library, "citations", unit.lang)
    opening = block.text[:max(0, unit.sentence.start - block.start)]
    return [Hit("recitals", 0, 0, m.group(0))] if m and cites is not None and cites.search(opening) else []


def _required_contents(unit: Unit, library: Library) -> list[Hit]:
    """A requirement on what contracts must contain, earlier in the unit's paragraph ("All supplier contracts … shall
    contain undertakings by the supplier that it will cooperate …; that it will not …", or "…, in these words. The
    supplier shall …"): every undertaking after it in the paragraph is what a contract must say, not one anybody gives
    (a right it grants is still read: the caller gates undertakings only)."""
    sentence = unit.sentence
    block = getattr(sentence, "block", None) if sentence is not None else None
    rx = _common_regex(library, "required_contents", unit.lang)
    if block is None or rx is None or not unit.pieces:
        return []
    m = rx.search(block.text, 0, max(0, unit.pieces[-1][2] - block.start))
    return [Hit("required_contents", 0, 0, m.group(0))] if m else []


def assess(unit: Unit, s: Sentence, library: Library) -> list[Assessment]:
    """Every requirement's reading of one unit."""
    from .frames import frame_of
    out: list[Assessment] = []
    lang = unit.lang
    recital = s.get("recitals") or _recital_paragraph(unit, library)
    citation = s.get("citations")
    # what contracts must say binds nobody, whoever it names (the supplier included); a right it grants still counts
    required = _required_contents(unit, library)
    definition = s.get("definitions")
    for req in library.requirements:
        rid = req.id
        element_ids = [el.id for el in req.elements]
        objs = _objects(s, rid, element_ids, s.parties)
        by_definition: list[Hit] = []
        for el in element_ids:  # a defined term whose definition names the element ("the Services")
            terms = unit.defined.get((rid, el))
            for m in (_term_regex(terms, lang).finditer(s.text) if terms else ()):
                if not any(p.start < m.end() and m.start() < p.end for p in s.parties) and not any(
                        o.start < m.end() and m.start() < o.end for o in objs.get(el, [])):
                    by_definition.append(Hit(f"{rid}:obj:{el}", m.start(), m.end(), m.group(0)))
                    objs.setdefault(el, []).append(by_definition[-1])
        # "cooperate with any such review" after the cybersecurity review was named: only in a plain duty (a refusal
        # or a right so named back is read with the undertaking it qualifies, as a rider or an override)
        plain = not s.get(f"{rid}:refusal") and not any(m.cat != "modal:obligation" for m in s.modals)
        for el in element_ids if plain else ():
            if (rid, el) not in unit.antecedents or objs.get(el):
                continue
            for h in s.get(f"{rid}:anaphor:{el}"):
                # …as the complement of the duty's own act ("cooperate with any such review", 配合审查工作), not as a
                # time or a topic elsewhere in the sentence ("交付全部设备于审查通过后", "commitments on cooperation")
                duty = [a for a in s.get(f"{rid}:duty") if a.end <= h.start
                        and _anaphor_gap(s.library, lang).fullmatch(s.text, a.end, h.start)]
                if duty and not any(p.overlaps(h) for p in s.parties if p.cat != "party:pronoun"):
                    objs.setdefault(el, []).append(Hit(f"{rid}:obj:{el}", h.start, h.end, h.text))
        _pronoun_objects(s, rid, element_ids, objs)
        broad = [h for h in s.get(f"{rid}:broad_objects") if not any(p.overlaps(h) for p in s.parties
                                                                        if p.cat != "party:pronoun")]
        all_objs = [h for hs in objs.values() for h in hs]
        actions_raw = [h for k in ACTION_KEYS for h in s.get(f"{rid}:{k}")]
        actions = _longest([a for a in actions_raw
                            if not any(o.contains(a) or (o.start <= a.start and a.end <= o.end and o.cat != a.cat)
                                       for o in all_objs)
                            and not any(p.overlaps(a) for p in s.parties if p.cat != "party:pronoun")
                            # (nor the 控制 of 控制器, a device named by what it does)
                            and not any(n.contains(a) and n.end - n.start > a.end - a.start
                                        for n in s.get(f"{rid}:partial_objects"))
                            and not _in_parenthetical(s, a) and not _nominal_gerund(s, a)
                            and not _named_failure(s, a) and not _device_name_act(s, a)])
        # two acts across each other's edge (暂停 / 停供 in "暂停供货"): the one read first is the word
        actions = [a for a in actions if not any(o.start < a.start < o.end < a.end for o in actions)]
        actions.sort(key=lambda h: h.start)
        contradicting = s.get(f"{rid}:contradicting")
        # (a definition states a particular too: "“委托目的”指…")
        stated = [] if (recital or citation) else _stated_particulars(s, req)
        if not all_objs and not broad and not (recital or citation):
            left = _object_act_left_to_supplier(s, rid, unit)
            if left is not None:
                out.append(left)
        if not actions and not all_objs and not contradicting and not stated:
            continue
        results: list[Assessment] = list(stated)
        # pair actions with elements
        pairs: dict[int, tuple[Hit, set[str], list[Hit]]] = {}
        # a Chinese compound names its class before its head noun: the 主机 of 服务器主机 is a server, not every host,
        # the 网络安全 of 网络安全法律法规 what the law is about. An object inside a narrower class is that class only.
        partials = s.get(f"{rid}:partial_objects") if lang == "zh" else []
        heading = _HEADING_ZH.match(s.text) if lang == "zh" else None
        # English names the class before the head it shares with the object: "payment card data of the Customer's
        # end users" is card data only, though "data of the Customer's end users" alone would be every kind
        lead_partials = s.get(f"{rid}:partial_objects") if lang == "en" else []
        for el, hs in objs.items():
            for obj in hs:
                if any(p.contains(obj) and (p.start, p.end) != (obj.start, obj.end) for p in partials):
                    continue
                if any(p.end == obj.start for p in partials):
                    continue  # "自助值机设备", "服务器设备": the class named right before the head noun is the object
                if any(p.start < obj.start < p.end < obj.end for p in lead_partials):
                    continue
                act = _attach(s, obj, actions)
                if act is None:
                    continue
                if heading is not None and obj.end <= heading.end(1) and _own_complement(
                        s, act, [*all_objs, *partials, *broad]):
                    continue  # "第九条 网络安全 乙方应遵守法律法规": the heading names the topic, the act has its object
                entry = pairs.setdefault(id(act), (act, set(), []))
                entry[1].add(el)
                entry[2].append(obj)
                for later in _topic_prohibitions(s, obj, act, actions, [*all_objs, *partials, *broad]):
                    entry = pairs.setdefault(id(later), (later, set(), []))
                    entry[1].add(el)
                    entry[2].append(obj)
        narrow: set[int] = set()
        for obj in s.get(f"{rid}:partial_objects"):  # one narrow category ("payment card numbers")
            if _example_of_catch_all(s, library, obj, all_objs):
                continue  # "…车牌图像、交易流水、计费参数等数据": an example of the data the list ends in
            act = _attach(s, obj, actions)
            if act is not None and id(act) in pairs and pairs[id(act)][2] and all(
                    _locates(s, obj, o) for o in pairs[id(act)][2]):
                # "alter any STB-5000 set-top box deployed in the Purchaser's network", "控制部署在甲方网络中的机顶盒":
                # the element names where the narrow class stands, and the act's object is the class
                pairs[id(act)] = (act, set(), [obj])
                narrow.add(id(act))
            if act is not None and id(act) not in pairs:
                pairs[id(act)] = (act, set(), [obj])
                narrow.add(id(act))
        for obj in broad:
            act = _attach(s, obj, actions)
            if act is not None and id(act) not in pairs:
                pairs[id(act)] = (act, set(), [obj])
        for el in element_ids:
            if (rid, el) not in unit.absent:
                continue
            for obj in s.get(f"{rid}:stand:{el}"):
                if any(p.overlaps(obj) for p in s.parties if p.cat != "party:pronoun"):
                    continue  # the "Service" of "the Service Provider", the 服务 of 服务商: a name, not what is supplied
                if any(o.overlaps(obj) for o in all_objs if o not in by_definition):
                    continue  # the 服务 of 技术支持服务, the "services" of "support services": another element
                if any(o.end <= obj.start and obj.text.lower() in o.text.lower() for o in all_objs
                       if o not in by_definition):
                    continue  # "提供技术支持服务……不得中止服务": the bare head noun repeats the compound named before it
                if any(_SHARED_HEAD.fullmatch(s.text, o.end, obj.start) for o in all_objs if o not in by_definition):
                    continue  # "安全补丁及漏洞修复服务": the head of a list whose first item is another element
                act = _attach(s, obj, actions)
                if act is not None and id(act) in pairs and pairs[id(act)][1] and el not in pairs[id(act)][1]:
                    pairs[id(act)][1].add(el)
                    pairs[id(act)][2].append(obj)
        if objs and not any(els and _classify(a.cat.split(":", 1)[1], stance(s, _governing_modal(s, a.start), a), True)
                            for a, els, _ in pairs.values()):
            # "网络安全审查由买方负责，卖方无义务配合": a refused duty reaches back to the topic named earlier
            # in the sentence
            for act in actions:
                kind = act.cat.split(":", 1)[1]
                if id(act) in pairs or kind not in ("duty", "refusal") \
                        or (all_objs and all(_in_means_slot(s, o) and o.end <= act.start for o in all_objs)):
                    continue
                if _classify(kind, stance(s, _governing_modal(s, act.start), act), True) == "contradiction":
                    pairs[id(act)] = (act, set(objs), all_objs[:1])
        if rid in unit.inherited and not any(
                els and _classify(a.cat.split(":", 1)[1], stance(s, _governing_modal(s, a.start), a), True)
                == "contradiction" for a, els, _ in pairs.values()):
            # an override pointing back ("Notwithstanding the foregoing, the Supplier may refuse", "尽管有前款约定，
            # 乙方无须向审查机构提供源代码"): the topic is the undertaking just before it, whatever the sentence's
            # own objects; only a contradiction is read from it, and handing over papers counts as the duty
            for act in actions:
                kind = act.cat.split(":", 1)[1]
                if kind == "partial_duty":
                    act = Hit(f"{rid}:duty", act.start, act.end, act.text)
                    kind = "duty"
                if id(act) not in pairs and any((a.start, a.end, a.cat) == (act.start, act.end, act.cat)
                                                for a, _, _ in pairs.values()):
                    continue  # the same words already read
                if _classify(kind, stance(s, _governing_modal(s, act.start), act), True) == "contradiction":
                    old = pairs.get(id(act))
                    pairs[id(act)] = (act, {el.id for el in req.elements}, old[2] if old else [])
        kept = [h for h in s.get(f"{rid}:withheld_objects")
                    if not any(p.overlaps(h) for p in s.parties if p.cat != "party:pronoun")]
        if kept and (objs or rid in unit.inherited or unit.global_override or rid in unit.continues) and not (
                rid not in unit.inherited and s.get("carve_outs")):
            # (a refusal left to the supplier's judgement, "where, in its sole discretion, disclosure would harm
            # it", is the swallowing carve-out of a weak undertaking, not a refusal of the review)
            # a refusal rider on the undertaking ("乙方应配合网络安全审查，但有权拒绝提供源代码", "…的范围不包括
            # 源代码，对此乙方有权拒绝提供"): refusing what the review asks for refuses part of the review
            _refusal_riders(s, rid, req, actions, kept, pairs)
        limitation = _scope_limitation(s, actions, kept, all_objs + broad) if (objs or rid in unit.inherited) else None
        for act, elements, obj_hits in pairs.values():
            kind = act.cat.split(":", 1)[1]
            modal = _governing_modal(s, act.start) or _passive_modal_after(s, act)
            st = stance(s, modal, act)
            if kind in ("duty", "partial_duty") and st == "may" and _demand_met(s, modal, act) is not None:
                st = "do"  # "甲方有权要求乙方配合网络安全审查，乙方不得拒绝": a demand the supplier may not refuse
            if kind in ("forbidden", "partial") and st in ("do", "may") and _list_follows(s, act):
                continue  # "may suspend only in the following circumstances:" alone: each item is read with it
            if kind in ("forbidden", "partial") and st in ("do", "may") and _restricted(s, act, rid):
                st = "not"  # "shall collect end-user data only with the Customer's written consent": a prohibition
            if st == "may" and _banned_capability(s, modal, act):
                # "不得在交付软件中设置可由乙方单方操纵甲方系统的程序": what "may" be done names a banned feature, so
                # the ban is the promise, read with the ban's own modal
                ban = _governing_modal(s, modal.start)
                modal, st = (ban, "not") if ban is not None and ban.cat == "modal:prohibition" else (None, "bare-not")
            if kind in ("duty", "partial_duty") and st == "not" and _earlier_item_negation(s, modal, act):
                st = "do"  # "shall take measures, not implant malicious code, report incidents and comply with …"
            if kind == "duty" and st == "not" and any(n.start == act.start for n in s.get("negations")):
                st = "do"  # "承诺不X，无正当理由不中断供应": a duty worded negatively, restated under the prohibition
            side, party = subject(s, modal, act, lang)
            marks = [act, *obj_hits] + ([modal] if modal else []) + ([party] if party else [])
            if kind == "forbidden" and st in ("not", "bare-not") and _product_warranty(s, act):
                kind = "partial"  # "设备不含有后门或未披露的远程控制功能": what the products lack, not the supplier's conduct
            verdict = _classify(kind, st, bool(elements))
            if verdict == "contradiction" and kind in ("duty", "partial_duty") and _inside_other_object(s, rid, act):
                continue  # "shall not interrupt the supply of the Products or the Support Services": no refusal of the review
            if verdict != "contradiction" and (_attributive_act(s, act) or _delegated_act(s, rid, act)):
                continue  # "data that it processes for other customers", 转委托第三方处理: not the act bound
            if verdict != "contradiction" and _reported_question(s, act):
                # "A Tenderer asked whether the Contractor will be required to assist": a question, up to its comma
                # (what follows may answer it: "…询问是否配合的，乙方应当…"; a right granted after it still counts)
                continue
            presumed = side if side in _PRESUMED else None
            if (verdict is None and kind == "duty" and st == "none" and side == "supplier" and party is not None
                    and not any(c.end <= act.start for c in s.get("conditions"))):
                verdict = "weak-undertaking"  # "服务商…配合网络安全审查": a statement, not a binding promise
            if verdict is None and kind == "refusal" and st in ("none", "bare-not") and s.get("exemptions"):
                verdict = "contradiction"  # "乙方不予配合的，不视为违约": refusing costs nothing, so it is a right
            if kind == "duty" and (s.get("carve_outs") or (modal is not None and modal.cat == "modal:permission")) \
                    and _whether_before(s, act):
                verdict = "contradiction"  # "是否配合由乙方自行决定", "有权决定是否配合": a free choice not to perform
            if (verdict is None and kind == "refusal" and st == "none" and side in ("supplier", "presumed_supplier")
                    and party is not None
                    and not any(c.end <= act.start for c in s.get("conditions"))
                    and not _nominal_condition(s, act)):
                verdict = "contradiction"  # "乙方不予提供", "the Vendor refuses to": a declared refusal
            if (verdict == "weak-undertaking" and unit.instrument and modal is None and side == "supplier"
                    and st in ("none", "bare-not")):
                # "切结书 … 二、本厂商不利用履约之机会违法收集…": the instrument is the promise its statements make
                verdict = "partial-undertaking" if kind in ("partial", "partial_duty") else "undertaking"
            if presumed:
                # a side only presumed by convention holds a right (contradiction) but never makes a promise count
                side = _PRESUMED[presumed] if verdict == "contradiction" else None
                party = party if verdict == "contradiction" else None
            if verdict is None:
                results.append(Assessment(rid, "near-miss", unit, elements=set(elements), score=1.0 + len(elements),
                                          highlights=_spans(marks),
                                          reasons=[Reason("near-miss", f"{act.text} … {obj_hits[0].text}")],
                                          detail="no binding undertaking" if st == "none" else f"stance {st}"))
                continue
            if side == "buyer":
                results.append(Assessment(rid, "near-miss", unit, elements=set(elements), score=2.0,
                                          highlights=_spans(marks),
                                          reasons=[Reason("not-supplier", party.text if party else "")],
                                          detail="given by the buyer"))
                continue
            # (the supplier named only by the statute's own words, "产品和服务提供者" in "…应当要求产品和服务提供者…承诺…",
            # is the statute's subject, not the party: a contract defining its supplier so still quotes the law)
            # (not a quotation holding the party: "…修改为“供方应…”" is the amended clause, and binds)
            quoted = party is not None and any(c.start <= party.start and party.end <= c.end
                                               and not c.text.startswith(("“", '"', "「", "‘")) for c in citation)
            gate = recital or (required if verdict != "contradiction" else []) \
                or (citation if side != "supplier" or party is None or quoted else [])
            if gate or definition:
                code = "recital" if gate else "definition"
                results.append(Assessment(rid, "near-miss", unit, elements=set(elements), score=2.5,
                                          highlights=_spans(marks),
                                          reasons=[Reason(code, (gate or definition)[0].text[:80])], detail=code))
                continue
            if verdict == "contradiction" and obj_hits and all(o in by_definition for o in obj_hits):
                elements = set()  # a defined term widens an undertaking; in a right it counts as a broad object only
            if verdict == "contradiction":
                # (a refusal the supplier is given, "有权拒绝", or a duty it need not perform, "无义务配合"; not a refusal
                # named as a breach, "乙方…拒绝提供审查材料的，应支付违约金")
                refused = (kind == "refusal" and st == "may") or (kind in ("duty", "partial_duty") and st == "need-not")
                justified = _justified(s, rid, kind, refused) or _listed_causes(s)
                # "无须配合发包人或者任何主管部门的网络安全审查", "may cease to provide the Services": part of the
                # act's own object, not a reason for it
                # (the object next to the act: "可以暂停供货：（三）法律、行政法规禁止继续供货的" names 供货 again after
                # the reason, which is no part of the first object)
                far = min((o.end for o in obj_hits if o.start >= act.end), default=max((o.end for o in obj_hits),
                                                                                      default=act.end))
                justified = [h for h in justified if not (act.end <= h.start and h.end <= far)]
                if justified or side is None:
                    results.append(Assessment(rid, "near-miss", unit, elements=set(elements), score=1.5,
                                              highlights=_spans(marks),
                                              reasons=[Reason("near-miss", justified[0].text if justified else
                                                              "no party named")],
                                              detail="justified" if justified else "no party named"))
                    if not justified:
                        # fail closed: a right to do the forbidden act held by a party the contract does not
                        # identify ("乙方…可…停止提供…技术服务" where nothing says who 乙方 is) may be the
                        # supplier's, so an undertaking elsewhere cannot be satisfied: weak, both cited
                        phrase = _phrase(s, modal, act, obj_hits)
                        results.append(Assessment(rid, "limitation", unit, quality="weak",
                                                  elements={el.id for el in req.elements}, highlights=_spans(marks),
                                                  reasons=[Reason("unidentified-right", phrase)], detail=phrase))
                    continue
                breadth = s.get("breadth")
                detail = _phrase(s, modal, act, obj_hits)
                reasons = [Reason("contradicted-by", detail)] + [Reason("contradicted-by", b.text) for b in breadth]
                taken = Assessment(rid, "contradiction", unit, elements=set(elements),
                                   highlights=_spans(marks + breadth), reasons=reasons, detail=detail)
                taken.frame = frame_of(taken, s, library, modal, act, st, side, party, obj_hits)
                results.append(taken)
                continue
            if not elements and id(act) in narrow:
                reasons, weak_marks = _weakeners(s, rid, modal, act)
                referred = [o for o in obj_hits if any(r.overlaps(o) for r in s.get(f"{rid}:referred_agreements"))]
                # only a separate agreement, whose text the contract does not hold: the lawyer must read that one
                reasons.insert(0, Reason("separate-agreement", referred[0].text) if referred
                               else Reason("partial-coverage", f"only '{obj_hits[0].text}'"))
                results.append(Assessment(rid, "undertaking", unit, quality="weak", highlights=_spans(marks + weak_marks),
                                          reasons=reasons, detail=reasons[0].detail))
                continue
            if not elements:
                continue  # an undertaking on a broad object only ("the Services") covers no element
            reasons, weak_marks = _weakeners(s, rid, modal, act)
            titled = _inside_agreement_titles(s, rid, obj_hits)
            if titled is not None:  # "签订《网络安全和保密协议》": the element is named only in a separate agreement's title
                reasons.insert(0, Reason("separate-agreement", titled.text))
            bracketed = _bracketed(s, [act, *obj_hits, *([modal] if modal else [])])
            if bracketed is not None:  # "不中断产品供应[及必要的技术支持服务]": a draft's text not yet agreed
                reasons.append(Reason("bracketed", bracketed))
            if req.anchor_title and not s.get(f"{rid}:anchors"):
                # "乙方不得留存学生照片" for a duty due when the entrustment ends: a promise, but not tied to the end
                reasons.append(Reason("unanchored", req.anchor_title["en"]))
            narrowed = {t for el in elements for t in unit.narrowed.get((rid, el), ())}
            lowered = s.text.lower()
            for o in obj_hits:
                # (or a longer term ending in the object's words, written round them here: "necessary technical
                # support"; not "Extended Support Period", 供应商)
                term = o.text if o.text in narrowed else next(
                    (t for t in narrowed if t.lower().endswith(o.text.lower())
                     and lowered.find(t.lower(), max(0, o.end - len(t)), o.end) == o.end - len(t)), None)
                if term is not None:  # "「用戶設備」指…桌面電腦": the undertaking covers only what the definition lists
                    reasons.append(Reason("partial-coverage", f"only what '{term}' is defined as"))
            patch = _parts_alone(s, req, obj_hits, lang)
            if patch is not None:  # "漏洞经确认后七日内向需方提供补丁": security fixes, not the support itself
                reasons.append(Reason("partial-coverage", f"only '{patch}'"))
            kind = _partial_kind(s, rid, [*obj_hits, *all_objs, *s.get(f"{rid}:partial_objects")])
            if kind is not None:  # "不得取得甲方客户之个人资料": personal information is one kind of the user data
                reasons.append(Reason("partial-coverage", f"only '{kind}'"))
            if verdict == "weak-undertaking" and modal is not None:
                reasons.insert(0, Reason("weakened-by", modal.text))
            elif verdict == "weak-undertaking":
                reasons.insert(0, Reason("weakened-by", NO_MODAL))
            acts_named = _acts_forbidden(s, req) if verdict == "partial-undertaking" and req.acts else None
            if acts_named is not None and len(acts_named) == len(req.acts):
                verdict = "undertaking"  # "不得访问、获取、留存、使用、泄露…，不得将其提供给任何第三方": every act named
            if verdict == "partial-undertaking" and act.cat.endswith(":partial_duty") and _completed(s, rid):
                verdict = "undertaking"  # "提供审查所需资料，并接受审查机构的问询和核查": the papers and the answers
            if verdict == "partial-undertaking":
                reasons.insert(0, Reason("partial-coverage", f"only '{act.text}'") if acts_named is None else
                               Reason("acts-partial", ",".join(sorted(acts_named))))
            if side is None:
                reasons.append(Reason("not-supplier", "no party is named as bound"))
            others = _others_only(s, modal, act)
            if others is not None:  # "shall ensure that its subcontractors … do not": the supplier's own acts are free
                reasons.append(Reason("partial-coverage", f"only the acts of '{others}'"))
            quality = "weak" if reasons else "satisfied"
            found = [Reason("element-found", _phrase(s, modal, act, obj_hits), element=el) for el in sorted(elements)]
            if modal is not None and quality == "satisfied":
                found.append(Reason("binding-undertaking", modal.text))
            taken = Assessment(rid, "undertaking", unit, quality=quality, elements=set(elements),
                               highlights=_spans(marks + weak_marks), reasons=found + reasons,
                               detail=reasons[0].detail if reasons else "")
            taken.frame = frame_of(taken, s, library, modal, act, st, side, party, obj_hits)
            results.append(taken)
        for h in contradicting:
            modal = _governing_modal(s, h.start)
            if modal is not None and stance(s, modal, h) in ("not", "try-not"):
                continue  # "shall not, whether by kill switches or …, disable": named only to be forbidden
            side, party = subject(s, modal, h, lang)
            side = _PRESUMED.get(side or "", side)
            if side is None:  # "… is voluntary for the Vendor", "… at the Vendor's option": the party it frees
                named = [p for p in s.parties if p.cat != "party:pronoun" and h.start <= p.start
                         and (p.end <= h.end or re.fullmatch(r"\s*(?:for|to|of)\s+(?:the\s+)?|\s*(?:对|于)",
                                                              s.text[h.end:p.start], re.I))]
                if named:
                    side, party = _resolve(s, named[0])
            given = frames_words(library, "consent_conditions", lang)
            if given is not None and any(j.end <= h.start and j.cat == "lawful_basis" and given.search(j.text)
                                         for j in _justified(s, rid)):
                # "经甲方书面同意的，乙方可委托其关联公司处理": a right only with the buyer's consent for the act (not
                # "用户同意服务商收集…", the buyer accepting the right in advance)
                continue
            ground = next((g for g in s.get("foreign_grounds") if g.end <= h.start), None)
            if side in ("supplier", "both") and not recital and ground is not None:
                # "卖方为遵守其母公司所在国法律…，可以向该等机构提供甲方信息": a right only on a foreign law's ground is
                # that law carved out of the undertaking (weak), not a free right
                phrase = s.text[ground.start:h.end] if h.end - ground.start <= 160 else s.text[ground.start:ground.start + 157] + "…"
                results.append(Assessment(rid, "limitation", unit, quality="weak", elements={el.id for el in req.elements},
                                          highlights=_spans([ground, h]), reasons=[Reason("carve-out", phrase)],
                                          detail=phrase))
            elif side in ("supplier", "both") and not recital:
                results.append(Assessment(rid, "contradiction", unit, highlights=_spans([h] + ([party] if party else [])),
                                          reasons=[Reason("contradicted-by", h.text)], detail=h.text))
        if limitation is not None and not any(a.kind == "contradiction" for a in results):
            limit, cut = limitation
            phrase = s.text[limit.start:cut.end]
            results.append(Assessment(rid, "limitation", unit, quality="weak", elements={el.id for el in req.elements},
                                      highlights=_spans([limit, cut]), reasons=[Reason("carve-out", phrase)],
                                      detail=phrase))
        right = _operator_right(s, rid) if not results and not (recital or citation) else None
        if right is not None:
            results.append(right)
        if not results and all_objs and s.modals:
            results.append(Assessment(rid, "near-miss", unit, elements=set(objs), score=0.5,
                                      highlights=_spans(all_objs[:1]),
                                      reasons=[Reason("near-miss", all_objs[0].text)], detail="mentions the subject only"))
        out.extend(results)
    return _element_precedence(out)


def _object_act_left_to_supplier(s: Sentence, rid: str, unit: Unit) -> Assessment | None:
    """An act carrying its object (library ``object_acts``: "configuration changes", 远程升级) that the supplier may
    do at its own judgement, in a sentence naming no object: "Vendor shall make configuration changes only under an
    approved ticket, save for emergency changes that Vendor, acting in its own judgement, considers necessary". The
    object may be the buyer's equipment, so every undertaking of the requirement is weak, quoting the words
    (fail closed); a lawyer reads what they reach."""
    acts = s.get(f"{rid}:object_acts")
    judged = s.get("carve_outs")
    if not acts or not judged or not any(p.cat == "party:supplier" for p in s.parties):
        return None
    act = acts[0]
    carve = next((c for c in judged if c.start >= act.start), judged[-1])
    a, b = min(act.start, carve.start), max(act.end, carve.end)
    phrase = s.text[a:b] if b - a <= 160 else s.text[a:a + 157] + "…"
    req = next(r for r in s.library.requirements if r.id == rid)
    return Assessment(rid, "limitation", unit, quality="weak", elements={el.id for el in req.elements},
                      highlights=_spans([act, carve]), reasons=[Reason("carve-out", phrase)], detail=phrase)


def _completed(s: Sentence, rid: str) -> bool:
    """A duty the requirement names as completing a partial one (lexicon ``completing``) is bound in the same
    sentence: "shall provide the documents … and answer the reviewing authority's questions"."""
    return any(stance(s, _governing_modal(s, h.start), h) == "do" for h in s.get(f"{rid}:completing"))


def _acts_forbidden(s: Sentence, req: Requirement) -> set[str]:
    """The ids of the requirement's listed ``acts`` this sentence forbids the supplier: each act word under a
    prohibition ("不得访问、获取、留存…", "shall not access, copy or disclose"), in any of its clauses."""
    rid = req.id
    named: set[str] = set()
    words = s.any(f"{rid}:partial", f"{rid}:forbidden")
    for h in words:
        if stance(s, _governing_modal(s, h.start), h) != "not":
            continue
        for a in req.acts:
            rx = _acts_regex(a, s.unit.lang)
            if rx is not None and rx.search(h.text):
                named.add(a.id)
    return named


@functools.cache
def _acts_regex_cached(phrases: tuple[str, ...], lang: str) -> re.Pattern[str] | None:
    return phrase_regex(phrases, lang)


def _acts_regex(act: Any, lang: str) -> re.Pattern[str] | None:
    return _acts_regex_cached(tuple(act.phrases[lang]), lang)


def _operator_right(s: Sentence, rid: str) -> Assessment | None:
    """The buyer's own right that shows the requirement in part (library ``operator_rights``: "甲方有权对乙方的处理活动
    进行检查", "The Bank may audit the Vendor's processing"): weak, for the supplier undertakes nothing by it."""
    for word in s.get(f"{rid}:operator_rights"):
        for modal in s.modals:
            if modal.cat not in ("modal:permission", "modal:grant") or not modal.end <= word.start:
                continue
            if _CLAUSE_END.search(s.text, modal.end, word.start):
                continue
            buyer = [p for p in s.parties if p.end <= modal.start and not _CLAUSE_END.search(s.text, p.end, modal.start)]
            if buyer and buyer[-1].cat in ("party:buyer", "party:presumed_buyer"):  # (甲方 by convention: only weak)
                phrase = s.text[buyer[-1].start:word.end]
                return Assessment(rid, "undertaking", s.unit, quality="weak",
                                  highlights=_spans([buyer[-1], modal, word]),
                                  reasons=[Reason("partial-coverage", f"only the operator's right '{phrase}'")],
                                  detail=f"only the operator's right '{phrase}'")
    return None


#: the end of a clause, which a right's words do not cross
_CLAUSE_END = re.compile(r"[。；;]|\.(?!\d)")


#: what a template leaves to be filled in, and nothing else up to the end of the item: brackets holding only blanks
#: or a bullet ("【 】", "[●]", "（    ）"), a run of underscores or dots
_BLANK = re.compile(r"[\s:：]*(?:[【\[［(（〔][\s●•·_＿.…]*[】\]］)）〕]|[_＿]{2,}|[.…]{3,})[\s]*(?:[；;。.，,]\s*)?$")


def _stated_particulars(s: Sentence, req: Requirement) -> list[Assessment]:
    """The elements this sentence states as particulars of the contract (library ``statements``: "委托处理的期限为本合同
    服务期", "Categories of personal data: names, telephone numbers"): set by the contract whoever's sentence it is.
    The content of a particular is the parties' own description, so it is not read word by word; a deferral, a
    carve-out or the requirement's weakening words in the same sentence ("另行约定", "to be agreed") leave it weak."""
    out: list[Assessment] = []
    deferred = [*s.get(f"{req.id}:weakening"), *s.get("carve_outs")]
    for el in req.elements:
        hits = s.get(f"{req.id}:stated:{el.id}")
        if not hits or _BLANK.match(s.text, hits[0].end):
            continue  # "（二）处理期限：【 】；": a form's blank states nothing
        reasons = [Reason("element-found", hits[0].text, element=el.id), Reason("stated-particular", hits[0].text)]
        if deferred:
            reasons.append(Reason("weakened-by", deferred[0].text))
        out.append(Assessment(req.id, "undertaking", s.unit, quality="weak" if deferred else "satisfied",
                              elements={el.id}, highlights=_spans([hits[0], *deferred[:1]]), reasons=reasons,
                              detail=deferred[0].text if deferred else ""))
    return out


#: sides presumed by drafting convention (library ``roles.presumed``) -> the side they stand for in a right
_PRESUMED = {"presumed_supplier": "supplier", "presumed_buyer": "buyer"}


#: one alternative of a list: "（一）…；（二）…", "(a) …; (b) …", "1. …"
_LIST_ITEM = re.compile(r"[;；]|(?:^|\s)(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2}|[a-zA-Z]|[ivx]{1,4})[)）]|\d{1,2}[.、)])")


def justified_list(s: Sentence, marker: Hit, rid: str | None = None) -> tuple[int, int] | None:
    """The list a restrictive lead-in points at ("may suspend only in the following circumstances: (a) …; (b) …",
    乙方仅在下列情形下方可暂停供货：（一）…；（二）…), when every item of it is a justification or the buyer's
    consent: the act is then forbidden otherwise. Returns the span of the items, or None (no list in this unit, or
    an item the supplier may invoke without a justifiable reason)."""
    colon = re.compile(r"[:：]").search(s.text, marker.end)
    if colon is None or re.search(r"[。.;；](?!\d)", s.text[marker.end:colon.start()]):
        return None
    a, b = colon.end(), len(s.text)
    # (only the act's own requirement's reasons: "may access the equipment only (a) if the Buyer fails to pay" is
    # no prohibition of control, though non-payment justifies a pause of supply)
    fine = s.any("lawful_basis", "justifications", *(f"{r.id}:justifications" for r in s.library.requirements
                                                     if rid is None or r.id == rid))
    cuts = [a, *[m.end() for m in _LIST_ITEM.finditer(s.text, a, b)], b]
    items = 0
    for x, y in itertools.pairwise(cuts):
        piece = s.text[x:y].strip(" ，,、;；。.")
        if len(re.sub(r"\W|\b(?:or|and)\b|或者|或|以及|及", "", piece)) < 2:
            continue
        if not (any(x <= h.start < y for h in fine) or _buyer_consent(s, x, y)) \
                or _unjustified_alternative(s, x, y, fine) is not None:
            return None
        items += 1
    return (a, b) if items else None


_LEAD_IN_END = re.compile(r"[:：]\s*(?:(?:or|and|and/or|或者|或|以及|及)\s*)?$", re.IGNORECASE)
def _list_follows(s: Sentence, act: Hit) -> bool:
    """The act is restricted to a list that this unit does not hold: a lead-in ending in its colon, read again
    with each of its items (a right to act on an unjustified item is found there)."""
    for marker in s.get("restrictive_lists"):
        # (a list's joining word may come with it: "…circumstances: or", from "(a) …; or")
        colon = _LEAD_IN_END.search(s.text, max(marker.end, act.end))
        if colon is not None and not re.search(r"[。.;；](?!\d)", s.text[min(marker.start, act.start):colon.start()]):
            return True
    return False


def _earlier_item_negation(s: Sentence, modal: Hit | None, act: Hit) -> bool:
    """English: every negation between the modal and the act opens an earlier item of a comma list (", not implant
    malicious code"), and the act opens a later item of its own (", report …", ", and comply with …"): the "not"
    belongs to its item, and the act is one of the duties the modal lists."""
    if s.unit.lang != "en" or modal is None:
        return False
    negs = [n for n in s.negations if modal.end <= n.start and n.end <= act.start]
    if not negs or not _ITEM_OPENS.search(s.text, 0, act.start):
        return False
    return all(_ITEM_OPENS.search(s.text, 0, n.start) and "," in s.text[n.end:act.start] for n in negs)


#: what ends right before an item of a comma list: ", " or ", and " / ", or "
_ITEM_OPENS = re.compile(r",\s*(?:(?:and|or)\s+)?$")


def _inside_other_object(s: Sentence, rid: str, act: Hit) -> bool:
    """The act's word is part of a longer object or contradicting phrase of another requirement that has its own act
    in the sentence ("shall not interrupt the supply of the Products or the Support Services": "supply" and "Support"
    name what the supply requirement protects), so it is no act of ``rid``. With no act of the other requirement the
    word may still be ``rid``'s ("no obligation to issue security patches")."""
    acting = {m.group("rid") for c in s.by if (m := ACT_CATEGORY.match(c))}
    # (or part of another requirement's own contradicting phrase: the 承担 of "对任何数据泄露或安全事件不承担任何责任"
    # excludes liability, it refuses no security duty)
    return inside_longer(act, [h for cat, hits in s.by.items() for h in hits
                               if (":obj:" in cat or cat.endswith(":contradicting"))
                               and cat.split(":", 1)[0] in acting - {rid}])


#: the hit categories of a requirement's own acts ("CSR04:forbidden"), the requirement as the group ``rid``
ACT_CATEGORY = re.compile(r"(?P<rid>[^:]+):(?:forbidden|duty|partial|partial_duty|refusal|contradicting)$")


def inside_longer(h: Hit, others: list[Hit]) -> bool:
    """``h`` lies inside a strictly longer one of ``others``: the 支持 of 技术支持, the "supply" of "the supply of the
    Products"."""
    return any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start for o in others)


def _restricted(s: Sentence, act: Hit, rid: str) -> bool:
    """The act is allowed only on a lawful basis ("only with the Customer's written consent", "solely on its
    documented instructions", 仅在甲方书面申请时方可): the rule forbids it otherwise. Both the restrictive word and
    the lawful basis must stand in the act's own clause, with nothing widening the right."""
    a = max((m.end() for m in re.finditer(r"[;；。]", s.text[:act.start])), default=0)
    b = len(s.text) if (m := re.search(r"[;；。]", s.text[act.end:])) is None else act.end + m.start()
    if s.get("breadth") or any(u.start >= a and u.end <= b for u in s.get("unauthorised")):
        return False
    for marker in s.get("restrictive_lists"):
        # the lead-in's own part: marker and act before the list's colon ("仅在下列情形下方可暂停供货：")
        items = justified_list(s, marker, rid)
        if items is not None and min(marker.start, act.start) >= a and max(marker.end, act.end) <= items[0]:
            return True
    return (any(a <= r.start < b for r in s.get("restrictive"))
            and any(a <= h.start < b for h in s.any("lawful_basis", "justifications", f"{rid}:justifications")))


def _clause_bounds(s: Sentence, pos: int) -> tuple[int, int]:
    """The clause (between commas or semicolons) around ``pos``."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, pos)), default=0)
    m = _CLAUSE_BREAK.search(s.text, pos)
    return start, (m.start() if m else len(s.text))


def _kept_object_for(s: Sentence, act: Hit, kept: list[Hit]) -> Hit | None:
    """The withheld_objects hit a refusal refuses: in its own clause, or, when nothing follows the verb there
    ("…源代码及内部技术资料，对此乙方有权拒绝提供"), in the clause just before."""
    a, b = _clause_bounds(s, act.start)
    kept = _head(s, kept)
    own = [h for h in kept if a <= h.start < b and h.start >= act.start] or \
        [h for h in kept if a <= h.start < b]
    if own:
        return own[0]
    if re.fullmatch(r"[\s。.；;!！?？]*|\s*(?:it|them|such \w+)[\s.;]*", s.text[act.end:b], re.IGNORECASE) and a > 0:
        pa, _ = _clause_bounds(s, a - 1)
        before = [h for h in kept if pa <= h.start < a]
        return before[0] if before else None
    return None


def _refusal_riders(s: Sentence, rid: str, req: Any, actions: list[Hit], kept: list[Hit],
                    pairs: dict[int, tuple[Hit, set[str], list[Hit]]]) -> None:
    """Pair each refusal of a withheld_objects hit with every element: it refuses part of the duty."""
    for act in actions:
        kind = act.cat.split(":", 1)[1]
        if kind == "partial_duty":
            act = Hit(f"{rid}:duty", act.start, act.end, act.text)
            kind = "duty"
        if kind not in ("refusal", "refusable", "duty") or any(
                (a.start, a.end) == (act.start, act.end) and els for a, els, _ in pairs.values()):
            continue
        st = stance(s, _governing_modal(s, act.start), act)
        if _classify(kind, st, True) != "contradiction" or (kind == "duty" and st != "need-not"):
            continue  # "不得向第三方提供源代码" forbids a disclosure; it refuses nothing
        obj = _kept_object_for(s, act, kept)
        if obj is not None:
            pairs[id(act)] = (act, {el.id for el in req.elements}, [obj])


_LIMITED_DUTY = {"en": re.compile(r"\s*(?:obligations?|duties|scope)?\s*(?:hereunder)?\s*", re.IGNORECASE),
                 "zh": re.compile(r"\s*(?:的)?(?:工作)?(?:范围|内容|事项|义务)?\s*(?:均|亦|并|也)?")}
#: what may follow the head of a refused or excluded object ("源代码及…", "source code, which"): anything else
#: makes it a modifier ("文件修改要求", "document change requests")
_HEAD_END = {"en": re.compile(r"\s*(?:$|[,.;:)]|(?:and|or|to|for|in|of|on|relating|related|concerning|that|which|it|at|"
                              r"from|under|without|unless|except|if|where|whether|such|by|requested|required)\b)",
                              re.IGNORECASE),
             "zh": re.compile(r"\s*(?:$|[，,。；;、：:）)]|及|和|或|与|以及|等|给|予|向|的权利|的权力)")}


def _head(s: Sentence, hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if _HEAD_END[s.unit.lang].match(s.text, h.end)]


def _scope_limitation(s: Sentence, actions: list[Hit], kept: list[Hit], topics: list[Hit]) -> tuple[Hit, Hit] | None:
    """"乙方配合审查的范围不包括源代码", "cooperation … shall not extend to source code": a scope limitation of the
    duty (the duty word and the review, or the duty word alone, right before it) cutting away a withheld_objects
    hit; "技术支持服务不包括源代码的交付" limits a service, not the cooperation."""
    duties = [a for a in actions if a.cat.split(":", 1)[1] in ("duty", "partial_duty")]
    for limit in s.get("scope_limits"):
        a, _ = _clause_bounds(s, limit.start)
        before = [d for d in duties if a <= d.start and d.end <= limit.start]
        if not before:
            continue
        duty = before[-1]
        if not (any(duty.end <= o.start and o.end <= limit.start for o in topics)
                or _LIMITED_DUTY[s.unit.lang].fullmatch(s.text, duty.end, limit.start)):
            continue
        _, b = _clause_bounds(s, limit.end)
        cut = _head(s, [h for h in kept if limit.end <= h.start < b])
        if cut:
            return limit, cut[0]
    return None


def _element_precedence(found: list[Assessment]) -> list[Assessment]:
    """A contradiction resting only on a broad object ("停止产品的运行") yields to another requirement's
    contradiction over the same words as one of its elements (remote locking is device control)."""
    element_spans = {(a.requirement, span) for a in found if a.kind == "contradiction" and a.elements
                     for span in a.highlights}
    keep = []
    for a in found:
        # (not over its party, its modal or its own act: "no obligation to participate in, support or provide information for
        # any governmental review" refuses the review, though "support" is also a word of technical support)
        own = _own_words(a)
        if a.kind == "contradiction" and not a.elements and any(
                rid != a.requirement and span in a.highlights and span not in own for rid, span in element_spans):
            continue
        keep.append(a)
    return keep


def _own_words(a: Assessment) -> set[tuple[int, int]]:
    """The highlighted spans of ``a`` that are its party, its modal or its act."""
    frame = a.frame
    if frame is None:
        return set()
    text = a.unit.text
    words = {w for w in (frame.act, frame.modal_text, frame.actor_text) if w}
    return {(x, y) for x, y in a.highlights if text[x:y] in words}


def _classify(kind: str, st: str, has_element: bool) -> str | None:
    """undertaking | weak-undertaking | contradiction | None (neutral)."""
    table = {
        "duty": {"do": "undertaking", "try": "weak-undertaking", "may": "weak-undertaking",
                 "not": "contradiction", "need-not": "contradiction", "bare-not": "contradiction"},
        "refusal": {"not": "undertaking", "try-not": "weak-undertaking", "may": "contradiction",
                    "do": "contradiction", "bare-not": "weak-undertaking"},
        "refusable": {"need-not": "contradiction"},
        # "可以不提供审查所需资料" / "need not provide materials for the review": handing over is refused
        "partial_duty": {"do": "partial-undertaking", "try": "weak-undertaking", "may": "weak-undertaking",
                         "need-not": "contradiction", "bare-not": "contradiction", "not": "contradiction"},
        "forbidden": {"not": "undertaking", "try-not": "weak-undertaking", "may": "contradiction",
                      "bare-not": "weak-undertaking"},
        "partial": {"not": "partial-undertaking", "try-not": "weak-undertaking", "may": "contradiction",
                    "bare-not": "weak-undertaking"},
    }
    return table.get(kind, {}).get(st)


def _spans(hits: list[Hit]) -> list[tuple[int, int]]:
    return sorted({(h.start, h.end) for h in hits if h is not None})


def _phrase(s: Sentence, modal: Hit | None, act: Hit, objs: list[Hit]) -> str:
    start = min([act.start] + ([modal.start] if modal else []) + [o.start for o in objs])
    end = max([act.end] + [o.end for o in objs])
    text = s.text[start:end]
    return text if len(text) <= 120 else text[:117] + "…"


__all__ = ["LANGS", "Analyzer", "Assessment", "Hit", "Sentence", "Unit", "assess", "get_analyzer", "party_hits"]
