"""Clause frames: one structure per reading of a candidate sentence, and the fail-closed accounting.

A frame says who is bound (actor), how (modality: binding / permission / release / hedged / statement), which way
(polarity, with the negation counted over the whole coordinated verb list), what act on what typed object, under
which conditions, with which exceptions (justifiable or carve-out) and which riders (deeming, limitation).

Fail closed: an undertaking is satisfied only when every word of its sentence - and of every later sentence of
the same numbered clause that points back at it or qualifies it - is accounted for by a known-safe part: the
actor and the parties, a binding modal, the acts and objects of the requirements, lawful bases and
justifications, a justifiable exception, or a harmless complement class of ``clause_library/frames.yaml``.
Whatever is left over makes the undertaking weak with the reason ``unrecognised-qualifier`` naming those words:
a list of bad words can never be complete, a list of known-safe parts can.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..lang import en, zh
from ..library import Library
from ..roles import phrase_regex
from ..verdicts import Reason
from .analysis import (
    _CLAUSE_BREAK,
    ACTION_KEYS,
    Assessment,
    Hit,
    PartyPattern,
    Sentence,
    _common_regex,
    banned_feature,
    frames_words,
    inside_longer,
    party_regex,
)
from .analysis import ACT_CATEGORY as _ACT_CAT

#: hit categories that are known-safe parts of any undertaking (the requirement's own lexicons are added per
#: requirement key below)
_SAFE_COMMON = ("modal:obligation", "modal:prohibition", "negations", "lawful_basis", "unauthorised", "justifications",
                "conditions", "consent_words", "topics", "both", "pronoun",
                # the grounds for a pause name a situation ("乙方严重违约或者逾期支付", "force majeure"): harmless words in
                # any requirement's sentence; they justify an exception or a right only where the requirement says so
                "supply_grounds")
_SAFE_REQUIREMENT_KEYS = ("duty", "refusal", "refusable", "forbidden", "partial", "partial_duty", "qualifiers",
                          "justifications", "broad_objects", "partial_objects", "withheld_objects")
#: the leftover of an undertaking read in windows (a very long sentence): its rest was not read with it
WINDOW_LEFTOVER = "(sentence too long to read whole)"


_MODALITY = {"obligation": "binding", "prohibition": "binding", "permission": "permission", "grant": "permission",
             "negated_obligation": "release", "non_binding": "hedged"}
_NEGATIVE = ("not", "try-not", "bare-not", "need-not")
_WORD = {"en": re.compile(r"[^\W_]+"),
         "zh": re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\d_\u3400-\u9fff\uf900-\ufaff]+")}
_NUMBER = re.compile(r"[\d.]+|[ivxlc]{1,5}|[a-z]", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;；。]")
#: a clause number with a letter opening a sentence (5A., 5A.1, 7.2A: inserted without renumbering the rest); the
#: letter needs a dot or a sub-number beside it, as in :mod:`cliccheck.sections`, so "5G networks" stays words
_LETTERED_LABEL = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,3})*[A-Z](?:\.\d{1,3})+|\d{1,3}[A-Z]\.|\d{1,3}(?:\.\d{1,3})+[A-Z])"
                             r"\.?(?=\s)")
_GAP = re.compile(r"[\s\-–—/'’\"“”\d.()（）]*")


@dataclass(slots=True)
class Frame:
    """What one reading of a sentence says, part by part (shown by ``explain --trace`` and the JSON report)."""

    requirement: str
    reading: str  # undertaking | contradiction | limitation | near-miss
    actor: str  # supplier | buyer | both | third-party | none
    actor_text: str
    modality: str  # binding | permission | release | hedged | statement
    modal_text: str
    polarity: str  # positive | negative
    act: str
    act_kind: str
    objects: list[tuple[str, str]] = field(default_factory=list)  # (element or class, words)
    conditions: list[str] = field(default_factory=list)
    exceptions: list[tuple[str, str]] = field(default_factory=list)  # (justifiable | carve-out, words)
    riders: list[tuple[str, str]] = field(default_factory=list)  # (class, words)
    leftover: list[str] = field(default_factory=list)
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"requirement": self.requirement, "reading": self.reading, "actor": self.actor,
                "actor_text": self.actor_text, "modality": self.modality, "modal": self.modal_text,
                "polarity": self.polarity, "act": self.act, "act_kind": self.act_kind,
                "objects": [{"type": t, "text": w} for t, w in self.objects], "conditions": list(self.conditions),
                "exceptions": [{"class": c, "text": w} for c, w in self.exceptions],
                "riders": [{"class": c, "text": w} for c, w in self.riders], "leftover": list(self.leftover),
                "sentence": self.sentence}


_COMPILED: dict[tuple[Any, ...], list[tuple[str, re.Pattern[str], tuple[str, ...]]]] = {}


def _complements(library: Library, lang: str) -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """The harmless complement classes that apply to the library's requirements: a class scoped to some packs
    (``packs:`` in frames.yaml) only when every pack read is one of them (fail closed: never in a bare library,
    never in another pack's undertaking). A class scoped to some requirements (``requirements:``) is read in
    their undertakings only: see :func:`_scoped_out`."""
    key = (library.key, lang, "complements")
    if key not in _COMPILED:
        out = []
        reading = {p.id for p in library.packs}
        for name, data in library.frames.get("complements", {}).items():
            scope = set(data.get("packs") or ())
            if scope and not (reading and reading <= scope):
                continue
            rx = phrase_regex(data[lang], lang)
            if rx is not None:
                out.append((name, rx, data["polarity"]))
        _COMPILED[key] = out
    return _COMPILED[key]


def _scoped_out(library: Library, name: str, rid: str | None) -> bool:
    """Whether complement class ``name`` is kept out of ``rid``'s undertakings: the review's own vocabulary
    ("designated", 指定专人) is harmless in a duty to cooperate with the review, and may narrow an object elsewhere
    ("any designated equipment")."""
    scope = library.frames.get("complements", {}).get(name, {}).get("requirements") or ()
    return bool(scope) and rid not in scope


def _lexicon(library: Library, section: str, lang: str) -> list[tuple[str, re.Pattern[str]]]:
    key = (library.key, lang, section)
    if key not in _COMPILED:
        data = library.frames.get(section, {})
        lexicons = {"": data} if section == "back_references" else data
        _COMPILED[key] = [(name, rx) for name, lex in lexicons.items()  # type: ignore[misc]
                          if (rx := phrase_regex(lex.get(lang, ()), lang)) is not None]
    return _COMPILED[key]  # type: ignore[return-value]


#: the complements that make an undertaking last at least as long as the contract (frames.yaml ``complements``)
_PERIOD_EXTENSIONS = ("term_extensions", "long_periods", "survival")


def safe_spans(s: Sentence, library: Library, polarity: str, rider: bool = False,
               rid: str | None = None) -> list[tuple[int, int]]:
    """Every stretch of the sentence accounted for by a known-safe part. In a rider (a later sentence read with
    the undertaking) a negation or a prohibition is not safe: "the foregoing shall not apply to …" takes back."""
    from .analysis import (
        _buyer_consent,
        _exception_scope,
        _unjustified_alternative,
        justified_list,
    )

    spans = [(p.start, p.end) for p in s.parties]
    safe_req = tuple(f"{r.id}:{k}" for r in library.requirements for k in _SAFE_REQUIREMENT_KEYS)
    for cat, hits in s.by.items():
        if rider and cat in ("negations", "modal:prohibition"):
            continue
        if cat in _SAFE_COMMON or cat in safe_req or ":obj:" in cat or ":stand:" in cat or ":anaphor:" in cat:
            spans += [(h.start, h.end) for h in hits]
    spans += [(m.start, m.end) for m in s.modals if m.cat == "modal:obligation" or
              (m.cat == "modal:prohibition" and not rider)]
    # (a requirement's qualifiers justify no exception: see analysis._weakeners; read for one requirement, a right to
    # do its own act or on its own object is limited only by its own reasons: "may access the equipment only where
    # the Purchaser fails to pay" limits no control, while "may suspend supply only where …" beside it is the supply
    # requirement's matter)
    own_act = rid is not None and any(m.cat in ("modal:permission", "modal:grant") for m in s.modals) \
        and _acts_of(s, rid)
    fine = s.any("lawful_basis", "justifications", *(f"{r.id}:justifications" for r in library.requirements
                                                     if not own_act or r.id == rid))
    for r in s.get("restrictive"):  # "only with the Customer's written consent": a lawful basis, not a limit
        if any(0 <= h.start - r.end <= 40 for h in s.get("lawful_basis")):
            spans.append((r.start, r.end))
        end = _CLAUSE_END.search(s.text, r.end)
        b = end.start() if end else len(s.text)
        # the restrictive word must govern a lawful basis or justification that follows it closely, before any
        # modal ("only where the Buyer has failed to pay"); a statutory adverb or a lawful basis after the modal
        # qualifies the act instead ("仅于保固期内不得擅自控制": "only" limits the promise to the warranty period)
        governed = [h for h in fine if r.end <= h.start < min(b, r.end + 40) and not h.cat.endswith(":qualifiers")
                    and not any(r.end <= m.start < h.start for m in s.modals)]
        # (the alternatives of the condition only: "仅在甲方逾期付款时，方可中断产品供应或技术支持" lists no reason
        # in "技术支持", which is the act's object after the modal)
        cond_end = min([m.start for m in s.modals if m.start > r.end]
                       + [x.start for x in s.get("restrictive") if x.start > r.end] + [b])
        if governed and _unjustified_alternative(s, r.end, cond_end, fine) is None:
            # "may suspend only where the Buyer has failed to pay … or in force majeure": a prohibition otherwise
            a = max((m.end() for m in _CLAUSE_END.finditer(s.text, 0, r.start)), default=0)
            spans.append((r.start, b))
            spans += [(m.start, m.end) for m in s.modals if m.cat == "modal:permission" and a <= m.start < r.start]
    if polarity == "negative" and rid is not None:
        spans += _restricted_other_act(s, rid)
        # "不得设置可由乙方单方触发的锁定功能": the 可 names what the banned feature could do
        spans += [(m.start, m.end) for m in s.modals if s.unit.lang == "zh" and banned_feature(s, m)]
    for marker in s.get("restrictive_lists"):  # "may suspend only in the following circumstances: (a) …"
        items = justified_list(s, marker, rid)
        if items is not None:
            a = max((m.end() for m in _CLAUSE_END.finditer(s.text, 0, marker.start)), default=0)
            spans += [(marker.start, marker.end), items]
            spans += [(m.start, m.end) for m in s.modals if m.cat == "modal:permission" and a <= m.start < items[0]]
            spans += [(r.start, r.end) for r in s.get("restrictive") if a <= r.start < items[0]]  # 方可, "only"
    deeming = _frames_regex(library, "authorising_deemings", s.unit.lang)
    excepted: list[tuple[int, int]] = []  # the justified exception lists: their negations are grounds ("仍未支付")
    for exc in s.get("exceptions"):
        a, b = _exception_scope(s, exc)
        if deeming is not None and deeming.search(s.text, a, b):
            continue  # "provided that any processing … shall be deemed authorised by the Customer": no consent given
        if (any(a <= h.start < b for h in fine) and _unjustified_alternative(s, a, b, fine) is None) \
                or _buyer_consent(s, a, b):
            # a justifiable-reason exception list: its marker and consent are known; every other word of it must
            # be accounted for like the rest of the sentence ("save in an emergency as determined by the Supplier
            # in its sole judgment": the justification does not vouch for the words that leave it to the supplier)
            spans.append((exc.start, exc.end))
            excepted.append((exc.start, exc.end))
            if _buyer_consent(s, a, b):
                spans.append((a, b))
    spans += _complement_spans(s, library, polarity, rid)
    spans += [(m.start(), m.end()) for _, rx in _lexicon(library, "back_references", s.unit.lang)
              for m in rx.finditer(s.text)]
    titles = _reference_titles(s, library)
    spans += titles
    # in a rider, what the library knows to weaken is never accounted for, whatever safe word it contains ("at the
    # Customer's cost"); in the undertaking's own sentence the analysis has judged those words already
    unsafe = [Hit("rider", m.start(), m.end(), m.group(0)) for name, rx in _lexicon(library, "riders", s.unit.lang)
              if rider or name == "deeming" for m in rx.finditer(s.text)]
    # a period that ends before the contract ("Throughout the Warranty Period", 质保期内, "within 12 months after
    # delivery") limits how long the promise binds, whatever safe words ("throughout", a defined term) it is made of
    # (not where the period runs on from the contract's term or survives it: "throughout the Term and for seven (7)
    # years after the last shipment", "在合同期及质保期内")
    narrowing = _frames_regex(library, "narrowing_periods", s.unit.lang)
    if narrowing is not None and (found := [m for m in narrowing.finditer(s.text)]):
        longer = [(m.start(), m.end()) for name, rx, _ in _complements(library, s.unit.lang)
                  if name in _PERIOD_EXTENSIONS for m in rx.finditer(s.text)]
        unsafe += [Hit("narrowing", m.start(), m.end(), m.group(0)) for m in found
                   if not any(a < m.end() and m.start() < b for a, b in longer)]
    # the supplier's own policy as the measure ("in accordance with the Provider Regulatory Engagement Policy")
    policies = _frames_regex(library, "supplier_policies", s.unit.lang)
    unsafe += [] if policies is None else [Hit("own-policy", m.start(), m.end(), m.group(0))
                                           for m in policies.finditer(s.text)]
    unsafe += [] if not rider else [h for h in s.any("carve_outs", "modal:non_binding", "overrides", "scope_limits", "global_overrides",
                               "exemptions", *(f"{r.id}:weakening" for r in library.requirements))]
    if unsafe:  # a longer safe phrase holding the word stays ("even where they are subject to")
        spans = [sp for sp in spans if not any(sp[0] < h.end and h.start < sp[1]
                                               and not (sp[0] <= h.start and h.end <= sp[1] and sp[1] - sp[0] > h.end - h.start)
                                               for h in unsafe)]
    if rider:
        # a further prohibition of the supplier ("乙方不得以商业秘密为由拒绝") is safe; a negation that takes the
        # undertaking back ("the foregoing shall not apply", "乙方不受上述约定约束") is not
        spans += _supplier_negations(s, library)
        # "…因不可抗力中断供货的，不视为违约": the exemption is the phrase's meaning once a justifiable reason is stated
        spans += _justified_no_breach(s, library)
    if rider:  # the negations inside a safe phrase ("without the Customer's consent") stay safe
        # (a 不 inside a justification is no negation: 不可抗力, 仍未支付)
        reasons = s.any("justifications", "supply_grounds", *(f"{r.id}:justifications" for r in library.requirements))
        # (nor is the "no" of a bound: "obligations no less protective than", 不少于)
        bounds = s.get("bounds")
        negs = [n for n in s.get("negations") + [m for m in s.modals if m.cat == "modal:prohibition"]
                if (n.start, n.end) not in spans and not any(b.start <= n.start and n.end <= b.end for b in bounds)
                and not any(a <= n.start and n.end <= b for a, b in titles)  # "第十一条（不获取用户数据）"
                and not any(j.start <= n.start and n.end <= j.end and (j.start, j.end) != (n.start, n.end)
                            for j in reasons)
                # (nor one inside a justified exception list: "…或依法不得继续履约者，不在此限", whose every ground
                # was judged above; the list's own closing 不在此限 included)
                and not any(x <= n.start and n.end <= y for x, y in excepted)]
        own = _negating_complement_spans(s, library) | set(_justified_no_breach(s, library))
        spans = [sp for sp in spans if sp in own or not any(sp[0] <= n.start < sp[1] and (sp[0], sp[1]) != (n.start, n.end)
                                                            and not _inside_lawful(s, sp) for n in negs)]
    own_consent = _supplier_own_consent(s, library)
    if own_consent:  # "未经乙方同意", "without the consent of the Supplier": the supplier's leave is no lawful basis
        spans = [sp for sp in spans if not any(sp[0] < b and a < sp[1] for a, b in own_consent)]
    return spans


def _restricted_other_act(s: Sentence, rid: str) -> list[tuple[int, int]]:
    """The restrictive words of a clause beside a prohibition that only narrows another act the supplier may do
    ("受托方仅得依委托方之书面指示处理委托方资料，不得为自身目的访问…"): the clause permits no act of ``rid`` and
    negates nothing, so its "only" limits the supplier further and takes nothing from the prohibition. Its "only"
    stays a leftover where it limits the requirement's own act ("仅得访问测试数据") or the prohibition itself."""
    out = []
    permitted = _frames_regex(s.library, "restricted_permissions", s.unit.lang)
    for r in s.get("restrictive"):
        if permitted is None or not permitted.match(s.text, r.end):
            continue
        a = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, r.start)), default=0)
        end = _CLAUSE_BREAK.search(s.text, r.end)
        b = end.start() if end else len(s.text)
        acts = [h for c, hits in s.by.items() if (m := _ACT_CAT.match(c)) and m.group("rid") == rid
                for h in hits if a <= h.start < b]
        negating = [h for h in s.get("negations") + [m for m in s.modals if m.cat == "modal:prohibition"]
                    if a <= h.start < b]
        if not acts and not negating:
            out.append((r.start, r.end))
    return out


def _supplier_own_consent(s: Sentence, library: Library) -> list[tuple[int, int]]:
    """The spans where the supplier is the one whose consent lifts the prohibition ("但经乙方同意的除外", "without the
    prior written consent of the Supplier"): a choice left to the supplier, never the customer's authorisation.
    The words around the name are ``own_consent_before`` / ``own_consent_after`` in frames.yaml."""
    lang = s.unit.lang
    before_rx = _frames_regex(library, "own_consent_before", lang)
    after_rx = _frames_regex(library, "own_consent_after", lang)
    out = []
    for p in s.parties:
        if p.cat != "party:supplier":
            continue
        before, after = s.text[max(0, p.start - 40):p.start], s.text[p.end:p.end + 40]
        m = before_rx.search(before) if before_rx is not None else None
        n = after_rx.search(after) if after_rx is not None else None
        if (m and n) if lang == "zh" else (m or n):
            out.append((p.start - (len(m.group(0)) if m else 0), p.end + (n.end() if n else 0)))
    return out


#: complement classes whose phrases carry their own negation ("is not an interruption under this clause",
#: 不属于本条所称的中断): the negation is the phrase's meaning, so it stays accounted for in a rider
_NEGATING_CLASSES = frozenset({"agreed_pauses"})
#: negating classes whose phrases keep their meaning whoever the sentence names: a cap or exclusion of liability
#: that "does not apply" to a liability leaves that liability whole (本合同中关于责任限制的约定，不适用于…); a duty
#: the contract's end does not release (本条约定不因本合同的终止而失效) lasts longer; and "Except for Sections 3 and
#: 4, it is not binding" leaves the sections it lists binding
_NEGATING_ANY_PARTY = frozenset({"uncapped_liability", "lasting_duties", "binding_parts"})
#: negating classes harmless only in a sentence that states a justifiable reason ("因不可抗力…，不视为违约")
_IF_JUSTIFIED = frozenset({"no_breach"})


def _negating_complement_spans(s: Sentence, library: Library) -> set[tuple[int, int]]:
    """The phrases of the negating classes. ``agreed_pauses`` only in a sentence that names the buyer and not the
    supplier, or names neither and follows the contract's own schedule: what the buyer agreed or asked for is no
    interruption; what the supplier arranges
    ("乙方根据自身业务需要安排的停机维护，不属于…中断") is a carve-out."""
    cats = {p.cat for p in s.parties}
    agreed = "party:supplier" not in cats and ("party:buyer" in cats or _scheduled_by_contract(s, library))
    wanted = _NEGATING_ANY_PARTY | (_NEGATING_CLASSES if agreed else frozenset())
    return {(m.start(), m.end()) for name, rx, _ in _complements(library, s.unit.lang) if name in wanted
            for m in rx.finditer(s.text) if m.end() > m.start()}


def _scheduled_by_contract(s: Sentence, library: Library) -> bool:
    """A pause the contract's own schedule sets ("in accordance with Schedule 2", 按照本合同附件): agreed by both
    parties (frames.yaml ``agreed_schedules``)."""
    rx = _frames_regex(library, "agreed_schedules", s.unit.lang)
    return rx is not None and rx.search(s.text) is not None


def _reference_titles(s: Sentence, library: Library) -> list[tuple[int, int]]:
    """The short titles cross-references give ("第十一条（不获取用户数据）", frames.yaml ``reference_titles``)."""
    rx = _frames_regex(library, "reference_titles", s.unit.lang)
    return [] if rx is None else [(m.start(), m.end()) for m in rx.finditer(s.text)]


def _riders_in(s: Sentence, library: Library) -> list[tuple[str, str]]:
    cache = s.__dict__.setdefault("riders", None)
    if cache is None:
        cache = s.__dict__["riders"] = [(name, m.group(0)) for name, rx in _lexicon(library, "riders", s.unit.lang)
                                        for m in rx.finditer(s.text)]
    return cache


def overlapping(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``rx`` in ``text``, overlapping ones too: "在主合同期内" holds both 主合同 and 合同期, and
    a scan that resumes after 主合同 would leave 期 unread though a safe phrase covers it (Chinese only: English
    phrases end on word boundaries and rarely share words)."""
    pos = 0
    while pos <= len(text) and (m := rx.search(text, pos)) is not None:
        if m.end() > m.start():
            yield m
        pos = m.start() + 1


def _complement_spans(s: Sentence, library: Library, polarity: str, rid: str | None) -> list[tuple[int, int]]:
    """The harmless complements in the sentence for an undertaking of ``rid`` (cached on it: every reading of the
    sentence asks again)."""
    cache = s.__dict__.setdefault("complements", {})
    if (polarity, rid) not in cache:
        acts = [*s.modals, *(h for cat, hits in s.by.items() if cat.rsplit(":", 1)[-1] in ACTION_KEYS for h in hits)]
        spans = []
        for name, rx, polarities in _complements(library, s.unit.lang):
            if polarity not in polarities or name in _IF_JUSTIFIED or _scoped_out(library, name, rid):
                continue
            for m in (overlapping(rx, s.text) if s.unit.lang == "zh" else rx.finditer(s.text)):
                a, b = m.start(), m.end()
                if name == "names":
                    # a "name" begins after the last modal or act it runs over: "不会恶意利用项目" names nothing
                    # (恶意 stays a leftover word), "操纵贵司信号系统" names 信号系统
                    a = max([a, *(h.end for h in acts if h.start < b and a < h.end)])
                if b > a:
                    spans.append((a, b))
        cache[polarity, rid] = spans + _justified_no_breach(s, library)
    return cache[polarity, rid]


def _justified_no_breach(s: Sentence, library: Library) -> list[tuple[int, int]]:
    """The "is no breach" phrases of a sentence that states a justifiable reason outside them ("因不可抗力中断供货的，
    不视为违约"); none when the sentence gives no reason ("乙方中断供货的，不视为违约": a free right). Cached on the
    sentence: every reading of it, and its reading as a rider, asks again."""
    cached = s.__dict__.get("no_breach")
    if cached is not None:
        return cached
    s.__dict__["no_breach"] = out = _find_justified_no_breach(s, library)
    return out


def _find_justified_no_breach(s: Sentence, library: Library) -> list[tuple[int, int]]:
    found = [(m.start(), m.end()) for name, rx, _ in _complements(library, s.unit.lang) if name in _IF_JUSTIFIED
             for m in rx.finditer(s.text) if m.end() > m.start()]
    reasons = s.any("justifications", *(f"{r.id}:justifications" for r in library.requirements))
    if found and any(not any(a < h.end and h.start < b for a, b in found) for h in reasons):
        return found
    return []


_ITEM = re.compile(r"[（(](?:[a-z]|[ivx]{1,4}|\d|[一二三四五六七八九十]{1,3})[）)]|[;；]")
#: the separators of a list written as one run of text, with no item markers
_RUN_ON_ITEM = {"en": re.compile(r",\s*(?:(?:and|or|and/or|as\s+well\s+as)\s+)?|\s(?:and|or|and/or|as\s+well\s+as)\s+", re.IGNORECASE),
                "zh": re.compile(r"(?:[、，,]\s*)?(?:以及|或者)|[、，,]")}
#: where a list of reasons turns to what they do not include
_LIST_EXCLUSION = {"en": re.compile(r",?\s*\b(?:and|but)\s+(?:does|do|shall|will)\s+not\s+include\b", re.IGNORECASE),
                   "zh": re.compile(r"[，,]?\s*(?:但|而|且)?(?:不包括|不含|不包含)")}
#: the opening of a list item as drafters number it at the start of a paragraph: （一） (a) (iv) 1. 2、 a) 三、 ①,
#: also after the list's last "or"/"and" ("or (e) any other reason …")
_ITEM_START = re.compile(r"\s*(?:(?:or|and|and/or|或|或者|及|以及)\s*)?(?:[（(](?:[a-z]|[ivx]{1,4}|\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|\d{1,2}[.、)）](?!\d)"
                         r"|[a-z][.)](?=\s)|[一二三四五六七八九十]{1,3}、|[\u2460-\u2473])")


def excludes_reasons(text: str, library: Library, lang: str) -> bool:
    """The sentence only says what is NOT a justifiable reason ("Sanctions and foreign laws are not justifiable
    reasons"): the carve-out words it lists strengthen the undertaking."""
    return any(name == "reason_exclusions" and rx.search(text) for name, rx, _ in _complements(library, lang))


def _defines_reasons(s: Sentence, library: Library) -> bool:
    return any(name == "reason_definitions" and rx.search(s.text) for name, rx, _ in _complements(library, s.unit.lang))


def justified_items(s: Sentence, start: int, fine: list[Hit]) -> bool:
    """Every enumerated item of a list ("(a) … ; (b) …", "（一）…（二）…") from ``start`` names a justification and no
    carve-out: a definition of the justifiable reasons that only narrows them."""
    items, run_on = _list_items(s, start)
    return bool(items) and not _unjustified(s, items, run_on, fine)


def unjustified_reasons(s: Sentence, library: Library) -> list[str]:
    """The reasons a definition of the justifiable reasons in ``s`` lists that justify nothing ("…, or the
    Supplier's written notice to the Purchaser"): each is a carve-out, though every word of it may be known."""
    fine = s.any("justifications", "supply_grounds", *(f"{r.id}:justifications" for r in library.requirements))
    out: list[str] = []
    for name, rx, _ in _complements(library, s.unit.lang):
        if name != "reason_definitions":
            continue
        for m in rx.finditer(s.text):
            items, run_on = _list_items(s, m.end())
            out += [s.text[a:b].strip(" ,，、;；。.") for a, b in _unjustified(s, items, run_on, fine)]
    return list(dict.fromkeys(w for w in out if w))


#: a reference to another clause by number ("Clause 24.1", "第二十四条", "第24.1条")
_NAMES_A_CLAUSE = re.compile(r"\b(?:clauses?|articles?|sections?|paragraphs?|schedules?|annex(?:es)?)\s+\d|第\s*[\d一二三四五六七八九十百]+",
                             re.IGNORECASE)


def _list_items(s: Sentence, start: int) -> tuple[list[tuple[int, int]], bool]:
    """The items of the list from ``start``, and whether it is a run-on list (no item marks)."""
    # the list ends where it turns to what the reasons exclude ("…, and does not include a change of strategy")
    end = m.start() if (m := _LIST_EXCLUSION[s.unit.lang].search(s.text, start)) else len(s.text)
    cuts = [start, *[m.start() for m in _ITEM.finditer(s.text, start, end)], end]
    run_on = len(cuts) == 2
    if run_on:
        # a run-on list ("justifiable reasons include force majeure, the Buyer's failure to pay …, and changes to
        # the Supplier's product strategy"): each of its parts is read, not just the first
        cuts = [start, *[m.end() for m in _RUN_ON_ITEM[s.unit.lang].finditer(s.text, start, end)], end]
    return [(a, b) for a, b in itertools.pairwise(cuts) if re.search(r"\w{2}", s.text[a:b])], run_on


def _unjustified(s: Sentence, items: list[tuple[int, int]], run_on: bool, fine: list[Hit]) -> list[tuple[int, int]]:
    """The items that name no justification, or name a carve-out."""
    bad = s.any("carve_outs", "modal:non_binding", "breadth")
    consent = s.get("lawful_basis")

    def buyers_consent(a: int, b: int) -> bool:
        """"或经机关书面同意者", "or with the Buyer's written consent": the buyer's leave, and no one else's."""
        parties = [p for p in s.parties if a <= p.start < b]
        return any(a <= h.start < b for h in consent) and any(p.cat == "party:buyer" for p in parties) \
            and not any(p.cat == "party:supplier" for p in parties)

    def own_reason(a: int, b: int) -> bool:
        """A part naming no justification that is the supplier's own ("adjustments by Party B or its group to the
        product line", "any reason the Supplier considers appropriate", "the Supplier's written notice"): a part
        of a run-on list that names no one ("after two written reminders", "行政机关依法作出的决定") goes on the
        reason before it."""
        if _NAMES_A_CLAUSE.search(s.text, a, b):
            return False  # "those listed in Clause 24.1 (Suspension by Contractor)": that clause is read for them
        return any(a <= p.start < b and p.cat in ("party:supplier", "party:pronoun") for p in s.parties) \
            or any(a <= m.start < b and m.cat == "modal:permission" for m in s.modals)

    # a decision of the supplier's own ("(c) where the Supplier has decided to discontinue the relevant product line,
    # on twelve months' notice"; frames.yaml ``own_decisions``) is a carve-out, whatever notice or law words it has
    own = _frames_regex(s.library, "own_decisions", s.unit.lang)
    return [(a, b) for a, b in items
            if not ((any(a <= h.start < b for h in fine) or buyers_consent(a, b) or (run_on and not own_reason(a, b)))
                    and not any(a <= h.start < b for h in bad)
                    and not (own is not None and own.search(s.text, a, b) is not None))]


def _provision(library: Library, lang: str, text: str, m: re.Match[str]) -> bool:
    """The back-reference ``m`` names a provision ("the foregoing", 上述约定), not an object ("such data")."""
    key = (library.key, lang, "provisions")
    if key not in _COMPILED:
        rx = phrase_regex(library.frames.get("provisions", {}).get(lang, ()), lang)
        _COMPILED[key] = [("", rx)] if rx is not None else []  # type: ignore[list-item]
    after = text[m.end():m.end() + 12].lstrip()
    return any(rx.search(m.group(0)) or rx.match(after) for _, rx in _COMPILED[key])  # type: ignore[attr-defined]


def _supplier_negations(s: Sentence, library: Library) -> list[tuple[int, int]]:
    key = (library.key, s.unit.lang, "disclaimers")
    if key not in _COMPILED:
        rx = phrase_regex(library.common["disclaimers"][s.unit.lang], s.unit.lang)
        _COMPILED[key] = [("", rx)] if rx is not None else []  # type: ignore[list-item]
    if any(rx.search(s.text) for _, rx in _COMPILED[key]) or any(  # type: ignore[attr-defined]
            s.text[:m.start()].strip(" \t0-9.()（）、") and _provision(library, s.unit.lang, s.text, m)
            for _, rx in _lexicon(library, "back_references", s.unit.lang) for m in rx.finditer(s.text)):
        return []  # a negation near "the foregoing", 本条, 上述约定 may take the undertaking back
    out = []
    named = [p for p in s.parties if p.cat != "party:pronoun"]
    exempting = s.get("exemptions")  # "the Supplier shall not be deemed in breach": a release, no further prohibition
    for n in s.get("negations") + [m for m in s.modals if m.cat == "modal:prohibition"]:
        if any(e.start <= n.start < e.end for e in exempting):
            continue
        before = [p for p in named if p.end <= n.start]
        # the supplier is the last party named before it, or the sentence's subject when the last one named is
        # not the subject of this negation ("…of the Customer or its users, and shall not carry out …")
        if before and (before[-1].cat == "party:supplier" or (
                before[0].cat == "party:supplier" and not re.fullmatch(r"\s*(?:shall|will|must|may)?\s*",
                                                                        s.text[before[-1].end:n.start]))):
            out.append((n.start, n.end))
    return out


def _inside_lawful(s: Sentence, span: tuple[int, int]) -> bool:
    return any(h.start <= span[0] and span[1] <= h.end
               for h in s.any("lawful_basis", "unauthorised", "justifications", "supply_grounds"))


def read_riders(s: Any, sentences: list[Any], results: list[Assessment], library: Library, roles: Any,
                lang: str, found: list[Assessment] | None = None) -> None:
    """Read the later sentences of the undertaking's clause with it: every later sentence of the same paragraph,
    and those of later paragraphs of the same numbered clause that point back ("the foregoing", 上述, 本条) or
    carry a rider ("shall be deemed", "limited to"). Words no known-safe part accounts for make it weak."""
    from .analysis import Sentence as Read
    from .analysis import Unit, get_analyzer, party_hits

    satisfied = [a for a in results if a.kind == "undertaking" and a.quality == "satisfied"]
    # a particular stated ("委托处理的期限为…") is the parties' description, read whole by the lawyer; the later
    # sentences of its clause weaken it only with words that qualify ("上述目的可由乙方调整", "另行约定")
    stated = [a for a in satisfied if any(r.code == "stated-particular" for r in a.reasons)]
    taken = [a for a in satisfied if a not in stated]
    if stated:
        _qualify_stated(s, sentences, stated, library, lang)
    if not taken:
        return
    if s.window:  # read in windows: the rest of its sentence was not read with it
        rest = [t.text for t in sentences[max(0, s.index - 1):s.index + 2] if t is not s and t.window
                and t.block is s.block]
        for a in taken:
            unrecognised(a, [f"(sentence too long to read whole) {(rest or [''])[0][:80]}"])
        return
    from . import _top_section

    top = _top_section(s.block.section)
    analyzer = get_analyzer(library, lang)
    named = _clause_reference(s.block.section, lang)
    defining = None  # the paragraph of a definition of the justifiable reasons, whose items follow it
    narrowing = _narrowing_definitions(s, sentences, library, lang)
    term_definitions = _term_definitions_used(s, sentences, library, lang)
    later = _with_listed_reasons(list(_later_parts(s, sentences, top, library, lang, roles, term_definitions)),
                                 sentences, library, lang)
    # the items of an exception list the undertaking opens, or of a later lead-in that limits a right to the cases it
    # lists: each is justified for a requirement only by that requirement's own reasons (the buyer's unpaid invoice
    # excuses a pause of supply, never the control of its equipment). id(sentence) -> the requirements it takes
    # nothing from, and those it takes back as a carve-out whatever its words
    justified_for: dict[int, set[str]] = {}
    carve_out_for: dict[int, set[str]] = {}
    rids = {a.requirement for a in taken}

    reads: dict[int, Read] = {}

    def reading(t: Any) -> Read:
        """``t`` read on its own, once (an item is read for its justification and again as a rider)."""
        if id(t) not in reads:
            hits = analyzer.hits(t.text)
            reads[id(t)] = Read(Unit(t.text, lang, [(0, t.start, t.end)], t), hits,
                                party_hits(t.text, roles, hits, lang), library)
        return reads[id(t)]

    def item_justified(t: Any) -> set[str]:
        read = reading(t)
        start = _LEADING_JOINER.match(t.text).end()  # "or (c) where …": the joiner of the list, not an item
        return {rid for rid in rids
                if justified_items(read, start, read.any("justifications", f"{rid}:justifications"))}

    if _opens_list(s.text, library, lang) or _inline_exception_list(s.text, library, lang):
        # "乙方不得中断供货，但有下列情形之一的除外：" and its items as paragraphs of their own: every item is read with
        # the undertaking (a justified one is harmless); an opener whose list is nowhere to be found accounts for
        # nothing it promised
        items = _items_after(s, sentences, lang)
        if not items:
            for a in taken:
                unrecognised(a, [f"(list not found) {s.text[-40:]}"])
            return
        defining = s.block
        for i in items:
            justified_for[id(i)] = item_justified(i)
            carve_out_for[id(i)] = rids - justified_for[id(i)]
        later = [*items, *(t for t in later if all(t is not i for i in items))]
    at_will = _exception_terms_at_will(s.text, sentences, library, lang)
    if at_will is not None:
        # "except as required to perform the Services", where "Services" includes a programme under which the
        # Vendor updates and locks the Systems at its discretion: the exception lets in what the definition does
        for a in taken:
            carved_out(a, at_will)
        return
    opening = _paragraph_opening(s, sentences, library, lang)
    if opening is not None:
        # "8.2 质保期内，乙方应…；无正当理由，乙方不得停止供货": the time opening the paragraph frames every part of it
        phrase, owner, at = opening
        hits = analyzer.hits(phrase)
        read = Read(Unit(phrase, lang, [(0, owner.start + at, owner.start + at + len(phrase))], owner), hits,
                    party_hits(phrase, roles, hits, lang), library)
        for a in taken:
            positive = a.frame is not None and a.frame.polarity == "positive"
            runs = leftover_runs(phrase, safe_spans(read, library, "positive" if positive else "negative", rider=True,
                                                    rid=a.requirement), lang)
            words = [phrase[i:j] for i, j in runs]
            if words:
                if a.frame is not None:
                    a.frame.riders.append(("paragraph opening", phrase))
                    a.frame.leftover += words
                unrecognised(a, words)
    for t in [*later, *(t for t, _ in narrowing)]:
        # a closed definition narrows only the undertakings whose object is its term
        closed = next((term for d, term in narrowing if d is t), "")
        read = reading(t)
        harmless = {a.requirement: _harmless_rights(read, library, a.requirement) for a in taken}
        unjustified = unjustified_reasons(read, library)  # once per later sentence, whatever the undertakings
        if _restricted_lead_in(read, library) and (listed_items := _items_after(t, sentences, lang)):
            # "乙方仅在下列情形下方可暂停服务：": the lead-in and its items take nothing from an undertaking whose own
            # reasons justify every item; for any other, the lead-in is read as a rider
            # (a right to act on another requirement's matter, "暂停服务" beside a promise on equipment, is that
            # requirement's; one to act on this requirement's own matter is limited only by this one's reasons)
            each = [item_justified(i) for i in listed_items]
            acting = {rid for rid in rids if _acts_of(read, rid)}
            ok = set.intersection(*each) | (rids - acting)
            justified_for[id(t)] = ok
            for i in listed_items:
                justified_for[id(i)] = justified_for.get(id(i), set()) | ok
                carve_out_for[id(i)] = carve_out_for.get(id(i), set()) | (rids - ok)
            defining = t.block
        elif any(b == len(t.text) for spans in harmless.values() for _, b in spans) and _defines_reasons(read, library):
            defining = t.block
        elif defining is not None and id(t) not in justified_for and _ITEM_START.match(t.text) and justified_items(
                read, 0, read.any("justifications", "supply_grounds",
                                  *(f"{r.id}:justifications" for r in library.requirements))):
            # "（二）发生不可抗力…；": an item of a definition of the reasons for a pause, in its paragraph or the next
            # ones: the pause's matter, harmless to every undertaking
            continue
        elif not _ITEM_START.match(t.text):
            defining = None  # the list has ended
        elsewhere = t.block is not s.block and not (_same_top(t, top) if top else not t.block.section) \
            and t not in term_definitions and not _item_of_same_clause(s, t, library, lang) \
            and not _speaks_of_all(t.text, library, lang) \
            and not (top and _opens_on_previous_clause(t, s, sentences, top, library, lang))
        # a definition of the undertaking's own qualifying term speaks of it, whatever else it names ("19.2
        # Justifiable reason shall include any change in the export compliance policy of …"): never a sibling
        redefines = None
        for a in taken:
            if a.quality != "satisfied" or (closed and not _object_is(a.frame, closed)):
                continue
            if a.requirement in justified_for.get(id(t), ()):
                continue  # an item of the list, or its lead-in, justified by this requirement's own reasons
            if a.requirement in carve_out_for.get(id(t), ()):
                # an item no reason of this requirement justifies ("（一）甲方逾期付款…" excepted from a promise not to
                # control the equipment): a carve-out, though every word of it is known
                if a.frame is not None:
                    a.frame.riders.append(("exception item", t.text if len(t.text) <= 120 else t.text[:119] + "…"))
                unrecognised(a, [t.text[:80]])
                a.weakened_by.append((read.unit, [(0, len(t.text))]))
                continue
            if _defines_another_word(t.text, s.text, library, lang, a.requirement):
                continue  # "…不属于本条所称的中断" read with a data undertaking: it defines a word that one does not use
            if redefines is None:  # once per later sentence, and only where a satisfied undertaking asks
                redefines = _shares_term(t.text, s.text, library, lang) and _defines_reasons(read, library)
            if not redefines and (_sibling(read, a.requirement, library) or _further_duty(read, library, a.requirement)
                                  or _sibling_with_own_exception(read, a.requirement, library, t.block.section)):
                continue  # "配合网络安全审查；不利用…获取用户数据；" / "The Vendor shall notify …": more duties, not riders
            if t.block is not s.block and defining is None and read.modals \
                    and not any(m.cat in ("modal:permission", "modal:grant") for m in read.modals) \
                    and _other_subject_only(read, a.requirement) \
                    and points_back(t.text, library, lang, _lawful_exceptions(read)) is None \
                    and not _speaks_of_all(t.text, library, lang) \
                    and not (named is not None and _names(named, t.text, library, lang)) \
                    and not redefines:
                # "（二）乙方不会故意控制…": a carve-out in another undertaking of the list qualifies that one (a right
                # beside the duty is still read with it: "8.4 Party B may suspend … at its discretion"; and so is a
                # sentence naming the undertaking's clause: "Clause 14 shall cease to apply on Final Acceptance")
                continue
            listed = defining is not None and _ITEM_START.match(t.text)  # an item of the exception list opened before
            if not listed and _provision_of_its_own(t, read, a.requirement, found, library) \
                    and not _speaks_of_all(t.text, library, lang) and not (named is not None and _names(named, t.text, library, lang)):
                # "乙方有权根据自身经营需要暂停供货" beside a review undertaking: it is judged under the requirement
                # whose act it names, and takes nothing from this one unless it points back at it
                continue
            if t.block is not s.block and _other_subject_only(read, a.requirement) and roles is not None \
                    and (supplier := party_regex(roles.supplier, lang)) is not None \
                    and _buyer_grants_supplier(t.text, roles, supplier, library, lang):
                continue  # "Customer grants Provider a … licence to use Customer Data" beside a promise on equipment
            if not listed and _overrides_another_clause(t.text, named, library, lang):
                continue  # "Notwithstanding Clause 26.4, the Vendor may cease supplying …": that clause's matter
            if not listed and _stands_alone(t, read, a.requirement, found, library):
                continue  # "17.2 除甲方经催告仍未付款外，乙方不得中止前款供货": an undertaking of its own, whole
            if (t.index < s.index or not _forbids(library, a.requirement)) and t.block is not s.block \
                    and _deems_another_subject(t.text, read, a.requirement, library, lang) \
                    and not (named is not None and _names(named, t.text, library, lang)):
                continue  # "乙方为改进服务质量而收集的数据，视为已获得甲方授权" beside a promise on equipment
            if elsewhere and not any(c.startswith(f"{a.requirement}:") and _SUBJECT_CAT.match(c) for c in read.by) \
                    and not (named is not None and _names(named, t.text, library, lang)):
                continue  # a deeming in another clause about another subject
            frame = a.frame
            positive = frame is not None and frame.polarity == "positive"
            runs = leftover_runs(t.text, safe_spans(read, library, "positive" if positive else "negative", rider=True,
                                                    rid=a.requirement) + harmless[a.requirement]
                                 + _excepting_what_went_before(read, library), lang)
            words = [t.text[i:j] for i, j in runs]
            # a reason listed as justifiable that justifies nothing, however known its words
            words += [w for w in unjustified if not any(w in x or x in w for x in words)]
            if frame is not None:
                frame.riders.append(("later sentence", t.text if len(t.text) <= 120 else t.text[:119] + "…"))
                frame.leftover += words
            if words:
                unrecognised(a, words)
                a.weakened_by.append((read.unit, runs))


def carved_out(a: Assessment, detail: str) -> None:
    """Make a satisfied undertaking weak for a carve-out found outside its own words (``detail`` says where)."""
    a.quality = "weak"
    a.reasons = [r for r in a.reasons if r.code != "binding-undertaking"]
    a.reasons.append(Reason("carve-out", detail))
    a.detail = a.detail or detail
    if a.frame is not None:
        a.frame.exceptions.append(("carve-out", detail))


def _exception_terms_at_will(text: str, sentences: list[Any], library: Library, lang: str) -> str | None:
    """A defined term in the undertaking's exception ("except as required to perform the Services", 但为履行本合同
    服务所必需的除外) whose definition, or that of a term it names in turn, leaves something to the supplier's
    discretion ("… at Vendor's discretion … restricts or locks functions of the Systems"): the exception lets that in.
    Returns what to show the lawyer, or None."""
    opened = list(_exception_openers(text, library, lang))
    if not opened:
        return None
    tail = text[min(m.start() for m in opened):]
    definitions = [(t, term) for t, term in _once_per_document(
        "defined terms", sentences, lang, lambda: defined_term_sentences(sentences, lang)) if t.text not in text]
    if not definitions:
        return None
    seen: set[str] = set()
    todo = [(term, term) for _, term in definitions if _uses_term(tail, term, lang)]
    while todo:
        term, via = todo.pop(0)
        if term in seen or len(seen) > 8:
            continue
        seen.add(term)
        for t, defined in definitions:
            if defined != term:
                continue
            body = t.text
            if _defined_at_will(body, library, lang):
                return f"{via}, as defined: {body[:120] + ('…' if len(body) > 120 else '')}"
            todo += [(other, f"{via} → {other}") for _, other in definitions
                     if other != term and other not in seen and _uses_term(body, other, lang)]
    return None


def _uses_term(text: str, term: str, lang: str) -> bool:
    """``term`` as a word of ``text`` (an English defined term keeps its capitals)."""
    if lang == "zh":
        return term in text
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text) is not None


#: a clause's number before the paragraph's first words ("8.2 ", "（二）", "第八条 ")
_LEADING_LABEL = re.compile(r"\W{0,3}(?:[\d.（）()、一二三四五六七八九十第条]+\s*)?")
_COMMA_AFTER = re.compile(r"\s*[,，]")


def _paragraph_opening(s: Any, sentences: list[Any], library: Library, lang: str) -> tuple[str, Any, int] | None:
    """A narrowing period opening the paragraph of ``s`` when ``s`` is a later part of it, the parts joined by
    semicolons ("8.2 质保期内，乙方应…；无正当理由，乙方不得…"; frames.yaml ``narrowing_periods``): the phrase, the
    sentence it opens and where."""
    first = next((t for t in sentences if t.block is s.block and t.language == lang), None)
    if first is None or first is s or first.index > s.index or not first.text.rstrip().endswith((";", "；")):
        return None
    periods = _cached_phrase_regex(library, ("frames", "narrowing_periods"),
                                   library.frames.get("narrowing_periods", {}).get(lang, ()), lang)
    lead = _LEADING_LABEL.match(first.text)
    m = periods.match(first.text, lead.end()) if periods is not None and lead is not None else None
    return (m.group(0), first, m.start()) if m and _COMMA_AFTER.match(first.text, m.end()) else None


def _qualify_stated(s: Any, sentences: list[Any], stated: list[Assessment], library: Library, lang: str) -> None:
    """A stated particular is weak where a later sentence of its paragraph, or one pointing back at it, holds the
    requirement's weakening words, a carve-out or the supplier's discretion."""
    from .analysis import get_analyzer

    analyzer = get_analyzer(library, lang)
    later = [t for t in sentences[s.index + 1:] if t.block is s.block
             or (points_back(t.text, library, lang) is not None and t.block.section == s.block.section)]
    for t in later[:12]:
        hits = analyzer.hits(t.text)
        for a in stated:
            qualifying = [h for h in hits if h.cat in (f"{a.requirement}:weakening", "carve_outs")]
            if qualifying or _holds_carve_out(t.text, library, lang):
                a.quality = "weak"
                word = qualifying[0].text if qualifying else t.text[:80]
                a.reasons.append(Reason("weakened-by", word))
                a.detail = a.detail or word


def _with_listed_reasons(parts: list[Any], sentences: list[Any], library: Library, lang: str) -> list[Any]:
    """``parts`` plus the items that follow a definition of the justifiable reasons opening a list
    ("本条所称“正当理由”仅限于下列情形：" and then "（一）…", "（二）…" as paragraphs of their own): every item is read
    with the undertaking, whatever it says, so a business reason among them is never skipped."""
    out: list[Any] = []
    added: set[int] = set()
    for t in parts:
        if id(t) in added:
            continue  # an item already read after its definition
        out.append(t)
        added.add(id(t))
        opens = any(name == "reason_definitions" and (m := rx.search(t.text)) and not t.text[m.end():].strip(" ：:。")
                    for name, rx, _ in _complements(library, lang)) or _lead_in_alone(t.text, library, lang)
        if not opens:
            continue
        j = t.index + 1
        while j < len(sentences) and sentences[j].language == lang:
            if _ITEM_START.match(sentences[j].text):
                if id(sentences[j]) not in added:
                    added.add(id(sentences[j]))
                    out.append(sentences[j])
            elif not _LIST_JOINER.fullmatch(sentences[j].text.strip()):
                break
            j += 1
    return out


def _lead_in_alone(text: str, library: Library, lang: str) -> bool:
    """A sentence that limits a right to the cases listed after it and ends at its colon ("乙方仅在下列情形下方可暂停
    服务：", "The Supplier may suspend only in the following circumstances:"; common.yaml ``restrictive_lists``)."""
    rx = _common_regex(library, "restrictive_lists", lang)
    return rx is not None and rx.search(text) is not None and text.rstrip().endswith(("：", ":"))


def _restricted_lead_in(read: Sentence, library: Library) -> bool:
    """A later sentence that is such a lead-in alone, with no word that qualifies beyond the restriction itself (no
    carve-out, hedge, breadth or override): what it allows is what its items say, and they are read one by one."""
    if not _lead_in_alone(read.text, library, read.unit.lang) or not any(
            m.cat in ("modal:permission", "modal:grant") for m in read.modals):
        return False  # ("本条所称正当理由仅限于下列情形：" grants nothing: a definition, read as one)
    return not read.any("carve_outs", "modal:non_binding", "breadth", "overrides", "global_overrides", "scope_limits",
                        "exemptions", "unlimited", *(f"{r.id}:weakening" for r in library.requirements))


def _opens_list(text: str, library: Library, lang: str) -> bool:
    """The sentence opens a list of reasons and ends there or with a colon ("…，但有下列情形之一的除外：", "本条所称正当理由
    仅限于下列情形：", "除下列情形外，乙方不得中断…：")."""
    return any(name == "reason_definitions" and (m := rx.search(text))
               and (not text[m.end():].strip(" ：:。") or text.rstrip().endswith(("：", ":")))
               for name, rx, _ in _complements(library, lang))


#: the first item of a list right after an exception ("except (a) during Force Majeure;", "除（一）…")
_FIRST_ITEM = re.compile(r"\s*[:：]?\s*[（(](?:a|i|1|一)[）)]", re.IGNORECASE)


def _inline_exception_list(text: str, library: Library, lang: str) -> bool:
    """The sentence ends at a semicolon inside a lettered list of exceptions ("shall not suspend … except (a) during
    Force Majeure;" and then "or (b) after ninety days' notice."): the items after it are the exception's, each to be
    justified, not riders whose words are merely known."""
    if not text.rstrip().endswith((";", "；")):
        return False
    return any(_FIRST_ITEM.match(text, m.end()) for m in _exception_openers(text, library, lang))


def _exception_openers(text: str, library: Library, lang: str) -> Iterator[re.Match[str]]:
    """The exception words of ``text`` (common.yaml ``exceptions``), from one pattern built once per library."""
    key = (library.key, lang, "exceptions")
    if key not in _COMPILED:
        _COMPILED[key] = [("", rx)] if (rx := phrase_regex(library.common["exceptions"][lang], lang)) else []
    for _, rx in _COMPILED[key]:
        yield from rx.finditer(text)  # type: ignore[attr-defined]


def _items_after(s: Any, sentences: list[Any], lang: str) -> list[Any]:
    """The list items right after ``s``: sentences opening with an item number of the first item's kind, in the same
    language ("(a) …", "(b) …" and then "20. This Agreement is governed by …": the next clause, not an item)."""
    out = []
    kind = None
    j = s.index + 1
    while j < len(sentences) and sentences[j].language == lang:
        if (m := _ITEM_START.match(sentences[j].text)) and kind in (None, _label_kind(m.group(0))):
            kind = _label_kind(m.group(0))
            out.append(sentences[j])
        elif not _LIST_JOINER.fullmatch(sentences[j].text.strip()):
            break
        j += 1
    return out


#: the joining word a list's last item may open with ("or (c) …", "以及（三）…")
_LEADING_JOINER = re.compile(r"\s*(?:(?:and/or|and|or|或者|或|以及|及)\s*)?", re.IGNORECASE)


def _label_kind(label: str) -> str:
    """How an item is numbered: "(a)"/"(iv)" alike, "（一）", "(1)", "1.", "a.", "一、", "①"."""
    label = label[_LEADING_JOINER.match(label).end():]
    if re.match(r"[（(][a-z]", label) or re.match(r"[（(][ivx]", label):
        return "paren-letter"
    if re.match(r"[（(][一二三四五六七八九十]", label):
        return "paren-numeral"
    if re.match(r"[（(]\d", label):
        return "paren-digit"
    if re.match(r"\d", label):
        return "digit"
    if re.match(r"[a-z]", label):
        return "letter"
    if re.match(r"[一二三四五六七八九十]", label):
        return "numeral"
    return "other"


#: what is left between two items once "; or" has ended the first ("(b) in the event of Force Majeure; or")
_LIST_JOINER = re.compile(r"(?:and/or|and|or|或者|或|以及|及|和)[.;；。]?", re.IGNORECASE)


def _defines_another_word(rider: str, undertaking: str, library: Library, lang: str, rid: str) -> bool:
    """The later sentence only says what a word means in this clause, and the undertaking does not use that word.
    The requirement's own qualifiers before the word ("本条所称之非法控制" beside "乙方不得控制…") are not part of it:
    the sentence still speaks of the act the undertaking bans."""
    rx = _frames_regex(library, "term_definitions", lang)
    m = rx.search(rider) if rx is not None else None
    term = m.group("term").strip() if m is not None and m.groupdict().get("term") else ""
    qualifiers = phrase_regex(library.requirement(rid).lexicon.get("qualifiers", {}).get(lang, ()), lang)
    while term and qualifiers is not None and (q := qualifiers.match(term)) is not None and q.end() < len(term):
        term = term[q.end():].lstrip("的之 ")
    return bool(term) and term.casefold() not in undertaking.casefold()


def _lawful_exceptions(read: Sentence) -> list[tuple[int, int]]:
    """The sentence's own exceptions that are a lawful basis or a justification and nothing else ("但委托方书面同意的
    除外", "法律另有规定的除外"): their 但 and 除外 qualify the sentence's own act, not an undertaking before it."""
    fine = [*read.by.get("lawful_basis", []), *read.by.get("justifications", []),
            *(h for c, hits in read.by.items() if c.endswith(":justifications") for h in hits)]
    bad = [h for c in ("carve_outs", "global_overrides", "scope_limits", "overrides") for h in read.by.get(c, [])]
    return [(h.start, h.end) for h in read.by.get("exceptions", [])
            if any(h.start <= f.start and f.end <= h.end for f in fine)
            and not any(h.start <= b.start < h.end for b in bad)]


def _stands_alone(t: Any, read: Sentence, rid: str, found: list[Assessment] | None, library: Library) -> bool:
    """The later sentence ``t`` is, read on its own (with its own riders), a satisfied undertaking by the supplier:
    of ``rid`` itself (it restates the duty, its exceptions all justified: "17.2 除需方严重违约经催告未纠正外，
    供方不得以任何理由中止前款供货"), or of another requirement while saying nothing of ``rid`` ("配合网络安全审查；
    不利用…获取用户数据；"). Every word of it is then accounted for as part of an undertaking, so it adds a duty and
    takes nothing back. Any other reading of it (weak, a right, a limitation, a near miss that is not one of these
    satisfied undertakings on ``rid``) leaves it a rider."""
    if not found:
        return False
    own = [a for a in found if a.unit.sentence is t]
    taken = [a for a in own if a.kind != "near-miss"]
    if not taken or any(a.kind != "undertaking" or a.quality != "satisfied" for a in taken):
        return False
    if any(len(a.unit.pieces) > 1 for a in taken) and (
            (read.modals and any(m.cat != "modal:obligation" for m in read.modals))
            or any(rx.search(read.text) for _, rx in _lexicon(library, "riders", read.unit.lang))):
        return False  # read with its lead-in, and it holds a right, a release or a rider word of its own
    if any(a.requirement == rid for a in taken):
        return True
    # another requirement's undertaking: only if nothing in it is of ``rid``'s words at all ("网络安全审查的费用由
    # 甲方承担" may ride on a data promise and still weaken the review one)
    return not any(a.requirement == rid for a in own) and not any(c.startswith(f"{rid}:") for c in read.by)


def _acts_of(s: Sentence, rid: str) -> bool:
    """The sentence names an act or an object of ``rid`` of its own ("may access the Purchaser's equipment"): not one
    inside another requirement's longer object (the 支持 of 技术支持, the "products" of "the supply of products" is
    what the supply requirement protects)."""
    others = [h for c, hits in s.by.items() if ":obj:" in c and not c.startswith(f"{rid}:") for h in hits]
    return any(not inside_longer(h, others) for c, hits in s.by.items()
               if ((m := _ACT_CAT.match(c)) and m.group("rid") == rid) or c.startswith(f"{rid}:obj:") for h in hits)


#: act categories of a requirement: a sentence holding one undertakes (or refuses) something of its own
#: what makes a later sentence qualify whatever came before it, whatever else it says
_QUALIFYING = ("carve_outs", "modal:non_binding", "overrides", "scope_limits", "global_overrides", "exemptions",
               "restrictive", "conditions")


def _other_subject_only(read: Sentence, rid: str) -> bool:
    """The sentence is an undertaking on another requirement's subject only: its own act, none of ``rid``'s acts
    or objects."""
    # a word of ``rid`` read inside another requirement's longer word is that word's (支持 in 技术支持)
    longer = [h for c, hits in read.by.items() if not c.startswith(f"{rid}:") and ":" in c
              and not c.startswith(("modal:", "party:")) for h in hits]
    cats = [c for c, hits in read.by.items()
            if not (c.startswith(f"{rid}:") and all(any(o.start <= h.start and h.end <= o.end and (
                o.end - o.start > h.end - h.start or ":obj:" in o.cat) for o in longer) for h in hits))]
    others = {m.group("rid") for c in cats if (m := _ACT_CAT.match(c))}
    return bool(others) and rid not in others and not any(c.startswith(f"{rid}:") and _SUBJECT_CAT.match(c)
                                                          for c in cats)


def _sibling(read: Sentence, rid: str, library: Library) -> bool:
    """A later sentence that is an undertaking on another requirement's subject only (its own act, none of
    ``rid``'s acts or objects) and carries nothing that qualifies what came before it: no back-reference, rider,
    carve-out, hedge, condition or restrictive word."""
    if not _other_subject_only(read, rid):
        return False
    if read.any(*_QUALIFYING, *(f"{r.id}:weakening" for r in library.requirements)):
        return False
    lang = read.unit.lang
    return not _points_elsewhere(read, library, rid, lang)


def _points_elsewhere(read: Sentence, library: Library, rid: str, lang: str) -> bool:
    """The sentence holds a back-reference or a rider word, other than an anaphor naming its own object (a list item
    may bind by its lead-in's modal: "乙方承诺：…（二）不以任何方式擅自控制、操纵上述设备")."""
    binding = all(m.cat in ("modal:obligation", "modal:prohibition") for m in read.modals)
    for section in ("back_references", "riders"):
        for _, rx in _lexicon(library, section, lang):
            for m in rx.finditer(read.text):
                if not (section == "back_references" and binding and _object_anaphor(read, m.end(), rid)):
                    return True
    return False


def _object_anaphor(read: Sentence, end: int, rid: str) -> bool:
    """A back-reference right before an object of the item's own requirement ("不以任何方式擅自控制、操纵上述设备"):
    it names the things the item itself spoke of, not an earlier undertaking."""
    return any(":obj:" in c and not c.startswith(f"{rid}:") and any(0 <= h.start - end <= 1 for h in hits)
               for c, hits in read.by.items())


def _sibling_with_own_exception(read: Sentence, rid: str, library: Library, section: str | None) -> bool:
    """A later item that is an undertaking on another requirement's subject only and carries its own exception
    ("（四）除本合同第15.3条约定的情形外，乙方不得中断…供应", "(d) it will not interrupt … except as expressly permitted
    by clause 25"): the exception governs that item's own act, so it takes nothing from an undertaking before it.
    Every qualifying word and back-reference of the item must lie inside its exceptions, its modals bind, and no
    buyer is its subject."""
    from .analysis import _exception_scope

    scopes = [_exception_scope(read, e) for e in read.get("exceptions")]
    if not scopes or not _other_subject_only(read, rid):
        return False

    def inside(a: int, b: int) -> bool:
        return any(x <= a and b <= y for x, y in scopes)

    modals = [m for m in read.modals if not inside(m.start, m.end)]  # "except as permitted by clause 25"
    if not modals or any(m.cat not in ("modal:obligation", "modal:prohibition") for m in modals):
        return False
    first = min(m.start for m in modals)
    if any(p.cat == "party:buyer" and p.start < first and not inside(p.start, p.end) for p in read.parties):
        return False
    qualifying = read.any(*_QUALIFYING, *(f"{r.id}:weakening" for r in library.requirements))
    if any(not inside(h.start, h.end) for h in qualifying if h.cat != "exceptions"):
        return False
    lang = read.unit.lang
    # a rider word inside the exception qualifies the item's own act ("save to the extent that … as determined by
    # the Vendor's group from time to time"); a back-reference there must be a reference by number to another
    # clause ("除本合同第十七条约定的情形外"): "本条", "上述", "the foregoing" reach back at the whole clause ("但本条约定
    # 由乙方自行决定的除外")
    own = _clause_reference(section, lang)
    for name in ("back_references", "riders"):
        for _, rx in _lexicon(library, name, lang):
            for m in rx.finditer(read.text):
                if not inside(m.start(), m.end()):
                    return False
                if name == "back_references" and not (_BY_NUMBER.fullmatch(m.group(0).strip())
                                                      and not (own is not None and own.search(m.group(0)))):
                    return False
    return True


#: a reference to a clause by its number ("第十七条", "第15.3条", "clause 25", "Article 14")
_BY_NUMBER = re.compile(r"第[一二三四五六七八九十百零\d]+(?:[.．]\d+)*条|(?:clause|article|section)\s+\d+(?:\.\d+)*",
                        re.IGNORECASE)


_RELATIVE = {lang: re.compile(rf"\b(?:{'|'.join(words)})\s+$" if words else r"(?!x)x", re.I)
             for lang, words in (("en", en.RELATIVE_OPENERS), ("zh", zh.RELATIVE_OPENERS))}


def _further_duty(read: Sentence, library: Library, rid: str) -> bool:
    """A later sentence that only binds the supplier to do more ("The Vendor shall notify the Customer without
    delay of any change … that may affect the review"): the supplier is its subject, every modal is an
    obligation, and nothing in it negates, releases, permits, hedges, conditions or points back."""
    from .analysis import _possessive

    # the supplier as the one bound, not as an owner ("The Vendor's cooperation … will be charged at its rates")
    supplier = [p for p in read.parties if p.cat == "party:supplier" and not _possessive(read.text, p, read.unit.lang, read.library)]
    # "that may affect the review", "可能影响审查的": a possibility in a relative clause, not a permission
    modals = [m for m in read.modals if not _RELATIVE[read.unit.lang].search(read.text, 0, m.start)
              and not (read.unit.lang == "zh" and read.text.startswith("可能", m.start))]
    if not supplier or not modals or any(m.cat != "modal:obligation" for m in modals):
        return False
    if supplier[0].start > read.modals[0].start or any(p.cat == "party:buyer" and p.start < read.modals[0].start
                                                        for p in read.parties):
        return False
    if read.negations or read.any("negations", *_QUALIFYING, *(f"{r.id}:weakening" for r in library.requirements)):
        return False
    if read.any(f"{rid}:forbidden", f"{rid}:partial", f"{rid}:contradicting"):
        return False  # "如供应商拟停止任何产品，应提前九十日通知": it names the very act the undertaking forbids
    lang = read.unit.lang
    return not _points_elsewhere(read, library, rid, lang)


def leftover(text: str, spans: list[tuple[int, int]], lang: str) -> list[str]:
    """The words of ``text`` no span covers, as runs of adjacent words."""
    return [text[a:b] for a, b in leftover_runs(text, spans, lang)]


def _coverage(text: str, spans: list[tuple[int, int]]) -> bytearray:
    """One byte per character of ``text``: 1 where a span covers it."""
    covered = bytearray(len(text))
    for a, b in spans:
        covered[a:b] = b"\x01" * (b - a)
    return covered


def leftover_runs(text: str, spans: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    """Where the words of ``text`` no span covers are, as (start, end) of runs of adjacent words."""
    lead = _LETTERED_LABEL.match(text)  # "5A.1 The Supplier …": the clause's own number, as "5.1" is
    covered = _coverage(text, [*spans, *([(0, lead.end())] if lead else [])])
    runs: list[list[int]] = []
    for m in _WORD[lang].finditer(text):
        if all(covered[m.start():m.end()]) or _NUMBER.fullmatch(m.group(0)):
            continue
        if runs and _GAP.fullmatch(text, runs[-1][1], m.start()):
            runs[-1][1] = m.end()
        else:
            runs.append([m.start(), m.end()])
    return [(a, b) for a, b in runs]


#: after an item of an English series: more items, then the conjunction that closes it ("B or C", "B, C and D")
_SERIES_GOES_ON = re.compile(r"[^,;.:]{0,40}?(?:,[^,;.:]{1,40}?)*(?:,\s*)?\s(?:and|or)\s", re.IGNORECASE)
#: the hits of a requirement that name what it undertakes: a list item joined to one of them is of the same kind
_ANCHOR_KEYS = ("forbidden", "partial", "duty", "partial_duty", "refusable", "broad_objects", "partial_objects",
                "withheld_objects")


def modifier_spans(s: Sentence, library: Library, rid: str, spans: list[tuple[int, int]],
                   negative: bool, objects: list[Hit]) -> list[tuple[int, int]]:
    """Unread words written onto the undertaking's object in a prohibition, forming one noun with it ("the
    Employer's crane control network", "field devices", 甲方的调度数据网设备, 参保人员个人信息): they name the
    operator's own kind of the object the prohibition protects (frames.yaml ``object_modifiers``). Only a short
    run joined to the object with no word between, holding no guard word (a narrowing or qualifying word:
    "test", "specified", 部分, 测试), and never in a positive duty, where a narrower object is a smaller duty.
    The prohibition must name two or more of the operator's things (objects, or kinds listed before one head:
    "lift, escalator or platform-door equipment"): one kind alone ("甲方的工控主机") may be one item of a wider
    scope of supply, which the promise then leaves out."""
    conf = library.frames.get("object_modifiers")
    if not conf or not (negative or rid in conf.get("duty_requirements", ())):
        return []
    lang = s.unit.lang
    guards = [rx for kind in ("enumerations", "illustrations", "object_modifiers")
              if (rx := _enumeration_regex(library, "guards", lang, kind))]
    own_guards = _enumeration_regex(library, "guards", lang, "object_modifiers")
    heads, outer = _outer_objects(s, rid, objects)
    several = len(outer) >= 2
    # a kind of the operator's things named beside others ("甲方之号志控制器、中央控制系统及通信网络") takes its
    # modifier like the general word does
    heads = heads + (s.get(f"{rid}:partial_objects") if several else [])
    joint = re.compile(conf["joint"][lang])
    word = re.compile(conf["word"][lang])
    covered = _coverage(s.text, spans)
    out = []
    for a, b in leftover_runs(s.text, spans, lang):
        item = s.text[a:b]
        size = len(item) if lang == "zh" else len(item.split())
        if size > (conf["max_chars"] if lang == "zh" else conf["max_words"]) or not word.fullmatch(item) \
                or any(rx.search(item) for rx in guards):
            continue
        # a guard written onto the same noun right before the run narrows it all ("甲方的测试AFC设备", "test SCADA hosts")
        # (a kind of the object, not a word of the sentence around it: "other than diagnostic data" is an exception)
        before = _NOUN_BEFORE[lang].search(s.text, max(0, a - 24), a)
        if before and own_guards is not None and any(
                m for m in own_guards.finditer(before.group(0)) if lang != "zh" or len(m.group(0)) > 1):
            continue
        if not (several or _LISTED_BEFORE[lang].search(s.text, 0, a)):
            continue
        if any(h.start >= b and (joint.fullmatch(s.text[b:h.start]) or _read_noun_chain(s.text, b, h.start, covered, lang))
               for h in heads):
            out.append((a, b))
    return out


def _read_noun_chain(text: str, a: int, b: int, covered: bytearray, lang: str) -> bool:
    """Between a modifier and its head only words already read (``covered``) that go on the same noun ("HIS|软件|
    产品", "imaging|equipment"): a short chain with no function word, no punctuation."""
    if a >= b or not _NOUN_CHAIN[lang].fullmatch(text, a, b):
        return False
    return all(covered[i] for i in range(a, b) if not text[i].isspace())


def _outer_objects(s: Sentence, rid: str, objects: list[Hit]) -> tuple[list[Hit], set[tuple[int, int]]]:
    """The requirement's object heads in the sentence, and the spans of those no longer one contains: the things
    the prohibition names."""
    heads = [h for cat, hits in s.by.items() if cat.startswith(f"{rid}:")
             and (":obj:" in cat or cat.endswith(":broad_objects")) for h in hits]
    outer = {(h.start, h.end) for h in [*heads, *objects]
             if not any(o.start <= h.start and h.end <= o.end and (o.start, o.end) != (h.start, h.end)
                        for o in [*heads, *objects])}
    return heads, outer


#: Chinese characters that are grammar, not part of a noun: a modifier chain never holds one
_FUNCTION_CHARS_ZH = "的之及和与或并等各该此其中内外上下在对向将于由应须可得不"
_FUNCTION_ZH = re.compile(f"[{_FUNCTION_CHARS_ZH}]")
#: the words of one noun between a modifier and its head ("HIS|软件|产品", "imaging| |equipment")
#: one word of a Chinese noun: a Latin acronym or a character that is no function word
_NOUN_WORD_ZH = f"(?:[A-Z]{{2,6}}|[\u4e00-\u9fff](?<![{_FUNCTION_CHARS_ZH}]))"
_NOUN_CHAIN = {"en": re.compile(r"[ -](?:(?!(?:after|following|from|of|for|to|in|on|at|by|with|before|during|until|"
                                r"the|a|an|any|and|or|than)\b)[A-Za-z][\w]*[ -]){1,2}", re.IGNORECASE),
               "zh": re.compile(f"{_NOUN_WORD_ZH}{{1,4}}")}
_ACRONYMS = re.compile(r"(?-i:[A-Z]{2,6}(?:[ -][A-Z]{2,6}){0,2})")
#: the words of the same noun right before a modifier run: up to two English words, up to four Chinese characters
#: that are no function word
_NOUN_BEFORE = {"en": re.compile(r"(?<![\w-])(?:[A-Za-z][\w-]*\s+){1,2}$"),
                "zh": re.compile(f"(?:[\u4e00-\u9fff](?<![{_FUNCTION_CHARS_ZH}])){{2,4}}$")}


#: a list of kinds ends right before the run: "lift, escalator or platform-door equipment", 闸机、门禁及监控设备
_LISTED_BEFORE = {"en": re.compile(r"(?:,|\bor|\band|/)\s*(?:[A-Za-z]+-)?$", re.IGNORECASE),
                  "zh": re.compile(r"(?:、|及|和|或|与|以及|或者)$")}


def narrowing_modifiers(s: Sentence, library: Library, heads: list[Hit]) -> list[str]:
    """Guard words written onto the undertaking's object ("the Customer's test devices", 甲方的测试设备, 部分设备):
    they single out a part of what the undertaking protects, so they stay unaccounted for even where another
    class would account for the word elsewhere (测试 is harmless in "配合审查及测试")."""
    conf = library.frames.get("object_modifiers")
    if not conf:
        return []
    lang = s.unit.lang
    guards = [rx for kind in ("enumerations", "object_modifiers") if (rx := _enumeration_regex(library, "guards", lang, kind))]
    joint = re.compile(conf["joint"][lang])
    # other modifiers may stand between the guard and the head ("甲方的测试调度设备", "test SCADA hosts")
    word = re.compile(conf["word"][lang])
    limit = conf["max_chars"]

    acts = [*s.parties, *s.modals, *(h for cat, hits in s.by.items() for h in hits
                                      if cat.split(":")[-1] in ACTION_KEYS or cat.startswith("modal:"))]

    def joined(a: int, b: int) -> bool:
        gap = s.text[a:b]
        if joint.fullmatch(gap):
            return True
        core = gap.strip(" -")
        if lang == "en":  # only an acronym between: "test SCADA hosts" ("or otherwise control any device" is a verb)
            return bool(_ACRONYMS.fullmatch(core))
        # (a noun chain: no function word, party, modal or act inside: "甲方有权要求乙方配合网络安全审查" is a clause)
        return bool(core) and len(core) <= limit and bool(word.fullmatch(core)) and not _FUNCTION_ZH.search(core) \
            and not any(h.start < b and a < h.end for h in acts)

    out: list[str] = []
    # a single Chinese character is a guard inside a run only: as a word of its own here it would be read inside
    # ordinary words (删除个人信息 is no 除)
    for m in (m for rx in guards for m in rx.finditer(s.text) if lang != "zh" or len(m.group(0)) > 1):
        if any(h.start >= m.end() and joined(m.end(), h.start) for h in heads) \
                and not any(h.start <= m.start() and m.end() <= h.end for h in heads):
            start = m.start()
            while lang == "zh" and start > max(0, m.start() - 3) and _CJK_WORD.match(s.text, start - 1):
                start -= 1  # the whole word it ends (测试, not 试)
            if not any(s.text[start:m.end()] in w or w in s.text[start:m.end()] for w in out):
                out.append(s.text[start:m.end()])
    return out


_CJK_WORD = re.compile(r"[\u4e00-\u9fff](?<![的之及和与或并等各该此其])")
#: the noun chain between an owner's 的/之 and the one object a prohibition names ("客户的交易主机")
_KIND_BEFORE = re.compile(r"(?<=[的之])(?:[\u4e00-\u9fff](?<![的之及和与或并等各该此其对向将于由在])){1,4}$")


def _single_kind(s: Sentence, rid: str, objects: list[Hit], negative: bool, broader: list[str]) -> list[str]:
    """A Chinese prohibition naming one kind of the operator's things where the contract defines a broader term for
    them ("“客户系统”指客户的交易主机、网络设备、柜台系统…" and then "服务商不得非法控制或操纵客户的交易主机"): the kind
    written between the owner's 的 and the object singles out part of what the defined term covers, however its words
    are otherwise read, so it is left over. Not when the prohibition names two or more things, lists kinds before
    the head, or uses the defined term."""
    if s.unit.lang != "zh" or not negative or not broader:
        return []
    _, outer = _outer_objects(s, rid, objects)
    if len(outer) != 1:
        return []
    start, _ = next(iter(outer))
    m = _KIND_BEFORE.search(s.text, max(0, start - 5), start)
    if m is None or _LISTED_BEFORE["zh"].search(s.text, 0, m.start()) or _ANY_KIND.match(m.group(0)):
        return []
    return [m.group(0)]


#: a quantifier, not a kind ("甲方的任何设备", "全部系统")
_ANY_KIND = re.compile(r"(?:任何|全部|所有|一切|各类|各种|各项|相关|其他|其它)")


def enumerated_spans(s: Sentence, library: Library, rid: str, spans: list[tuple[int, int]],
                     negative: bool, modifiers: tuple[tuple[int, int], ...] | list[tuple[int, int]] = ()
                     ) -> list[tuple[int, int]]:
    """Unread items of a list that names the undertaking's own act or object ("收集、截取或者传出甲方的节目素材、
    播出单、用户收视数据", "any tool, host or network"): each is undertaken like the item it is listed with, so it can
    only widen the promise (frames.yaml ``enumerations``). An item counts when a separator joins it to an act or
    object of ``rid`` or to an item already counted, it is short and it holds no guard word. An English item joined
    by a bare comma must be joined on both sides ("A, B or C"), so "…user data, whereupon …" is not a list; an "or"
    joins only in a prohibition."""
    conf = library.frames.get("enumerations")
    if not conf:
        return []
    lang = s.unit.lang
    seps = _enumeration_regex(library, "separators", lang)
    ors = _enumeration_regex(library, "disjunctive", lang) if negative else None
    guards = [rx for kind in ("enumerations", "illustrations") if (rx := _enumeration_regex(library, "guards", lang, kind))]
    if seps is None:
        return []
    anchors = [(h.start, h.end) for cat, hits in s.by.items() if cat.startswith(f"{rid}:")
               and (":obj:" in cat or cat.split(":", 1)[1] in _ANCHOR_KEYS) for h in hits]
    if not anchors:
        return []
    # the parties name whose data or equipment it is, or who is bound: "甲方及电网用户的数据", "乙方及其运维单位"
    anchors += [(p.start, p.end) for p in s.parties if p.cat in ("party:supplier", "party:buyer")]
    # … or a list of them closed by a catch-all of users ("the vessel operators, masters, crew and other users")
    owners = _enumeration_regex(library, "owner_catch_alls", lang)
    anchors += [m.span() for m in owners.finditer(s.text)] if owners is not None else []
    anchors += list(modifiers)
    text = s.text
    todo = []
    for a, b in leftover_runs(text, spans, lang):
        item = text[a:b]
        size = len(item) if lang == "zh" else len(item.split())
        if size <= (conf["max_chars"] if lang == "zh" else conf["max_words"]) \
                and not any(rx.search(item) for rx in guards) and not _CLAUSE_END.search(item):
            todo.append((a, b))

    covered = _coverage(text, spans)

    def join(gap: str, at: int | None = None, after: int | None = None) -> str | None:  # "list" (a conjunction or 、), "comma" or None
        if len(gap) > 24 or _CLAUSE_END.search(gap):
            return None
        if seps.match(gap) or (ors is not None and ors.match(gap)):
            return "comma" if lang == "en" and not re.search(r"\b(?:and|or|as\s+well\s+as)\b|&", gap) else "list"
        if at is not None:  # the next item opens with words already read before its object ("、数据库服务器")
            m = _ITEM_OPENING[lang].search(gap)
            if m and m.start() > 0 and all(covered[at + m.start():at + m.end()]) \
                    and (j := join(gap[:m.start()])) is not None:
                return j
        if after is not None:  # the item before goes on after its object with words already read ("数据中心、")
            m = _ITEM_CLOSING[lang].match(gap)
            if m and m.end() < len(gap) and all(covered[after:after + m.end()]) \
                    and (j := join(gap[m.end():])) is not None:
                return j
        if at is not None and lang == "zh" and _through_read_items(gap, at, covered, seps, ors):
            return "list"  # the first item of "雷达、通信及数据处理设备": the items after it are words already read
        return None

    # a narrowing word before the first item may govern the whole list ("any designated gantry, turnstile or other
    # equipment"), so the guards of a plain list hold here too
    counted = _before_catch_all(s, library, rid, spans, guards)
    todo = [run for run in todo if run not in counted]
    grew = True
    while grew:
        grew = False
        known = anchors + counted
        for run in list(todo):
            a, b = run
            left = [j for x, y in known if y <= a and (j := join(text[y:a], after=y))]
            # the first item of "A, B or C": its comma leads to an item that a conjunction closes
            right = ["list" if j == "list" or _SERIES_GOES_ON.match(text, y) else "comma"
                     for x, y in known if b <= x and (j := join(text[b:x], b))]
            if "list" in left or "list" in right or (left and right):
                counted.append(run)
                todo.remove(run)
                grew = True
    return counted


def _through_read_items(gap: str, at: int, covered: bytearray, seps: re.Pattern[str],
                        ors: re.Pattern[str] | None) -> bool:
    """A Chinese gap from an unread item to the object made only of separators and items already read
    ("、通信及数据处理" before 设备): the unread item is listed with them before the same head. Each item is a noun
    chain (no function word), so a clause or a qualifier in between breaks the list."""
    i, n = 0, len(gap)
    while i < n:
        step = next((k for k in (2, 1) if i + k <= n and (seps.match(gap[i:i + k]) or (
            ors is not None and ors.match(gap[i:i + k])))), 0)
        if not step:
            return False
        i += step
        m = _READ_ITEM_ZH.match(gap, i)
        if m is None:
            return i == n
        if not all(covered[at + j] for j in range(m.start(), m.end())):
            return False
        i = m.end()
    return i > 0


#: one item of a Chinese list: a noun chain of up to six characters
_READ_ITEM_ZH = re.compile(f"{_NOUN_WORD_ZH}{{1,6}}")
#: the words of a list item before its object noun: no function word, no clause mark
_ITEM_OPENING = {"en": re.compile(r"(?<=\s)(?:[A-Za-z][\w-]*\s+){1,3}$"),
                 "zh": re.compile(f"{_NOUN_WORD_ZH}{{1,6}}$")}
#: the words of a list item after its object noun, before the separator
_ITEM_CLOSING = {"en": re.compile(r"(?:[-\s][A-Za-z][\w-]*){1,3}(?=\s*(?:,|\band\b|\bor\b))"),
                 "zh": re.compile(f"{_NOUN_WORD_ZH}{{1,6}}")}


def _before_catch_all(s: Sentence, library: Library, rid: str, spans: list[tuple[int, int]],
                      guards: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    """The unread words of a list closed by a catch-all object of ``rid`` ("…工艺参数、生产运行数据及其他任何数据",
    "patient records, imaging data or other data"): examples of the catch-all, read from the last act before the
    list (or the clause's start) to it, unless they hold a guard (a qualifier, or a narrowing word that may govern
    the whole list)."""
    lang = s.unit.lang
    closing = _enumeration_regex(library, "catch_alls", lang)
    if closing is None:
        return []
    objects = [h for cat, hits in s.by.items() if cat.startswith(f"{rid}:")
               and (":obj:" in cat or cat.endswith(":broad_objects")) for h in hits]
    # (an act word inside a named thing is no act: the 控制 of 岸桥控制器)
    things = objects + s.get(f"{rid}:partial_objects")
    acts = [h for cat, hits in s.by.items() if cat.startswith(f"{rid}:") and cat.split(":", 1)[1] in
            ("forbidden", "duty", "partial_duty", "refusable") for h in hits
            if not any(t.start <= h.start and h.end <= t.end and (t.start, t.end) != (h.start, h.end) for t in things)]
    text = s.text
    out: list[tuple[int, int]] = []
    for obj in objects:
        clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, obj.start)), default=0)
        if lang == "zh":  # 、 joins the list, ， ends the clause (an English comma may be the list's own)
            clause = max([clause, *(m.end() for m in re.finditer(r"[，,]", text[:obj.start]))])
        m = closing.search(text[clause:obj.start])
        if m is None:
            continue
        start = max([clause, *(a.end for a in acts if clause <= a.end <= clause + m.start())])
        for a, b in leftover_runs(text, spans, lang):
            if start <= a and b <= clause + m.start() and not any(rx.search(text[a:b]) for rx in guards):
                out.append((a, b))
    return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _enumeration_regex(library: Library, kind: str, lang: str, section: str = "enumerations") -> re.Pattern[str] | None:
    key = (library.key, lang, section, kind)
    if key not in _COMPILED:
        phrases = library.frames.get(section, {}).get(kind, {}).get(lang, ())
        _COMPILED[key] = [("", rx)] if (rx := phrase_regex(phrases, lang)) else []
    return _COMPILED[key][0][1] if _COMPILED[key] else None


def _polarity(stance: str) -> str:
    return "negative" if stance in _NEGATIVE else "positive"


def frame_of(a: Assessment, s: Sentence, library: Library, modal: Hit | None, act: Hit, stance: str,
             side: str | None, party: Hit | None, objects: list[Hit]) -> Frame:
    """The frame of one reading; an undertaking judged satisfied is weak unless nothing is left over."""
    from .analysis import _exception_scope

    polarity = _polarity(stance)
    kind = act.cat.split(":", 1)[1]
    objs = []  # typed by the requirement's element ("user-data", "user-equipment", "technical-support", …)
    for o in objects:
        cat = o.cat.split(":")
        typed = (cat[2] if len(cat) > 2 else cat[-1].replace("_objects", ""), o.text)
        if typed not in objs:
            objs.append(typed)
    exceptions = []
    flagged = {r.detail for r in a.reasons if r.code == "carve-out"}
    for exc in s.get("exceptions"):
        x, y = _exception_scope(s, exc)
        words = s.text[min(x, exc.start):max(y, exc.end)].strip()
        exceptions.append(("carve-out" if any(f and f in words for f in flagged) else "justifiable", words))
    exceptions += [("carve-out", h.text) for h in s.get("carve_outs")]
    riders = list(_riders_in(s, library))
    frame = Frame(requirement=a.requirement, reading=a.kind, actor=side or "none", actor_text=party.text if party else "",
                  modality=_MODALITY.get(modal.cat[6:], "statement") if modal else "statement",
                  modal_text=modal.text if modal else "", polarity=polarity, act=act.text, act_kind=kind,
                  objects=objs, conditions=[h.text for h in s.get("conditions")], exceptions=exceptions,
                  riders=riders, sentence=s.text)
    if a.kind == "undertaking" and getattr(a.unit.sentence, "window", False):
        frame.leftover = [WINDOW_LEFTOVER]  # read in windows: the rest was not read with it
        if a.quality == "satisfied":
            unrecognised(a, frame.leftover)
    elif a.kind == "undertaking":
        positive_duty = kind in ("duty", "partial_duty", "refusable") and stance == "do"
        # carve-out words the analysis judged harmless ("不得以停产、转产为由中断供货": reasons the promise forbids)
        flagged = [r.detail for r in a.reasons if r.code in ("carve-out", "weakened-by", "overridden-by")]
        judged = [(h.start, h.end) for h in s.get("carve_outs") if not any(h.text in d for d in flagged)]
        spans = safe_spans(s, library, "positive" if positive_duty else "negative", rid=a.requirement) + judged \
            + _harmless_rights(s, library, a.requirement)
        spans += illustrative_spans(s, library, spans, positive_duty)
        modifiers = modifier_spans(s, library, a.requirement, spans, polarity == "negative", objects)
        spans += modifiers
        listed = modifiers + enumerated_spans(s, library, a.requirement, spans, polarity == "negative", modifiers)
        spans += listed
        if listed:  # words the verdict now rests on: shown, and checked by the OCR gate like the matched ones
            a.highlights = _merged([*a.highlights, *listed])
        frame.leftover = leftover(s.text, spans, s.unit.lang)
        # (a device class listed beside the object is one too: "甲方的测试服务器和网络" protects test servers only)
        narrowing = [w for w in narrowing_modifiers(s, library, objects + s.get(f"{a.requirement}:partial_objects"))
                     if not any(w in x for x in frame.leftover)]
        broader = [t for (rid, _), terms in getattr(a.unit, "defined", {}).items() if rid == a.requirement
                   for t in terms if t not in s.text]
        narrowing += [w for w in _single_kind(s, a.requirement, objects, polarity == "negative", broader)
                      if not any(w in x for x in [*frame.leftover, *narrowing])]
        narrowing += [w for w in _lapsing_term(s, library) if not any(w in x for x in [*frame.leftover, *narrowing])]
        frame.leftover = [x for x in frame.leftover if not any(x in w for w in narrowing)] + narrowing
        # excluded text (no sentence of the document) never counts; whether it would undertake decides only
        # whether its presence is warned about, so it is not downgraded
        if frame.leftover and a.quality == "satisfied" and a.unit.sentence is not None:
            unrecognised(a, frame.leftover)
    return frame


def _lapsing_term(s: Sentence, library: Library) -> list[str]:
    """"在本协议有效期内，接收方不得…" where another sentence keeps named clauses in force after the term ("期满后，
    第四条继续有效") and not this one: the term that is harmless elsewhere is here the undertaking's end, while the
    duties the contract chose to keep run on (frames.yaml ``term_bounds``, ``survival_statements``)."""
    survivals = s.unit.survivals
    section = s.unit.sentence.block.section if s.unit.sentence is not None else None
    bound = _frames_regex(library, "term_bounds", s.unit.lang)
    if not survivals or bound is None or not section:
        return []
    named = _clause_reference(section, s.unit.lang)
    if named is None or s.text in survivals or any(_names(named, t, library, s.unit.lang) for t in survivals):
        return []
    # only the term alone: "For the term of this Agreement and for ten years after the last delivery", 在本合同
    # 有效期内及期满后两年内 run on past it
    return [m.group(0) for m in bound.finditer(s.text) if not _RUNS_ON[s.unit.lang].match(s.text, m.end())]


#: what carries a period on past the term named before it
_RUNS_ON = {"en": re.compile(r"\s*,?\s*(?:and|or|plus|together\s+with|as\s+well\s+as)\b", re.IGNORECASE),
            "zh": re.compile(r"\s*(?:及|和|与|以及|或|或者|并|、|至)")}


def illustrative_spans(s: Sentence, library: Library, spans: list[tuple[int, int]],
                       positive: bool) -> list[tuple[int, int]]:
    """The illustrative lists of the undertaking's own sentence ("including by furnishing documents and making its
    engineers available for interview", 包括提供…说明及接受现场查核) and, for a duty to act, the further duties
    coordinated under its modal (乙方应当…提供材料，并如实答复审查机构的询问): each names an example of what is
    undertaken, so it can only add to it. Accounted for to the end of its clause, unless it holds a word the library
    knows to qualify, a modal other than an obligation, or a word not yet accounted for that has the shape of a
    qualifier (frames.yaml ``illustrations.guards``)."""
    lang = s.unit.lang
    markers = _illustration_regex(library, "markers", lang)
    coordinated = _illustration_regex(library, "coordinated", lang) if positive else None
    guards = _illustration_regex(library, "guards", lang)
    periods = _illustration_regex(library, "periods", lang)
    if markers is None and coordinated is None and _illustration_regex(library, "slots", lang) is None:
        return []
    qualifying = s.any(*_QUALIFYING, "carve_outs", "exceptions", "breadth", "negations",
                       *(f"{r.id}:weakening" for r in library.requirements),
                       *(f"{r.id}:contradicting" for r in library.requirements))
    # a modal already accounted for ("as the reviewing authority may require") qualifies nothing
    qualifying += [m for m in s.modals if m.cat != "modal:obligation"
                   and not any(a <= m.start and m.end <= b for a, b in spans)]
    qualifying += [Hit("rider", m.start(), m.end(), m.group(0)) for _, rx in _lexicon(library, "riders", lang)
                   for m in rx.finditer(s.text)]
    out = []
    slots = _illustration_regex(library, "slots", lang)
    for rx in (markers, coordinated, slots):
        for m in rx.finditer(s.text) if rx is not None else ():
            end = _CLAUSE_END.search(s.text, m.end())
            b = m.end() if rx is slots else end.start() if end else len(s.text)
            if (rx is not slots and b <= m.end()) or any(m.start() <= h.start < b or m.start() < h.end <= b for h in qualifying):
                continue
            # the words of the list itself that nothing else accounts for
            words = leftover(s.text, [*spans, (0, m.start()), (b, len(s.text))], lang)
            if guards is not None and any(guards.search(w) for w in words):
                continue
            if periods is not None and periods.search(s.text, m.start(), b):
                continue
            out.append((m.start(), b))
    return out


def _illustration_regex(library: Library, kind: str, lang: str) -> re.Pattern[str] | None:
    key = (library.key, lang, "illustrations", kind)
    if key not in _COMPILED:
        phrases = library.frames.get("illustrations", {}).get(kind, {}).get(lang, ())
        _COMPILED[key] = [("", rx)] if (rx := phrase_regex(phrases, lang)) else []
    return _COMPILED[key][0][1] if _COMPILED[key] else None


def unrecognised(a: Assessment, words: list[str]) -> None:
    """Make a satisfied undertaking weak for the words nobody accounted for."""
    detail = " … ".join(words)
    detail = detail if len(detail) <= 160 else detail[:159] + "…"
    a.quality = "weak"
    a.reasons = [r for r in a.reasons if r.code != "binding-undertaking"]
    a.reasons.append(Reason("unrecognised-qualifier", detail))
    a.detail = a.detail or a.reasons[-1].detail


def _harmless_rights(s: Sentence, library: Library, rid: str | None = None) -> list[tuple[int, int]]:
    """Rights in a rider that take nothing from the supplier's undertaking on ``rid``: the buyer's own rights
    ("尽管有前款约定，甲方有权拒绝…"), and a right limited to a justifiable reason (a refusal the law requires, a pause
    of supply for non-payment): their modal, negation and override words are accounted for. A right to do ``rid``'s
    own act is justified only by ``rid``'s reasons: "the Supplier may remotely lock the Products if the Buyer fails
    to pay" beside a promise not to control the buyer's equipment takes that promise back."""
    from .analysis import _justified

    out: list[tuple[int, int]] = []
    # (a definition of the reasons for a pause may list the grounds for one, whatever requirement reads it)
    fine = s.any("justifications", "supply_grounds", *(f"{r.id}:justifications" for r in library.requirements))
    for name, rx, _ in _complements(library, s.unit.lang):
        if name == "reason_exclusions" and rx.search(s.text):
            return [(0, len(s.text))]  # "… are not justifiable reasons": it only strengthens
        if name != "reason_definitions":
            continue
        for m in rx.finditer(s.text):  # "a justifiable reason means only: (a) non-payment …; (b) force majeure"
            # its items in this sentence all justified, or none here: "仅限于下列情形：" opens a list whose items
            # follow as sentences of their own, each checked as an item of the definition
            if justified_items(s, m.end(), fine) or not s.text[m.end():].strip(" ：:。"):
                out.append((m.start(), len(s.text)))
    rights = [m for m in s.modals if m.cat in ("modal:permission", "modal:negated_obligation")]
    own_act = rid is not None and _acts_of(s, rid)
    justified = bool(_justified(s, rid, "refusal")) if own_act else \
        any(_justified(s, r.id, "refusal") for r in library.requirements)
    for m in rights:
        before = [p for p in s.parties if p.end <= m.start and p.cat != "party:pronoun"]
        if justified or (before and before[-1].cat == "party:buyer"):
            out.append((m.start, m.end))
    if len([m for m in rights if (m.start, m.end) in out]) == len(rights) and (rights or justified):
        out += [(h.start, h.end) for h in s.get("overrides")]
        if justified:
            out += [(h.start, h.end) for h in s.get("negations")]
            out += [(m.start, m.end) for m in s.modals if m.cat == "modal:prohibition"]
    return out


_NEW_CLAUSE = re.compile(r"\s*(?:第[一二三四五六七八九十百零\d]+条|(?:clause|article|section)\s+\d|\d{1,3}(?:\.\d{1,3})*[.、]?\s)",
                         re.IGNORECASE)
_HEADING = re.compile(r"[\d.()\s]*(?:[A-Z][\w'’-]*\s*){1,6}[.:]?")
#: a clause's number and title on a line of their own: no verb, no negation, nothing that could qualify
_TITLE_EN = (r"(?:(?:Article|Clause|Section|Part|Schedule|Annex|Appendix|Sub-Clause)\s+[\dA-Z]{1,3}(?:\.\d+)*\s*[-–—:.]?\s*)?"
             r"(?:(?!(?:No|Not|Nor|Except|Unless|Only|Subject|Save|Provided|Notwithstanding|However|But|Deemed)\b)"
             r"[A-Z][\w'’-]*(?:\s+(?:and|of|&|the|for|on|to)\b)?\s*){0,7}")
_TITLE_ZH = (r"第[一二三四五六七八九十百零\d]+条\s*(?:(?![不非无未应须得可但除仅限视])[\u4e00-\u9fff、与及和]){0,12}"
             r"|(?:(?![不非无未应须得可但除仅限视])[\u4e00-\u9fff、与及和]){2,12}")
#: a clause's number and title on a line of their own, in one language or both ("第十二条 网络安全审查 / Article 12
#: Cybersecurity Review"): no verb, no negation, nothing that could qualify
#: a heading line set in capitals, with its numbers and punctuation ("MASTER SUPPLY AGREEMENT - CLAUSE 25 (REGULATORY
#: AND DATA SAFEGUARDS)"): no lower-case word, and none of the capitals a qualifier or a modal
_CAPS_TITLE = (r"(?!.*\b(?:NO|NOT|NOR|EXCEPT|UNLESS|ONLY|SUBJECT|SAVE|PROVIDED|NOTWITHSTANDING|HOWEVER|BUT|DEEMED|"
               r"SHALL|WILL|MAY|MUST|LIMITED|SOLELY|EXCLUDING)\b)[A-Z][A-Z0-9\s\-–—:.,()&/'’]{3,150}")
_TITLE = {lang: re.compile(rf"\W*(?:(?:{_TITLE_ZH})[\s/|]*(?:{_TITLE_EN})?|(?:{_TITLE_EN})[\s/|]*(?:{_TITLE_ZH})?"
                           rf"|{_CAPS_TITLE})\W*")
          for lang in ("en", "zh")}


def _later_parts(s: Any, sentences: list[Any], top: str, library: Library, lang: str, roles: Any = None,
                 term_definitions: tuple[Any, ...] | list[Any] = ()) -> list[Any]:
    """The sentences read with the undertaking of ``s``: the rest of its paragraph; later paragraphs of the same
    numbered clause that point back at it, qualify it (a rider word), define its terms or give the supplier a
    right ("20.2 乙方得据以调整供应及支援": a right beside the duty may take it back, whether or not it says
    so); and any sentence of the document that names its clause by number ("Clause 11 does not apply to …")."""
    out = []
    listing = None  # the block of a taken sentence that ends in "；"/":": its list goes on in the next sentences
    duties = _named_duties(s.text, library, lang)  # once, not again for every later sentence
    for t in sentences[s.index + 1:s.index + 12]:
        if t.language != lang or _HEADING.fullmatch(t.text) or _TITLE[lang].fullmatch(t.text):
            continue  # "Scope." opening the next sub-clause, "第十二条 网络安全审查 / Article 12 Cybersecurity Review"
        if _bare_acceptance(t.text, library, lang):
            continue  # "偏离情况：无偏离。", "应答：满足。": a bid's bare acceptance adds nothing to the undertaking
        if listing is not None and t.block is listing:
            out.append(t)  # "正当理由包括：不可抗力；甲方逾期付款；乙方经营策略调整；": every item of the list
            listing = listing if _LIST_GOES_ON.search(t.text) else None
            continue
        listing = None
        if (execution := _frames_regex(library, "execution_lines", lang)) is not None and execution.match(t.text):
            break  # "IN WITNESS WHEREOF …", "（以下无正文）": the contract's body has ended
        if t.block is s.block and _NEW_CLAUSE.match(t.text):
            break  # "第三条 …" run into the same paragraph (a PDF line join): the next clause, not a rider
        if s.lead_in is not None and t.lead_in is s.lead_in and points_back(t.text, library, lang) is None \
                and (t.block is not s.block or _ITEM_START.match(t.text)):
            # a sibling item of the same lead-in is an undertaking of its own, read on its own (not the rest of the
            # undertaking's own item: "(b) … shall delete …; user profiles derived under paragraph (a) may be retained")
            continue
        # an unnumbered document (a commitment letter) is one clause: its later paragraphs that point back count
        same = (_same_top(t, top) if top else not t.block.section) or _item_of_same_clause(s, t, library, lang) \
            or _speaks_of_all(t.text, library, lang)
        if not same and top and _opens_on_previous_clause(t, s, sentences, top, library, lang):
            out.append(t)  # "第十二條 前條規定不適用於…": the next clause takes this one back by pointing at it
            continue
        if not same and not top and t.block.index == s.block.index + 1 \
                and (previous := _frames_regex(library, "previous_paragraph_references", lang)) is not None \
                and previous.search(t.text):
            # the next paragraph pointing back at this one, whatever its number ("（二）不受前款限制，廠商…得停止一切
            # 供應" after "（一）廠商不得…中斷", with no clause above either)
            out.append(t)
            continue
        if t.block is s.block or (same and (points_back(t.text, library, lang) is not None
                                            or _holds_carve_out(t.text, library, lang)
                                            or _defines(t.text, library, lang)
                                            or _shares_term(t.text, s.text, library, lang)
                                            or bool(duties & _named_duties(t.text, library, lang))
                                            or _hedges_named_object(t.text, duties, library, lang)
                                            or _supplier_right(t.text, roles, library, lang))):
            out.append(t)
            if t.block is not s.block and _LIST_GOES_ON.search(t.text) and (
                    _defines(t.text, library, lang) or any(rx.search(t.text) for _, rx in _lexicon(library, "riders", lang))
                    or any(name == "reason_definitions" and rx.search(t.text) for name, rx, _ in _complements(library, lang))):
                listing = t.block  # a definition or rider whose list the segmenter cut into sentences
    # "该等回传…视为已获得甲方授权" in another article: read with the undertaking
    out += [t for t in _deemings(sentences, library, lang) if t is not s and t not in out]
    out += [t for t in term_definitions if t not in out]
    taken = {id(t) for t in out}
    # the clause's number, and the sub-clause number the undertaking opens with when the paragraph runs its
    # sub-clauses together ("12. CONFIDENTIALITY. 12.1 The Supplier shall not disclose … 12.2 Clause 12.1 does not
    # apply to …"): a sentence naming either is read with it, in the same paragraph too (the run-in "12.2" ends the
    # rest-of-paragraph reading above as a new clause, yet it takes the undertaking back by number)
    own = _OWN_LABEL.search(s.text, 0, 60)
    # the sentences naming a range of clauses ("paragraphs 2 to 6"), found once per document
    ranged = {id(t) for t in _once_per_document("clause ranges", sentences, lang, lambda: [
        t for t in sentences if t.language == lang and _CLAUSE_RANGE[lang].search(t.text)])}
    for section in dict.fromkeys([s.block.section, own.group(1) if own else None]):
        named = _clause_reference(section, lang)
        if named is None:
            continue
        # every English reference by number names its first number (a Chinese one may write it 第七条)
        digits = re.findall(r"\d+", _IN_ANNEX.sub("", section or ""))[:1] if lang == "en" else []
        found = [t for t in sentences if t.language == lang and t is not s
                 and (not digits or digits[0] in t.text or id(t) in ranged) and id(t) not in taken
                 and _names(named, t.text, library, lang)
                 and not _TITLE[lang].fullmatch(t.text)  # "Article 12 Cybersecurity Review": its own heading
                 and not _other_items_only(s.text, named, t.text)]
        out += found
        taken |= {id(t) for t in found}
    return out


def _bare_acceptance(text: str, library: Library, lang: str) -> bool:
    """A bid's line that only accepts what was put to the supplier (common.yaml ``bid_acceptances``)."""
    from . import _lexicon_regex  # (the package imports this module first)

    rx = _lexicon_regex(library, "bid_acceptances", lang) if library.common.get("bid_acceptances") else None
    return rx is not None and rx.search(text) is not None


def _speaks_of_all(text: str, library: Library, lang: str) -> bool:
    """"上述承诺仅约束我公司自身行为": a paragraph about the undertakings as a whole (frames.yaml
    ``undertaking_references``)."""
    rx = _frames_regex(library, "undertaking_references", lang)
    return rx is not None and rx.search(text) is not None


def _overrides_another_clause(text: str, named: re.Pattern[str] | None, library: Library, lang: str) -> bool:
    """The later paragraph opens by overriding one other clause by number ("Notwithstanding Clause 26.4, …", "尽管有
    第17.2条的约定，…"; frames.yaml ``clause_overrides``), neither the undertaking's clause nor its parent, and does
    not speak of the undertakings as a whole nor point back after its opening: it takes back that clause only."""
    rx = _frames_regex(library, "clause_overrides", lang)
    if rx is None or named is None:
        return False
    body = text.lstrip(" /／")
    body = body[_LABEL_ONLY.match(body).end():]
    m = rx.match(body)
    return m is not None and named.search(m.group("ref")) is None and not _speaks_of_all(text, library, lang) \
        and points_back(body[m.end():], library, lang) is None


def _holds_carve_out(text: str, library: Library, lang: str) -> bool:
    """A later paragraph of the clause that leaves something to the supplier or to a foreign power ("是否提供及提供的
    范围由乙方自行判断决定", "subject to the laws of any jurisdiction"): it qualifies the clause's undertakings
    whether or not it points back at them (frames.yaml ``paragraph_carve_outs``)."""
    rx = _frames_regex(library, "paragraph_carve_outs", lang)
    return rx is not None and rx.search(text) is not None


def _item_of_same_clause(s: Any, t: Any, library: Library, lang: str) -> bool:
    """"保密条款 / 1. 乙方不得… / 2. 本条项下保密义务的期限为一年": items numbered 1., 2. under a heading with no
    number of its own are one clause, and a later item referring to the whole clause (frames.yaml
    ``clause_self_references``) speaks of the earlier ones."""
    a, b = s.block.section or "", t.block.section or ""
    if not (a.isdigit() and b.isdigit() and 0 < int(b) - int(a) <= 3):
        return False
    rx = _frames_regex(library, "clause_self_references", lang)
    return rx is not None and rx.search(t.text) is not None


#: the sub-clause number an undertaking's sentence opens with, after its clause's heading if the paragraph holds
#: it ("12.1 The Supplier …", "第十二条 保密 12.1 乙方…")
_OWN_LABEL = re.compile(r"(?:^|(?<=\s))(\d{1,3}(?:\.\d{1,3})+)(?=\s|[\u4e00-\u9fff])")


_ITEM_LABEL = re.compile(r"\s*[（(]\s*([a-z]{1,2}|[ivx]{1,5}|\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)]")


def _other_items_only(text: str, named: re.Pattern[str], other: str) -> bool:
    """``other`` names the undertaking's clause only by other items of it ("Notwithstanding Clause 7.1(d)" read
    against item (b) of 7.1): it speaks of a sibling item, not of this one. An undertaking without an item label
    of its own is read with every reference."""
    own = _ITEM_LABEL.match(text)
    if own is None:
        return False
    labels = [(_ITEM_LABEL.match(other, m.end()) or None) for m in named.finditer(other) if other[:m.start()].strip()]
    return bool(labels) and all(lab is not None and lab.group(1) != own.group(1) for lab in labels)


#: a sentence that ends where a list goes on (the segmenter splits "A；B；C。" into three sentences)
_LIST_GOES_ON = re.compile(r"[；;：:]\s*$")


#: per kind and language, the sentences of the last document read that one scan found (definitions, deemings):
#: scanned once per document, not once per undertaking (a 1,000-page contract has tens of thousands of sentences)
_PER_DOCUMENT: dict[tuple[str, str], tuple[list[Any], list[Any]]] = {}


def _once_per_document(kind: str, sentences: list[Any], lang: str, find: Any) -> list[Any]:
    cached = _PER_DOCUMENT.get((kind, lang))
    if cached is None or cached[0] is not sentences:
        cached = _PER_DOCUMENT[(kind, lang)] = (sentences, find())
    return cached[1]


def _term_definitions_used(s: Any, sentences: list[Any], library: Library, lang: str) -> list[Any]:
    """Definitions anywhere in the document of a qualifying term the undertaking uses ('1.8 "Justifiable Reason"
    means (1) force majeure; … (3) a decision by the Supplier to discontinue the product line', “正当理由”指…):
    what the term admits is part of the undertaking, wherever the contract defines it. The definition's items
    that follow it as sentences of their own are read with it."""
    shared = _frames_regex(library, "shared_terms", lang)
    if shared is None:
        return []
    used = {m.group(0).lower() for m in shared.finditer(s.text)}
    if not used:
        return []
    out: list[Any] = []
    for t, m in _definition_sentences(sentences, lang):
        if t is s or not any(u in m.group(1).lower() for u in used):
            continue
        out.append(t)
        j = t.index + 1
        while j < len(sentences) and sentences[j].language == lang and _ITEM_START.match(sentences[j].text):
            out.append(sentences[j])
            j += 1
    return out


def _deems_another_subject(text: str, read: Sentence, rid: str, library: Library, lang: str) -> bool:
    """A deeming of authorisation (frames.yaml ``authorising_deemings``) whose acts and objects are all another
    requirement's ("乙方为履行本合同而收集的数据，视为已获得甲方授权"): it takes back the undertakings on that subject,
    not one on ``rid``'s, even within the same clause. One that names ``rid``'s subject, or none at all ("乙方采取的
    任何措施视为已获授权"), is still read with it. (The caller asks only of a deeming that stands before the
    undertaking, in the sentence of another, and names not its clause: one after it may speak of things the library
    has no word for, "any remote session initiated by the Supplier … shall be deemed authorised"; after it only for a
    duty to act, which no authorisation takes back.)"""
    rx = _frames_regex(library, "authorising_deemings", lang)
    return rx is not None and rx.search(text) is not None and _other_subject_only(read, rid) \
        and not _speaks_of_all(text, library, lang)


def _forbids(library: Library, rid: str) -> bool:
    """Whether ``rid`` forbids acts (a promise not to do something, which a deeming of authorisation can take back);
    a duty to act (cooperating with the review) has nothing to authorise, so a later deeming about another
    requirement's subject is never its rider."""
    words = library.requirement(rid).lexicon.get("forbidden") or {}
    return any(words.get(lang) for lang in ("en", "zh"))


def _deemings(sentences: list[Any], library: Library, lang: str) -> list[Any]:
    rx = _frames_regex(library, "authorising_deemings", lang)
    return _once_per_document("deemings", sentences, lang, lambda: [
        t for t in sentences if t.language == lang and rx is not None and rx.search(t.text)])


#: the hit categories that say a sentence is about a requirement's subject (its acts and element objects)
_SUBJECT_CAT = re.compile(r"[^:]+:(?:obj:|forbidden|partial$|duty|refusal|contradicting)")


def _frames_regex(library: Library, section: str, lang: str) -> re.Pattern[str] | None:
    """One regex for a plain lexicon section of frames.yaml (built once per library by the analysis module)."""
    return frames_words(library, section, lang)


def _supplier_right(text: str, roles: Any, library: Library, lang: str) -> bool:
    """The supplier is named and a permission, release or disclaimer follows it: the paragraph gives the supplier
    a right or frees it of a duty, which may take the undertaking back whether or not it says so."""
    if roles is None:
        return False
    from .analysis import party_regex

    party = party_regex(roles.supplier, lang)
    key = (library.key, lang, "permission")
    if key not in _COMPILED:  # a right, a release ("shall not be required to", 不负…义务) or a disclaimer
        modals = library.common["modals"]
        words = [*modals["permission"][lang], *modals["negated_obligation"][lang],
                 *library.frames.get("riders", {}).get("disclaimer", {}).get(lang, ())]
        _COMPILED[key] = [("", rx)] if (rx := phrase_regex(words, lang)) else []
    if party is None or not _COMPILED[key]:
        return False
    first = party.search(text)
    if first is not None and any(rx.search(text, first.end()) for _, rx in _COMPILED[key]):  # type: ignore[attr-defined]
        return True
    # the passive ("Backup copies … may be kept by the Provider", "…可由乙方保留"): the party after the right, as its agent
    for _, rx in _COMPILED[key]:
        if (m := rx.search(text)) is not None:  # type: ignore[attr-defined]
            for p in party.finditer(text, m.end()):  # type: ignore[attr-defined]
                if _PASSIVE_AGENT[lang].search(text, max(0, p.start() - 12), p.start()):
                    return True
    return _buyer_grants_supplier(text, roles, party, library, lang)


#: the word that makes the party after it the agent of a passive verb ("kept by the Provider", 由乙方保留)
_PASSIVE_AGENT = {"en": re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE), "zh": re.compile(r"由$")}


def _buyer_grants_supplier(text: str, roles: Any, supplier: re.Pattern[str] | PartyPattern, library: Library,
                           lang: str) -> bool:
    """"甲方同意乙方通过远程运维通道持续收集…": the buyer's name, a grant (frames.yaml ``buyer_grants``) and the
    supplier's name, each right after the other."""
    buyer = party_regex(roles.buyer, lang)
    grant = _frames_regex(library, "buyer_grants", lang)
    if buyer is None or grant is None:
        return False
    for b in buyer.finditer(text):
        g = grant.search(text, b.end(), b.end() + 24)
        if g is None or text[b.end():g.start()].strip(" ,，"):
            continue
        s = supplier.search(text, g.end(), g.end() + 16)
        if s is not None and not re.sub(r"(?i)\b(?:that|the)\b", "", text[g.end():s.start()]).strip(" ,，"):
            return True
    return False


#: A quoted defined term opening a definition: “用户数据”仅指… / "User Data" means only …
_DEFINED_TERM = re.compile(r"[“\"「『]([^”\"」』]{1,24})[”\"」』]\s*(?:[,，:：]?\s*)(?:仅|只|仅限于|only )?(?:是指|系指|指|means|shall mean|refers to|includes)")
#: a term defined in a definitions table, unquoted or in brackets, before a colon ("1.9 正当理由：指…", "【正当理由】：
#: 指…", "Justifiable Reason: means …")
_LISTED_TERM = re.compile(r"\W{0,3}(?:[\d.]+\s*)?[【\[]?([\u4e00-\u9fff]{2,10}|[A-Z][A-Za-z]+(?: [A-Za-z]+){0,4})[】\]]?\s*[：:]\s*"
                          r"(?:是指|系指|指|means|shall mean|refers to|includes)")
#: a term named after 所称, quoted or not ("本合同所称保密信息，是指…")
_NAMED_TERM = re.compile(r"所称[“\"「『]?([^“”\"「」『』，,。；\s]{1,24}?)[”\"」』]?\s*[,，]?\s*(?:仅|只|仅限于)?(?:是指|系指|指)")


def _object_is(frame: Frame | None, term: str) -> bool:
    """The defined term is (part of) an object of the undertaking's frame."""
    return frame is not None and any(term.lower() in words.lower() for _, words in frame.objects)


def _definition_sentences(sentences: list[Any], lang: str) -> list[tuple[Any, re.Match[str]]]:
    return _once_per_document("definitions", sentences, lang, lambda: [
        (t, m) for t in sentences if t.language == lang
        and (m := _DEFINED_TERM.search(t.text) or _NAMED_TERM.search(t.text) or _LISTED_TERM.match(t.text))
        and m.group(1).strip()])


def defined_term_sentences(sentences: list[Any], lang: str) -> list[tuple[Any, str]]:
    """Every definition in the document with its term ('"Force Majeure" means …', “不可抗力”是指…)."""
    return [(t, term) for t in sentences if t.language == lang and (m := _DEFINED[lang].match(t.text))
            and (term := next((g for g in m.groups() if g), "").strip())]


def _narrowing_definitions(s: Any, sentences: list[Any], library: Library, lang: str) -> list[tuple[Any, str]]:
    """Definitions elsewhere in the document that narrow a term the undertaking uses ("“用户数据”仅指甲方员工的
    通讯录信息"): read with it, so what they leave out is seen (the undertaking then covers only that). Each comes
    with its term when only its "means" closes it (read with the undertakings of that object), else with ""."""
    key = (library.key, lang, "restrictive")
    if key not in _COMPILED:
        _COMPILED[key] = [("", rx)] if (rx := phrase_regex(library.common["restrictive"][lang], lang)) else []
    out: list[tuple[Any, str]] = []
    for t, m in _definition_sentences(sentences, lang):
        if t is s or m.group(1).strip() not in s.text:
            continue
        # a term that is itself the requirement's object ("“用户设备”指客户办公室内之桌面电脑"): "means"/指 closes
        # the class, so whatever the definition leaves out is out, as with an express "only"; "includes" leaves
        # it open, and a term defined to bring an element in ('"Services" means … support') only widens
        if any(rx.search(t.text, m.end(1)) for _, rx in _COMPILED[key]):  # type: ignore[attr-defined]
            out.append((t, ""))
        elif not m.group(0).endswith("includes") and _closes_element(m.group(1), t.text[m.end():], library, lang):
            out.append((t, m.group(1).strip()))
        elif _defined_at_will(t.text[m.end():], library, lang):
            # "保密信息，是指经乙方书面确认属于保密范围的甲方资料", "…经乙方评估认定为具有保密价值的甲方资料": the supplier
            # decides what the term covers (read with every undertaking using the term, as a rider is)
            out.append((t, ""))
    return out


def _defined_at_will(body: str, library: Library, lang: str) -> bool:
    """The definition leaves what it covers to the supplier or to a foreign power (a carve-out in its body), or lets
    in a decision of the supplier's own (frames.yaml ``own_decisions``: force majeure "including … a decision of
    the Supplier's group to discontinue the product")."""
    key = (library.key, lang, "carve_outs")
    if key not in _COMPILED:
        _COMPILED[key] = [("", rx)] if (rx := phrase_regex(library.common["carve_outs"][lang], lang)) else []
    own = _frames_regex(library, "own_decisions", lang)
    return any(rx.search(body) for _, rx in _COMPILED[key]) or (  # type: ignore[attr-defined]
        own is not None and own.search(body) is not None)


def _closes_element(term: str, body: str, library: Library, lang: str) -> bool:
    """The term names an element's object (user data, user equipment, technical support) and its definition names
    no object the library knows ("桌面电脑"): the term may cover far less than the element, so the undertaking is
    read with the definition. One that names such objects ("switches, routers", "系统巡检") keeps the term."""
    objects = _object_regexes(library, lang)
    classes = [rx for req in library.requirements
               if (rx := phrase_regex(req.lexicon["partial_objects"][lang], lang)) is not None]
    if not any(rx.search(term) for rx in objects) or any(rx.search(body) for rx in objects):
        return False
    # a body listing device classes or data categories restates what is supplied only if the list is open
    opened = _frames_regex(library, "open_lists", lang)
    return not (opened is not None and opened.search(body) and any(rx.search(body) for rx in classes))


def _object_regexes(library: Library, lang: str) -> list[re.Pattern[str]]:
    return [rx for req in library.requirements for el in req.elements
            if (rx := _object_regex(library, req.id, el, lang)) is not None]


def _object_regex(library: Library, rid: str, el: Any, lang: str) -> re.Pattern[str] | None:
    """One element's objects as one pattern (cached)."""
    key = (library.key, rid, el.id, lang, "objects")
    if key not in _COMPILED:
        _COMPILED[key] = phrase_regex(el.objects[lang], lang)  # type: ignore[assignment]
    return _COMPILED[key]  # type: ignore[return-value]


def _names(rx: re.Pattern[str], text: str, library: Library | None = None, lang: str = "en") -> bool:
    """``text`` refers to the clause: a number opening the text is the text's own label, not a reference, and an
    article of a named statute ("《网络安全审查办法》第六条", "Article 6 of the Cybersecurity Review Measures") is
    another instrument's article (frames.yaml ``statute_articles``), not this contract's clause of that number."""
    statutes = _frames_regex(library, "statute_articles", lang) if library is not None else None
    spans = [(m.start(), m.end()) for m in statutes.finditer(text)] if statutes is not None else []
    top = _REFERENCE_TOP.get(rx)
    # (or named in a range of clauses: "paragraphs 2 to 6", 第二条至第六条)
    ranged = [m for m in _CLAUSE_RANGE[lang].finditer(text)
              if top is not None and (a := _range_end(m.group("a"))) is not None
              and (b := _range_end(m.group("b"))) is not None and a <= top <= b] if top is not None else []
    return any((text[:m.start()].strip() or _PREDICATE_AFTER[lang].match(text, m.end()))
               and not any(a <= m.start() and m.end() <= b for a, b in spans)
               for m in [*rx.finditer(text), *ranged])


#: a range of clauses by number ("paragraphs 2 to 6", "Clauses 8-12", 第二条至第六条, 第2至6条)
_CLAUSE_RANGE = {
    "en": re.compile(r"\b(?:clauses|articles|sections|paragraphs)\s+(?P<a>\d{1,3})\s*(?:to|-|–|through)\s*(?P<b>\d{1,3})\b",
                     re.IGNORECASE),
    "zh": re.compile(rf"第\s*(?P<a>[\d{zh.NUMERAL_CHARS}]{{1,4}})\s*(?:条|條)?\s*(?:至|到|-|—|～|~)\s*第?\s*"
                     rf"(?P<b>[\d{zh.NUMERAL_CHARS}]{{1,4}})\s*[条條]"),
}
#: the top clause number each reference pattern of :func:`_clause_reference` stands for
_REFERENCE_TOP: dict[re.Pattern[str], int] = {}


def _range_end(label: str) -> int | None:
    return int(label) if label.isdigit() else zh.parse_numeral(label)


#: what follows a reference opening a sentence that makes it the subject, not the sentence's own label ("Clause 12
#: does not apply to …", "第12.1条不适用于…", 第七条约定的义务…): a label is followed by its title or its own text
_PREDICATE_AFTER = {
    "en": re.compile(r"\s*(?:above|hereof|of this (?:Agreement|Contract)|\(|shall|will|does|do|is|are|applies|apply|"
                     r"only|must|may|need|cannot|can)\b", re.IGNORECASE),
    # (and its time: "第十二条自合同生效之日起至项目终验之日止有效")
    "zh": re.compile(r"(?:不|约定|规定|所|的|项下|中的|之|所述|义务|仅|只|亦|也|均|自(?=[^，。；]{0,16}?(?:之日|起)))"),
}


def _opens_on_previous_clause(t: Any, s: Any, sentences: list[Any], top: str, library: Library, lang: str) -> bool:
    """``t`` opens the clause right after the undertaking's by naming the clause before it ("前條規定不適用於…",
    "The preceding Clause shall not apply to …"; frames.yaml ``previous_clause_references``): it speaks of the
    undertaking's clause as a whole."""
    rx = _frames_regex(library, "previous_clause_references", lang)
    if rx is None or not rx.search(t.text, 0, 40):
        return False
    from . import _top_section

    mine = _top_section(t.block.section)
    between = {_top_section(u.block.section) for u in sentences[s.index + 1:t.index]}
    return bool(mine) and mine != top and between <= {top, mine}


def _same_top(t: Any, top: str) -> bool:
    from . import _top_section

    return _top_section(t.block.section) == top


def _shares_term(text: str, undertaking: str, library: Library, lang: str) -> bool:
    """``text`` names a qualifying term of the undertaking that the undertaking itself uses ("正当理由"): it speaks
    of the undertaking (``shared_terms`` in frames.yaml)."""
    rx = _frames_regex(library, "shared_terms", lang)
    if rx is None:
        return False
    used = {_term_key(m.group(0)) for m in rx.finditer(undertaking)}
    return bool(used) and any(_term_key(m.group(0)) in used for m in rx.finditer(text))


def _term_key(term: str) -> str:
    """A shared term as compared: the undertaking's "justifiable reason" is the later sentence's "Justifiable reasons"."""
    return re.sub(r"(?<=[a-z])s$", "", term.lower())


def _named_duties(text: str, library: Library, lang: str) -> set[str]:
    """The requirements ``text`` names both an act and an object of. A later sentence naming one the undertaking
    names too ("21.2 乙方配合审查所发生的费用…以乙方届时报价为准，甲方应在乙方开始配合工作前预付" after "21.1 …乙方应
    配合") speaks of the same duty, so whatever it adds is read with it (more duties, its own undertakings, are still
    told apart)."""
    from .analysis import get_analyzer

    cats = {h.cat for h in get_analyzer(library, lang).hits(text)}
    acts = {m.group("rid") for c in cats if (m := _ACT_CAT.match(c))}
    return {rid for rid in acts if any(c.startswith(f"{rid}:obj:") or c == f"{rid}:broad_objects" for c in cats)}


def _hedges_named_object(text: str, duties: set[str], library: Library, lang: str) -> bool:
    """A later sentence of the clause that names an object of a duty the undertaking names and hedges or carves it out
    ("6.2 Technical support is available on a best-efforts basis" after "6.1 The Vendor shall continue to supply …"):
    it says how much of that duty is given, so it is read with the undertaking."""
    if not duties or lang != "en":
        return False  # (Chinese clauses run their sub-clauses together less often; measured, it only cost recall)
    from .analysis import ACT_CATEGORY, get_analyzer

    hits = get_analyzer(library, lang).hits(text)
    objs = [h for h in hits if ":obj:" in h.cat and h.cat.split(":", 1)[0] in duties]
    # (a sentence with an act of its own is an undertaking of its own, read as such: "will endeavour to supply spare
    # parts"; a word that is both an act and the object, the "support" of "Technical support", is no act)
    acts = [h for h in hits if ACT_CATEGORY.match(h.cat)
            and not any(o.start <= h.start and h.end <= o.end for o in objs)]
    # (the object is what the sentence is about, named before the hedge: "Technical support is available on a
    # best-efforts basis", not "will endeavour to keep spare parts for the Equipment available")
    hedges = [h.start for h in hits if h.cat == "modal:non_binding"]
    return bool(hedges) and not acts and any(o.end <= min(hedges) for o in objs)


def _defines(text: str, library: Library, lang: str) -> bool:
    key = (library.key, lang, "definitions")
    if key not in _COMPILED:
        _COMPILED[key] = [("", rx)] if (rx := phrase_regex(library.common["definitions"][lang], lang)) else []
    return any(rx.search(text) for _, rx in _COMPILED[key])  # type: ignore[attr-defined]


_REFERENCE_RX: dict[tuple[str, str], re.Pattern[str] | None] = {}


#: the schedule or annex heading before an item's own number in a section label (sections.py)
_IN_ANNEX = re.compile(r"^(?:schedule|annex|appendix|exhibit|attachment|附件|附表|附录|附錄)\s*\S+\s+(?:item\s+)?", re.I)


def _clause_reference(section: str | None, lang: str) -> re.Pattern[str] | None:
    """A reference to the clause ``section`` by number ("Clause 8.1", "Clause 8", 第八条)."""
    if not section:
        return None
    key = (section, lang)
    if key not in _REFERENCE_RX:
        # an item of a schedule or annex ("Schedule 3 item 2", "附件二 第三条") is referred to by its own number
        section = _IN_ANNEX.sub("", section)
        number = re.match(r"\d+(?:\.\d+)*", re.sub(r"^(?:article|clause|section|art\.)\s*", "", section, flags=re.I))
        article = re.match(r"第([^条]{1,8})条", section)
        item = re.fullmatch(rf"\s*([{zh.NUMERAL_CHARS}]{{1,3}})\s*[、.．]?\s*", section) if lang == "zh" else None
        rx = None
        if item and not number and not article and (top := zh.parse_numeral(item.group(1))) is not None:
            # an item of a list numbered 一、二、 ("本附件第一项、第二项所列义务"): referred to as 第一项 / 第1项
            alts = "|".join(dict.fromkeys([re.escape(item.group(1)), str(top)]))
            rx = re.compile(rf"(?<![\d{zh.NUMERAL_CHARS}])第\s*[（(]?(?:{alts})[）)]?\s*[项項点點]")
        if number and lang == "en":
            # "Clause 11.1" or its parent "Clause 11" ("The obligations in Clause 11 apply for 24 months")
            parts = number.group(0).split(".")
            labels = "|".join(re.escape(".".join(parts[:i])) for i in range(len(parts), 0, -1))
            # (or named in a list of them: "Articles 12 and 13 apply during the Warranty Period only")
            rx = re.compile(rf"\b(?:clauses?|articles?|sections?|paragraphs?|items?)\s+(?:\d+(?:\.\d+)*\s*(?:,|and|or|&)\s*)*"
                            rf"(?:{labels})(?![\d.]*\d)", re.I)
        elif rx is None and (number or article):
            # "第7.1条所述审查", its parent "第7条" / "第七条", and for 第七条 also "第7条": a Chinese reference by
            # number in either digits or numerals
            parts = number.group(0).split(".") if number else [article.group(1)]
            top = int(parts[0]) if parts[0].isdigit() else zh.parse_numeral(parts[0])
            labels = [re.escape(".".join(parts[:i])) for i in range(len(parts), 0, -1)]
            labels += [str(top), zh.numeral(top)] if top is not None and top < 100 else []
            alts = "|".join(dict.fromkeys(labels))
            rx = re.compile(rf"(?<![\d.．{zh.NUMERAL_CHARS}])(?:第\s*)?(?:{alts})\s*[条條款]")
        _REFERENCE_RX[key] = rx
        if rx is not None and (number or article):
            head = (number.group(0).split(".")[0] if number else article.group(1))
            if (top := _range_end(head)) is not None:
                _REFERENCE_TOP[rx] = top
    return _REFERENCE_RX[key]


#: nothing but a clause or item number (and an article) before the subject ("9.2 ", "（三）", "12.2 The ")
_LABEL_ONLY = re.compile(r"[\s\d.()（）、]*(?:the\s+)?", re.I)


#: a reference by number, which may be the text's own label when it opens it ("第五条", "Clause 5", "5.2")
_NUMBERED_REFERENCE = re.compile(r"(?:第|clause|article|section|paragraph|schedule|annex|§|\d)", re.I)


def _provision_of_its_own(t: Any, read: Sentence, rid: str, found: list[Assessment] | None,
                          library: Library) -> bool:
    """A later sentence that is a provision of its own on another requirement's subject: the matcher read it as
    an undertaking or a contradiction of another requirement and as nothing of ``rid``, the supplier is its subject
    before a modal of its own, and it neither points back nor carries a deeming or a release ("乙方有权根据自身经营需要
    暂停供货" beside a review undertaking is judged under the supply requirement). An exception ("但依任何国家法律提供
    者，不在此限") or a deeming ("…视为已获授权") is no such provision: it has no subject and modal of its own, or a
    rider word that reaches back."""
    from .analysis import _possessive

    own = [a for a in found or () if a.unit.sentence is t]
    # (a duty naming rid's subject with no act of rid, "不得将…个人信息处理事务转委托" beside a deletion duty, is
    # still another requirement's provision; a right naming it, "Party B may suspend the products at its discretion",
    # is read with rid)
    right = any(a.kind == "contradiction" for a in own)
    if not any(a.kind in ("undertaking", "contradiction") for a in own) or any(
            a.requirement == rid and ((right and not _supplied_thing(read, a, own) and not _own_things_only(read, rid))
                                      or a.detail != "mentions the subject only") for a in own):
        return False
    if not read.modals:
        return False
    lang = read.unit.lang
    first = read.modals[0].start
    supplier = [p for p in read.parties if p.cat == "party:supplier" and p.start < first
                and not _possessive(read.text, p, lang, read.library)]
    if not supplier:
        return False
    label = _LABEL_ONLY.match(read.text).end()
    # "9.8 未经甲方书面同意，乙方不得…", "Without the Customer's prior written consent, the Supplier shall not …": the
    # consent the provision's own act needs opens it, the buyer named only in it
    basis = _opening_basis(read, label, supplier[0].start)
    if any(p.cat == "party:buyer" and p.start < first and not (basis and p.end <= basis) for p in read.parties):
        return False
    opening = read.text[basis or label:supplier[0].start]
    # an override of the whole contract prevails only where the right conflicts; so does one of what went before
    # ("尽管有前述规定，", "Notwithstanding the foregoing,"), or a purpose opening the right ("为防止…，"), beside a duty to
    # act (frames.yaml ``foregoing_overrides``, ``purpose_openers``): a right to lock the servers takes nothing from
    # cooperation with the review. Beside a ban it may (disabling the software interrupts its supply; operating the
    # equipment reaches its data), so there it is read with the ban.
    override = _general_override(opening, library, lang)
    if not override and not _forbids(library, rid):
        override = _general_override(opening, library, lang, "foregoing_overrides") \
            or _general_override(opening, library, lang, "purpose_openers")
    topic = _frames_regex(library, "topic_openers", lang)
    if (basis or label) < supplier[0].start and not _LABEL_ONLY.fullmatch(opening) \
            and not (override and _LABEL_ONLY.fullmatch(opening[override:])) \
            and not (topic is not None and topic.match(opening.strip())):
        # "但…", "尽管有前述约定…": the sentence opens with words that read it with another (an override of the whole
        # contract, "尽管有本合同其他约定，", prevails only over what conflicts with its own right; a topic,
        # "对于已停产的产品型号，", names what it is about)
        return False
    # the words naming its own object ("不得将本条项下的个人信息处理事务转委托", "shall not disclose the foregoing
    # personal data") identify what it is about; they do not reach back to qualify the clause
    objects = [h for cat, hits in read.by.items() if ":obj:" in cat and cat.split(":", 1)[0] in
               {a.requirement for a in own} for h in hits]

    def in_own_object(m: re.Match[str]) -> bool:
        return m.start() > first and any(m.end() <= o.start and not _OBJECT_BREAK.search(read.text, m.end(), o.start)
                                         for o in objects)
    # its own 但…除外 qualifies its own act, as a proviso does in Chinese and English drafting alike ("…，但乙方
    # 自行决定的除外" weakens this provision, judged under its own requirement); a back-reference, a deeming or a
    # release may reach back to the clause
    skip = (basis or label) + override  # the override's own words ("本合同其他约定") reach back to nothing
    return not any(not (name == "back_references" and in_own_object(m))
                   for name, rx in [*(("back_references", rx) for _, rx in _lexicon(library, "back_references", lang)),
                                    *_lexicon(library, "riders", lang)]
                   if name != "limitation" for m in rx.finditer(read.text) if m.start() >= skip)


_OWN_POSSESSOR = {"zh": re.compile(r"(?:其|其自身的?|其自有的?|本公司的?|我公司的?)$"),
                  "en": re.compile(r"\b(?:its|their|our)\s+(?:own\s+)?$", re.IGNORECASE)}


def _own_things_only(read: Sentence, rid: str) -> bool:
    """Every object of ``rid`` the sentence names is the supplier's own ("用于其产品研发", "for its own products"): a
    right on another requirement's matter that mentions them names nothing of the buyer's."""
    hits = [h for cat, hs in read.by.items() if cat.startswith(f"{rid}:obj:") for h in hs]
    rx = _OWN_POSSESSOR[read.unit.lang]
    return bool(hits) and all(rx.search(read.text, 0, h.start) for h in hits)


def _excepting_what_went_before(read: Sentence, library: Library) -> list[tuple[int, int]]:
    """A later sentence opening "除此之外，乙方不得…" / "Save as aforesaid, the Vendor shall not …" forbids everything
    the provision before it does not allow: read with that provision, its opening takes nothing from it (the
    prohibition after it is read as usual)."""
    rx = _frames_regex(library, "exception_back_references", read.unit.lang)
    if rx is None or not any(m.cat == "modal:prohibition" for m in read.modals):
        return []
    label = _LABEL_ONLY.match(read.text).end()
    m = rx.match(read.text, label)
    return [(m.start(), m.end())] if m else []


def _general_override(opening: str, library: Library, lang: str, section: str = "general_overrides") -> int:
    """The end of an override of the whole contract that opens ``opening`` ("尽管有本合同其他约定，", "Notwithstanding
    anything in this Agreement,"; frames.yaml ``general_overrides``, or another ``section`` of the same form), or 0."""
    rx = _frames_regex(library, section, lang)
    m = rx.match(opening.lstrip(" /／")) if rx is not None else None
    return m.end() + len(opening) - len(opening.lstrip(" /／")) if m else 0


def _supplied_thing(read: Sentence, mention: Assessment, own: list[Assessment]) -> bool:
    """The mention of ``rid``'s subject is the thing another requirement's right names with an element of its own
    ("乙方可…停止供应合同产品并终止相应的技术支持": the products are what the supply right stops supplying, not
    equipment it controls). A right on a broad object alone ("may suspend the Products") is still read with rid:
    suspending a product may be controlling it."""
    if mention.kind != "near-miss" or mention.detail != "mentions the subject only" or mention.unit.text != read.text:
        return False
    others = {a.requirement for a in own if a.kind == "contradiction" and a.elements and a.requirement != mention.requirement}
    named = [(h.start, h.end) for cat, hits in read.by.items() if cat.split(":", 1)[0] in others
             and (":obj:" in cat or cat.endswith(":broad_objects")) for h in hits]
    return bool(others) and bool(mention.highlights) and all(span in named for span in mention.highlights)


#: punctuation ending the noun phrase a word opens
_OBJECT_BREAK = re.compile(r"[，,。；;：:]")


def _opening_basis(read: Sentence, start: int, end: int) -> int | None:
    """The end of a lawful-basis clause ("未经甲方书面同意，") that fills the text from ``start`` up to ``end`` (the
    supplier's name) but for its comma, or None."""
    text = read.text[start:end].rstrip()
    if not text or text[-1] not in "，,":
        return None
    body = start + len(text[:-1].rstrip())
    hits = [h for h in read.get("lawful_basis") if start <= h.start and h.end <= body]
    if hits and min(h.start for h in hits) == start and max(h.end for h in hits) == body:
        return start + len(text)
    return None


def points_back(text: str, library: Library, lang: str, inside: list[tuple[int, int]] = ()) -> str | None:
    """The back-reference or rider word that makes a later sentence part of the undertaking before it (rider words
    within ``inside``, spans the sentence's own exceptions account for, excepted)."""
    for section in ("back_references", "riders"):
        for _, rx in _lexicon(library, section, lang):
            for m in rx.finditer(text):
                if section == "riders" and any(a <= m.start() and m.end() <= b for a, b in inside):
                    continue
                # "第五条 …" opening the text is its own label; "第二款之约定…" opening it is a reference, and so is
                # a word that names what came before ("上述承诺的履行以…为准", "The foregoing …")
                # (after a number of its own, a reference by number is one: "12.2 Clause 12.1 does not apply")
                if text[:m.start()].strip(" \t()（）、") or not _NUMBERED_REFERENCE.match(m.group(0)) \
                        or re.search(r"(?:[之的]|约定|规定|所述|所列|中|项下)$", m.group(0)):
                    return m.group(0)
    return None


def trace_document(doc: Any, library: Library, *, supplier_aliases: tuple[str, ...] = (),
                   lang: str = "auto") -> list[tuple[str, Assessment]]:
    """Every reading the matcher makes of ``doc`` with its frame, per language version (``explain --trace``)."""
    from ..roles import find_roles
    from ..segment import segment
    from . import _languages, _sentence_units

    roles = find_roles(doc, supplier_aliases=supplier_aliases, library=library)
    sentences = segment(doc)
    return [(version, a) for version in _languages(doc, lang)
            for a in _sentence_units(doc, library, roles, version, sentences)]


#: a definition, the term quoted, or (as in a definitions list) unquoted and capitalised before "means"
_DEFINED = {"en": re.compile(r"^\W{0,3}(?:[\d.()a-z]+\s+)?(?i:(?:for\s+the\s+purposes?\s+of|in|as\s+used\s+in)\s+this\s+"
                             r"(?:clause|article|section|paragraph|sub-clause)(?:\s+[\d.]+)?\s*,\s*)?"
                             r"(?:[\"“]([A-Za-z][^\"”]{1,40})[\"”]\s+(?:means|shall mean|includes|"
                             r"include|shall include|refers to|is defined as)|((?-i:[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}))"
                             r"\s+(?:means|shall mean))\b"),
            "zh": re.compile(r"^\W{0,3}(?:[\d.（）()、一二三四五六七八九十第条]+\s*)?(?:定义|释义|名词解释)?\s*"
                             r"(?:本(?:条|款|项)所称(?:的|之)?)?"
                             r"(?:[“\"「『]([^”\"」』]{1,20})[”\"」』]\s*(?:，|,)?(?:是指|系指|指|包括)"
                             # unquoted after 所称, where the contract names it ("本合同所称不可抗力，是指…")
                             r"|本(?:合同|协议|合约|契约|条|款|项)所称(?:的|之)?([\u4e00-\u9fff]{2,10}?)\s*[，,]?\s*(?:是指|系指))")}
#: a definition's body pointing at another clause for its content ("the support services described in Article 8.2",
#: 第8.2条所述的技术支持服务): group ``ref`` is the clause number
_REFERS_TO_CLAUSE = {"en": re.compile(r"\b(?:(?:described|set\s+out|specified|referred\s+to|provided(?:\s+for)?|listed)\s+"
                                      r"(?:in|under)|under|in\s+accordance\s+with|pursuant\s+to)\s+(?:Article|Clause|Section|"
                                      r"Sub-Clause)\s+(?P<ref>\d+(?:\.\d+)*)", re.IGNORECASE),
                     "zh": re.compile(r"第?(?P<ref>\d+(?:\.\d+)*)(?:条|款)?(?:所述|所列|约定|规定|所约定|所规定|项下)")}


def _referenced_clause_text(body: str, sentences: list[Any], lang: str) -> str:
    """The text of the clauses a definition's body points at for its content, read as part of the body (a period
    confining that clause confines the term)."""
    refs = {m.group("ref") for m in _REFERS_TO_CLAUSE[lang].finditer(body)}
    if not refs:
        return ""
    return " ".join(t.text for t in sentences if t.language == lang and (sec := t.block.section)
                    and any(sec == r or sec.startswith(r + ".") for r in refs))


#: where a definition's body turns to what it leaves out
_EXCLUDING = {"en": re.compile(r"\b(?:excluding|except|other\s+than|but\s+not|(?:does|shall)\s+not\s+include)\b", re.IGNORECASE),
              "zh": re.compile(r"不包括|不含|不包含|除外|但不")}


_PHRASES: dict[tuple[Any, ...], re.Pattern[str] | None] = {}


def _cached_phrase_regex(library: Library, name: tuple[str, str], phrases: Any, lang: str) -> re.Pattern[str] | None:
    """:func:`phrase_regex` built once per library, lexicon and language (it was rebuilt per definition)."""
    key = (library.key, *name, lang)
    if key not in _PHRASES:
        _PHRASES[key] = phrase_regex(phrases, lang)
    return _PHRASES[key]


def defined_terms(sentences: list[Any], library: Library, lang: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """Terms the contract defines as including an element's object ('"Services" means the hosting services and the
    technical support services'): (requirement, element) -> terms. The matcher then reads the term as that element,
    so "the supply of the Products and the Services" covers both elements of CSR04."""
    return _definitions(sentences, library, lang, narrow=False)


def narrowed_terms(sentences: list[Any], library: Library, lang: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """Terms that name an element's object but are defined as something narrower ('「用戶設備」指客戶辦公室內之桌面
    電腦', '"User Equipment" means the desktop computers in the Customer's offices'): (requirement, element) -> terms.
    An undertaking on such a term covers only what the definition lists, so it is weak, never satisfied."""
    return _definitions(sentences, library, lang, narrow=True)


def _definitions(sentences: list[Any], library: Library, lang: str, *,
                 narrow: bool) -> dict[tuple[str, str], tuple[str, ...]]:
    out: dict[tuple[str, str], list[str]] = {}
    seen: set[tuple[str, str]] = set()
    activities = _cached_phrase_regex(library, ("common", "support_activities"),
                                      library.common.get("support_activities", {}).get(lang, ()), lang)
    periods = _cached_phrase_regex(library, ("frames", "narrowing_periods"),
                                   library.frames.get("narrowing_periods", {}).get(lang, ()), lang)
    for s in sentences:
        if s.language != lang:
            continue
        m = _DEFINED[lang].match(s.text)
        if m is None:
            continue
        term, body = next(g for g in m.groups() if g), s.text[m.end():]
        if not narrow:
            # what the term excludes, or a period it is confined to, widens it to nothing ('"服务"指软件许可，不包括技术
            # 支持服务', "…保修期内的技术支持服务")
            body = _EXCLUDING[lang].split(body, 1)[0]
        if (term, body) in seen:  # a definition repeated word for word (whatever its number) is read once
            continue
        seen.add((term, body))
        for req in library.requirements:
            found: list[tuple[str, Any]] = []
            for el in req.elements:
                rx = _object_regex(library, req.id, el, lang)
                if rx is not None:
                    found.append((el.id, rx))
            names = {el for el, rx in found if rx.search(body)}
            if narrow and len(found) > 1 and activities is not None and activities.search(body):
                names = {el for el, _ in found}  # "系统巡检、故障维修、软件升级": support in other words
            classes = _cached_phrase_regex(library, (req.id, "partial_objects"), req.lexicon["partial_objects"][lang],
                                           lang)
            listed = bool(names) or bool(classes is not None and classes.search(body))
            # a body that confines the term to a period ("… provided during the Warranty Period") narrows it,
            # whatever it names
            confined = periods is not None and bool(
                periods.search(body) or (narrow and periods.search(_referenced_clause_text(body, sentences, lang))))
            if narrow and not confined:
                # a body that leaves its reach to the supplier narrows it too (frames.yaml ``chosen_scope``:
                # '"Confidential Information" means such information … as the Vendor has agreed in writing to treat as
                # confidential')
                chosen = _cached_phrase_regex(library, ("frames", "chosen_scope"),
                                              library.frames.get("chosen_scope", {}).get(lang, ()), lang)
                confined = chosen is not None and bool(chosen.search(body))
            for el, rx in found:
                # narrow: the term names the element, the body names neither that element (another element does
                # not count: "Support means the supply of replacement parts") nor the device classes or data
                # categories it is made of ("core switches, edge routers")
                if (el in names and not confined) if not narrow else ((confined or not (el in names or (listed and len(found) == 1)))
                                                     and rx.search(term)):
                    out.setdefault((req.id, el), []).append(term)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}
