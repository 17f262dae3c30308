"""The clause library: every legal word the matcher knows, loaded from YAML.

``clause_library/`` holds ``common.yaml`` (party words, modals, negations,
carve-outs, ... per language) and one ``CSRnn.yaml`` per requirement. Loading
is strict, like Vale's: an unknown key, a wrong type or a regular expression
that does not compile is a :class:`~cliccheck.errors.ConfigError` naming
``file:line``, so a lawyer editing a synonym gets a precise message instead
of a silently ignored rule.

The library directory is, in order: the ``path`` argument, the
``CLICCHECK_LIBRARY`` environment variable, the ``clause_library/`` folder
next to the package. Results are cached per directory and file mtimes.
"""

from __future__ import annotations

import contextvars
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .paths import data_dir

LANGS = ("en", "zh")
ENV_VAR = "CLICCHECK_LIBRARY"
#: a requirement id: the pack's rule prefix and a number (CSR01, SEC01, PIPL21-01, ND01, HOUSE-01)
REQUIREMENT_ID = re.compile(r"^[A-Z][A-Z0-9]{0,11}(?:-?\d{2,3})$")

#: A lexicon: language -> phrases ("re:" prefix marks a regular expression).
Lexicon = dict[str, tuple[str, ...]]


class _Lex:
    """Schema marker for a per-language list of phrases."""


class _Text:
    """Schema marker for a per-language string."""


LEX = _Lex()
#: optional role-section lexicons that tell a contract from a notice, a policy or a commitment letter
DOCUMENT_WORDS = ("contract_instruments", "contract_titles", "notice_instruments", "notice_titles", "plural_address", "letter_titles",
                  "letter_authors", "first_person", "generic_definitions", "binding_verbs", "owns", "pays_late", "supplied_by",
                  "statute_marks",
                  "individual_first_person", "acting_for", "bidder_lines", "bidder_line_suffixes", "promisor_words",
                  "demands", "related_authors", "second_person", "owned_documents")
TEXT = _Text()

# Schemas: dict -> {key: (schema, required)}; list -> [item schema]; type -> scalar type;
# a frozenset -> one of these strings.
_COMMON_SCHEMA: dict[str, Any] = {
    "version": (int, True),
    "roles": ({**{k: (LEX, True) for k in
                  ("supplier", "buyer", "both", "labels", "pronouns", "definition", "supplies", "pays", "organisations")},
               **{k: (LEX, False) for k in ("fields", "line_heads", "presumed_supplier", "presumed_buyer", *DOCUMENT_WORDS)}}, True),
    "modals": ({k: (LEX, True) for k in
                ("obligation", "prohibition", "permission", "grant", "negated_obligation", "non_binding")}, True),
    **{k: (LEX, True) for k in ("negations", "carve_outs", "lawful_basis", "unauthorised", "justifications", "breadth",
                                "unlimited", "consequences", "conditions", "consent_words", "acknowledgements",
                                "exemptions", "disclaimers", "references",
                                "exceptions", "overrides", "recitals", "citations", "required_contents",
                                "rider_references", "definitions")},
    "prevailing": ({"zh": (LEX, True), "en": (LEX, True)}, True),
    "topics": (LEX, False),
    "supply_grounds": (LEX, False),
    "foreign_grounds": (LEX, False),
    "statute_openings": (LEX, False),
    "scope_limits": (LEX, False),
    "global_overrides": (LEX, False),
    "restrictive": (LEX, False),
    "restrictive_lists": (LEX, False),
    "bounds": (LEX, False),
    "payment_terms": (LEX, False),
    "demands": (LEX, False),
    "procurements": (LEX, False),
    "demand_compliance": (LEX, False),
    "superseded_quotes": (LEX, False),
    "instrument_terms": (LEX, False),
    "instrument_term_ends": (LEX, False),
    "amendments": (LEX, False),
    "support_activities": (LEX, False),
    "commitment_colons": (LEX, False),
    "bid_acceptances": (LEX, False),
    "bid_responses": (LEX, False),
    "questions": (LEX, False),
    "clarifications": (LEX, False),
    "precedence_to_parts": (LEX, False),
    "precedence_words": (LEX, False),
    "precedence_to_itself": (LEX, False),
    "precedence_over_body": (LEX, False),
    "precedence_to_supplier_documents": (LEX, False),
    "disowned_persons": ({"phrases": (LEX, True), "own_duties": ([str], False)}, False),
    "retention_after_term": (LEX, False),
    "term_bounds": (LEX, False),
    "unagreed_parts": ({"markers": (LEX, True), "part_heads": (LEX, True), "kept_letters": (LEX, False),
                        "excluded_submissions": (LEX, False), "submission_heads": (LEX, False)}, False),
    "buyer_answers": (LEX, False),
    "bid_rejections": (LEX, False),
    "bid_qualified": (LEX, False),
    "handing_over": (LEX, False),
    "statement_negations": (LEX, False),
    "deletions": (LEX, False),
    "in_conditions": ({"opens": (LEX, True), "closes": (LEX, True)}, False),
}

#: clause_library/frames.yaml: the harmless complements of an undertaking (fail-closed accounting), the words
#: that make a later sentence part of it, and the classes of riders.
POLARITIES = frozenset({"positive", "negative"})
_COMPLEMENT_SCHEMA: dict[str, Any] = {"en": ([str], False), "zh": ([str], False),
                                      "polarity": ([POLARITIES], False), "packs": ([str], False),
                                      "requirements": ([str], False)}
_FRAMES_SCHEMA: dict[str, Any] = {
    "version": (int, True),
    "complements": (_COMPLEMENT_SCHEMA, True),  # checked per class below
    "back_references": (LEX, True),
    "riders": (LEX, True),  # checked per class below
    "provisions": (LEX, False),
    "authorising_deemings": (LEX, False),
    "term_definitions": (LEX, False),
    "execution_lines": (LEX, False),
    "own_consent_before": (LEX, False),
    "own_consent_after": (LEX, False),
    "statute_articles": (LEX, False),
    "referenced_exceptions": (LEX, False),
    "shared_terms": (LEX, False),
    "narrowing_periods": (LEX, False),
    "chosen_scope": (LEX, False),
    "lead_in_periods": (LEX, False),
    "role_tails": (LEX, False),
    "role_heads": (LEX, False),
    "own_decisions": (LEX, False),
    "foregoing_overrides": (LEX, False),
    "purpose_openers": (LEX, False),
    "paused_acts": (LEX, False),
    "reference_titles": (LEX, False),
    "clause_self_references": (LEX, False),
    "undertaking_references": (LEX, False),
    "paragraph_carve_outs": (LEX, False),
    "exception_references": (LEX, False),
    "clause_overrides": (LEX, False),
    "general_overrides": (LEX, False),
    "topic_openers": (LEX, False),
    "blanket_releases": (LEX, False),
    "named_failures": (LEX, False),
    "possessive_pronouns": (LEX, False),
    "owned_nouns": (LEX, False),
    "cause_openings": (LEX, False),
    "forbidden_reasons": (LEX, False),
    "period_followers": (LEX, False),
    "buyer_agents": (LEX, False),
    "exception_back_references": (LEX, False),
    "agreed_schedules": (LEX, False),
    "refusal_grounds": (LEX, False),
    "object_pronouns": (LEX, False),
    "previous_clause_references": (LEX, False),
    "previous_paragraph_references": (LEX, False),
    "statute_titles": (LEX, False),
    "product_names": (LEX, False),
    "attributive_modals": (LEX, False),
    "others_only": (LEX, False),
    "own_personnel": (LEX, False),
    "one_other": (LEX, False),
    "amendable_documents": (LEX, False),
    "amendable_document_kinds": (LEX, False),
    "amendable_document_parts": (LEX, False),
    "unsettled_parts": (LEX, False),
    "buyer_grants": (LEX, False),
    "banned_features": (LEX, False),
    "restricted_permissions": (LEX, False),
    "acting_on": (LEX, False),
    "condition_openers": (LEX, False),
    "product_warranties": (LEX, False),
    "term_bounds": (LEX, False),
    "survival_statements": (LEX, False),
    "compound_persons": (LEX, False),
    "device_heads": (LEX, False),
    "consent_conditions": (LEX, False),
    "device_functions": (LEX, False),
    "supplier_policies": (LEX, False),
    "anaphor_gaps": (LEX, False),
    "open_lists": (LEX, False),
    "illustrations": (LEX, False),  # checked per class below (markers, coordinated, guards, periods)
    "enumerations": ({"max_chars": (int, True), "max_words": (int, True), "separators": (LEX, True),
                      "disjunctive": (LEX, True), "guards": (LEX, True), "catch_alls": (LEX, False),
                      "owner_catch_alls": (LEX, False)}, False),
    "object_modifiers": ({"max_chars": (int, True), "max_words": (int, True), "guards": (LEX, True),
                          "duty_requirements": ([str], False),
                          "joint": ({lang: (str, True) for lang in LANGS}, True),
                          "word": ({lang: (str, True) for lang in LANGS}, True)}, False),
    "document_limits": ({"instrument_end": ({"own": (LEX, True), "main": (LEX, True)}, False),
                         "several_liability": ({"context": (LEX, True), "words": (LEX, True)}, False),
                         "non_binding": (LEX, False), "obligations_cease": (LEX, False),
                         "excuse_definitions": (LEX, False), "excuse_exclusions": (LEX, False)}, False),
}

LEXICON_KEYS = ("duty", "refusal", "refusable", "forbidden", "partial", "qualifiers", "weakening", "contradicting",
                "justifications", "broad_objects", "partial_objects", "partial_duty", "withheld_objects",
                "referred_agreements", "caps", "cap_exclusions", "anchors", "operator_rights", "object_acts",
                "partial_kinds", "completing", "part_objects", "patch_triggers", "support_words")
#: lexicon keys a requirement file may leave out (empty by default)
#: referred_agreements: the names of a separate agreement whose text the contract does not hold ("a separate
#: security and confidentiality agreement"): an undertaking only on one is weak with the reason separate-agreement
#: caps: a sentence anywhere in the contract that limits every undertaking of the requirement ("乙方在本合同项下承担的
#: 全部违约及赔偿责任，累计不超过本合同总价的百分之五"), unless it has one of cap_exclusions ("…保密义务的除外")
#: anchors: the circumstance an undertaking's own sentence must name to satisfy the requirement ("upon termination",
#: 委托关系终止后 for a return-or-delete duty); without one it is weak, "not tied to" the requirement's anchor_title
#: operator_rights: the buyer's own right that shows the requirement in part ("甲方有权…进行检查", "the Bank may
#: audit"): with no undertaking of the supplier's, the requirement is weak, not missing
#: object_acts: acts that carry their object in the word ("configuration changes", 远程升级): one the supplier may do at
#: its own judgement anywhere in the contract limits every undertaking of the requirement, though no object is named
#: partial_kinds: one kind of the requirement's object (personal information, of the user data): an undertaking
#: every object of which is of this kind covers part of the requirement ("covers only personal information")
#: completing: duties that, bound in the same sentence beside a partial_duty, complete it ("提供审查所需资料，并接受
#: 审查机构的问询和核查": the papers and the answers together are the cooperation)
#: part_objects: objects that name one part of the element (security patches, of technical support): a firm duty
#: naming only parts does not lift a hedge the contract puts on the whole ("乙方将在商业合理范围内提供技术支持")
#: patch_triggers / support_words: a sentence naming only part_objects on a trigger ("漏洞…提供补丁") and the support in
#: no other words (故障, "maintain") promises security fixes, not the support: weak, "covers only …"
OPTIONAL_LEXICON_KEYS = ("partial_objects", "partial_duty", "withheld_objects", "referred_agreements", "caps",
                         "cap_exclusions", "anchors", "operator_rights", "object_acts", "partial_kinds", "completing",
                         "part_objects", "patch_triggers", "support_words")
VERDICT_KEYS = ("satisfied", "weak", "contradicted", "missing")

_REQUIREMENT_SCHEMA: dict[str, Any] = {
    "id": (str, True),
    "name": (str, True),
    "titles": (TEXT, True),
    "severity": (frozenset({"error", "warning", "note"}), True),
    # cite/note: English; cite_zh/note_zh: the same in Chinese, shown by ``explain`` to a Chinese reader
    "legal_basis": ([{"cite": (str, True), "cite_zh": (str, True),
                      "status": (frozenset({"in force", "unconfirmed", "origin", "repealed"}), True),
                      "note": (str, False), "note_zh": (str, False)}], True),
    "explanation": (TEXT, True),
    "messages": ({k: (str, True) for k in VERDICT_KEYS}, True),
    "elements": ([{"id": (str, True), "title": (TEXT, True), "objects": (LEX, True), "stand_ins": (LEX, False),
                  "anaphors": (LEX, False), "statements": (LEX, False), "owned": (LEX, False),
                  "implied_by": (LEX, False)}], True),
    "lexicon": ({k: (LEX, k not in OPTIONAL_LEXICON_KEYS) for k in LEXICON_KEYS}, True),
    "examples": ({k: ({"en": ([str], True), "zh": ([str], True)}, True) for k in VERDICT_KEYS[:3]}, True),
    "anchor_title": (TEXT, False),
    "acts": ([{"id": (str, True), "title": (TEXT, True), "phrases": (LEX, True)}], False),
    # true: the shared grounds for pausing supply or service (common.yaml supply_grounds) justify this requirement too
    "supply_grounds": (bool, False),
    # true: the duty must outlive the contract (keeping the operator's data or secrets): words ending every
    # obligation of the supplier when the contract ends (frames.yaml document_limits.obligations_cease) weaken it
    "outlives_contract": (bool, False),
}


@dataclass(frozen=True, slots=True)
class Element:
    id: str
    title: dict[str, str]
    objects: Lexicon
    #: words that stand for this element when the document never names it ("the Services" for product
    #: supply in a services contract)
    stand_ins: Lexicon = field(default_factory=lambda: {lang: () for lang in LANGS})
    #: words that name this element's object again once the clause has named it in full ("the review", "such
    #: review", 审查工作 after 网络安全审查): read as the object only where an earlier sentence of the clause, or its
    #: heading, names it
    anaphors: Lexicon = field(default_factory=lambda: {lang: () for lang in LANGS})
    #: words that state this element as one of the contract's particulars, whoever's sentence it is ("委托处理的期限
    #: 为", "Duration of the processing:", "仅用于…"): the element is set by the contract; a deferral or the
    #: requirement's weakening words in the same sentence ("另行约定", "to be agreed") leave it weak
    statements: Lexicon = field(default_factory=lambda: {lang: () for lang in LANGS})
    #: nouns that are this element's object when the contract's own buyer, by whatever label it defined, owns them
    #: ("data of the Authority", "the Bureau's information", 管理局之资料): the library cannot list every label
    owned: Lexicon = field(default_factory=lambda: {lang: () for lang in LANGS})
    #: words whose presence shows the element is in play although the document never names it (a Seller sells
    #: goods): the element's stand-ins then do not stand for it
    implied_by: Lexicon = field(default_factory=lambda: {lang: () for lang in LANGS})


@dataclass(frozen=True, slots=True)
class Act:
    """One act a statute lists (Art. 16's "access"), with the words that name it."""

    id: str
    title: dict[str, str]
    phrases: Lexicon


@dataclass(frozen=True, slots=True)
class Requirement:
    """One Art. 6 undertaking as the library describes it."""

    id: str
    name: str
    titles: dict[str, str]
    severity: str
    legal_basis: tuple[dict[str, str], ...]
    explanation: dict[str, str]
    messages: dict[str, str]
    elements: tuple[Element, ...]
    lexicon: dict[str, Lexicon]
    examples: dict[str, dict[str, tuple[str, ...]]]
    source: str
    #: what the lexicon's anchors name, for the reason of an undertaking that names none ("the end of the entrustment")
    anchor_title: dict[str, str] | None = None
    #: the acts a statute lists, every one of which the undertaking must name (Art. 16: access, obtain, retain, use,
    #: leak, provide): each an id, a title and its words; a prohibition naming only some is partial, and names the rest
    acts: tuple[Act, ...] = ()
    #: the buyer's non-payment, force majeure and the other grounds for pausing supply (common.yaml supply_grounds)
    #: justify this requirement's exceptions and rights; never one on data or equipment
    supply_grounds: bool = False
    #: the duty must outlive the contract (data, secrets): a clause ending all the supplier's obligations at expiry
    #: weakens it
    outlives_contract: bool = False


@dataclass(frozen=True, slots=True)
class Library:
    """The loaded library: shared lexicons plus the requirements in id order."""

    path: str
    common: dict[str, Any]
    requirements: tuple[Requirement, ...]
    key: tuple[Any, ...] = field(default=(), compare=False)
    #: frames.yaml: {"complements": {class: {"en": (...), "zh": (...), "polarity": (...)}},
    #: "back_references": lexicon, "riders": {class: lexicon}}
    frames: dict[str, Any] = field(default_factory=dict, compare=False)
    #: the rule packs these requirements come from (cliccheck.packs.Pack), in the order enabled; empty for a
    #: bare library directory
    packs: tuple[Any, ...] = field(default=(), compare=False)

    def requirement(self, rule_id: str) -> Requirement:
        for req in self.requirements:
            if req.id == rule_id.upper():
                return req
        known = ", ".join(r.id for r in self.requirements)
        raise ConfigError.of("unknown-requirement", rule=repr(rule_id), known=known)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.requirements)


def _err(path: Path, node: yaml.Node, message: str) -> ConfigError:
    return ConfigError(f"{path}:{node.start_mark.line + 1}: {message}")


def _scalar(path: Path, node: yaml.Node, kind: type, where: str) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _err(path, node, f"{where}: expected a {kind.__name__}, got a {type(node).__name__[:-4].lower()}")
    try:
        value = yaml.safe_load(yaml.serialize(node)) if node.tag != "tag:yaml.org,2002:str" else node.value
    except yaml.YAMLError:  # "!!python/object:…": data only, no tags that build objects
        raise _err(path, node, f"{where}: unsupported YAML tag {node.tag!r}") from None
    if kind is str and not isinstance(value, str):
        value = node.value  # phrases such as "no" or "on" stay text
    if kind is int and (not isinstance(value, int) or isinstance(value, bool)):
        raise _err(path, node, f"{where}: expected an integer, got {node.value!r}")
    if kind is bool and not isinstance(value, bool):
        raise _err(path, node, f"{where}: expected true or false, got {node.value!r}")
    if kind is str and not value.strip():
        raise _err(path, node, f"{where}: empty text")
    return value


#: an extra check on every phrase while one requirement file loads (None: the built-in library's)
_PHRASE_CHECK: contextvars.ContextVar[Any] = contextvars.ContextVar("phrase_check", default=None)


@functools.lru_cache(maxsize=16384)
def phrase_pattern(expression: str, lang: str) -> re.Pattern[str]:
    """A library phrase's "re:" expression compiled as the matcher reads it (ignoring case in English), once per
    process: loading the library checks every expression by compiling it, and the matcher's analyzer then finds
    it compiled (it compiled the English ones again with IGNORECASE)."""
    return re.compile(expression, re.IGNORECASE if lang == "en" else 0)


def _check_phrase(path: Path, node: yaml.Node, phrase: str, where: str) -> None:
    if phrase.startswith("re:"):
        try:
            phrase_pattern(phrase[3:], where.rsplit(".", 1)[-1] if where.endswith((".en", ".zh")) else "")
        except re.error as exc:
            raise _err(path, node, f"{where}: bad regular expression {phrase[3:]!r}: {exc}") from None
    extra = _PHRASE_CHECK.get()
    if extra is not None:
        extra(path, node, phrase, where)


def _convert(path: Path, node: yaml.Node, schema: Any, where: str) -> Any:
    """Validate ``node`` against ``schema`` and return plain Python data."""
    if isinstance(schema, _Lex):
        out = _convert(path, node, {lang: ([str], False) for lang in LANGS}, where)
        lex: dict[str, tuple[str, ...]] = {}
        items = {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
        for lang in LANGS:
            phrases = tuple(out.get(lang) or ())
            for i, phrase in enumerate(phrases):
                _check_phrase(path, items[lang].value[i], phrase, f"{where}.{lang}")
            lex[lang] = phrases
        return lex
    if isinstance(schema, _Text):
        return _convert(path, node, {lang: (str, True) for lang in LANGS}, where)
    if isinstance(schema, frozenset):
        value = _scalar(path, node, str, where)
        if value not in schema:
            raise _err(path, node, f"{where}: {value!r} is not one of {', '.join(sorted(schema))}")
        return value
    if isinstance(schema, type):
        return _scalar(path, node, schema, where)
    if isinstance(schema, list):
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise _err(path, node, f"{where}: expected a list")
        return [_convert(path, item, schema[0], f"{where}[{i}]") for i, item in enumerate(node.value)]
    if isinstance(schema, dict):
        if not isinstance(node, yaml.MappingNode):
            raise _err(path, node, f"{where}: expected a mapping with keys {', '.join(schema)}")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key not in schema:
                raise _err(path, key_node, f"unknown key {key!r} in {where} (allowed: {', '.join(schema)})")
            if key in out:
                raise _err(path, key_node, f"duplicate key {key!r} in {where}")
            out[key] = _convert(path, value_node, schema[key][0], f"{where}.{key}" if where else key)
        for key, (_, required) in schema.items():
            if required and key not in out:
                raise _err(path, node, f"missing key {key!r} in {where or 'the file'}")
        return out
    raise TypeError(f"bad schema {schema!r}")  # pragma: no cover - programming error


def _compose(path: Path) -> yaml.Node:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8") from None
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}{line}: invalid YAML: {problem}") from None
    if node is None:
        raise ConfigError(f"{path}: empty file")
    return node


def _load_requirement(path: Path, check_phrase: Any = None) -> Requirement:
    """One requirement file; ``check_phrase(path, node, phrase, where)`` adds checks on its phrases (a user
    pack's regular expressions are bounded: :mod:`cliccheck.packs`)."""
    node = _compose(path)
    token = _PHRASE_CHECK.set(check_phrase)
    try:
        data = _convert(path, node, _REQUIREMENT_SCHEMA, "")
    finally:
        _PHRASE_CHECK.reset(token)
    if not REQUIREMENT_ID.match(data["id"]):
        raise _err(path, node, f"id {data['id']!r} must look like CSR01 (a prefix and a number)")
    if data["id"] != path.stem:
        raise _err(path, node, f"id {data['id']!r} does not match the file name {path.name}")
    if not data["elements"]:
        raise _err(path, node, "a requirement needs at least one element")
    if any(data["lexicon"].get("anchors", {}).get(lang) for lang in LANGS) != ("anchor_title" in data):
        raise _err(path, node, "lexicon.anchors and anchor_title go together: what the anchors name is said once")
    for i, entry in enumerate(data["legal_basis"]):
        if ("note" in entry) != ("note_zh" in entry):
            raise _err(path, node, f"legal_basis[{i}]: a note needs its Chinese (note_zh) and the reverse")
    return Requirement(
        id=data["id"], name=data["name"], titles=data["titles"], severity=data["severity"],
        legal_basis=tuple(data["legal_basis"]), explanation=data["explanation"], messages=data["messages"],
        elements=tuple(Element(e["id"], e["title"], e["objects"], e.get("stand_ins") or {lang: () for lang in LANGS},
                               e.get("anaphors") or {lang: () for lang in LANGS},
                               e.get("statements") or {lang: () for lang in LANGS},
                               e.get("owned") or {lang: () for lang in LANGS},
                               e.get("implied_by") or {lang: () for lang in LANGS})
                       for e in data["elements"]),
        lexicon={k: data["lexicon"].get(k, {lang: () for lang in LANGS}) for k in LEXICON_KEYS},
        examples={k: {lang: tuple(v[lang]) for lang in LANGS} for k, v in data["examples"].items()},
        source=str(path),
        anchor_title=data.get("anchor_title"),
        acts=tuple(Act(a["id"], a["title"], a["phrases"]) for a in data.get("acts") or ()),
        supply_grounds=data.get("supply_grounds", False),
        outlives_contract=data.get("outlives_contract", False),
    )


#: the optional frames.yaml sections that are plain lexicons (en/zh phrase lists), read alike: every new one is
#: declared once, in _FRAMES_SCHEMA ("illustrations" is a lexicon of named classes, checked per class)
_PLAIN_FRAMES_KEYS = tuple(key for key, (schema, required) in _FRAMES_SCHEMA.items()
                           if schema is LEX and not required and key != "illustrations")


def _load_frames(path: Path) -> dict[str, Any]:
    """frames.yaml (optional: a library without it accounts for no complements, so nothing beyond the bare
    undertaking is satisfied)."""
    empty: dict[str, Any] = {"complements": {}, "back_references": {lang: () for lang in LANGS}, "riders": {},
                             "provisions": {lang: () for lang in LANGS},
                             "authorising_deemings": {lang: () for lang in LANGS},
                             "execution_lines": {lang: () for lang in LANGS},
                             "own_consent_before": {lang: () for lang in LANGS},
                             "own_consent_after": {lang: () for lang in LANGS},
                             "statute_articles": {lang: () for lang in LANGS}, "illustrations": {}}
    if not path.exists():
        return empty
    node = _compose(path)
    if not isinstance(node, yaml.MappingNode):
        raise _err(path, node, "expected a mapping with keys version, complements, back_references, riders")
    items = {k.value: (k, v) for k, v in node.value}
    for key in items:
        if key not in _FRAMES_SCHEMA:
            raise _err(path, items[key][0], f"unknown key {key!r} (allowed: {', '.join(_FRAMES_SCHEMA)})")
    for key, (_, required) in _FRAMES_SCHEMA.items():
        if required and key not in items:
            raise _err(path, node, f"missing key {key!r} in the file")
    _convert(path, items["version"][1], int, "version")
    out = dict(empty)
    out["back_references"] = _convert(path, items["back_references"][1], LEX, "back_references")
    for key in _PLAIN_FRAMES_KEYS:
        out[key] = (_convert(path, items[key][1], LEX, key) if key in items else {lang: () for lang in LANGS})
    for key in ("enumerations", "object_modifiers", "document_limits"):
        if key in items:
            out[key] = _convert(path, items[key][1], _FRAMES_SCHEMA[key][0], key)
    for part in ("joint", "word"):  # whole-string patterns, checked here so a bad one is a file:line error
        for lang, pattern in out.get("object_modifiers", {}).get(part, {}).items():
            try:
                re.compile(pattern)
            except re.error as exc:
                raise _err(path, items["object_modifiers"][1], f"object_modifiers.{part}.{lang}: {exc}") from None
    for section, schema in (("complements", _COMPLEMENT_SCHEMA), ("riders", LEX), ("illustrations", LEX)):
        if section not in items:
            continue  # illustrations are optional
        value = items[section][1]
        if not isinstance(value, yaml.MappingNode):
            raise _err(path, value, f"{section}: expected a mapping of classes")
        classes: dict[str, Any] = {}
        for k, v in value.value:
            where = f"{section}.{k.value}"
            if section != "complements":
                classes[k.value] = _convert(path, v, LEX, where)
                continue
            data = _convert(path, v, schema, where)
            lex = _convert(path, v, {**{lang: ([str], False) for lang in LANGS}, "polarity": ([str], False),
                                     "packs": ([str], False), "requirements": ([str], False)}, where)
            # packs: the rule packs whose undertakings the class is harmless in (absent: every pack's). A pack's own
            # vocabulary ("entrusted" for PIPL Art. 21) may narrow another pack's undertaking ("user data entrusted
            # to it" is less than all user data): it accounts for words only when that pack is read
            classes[k.value] = {**{lang: tuple(lex.get(lang) or ()) for lang in LANGS},
                                "polarity": tuple(data.get("polarity") or ("positive", "negative")),
                                "packs": tuple(data.get("packs") or ()),
                                "requirements": tuple(data.get("requirements") or ())}
            items_by_lang = {kk.value: vv for kk, vv in v.value}
            for lang in LANGS:
                for i, phrase in enumerate(classes[k.value][lang]):
                    _check_phrase(path, items_by_lang[lang].value[i], phrase, f"{where}.{lang}")
        out[section] = classes
    return out


def library_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """Where the library is read from (argument, $CLICCHECK_LIBRARY, built-in)."""
    if path is not None:
        return Path(path)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return data_dir("clause_library")


_CACHE: dict[tuple[Any, ...], Library] = {}


def load_library(path: str | os.PathLike[str] | None = None) -> Library:
    """Load and validate the clause library (cached until a file changes)."""
    root = library_dir(path)
    if not root.is_dir():
        raise ConfigError(f"{root}: clause library directory not found")
    files = sorted(root.glob("CSR*.yaml"))
    common = root / "common.yaml"
    frames = root / "frames.yaml"
    try:
        key = (str(root.resolve()), *((str(p), p.stat().st_mtime_ns) for p in [common, *files]),
               frames.stat().st_mtime_ns if frames.exists() else 0)
    except OSError:
        raise ConfigError(f"{common}: missing shared lexicon file common.yaml") from None
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    common_data = _convert(common, _compose(common), _COMMON_SCHEMA, "")
    for optional in ("topics", "supply_grounds", "scope_limits", "global_overrides"):  # optional: older libraries lack them
        common_data.setdefault(optional, {lang: () for lang in LANGS})
    for optional in ("fields", "line_heads", *DOCUMENT_WORDS):
        common_data["roles"].setdefault(optional, {lang: () for lang in LANGS})
    if not files:
        raise ConfigError(f"{root}: no requirement files (CSR01.yaml ...)")
    requirements = tuple(_load_requirement(p) for p in files)
    lib = Library(path=str(root), common=common_data, requirements=requirements, key=key,
                  frames=_load_frames(frames))
    _CACHE.clear()
    _CACHE[key] = lib
    return lib
