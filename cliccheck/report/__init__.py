"""Reports: the model (:mod:`.model`) and one module per output format.

:data:`FORMATS` is the single table of formats: the CLI's ``--format`` choice
is built from it and :func:`render` dispatches through it, importing only the
module it needs. Each format module exposes ``render(report, **options) -> str``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Report

#: name -> (module in this package, machine-readable?, one-line description)
FORMATS: dict[str, tuple[str, bool, str]] = {
    "text": ("text", False, "for people: grouped by document, evidence quoted (default)"),
    "json": ("json_format", True, "one JSON object, schema_version 1 (cliccheck/report.schema.json)"),
    "sarif": ("sarif", True, "SARIF 2.1.0 for code-scanning dashboards"),
    "junit": ("junit", True, "JUnit XML: a testsuite per document, a testcase per requirement"),
    "github": ("github", True, "GitHub Actions workflow annotations (::error file=...::)"),
    "html": ("html", False, "one self-contained HTML page for lawyers"),
}


def render(report: Report, fmt: str, **options: Any) -> str:
    """Render ``report`` in format ``fmt``; options a format does not use are ignored."""
    try:
        module_name = FORMATS[fmt][0]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    module = importlib.import_module(f"{__name__}.{module_name}")
    return module.render(report, **options)
