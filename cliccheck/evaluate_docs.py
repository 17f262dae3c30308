"""Score the whole tool on document cases (fixtures/eval/ format, issue 10).

Each case is a realistic document or excerpt written by an author who never saw
the matcher, with the *set* of verdicts careful lawyers would accept for every
requirement it addresses; every other requirement is expected ``missing``.
A case goes through the real text reader, the matcher and the report builder
with the default configuration, so the document-level gate is measured as a
user meets it (findings such as ``no-supplier-party`` included).

Measures, per language (zh / en / bilingual) and requirement:

* accuracy on the requirements each case addresses (predicted verdict in the label set);
* satisfied recall: of the clearly satisfied undertakings (label set exactly
  ``{satisfied}``), the share predicted ``satisfied``;
* false passes: ``satisfied`` predicted where the label set does not contain it,
  on any requirement, addressed or not — the error a gate cannot afford;
* the gate: a document should pass only when all four requirements accept
  ``satisfied``; a *false gate pass* is a passing document that should fail.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .library import Library, load_library
from .packs import pack_specs

VERDICTS = ("satisfied", "weak", "contradicted", "missing", "not_applicable")
#: verdicts the gate passes
PASSING = frozenset({"satisfied", "not_applicable"})
LANGS = ("zh", "en", "bilingual")


@dataclass(slots=True)
class DocPrediction:
    case: str
    requirement: str
    lang: str
    variant: str
    accepted: frozenset[str]
    predicted: str
    addressed: bool
    message: str = ""

    @property
    def right(self) -> bool:
        return self.predicted in self.accepted

    @property
    def false_pass(self) -> bool:
        return self.predicted in PASSING and self.predicted not in self.accepted and not (self.accepted & PASSING)


@dataclass(slots=True)
class GateOutcome:
    case: str
    lang: str
    expected_pass: bool
    passed: bool


@dataclass(slots=True)
class DocEvalResult:
    predictions: list[DocPrediction] = field(default_factory=list)
    gates: list[GateOutcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def _addressed(self, requirement: str | None = None, lang: str | None = None) -> list[DocPrediction]:
        return [p for p in self.predictions if p.addressed and (requirement is None or p.requirement == requirement)
                and (lang is None or p.lang == lang)]

    def accuracy(self, requirement: str | None = None, lang: str | None = None) -> float | None:
        rows = self._addressed(requirement, lang)
        return sum(p.right for p in rows) / len(rows) if rows else None

    def satisfied_recall(self, requirement: str | None = None, lang: str | None = None) -> float | None:
        rows = [p for p in self._addressed(requirement, lang) if p.accepted == {"satisfied"}]
        return sum(p.predicted == "satisfied" for p in rows) / len(rows) if rows else None

    def false_passes(self, requirement: str | None = None, lang: str | None = None) -> list[DocPrediction]:
        return [p for p in self.predictions if p.false_pass and (requirement is None or p.requirement == requirement)
                and (lang is None or p.lang == lang)]

    @property
    def false_gate_passes(self) -> list[GateOutcome]:
        return [g for g in self.gates if g.passed and not g.expected_pass]

    @property
    def gate_accuracy(self) -> float | None:
        return sum(g.passed == g.expected_pass for g in self.gates) / len(self.gates) if self.gates else None

    def table(self) -> list[dict[str, Any]]:
        """One row per language and requirement, then per language, then overall."""
        rows: list[dict[str, Any]] = []
        reqs = sorted({p.requirement for p in self.predictions})
        langs = [lang for lang in LANGS if any(p.lang == lang for p in self.predictions)]
        for lang in [*langs, None]:
            for req in [*reqs, None]:
                n = len(self._addressed(req, lang))
                if not n:
                    continue
                rows.append({"lang": lang or "all", "requirement": req or "all", "addressed": n,
                             "accuracy": _round(self.accuracy(req, lang)),
                             "satisfied_recall": _round(self.satisfied_recall(req, lang)),
                             "false_passes": len(self.false_passes(req, lang))})
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": len(self.gates),
            "addressed": len(self._addressed()),
            "accuracy": _round(self.accuracy()),
            "satisfied_recall": _round(self.satisfied_recall()),
            "false_passes": [_row(p) for p in self.false_passes()],
            "gate": {"accuracy": _round(self.gate_accuracy), "expected_pass": sum(g.expected_pass for g in self.gates),
                     "passed": sum(g.passed for g in self.gates),
                     "false_passes": [g.case for g in self.false_gate_passes]},
            "table": self.table(),
            "errors": [_row(p) for p in self.predictions if p.addressed and not p.right],
            "load_errors": list(self.errors),
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _row(p: DocPrediction) -> dict[str, Any]:
    return {"case": p.case, "requirement": p.requirement, "lang": p.lang, "accepted": sorted(p.accepted),
            "predicted": p.predicted, "addressed": p.addressed, "message": p.message}


def is_document_corpus(root: Path) -> bool:
    """A folder of YAML case lists (or one such file), as opposed to the contexts/cases clause corpus."""
    if root.is_file():
        return root.suffix in (".yaml", ".yml")
    return not (root / "contexts").is_dir() and any(root.rglob("*.yaml"))


#: what is left of "Huarong Engineering Co., Ltd." when YAML splits a flow list at its comma ("Company", a defined
#: term, is a name a user may well give)
_SPLIT_FORM = re.compile(r"(?i)ltd\.?|limited|inc\.?|llc|plc|gmbh|s\.a\.|corp\.?|pte\.? ltd\.?")


def _labels(case: dict[str, Any], ids: list[str], where: str) -> dict[str, frozenset[str]]:
    raw = case.get("labels") or {}
    if not isinstance(raw, dict):
        raise ConfigError.of("labels-not-mapping", where=where)
    out: dict[str, frozenset[str]] = {}
    for key, value in raw.items():
        rid = str(key).upper()
        if rid not in ids:
            raise ConfigError.of("labels-unknown-requirement", where=where, rule=repr(key))
        values = [value] if isinstance(value, str) else list(value or [])
        bad = [v for v in values if v not in VERDICTS]
        if bad or not values:
            raise ConfigError.of("labels-verdicts", where=where, rule=rid, verdicts=", ".join(VERDICTS))
        out[rid] = frozenset(str(v) for v in values)
    return out


#: libyaml's safe loader where PyYAML was built with it: a tenth of the time on a corpus of thousands of cases
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_cases(root: Path) -> list[tuple[str, dict[str, Any]]]:
    """(file:index, case) for every case under ``root``, in a stable order."""
    files = [root] if root.is_file() else sorted(root.rglob("*.yaml"))
    cases: list[tuple[str, dict[str, Any]]] = []
    for path in files:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or []
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ConfigError.of("corpus-unloadable", file=str(path), detail=str(exc)) from None
        if not isinstance(data, list):
            raise ConfigError.of("corpus-not-list", file=str(path))
        cases.extend((f"{path}:{i + 1}", c) for i, c in enumerate(data) if isinstance(c, dict))
    return cases


def evaluate_documents(root: str | Path, *, library: Library | None = None, select: list[str] | None = None,
                       keep: Callable[[str], bool] | None = None) -> DocEvalResult:
    """Run every document case under ``root`` through reader, matcher and gate.

    ``keep`` (a case id -> bool) runs only a sample of the cases; every case's id, text and labels are still
    checked, so a sample never hides a corpus error."""
    from .config import Config
    from .matcher import check_document
    from .readers import read_document
    from .report.build import build_document_report

    library = library or load_library()
    ids = list(library.ids)
    result = DocEvalResult()
    seen: set[str] = set()
    for where, case in load_cases(Path(root)):
        cid = str(case.get("id") or where)
        if cid in seen:
            result.errors.append(f"{where}: duplicate id {cid}")
            continue
        seen.add(cid)
        text = str(case.get("text") or "")
        lang = str(case.get("lang") or "")
        if not text.strip() or lang not in LANGS:
            result.errors.append(f"{where}: {cid}: needs text and lang ({', '.join(LANGS)})")
            continue
        labels = _labels(case, ids, f"{where}: {cid}")
        aliases = case.get("supplier_alias") or []
        aliases = [aliases] if isinstance(aliases, str) else [str(a) for a in aliases]
        split = [a for a in aliases if _SPLIT_FORM.fullmatch(a.strip())]
        if split:
            # YAML reads [Huarong Engineering Co., Ltd.] as two names; scoring it would misstate the supplier
            raise ConfigError.of("alias-split", where=f"{where}: {cid}", alias=repr(split[0]))
        if keep is not None and not keep(cid):
            continue
        paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
        data = ("\n\n".join(paragraphs) + "\n").encode("utf-8")
        doc = read_document(data, filename=f"{cid}.txt")
        checked = check_document(doc, supplier_aliases=aliases, library=library)
        config = Config(supplier_aliases=tuple(aliases), packs=pack_specs(library))
        report = build_document_report(doc, checked, config, path=f"{cid}.txt")
        variant = str(case.get("variant") or "n/a")
        for req in checked.requirements:
            if select and req.id not in select:
                continue
            accepted = labels.get(req.id, frozenset({"missing"}))
            result.predictions.append(DocPrediction(cid, req.id, lang, variant, accepted, str(req.verdict),
                                                    addressed=req.id in labels, message=req.message))
        expected_pass = all(labels.get(r, frozenset({"missing"})) & PASSING for r in ids)
        result.gates.append(GateOutcome(cid, lang, expected_pass, report.passed))
    return result


def format_doc_text(result: DocEvalResult, show_errors: bool = False, lang: str = "en") -> str:
    """The per-language, per-requirement table a reviewer reads, then every false pass, in ``lang`` (codes,
    case ids and verdicts as they are)."""
    from .i18n import t
    from .report.wrap import text_width

    def pct(x: float | None) -> str:
        return "   —  " if x is None else f"{x:6.3f}"

    def col(key: str, width: int, right: bool = True) -> str:  # padded by display cells (CJK takes two)
        word = t(f"eval.docs.{key}", lang)
        pad = " " * max(0, width - text_width(word))
        return pad + word if right else word + pad

    lines = [col("lang", 10, False) + col("req", 7, False) + col("addressed", 10) + col("accuracy", 10)
             + col("sat-recall", 12) + col("false-pass-column", 12)]
    every = t("eval.docs.all", lang)
    for row in result.table():
        version, rule = (every if row[k] == "all" else row[k] for k in ("lang", "requirement"))
        lines.append(version + " " * max(0, 10 - text_width(version)) + rule + " " * max(0, 7 - text_width(rule))
                     + f"{row['addressed']:>10}{pct(row['accuracy']):>10}"
                     f"{pct(row['satisfied_recall']):>12}{row['false_passes']:>12}")
    gates = result.gates
    lines.append("")
    lines.append(t("eval.docs.gates", lang, documents=len(gates), right=pct(result.gate_accuracy).strip(),
                   should=sum(g.expected_pass for g in gates), passed=sum(g.passed for g in gates),
                   false=len(result.false_gate_passes)))
    by_variant: dict[str, list[DocPrediction]] = defaultdict(list)
    for p in result.predictions:
        if p.addressed:
            by_variant[p.variant].append(p)
    if len(by_variant) > 1:
        lines.append(t("eval.docs.by-variant", lang) + "   ".join(
            f"{v} {sum(p.right for p in rows) / len(rows):.3f} ({len(rows)})" for v, rows in sorted(by_variant.items())))
    fps = result.false_passes()
    lines.append(t("eval.false-passes", lang, n=len(fps)))
    for p in fps:
        lines.append(t("eval.docs.false-pass", lang, case=p.case, rule=p.requirement,
                       accepted="/".join(sorted(p.accepted)), predicted=p.predicted,
                       note="" if p.addressed else t("eval.docs.not-addressed", lang)))
    for g in result.false_gate_passes:
        lines.append(t("eval.docs.false-gate-pass", lang, case=g.case))
    if show_errors:
        for p in result.predictions:
            if p.addressed and not p.right:
                lines.append(t("eval.docs.wrong", lang, case=p.case, rule=p.requirement,
                               accepted="/".join(sorted(p.accepted)), predicted=p.predicted, message=p.message))
    for err in result.errors:
        lines.append(t("eval.error", lang, error=err))
    return "\n".join(lines)
