"""One self-contained HTML page for lawyers: no external assets, no scripts.

Per document: a summary, a table of the requirements with their status, the
contract's own words in context with the deciding words marked, the reasons,
any waiver, and the suggested clause text in both languages for each
requirement that is not satisfied. Everything that comes from a document or a
configuration is escaped (Jinja2 autoescape plus ``markupsafe`` for the
highlighted quotes), so a party name with ``<``, ``&`` or quotes prints as text.
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup, escape

from ..lang.chars import visible
from ..verdicts import Evidence
from .model import Report
from .rules import rule_info
from .text import LANGUAGES, ROLE_LABELS, location, merge_highlights

STATUS = {"none": ("✔", "ok", "Satisfied"), "note": ("·", "note", "Note"), "warning": ("!", "warn", "Warning"),
          "error": ("✖", "err", "Error")}

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
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cliccheck report</title>
<style>{{ css }}</style>
</head>
<body>
<main>
<h1>Cybersecurity review undertakings: contract check</h1>
<p class="sub">Cybersecurity Review Measures, Art. 6: the four undertakings a CII operator must obtain from its
supplier. {{ summary_line }}</p>
{% for d in documents %}
<section class="doc">
  <h2>{{ d.path }} <span class="badge {{ d.badge_class }}">{{ d.badge }}</span></h2>
  {% if d.error %}
  <div class="error-box"><strong>Could not be read:</strong> {{ d.error.message }} <code>[{{ d.error.code }}]</code><br>
  A document that cannot be read is never passed by the check.</div>
  {% else %}
  <p class="facts">{{ d.facts }}</p>
  <table>
    <thead><tr><th></th><th>Requirement</th><th>Finding and the contract's words</th></tr></thead>
    <tbody>
    {% for r in d.rows %}
    <tr>
      <td class="st {{ r.cls }}" title="{{ r.status_title }}">{{ r.mark }}</td>
      <td><strong>{{ r.id }}</strong> {{ r.title }}<br><span class="verdict {{ r.cls }}">{{ r.verdict }}</span>
        {% if r.where %}<br><small>{{ r.where }}</small>{% endif %}</td>
      <td>{{ r.message }}
        {% for q in r.quotes %}<blockquote>{% if q.role %}<span class="role">{{ q.role }}</span>{% endif %}{{ q.html }}
        {% if q.where %}<small> ({{ q.where }})</small>{% endif %}{% if q.original %}<br><small>as written: {{ q.original }}</small>{% endif %}</blockquote>{% endfor %}
        {% if r.versions %}<div><small>Language versions: {{ r.versions }}</small></div>{% endif %}
        {% if r.reasons %}<ul class="reasons">{% for x in r.reasons %}<li>{{ x }}</li>{% endfor %}</ul>{% endif %}
        {% if r.waiver %}<div class="waiver">Waived by <strong>{{ r.waiver.approved_by }}</strong>
          {% if r.waiver.expires %}until {{ r.waiver.expires }}{% endif %}: {{ r.waiver.reason }}</div>{% endif %}
        {% if r.explanation %}<p><small>{{ r.explanation }}</small></p>{% endif %}
        {% if r.suggest %}<div class="suggest">
          {% for s in r.suggest %}<div><h4>Suggested clause ({{ s.lang }})</h4>
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
<p class="sub">Generated by cliccheck {{ version }}. Offsets and evidence refer to the text shown by
<code>cliccheck extract</code>. This report supports, and does not replace, legal review.</p>
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


def _quotes(evidence: list[Evidence]) -> list[dict[str, object]]:
    return [{"role": ROLE_LABELS.get(ev.role, ev.role).rstrip(": "), "html": highlight(ev),
             "where": location([ev]),
             # the source as written (traditional characters, look-alikes, invisible ones as ⟨U+200B⟩)
             "original": visible(ev.original) if ev.original is not None and ev.original != ev.text else ""}
            for ev in evidence[:4]]


def _rows(doc) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    rows: list[dict[str, object]] = []
    for req in doc.requirements:
        mark, cls, title = STATUS.get(req.severity, ("?", "note", req.severity))
        info = rule_info(req.id, req.name)
        suggestions = doc.suggestions.get(req.id, {})
        rows.append({
            "id": req.id, "title": info.title_en or req.name, "verdict": req.verdict, "mark": mark, "cls": cls,
            "status_title": title, "message": req.message, "where": location(req.evidence),
            "quotes": _quotes(req.evidence),
            "versions": ", ".join(f"{LANGUAGES.get(k, k)}: {v}" for k, v in req.by_language.items())
            if len(set(req.by_language.values())) > 1 else "",
            "reasons": list(dict.fromkeys(str(r) for r in req.reasons)) if not req.ok else [],
            "waiver": req.waived,
            # without a suggested clause, explain what the clause must say
            "explanation": "" if req.ok or suggestions else info.explanation,
            "suggest": [] if req.ok else [
                {"lang": {"zh": "中文", "en": "English"}.get(lang, lang),
                 "paragraphs": [p for p in text.split("\n\n") if p.strip()]}
                for lang, text in suggestions.items()],
        })
    for finding in doc.findings:
        mark, cls, title = STATUS.get(finding.severity, ("?", "note", finding.severity))
        info = rule_info(finding.rule)
        rows.append({
            "id": finding.rule, "title": info.title_en + (f" ({finding.requirement})" if finding.requirement else ""),
            "verdict": finding.severity, "mark": mark, "cls": cls, "status_title": title,
            "message": finding.message, "where": location(finding.evidence), "quotes": _quotes(finding.evidence),
            "versions": "", "reasons": [str(r) for r in finding.reasons], "waiver": finding.waived,
            "explanation": "", "suggest": [],
        })
    return rows


def _doc_view(doc) -> dict[str, object]:  # type: ignore[no-untyped-def]
    if doc.status != "ok":
        return {"path": doc.path, "error": doc.error, "badge": "NOT READ", "badge_class": "err"}
    facts = [f"Format: {doc.format}"]
    if doc.pages:
        facts.append(f"{doc.pages} page{'s' if doc.pages != 1 else ''}")
    facts.append(f"Language: {LANGUAGES.get(doc.language or 'none', doc.language)}")
    if doc.supplier and (doc.supplier.name or doc.supplier.aliases):
        names = [doc.supplier.name] if doc.supplier.name else []
        names += [a for a in doc.supplier.aliases if a not in names][:4]
        facts.append("Supplier: " + ", ".join(names))
    if doc.sha256:
        facts.append(f"SHA-256 {doc.sha256[:16]}…")
    counts = doc.counts()
    detail = ", ".join(f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}" for k in ("error", "warning", "note")
                       if counts[k])
    if counts["waived"]:
        detail = (detail + ", " if detail else "") + f"{counts['waived']} waived"
    line = ("Passes" if doc.passed else "Does not pass") + f" at fail-on level “{doc.fail_on}”" + \
        (f": {detail}." if detail else ".")
    return {"path": doc.path, "error": None, "facts": " · ".join(facts), "rows": _rows(doc),
            "badge": "PASS" if doc.passed else "FAIL", "badge_class": "ok" if doc.passed else "err",
            "verdict_line": line}


def render(report: Report, **_: object) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    s = report.summary()
    summary_line = (f"{s['documents']} document{'s' if s['documents'] != 1 else ''}: {s['passed']} passed, "
                    f"{s['failed']} failed" + (f", {s['unreadable']} could not be read" if s["unreadable"] else "")
                    + ".")
    return env.from_string(TEMPLATE).render(
        css=Markup(CSS), documents=[_doc_view(d) for d in report.documents], summary_line=summary_line,
        version=report.tool_version,
    )
