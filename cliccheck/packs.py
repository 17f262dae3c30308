"""Rule packs: which sets of requirements a contract is checked against.

A pack is a folder of data, never code: a manifest ``pack.yaml`` (id, titles, legal basis with its status,
the rule-id prefix, the requirement files, an optional precondition) and requirement files in the schema of
``clause_library/CSR01.yaml``. The built-in packs are ``csr`` (the Art. 6 undertakings: the manifest of the
``clause_library/`` folder itself) and the folders under ``clause_library/packs/``; any other entry of
``packs = [...]`` is a folder path (an operator's own playbook).

Loading is strict, as for the library: an unknown key, a wrong type, a file outside the pack folder, a rule id
outside the pack's prefix or a regular expression that could backtrack for ever is a ``ConfigError`` naming
``file:line``. All packs share the library's ``common.yaml`` and ``frames.yaml`` (party words, modals, the
fail-closed frame vocabulary), so a playbook's rule is read by the same engine as the law's.

A precondition says when a pack applies at all (``pipl21`` only to a contract under which the supplier
processes personal information for the operator). A contract without any of its indicators gets
``not_applicable`` with the pack's reason for each of the pack's requirements; fail closed: any indicator, or
any satisfying or contradicting clause the matcher found for the pack, makes the pack apply.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .library import (
    LANGS,
    LEX,
    TEXT,
    Lexicon,
    Library,
    Requirement,
    _compose,
    _convert,
    _err,
    _load_requirement,
    load_library,
)
from .paths import data_dir

MANIFEST = "pack.yaml"
DEFAULT_PACKS = ("csr",)
BUILTIN_ORDER = ("csr", "security-agreement", "pipl21", "network-data")
PACK_ID = re.compile(r"^[a-z][a-z0-9-]{1,39}$")
PREFIX = re.compile(r"^[A-Z][A-Z0-9]{0,11}$")
#: longest regular expression a user pack may use (characters)
MAX_USER_PATTERN = 300
#: most requirement files one pack may list
MAX_REQUIREMENTS = 50

_STATUS = frozenset({"in force", "unconfirmed", "origin", "repealed"})
_BASIS = [{"cite": (str, True), "cite_zh": (str, True), "status": (_STATUS, True),
           "note": (str, False), "note_zh": (str, False)}]
_MANIFEST_SCHEMA: dict[str, Any] = {
    "version": (int, True),
    "id": (str, True),
    "titles": (TEXT, True),
    "rule_prefix": (str, True),
    "legal_basis": (_BASIS, True),
    "requirements": ([str], True),
    "precondition": ({"description": (TEXT, True), "indicators": (LEX, True), "reason": (TEXT, True),
                      "notice": (LEX, False), "notice_text": (TEXT, False), "denials": (LEX, False),
                      "services": (LEX, False), "goods": (LEX, False)}, False),
    "terms": ([{"id": (str, True), "phrases": (LEX, True)}], False),
}
#: a phrase naming one of the pack's terms ("@personal-information"): replaced by the term's phrases
TERM_REF = re.compile(r"^@([a-z][a-z0-9-]{1,39})$")


@dataclass(frozen=True, slots=True)
class Precondition:
    """When a pack applies: any indicator phrase in the contract (read liberally: fail closed)."""

    description: dict[str, str]
    indicators: Lexicon
    #: why the pack does not apply, said to the lawyer (zh/en)
    reason: dict[str, str]
    #: phrases that show clearly that the contract needs this pack: a notice when it is not enabled
    notice: Lexicon = field(default_factory=lambda: {lang: () for lang in LANGS})
    notice_text: dict[str, str] = field(default_factory=dict)
    #: a sentence saying the supplier does NOT touch the topic ("has no access to the Customer's systems or data",
    #: 乙方不接触甲方的信息系统和数据) is no indicator, whatever topic words it holds
    denials: Lexicon = field(default_factory=lambda: {lang: () for lang in LANGS})
    #: words that show the supplier does more than deliver goods (installs, maintains, operates, hosts, supports):
    #: with denials, a pack is not_applicable only in a contract that denies the topic or holds none of these
    services: Lexicon = field(default_factory=lambda: {lang: () for lang in LANGS})
    #: words of a sale of goods (supply, deliver, 供货): the goods-only reading needs one, so an excerpt that only
    #: holds an audit or an assessment clause is not taken for a goods contract
    goods: Lexicon = field(default_factory=lambda: {lang: () for lang in LANGS})


@dataclass(frozen=True, slots=True)
class Pack:
    """One rule pack as loaded from its folder."""

    id: str
    titles: dict[str, str]
    rule_prefix: str
    legal_basis: tuple[dict[str, str], ...]
    requirements: tuple[Requirement, ...]
    path: str
    builtin: bool
    precondition: Precondition | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.requirements)


def builtin_dirs() -> dict[str, Path]:
    """Built-in pack id -> its folder (csr first)."""
    return dict(_builtin_dirs())


@functools.lru_cache(maxsize=1)
def _builtin_dirs() -> dict[str, Path]:
    """Cached: the built-in packs are installed data, and a report asks for them once per message."""
    root = data_dir("clause_library")
    out = {"csr": root}
    extra = root / "packs"
    if extra.is_dir():
        found = {child.name: child for child in extra.iterdir() if (child / MANIFEST).is_file()}
        # the order the lawyer reads them in (and the annex numbers them in), then any others by name
        for name in sorted(found, key=lambda n: (BUILTIN_ORDER.index(n) if n in BUILTIN_ORDER else 99, n)):
            out[name] = found[name]
    return out


def is_path_spec(spec: str) -> bool:
    """``./legal/our-playbook`` or ``/srv/playbook`` names a folder; ``pipl21`` a built-in pack."""
    return "/" in spec or "\\" in spec or spec.startswith(".")


def _inside(folder: Path, name: str, manifest: Path, node: yaml.Node) -> Path:
    """``name`` resolved inside ``folder``; a pack reads no file outside its folder (no ``..``, no absolute
    path, no symbolic link leading out)."""
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts or candidate.suffix != ".yaml":
        raise _err(manifest, node, f"requirement file {name!r} must be a .yaml file inside the pack folder")
    resolved = (folder / candidate).resolve()
    try:
        resolved.relative_to(folder.resolve())
    except ValueError:
        raise _err(manifest, node, f"requirement file {name!r} leads outside the pack folder") from None
    if not resolved.is_file():
        raise _err(manifest, node, f"requirement file {name!r} not found in {folder}")
    return resolved


def _walk(parsed: Any) -> Any:
    """Yield (op, argument) of a parsed pattern, depth first."""
    for op, arg in parsed:
        yield op, arg
        for sub in _children(op, arg):
            yield from _walk(sub)


def _children(op: Any, arg: Any) -> list[Any]:
    from re import _constants as c  # type: ignore[attr-defined]

    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return [arg[2]]
    if op == c.SUBPATTERN:
        return [arg[-1]]
    if op == c.BRANCH:
        return list(arg[1])
    if op in (c.ASSERT, c.ASSERT_NOT):
        return [arg[1]]
    if op == c.GROUPREF_EXISTS:
        return [a for a in arg[1:] if a is not None]
    if op == c.ATOMIC_GROUP:
        return [arg]
    return []


def unsafe_pattern(pattern: str) -> str | None:
    """Why a user pack's regular expression could take exponential time, or None.

    Python's ``re`` cannot be interrupted, so a user pattern must be safe by construction: no back-references,
    no repetition of anything that itself repeats or branches (``(a+)+``, ``(a|ab)*``, ``(\\w+\\s?)*``), and a
    bounded length. Such a pattern matches in time polynomial in the sentence, which the reader bounds.
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    if len(pattern) > MAX_USER_PATTERN:
        return f"longer than {MAX_USER_PATTERN} characters"
    try:
        parsed = _parser.parse(pattern)
    except re.error as exc:
        return f"not a regular expression: {exc}"
    for op, arg in _walk(parsed):
        if op in (c.GROUPREF, c.GROUPREF_EXISTS):
            return "back-references are not allowed"
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[1] > 1:
            for inner, inner_arg in _walk(arg[2]):
                if inner in (c.MAX_REPEAT, c.MIN_REPEAT) and inner_arg[1] > 1:
                    return "a repeated group contains another repetition (catastrophic backtracking)"
                if inner == c.BRANCH:
                    return "a repeated group contains alternatives (catastrophic backtracking)"
    return None


def _user_phrase_check(path: Path, node: yaml.Node, phrase: str, where: str) -> None:
    if phrase.startswith("re:"):
        why = unsafe_pattern(phrase[3:])
        if why is not None:
            raise _err(path, node, f"{where}: regular expression {phrase[3:]!r} refused: {why}")
    elif len(phrase) > MAX_USER_PATTERN:
        raise _err(path, node, f"{where}: phrase longer than {MAX_USER_PATTERN} characters")


_PACK_CACHE: dict[tuple[Any, ...], Pack] = {}


def _stamp(folder: Path) -> tuple[Any, ...]:
    files = [folder / MANIFEST, *sorted(folder.glob("*.yaml"))]
    return tuple((str(p), p.stat().st_mtime_ns) for p in files if p.is_file())


def load_pack(spec: str, *, base: str | os.PathLike[str] | None = None) -> Pack:
    """Load a built-in pack by id or a playbook folder (relative to ``base``, the config file's folder)."""
    builtins = builtin_dirs()
    if is_path_spec(spec):
        folder = Path(spec) if Path(spec).is_absolute() else Path(base or ".") / spec
        builtin = False
    elif spec in builtins:
        folder, builtin = builtins[spec], True
    else:
        raise ConfigError.of("unknown-pack", pack=repr(spec), known=", ".join(builtins))
    manifest = folder / MANIFEST
    if not folder.is_dir():
        raise ConfigError.of("pack-folder-missing", folder=str(folder))
    if not manifest.is_file():
        raise ConfigError.of("pack-no-manifest", folder=str(folder), manifest=MANIFEST)
    key = (str(folder.resolve()), builtin, _stamp(folder))
    cached = _PACK_CACHE.get(key)
    if cached is not None:
        return cached
    pack = _read_pack(folder, manifest, builtin, builtins)
    _PACK_CACHE[key] = pack
    return pack


def _read_pack(folder: Path, manifest: Path, builtin: bool, builtins: dict[str, Path]) -> Pack:
    node = _compose(manifest)
    data = _convert(manifest, node, _MANIFEST_SCHEMA, "")
    if data["version"] != 1:
        raise _err(manifest, node, f"version {data['version']} is not supported (this cliccheck reads version 1)")
    if not PACK_ID.match(data["id"]):
        raise _err(manifest, node, f"id {data['id']!r}: lower-case letters, digits and hyphens")
    if not builtin and data["id"] in builtins:
        raise _err(manifest, node, f"id {data['id']!r} is a built-in pack's; choose another")
    prefix = data["rule_prefix"]
    if not PREFIX.match(prefix):
        raise _err(manifest, node, f"rule_prefix {prefix!r}: upper-case letters and digits, starting with a letter")
    if not builtin and prefix in _builtin_prefixes(builtins):
        raise _err(manifest, node, f"rule_prefix {prefix!r} belongs to a built-in pack; choose another")
    items = {k.value: v for k, v in node.value}
    names = data["requirements"]
    if not names:
        raise _err(manifest, items["requirements"], "a pack needs at least one requirement file")
    if len(names) > MAX_REQUIREMENTS:
        raise _err(manifest, items["requirements"], f"more than {MAX_REQUIREMENTS} requirement files")
    terms = _terms(manifest, items, data.get("terms") or [], builtin)
    requirements: list[Requirement] = []
    for name, name_node in zip(names, items["requirements"].value, strict=True):
        path = _inside(folder, name, manifest, name_node)
        req = _with_terms(_load_requirement(path, None if builtin else _user_phrase_check), terms, path)
        if not (req.id.startswith(prefix) and req.id[len(prefix):].lstrip("-").isdigit()):
            raise _err(manifest, name_node, f"rule id {req.id} (in {name}) must be {prefix} and a number")
        if any(r.id == req.id for r in requirements):
            raise _err(manifest, name_node, f"rule id {req.id} is listed twice")
        requirements.append(req)
    pre = data.get("precondition")
    precondition = None
    if pre is not None:
        if not builtin:
            for phrases in (*pre["indicators"].values(), *(pre.get("notice") or {}).values(),
                            *(pre.get("denials") or {}).values(), *(pre.get("services") or {}).values(),
                            *(pre.get("goods") or {}).values()):
                for phrase in phrases:
                    _user_phrase_check(manifest, items["precondition"], phrase, "precondition")
        precondition = Precondition(pre["description"], pre["indicators"], pre["reason"],
                                    pre.get("notice") or {lang: () for lang in LANGS}, pre.get("notice_text") or {},
                                    pre.get("denials") or {lang: () for lang in LANGS},
                                    pre.get("services") or {lang: () for lang in LANGS},
                                    pre.get("goods") or {lang: () for lang in LANGS})
    return Pack(id=data["id"], titles=data["titles"], rule_prefix=prefix,
                legal_basis=tuple(data["legal_basis"]), requirements=tuple(requirements),
                path=str(folder), builtin=builtin, precondition=precondition)


def _terms(manifest: Path, items: dict[str, yaml.Node], entries: list[dict[str, Any]], builtin: bool
           ) -> dict[str, Lexicon]:
    """The pack's named phrase sets: one list of the words for a thing ("the personal information": 持卡人信息,
    candidate records…) that several requirements' objects share, kept in one place for the lawyer to review."""
    out: dict[str, Lexicon] = {}
    for entry in entries:
        if not TERM_REF.match("@" + entry["id"]):
            raise _err(manifest, items["terms"], f"term id {entry['id']!r}: lower-case letters, digits and hyphens")
        if entry["id"] in out:
            raise _err(manifest, items["terms"], f"term {entry['id']!r} is defined twice")
        for phrases in entry["phrases"].values():
            for phrase in phrases:
                if TERM_REF.match(phrase):
                    raise _err(manifest, items["terms"], f"term {entry['id']!r}: a term cannot name another ({phrase})")
                if not builtin:
                    _user_phrase_check(manifest, items["terms"], phrase, f"terms.{entry['id']}")
        out[entry["id"]] = entry["phrases"]
    return out


def _with_terms(req: Requirement, terms: dict[str, Lexicon], path: Path) -> Requirement:
    """``req`` with every "@term" phrase of its objects and lexicon replaced by the term's phrases in that language."""
    def expand(lex: Lexicon, where: str) -> Lexicon:
        out: dict[str, tuple[str, ...]] = {}
        for lang, phrases in lex.items():
            words: list[str] = []
            for phrase in phrases:
                ref = TERM_REF.match(phrase)
                if ref is None:
                    words.append(phrase)
                elif ref.group(1) in terms:
                    words.extend(terms[ref.group(1)].get(lang, ()))
                else:
                    lines = path.read_text(encoding="utf-8").splitlines()
                    line = next((i for i, text in enumerate(lines, 1) if phrase in text), 1)
                    raise ConfigError(f"{path}:{line}: {where}.{lang}: {phrase} names no term of the pack's"
                                      f" {MANIFEST} (terms: {', '.join(terms) or 'none'})")
            out[lang] = tuple(dict.fromkeys(words))
        return out

    elements = tuple(replace(e, objects=expand(e.objects, f"elements.{e.id}.objects"),
                             stand_ins=expand(e.stand_ins, f"elements.{e.id}.stand_ins"),
                             anaphors=expand(e.anaphors, f"elements.{e.id}.anaphors"),
                             statements=expand(e.statements, f"elements.{e.id}.statements"),
                             owned=expand(e.owned, f"elements.{e.id}.owned")) for e in req.elements)
    lexicon = {k: expand(v, f"lexicon.{k}") for k, v in req.lexicon.items()}
    return replace(req, elements=elements, lexicon=lexicon)


def _builtin_prefixes(builtins: dict[str, Path]) -> set[str]:
    out = set()
    for folder in builtins.values():
        try:
            node = _compose(folder / MANIFEST)
        except ConfigError:
            continue
        for k, v in getattr(node, "value", ()):
            if k.value == "rule_prefix" and isinstance(v, yaml.ScalarNode):
                out.add(v.value)
    return out


def load_packs(specs: tuple[str, ...] | list[str] = DEFAULT_PACKS, *,
               base: str | os.PathLike[str] | None = None) -> Library:
    """The library a contract is checked against: the shared lexicons and frames, and the requirements of
    the packs in ``specs`` in that order. Two packs with the same id or rule prefix are an error."""
    shared = load_library()
    packs: list[Pack] = []
    for spec in dict.fromkeys(specs):
        pack = load_pack(spec, base=base)
        for other in packs:
            if other.id == pack.id or other.rule_prefix == pack.rule_prefix:
                raise ConfigError.of("pack-clash", pack=pack.id, other=other.id, folder=pack.path)
        packs.append(pack)
    if not packs:
        raise ConfigError.of("no-packs")
    requirements = tuple(r for p in packs for r in p.requirements)
    key = (*shared.key, "packs", *((p.id, p.path, *(r.source for r in p.requirements)) for p in packs))
    return replace(shared, requirements=requirements, key=key, packs=tuple(packs))


def known_rule_ids(specs: tuple[str, ...] | list[str] = (), *, base: str | os.PathLike[str] | None = None
                   ) -> tuple[str, ...]:
    """Rule ids a config may name: every built-in pack's, and those of the packs in ``specs``."""
    out: list[str] = []
    for spec in [*builtin_dirs(), *specs]:
        out.extend(load_pack(spec, base=base).ids)
    return tuple(dict.fromkeys(out))


def pack_of(library: Library, rule_id: str) -> Pack | None:
    return next((p for p in library.packs if rule_id in p.ids), None)


# -- applicability -----------------------------------------------------------------------------------

_RX: dict[tuple[Any, ...], Any] = {}


def _lexicon_hit(lexicon: Lexicon, text: str, cache: tuple[Any, ...]) -> str | None:
    from .roles import phrase_regex

    for lang in LANGS:
        key = (*cache, lang)
        if key not in _RX:
            _RX[key] = phrase_regex(lexicon[lang], lang) if lexicon[lang] else None
        rx = _RX[key]
        hit = rx.search(text) if rx is not None else None
        if hit is not None:
            return hit.group(0)
    return None


def pack_library(library: Library, pack: Pack) -> Library:
    """``library`` with only ``pack``'s requirements: what the matcher reads for that pack."""
    return replace(library, requirements=pack.requirements, packs=(pack,),
                   key=(*library.key, "only", pack.id))


def check_each_pack(doc: Any, library: Library, *, select: Any = None, **options: Any) -> Any:
    """Check ``doc`` against each pack of ``library`` on its own and merge the results in pack order.

    The frame engine counts every requirement's qualifiers as harmless words in any undertaking, so reading
    the packs together would let one pack's vocabulary turn another's weak verdict satisfied (measured: the
    security-agreement qualifiers made a Chinese CSR03 clause pass). Separate readings keep each pack's
    verdicts exactly what that pack alone gives."""
    from .matcher import check_document

    wanted = None if select is None else {s.upper() for s in select}
    if wanted is not None and wanted - set(library.ids):
        raise ConfigError.of("unknown-requirement", rule=", ".join(sorted(wanted - set(library.ids))),
                             known=", ".join(library.ids))
    merged: Any = None
    seen: set[tuple[Any, ...]] = set()
    for pack in library.packs:
        ids = [i for i in pack.ids if wanted is None or i in wanted]
        if not ids and merged is not None:
            continue
        part = check_document(doc, library=pack_library(library, pack), select=ids, **options)
        part.findings = [f for f in part.findings if f.rule != "pack-suggested"]
        if merged is None:
            merged = part
            merged.findings = []
        else:
            merged.requirements.extend(part.requirements)
        for finding in part.findings:  # the document-wide findings (hidden text, obfuscation) come once
            key = (finding.rule, finding.requirement, finding.message)
            if key not in seen:
                seen.add(key)
                merged.findings.append(finding)
    suggest_packs(doc.text, merged, {p.id for p in library.packs})
    return merged


def apply_preconditions(text: str, result: Any, library: Library) -> Any:
    """Mark the requirements of each pack whose precondition the contract lacks ``not_applicable`` (with the
    pack's reason), and add one ``pack-suggested`` note when the contract clearly needs a built-in pack that
    is not enabled. ``result`` is the matcher's CheckResult; it is changed in place and returned."""
    from .verdicts import Reason, RequirementResult, Verdict

    if not library.packs:
        return result
    for pack in library.packs:
        pre = pack.precondition
        if pre is None:
            continue
        own = [r for r in result.requirements if r.id in pack.ids]
        # any clause on the pack's topic (even a weak reading) means the pack applies, whatever the indicators: a
        # wrong not_applicable passes the gate, a wrong "applies" only asks a lawyer to look (fail closed)
        # (a particular stated only in part, "以返厂维修方式进行", is no sign of personal information on its own)
        denied = _denials(pre, text, pack.path, library.common.get("exceptions", {}))
        # (nor the denial itself read as a clause: "乙方…不接触甲方数据，不处理任何个人信息" is no undertaking on the topic)
        found = any(r.verdict != Verdict.MISSING and not (r.verdict == Verdict.WEAK and any(
            x.code == "stated-particular" for x in r.reasons)) and not _only_in(r, denied) for r in own)
        if found or _lexicon_hit(pre.indicators, _without(text, denied), ("ind", pack.path)) is not None:
            continue
        goods_only = any(pre.services.values()) and _lexicon_hit(pre.services, text, ("svc", pack.path)) is None \
            and _lexicon_hit(pre.goods, text, ("goods", pack.path)) is not None
        if any(pre.denials.values()) and not denied and not goods_only:
            # a pack that says how a contract denies the topic is not applicable only when the contract says so
            # ("The Supplier has no access to any personal information") or when the supplier only delivers goods
            # (no service word at all): a list of indicators can never be complete (CCTV footage, residents' faces,
            # trip records were not on it), and a wrong not_applicable passes the gate; a denial with an exception
            # ("has no access to Licensee Data except as described in clause 6") denies nothing
            continue
        for i, res in enumerate(result.requirements):
            if res.id not in pack.ids:
                continue
            reason = Reason("not-applicable", pre.reason["en"])
            subs = {lang: RequirementResult(res.id, res.name, Verdict.NOT_APPLICABLE, pre.reason["en"],
                                            reasons=[reason], language=lang) for lang in res.by_language}
            result.requirements[i] = RequirementResult(res.id, res.name, Verdict.NOT_APPLICABLE, pre.reason["en"],
                                                       reasons=[reason], by_language=subs)
        result.findings = [f for f in result.findings
                           if not (f.rule == "bilingual-mismatch" and f.requirement in pack.ids)]
    return suggest_packs(text, result, {p.id for p in library.packs})


_SENTENCE = re.compile(r"[^。；;.!?！？\n]+[。；;.!?！？\n]?")


def _only_in(result: Any, sentences: list[str]) -> bool:
    """A statement of fact without a modal (the only weakness), every passage of which lies inside one of
    ``sentences``: the denial read as a clause. A right, a hedge or a carve-out there still makes the pack apply."""
    from .matcher.analysis import NO_MODAL
    from .verdicts import Verdict

    if result.verdict != Verdict.WEAK or not sentences or any(
            x.code not in ("element-found", "weakened-by") or (x.code == "weakened-by" and x.detail != NO_MODAL)
            for x in result.reasons):
        return False
    cited = [e.text.strip() for e in result.evidence if e.text.strip()]
    return bool(cited) and all(any(c in d for d in sentences) for c in cited)


def _without(text: str, sentences: list[str]) -> str:
    """The contract without ``sentences`` (the denials of contact with the pack's topic)."""
    if not sentences:
        return text
    drop = set(sentences)
    return "".join(m.group(0) for m in _SENTENCE.finditer(text) if m.group(0) not in drop)


def _denials(pre: Precondition, text: str, path: str, excepting: Lexicon) -> list[str]:
    """The sentences that deny the supplier any contact with the pack's topic, with no exception in them (common.yaml
    ``exceptions``: "has no access to Licensee Data except as described in clause 6" restricts the contact)."""
    if not any(pre.denials.values()):
        return []
    return [m.group(0) for m in _SENTENCE.finditer(text)
            if _lexicon_hit(pre.denials, m.group(0), ("deny", path)) is not None and not _EXCEPTED.search(m.group(0))
            and _lexicon_hit(excepting, m.group(0), ("except", "common")) is None]


#: a Chinese sentence that excepts something from what it denies ("除为履行本合同所必需外，乙方不处理…", "未经甲方同意，
#: 乙方不接触…"): it restricts the supplier's contact, it does not deny it (the English denials carry the same test
#: in their own patterns: "shall not access … except on the Client's documented instructions")
_EXCEPTED = re.compile(r"除[^。；]{0,40}?外|除非|未经|非经")


def suggest_packs(text: str, result: Any, enabled: set[str]) -> Any:
    """One ``pack-suggested`` note when the contract clearly needs a built-in pack that is not enabled."""
    from .verdicts import Finding, Reason, Severity

    suggested: list[tuple[str, str]] = []
    for pack_id in builtin_dirs():
        if pack_id in enabled:
            continue
        pack = load_pack(pack_id)
        pre = pack.precondition
        if pre is None or not any(pre.notice.values()):
            continue
        hit = _lexicon_hit(pre.notice, text, ("notice", pack.path))
        if hit is not None:
            suggested.append((pack_id, hit))
    if suggested:
        ids = ", ".join(p for p, _ in suggested)
        detail = "; ".join(f"{p}: {h}" for p, h in suggested)
        result.findings.append(Finding(
            rule="pack-suggested", severity=Severity.NOTE,
            message=f"This contract appears to need the pack(s) {ids}, which are not enabled (--packs).",
            reasons=[Reason("pack-suggested", detail, None)]))
    return result


def known_requirements() -> tuple[Requirement, ...]:
    """Every requirement a report may name: the built-in packs' and those of the playbooks loaded in this
    process (for titles and not-applicable reasons in the reader's language)."""
    if not _BUILTIN_PACKS:  # once per process: a report asks at every message
        _BUILTIN_PACKS.extend(load_pack(p) for p in builtin_dirs())
    key = tuple(_PACK_CACHE)  # a playbook loaded or edited since adds a key
    if key not in _KNOWN:
        seen: dict[str, Requirement] = {}
        for pack in [*_BUILTIN_PACKS, *_PACK_CACHE.values()]:
            for req in pack.requirements:
                seen.setdefault(req.id, req)
        _KNOWN[key] = tuple(seen.values())
    return _KNOWN[key]


_BUILTIN_PACKS: list[Pack] = []
#: the keys of ``_PACK_CACHE`` -> every requirement those packs and the built-in ones name
_KNOWN: dict[tuple[Any, ...], tuple[Requirement, ...]] = {}


def not_applicable_reason(rule_id: str, lang: str) -> str | None:
    """Why ``rule_id``'s pack does not apply, in ``lang`` (None when no loaded pack has that rule)."""
    for pack in [*_PACK_CACHE.values()]:
        if rule_id in pack.ids and pack.precondition is not None:
            return pack.precondition.reason.get(lang)
    return None


def notice_text(pack_id: str, lang: str) -> str:
    """What a contract that needs ``pack_id`` appears to do, for the ``pack-suggested`` note."""
    try:
        pre = load_pack(pack_id).precondition
    except ConfigError:
        return pack_id
    return (pre.notice_text.get(lang) if pre is not None else None) or pack_id


def pack_specs(library: Library) -> tuple[str, ...]:
    """The ``packs`` setting that loads ``library`` again (built-in ids, playbook folders)."""
    return tuple(p.id if p.builtin else p.path for p in library.packs) or DEFAULT_PACKS
