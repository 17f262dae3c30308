"""``lint --statistics``: how many documents got each verdict on each requirement, and the other findings.

For an integrator looking at a folder of drafts (like ``ruff --statistics``): which undertaking is most
often missing. Counts only, in the user's language; the codes (CSR01, missing) stay as they are.
"""

from __future__ import annotations

from collections import Counter

from ..i18n import catalogue, t
from .messages import not_a_contract
from .model import Report
from .text import report_lang
from .wrap import text_width

VERDICTS = ("satisfied", "weak", "contradicted", "missing")


def counts(report: Report) -> tuple[dict[str, Counter[str]], Counter[str], int]:
    """Requirement id -> verdict counts; finding rule -> count; unreadable documents. A file that is no
    contract counts under its finding only, as the text report shows it."""
    per_requirement: dict[str, Counter[str]] = {}
    findings: Counter[str] = Counter()
    unreadable = 0
    for doc in report.documents:
        if doc.status != "ok":
            unreadable += 1
            continue
        for req in [] if not_a_contract(doc) else doc.requirements:  # a README is no missing undertaking
            per_requirement.setdefault(req.id, Counter())[req.verdict] += 1
        for finding in doc.findings:
            findings[finding.rule] += 1
    return per_requirement, findings, unreadable


def render(report: Report, *, ui_lang: str | None = None, **_: object) -> str:
    lang = ui_lang if ui_lang in ("zh", "en") else report_lang(report)
    per_requirement, findings, unreadable = counts(report)
    heads = [t(f"verdict.{v}", lang) for v in VERDICTS]
    width = max(8, *(text_width(h) + 2 for h in heads))
    header = t("stats.header", lang)
    lines = [t("stats.title", lang, total=len(report.documents)),
             header + " " * max(12 - text_width(header), 1) + "".join(" " * (width - text_width(h)) + h
                                                                      for h in heads)]
    for rule_id in sorted(per_requirement):
        row = per_requirement[rule_id]
        lines.append(f"{rule_id:<12}" + "".join(str(row[v]).rjust(width) for v in VERDICTS))
    if findings:
        lines.append(t("stats.findings", lang))
        # the code (what --select/--ignore take), and in Chinese what it means
        named = [(t("stats.finding", lang, rule=rule, title=t(f"rule.{rule}", lang))
                  if lang == "zh" and f"rule.{rule}" in catalogue() else rule, n) for rule, n in findings.most_common()]
        column = max(28, *(text_width(name) + 2 for name, _ in named))
        lines += ["  " + name + " " * (column - text_width(name)) + f"{n:>5}" for name, n in named]
    if unreadable:
        lines.append(t("stats.unreadable", lang, n=unreadable))
    return "\n".join(lines) + "\n"
