"""PDF contracts: the text layer through pdfium, one block per paragraph.

pdfplumber is not used here: everything the reader needs (characters, their
boxes, baselines, font sizes, colours, render modes, page objects) comes from
pdfium directly at a fraction of the cost (see :mod:`.pdf_text`), and the
tests prove that pdfplumber sees the same characters on every fixture.

What comes out:

* one :class:`~cliccheck.model.Block` per paragraph in reading order, with its
  page and, when it runs on to the next page, ``page_end``;
* running headers, footers and page numbers removed from the body and kept in
  ``Document.excluded`` (``RUNNING_HEADER``), one entry per distinct text;
* text a reader of the printed page would not see (white, 2 pt or smaller,
  outside the page, invisible render mode outside scans) kept out of the
  blocks and listed in ``Document.excluded``.

Every failure is a coded :class:`~cliccheck.errors.DocumentError`:
``encrypted``, ``corrupt``, ``no-text-layer``, ``no-unicode-map``, or
:class:`~cliccheck.errors.LimitExceeded` for ``max_pages``/``max_chars``.
"""

from __future__ import annotations

import re

from ..errors import DocumentError, LimitExceeded
from ..limits import Limits
from ..model import Block, BlockKind, Document, ExcludedKind, ExcludedText, UnreadContent
from ..normalize import normalize
from ..pages import page_ranges as _ranges
from .linejoin import Joiner
from .ocr import OcrOptions, merge_ocr_blocks, ocr_scanned_pages
from .pdf_guard import check_streams
from .pdf_layout import Metrics, Running, measure, order_page, paragraphs, remove_running
from .pdf_seen import annotation_lines, glyph_text, shown_layers, tounicode_mismatch, without_tounicode
from .pdf_text import _SCANNER, Line, PageReader, PageText

#: Share of garbage characters (or of sampled characters pdfium cannot map) that makes a
#: document unreadable; below it a stray odd glyph is kept and warned about.
GARBAGE_RATIO = 0.03
#: A heading is a short paragraph set this much larger than the body text.
HEADING_SCALE = 1.08

OCR_HINT = "install the OCR extra (`pip install cliccheck[ocr]`) or OCR it first, e.g. `ocrmypdf in.pdf out.pdf`"


def _open(data: bytes, password: str | None):  # type: ignore[no-untyped-def]
    """Open with the given password, or the empty one; map pdfium's errors to coded ones."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            if password:
                raise DocumentError.of("pdf-wrong-password", code="encrypted") from None
            raise DocumentError.of("pdf-encrypted", code="encrypted") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentError.of("pdf-security-handler", code="encrypted") from None
        raise DocumentError.of("pdf-damaged", code="corrupt") from None


def _read_pages(pdf, data: bytes, password: str | None, count: int,  # type: ignore[no-untyped-def]
                unread: list[UnreadContent]) -> tuple[list[PageText], list[list[Line]]]:
    """Every page's text, the lines its annotations and form fields show, and what was not read
    (pages whose ToUnicode map disagrees with their glyphs: see :mod:`.pdf_seen`)."""
    import pypdfium2 as pdfium

    pages: list[PageText] = []
    shown: list[list[Line]] = []
    glyphs_data = without_tounicode(data)
    glyphs = _open(glyphs_data, password) if glyphs_data is not None else None
    try:
        for index in range(count):
            try:
                page = pdf[index]
            except (pdfium.PdfiumError, IndexError, OSError):
                raise DocumentError.of("pdf-page-damaged", page=index + 1, code="corrupt") from None
            try:
                text = PageReader(page, index + 1).read()
                shown.append(annotation_lines(pdf, page, index, text.lines, unread))
            except pdfium.PdfiumError:
                raise DocumentError.of("pdf-page-damaged", page=index + 1, code="corrupt") from None
            finally:
                page.close()
            try:
                if glyphs is not None and text.text:
                    lie = tounicode_mismatch(text.text, glyph_text(glyphs, index), index + 1)
                    if lie is not None:
                        unread.append(lie)
            except (pdfium.PdfiumError, IndexError, OSError):
                raise DocumentError.of("pdf-page-damaged", page=index + 1, code="corrupt") from None
            text.text = ""
            pages.append(text)
    finally:
        if glyphs is not None:
            glyphs.close()
    return pages, shown


def _check_text(pages: list[PageText]) -> None:
    visible = sum(p.chars for p in pages)
    hidden = sum(len(run.text) for p in pages for run in p.hidden)
    if visible == 0:
        if hidden:
            raise DocumentError.of("pdf-only-hidden", hidden=hidden, code="no-text-layer")
        what = ", only page images (a scan)" if any(p.image_only for p in pages) else ""
        raise DocumentError.of("pdf-no-text-scan" if what else "pdf-no-text", code="no-text-layer")
    scans = [p.number for p in pages if p.image_only]
    if len(scans) * 2 > len(pages):
        raise DocumentError.of("pdf-mostly-scans", scans=len(scans), pages=len(pages), code="no-text-layer")
    bad = sum(p.bad_chars for p in pages)
    sampled = sum(p.sampled for p in pages)
    unmapped = sum(p.unmapped for p in pages)
    garbage = max(bad / max(visible, 1), unmapped / max(sampled, 1))
    if garbage >= GARBAGE_RATIO and (bad >= 5 or unmapped >= 5):
        share = round(100 * garbage)
        raise DocumentError.of("pdf-no-unicode-map", share=share, code="no-unicode-map")


_CONTROL = re.compile("[\x00-\x08\x0a-\x1f]")


def _clean(text: str) -> str:
    """Drop control characters a stray glyph left (the garbage check already passed)."""
    return _CONTROL.sub("", text)


_NOTE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§]|注\s*\d*[:：]?)\s*\S")


def _kind(lines: list[Line], metrics: Metrics, text: str, page_height: float) -> BlockKind:
    """Heading: a short paragraph set larger than the body. Footnote: smaller than the body, low
    on the page, starting with a note mark."""
    size = max(line.size for line in lines)
    if len(lines) <= 2 and size >= HEADING_SCALE * metrics.body_size and len(text) <= 120:
        return BlockKind.HEADING
    if size < 0.95 * metrics.body_size and all(line.top < 0.3 * page_height for line in lines) \
            and _NOTE_MARK.match(text):
        return BlockKind.FOOTNOTE
    return BlockKind.PARAGRAPH



def _running_excluded(running: list[Running]) -> list[ExcludedText]:
    """One entry per distinct running header/footer text, with its first page."""
    pages_of: dict[str, list[int]] = {}
    first: dict[str, Running] = {}
    for item in running:
        pages_of.setdefault(item.text, []).append(item.page)
        first.setdefault(item.text, item)
    return [
        ExcludedText(ExcludedKind.RUNNING_HEADER, normalize(text)[0], page=item.page,
                     detail=f"{'header' if item.position == 'top' else 'footer'} on {len(pages_of[text])} page(s)")
        for text, item in first.items()
    ]


def read_pdf(data: bytes, name: str, *, password: str | None, limits: Limits,
             ocr: OcrOptions | None = None) -> Document:
    """Read a PDF contract into a :class:`Document` (see the module docstring). Pages without a text
    layer are read by OCR when the extra is installed (:func:`.ocr.ocr_scanned_pages`)."""
    import pypdfium2 as pdfium

    check_streams(data, limits, password)
    pdf = _open(data, password)
    try:
        try:
            count = len(pdf)
        except pdfium.PdfiumError:
            raise DocumentError.of("pdf-page-tree", code="corrupt") from None
        if count > limits.max_pages:
            raise LimitExceeded.of("pdf-pages", count=f"{count:,}", limit=f"{limits.max_pages:,}")
        if count == 0:
            raise DocumentError.of("pdf-no-pages", code="corrupt")
        try:
            title = (pdf.get_metadata_value("Title") or "").strip() or None
        except (pdfium.PdfiumError, KeyError, ValueError):
            title = None
        unread: list[UnreadContent] = []
        _SCANNER.shown_layers = shown_layers(data) if b"/OC" in data else None
        pages, shown = _read_pages(pdf, data, password, count, unread)
        scanned = ocr_scanned_pages(pdf, pages, ocr, limits)
    finally:
        _SCANNER.shown_layers = None
        pdf.close()
    read_by_ocr = {p.page for p in scanned}
    if len(read_by_ocr) < len(pages):
        _check_text([p for p in pages if p.number not in read_by_ocr])
    if read_by_ocr:
        for page in pages:
            if page.number in read_by_ocr:
                page.lines, page.image_only = [], False

    body, running = remove_running([p.lines for p in pages], [p.height for p in pages])
    flows: list[list[Line]] = []
    for page, lines, extra in zip(pages, body, shown, strict=True):
        if lines or extra:
            flows.extend(order_page(lines + extra, page.width))
    metrics = measure(flows)
    joiner = Joiner([line.text for flow in flows for line in flow])

    blocks: list[Block] = []
    total_chars = 0
    locate = any(p.hidden for p in pages)  # hidden runs are located by their nearest block
    controls = any(p.bad_chars for p in pages)
    where: dict[int, list[tuple[float, int]]] = {}  # page -> (baseline, block index) of its lines
    for para in paragraphs(flows, metrics):
        raw = ""
        for line in para.lines:
            raw = joiner.join(raw, _clean(line.text) if controls else line.text)
        text, origin = normalize(raw)
        if not text:
            continue
        total_chars += len(text)
        if total_chars > limits.max_chars:
            raise LimitExceeded.of("max-chars", limit=f"{limits.max_chars:,}")
        page_end = para.page_end if para.page_end != para.page else None
        if locate:
            for line in para.lines:
                where.setdefault(line.page, []).append((line.baseline, len(blocks)))
        shown_by = para.lines[0].origin  # an annotation or form field: a box drawn over the page
        kind = BlockKind.TEXTBOX if shown_by else _kind(para.lines, metrics, text, pages[para.page - 1].height)
        blocks.append(Block(text, kind=kind, paragraph=len(blocks), page=para.page, page_end=page_end,
                            origin=origin, raw=None if text == raw else raw,
                            flags=frozenset({shown_by}) if shown_by else frozenset()))
    excluded = _running_excluded(running)
    for page in pages:
        for run in page.hidden:
            near = None
            if run.y is not None and where.get(run.page):
                near = min(where[run.page], key=lambda item: abs(item[0] - run.y))[1]  # type: ignore[operator]
            excluded.append(ExcludedText(run.kind, normalize(run.text)[0], paragraph=near, page=run.page,
                                         detail=run.detail))

    doc = Document(path=name, format="pdf", blocks=blocks, excluded=excluded, pages=count, title=title,
                   unread=unread)
    merge_ocr_blocks(doc, scanned, ocr)
    bad = sum(p.bad_chars for p in pages)
    if bad:
        doc.warnings.append(f"{bad} character(s) without a Unicode mapping were dropped or kept as U+FFFD")
    scans = [p.number for p in pages if p.image_only]
    doc.unread.extend(UnreadContent("image-page", "a page that is only an image (not read: it may hold "
                                    "clauses)", page=number) for number in scans)
    if scans:
        doc.warnings.append(f"page(s) {_ranges(scans)} are images without a text layer and were not "
                            f"read: {OCR_HINT}")
    hidden = [e for e in excluded if e.kind != ExcludedKind.RUNNING_HEADER]
    if hidden:
        doc.warnings.append(f"{len(hidden)} run(s) of text a reader would not see were excluded "
                            "(white, tiny, off-page or invisible)")
    return doc
