"""From positioned lines to paragraphs: running headers, reading order, paragraph breaks.

Input: every page's visible lines (:class:`~cliccheck.readers.pdf_text.Line`).

1. Running headers/footers: a line in the top or bottom band of its page
   whose text, with digits masked, recurs in that band on at least half the
   pages (and on two or more), or that is a page number by its form
   (``- 3 -``, ``Page 3 of 10``, ``第 3 页``, ``第3页 共10页``, ``3/10``).
2. Reading order: top to bottom; a page whose lines fall into two columns
   (three or more lines in each half, side by side) is read left column then
   right column, band by band between full-width lines.
3. Paragraphs, see :func:`starts_paragraph`; a paragraph that runs on to the
   next page or column is one paragraph with both pages.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..sections import parse_label
from .pdf_text import Line

#: Share of the page height, from the top or the bottom, where running headers live.
BAND = 0.12
#: Line ends after which a short line closes its paragraph.
TERMINAL = tuple("。．.；;！？!?：:")

_PAGE_NUMBER = re.compile(
    r"^(?:"
    r"[-–—]?\s*\d{1,4}\s*[-–—]?"  # 3, - 3 -
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"  # Page 3, Page 3 of 10
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3/10
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第 3 页, 第3页 共10页
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"  # 共10页 第3页
    r")$",
    re.IGNORECASE,
)


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text)).lower()


@dataclass(slots=True)
class Running:
    text: str
    page: int
    position: str  # top | bottom


def remove_running(pages: list[list[Line]], heights: list[float]) -> tuple[list[list[Line]], list[Running]]:
    """Split each page's lines into body lines and running headers/footers.

    A recurring text must also recur at the same height (within half its size):
    a title on page 1 that repeats the running header's words is body text.
    """
    candidates: list[list[tuple[Line, str]]] = []
    where_seen: dict[str, list[float]] = defaultdict(list)
    for lines, height in zip(pages, heights, strict=True):
        ordered = sorted(lines, key=lambda ln: -ln.baseline)
        mine: list[tuple[Line, str]] = []
        for line in ordered[:3]:
            if line.top >= height * (1 - BAND):
                mine.append((line, "top"))
        for line in ordered[-3:]:
            if line.bottom <= height * BAND and all(line is not m[0] for m in mine):
                mine.append((line, "bottom"))
        for line, where in mine:
            where_seen[f"{where}:{_key(line.text)}"].append(line.baseline)
        candidates.append(mine)
    typical = {key: statistics.median_low(ys) for key, ys in where_seen.items()}
    pages_at: dict[str, set[int]] = defaultdict(set)
    for mine in candidates:
        for line, where in mine:
            key = f"{where}:{_key(line.text)}"
            if abs(line.baseline - typical[key]) <= max(0.5 * line.size, 2.0):
                pages_at[key].add(line.page)
    needed = max(2, (len(pages) + 1) // 2)
    body: list[list[Line]] = []
    removed: list[Running] = []
    for lines, mine in zip(pages, candidates, strict=True):
        drop = set()
        for line, where in mine:
            key = f"{where}:{_key(line.text)}"
            repeated = len(pages_at[key]) >= needed and abs(line.baseline - typical[key]) <= max(
                0.5 * line.size, 2.0)
            if repeated or is_page_number(line.text):
                drop.add(id(line))
                removed.append(Running(line.text, line.page, where))
        body.append([line for line in lines if id(line) not in drop])
    return body, removed


# --- reading order ------------------------------------------------------------------------------

def _by_rows(lines: list[Line]) -> list[Line]:
    """Top to bottom; lines on the same baseline (within 2 pt) left to right."""
    ordered = sorted(lines, key=lambda ln: (-ln.baseline, ln.x0))
    rows: list[list[Line]] = []
    for line in ordered:
        if rows and abs(rows[-1][0].baseline - line.baseline) <= 2.0:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda ln: ln.x0)]


def order_page(lines: list[Line], width: float) -> list[list[Line]]:
    """The page's lines in reading order, as a list of flows (columns) read one after another."""
    mid = width / 2
    left = [ln for ln in lines if ln.x1 <= mid + 6]
    right = [ln for ln in lines if ln.x0 >= mid - 6]
    side_by_side = sum(
        1 for r in right if any(abs(r.baseline - lf.baseline) < r.size for lf in left)
    )
    if len(left) < 3 or len(right) < 3 or side_by_side < max(3, 0.25 * len(lines)):
        # A few side-by-side rows (a small table, a signature block) do not make a column layout.
        return [_by_rows(lines)]
    flows: list[list[Line]] = []
    band_left: list[Line] = []
    band_right: list[Line] = []
    for line in _by_rows(lines):
        if line.x1 <= mid + 6:
            band_left.append(line)
        elif line.x0 >= mid - 6:
            band_right.append(line)
        else:
            for column in (band_left, band_right):
                if column:
                    flows.append(column)
            band_left, band_right = [], []
            flows.append([line])
    for column in (band_left, band_right):
        if column:
            flows.append(column)
    # Consecutive single full-width lines form one flow.
    merged: list[list[Line]] = []
    for flow in flows:
        if merged and len(flow) == 1 and flow[0].x0 < mid - 6 < mid + 6 < flow[0].x1 and \
                merged[-1][-1].x0 < mid - 6 < mid + 6 < merged[-1][-1].x1:
            merged[-1].extend(flow)
        else:
            merged.append(flow)
    return merged


# --- paragraphs ---------------------------------------------------------------------------------

@dataclass(slots=True)
class Metrics:
    """What a normal body line looks like in this document."""

    body_size: float
    pitch_ratio: float  # baseline distance / font size between lines of one paragraph
    left: float
    right: float
    #: the same per font size (rounded to 0.5 pt): a bilingual contract sets its Chinese
    #: paragraphs with more leading than its English ones
    pitch_by_size: dict[float, float] = field(default_factory=dict)

    def pitch(self, size: float) -> float:
        return self.pitch_by_size.get(round(size * 2) / 2, self.pitch_ratio)

    @property
    def width(self) -> float:
        return max(self.right - self.left, 1.0)


def measure(flows: list[list[Line]]) -> Metrics:
    sizes: Counter[float] = Counter()
    ratios: list[float] = []
    by_size: dict[float, list[float]] = defaultdict(list)
    x0s: list[float] = []
    x1s: list[float] = []
    for flow in flows:
        for line in flow:
            sizes[round(line.size * 2) / 2] += len(line.text)
            x0s.append(line.x0)
            x1s.append(line.x1)
        for a, b in itertools.pairwise(flow):
            d = a.baseline - b.baseline
            if b.size > 0 and abs(a.size - b.size) < 0.1 * b.size and 0 < d < 3 * b.size:
                ratios.append(d / b.size)
                by_size[round(b.size * 2) / 2].append(d / b.size)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    x0s.sort()
    left = x0s[len(x0s) // 10] if x0s else 0.0
    # The right margin: where the long lines end (justified text: all at one x; many short
    # clauses must not pull it in, so look only at lines reaching 60% of the widest).
    widest = max(x1s) if x1s else 1.0
    long_ends = sorted(x for x in x1s if x >= left + 0.6 * (widest - left))
    right = long_ends[(len(long_ends) * 3) // 4] if long_ends else widest
    return Metrics(body_size=body, pitch_ratio=_leading(ratios), left=left, right=right,
                   pitch_by_size={size: _leading(values) for size, values in by_size.items()
                                  if len(values) >= 3})


def _leading(ratios: list[float]) -> float:
    """The in-paragraph line spacing: the common, smaller spacings (paragraph gaps are larger)."""
    if not ratios:
        return 1.2
    return max(statistics.median_low(sorted(ratios)[: max(1, (len(ratios) * 2) // 3)]), 0.9)


def _is_full(line: Line, m: Metrics) -> bool:
    return line.x1 >= m.right - max(1.5 * line.size, 0.02 * m.width)


def _centered(line: Line, m: Metrics) -> bool:
    mid = (m.left + m.right) / 2
    return abs(line.center - mid) <= max(line.size, 3.0) and line.x0 > m.left + line.size


def _ends_terminal(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def starts_paragraph(prev: Line, line: Line, m: Metrics, *, new_flow: bool,
                     prev_metrics: Metrics | None = None) -> bool:
    """Does ``line`` start a new paragraph after ``prev``?

    Within a column: a change of font size; a vertical gap wider than the
    paragraph's leading; a line starting with a clause number (``1.1``,
    ``(a)``, ``第四条``, ``（一）``, ``一、``) unless the previous line is a full
    line that ends mid-sentence (then the number is just wrapped text); a
    previous line that is short and ends a sentence (``。`` ``.`` ``；``...);
    a much shorter previous line (a heading); an indented first line.
    Across a page or column break only what survives the break counts: the
    paragraph continues when the last line was full and did not end a
    sentence, and the new line neither starts with a number nor is indented
    more than the last one (each measured from its own column's margin).
    """
    pm = prev_metrics or m
    if abs(prev.size - line.size) > 0.12 * max(prev.size, line.size):
        return True
    prev_full = _is_full(prev, pm)
    prev_terminal = _ends_terminal(prev.text)
    indented = (line.x0 - m.left) > (prev.x0 - pm.left) + 0.8 * line.size
    if new_flow:
        return not (prev_full and not prev_terminal and not indented) or parse_label(line.text) is not None
    gap = prev.baseline - line.baseline
    if gap > 1.22 * m.pitch(line.size) * line.size or gap < -0.5 * line.size:
        return True
    if prev_full and not prev_terminal:
        return False  # wrapped mid-sentence: even a number at the line start is running text
    both_centered = _centered(prev, m) and _centered(line, m)
    if prev.x1 < m.right - 0.2 * m.width and not both_centered:
        return True
    if prev_terminal and not prev_full:
        return True
    if parse_label(line.text) is not None:
        return True
    return indented and not both_centered


@dataclass(slots=True)
class Paragraph:
    lines: list[Line] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def page_end(self) -> int:
        return self.lines[-1].page


def flow_metrics(flow: list[Line], m: Metrics) -> Metrics:
    """A column of a two-column page has its own margins (a lone line does not tell them)."""
    if len(flow) < 3:
        return m
    right = max(line.x1 for line in flow)
    left = min(line.x0 for line in flow)
    if right < m.right - 0.25 * m.width or left > m.left + 0.25 * m.width:
        return Metrics(m.body_size, m.pitch_ratio, left, right, m.pitch_by_size)
    return m


def paragraphs(flows: list[list[Line]], m: Metrics) -> list[Paragraph]:
    """Group the flows (in reading order across all pages) into paragraphs."""
    out: list[Paragraph] = []
    prev: Line | None = None
    prev_metrics: Metrics | None = None
    for flow in flows:
        fm = flow_metrics(flow, m)
        for n, line in enumerate(flow):
            if prev is None or prev.origin != line.origin or starts_paragraph(
                    prev, line, fm, new_flow=n == 0, prev_metrics=prev_metrics):
                out.append(Paragraph())
            out[-1].lines.append(line)
            prev = line
            prev_metrics = fm
    return out
