"""Every human-facing string of the audit, in the user's language, from ``messages/ui.yaml`` (``audit.*``).

Machine identifiers (register columns, CSV/JSON keys, error codes) are not here: they are an interface and
never translated. :func:`for_lang` gives the same names this module has always exported (``COLUMN_LABELS``,
``DASHBOARD`` …) in one language; the module's own constants are the English, for callers that want it.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

from ..i18n import catalogue, t

_VERDICTS = ("satisfied", "weak", "contradicted", "missing", "not_applicable", "not-read")
_COLUMNS = ("path", "size", "sha256", "format", "pages", "ocr", "language", "supplier", "status", "passed",
            "worst_severity", "error_code", "error_message", "tool_version", "library_hash", "checked_at",
            "seconds", "requirement", "verdict", "severity", "page", "section", "first_words", "waived_by",
            "waiver_reason", "documents", "failing", "unreadable", "score", "run", "before", "after",
            "business_unit")
_SHEETS = ("summary", "documents", "requirements", "suppliers", "units", "fix_first", "changes")
_DASHBOARD = ("subtitle", "totals", "passing", "failing", "unreadable", "by_requirement", "by_supplier", "by_unit",
              "fix_first", "fix_first_note", "changes", "no_previous", "change_row", "changed_documents",
              "new_documents", "none", "runs", "run_documents", "no_data")


@functools.cache
def for_lang(lang: str) -> SimpleNamespace:
    """The audit's words in ``lang`` (zh or en); format strings stay unformatted (``{rows}``, ``{count}``)."""
    requirements = {key.split(".", 2)[2]: t(key, lang) for key in catalogue() if key.startswith("audit.requirement.")}
    return SimpleNamespace(
        lang=lang,
        VERDICT_LABELS={v: t(f"audit.verdict.{v}", lang) for v in _VERDICTS},
        REQUIREMENT_LABELS=requirements,
        COLUMN_LABELS={c: t(f"audit.column.{c}", lang) for c in _COLUMNS},
        SHEETS={s: t(f"audit.sheet.{s}", lang) for s in _SHEETS},
        TITLE=t("audit.title", lang),
        NO_SUPPLIER=t("audit.no_supplier", lang),
        NO_UNIT=t("audit.no_unit", lang),
        TRUNCATED=t("audit.truncated", lang),
        DASHBOARD={d: t(f"audit.dashboard.{d}", lang) for d in _DASHBOARD},
        PROGRESS={p: t(f"audit.progress.{p}", lang) for p in ("unit", "desc", "postfix")},
        SUMMARY_LINE=t("audit.summary", lang),
        WROTE=t("audit.wrote", lang),
        RUN_STATUS={r: t(f"audit.run.{r}", lang) for r in ("running", "complete", "interrupted")},
    )


def __getattr__(name: str) -> object:
    """``strings.COLUMN_LABELS`` and the other old names: the English."""
    english = for_lang("en")
    if hasattr(english, name):
        return getattr(english, name)
    raise AttributeError(name)
