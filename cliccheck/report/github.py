"""GitHub Actions workflow annotations: ``::error file=…,title=CSR04 …::message``.

Escaping follows the runner's rules: in the message ``%``, CR and LF are
percent-encoded; in property values ``:`` and ``,`` are too, so a file or a
party name can never end a property or start a new command. A waived finding
becomes a ``::notice`` that names the waiver; findings below the document's
``fail-on`` level keep their own level (warning/notice).
"""

from __future__ import annotations

from ..i18n import t
from .model import Report
from .sarif import line_of, relative_path
from .text import report_lang, summary_line
from .wrap import clean

_COMMANDS = {"error": "error", "warning": "warning", "note": "notice", "none": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _where(evidence, lang: str) -> str:  # type: ignore[no-untyped-def]
    """Where the quoted evidence stands, in the report's language; the tool's ¶ counter is kept (a machine
    format), and the file's line is the annotation's own ``line``."""
    if not evidence:
        return ""
    ev = evidence[0]
    parts = [t("ci.page", lang, page=ev.page) if ev.page is not None else "",
             t("ci.section", lang, section=ev.section) if ev.section else "",
             t("ci.paragraph", lang, paragraph=ev.paragraph) if ev.paragraph is not None else ""]
    where = t("ci.where_sep", lang).join(p for p in parts if p)
    quote = " ".join(clean(ev.text).split())
    if len(quote) > 200:
        quote = quote[:199] + "…"
    if lang == "zh":
        return f"（{where}）：“{quote}”" if where else f"：“{quote}”"
    return f" ({where}): “{quote}”" if where else f": “{quote}”"


def waiver_text(waived, lang: str, key: str = "ci.waived") -> str:  # type: ignore[no-untyped-def]
    """"[waived by NAME until DATE: REASON]" in the report's language (GitHub and JUnit)."""
    until = t("ci.until", lang, date=waived.expires) if getattr(waived, "expires", None) else ""
    return t(key, lang, approver=waived.approved_by, until=until, reason=waived.reason)


def _controls(text: str) -> str:
    """Drop control characters other than newlines (which escape_data encodes)."""
    return "".join(ch for ch in text if ch in "\r\n" or (ch >= " " and ch != "\x7f"))


def render(report: Report, **_: object) -> str:
    lines: list[str] = []
    for doc in report.documents:
        lang = doc.ui_lang
        for issue in doc.issues():
            command = "notice" if issue.waived is not None else _COMMANDS.get(issue.severity, "warning")
            said = issue.localized_message or issue.message
            if issue.kind == "read-error":
                title = t("ci.cannot_read", lang, code=issue.name)
                message = said + t("ci.never_passes", lang) if lang == "zh" else f"{said}. {t('ci.never_passes', lang)}"
            elif issue.kind == "requirement":
                title = f"{issue.rule} {issue.name}"
                # the verdict is a code (as the title's rule id): English, so a workflow can grep it
                message = f"{issue.verdict}: {said}{_where(issue.evidence, lang)}"
            else:
                title = issue.rule
                message = f"{said}{_where(issue.evidence, lang)}"
            if issue.waived is not None:
                message = waiver_text(issue.waived, lang) + ("" if lang == "zh" else " ") + message
            line = line_of(doc, issue.evidence[0]) if issue.evidence else None
            props = f"file={escape_property(clean(relative_path(doc.path)))}" + (f",line={line}" if line else "") + \
                f",title={escape_property(clean(title))}"
            lines.append(f"::{command} {props}::{escape_data(_controls(message))}")
    lang = report_lang(report)
    lines.append(t("ci.summary", lang, summary=summary_line(report, lang)))
    return "\n".join(lines) + "\n"
