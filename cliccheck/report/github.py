"""GitHub Actions workflow annotations: ``::error file=…,title=CSR04 …::message``.

Escaping follows the runner's rules: in the message ``%``, CR and LF are
percent-encoded; in property values ``:`` and ``,`` are too, so a file or a
party name can never end a property or start a new command. A waived finding
becomes a ``::notice`` that names the waiver; findings below the document's
``fail-on`` level keep their own level (warning/notice).
"""

from __future__ import annotations

from .model import Report
from .sarif import line_of, relative_path
from .wrap import clean

_COMMANDS = {"error": "error", "warning": "warning", "note": "notice", "none": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _where(evidence) -> str:  # type: ignore[no-untyped-def]
    if not evidence:
        return ""
    ev = evidence[0]
    parts = [f"page {ev.page}" if ev.page is not None else "", f"§{ev.section}" if ev.section else "",
             f"¶{ev.paragraph}" if ev.paragraph is not None else ""]
    where = " ".join(p for p in parts if p)
    quote = " ".join(clean(ev.text).split())
    if len(quote) > 200:
        quote = quote[:199] + "…"
    return f" ({where}): “{quote}”" if where else f": “{quote}”"


def _controls(text: str) -> str:
    """Drop control characters other than newlines (which escape_data encodes)."""
    return "".join(ch for ch in text if ch in "\r\n" or (ch >= " " and ch != "\x7f"))


def render(report: Report, **_: object) -> str:
    lines: list[str] = []
    for doc in report.documents:
        for issue in doc.issues():
            command = "notice" if issue.waived is not None else _COMMANDS.get(issue.severity, "warning")
            if issue.kind == "read-error":
                title = f"cliccheck: cannot read ({issue.name})"
                message = f"{issue.message}. A document that cannot be read never passes."
            elif issue.kind == "requirement":
                title = f"{issue.rule} {issue.name}"
                message = f"{issue.verdict}: {issue.localized_message or issue.message}{_where(issue.evidence)}"
            else:
                title = issue.rule
                message = f"{issue.localized_message or issue.message}{_where(issue.evidence)}"
            if issue.waived is not None:
                w = issue.waived
                message = f"[waived by {w.approved_by}" + (f" until {w.expires}" if w.expires else "") + \
                    f": {w.reason}] {message}"
            line = line_of(doc, issue.evidence[0]) if issue.evidence else None
            props = f"file={escape_property(clean(relative_path(doc.path)))}" + (f",line={line}" if line else "") + \
                f",title={escape_property(clean(title))}"
            lines.append(f"::{command} {props}::{escape_data(_controls(message))}")
    s = report.summary()
    lines.append(f"cliccheck: {s['documents']} documents, {s['passed']} passed, {s['failed']} failed, "
                 f"{s['unreadable']} unreadable")
    return "\n".join(lines) + "\n"
