"""The default, human format: one block per document, one line per requirement.

Written for a lawyer who never saw the tool: a status mark, the requirement,
where in the contract the deciding words are (page, clause, paragraph), what
was concluded, and the contract's own words quoted below with the deciding
words highlighted (bold on a colour terminal, «between guillemets» otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..i18n import t
from ..lang.chars import visible
from ..normalize import is_cjk
from ..termsafe import escape_name
from ..verdicts import Evidence, shown_evidence
from .messages import header_names, not_a_contract, reasons_text
from .model import DocumentReport, Report
from .wrap import Styled, clean, text_width, wrap_styled, wrap_text

MARKS = {"none": "✔", "note": "·", "warning": "!", "error": "✖"}
#: English names of languages and evidence roles, kept for callers that want plain English
LANGUAGES = {"zh": "Chinese", "en": "English", "mixed": "Chinese and English", "none": "no text"}
ROLE_LABELS = {
    "undertaking": "",
    "contradiction": "contradicting clause: ",
    "weakener": "weakening words: ",
    "rider": "read with it, qualifying it: ",
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


#: the item number the section reader adds inside an English schedule or annex ("Schedule 1 item 3")
_ANNEX_ITEM = re.compile(r"^((?:Schedule|Annex|Appendix|Exhibit)\b.*?) item (\S+)$")


def human_location(ev: Evidence, lang: str, openings: dict[int, str] | None = None,
                   opening: bool = True) -> str:
    """Where a lawyer finds the passage: page, the contract's clause number and the first words of the
    paragraph ("第2页，第九条（一），“乙方原则上应配合……”", "page 3, clause 9.2, “The Vendor shall…”").
    The tool's own paragraph counter is for machine formats only."""
    parts = []
    if ev.page is not None:
        parts.append(t("where.page", lang, page=ev.page))
    if ev.section:
        # "clause 9.2" in English, the contract's own label otherwise (第九条（一）, 附件二 第三条, 9.2, Schedule 1)
        native = ev.section.startswith(("Schedule", "Annex", "Appendix", "Exhibit", "Clause", "Article", "Section")) \
            or any(is_cjk(c) for c in ev.section)
        section = ev.section
        if lang == "zh":  # "Schedule 1 item 3": the schedule is the contract's word, "item" the tool's
            section = _ANNEX_ITEM.sub(lambda m: m.group(1) + t("where.item", lang, item=m.group(2)), section)
        parts.append(section if native or lang == "zh" else t("where.section", lang, section=section))
    if opening and openings and ev.block in openings and openings[ev.block]:
        parts.append(t("where.opening", lang, words=openings[ev.block]))
    return t("where.sep", lang).join(parts)


def needs_opening(ev: Evidence, opening: str) -> bool:
    """Cite the paragraph's first words only when the quote itself does not begin the same way."""
    start = " ".join(ev.text.split())[:8]
    return bool(opening) and start not in opening


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
    lines = wrap_styled(chars, max(width - hang, 20), first_width=max(width - indent - first_width, 20))
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


def _plural(key: str, n: int, lang: str, **values: object) -> str:
    return t(f"{key}_one" if n == 1 else key, lang, n=n, **values)


def render_document(doc: DocumentReport, *, color: bool = False, width: int = 100,
                    quiet: bool = False) -> list[str]:
    paint = _Painter(color)
    lang = doc.ui_lang
    out: list[str] = []
    path = escape_name(doc.path)  # a file name can carry ESC sequences or a bidi override
    header = paint(path, "bold")
    if doc.status != "ok" or doc.error is not None:
        out.append(header)
        code = doc.error.code if doc.error else "internal"
        message = (doc.error.localized or doc.error.message) if doc.error else "?"
        _emit_wrapped(out, _plain(t("text.unreadable", lang, message=message, code=code)), 2, width, paint,
                      "error", first_prefix=paint(MARKS["error"], "error") + " ", hang=4)
        out.append("  " + paint(t("text.not_checked", lang), "error"))
        return out
    sep = t("text.list_sep", lang)
    facts = [doc.format or "?"]
    if doc.pages:
        facts.append(_plural("text.pages", doc.pages, lang))
    facts.append(t(f"lang.{doc.language}", lang) if doc.language in LANGUAGES else (doc.language or "?"))
    supplier = ""
    if doc.supplier is not None:
        names = header_names(doc.supplier, lang)  # the name in the report's language first
        if names:
            names = [escape_name(clean(n)) for n in names]
            rest = f"（{sep.join(names[1:])}）" if lang == "zh" else f" ({sep.join(names[1:])})"
            supplier = "  " + t("text.supplier", lang, names=names[0] + (rest if names[1:] else ""))
    details = (f"（{sep.join(facts)}）" if lang == "zh" else f"({sep.join(facts)})") + supplier
    if text_width(path) + 2 + text_width(details) <= width:
        out.append(header + "  " + paint(details, "dim"))
    else:
        out.append(header)
        _emit_wrapped(out, _plain(details), 2, width, paint, "dim")
    colon = "：" if lang == "zh" else ": "
    for req in doc.requirements:
        if (quiet and (req.ok or req.not_applicable)) or not_a_contract(doc):
            continue
        mark = MARKS.get(req.severity, "?")
        status = t(f"verdict.{req.verdict}", lang) + (t("text.waived_mark", lang) if req.waived else "")
        title = _short_title(req.id, req.name, lang)
        prefix = f"{paint(mark, req.severity)} {paint(req.id, 'bold')} {title} — {paint(status, req.severity)}"
        loc = ""
        if req.evidence:
            first = req.evidence[0]
            opening = doc.openings.get(first.block, "")
            loc = human_location(first, lang, doc.openings, opening=needs_opening(first, opening))
        if loc:
            prefix += paint(('（' + loc + '）') if lang == 'zh' else ' (' + loc + ')', 'dim')
        _emit_wrapped(out, _plain(req.display_message), 2, width, paint, first_prefix=prefix + colon, hang=4)
        if len(set(req.by_language.values())) > 1:
            versions = sep.join(t("text.version_item", lang, lang=t(f"lang.{k}", lang),
                                  verdict=t(f"verdict.{v}", lang)) for k, v in req.by_language.items())
            _emit_wrapped(out, _plain(t("text.versions", lang, versions=versions)), 6, width, paint, "dim")
        if req.ok and len(req.version_evidence) > 1:
            for version, evidence in req.version_evidence.items():
                _evidence_lines(out, evidence[:1], width, paint, color, lang, doc.openings,
                                label=t("role.version", lang, lang=t(f"lang.{version}", lang)))
        else:
            _evidence_lines(out, req.evidence, width, paint, color, lang, doc.openings)
        if not req.ok and req.reasons:
            why = t("text.reasons_sep", lang).join(reasons_text(req.reasons, lang, req.evidence, requirement=req.id))
            if why:
                _emit_wrapped(out, _plain(t("text.why", lang, why=why)), 6, width, paint, "dim")
        if req.waived:
            _waiver_line(out, req.waived, width, paint, lang)
    for finding in doc.findings:
        mark = MARKS.get(finding.severity, "?")
        prefix = f"{paint(mark, finding.severity)} {paint(_finding_title(finding.rule, lang), 'bold')}"
        if finding.requirement:
            prefix += f"（{finding.requirement}）" if lang == "zh" else f" ({finding.requirement})"
        if finding.waived:
            prefix += t("text.waived_mark", lang)
        loc = human_location(finding.evidence[0], lang, doc.openings, opening=False) if finding.evidence else ""
        if loc:
            prefix += paint(('（' + loc + '）') if lang == 'zh' else ' (' + loc + ')', 'dim')
        _emit_wrapped(out, _plain(finding.display_message), 2, width, paint, first_prefix=prefix + colon, hang=4)
        _evidence_lines(out, finding.evidence, width, paint, color, lang, doc.openings,
                        label=t("role.opening", lang) if finding.rule == "not-a-contract" else None)
        if finding.waived:
            _waiver_line(out, finding.waived, width, paint, lang)
    counts = doc.counts(shown=True)
    detail = _count_phrase(counts, lang)
    word = t("text.pass", lang) if doc.passed else t("text.fail", lang)
    rest = detail or t("text.all_satisfied", lang)
    warn = False
    if not doc.requirements and not detail:  # select/ignore left nothing to check: not a pass to trust
        word, rest, warn = t("text.warning", lang), t("text.nothing_checked", lang), True
    config = escape_name(doc.config) if doc.config else t("text.config_defaults", lang)
    style = "warning" if warn else "none" if doc.passed else "error"
    _emit_wrapped(out, _plain(rest + t("text.gate", lang, fail_on=doc.fail_on, config=config)), 2, width, paint,
                  first_prefix=paint(word, style) + "  ", hang=8)
    return out


def _short_title(rule_id: str, name: str, lang: str) -> str:
    """The requirement's name a person reads: the Chinese title in Chinese, the code name in English."""
    if lang == "zh":
        from .messages import requirement_title

        return requirement_title(rule_id, "zh", name)
    return name


def _finding_title(rule: str, lang: str) -> str:
    from ..i18n import catalogue

    return t(f"rule.{rule}", lang) if lang == "zh" and f"rule.{rule}" in catalogue() else rule


def _evidence_lines(out: list[str], evidence: Sequence[Evidence], width: int, paint: _Painter,
                    color: bool, lang: str = "en", openings: dict[int, str] | None = None,
                    label: str | None = None) -> None:
    shown = shown_evidence(evidence, 3)
    for ev in shown:
        role = label if label is not None else t(f"role.{ev.role}", lang) if ev.role in _ROLES else f"{ev.role}: "
        chars = _plain(role) + _quote_chars(ev, color)
        where = human_location(ev, lang, openings, opening=False)
        if where and (ev is not evidence[0] or label is not None):
            chars += _plain(f"（{where}）" if lang == "zh" else f" ({where})")
        _emit_wrapped(out, chars, 6, width, paint)
        if ev.original is not None and ev.original != ev.text:
            # what the contract itself says (traditional characters, look-alikes, invisible characters)
            original = visible(ev.original)
            if len(original) > MAX_QUOTE:
                original = original[:MAX_QUOTE] + "…"
            _emit_wrapped(out, _plain(t("text.as_written", lang, text=original)), 8, width, paint, style="dim")
    if len(evidence) > len(shown):
        out.append(" " * 6 + paint(t("text.more_passages", lang, n=len(evidence) - len(shown)), "dim"))


_ROLES = ("undertaking", "contradiction", "weakener", "rider", "partial", "near-miss", "excluded", "definition",
          "obfuscation", "unread")


def _waiver_line(out: list[str], waiver, width: int, paint: _Painter, lang: str = "en") -> None:  # type: ignore[no-untyped-def]
    text = t("text.waived_by", lang, who=waiver.approved_by)
    if waiver.expires:
        text += t("text.waived_until", lang, date=waiver.expires)
    text += t("text.waived_reason", lang, reason=waiver.reason)
    _emit_wrapped(out, _plain(text), 6, width, paint, "note")


def _count_phrase(counts: dict[str, int], lang: str = "en") -> str:
    parts = []
    for key in ("error", "warning", "note"):
        if counts[key]:
            parts.append(_plural(f"count.{key}", counts[key], lang))
    if counts["waived"]:
        parts.append(t("count.waived", lang, n=counts["waived"]))
    return t("text.list_sep", lang).join(parts)


def report_lang(report: Report) -> str:
    """One language for lines about the whole run: the documents' own, Chinese when most are."""
    langs = [d.ui_lang for d in report.documents]
    if not langs:
        from ..i18n import resolve_ui_lang

        return resolve_ui_lang(None)
    return "zh" if langs.count("zh") * 2 >= len(langs) else "en"


def summary_line(report: Report, lang: str) -> str:
    s = report.summary(shown=True)
    total = s["documents"]
    if total == 0:
        return t("summary.none", lang)
    line = _plural("summary.checked", total, lang, total=total, passed=s["passed"], failed=s["failed"])
    if s["unreadable"]:
        line += t("summary.unreadable", lang, n=s["unreadable"])
    detail = _count_phrase({"error": s["errors"], "warning": s["warnings"], "note": s["notes"],
                            "waived": s["waived"]}, lang)
    if detail:
        line += t("summary.detail", lang, detail=detail)
    return line + t("summary.end", lang)


def render(report: Report, *, color: bool = False, width: int = 100, quiet: bool = False,
           **_: object) -> str:
    """The whole report as text; ``quiet`` shows only documents that do not pass."""
    paint = _Painter(color)
    blocks: list[str] = []
    for doc in report.documents:
        if quiet and doc.passed:
            continue
        blocks.append("\n".join(render_document(doc, color=color, width=width, quiet=quiet)))
    line = summary_line(report, report_lang(report))
    style = "none" if report.exit_code == 0 else "error"
    if not (quiet and report.exit_code == 0):
        blocks.append("\n".join(paint(part, style) for part in wrap_text(line, width)))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
