"""Score the matcher on a labelled clause corpus (fixtures/clauses/ format).

Each case is placed in its context contract (``contexts/<id>.yaml``: ``before``
paragraphs, the case ``text`` split on blank lines, ``after`` paragraphs, all
separated by blank lines), read through the real text reader and checked with
:func:`cliccheck.matcher.check_document`. The case's ``requirement`` is
labelled ``verdict``, any requirement in ``also`` with its own label, and
every other requirement ``missing``.

A *false pass* is a predicted ``satisfied`` or ``not_applicable`` (the verdicts the gate passes) where the
label is a failing verdict: the one error a lawyer cannot afford. A case labelled ``not_applicable`` labels
the other requirements of its pack ``not_applicable`` too (a precondition is the pack's, not one rule's).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .library import Library, load_library

VERDICTS = ("satisfied", "weak", "contradicted", "missing", "not_applicable")
#: verdicts the gate passes: predicting one where the label is another verdict is a false pass
PASSING = frozenset({"satisfied", "not_applicable"})


@dataclass(slots=True)
class Prediction:
    case: str
    requirement: str
    lang: str
    label: str
    predicted: str
    message: str = ""
    target: bool = False  # the case's own requirement (not one it leaves missing or decides via `also`)


@dataclass(slots=True)
class EvalResult:
    predictions: list[Prediction] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        if not self.predictions:
            return 0.0
        return sum(p.label == p.predicted for p in self.predictions) / len(self.predictions)

    @property
    def target_accuracy(self) -> float:
        """Accuracy on each case's own requirement only (its ``requirement`` label)."""
        own = [p for p in self.predictions if p.target]
        return sum(p.label == p.predicted for p in own) / len(own) if own else 0.0

    @property
    def false_passes(self) -> list[Prediction]:
        return [p for p in self.predictions if p.predicted in PASSING and p.label not in PASSING]

    def confusion(self, requirement: str | None = None, lang: str | None = None) -> dict[str, Counter[str]]:
        matrix: dict[str, Counter[str]] = {v: Counter() for v in VERDICTS}
        for p in self.predictions:
            if (requirement is None or p.requirement == requirement) and (lang is None or p.lang == lang):
                matrix[p.label][p.predicted] += 1
        return matrix

    def prf(self, verdict: str = "contradicted") -> tuple[float, float, float]:
        tp = sum(p.label == verdict and p.predicted == verdict for p in self.predictions)
        fp = sum(p.label != verdict and p.predicted == verdict for p in self.predictions)
        fn = sum(p.label == verdict and p.predicted != verdict for p in self.predictions)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def to_dict(self) -> dict[str, Any]:
        reqs = sorted({p.requirement for p in self.predictions})
        langs = sorted({p.lang for p in self.predictions})
        p, r, f = self.prf()
        return {
            "cases": len({x.case for x in self.predictions}),
            "predictions": len(self.predictions),
            "accuracy": round(self.accuracy, 4),
            "target_accuracy": round(self.target_accuracy, 4),
            "contradiction": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
            "false_passes": [{"case": x.case, "requirement": x.requirement, "label": x.label,
                              "predicted": x.predicted} for x in self.false_passes],
            "confusion": {f"{q}-{lang}": {k: dict(v) for k, v in self.confusion(q, lang).items()}
                          for q in reqs for lang in langs},
            "errors": [{"case": x.case, "requirement": x.requirement, "label": x.label, "predicted": x.predicted,
                        "message": x.message} for x in self.predictions if x.label != x.predicted],
            "load_errors": list(self.errors),
        }


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError.of("corpus-unloadable", file=str(path), detail=str(exc)) from None


def build_document_text(context: dict[str, Any], text: str) -> str:
    """The case contract: before + case paragraphs + after, separated by blank lines."""
    paragraphs = [p.strip() for p in context.get("before", [])]
    paragraphs += [p.strip() for p in text.split("\n\n") if p.strip()]
    paragraphs += [p.strip() for p in context.get("after", [])]
    return "\n\n".join(paragraphs) + "\n"


def load_corpus(root: Path) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    if not (root / "cases").is_dir() or not (root / "contexts").is_dir():
        raise ConfigError.of("not-a-clause-corpus", file=str(root))
    contexts = {}
    for path in sorted((root / "contexts").glob("*.yaml")):
        data = _load_yaml(path)
        if isinstance(data, dict) and "id" in data:
            contexts[data["id"]] = data
    cases: list[dict[str, Any]] = []
    for path in sorted((root / "cases").glob("*.yaml")):
        data = _load_yaml(path) or []
        if not isinstance(data, list):
            raise ConfigError.of("corpus-not-list", file=str(path))
        cases.extend(c for c in data if isinstance(c, dict))
    return contexts, cases


def evaluate(root: str | Path, *, library: Library | None = None, select: list[str] | None = None) -> EvalResult:
    """Run every case of the corpus at ``root``."""
    from .matcher import check_document
    from .readers import read_document

    library = library or load_library()
    contexts, cases = load_corpus(Path(root))
    result = EvalResult()
    for case in cases:
        cid = str(case.get("id"))
        context = contexts.get(case.get("context"))
        if context is None:
            result.errors.append(f"{cid}: unknown context {case.get('context')!r}")
            continue
        data = build_document_text(context, str(case.get("text", ""))).encode("utf-8")
        doc = read_document(data, filename="case.txt")
        aliases = case.get("supplier_alias") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        checked = check_document(doc, supplier_aliases=aliases, library=library)
        labels = {rid: "missing" for rid in library.ids}
        if str(case.get("verdict")) == "not_applicable":
            from .packs import pack_of

            pack = pack_of(library, str(case.get("requirement")).upper())
            labels.update({rid: "not_applicable" for rid in (pack.ids if pack else ())})
        labels.update({str(k).upper(): str(v) for k, v in (case.get("also") or {}).items()})
        labels[str(case.get("requirement")).upper()] = str(case.get("verdict"))
        for req in checked.requirements:
            if select and req.id not in select:
                continue
            if req.id not in labels:
                continue
            result.predictions.append(Prediction(cid, req.id, str(context.get("lang")), labels[req.id],
                                                 str(req.verdict), req.message,
                                                 target=req.id == str(case.get("requirement")).upper()))
    return result


def format_text(result: EvalResult, lang: str = "en", show_errors: bool = False) -> str:
    """The confusion matrices, the accuracies and every false pass, in ``lang`` (codes and case ids as they are);
    with ``show_errors`` every wrong prediction too."""
    from .i18n import t
    from .report.wrap import text_width

    def right(text: str, width: int) -> str:  # aligned by display cells: a Chinese character takes two
        return " " * max(0, width - text_width(text)) + text

    def left(text: str, width: int) -> str:
        return text + " " * max(0, width - text_width(text))

    ui = lang
    lines: list[str] = []
    reqs = sorted({p.requirement for p in result.predictions})
    langs = sorted({p.lang for p in result.predictions})
    short = {v: t(f"eval.short.{v}", ui) for v in ("satisfied", "weak", "contradicted", "missing", "not_applicable")}
    for q in reqs:
        for lang in langs:
            matrix = result.confusion(q, lang)
            total = sum(sum(c.values()) for c in matrix.values())
            if not total:
                continue
            correct = sum(matrix[v][v] for v in VERDICTS)
            shown = [v for v in VERDICTS if v != "not_applicable" or sum(matrix[v].values())
                     or any(matrix[k][v] for k in VERDICTS)]  # the csr table keeps its four columns
            lines.append(t("eval.matrix.head", ui, rule=q, version=lang, right=correct, total=total,
                           ratio=f"{correct / total:.3f}"))
            lines.append("            " + "".join(right(short[v], 8) for v in shown))
            for label in shown:
                lines.append(f"  {left(short[label], 10)}" + "".join(f"{matrix[label][v]:>8}" for v in shown))
            lines.append("")
    p, r, f = result.prf()
    lines.append(t("eval.cases", ui, cases=len({x.case for x in result.predictions}),
                   predictions=len(result.predictions)))
    own = [x for x in result.predictions if x.target]
    lines.append(t("eval.accuracy", ui, accuracy=f"{result.accuracy:.4f}", n=len(result.predictions)))
    lines.append(t("eval.target-accuracy", ui, accuracy=f"{result.target_accuracy:.4f}", n=len(own)))
    lines.append(t("eval.contradictions", ui, p=f"{p:.3f}", r=f"{r:.3f}", f=f"{f:.3f}"))
    fps = result.false_passes
    lines.append(t("eval.false-passes", ui, n=len(fps)))
    for x in fps:
        lines.append(t("eval.false-pass", ui, case=x.case, rule=x.requirement, label=x.label, predicted=x.predicted))
    for err in result.errors:
        lines.append(t("eval.error", ui, error=err))
    if show_errors:
        lines += [t("eval.wrong", ui, case=x.case, rule=x.requirement, label=x.label, predicted=x.predicted,
                    message=x.message) for x in result.predictions if x.label != x.predicted]
    return "\n".join(lines)
