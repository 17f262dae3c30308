"""The default, human format: one block per document, one line per requirement.

Written for a lawyer who never saw the tool: a status mark, the requirement,
where in the contract the deciding words are (page, clause, paragraph), what
was concluded, and the contract's own words quoted below with the deciding
words highlighted (bold on a colour terminal, «between guillemets» otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.chars import visible
from ..termsafe import escape_name
from ..verdicts import Evidence
from .model import DocumentReport, Report
from .wrap import Styled, clean, text_width, wrap_styled, wrap_text

MARKS = {"none": "✔", "note": "·", "warning": "!", "error": "✖"}
LANGUAGES = {"zh": "Chinese", "en": "English", "mixed": "Chinese and English", "none": "no text"}
ROLE_LABELS = {
    "undertaking": "",
    "contradiction": "contradicting clause: ",
    "weakener": "weakening words: ",
    "partial": "partial undertaking: ",
    "near-miss": "closest wording found (not sufficient): ",
    "excluded": "hidden/deleted text: ",
}
MAX_QUOTE = 420  # characters of one evidence quote; longer ones are cut around the highlight

_ANSI = re.compile(r"\033\[[0-9;]*m")
_RESET = "\033[0m"
_STYLES = {"error": "\033[1;31m", "warning": "\033[1;33m", "note": "\033[36m", "none": "\033[32m",
           "dim": "\033[2m", "bold": "\033[1m", "hl": "\033[1;4m"}


class _Painter:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.color and text else text


def location(evidence: Sequence[Evidence]) -> str:
    """``p3 §9.4 ¶31`` for the first evidence span, or ``""``."""
    if not evidence:
        return ""
    ev = evidence[0]
    parts = []
    if ev.page is not None:
        parts.append(f"p{ev.page}")
    if ev.section:
        parts.append(ev.section if ev.section.startswith("第") else f"§{ev.section}")
    if ev.paragraph is not None:
        parts.append(f"¶{ev.paragraph}")
    return " ".join(parts)


def merge_highlights(text: str, highlights: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, clipped highlight spans; neighbours split only by spaces are joined
    ("«shall» «not»" reads better as "«shall not»")."""
    spans: list[tuple[int, int]] = []
    for a, b in sorted((max(0, a), min(len(text), b)) for a, b in highlights if b > a):
        if spans and (a <= spans[-1][1] or not text[spans[-1][1]:a].strip()):
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return spans


def _quote_chars(ev: Evidence, color: bool) -> Styled:
    """The quote as styled characters, cut around the first highlight when long."""
    text = clean(ev.text)
    spans = merge_highlights(text, ev.highlights)
    lo, hi = 0, len(text)
    if len(text) > MAX_QUOTE:
        centre = spans[0][0] if spans else 0
        lo = max(0, min(centre - MAX_QUOTE // 3, len(text) - MAX_QUOTE))
        hi = lo + MAX_QUOTE
    marked = [False] * len(text)
    for a, b in spans:
        for i in range(a, b):
            marked[i] = True
    chars: Styled = []
    if lo > 0:
        chars.append(("…", False))
    prev = False
    for i in range(lo, hi):
        if not color and marked[i] != prev:
            chars.append(("«" if marked[i] else "»", False))
        chars.append((text[i], marked[i]))
        prev = marked[i]
    if not color and prev:
        chars.append(("»", False))
    if hi < len(text):
        chars.append(("…", False))
    return [("“", False), *chars, ("”", False)]


def _emit_wrapped(out: list[str], chars: Styled, indent: int, width: int, paint: _Painter,
                  style: str | None = None, first_prefix: str = "", hang: int | None = None) -> None:
    """Wrap ``chars`` after ``first_prefix``; continuation lines are indented by ``hang``."""
    hang = indent if hang is None else hang
    first_width = text_width(_ANSI.sub("", first_prefix))
    if first_prefix and width - indent - first_width < 20:  # no room: the text starts on the next line
        out.append(" " * indent + first_prefix.rstrip())
        first_prefix, indent, first_width = "", hang, 0
    lines = wrap_styled(chars, max(width - indent - first_width, 20))
    if len(lines) > 1 and (first_prefix or hang != indent):  # rewrap the rest at the hanging indent
        head = lines[0]
        rest = [c for line in lines[1:] for c in [(" ", False), *line]][1:]
        lines = [head, *wrap_styled(rest, max(width - hang, 20))]
    for n, line in enumerate(lines):
        buf: list[str] = []
        run: list[str] = []
        run_hl = False
        for ch, hl in line:
            if hl != run_hl and run:
                buf.append(paint("".join(run), "hl") if run_hl else "".join(run))
                run = []
            run.append(ch)
            run_hl = hl
        if run:
            buf.append(paint("".join(run), "hl") if run_hl else "".join(run))
        body = "".join(buf)
        if style:
            body = paint(body, style)
        out.append((" " * indent + first_prefix if n == 0 else " " * hang) + body)


def _plain(text: str) -> Styled:
    return [(c, False) for c in clean(text)]


def render_document(doc: DocumentReport, *, color: bool = False, width: int = 100,
                    quiet: bool = False) -> list[str]:
    paint = _Painter(color)
    out: list[str] = []
    path = escape_name(doc.path)  # a file name can carry ESC sequences or a bidi override
    header = paint(path, "bold")
    if doc.status != "ok" or doc.error is not None:
        out.append(header)
        code = doc.error.code if doc.error else "internal"
        message = doc.error.message if doc.error else "not checked"
        _emit_wrapped(out, _plain(f"could not be read: {message} [{code}]"), 2, width, paint, "error",
                      first_prefix=paint(MARKS["error"], "error") + " ", hang=4)
        out.append("  " + paint("NOT CHECKED: a document that cannot be read never passes", "error"))
        return out
    facts = [doc.format or "?"]
    if doc.pages:
        facts.append(f"{doc.pages} page{'s' if doc.pages != 1 else ''}")
    facts.append(LANGUAGES.get(doc.language or "none", doc.language or "?"))
    supplier = ""
    if doc.supplier is not None:
        names = [doc.supplier.name] if doc.supplier.name else []
        names += [a for a in doc.supplier.aliases if a != doc.supplier.name][:3]
        if names:
            names = [escape_name(clean(n)) for n in names]
            supplier = "  supplier: " + names[0] + (f" ({', '.join(names[1:])})" if names[1:] else "")
    details = f"({', '.join(facts)}){supplier}"
    if text_width(path) + 2 + text_width(details) <= width:
        out.append(header + "  " + paint(details, "dim"))
    else:
        out.append(header)
        _emit_wrapped(out, _plain(details), 2, width, paint, "dim")
    for req in doc.requirements:
        if quiet and req.ok:
            continue
        mark = MARKS.get(req.severity, "?")
        status = req.verdict + (" [waived]" if req.waived else "")
        loc = location(req.evidence)
        prefix = f"{paint(mark, req.severity)} {paint(req.id, 'bold')} {req.name} — {paint(status, req.severity)}"
        if loc:
            prefix += f" {paint('(' + loc + ')', 'dim')}"
        _emit_wrapped(out, _plain(req.message), 2, width, paint, first_prefix=prefix + ": ", hang=4)
        if len(set(req.by_language.values())) > 1:
            versions = ", ".join(f"{LANGUAGES.get(k, k)} {v}" for k, v in req.by_language.items())
            _emit_wrapped(out, _plain(f"versions: {versions}"), 6, width, paint, "dim")
        _evidence_lines(out, req.evidence, width, paint, color)
        if not req.ok and req.reasons:
            why = "; ".join(list(dict.fromkeys(str(r) for r in req.reasons))[:4])
            _emit_wrapped(out, _plain(f"why: {why}"), 6, width, paint, "dim")
        if req.waived:
            _waiver_line(out, req.waived, width, paint)
    for finding in doc.findings:
        mark = MARKS.get(finding.severity, "?")
        loc = location(finding.evidence)
        prefix = f"{paint(mark, finding.severity)} {paint(finding.rule, 'bold')}"
        if finding.requirement:
            prefix += f" ({finding.requirement})"
        if finding.waived:
            prefix += " [waived]"
        if loc:
            prefix += f" {paint('(' + loc + ')', 'dim')}"
        _emit_wrapped(out, _plain(finding.message), 2, width, paint, first_prefix=prefix + ": ", hang=4)
        _evidence_lines(out, finding.evidence, width, paint, color)
        if finding.waived:
            _waiver_line(out, finding.waived, width, paint)
    counts = doc.counts()
    detail = _count_phrase(counts)
    word = "PASS" if doc.passed else "FAIL"
    rest = detail or "all checked requirements satisfied"
    if not doc.requirements and not detail:  # select/ignore left nothing to check: not a pass to trust
        word, rest = "WARNING", "no requirement was checked: the configuration ignores all of them"
    config = escape_name(doc.config) if doc.config else "defaults"
    style = "warning" if word == "WARNING" else "none" if doc.passed else "error"
    _emit_wrapped(out, _plain(f"{rest}  (fail-on: {doc.fail_on}; config: {config})"), 2, width, paint,
                  first_prefix=paint(word, style) + "  ", hang=8)
    return out


def _evidence_lines(out: list[str], evidence: Sequence[Evidence], width: int, paint: _Painter,
                    color: bool) -> None:
    for ev in evidence[:3]:
        label = ROLE_LABELS.get(ev.role, f"{ev.role}: ")
        chars = _plain(label) + _quote_chars(ev, color)
        where = location([ev])
        if where and ev is not evidence[0]:
            chars += _plain(f" ({where})")
        _emit_wrapped(out, chars, 6, width, paint)
        if ev.original is not None and ev.original != ev.text:
            # what the contract itself says (traditional characters, look-alikes, invisible characters)
            original = visible(ev.original)
            if len(original) > MAX_QUOTE:
                original = original[:MAX_QUOTE] + "…"
            _emit_wrapped(out, _plain(f"as written: “{original}”"), 8, width, paint, style="dim")
    if len(evidence) > 3:
        out.append(" " * 6 + paint(f"… and {len(evidence) - 3} more passages (see --format json)", "dim"))


def _waiver_line(out: list[str], waiver, width: int, paint: _Painter) -> None:  # type: ignore[no-untyped-def]
    text = f"waived by {waiver.approved_by}"
    if waiver.expires:
        text += f" until {waiver.expires}"
    text += f": {waiver.reason}"
    _emit_wrapped(out, _plain(text), 6, width, paint, "note")


def _count_phrase(counts: dict[str, int]) -> str:
    parts = []
    for key, word in (("error", "error"), ("warning", "warning"), ("note", "note")):
        if counts[key]:
            parts.append(f"{counts[key]} {word}{'s' if counts[key] != 1 else ''}")
    if counts["waived"]:
        parts.append(f"{counts['waived']} waived")
    return ", ".join(parts)


def render(report: Report, *, color: bool = False, width: int = 100, quiet: bool = False,
           **_: object) -> str:
    """The whole report as text; ``quiet`` shows only documents that do not pass."""
    paint = _Painter(color)
    blocks: list[str] = []
    for doc in report.documents:
        if quiet and doc.passed:
            continue
        blocks.append("\n".join(render_document(doc, color=color, width=width, quiet=quiet)))
    s = report.summary()
    total = s["documents"]
    if total == 0:
        line = "No documents to check."
    else:
        line = f"{total} document{'s' if total != 1 else ''} checked: {s['passed']} passed, {s['failed']} failed"
        if s["unreadable"]:
            line += f", {s['unreadable']} could not be read"
        detail = _count_phrase({"error": s["errors"], "warning": s["warnings"], "note": s["notes"],
                                "waived": s["waived"]})
        if detail:
            line += f" ({detail})"
        line += "."
    style = "none" if report.exit_code == 0 else "error"
    if not (quiet and report.exit_code == 0):
        blocks.append("\n".join(paint(part, style) for part in wrap_text(line, width)))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
