"""The standalone annex: model, and its Markdown, text, HTML and DOCX forms.

Why one model: every format shows the same clauses, numbering and wording,
and the tests lint each format's output; only layout differs here. All words
come from ``templates/``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .context import AnnexContext
from .render import annex_text, clause, clause_ids, render_page

FORMATS = ("md", "txt", "html", "docx")
#: Fonts for Chinese text in the DOCX (Word falls back gracefully if absent).
EAST_ASIA_FONT = "SimSun"


@dataclass(slots=True)
class AnnexSection:
    """One numbered clause of the annex (a requirement, or the language clause)."""

    req_id: str | None
    number: int
    number_label: dict[str, str]
    title: dict[str, str]
    paragraphs: dict[str, list[str]]
    basis: dict[str, str] = field(default_factory=dict)

    def heading(self, lang: str) -> str:
        return f"{self.number_label[lang]} {self.title[lang]}"


@dataclass(slots=True)
class Annex:
    langs: list[str]
    title: dict[str, str]
    parties: dict[str, list[str]]
    preamble: dict[str, list[str]]
    sections: list[AnnexSection]
    #: lang -> {"buyer": lines, "supplier": lines}
    signature: dict[str, dict[str, list[str]]]
    #: lang -> running header (the main contract's title and number) and page footer ("第 {PAGE} 页…")
    header: dict[str, str] = field(default_factory=dict)
    footer: dict[str, str] = field(default_factory=dict)
    #: values the contract did not give, left as visible blanks (for the command's note)
    blanks: list[str] = field(default_factory=list)

    @property
    def joined_title(self) -> str:
        return " / ".join(self.title[lang] for lang in self.langs)

    def rows(self, per_lang: dict[str, list[str]]) -> list[list[str]]:
        """Paragraphs paired across languages (row i = paragraph i in each language)."""
        longest = max(len(per_lang[lang]) for lang in self.langs)
        return [[(per_lang[lang][i] if i < len(per_lang[lang]) else "") for lang in self.langs]
                for i in range(longest)]


def _paras(text: object) -> list[str]:
    parts = [" ".join(p.split()) for p in str(text).strip().split("\n\n")]
    return [p for p in parts if p]


def _lines(text: object) -> list[str]:
    return [line.strip() for line in str(text).strip().splitlines() if line.strip()]


def covered_packs(req_ids: Iterable[str]) -> list[str]:
    """The built-in packs whose clauses are among ``req_ids``, in pack order (["csr"] when none is known)."""
    from ..packs import builtin_dirs, load_packs, pack_of

    library = load_packs(tuple(builtin_dirs()))
    found = {p.id for r in req_ids if (p := pack_of(library, r)) is not None}
    return [p.id for p in library.packs if p.id in found] or ["csr"]


def build_annex(ctx: AnnexContext, req_ids: Iterable[str], langs: list[str], variant: str) -> Annex:
    """Assemble the annex for ``req_ids`` (in requirement order) in ``langs``."""
    wanted = [r for r in clause_ids() if r in set(req_ids)]
    # the title and preamble name what the annex covers: the Art. 6 undertakings alone keep the csr title
    covered = covered_packs(wanted)
    texts = {lang: annex_text(lang, {**ctx.for_lang(lang), "packs": covered}) for lang in langs}
    sections: list[AnnexSection] = []
    for number, req_id in enumerate(wanted, start=1):
        clauses = {lang: clause(req_id, lang, variant, ctx.for_lang(lang)) for lang in langs}
        sections.append(AnnexSection(
            req_id=req_id, number=number,
            number_label={lang: str(texts[lang].clause_number(number)) for lang in langs},
            title={lang: clauses[lang].title for lang in langs},
            paragraphs={lang: list(clauses[lang].paragraphs) for lang in langs},
            basis={lang: clauses[lang].basis for lang in langs},
        ))
    if len(langs) > 1:
        number = len(sections) + 1
        sections.append(AnnexSection(
            req_id=None, number=number,
            number_label={lang: str(texts[lang].clause_number(number)) for lang in langs},
            title={lang: str(texts[lang].language_title) for lang in langs},
            paragraphs={lang: _paras(texts[lang].language_clause) for lang in langs},
        ))
    return Annex(
        langs=list(langs),
        title={lang: str(texts[lang].title) for lang in langs},
        parties={lang: _lines(texts[lang].parties) for lang in langs},
        preamble={lang: _paras(texts[lang].preamble) for lang in langs},
        sections=sections,
        signature={lang: {"buyer": _lines(texts[lang].signature_buyer),
                          "supplier": _lines(texts[lang].signature_supplier)} for lang in langs},
        header={lang: " ".join(str(texts[lang].header).split()) for lang in langs},
        footer={lang: " ".join(str(texts[lang].footer).split()) for lang in langs},
        blanks=[key for key in ("contract_title", "contract_number", "contract_date", "buyer_name", "supplier_name")
                if any(key not in ctx.for_lang(lang) for lang in langs)],
    )


def to_markdown(annex: Annex) -> str:
    return render_page("annex/annex.md.j2", "md", annex=annex).rstrip() + "\n"


def to_text(annex: Annex) -> str:
    return render_page("annex/annex.txt.j2", "text", annex=annex).rstrip() + "\n"


def to_html(annex: Annex) -> str:
    return render_page("annex/annex.html.j2", "html", annex=annex).rstrip() + "\n"


# --------------------------------------------------------------------------- DOCX

def _numbering(doc, annex: Annex) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Add one single-level clause numbering per language to numbering.xml; lang -> numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    next_abstract = max(abstract_ids, default=-1) + 1
    next_num = max(num_ids, default=0) + 1
    formats = {"zh": ("chineseCounting", "第%1条"), "en": ("decimal", "Clause %1")}
    result: dict[str, int] = {}
    first_num = numbering.find(qn("w:num"))
    for lang in annex.langs:
        fmt, text = formats[lang]
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{next_abstract}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            '<w:suff w:val="space"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl></w:abstractNum>')
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{next_num}">'
                        f'<w:abstractNumId w:val="{next_abstract}"/></w:num>')
        numbering.append(num)
        result[lang] = next_num
        next_abstract += 1
        next_num += 1
    return result


def _number_paragraph(paragraph, num_id: int) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _set_lang(paragraph, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Mark the runs' language so Word proofs and lays out CJK correctly."""
    from docx.oxml.ns import qn

    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        el = rpr.find(qn("w:lang"))
        if el is None:
            el = rpr.makeelement(qn("w:lang"), {})
            rpr.append(el)
        el.set(qn("w:eastAsia" if lang == "zh" else "w:val"), "zh-CN" if lang == "zh" else "en-GB")


@dataclass(slots=True)
class HouseStyle:
    """The contract's own fonts (Normal style), so the annex looks like part of it."""

    ascii: str | None = None
    east_asia: str | None = None
    size_half_points: int | None = None


def contract_fonts(data: bytes) -> HouseStyle:
    """Fonts of the contract's Normal style and document defaults (empty when it sets none)."""
    from ..errors import CliccheckError
    from ..limits import DEFAULT_LIMITS
    from ..readers.safezip import open_package
    from .ooxml import w

    style = HouseStyle()
    try:
        pkg = open_package(data, DEFAULT_LIMITS)
        part = next(iter(pkg.related(pkg.main_document(), "styles")), None)
        root = pkg.xml(part) if part else None
    except (CliccheckError, ValueError, OSError, zipfile.BadZipFile):  # no Word styles: the annex's own
        return style
    if root is None:
        return style
    candidates = [el for el in root.iter(w("style")) if el.get(w("styleId")) == "Normal"]
    candidates += list(root.iter(w("rPrDefault")))
    for el in candidates:
        fonts = el.find(f".//{w('rFonts')}")
        if fonts is not None:
            style.ascii = style.ascii or fonts.get(w("ascii")) or fonts.get(w("hAnsi"))
            style.east_asia = style.east_asia or fonts.get(w("eastAsia"))
        size = el.find(f".//{w('sz')}")
        value = size.get(w("val")) if size is not None else None
        if value and value.isdigit() and style.size_half_points is None:
            style.size_half_points = int(value)
    return style


def _field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice update when they lay the page out."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    for xml in (f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
                f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {nsdecls("w")}><w:t>1</w:t></w:r>',
                f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))


def _footer_text(paragraph, template: str) -> None:  # type: ignore[no-untyped-def]
    import re

    for piece in re.split(r"(\{PAGE\}|\{NUMPAGES\})", template):
        if piece in ("{PAGE}", "{NUMPAGES}"):
            _field(paragraph, piece[1:-1])
        elif piece:
            paragraph.add_run(piece)


def _style(doc, name: str):  # type: ignore[no-untyped-def]
    """A style of the (reference) document, or None when it has no such style."""
    try:
        return doc.styles[name]
    except KeyError:
        return None


def _plain_heading(style, house: HouseStyle) -> None:  # type: ignore[no-untyped-def]
    """Word's built-in Heading 2 is blue and in the theme's display font; a clause heading a lawyer sends is black
    and in the contract's own fonts (the body's)."""
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    style.font.color.rgb = RGBColor(0, 0, 0)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)  # a theme font overrides the named fonts below
    rfonts.set(qn("w:eastAsia"), house.east_asia or EAST_ASIA_FONT)
    if house.ascii:
        for attr in ("w:ascii", "w:hAnsi"):
            rfonts.set(qn(attr), house.ascii)


def to_docx(annex: Annex, *, when: datetime | None = None, house: HouseStyle | None = None,
            reference: bytes | None = None) -> bytes:
    """A Word document: heading style + clause numbering, parallel table when bilingual, header and page numbers.

    ``reference`` is a house template (its styles, page setup, header and footer are kept; its body is
    replaced); ``house`` the main contract's fonts, applied when there is no reference document.
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    when = when or datetime.now(UTC)
    if reference is not None:
        doc = docx.Document(io.BytesIO(reference))
        body = doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
    else:
        doc = docx.Document()
        normal = doc.styles["Normal"]
        rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        house = house or HouseStyle()
        rfonts.set(qn("w:eastAsia"), house.east_asia or EAST_ASIA_FONT)
        if house.ascii:
            for attr in ("w:ascii", "w:hAnsi"):
                rfonts.set(qn(attr), house.ascii)
        if house.size_half_points:
            normal.font.size = Pt(house.size_half_points / 2)
    num_ids = _numbering(doc, annex)
    bilingual = len(annex.langs) > 1
    heading_style = _style(doc, "Heading 2")
    if reference is None and heading_style is not None:
        _plain_heading(heading_style, house or HouseStyle())

    section = doc.sections[0]
    if reference is None or not any(p.text.strip() for p in section.header.paragraphs):
        header = section.header.paragraphs[0]
        header.text = " / ".join(annex.header[lang] for lang in annex.langs if annex.header.get(lang))
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if reference is None or not any(p.text.strip() for p in section.footer.paragraphs):
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _footer_text(footer, annex.footer[annex.langs[0]])

    # The title as a plain centred bold paragraph: Word's "Title" style is a blue display font.
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(annex.joined_title if bilingual else annex.title[annex.langs[0]])
    run.bold = True
    run.font.size = Pt(16)

    def heading(container, text: str, lang: str):  # type: ignore[no-untyped-def]
        para = container.add_paragraph(text)
        if heading_style is not None:
            para.style = heading_style
        else:
            for r in para.runs:
                r.bold = True
        _number_paragraph(para, num_ids[lang])
        _set_lang(para, lang)
        return para

    def fill(container, lang: str) -> None:  # type: ignore[no-untyped-def]
        for text in annex.parties[lang]:
            _set_lang(container.add_paragraph(text), lang)
        for text in annex.preamble[lang]:
            _set_lang(container.add_paragraph(text), lang)
        for section in annex.sections:
            heading(container, section.title[lang], lang)
            for text in section.paragraphs[lang]:
                _set_lang(container.add_paragraph(text), lang)

    if not bilingual:
        fill(doc, annex.langs[0])
    else:
        # Parallel columns: one row per preamble paragraph, per clause heading and per clause paragraph.
        table = doc.add_table(rows=0, cols=len(annex.langs))
        grid = _style(doc, "Table Grid")
        if grid is not None:
            table.style = grid

        def row(texts: list[str], numbered: bool = False) -> None:
            cells = table.add_row().cells
            for cell, lang, text in zip(cells, annex.langs, texts, strict=True):
                para = cell.paragraphs[0]
                para.add_run(text)
                if numbered:
                    if heading_style is not None:
                        para.style = heading_style
                    else:
                        for r in para.runs:
                            r.bold = True
                    _number_paragraph(para, num_ids[lang])
                _set_lang(para, lang)

        for pair in annex.rows(annex.parties):
            row(pair)
        for pair in annex.rows(annex.preamble):
            row(pair)
        for section in annex.sections:
            row([section.title[lang] for lang in annex.langs], numbered=True)
            for pair in annex.rows(section.paragraphs):
                row(pair)

    doc.add_paragraph()
    sig = doc.add_table(rows=1, cols=2)
    for cell, party in zip(sig.rows[0].cells, ("buyer", "supplier"), strict=True):
        first = True
        for lang in annex.langs:
            for line in annex.signature[lang][party]:
                para = cell.paragraphs[0] if first else cell.add_paragraph()
                para.add_run(line)
                _set_lang(para, lang)
                first = False

    props = doc.core_properties
    props.title = annex.joined_title
    props.subject = " / ".join(annex.header[lang] for lang in annex.langs if annex.header.get(lang))
    props.author = "cliccheck"
    props.last_modified_by = "cliccheck"
    props.comments = "Generated by cliccheck (Cybersecurity Review Measures, Art. 6)"
    props.keywords = "cliccheck"
    props.category = ""
    props.revision = 1
    naive = when.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    props.created = naive
    props.modified = naive
    props.last_printed = naive
    buf = io.BytesIO()
    doc.save(buf)
    return rezip(buf.getvalue(), when)


def zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    w = when.astimezone(UTC)
    if w.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (w.year, w.month, w.day, w.hour, w.minute, w.second - w.second % 2)


def rezip(data: bytes, when: datetime | None, *, replace: dict[str, bytes] | None = None,
          add: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a package deterministically: same member order, fixed metadata.

    Members in ``replace`` get new bytes; members in ``add`` are appended (in
    sorted order). Members keep their own timestamps unless ``when`` is given.
    """
    replace = replace or {}
    add = add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        names = [i.filename for i in src.infolist()]
        for info in src.infolist():
            payload = replace.get(info.filename)
            if payload is None:
                payload = src.read(info)
            stamp = zip_time(when) if when else info.date_time
            _write_member(dst, info.filename, payload, stamp)
        for name in sorted(n for n in add if n not in names):
            _write_member(dst, name, add[name], zip_time(when) if when else (1980, 1, 1, 0, 0, 0))
    return out.getvalue()


def _write_member(dst: zipfile.ZipFile, name: str, payload: bytes,
                  stamp: tuple[int, int, int, int, int, int]) -> None:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0
    dst.writestr(info, payload, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


def render_annex(annex: Annex, fmt: str, *, when: datetime | None = None, house: HouseStyle | None = None,
                 reference: bytes | None = None) -> bytes | str:
    """The annex in one of :data:`FORMATS` (``house``/``reference`` shape the DOCX only)."""
    if fmt == "md":
        return to_markdown(annex)
    if fmt == "txt":
        return to_text(annex)
    if fmt == "html":
        return to_html(annex)
    if fmt == "docx":
        return to_docx(annex, when=when, house=house, reference=reference)
    raise ValueError(fmt)
