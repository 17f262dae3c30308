"""The HTML dashboard: one static page for management, charts as inline SVG drawn by matplotlib.

Why static: the page is mailed, archived and opened on machines without
network; it has no scripts, no external files, and reads the same in any
browser. matplotlib's SVG backend draws the charts with text kept as text, so
CJK supplier names use the reader's fonts and stay searchable; the layout is
computed from estimated label widths and measured with the font that ships
with matplotlib, so the SVG is the same on every machine; every label
passes through its XML escaping, and everything else through Jinja2's.
"""

from __future__ import annotations

import datetime as _dt
import html
import io
import unicodedata
import warnings
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from . import strings, views
from .register import Register

TEMPLATE = Path(__file__).with_name("dashboard.html.j2")
#: chart colours per verdict (colour-blind-safe pairs; the table beside each chart has the numbers)
COLOURS = {"satisfied": "#1b7837", "weak": "#f1b6da", "contradicted": "#c51b7d", "missing": "#fdb863",
           "not_applicable": "#92c5de",
           "not-read": "#999999"}
CHART_GROUPS = 10


#: the font matplotlib measures text with, under a private name: the DejaVu Sans file that ships inside
#: matplotlib, so no font a machine has installed (another "DejaVu Sans", a CJK font) changes the layout
METRICS_FONT = "cliccheck-chart-metrics"
METRICS_FILE = "fonts/ttf/DejaVuSans.ttf"
#: what the reader's browser draws the chart text with (it falls back glyph by glyph: Latin in the first,
#: Chinese in the first CJK font the machine has); the page never depends on it for layout
CSS_FONTS = ("'DejaVu Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', "
             "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', sans-serif")
FONT_PT = 10
LEGEND_PT = 8
PLOT_WIDTH_IN = 5.5
ROW_IN = 0.42


def _pyplot():  # type: ignore[no-untyped-def]
    try:
        import matplotlib
    except ImportError:
        raise ConfigError.of("needs-matplotlib") from None
    matplotlib.use("svg", force=True)
    _register_metrics_font(matplotlib)
    # text stays text (<text> elements, no glyph outlines), measured with one font that ships with matplotlib
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "cliccheck", "font.size": FONT_PT,
                                "font.family": [METRICS_FONT], "axes.unicode_minus": False})
    import matplotlib.pyplot as plt

    return plt


def _register_metrics_font(matplotlib: Any) -> None:
    import dataclasses

    from matplotlib import font_manager, ft2font

    manager = font_manager.fontManager
    if any(entry.name == METRICS_FONT for entry in manager.ttflist):
        return
    path = str(Path(matplotlib.get_data_path()) / METRICS_FILE)
    entry = font_manager.ttfFontProperty(ft2font.FT2Font(path))
    manager.ttflist.insert(0, dataclasses.replace(entry, name=METRICS_FONT))
    manager._findfont_cached.cache_clear()  # a lookup before registration must not stay cached


def text_width_em(text: str) -> float:
    """A generous width estimate in em, independent of any font: wide (CJK) characters 1 em, others 0.62.

    The layout reserves this room for labels instead of measuring them, because the font that
    measures (DejaVu Sans) has no Chinese glyphs and the font that draws is the reader's.
    """
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.62 for ch in text)


def _svg(fig: Any, label: str) -> str:
    """The figure as an inline ``<svg>`` element (no XML prolog, no DOCTYPE, no metadata dates)."""
    buffer = io.StringIO()
    with warnings.catch_warnings():
        # the metrics font lacks CJK glyphs; the layout does not use their widths (text_width_em does)
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from (current )?font")
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    _pyplot().close(fig)
    text = buffer.getvalue()
    start = text.find("<svg")
    svg = text[start:].replace(f"font-family: '{METRICS_FONT}'", f"font-family: {CSS_FONTS}")
    # natural size (so every chart's text is the same size), scaled down by the page's CSS on a narrow screen
    aria = html.escape(label, quote=True)
    return svg.replace("<svg", f'<svg role="img" aria-label="{aria}"', 1)


def _bar_chart(labels: list[str], series: list[tuple[str, str, list[int]]], title: str,
               no_data: str | None = None) -> str:
    """Horizontal stacked bars, one per label; ``series`` is (legend label, colour, values) per stack.

    Every size and position is computed here from :func:`text_width_em`, never from measured
    text (no tight bounding box, no automatic legend), so the SVG is byte-for-byte the same on
    any machine with the same matplotlib.
    """
    plt = _pyplot()
    from matplotlib.patches import Rectangle

    label_in = max([text_width_em(x) for x in labels] + [2.0]) * FONT_PT / 72 + 0.15
    left_in, right_in, top_in, axis_in, legend_in = label_in + 0.1, 0.3, 0.15, 0.35, 0.35
    plot_h = ROW_IN * max(1, len(labels))
    width, height = left_in + PLOT_WIDTH_IN + right_in, top_in + plot_h + axis_in + legend_in
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((left_in / width, (axis_in + legend_in) / height, PLOT_WIDTH_IN / width, plot_h / height))
    stacked = [0] * len(labels)
    positions = list(range(len(labels)))[::-1]
    shown = []
    for name, colour, values in series:
        if not any(values):
            continue
        ax.barh(positions, values, left=stacked, color=colour, edgecolor="white", linewidth=0.5)
        stacked = [a + b for a, b in zip(stacked, values, strict=True)]
        shown.append((name, colour))
    ax.set_yticks(positions, labels)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    if not any(stacked):
        ax.text(0.5, 0.5, no_data or strings.for_lang("en").DASHBOARD["no_data"], transform=ax.transAxes,
                ha="center")
    # the legend, one row under the axis, laid out by estimated widths
    x_in, y_in, box_in = left_in, legend_in / 2, LEGEND_PT / 72
    for name, colour in shown:
        fig.add_artist(Rectangle((x_in / width, (y_in - box_in / 2) / height), box_in / width, box_in / height,
                                 transform=fig.transFigure, facecolor=colour, edgecolor="none"))
        fig.text((x_in + box_in * 1.5) / width, y_in / height, name, fontsize=LEGEND_PT, va="center")
        x_in += box_in * 3 + text_width_em(name) * LEGEND_PT / 72
    return _svg(fig, title)


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _issues_text(issues: str, words: Any) -> str:
    """"CSR04 contradicted, CSR01 weak" (the register's codes) with each verdict in the page's language."""
    sep = "、" if words.lang == "zh" else ", "
    items = [item.strip().rpartition(" ") for item in issues.split(",") if item.strip()]
    return sep.join(f"{rule} {words.VERDICT_LABELS.get(verdict, verdict)}" for rule, _, verdict in items)


def dashboard_context(reg: Register, *, db_label: str, lang: str = "en") -> dict[str, Any]:
    from .. import __version__

    strings_ = strings.for_lang(lang)

    totals = views.totals(reg)
    counts = views.by_requirement(reg)
    order = (*views.verdict_order(reg), "not-read")
    requirement_chart = _bar_chart([strings_.REQUIREMENT_LABELS.get(r, r) for r in counts],
                                   [(strings_.VERDICT_LABELS[v], COLOURS[v], [counts[r][v] for r in counts])
                                    for v in order],
                                   strings_.DASHBOARD["by_requirement"], strings_.DASHBOARD["no_data"])
    suppliers = views.by_supplier(reg, limit=CHART_GROUPS)
    units = views.by_unit(reg, limit=CHART_GROUPS)

    def group_chart(groups: list[dict[str, Any]], empty: str, title: str) -> str:
        labels = [_clip(g["name"] or empty) for g in groups]
        passing = [g["documents"] - g["failing"] - g["unreadable"] for g in groups]
        return _bar_chart(labels, [(strings_.DASHBOARD["passing"], COLOURS["satisfied"], passing),
                                   (strings_.DASHBOARD["failing"], COLOURS["contradicted"],
                                    [g["failing"] for g in groups]),
                                   (strings_.DASHBOARD["unreadable"], COLOURS["not-read"],
                                    [g["unreadable"] for g in groups])], title, strings_.DASHBOARD["no_data"])

    return {
        "s": strings_.DASHBOARD,
        "labels": strings_.COLUMN_LABELS,
        "verdict_labels": strings_.VERDICT_LABELS,
        "requirement_labels": strings_.REQUIREMENT_LABELS,
        "lang": lang,
        "title": strings_.TITLE,
        "subtitle": strings_.DASHBOARD["subtitle"].format(
            db=db_label, documents=totals["documents"], version=__version__,
            generated=_dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        "totals": totals,
        "counts": counts,
        "verdicts": order,
        "requirement_ids": views.rule_ids(reg),
        "requirement_chart": requirement_chart,
        "suppliers": suppliers,
        "supplier_chart": group_chart(suppliers, strings_.NO_SUPPLIER, strings_.DASHBOARD["by_supplier"]),
        "units": units,
        "unit_chart": group_chart(units, strings_.NO_UNIT, strings_.DASHBOARD["by_unit"]) if any(
            g["name"] for g in units) else None,
        "no_supplier": strings_.NO_SUPPLIER,
        "no_unit": strings_.NO_UNIT,
        "fix_first": [{**f, "issues": _issues_text(f["issues"], strings_)} for f in views.fix_first(reg)],
        "changes": views.run_changes(reg),
        "runs": [{**r, "status": strings_.RUN_STATUS.get(r["status"], r["status"])} for r in reg.runs()[-10:]],
    }


def render_dashboard(reg: Register, *, db_label: str, lang: str = "en") -> str:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    template = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(**dashboard_context(reg, db_label=db_label, lang=lang))
