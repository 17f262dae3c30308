"""The HTML dashboard: one static page for management, charts as inline SVG drawn by matplotlib.

Why static: the page is mailed, archived and opened on machines without
network; it has no scripts, no external files, and reads the same in any
browser. matplotlib's SVG backend draws the charts (text kept as text, so
CJK supplier names use the reader's fonts and stay searchable); every label
passes through its XML escaping, and everything else through Jinja2's.
"""

from __future__ import annotations

import datetime as _dt
import html
import io
import re
from pathlib import Path
from typing import Any

from ..config import REQUIREMENT_IDS
from ..errors import ConfigError
from . import strings, views
from .register import Register

TEMPLATE = Path(__file__).with_name("dashboard.html.j2")
#: chart colours per verdict (colour-blind-safe pairs; the table beside each chart has the numbers)
COLOURS = {"satisfied": "#1b7837", "weak": "#f1b6da", "contradicted": "#c51b7d", "missing": "#fdb863",
           "not-read": "#999999"}
CHART_GROUPS = 10


def _pyplot():  # type: ignore[no-untyped-def]
    try:
        import matplotlib
    except ImportError:
        raise ConfigError.of("needs-matplotlib") from None
    matplotlib.use("svg", force=True)
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "cliccheck", "font.size": 10,
                                "font.family": ["sans-serif"],
                                "font.sans-serif": ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "DejaVu Sans"]})
    import matplotlib.pyplot as plt

    return plt


def _svg(fig: Any, label: str) -> str:
    """The figure as an inline ``<svg>`` element (no XML prolog, no DOCTYPE, no metadata dates)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    _pyplot().close(fig)
    text = buffer.getvalue()
    start = text.find("<svg")
    svg = text[start:]
    # the page scales the chart; keep its aspect ratio
    aria = html.escape(label, quote=True)
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', lambda m: f'<svg{m.group(1)} role="img" aria-label="{aria}"',
                  svg, count=1)


def _bar_chart(labels: list[str], series: list[tuple[str, str, list[int]]], title: str) -> str:
    """Horizontal stacked bars, one per label; ``series`` is (legend label, colour, values) per stack."""
    plt = _pyplot()
    height = 0.5 + 0.42 * max(1, len(labels))
    fig, ax = plt.subplots(figsize=(8, height))
    left = [0] * len(labels)
    positions = list(range(len(labels)))[::-1]
    for name, colour, values in series:
        if not any(values):
            continue
        ax.barh(positions, values, left=left, color=colour, label=name, edgecolor="white", linewidth=0.5)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(positions, labels)
    ax.spines[["top", "right"]].set_visible(False)
    if not any(left):
        ax.text(0.5, 0.5, strings.DASHBOARD["no_data"], transform=ax.transAxes, ha="center")
    else:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45 / height - 0.08), ncol=len(series), frameon=False,
                  fontsize=8)
    return _svg(fig, title)


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def dashboard_context(reg: Register, *, db_label: str) -> dict[str, Any]:
    from .. import __version__

    totals = views.totals(reg)
    counts = views.by_requirement(reg)
    order = (*views.VERDICTS, "not-read")
    requirement_chart = _bar_chart([strings.REQUIREMENT_LABELS.get(r, r) for r in counts],
                                   [(strings.VERDICT_LABELS[v], COLOURS[v], [counts[r][v] for r in counts])
                                    for v in order],
                                   strings.DASHBOARD["by_requirement"])
    suppliers = views.by_supplier(reg, limit=CHART_GROUPS)
    units = views.by_unit(reg, limit=CHART_GROUPS)

    def group_chart(groups: list[dict[str, Any]], empty: str, title: str) -> str:
        labels = [_clip(g["name"] or empty) for g in groups]
        passing = [g["documents"] - g["failing"] - g["unreadable"] for g in groups]
        return _bar_chart(labels, [(strings.DASHBOARD["passing"], COLOURS["satisfied"], passing),
                                   (strings.DASHBOARD["failing"], COLOURS["contradicted"],
                                    [g["failing"] for g in groups]),
                                   (strings.DASHBOARD["unreadable"], COLOURS["not-read"],
                                    [g["unreadable"] for g in groups])], title)

    return {
        "s": strings.DASHBOARD,
        "labels": strings.COLUMN_LABELS,
        "verdict_labels": strings.VERDICT_LABELS,
        "requirement_labels": strings.REQUIREMENT_LABELS,
        "title": strings.TITLE,
        "subtitle": strings.DASHBOARD["subtitle"].format(
            db=db_label, documents=totals["documents"], version=__version__,
            generated=_dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        "totals": totals,
        "counts": counts,
        "verdicts": order,
        "requirement_ids": REQUIREMENT_IDS,
        "requirement_chart": requirement_chart,
        "suppliers": suppliers,
        "supplier_chart": group_chart(suppliers, strings.NO_SUPPLIER, strings.DASHBOARD["by_supplier"]),
        "units": units,
        "unit_chart": group_chart(units, strings.NO_UNIT, strings.DASHBOARD["by_unit"]) if any(
            g["name"] for g in units) else None,
        "no_supplier": strings.NO_SUPPLIER,
        "no_unit": strings.NO_UNIT,
        "fix_first": views.fix_first(reg),
        "changes": views.run_changes(reg),
        "runs": reg.runs()[-10:],
    }


def render_dashboard(reg: Register, *, db_label: str) -> str:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    template = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(**dashboard_context(reg, db_label=db_label))
