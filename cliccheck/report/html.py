"""One self-contained HTML page for lawyers: no external assets, no scripts.

Per document: a summary, a table of the requirements with their status, the
contract's own words in context with the deciding words marked, the reasons,
any waiver, and the suggested clause text in both languages for each
requirement that is not satisfied. Everything that comes from a document or a
configuration is escaped (Jinja2 autoescape plus ``markupsafe`` for the
highlighted quotes), so a party name with ``<``, ``&`` or quotes prints as text.
"""

from __future__ import annotations

import datetime as _dt
import re

import jinja2
from markupsafe import Markup, escape

from ..i18n import catalogue, t
from ..lang.chars import visible
from ..verdicts import Evidence, shown_evidence
from .messages import header_names, not_a_contract, reasons_text, requirement_title
from .model import Report
from .rules import rule_info
from .text import _count_phrase, human_location, merge_highlights, needs_opening, report_lang, summary_line

STATUS = {"none": ("✔", "ok"), "note": ("·", "note"), "warning": ("!", "warn"), "error": ("✖", "err")}

CSS = """
:root { --ok:#1b7f3b; --warn:#a15c00; --err:#b3261e; --note:#3b5bab; --muted:#5f6368; --line:#d9dce1; }
* { box-sizing: border-box; }
body { font: 15px/1.55 "Noto Sans", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", Arial, sans-serif;
       color: #1f2328; margin: 0; background: #f6f7f9; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0; word-break: break-all; }
.sub { color: var(--muted); margin: 0 0 18px; }
.doc { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px; margin: 0 0 22px; }
.facts { color: var(--muted); margin: 4px 0 12px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 12px; color: #fff; font-weight: 600;
         font-size: 13px; margin-left: 8px; vertical-align: middle; }
.badge.ok, .badge.err, .badge.warn { color: #fff; }
.badge.ok { background: var(--ok); } .badge.err { background: var(--err); } .badge.warn { background: var(--warn); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 9px 10px; border-top: 1px solid var(--line); }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.st { font-size: 20px; width: 36px; text-align: center; }
td.req { width: 200px; }
.ok { color: var(--ok); } .warn { color: var(--warn); } .err { color: var(--err); } .note { color: var(--note); }
.verdict { font-weight: 600; text-transform: uppercase; font-size: 13px; letter-spacing: .03em; }
blockquote { margin: 8px 0; padding: 6px 12px; border-left: 4px solid var(--line); background: #fafbfc; }
blockquote .role { display: block; color: var(--muted); font-size: 12px; }
mark { background: #ffe08a; padding: 0 1px; border-radius: 2px; }
.reasons { color: var(--muted); font-size: 13px; margin: 4px 0 0; padding-left: 18px; }
.waiver { background: #eef3ff; border: 1px solid #c9d6f5; padding: 6px 10px; border-radius: 6px; margin: 6px 0; }
.suggest { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 8px 0 0; }
.suggest div { background: #f3faf5; border: 1px solid #cfe8d6; border-radius: 6px; padding: 8px 12px; }
.suggest h4 { margin: 0 0 4px; font-size: 13px; color: var(--muted); }
.suggest p { margin: 0 0 6px; }
.error-box { background: #fdecea; border: 1px solid #f5c2bd; padding: 10px 14px; border-radius: 6px; }
.summary { font-weight: 600; }
code { font-size: 13px; }
@media print { body { background: #fff; } .doc { border: none; page-break-after: always; } }
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ T.title }}</title>
<style>{{ css }}</style>
</head>
<body>
<main>
<h1>{{ T.heading }}</h1>
<p class="sub">{{ T.intro }} {{ summary_line }}</p>
{% for d in documents %}
<section class="doc" lang="{{ d.lang }}">
  <h2>{{ d.path }} <span class="badge {{ d.badge_class }}">{{ d.badge }}</span></h2>
  {% if d.error %}
  <div class="error-box"><strong>{{ d.T.could_not_read }}</strong> {{ d.error_text }} <code>[{{ d.error.code }}]</code><br>
  {{ d.T.never_passed }}</div>
  {% else %}
  <p class="facts">{{ d.facts }}</p>
  <table>
    <thead><tr><th></th><th>{{ d.T.col_requirement }}</th><th>{{ d.T.col_finding }}</th></tr></thead>
    <tbody>
    {% for r in d.rows %}
    <tr>
      <td class="st {{ r.cls }}" title="{{ r.status_title }}">{{ r.mark }}</td>
      <td class="req"><strong>{{ r.id }}</strong> {{ r.title }}<br><span class="verdict {{ r.cls }}">{{ r.verdict }}</span>
        {% if r.where %}<br><small>{{ r.where }}</small>{% endif %}</td>
      <td>{{ r.message }}
        {% for q in r.quotes %}<blockquote>{% if q.role %}<span class="role">{{ q.role }}</span>{% endif %}<span lang="{{ q.lang }}">{{ q.html }}</span>
        {% if q.where %}<small> ({{ q.where }})</small>{% endif %}{% if q.original %}<br><small>{{ d.T.as_written }} <span lang="{{ q.lang }}">{{ q.original }}</span></small>{% endif %}</blockquote>{% endfor %}
        {% if r.versions %}<div><small>{{ r.versions }}</small></div>{% endif %}
        {% if r.reasons %}<ul class="reasons">{% for x in r.reasons %}<li>{{ x }}</li>{% endfor %}</ul>{% endif %}
        {% if r.waiver %}<div class="waiver">{{ r.waiver_text }}</div>{% endif %}
        {% if r.explanation %}<p><small>{{ r.explanation }}</small></p>{% endif %}
        {% if r.suggest %}<div class="suggest">
          {% for s in r.suggest %}<div lang="{{ s.code }}"><h4 lang="{{ lang_of_d }}">{{ s.heading }}</h4>
            {% for p in s.paragraphs %}<p>{{ p }}</p>{% endfor %}</div>{% endfor %}
        </div>{% endif %}
      </td>
    </tr>
    {% endfor %}
    </tbody>
  </table>
  <p class="summary {{ d.badge_class }}">{{ d.verdict_line }}</p>
  {% endif %}
</section>
{% endfor %}
<footer><p class="sub">{{ footer }}</p></footer>
</main>
</body>
</html>
"""


def highlight(ev: Evidence) -> Markup:
    """The evidence text, escaped, with the deciding words in ``<mark>``."""
    text = ev.text
    out: list[str] = []
    pos = 0
    for a, b in merge_highlights(text, ev.highlights):
        out.append(str(escape(text[pos:a])))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        pos = b
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


_QUOTED = re.compile(r"“([^“”]+)”|(?<!\w)'([^']+)'(?!\w)")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def _other_lang(words: str, page_lang: str) -> str | None:
    """The language of the contract's ``words`` when it is not the page's: Latin-only words on a Chinese page
    are English, words with Chinese characters on an English page are Chinese; mixed or neutral words None."""
    if page_lang == "zh" and _LATIN.search(words) and not _CJK.search(words):
        return "en"
    if page_lang == "en" and _CJK.search(words):
        return "zh"
    return None


def in_own_lang(text: str, page_lang: str, names: tuple[str, ...] = ()) -> Markup:
    """``text`` (a message or reason in the page's language) escaped, each contract quotation and each of the
    party's ``names`` in it marked with its own ``lang`` ("Northbridge Systems Ltd.的承诺不足：被“commercially
    reasonable efforts”弱化" on a Chinese page), so a browser, a screen reader and the line breaker treat the
    contract's words as the language they are in."""
    named = [n for n in sorted(set(names), key=len, reverse=True) if _other_lang(n, page_lang)]
    pattern = re.compile("|".join([_QUOTED.pattern, *(f"({re.escape(n)})" for n in named)]))
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        quoted = m.group(1) if m.group(1) is not None else m.group(2)
        words = quoted if quoted is not None else m.group(0)
        other = _other_lang(words, page_lang)
        if other is None or m.start() < pos:
            continue
        start, end = (m.start() + 1, m.end() - 1) if quoted is not None else (m.start(), m.end())
        out += [str(escape(text[pos:start])), f'<span lang="{other}">', str(escape(text[start:end])), "</span>"]
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


_RUNS = {"zh": re.compile(r"[A-Za-z][A-Za-z.'’-]*(?: [A-Za-z][A-Za-z.'’-]*)*"),
         "en": re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff（）〔〕、]*")}


def place_in_own_lang(where: str, page_lang: str) -> Markup:
    """Where a quotation stands ("page 2, 第九条（一）", "第3页，Schedule 1"), the contract's own clause number
    marked with its language."""
    out: list[str] = []
    pos = 0
    for m in _RUNS["en" if page_lang == "en" else "zh"].finditer(where):
        out += [str(escape(where[pos:m.start()])), f'<span lang="{"zh" if page_lang == "en" else "en"}">',
                str(escape(m.group(0))), "</span>"]
        pos = m.end()
    out.append(str(escape(where[pos:])))
    return Markup("".join(out))


def _name_in_own_lang(name: str, page_lang: str) -> Markup:
    other = _other_lang(name, page_lang)
    return Markup(f'<span lang="{other}">{escape(name)}</span>') if other else escape(name)


def _quotes(evidence: list[Evidence], lang: str, openings: dict[int, str],
            label: str | None = None) -> list[dict[str, object]]:
    return [{"role": label if label is not None else t(f"role.{ev.role}", lang).rstrip(": ：")
             if f"role.{ev.role}" in catalogue() else ev.role,
             "html": highlight(ev), "lang": ev.language if ev.language in ("zh", "en") else lang,
             "where": place_in_own_lang(human_location(ev, lang, openings,
                                                       opening=needs_opening(ev, openings.get(ev.block, ""))), lang),
             # the source as written (traditional characters, look-alikes, invisible ones as ⟨U+200B⟩)
             "original": visible(ev.original) if ev.original is not None and ev.original != ev.text else ""}
            for ev in shown_evidence(evidence, 4)]


def _waiver_text(waiver, lang: str) -> str:  # type: ignore[no-untyped-def]
    if waiver is None:
        return ""
    text = t("text.waived_by", lang, who=waiver.approved_by)
    if waiver.expires:
        text += t("text.waived_until", lang, date=waiver.expires)
    return text + t("text.waived_reason", lang, reason=waiver.reason)


def _rows(doc) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    lang = doc.ui_lang
    names = tuple(header_names(doc.supplier, lang)) if doc.supplier else ()
    sep = t("text.list_sep", lang)
    rows: list[dict[str, object]] = []
    for req in [] if not_a_contract(doc) else doc.requirements:
        mark, cls = STATUS.get(req.severity, ("?", "note"))
        info = rule_info(req.id, req.name)
        suggestions = doc.suggestions.get(req.id, {})
        if req.ok and len(req.version_evidence) > 1:
            quotes = [q for version, evs in req.version_evidence.items()
                      for q in _quotes(evs[:1], lang, doc.openings,
                                       label=t("role.version", lang, lang=t(f"lang.{version}", lang)).rstrip(": ："))]
        else:
            quotes = _quotes(req.evidence, lang, doc.openings)
        explanation = info.explanation_zh if lang == "zh" else info.explanation
        rows.append({
            "id": req.id, "title": requirement_title(req.id, lang, info.title_en or req.name) if lang == "zh"
            else info.title_en or req.name, "verdict": t(f"verdict.{req.verdict}", lang), "mark": mark, "cls": cls,
            "status_title": t(f"severity.{req.severity}", lang), "message": in_own_lang(req.display_message, lang, names),
            "where": place_in_own_lang(human_location(req.evidence[0], lang, doc.openings, opening=False), lang)
            if req.evidence else "",
            "quotes": quotes,
            "versions": t("html.versions", lang, versions=sep.join(
                t("text.version_item", lang, lang=t(f"lang.{k}", lang), verdict=t(f"verdict.{v}", lang))
                for k, v in req.by_language.items())) if len(set(req.by_language.values())) > 1 else "",
            "reasons": [in_own_lang(x, lang, names) for x in reasons_text(req.reasons, lang, req.evidence, limit=6,
                                                                   requirement=req.id)] if not req.ok else [],
            "waiver": req.waived, "waiver_text": _waiver_text(req.waived, lang),
            # without a suggested clause, explain what the clause must say
            "explanation": "" if req.ok or suggestions else explanation,
            "suggest": [] if req.ok else [
                {"code": code, "heading": t("html.suggested", lang, lang=t(f"lang.{code}", lang))
                 if code in ("zh", "en") else code,
                 "paragraphs": [p for p in text.split("\n\n") if p.strip()]}
                for code, text in suggestions.items()],
        })
    for finding in doc.findings:
        mark, cls = STATUS.get(finding.severity, ("?", "note"))
        info = rule_info(finding.rule)
        title = t(f"rule.{finding.rule}", lang) if f"rule.{finding.rule}" in catalogue() else info.title_en
        rows.append({
            "id": finding.rule if lang == "en" else "", "title": title + (f" ({finding.requirement})" if finding.requirement else ""),
            "verdict": t(f"severity.{finding.severity}", lang), "mark": mark, "cls": cls,
            "status_title": t(f"severity.{finding.severity}", lang),
            "message": in_own_lang(finding.display_message, lang, names),
            "where": place_in_own_lang(human_location(finding.evidence[0], lang, doc.openings, opening=False), lang)
            if finding.evidence else "",
            "quotes": _quotes(finding.evidence, lang, doc.openings,
                              label=t("role.opening", lang).rstrip(": ：") if finding.rule == "not-a-contract"
                              else None),
            "versions": "", "reasons": [in_own_lang(x, lang, names) for x in reasons_text(finding.reasons, lang, finding.evidence)]
            if finding.rule not in ("bilingual-mismatch",) else [],
            "waiver": finding.waived, "waiver_text": _waiver_text(finding.waived, lang),
            "explanation": "", "suggest": [],
        })
    return rows


_DOC_KEYS = ("could_not_read", "never_passed", "col_requirement", "col_finding", "as_written")


def _doc_view(doc) -> dict[str, object]:  # type: ignore[no-untyped-def]
    lang = doc.ui_lang
    texts = {k: t(f"html.{k}", lang) for k in _DOC_KEYS}
    if doc.status != "ok":
        error_text = (doc.error.localized or doc.error.message) if doc.error else ""
        return {"path": doc.path, "error": doc.error, "error_text": error_text, "badge": t("html.not_read", lang),
                "badge_class": "err", "lang": lang, "T": texts}
    facts: list[str | Markup] = [t("html.format", lang, fmt=doc.format)]
    if doc.pages:
        facts.append(t("text.pages_one" if doc.pages == 1 else "text.pages", lang, n=doc.pages))
    facts.append(t("html.language", lang, lang=t(f"lang.{doc.language}", lang)
                   if doc.language in ("zh", "en", "mixed", "none") else doc.language))
    names = header_names(doc.supplier, lang) if doc.supplier else []
    if names:
        marked = escape(t("text.list_sep", lang)).join(_name_in_own_lang(n, lang) for n in names)
        facts.append(Markup(escape(t("html.supplier", lang, names="\0")).replace("\0", marked)))
    if doc.sha256:
        facts.append(t("html.sha", lang, sha=doc.sha256[:16]))
    detail = _count_phrase(doc.counts(shown=True), lang)
    line = t("html.passes" if doc.passed else "html.fails", lang, fail_on=doc.fail_on)
    line += (("：" if lang == "zh" else ": ") + detail if detail else "") + ("。" if lang == "zh" else ".")
    return {"path": doc.path, "error": None, "facts": escape(t("html.facts_sep", lang)).join(escape(f) for f in facts), "rows": _rows(doc),
            "badge": t("html.badge.pass" if doc.passed else "html.badge.fail", lang),
            "badge_class": "ok" if doc.passed else "err", "verdict_line": line, "lang": lang, "T": texts}


def render(report: Report, *, today: _dt.date | None = None, **_: object) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    lang = report_lang(report)
    date = (today or _generation_date()).isoformat()
    return env.from_string(TEMPLATE).render(
        css=Markup(CSS), documents=[_doc_view(d) for d in report.documents],
        summary_line=summary_line(report, lang), lang=lang, lang_of_d=lang,
        T={"title": t("html.title", lang), "heading": t("html.heading", lang), "intro": t("html.intro", lang)},
        footer=t("html.footer", lang, version=report.tool_version, date=date),
    )


def _generation_date() -> _dt.date:
    """Today, or ``SOURCE_DATE_EPOCH``'s date so a report can be reproduced byte for byte."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    return _dt.date.today()
