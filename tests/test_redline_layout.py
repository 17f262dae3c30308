"""Issue 11: the redline puts its fixes where a drafter would, numbered and worded as the contract is.

Run on every DOCX fixture: the bundled samples, the other helpers' fixtures, the drafts of
``generate_docs.py`` and the layout contracts of ``fixtures/redline/build_redline_fixtures.py``
(signature table, schedules/附件, Word auto-numbered articles, two-column bilingual table,
cross-references; Chinese and English).
"""

from __future__ import annotations

import io
import itertools
import re
import sys
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from docx_revisions import accept_all, reject_all
from generate_docs import DRAFTS
from generate_helpers import ROOT, check, docx_fixtures, verdicts
from lxml import etree

from cliccheck.generate.context import build_context
from cliccheck.generate.layout import analyse, increment, is_schedule_heading, is_signature
from cliccheck.generate.redline import RedlineOptions, redline_docx
from cliccheck.readers import read_document
from cliccheck.sections import parse_label

sys.path.insert(0, str(ROOT / "fixtures" / "redline"))
from build_redline_fixtures import BUILDERS

AUTHOR = "Wang Fang"
WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")

CASES: list[tuple[str, bytes]] = (
    [(f"layout:{name}", build()) for name, build in BUILDERS.items()]
    + [(f"draft:{name}", build()) for name, build in DRAFTS.items()]
    + [(f"fixture:{p.parent.name}/{p.name}", p.read_bytes()) for p in docx_fixtures()])


class Run:
    """One redline of one contract, with its accepted and rejected readings."""

    def __init__(self, name: str, data: bytes, **options: object):
        self.name = name
        self.data = data
        self.doc = read_document(data, filename="draft.docx")
        self.result = check(self.doc)
        ctx = build_context(self.doc, self.result)
        self.out, self.summary = redline_docx(data, self.doc, self.result, ctx,
                                              RedlineOptions(author=AUTHOR, when=WHEN, **options))  # type: ignore[arg-type]
        self.accepted = read_document(accept_all(self.out), filename="accepted.docx")
        self.layout = analyse(self.doc)

    def new_headings(self) -> list[int]:
        """Indexes (in the accepted document) of the headings of the inserted articles."""
        original = {b.text for b in self.doc.blocks}
        titles = _titles()
        return [b.index for b in self.accepted.blocks
                if b.text not in original and any(t.lower() in b.text.lower() for t in titles) and len(b.text) < 250
                and not b.text.rstrip().endswith((".", "。")) and "。" not in b.text]  # a heading, not a sentence


_RUNS: dict[str, Run] = {}


def redlined(name: str) -> Run:
    """The default redline of fixture ``name``, computed once per test session (redlining is the slow part)."""
    if name not in _RUNS:
        _RUNS[name] = Run(name, dict(CASES)[name])
    return _RUNS[name]


def _titles() -> list[str]:
    from cliccheck.library import load_library

    lib = load_library()
    return [lib.requirement(r).titles[lang] for r in ("CSR01", "CSR02", "CSR03", "CSR04") for lang in ("zh", "en")]


@pytest.fixture(scope="module", params=CASES, ids=[name for name, _ in CASES])
def run(request) -> Run:  # type: ignore[no-untyped-def]
    return redlined(request.param[0])


def _shape(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(b.text, str(b.kind)) for b in doc.blocks]


def _inserted_text(out: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(out))
    root = d.element
    return ["".join(t.text or "" for t in el.iter(f"{W}t")) for el in root.iter(f"{W}ins")
            if el.get(f"{W}author") == AUTHOR]


# ----------------------------------------------------------------- invariants on every fixture

def test_accept_all_passes_lint(run: Run) -> None:
    result = check(run.accepted)
    got = verdicts(result)
    assert all(v == "satisfied" for v in got.values()), (run.name, got)


def test_reject_all_restores_the_draft(run: Run) -> None:
    assert _shape(read_document(reject_all(run.out, author=AUTHOR), filename="r.docx")) == _shape(run.doc)


def _body_paragraphs(data: bytes) -> list[etree._Element]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return list(root.iter(f"{W}p"))


def _paragraph_look(data: bytes) -> list[tuple[str, str | None, tuple[tuple[str, str | None], ...] | None]]:
    """Per paragraph (body and table cells): its text, its style and its Word list number (numPr)."""
    out = []
    for p in _body_paragraphs(data):
        ppr = p.find(f"{W}pPr")
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        num = ppr.find(f"{W}numPr") if ppr is not None else None
        out.append(("".join(t.text or "" for t in p.iter(f"{W}t")), style.get(f"{W}val") if style is not None else None,
                    None if num is None else tuple((c.tag[len(W):], c.get(f"{W}val")) for c in num)))
    return out


def _mark_inserted_by_us(p: etree._Element) -> bool:
    return any(el.get(f"{W}author") == AUTHOR for el in p.findall(f"{W}pPr/{W}rPr/{W}ins"))


@pytest.mark.parametrize("keep_first", [False, True], ids=["word-join", "libreoffice-join"])
def test_reject_all_restores_each_paragraphs_style_and_numbering(run: Run, keep_first: bool) -> None:
    """REVIEW-outputs 18: rejecting our inserted paragraph marks joins paragraphs; whichever paragraph's properties
    the joined one keeps (the surviving mark's, as Word; the first paragraph's, as LibreOffice), every paragraph
    of the draft comes back with its own text, style and list number."""
    rejected = _paragraph_look(reject_all(run.out, author=AUTHOR, keep_first=keep_first))
    assert rejected == _paragraph_look(run.data), run.name


def test_no_inserted_mark_of_ours_joins_a_paragraph_of_the_contract(run: Run) -> None:
    """REVIEW-outputs 18: the paragraph after an insertion is left as it was. An inserted mark just before a
    paragraph of the contract would, on rejection, join it (LibreOffice then counts it as inserted and shows the
    numbers after it beside 'old' ones: "11.[10.]"); the new paragraphs hang off the paragraph before them."""
    paragraphs = _body_paragraphs(run.out)
    ours = {id(p) for p in paragraphs if any(
        el.get(f"{W}author") == AUTHOR for el in p.iter(f"{W}ins") if el.getparent().tag != f"{W}rPr")
        and not any(t.getparent().getparent().tag != f"{W}ins" for t in p.iter(f"{W}t"))}
    for p in paragraphs:
        before = p.getprevious()
        if id(p) in ours or before is None or before.tag != f"{W}p":
            continue
        assert not _mark_inserted_by_us(before), (run.name, "".join(t.text or "" for t in p.iter(f"{W}t"))[:60])


def test_accept_all_adds_no_empty_paragraph(run: Run) -> None:
    """REVIEW-outputs 16: articles appended at the very end (no signature block) or sub-clauses added in a table
    cell used to leave an empty paragraph behind once every change was accepted."""
    def empty(data: bytes) -> int:
        return sum(1 for text, _, _ in _paragraph_look(data) if not text.strip())

    assert empty(accept_all(run.out)) == empty(run.data), run.name


def test_replaced_numbered_clause_hangs_its_sub_clauses_off_its_own_mark() -> None:
    """REVIEW-outputs 18, English sample: 9.2 is replaced by a clause of three paragraphs. 9.2's own mark is the
    inserted one, the first sub-clause's mark too; the last sub-clause carries 9.2's original mark, unnumbered,
    with a recorded property change back to 9.2's numbering; heading 10 after it is byte for byte the draft's."""
    r = redlined("fixture:sample/supply-agreement-en.docx")
    out = _body_paragraphs(r.out)
    draft = _body_paragraphs(r.data)

    def text(p: etree._Element) -> str:
        return "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText"))

    at = next(i for i, p in enumerate(out) if "commercially reasonable efforts not to collect" in text(p))
    clause, first, last, heading = out[at:at + 4]
    num = clause.find(f"{W}pPr/{W}numPr")
    assert num is not None and _mark_inserted_by_us(clause) and _mark_inserted_by_us(first)
    assert first.find(f"{W}pPr/{W}numPr") is None and last.find(f"{W}pPr/{W}numPr") is None
    assert not last.findall(f"{W}pPr/{W}rPr/{W}ins")
    change = last.find(f"{W}pPr/{W}pPrChange")
    assert change is not None and change.get(f"{W}author") == AUTHOR
    assert etree.tostring(change.find(f"{W}pPr/{W}numPr")) == etree.tostring(num)
    original = next(p for p in draft if text(p) == text(heading))
    assert text(heading) == "Cybersecurity Review" and etree.tostring(heading) == etree.tostring(original)


def test_inserted_articles_sit_before_the_signature_block_and_schedules(run: Run) -> None:
    heads = run.new_headings()
    assert len(heads) >= len(run.summary.inserted_clauses), (run.name, run.summary)
    if not heads:
        return
    boundary = run.layout.boundary.text if run.layout.boundary is not None else None
    closing = [b.index for b in run.accepted.blocks if b.index > heads[0]
               and (is_signature(b.text) or is_schedule_heading(b.text) or b.text == boundary)]
    before = [b for b in run.accepted.blocks if b.index < heads[0]]
    assert not any(is_signature(b.text) and b.index > 3 for b in before), run.name
    assert not any(is_schedule_heading(b.text) for b in before if b.index > 3), run.name
    if run.layout.boundary is not None:
        assert closing, f"{run.name}: the signature block/schedule should follow the new articles"


def test_numbering_continues(run: Run) -> None:
    heads = run.new_headings()
    numbering = run.layout.numbering
    if not heads or numbering is None or not numbering.prefixes:
        return
    blocks = run.accepted.blocks
    first = blocks[heads[0]]
    prefix = next(iter(numbering.prefixes.values()))
    expected = increment(prefix, 1)
    shown = "".join((first.label or first.text).split())  # Word's number, or the typed one
    norm = "".join(expected.split()).rstrip(".")
    assert shown.startswith(norm), (run.name, expected, first.label, first.text)
    assert "Supplemental" not in first.text and "补充条款" not in first.text


def test_no_empty_numbered_paragraph(run: Run) -> None:
    for b in run.accepted.blocks:
        if not b.is_body:
            continue
        if b.label and not b.text.strip():
            pytest.fail(f"{run.name}: empty numbered paragraph {b.label}")
        label = parse_label(b.text)
        if label is not None and not label.rest.strip() and not b.label and not re.fullmatch(r"\d+", b.text.strip()):
            pytest.fail(f"{run.name}: a number with no clause: {b.text!r}")


def test_no_statute_citation_in_the_contract_body(run: Run) -> None:
    body = "\n".join(_inserted_text(run.out))
    assert "本条依据" not in body and "This clause is made under" not in body
    assert "Cybersecurity Review Measures" not in body and "网络安全审查办法" not in body


# ----------------------------------------------------------------- language purity (a test per language)

def _single_language(lang: str) -> list[tuple[str, bytes]]:
    return [(n, d) for n, d in CASES if read_document(d, filename="x.docx").language == lang]


@pytest.mark.parametrize(("name", "data"), _single_language("zh"), ids=[n for n, _ in _single_language("zh")])
def test_chinese_contract_gets_no_english(name: str, data: bytes) -> None:
    r = redlined(name)
    for text in _inserted_text(r.out):
        assert not LATIN_WORD.search(text), (name, text)


@pytest.mark.parametrize(("name", "data"), _single_language("en"), ids=[n for n, _ in _single_language("en")])
def test_english_contract_gets_no_chinese(name: str, data: bytes) -> None:
    r = redlined(name)
    for text in _inserted_text(r.out):
        assert not CJK.search(text), (name, text)


# ----------------------------------------------------------------- specific layouts

def _case(name: str) -> bytes:
    return dict(CASES)[name]


@pytest.mark.parametrize("name", ["layout:bitable-bi", "fixture:sample/bilingual-contract.docx"])
def test_bilingual_table_rows_stay_parallel(name: str) -> None:
    r = redlined(name)
    rows: dict[tuple[int, int], dict[int, str]] = {}
    for b in r.accepted.blocks:
        if b.table is not None:
            rows.setdefault((b.table.table, b.table.row), {})[b.table.column] = b.text
    for key, cells in rows.items():
        if len(cells) == 2:
            zh, en = cells.get(0, ""), cells.get(1, "")
            assert bool(zh.strip()) == bool(en.strip()), (key, cells)
            if CJK.search(zh) and LATIN_WORD.search(en):
                continue
    new_rows = [cells for cells in rows.values() if any(t.lower() in cells.get(1, "").lower() for t in _titles())]
    assert new_rows or not r.summary.inserted_clauses
    for cells in new_rows:
        assert CJK.search(cells[0]) and not LATIN_WORD.search(cells[0])
        assert LATIN_WORD.search(cells[1]) and not CJK.search(cells[1])


def test_bilingual_table_new_articles_continue_both_numberings() -> None:
    r = redlined("layout:bitable-bi")
    texts = [b.text for b in r.accepted.blocks]
    assert "第五条 不非法获取用户数据" in texts and "Article 5 No Illegal Acquisition of User Data" in texts
    sig = next(i for i, t in enumerate(texts) if t.startswith("甲方（盖章）"))
    assert texts.index("第六条 不非法控制和操纵用户设备") < sig
    # the contradiction in both columns is replaced in each cell by the undertaking in that cell's language
    rows: dict[int, dict[int, str]] = {}
    for b in r.accepted.blocks:
        if b.table is not None:  # a cell may hold several paragraphs (a replacement's sub-clauses)
            cell = rows.setdefault(b.table.row, {})
            cell[b.table.column] = (cell.get(b.table.column, "") + "\n" + b.text).lstrip("\n")
    support = next(cells for cells in rows.values() if cells.get(0, "").startswith("维保期内"))
    assert "乙方承诺无正当理由不中断产品供应" in support[0] and "有权随时暂停" not in support[0]
    assert "Party B undertakes that it shall not interrupt" in support[1] and "at any time" not in support[1]


def test_one_column_contradiction_is_replaced_not_left_deleted() -> None:
    """The sample's English 8.4 lets Party B suspend; its Chinese （四） gives the undertaking: 8.4 is replaced."""
    r = redlined("fixture:sample/bilingual-contract.docx")
    en = [b.text for b in r.accepted.blocks if b.table is not None and b.text.startswith("8.4 ")]
    assert en and en[0].startswith("8.4 Party B undertakes that it shall not interrupt"), en
    assert not r.summary.inserted_clauses  # nothing left to add: both versions now give CSR04


def test_alternating_bilingual_inserts_zh_en_pairs() -> None:
    r = redlined("draft:bilingual")
    blocks = [b for b in r.accepted.blocks if b.text not in {x.text for x in r.doc.blocks}]
    langs = [b.language for b in blocks if b.language in ("zh", "en")]
    assert langs and langs[0] == "zh"
    assert all(a != b for a, b in itertools.pairwise(langs)), langs  # zh, en, zh, en ...


def test_deleted_numbered_clause_keeps_its_number_and_citing_clause_gets_a_comment() -> None:
    for name, marker, citing in (("layout:xref-en", "7.1 [Intentionally deleted]", "Without limiting Clause 7.1"),
                                 ("layout:xref-zh", "2.2 【本条删除】", "除第2.2条另有约定外")):
        r = redlined(name)
        texts = [b.text for b in r.accepted.blocks]
        assert marker in texts, (name, texts)
        comments = [c.text for c in docx.Document(io.BytesIO(r.out)).comments]
        assert any("7.1" in c and "check" in c for c in comments) if name.endswith("en") else \
            any("第2.2条" in c and "引用" in c for c in comments), comments
        citing_para = next(p for p in docx.Document(io.BytesIO(r.out)).paragraphs if citing in p.text)
        assert citing_para._p.find(f"{W}commentRangeStart") is not None


def test_deleted_text_is_configurable() -> None:
    r = Run("xref", _case("layout:xref-en"), deleted_text={"en": "[Deleted]"})
    assert "7.1 [Deleted]" in [b.text for b in r.accepted.blocks]


def test_unnumbered_deleted_paragraph_leaves_no_empty_paragraph() -> None:
    d = docx.Document()
    d.add_paragraph('This Agreement is made between Jiangnan Grid Data Co., Ltd. (the "Customer") and '
                    'Northbridge Systems Ltd. (the "Vendor").')
    d.add_paragraph("The Vendor may stop technical support at any time for any reason.")
    d.add_paragraph("Prices are fixed.")
    buf = io.BytesIO()
    d.save(buf)
    r = Run("unnumbered", buf.getvalue())
    texts = [b.text for b in r.accepted.blocks]
    assert not any("may stop technical support" in t for t in texts)
    assert "" not in [t.strip() for t in texts] and "[Intentionally deleted]" not in "".join(texts)


def test_replacement_follows_the_paragraph_structure() -> None:
    r = redlined("layout:sigtable-zh")
    texts = [b.text for b in r.accepted.blocks]
    first = next(i for i, t in enumerate(texts) if t.startswith("乙方承诺配合网络安全审查"))
    assert texts[first + 1].startswith("审查所需的材料涉及保密义务")  # the second sub-clause is its own paragraph
    assert texts[first - 1] == "第五条 网络安全"


def test_word_numbered_contract_gets_word_numbered_articles() -> None:
    for name, expected in (("layout:autonum-zh", "第八条"), ("layout:autonum-en", "8."),
                           ("fixture:sample/supply-agreement-en.docx", "15.")):
        r = redlined(name)
        heads = r.new_headings()
        first = r.accepted.blocks[heads[0]]
        assert first.label == expected, (name, first.label, first.text)
        assert not first.text.startswith(expected)  # Word numbers it: no typed number beside Word's


def test_after_is_honoured_or_an_error() -> None:
    from cliccheck.errors import DocumentError

    r = Run("after", _case("layout:xref-en"), after="7.2")
    texts = [b.text for b in r.accepted.blocks]
    i = next(k for k, t in enumerate(texts) if t.startswith("7.2 "))
    assert texts[i + 1].startswith("7.2A ")  # 7.3 exists: no renumbering
    with pytest.raises(DocumentError, match="not found"):
        Run("after", _case("layout:xref-en"), after="99.9")
    r = Run("after-table", _case("layout:bitable-bi"), after="第二条")
    texts = [b.text for b in r.accepted.blocks]
    assert texts.index("第二条之一 不非法获取用户数据") < texts.index("第三条 网络安全")
    assert "Article 2A No Illegal Acquisition of User Data" in texts


def test_contract_term_is_adopted_in_inserted_clauses() -> None:
    r = redlined("layout:sigtable-en")
    body = " ".join(_inserted_text(r.out))
    assert "this Agreement" in body and "this Contract" not in body


def test_comments_say_why_each_article_is_added() -> None:
    r = redlined("layout:xref-en")
    comments = [c.text for c in docx.Document(io.BytesIO(r.out)).comments]
    csr04 = [c for c in comments if c.startswith("[CSR04") and "add this clause" in c]
    assert csr04 and "in its place" in csr04[0]  # contradicted: the new article replaces the struck sentence
    csr02 = [c for c in comments if c.startswith("[CSR02")]
    assert csr02 and "contains no such undertaking" in csr02[0]
    deletion = [c for c in comments if c.startswith("[CSR04") and "delete" in c]
    assert deletion and "Clause 12" in deletion[0]  # the comment names the new article by its number


# ----------------------------------------------------------------- review of the outputs (templates/REVIEW-outputs.md)

def _comments(out: bytes) -> list[str]:
    return [c.text for c in docx.Document(io.BytesIO(out)).comments if c.author == AUTHOR]


def test_one_heading_in_both_languages_gets_new_headings_in_both_languages() -> None:
    """REVIEW-outputs 1: "第三条 语言 Clause 3 Language" is followed by "第四条 … Clause 4 …", not by an English
    heading numbered 第四条."""
    r = redlined("draft:bilingual")
    new = [r.accepted.blocks[i].text for i in r.new_headings()]
    assert "第四条 配合网络安全审查 Clause 4 Cooperation with the cybersecurity review" in new, new
    assert not [t for t in new if CJK.search(t) and not t.startswith("第")], new
    assert not any(re.match(r"第.条 [A-Z]", t) for t in new), new


@pytest.mark.parametrize("name", ["draft:bilingual", "layout:bitable-bi", "fixture:sample/bilingual-contract.docx"])
def test_english_comments_quote_no_chinese(name: str) -> None:
    """REVIEW-outputs 2: the English comment on an English clause quotes English words and cites "Clause 7"."""
    english = [c for c in _comments(redlined(name).out) if c.startswith("[")]
    assert english
    for text in english:
        assert not CJK.search(text), (name, text)


def test_weak_clause_in_one_column_is_replaced_by_the_short_undertaking() -> None:
    """REVIEW-outputs 3: the sample's English 8.3 is weak (its 8.4 right to suspend at Party B's discretion names the
    products), its Chinese （三） complies: the English cell gets the one-paragraph undertaking, not a full clause
    with remedies the Chinese text does not have. 8.1 and 8.2 comply in both versions and stay as they are."""
    r = redlined("fixture:sample/bilingual-contract.docx")
    cells: dict[tuple[int, int], list[str]] = {}
    for b in r.accepted.blocks:
        if b.table is not None and b.table.column == 1:
            cells.setdefault((b.table.table, b.table.row), []).append(b.text)
    cell = next(texts for texts in cells.values() if texts[0].startswith("8.3 "))
    assert len([t for t in cell if t.strip()]) == 1, cell
    assert "Party B undertakes" in cell[0] and "terminate" not in cell[0], cell
    for number in ("8.1 ", "8.2 "):
        cell = next(texts for texts in cells.values() if texts[0].startswith(number))
        assert cell[0].startswith((f"{number}Party B shall cooperate", f"{number}Party B undertakes not to use")), cell
    comments = _comments(r.out)
    other = [c[:6] for c in comments if "other language version of this clause gives it" in c]
    assert sorted(other) == ["[CSR03", "[CSR04"], comments


def test_weak_clause_is_left_when_a_new_article_gives_the_undertaking_in_both_languages() -> None:
    """REVIEW-outputs 4: CSR04 weak in Chinese and missing in English: the new article 第五条/Clause 5 gives it in
    both; replacing the Chinese 第一条 too would state CSR04 twice in Chinese and leave 第一条's two texts apart."""
    r = redlined("fixture:docx/bilingual-alternating.docx")
    texts = [b.text for b in r.accepted.blocks]
    assert "乙方应持续向甲方供应备品备件，期限不少于设备停产后五年。" in texts
    assert sum(t.startswith("乙方承诺无正当理由不中断产品供应") for t in texts) == 1, texts
    # the comment on the weak clause points at the new article (the clause is weak as partial: spare parts only,
    # for five years after discontinuation)
    assert any(c.startswith("【CSR04") and "第五条" in c for c in _comments(r.out))


def test_bare_party_lines_at_the_end_are_the_signature_block() -> None:
    """REVIEW-outputs 5: "Customer: …" / "Vendor: …" end the draft; the new articles go before them."""
    r = redlined("draft:en")
    texts = [b.text for b in r.accepted.blocks]
    heads = r.new_headings()
    assert heads and heads[-1] < texts.index("Customer: Beijing Galaxy Data Co., Ltd.")
    body = [b.text for b in r.accepted.blocks if b.is_body and b.text.strip()]
    assert body[-2:] == ["Customer: Beijing Galaxy Data Co., Ltd.", "Vendor: Northbridge Systems Ltd."], body[-3:]


def test_party_lines_inside_a_notices_clause_are_not_a_signature_block() -> None:
    d = docx.Document()
    d.add_paragraph('This Agreement is made between Jiangnan Grid Data Co., Ltd. (the "Customer") and '
                    'Northbridge Systems Ltd. (the "Vendor").')
    d.add_heading("1. Notices", 1)
    d.add_paragraph("Customer: 88 Zhongshan Road, Nanjing")
    d.add_paragraph("Vendor: 12 Harbour Crescent, Singapore")
    d.add_heading("2. Governing Law", 1)
    d.add_paragraph("This Agreement is governed by the laws of the People's Republic of China.")
    buf = io.BytesIO()
    d.save(buf)
    assert analyse(read_document(buf.getvalue(), filename="n.docx")).boundary is None


def test_contradiction_in_both_columns_is_replaced_in_both_by_the_full_clause() -> None:
    """REVIEW-outputs 6-7: both columns of 第二条/Article 2 let Party B suspend. The comments must not say the other
    version gives the undertaking, and the replacement is the clause the new articles have (notice duty included),
    in both columns."""
    r = redlined("layout:bitable-bi")
    comments = [c for c in _comments(r.out) if "CSR04" in c]
    assert comments and not any("other language version of this clause gives it" in c or "已作出该项承诺" in c
                                for c in comments), comments
    cells: dict[int, list[str]] = {}
    for b in r.accepted.blocks:
        if b.table is not None and b.table.row == next(x.table.row for x in r.accepted.blocks if x.table is not None
                                                       and x.text.startswith("维保期内")):
            cells.setdefault(b.table.column, []).append(b.text)
    assert any("提前三十日书面通知" in t for t in cells[0]), cells[0]
    assert any("thirty (30) days' prior written notice" in t for t in cells[1]), cells[1]


def test_article_whose_whole_text_is_deleted_keeps_a_marker_under_its_heading() -> None:
    """REVIEW-outputs 8: 第二条 服务 Clause 2 Services has one unnumbered paragraph per language, both struck: the
    heading must not stand over nothing."""
    r = redlined("draft:bilingual")
    texts = [b.text for b in r.accepted.blocks]
    i = texts.index("第二条 服务 Clause 2 Services")
    assert texts[i + 1:i + 3] == ["【本条删除】", "[Intentionally deleted]"], texts[i:i + 4]


@pytest.mark.parametrize(("name", "expected"), [
    ("fixture:sample/supply-agreement-en.docx", "No Illegal Control or Manipulation of User Equipment"),
    ("layout:sigtable-en", "10. No Interruption of Product Supply or Necessary Technical Support without Justifiable "
                           "Reason"),
    ("layout:bitable-bi", "Article 5 No Illegal Acquisition of User Data")])
def test_new_english_headings_follow_the_contracts_title_case(name: str, expected: str) -> None:
    """REVIEW-outputs 12: "Supply of Products", "Governing Law": a new heading in sentence case stands out."""
    r = redlined(name)
    assert expected in [r.accepted.blocks[i].text for i in r.new_headings()]


def test_sentence_case_headings_stay_sentence_case() -> None:
    """The sample's "Article 8 Undertakings relating to Cybersecurity Review" is not Title Case: nothing is changed."""
    doc = read_document((ROOT / "fixtures" / "sample" / "bilingual-contract.docx").read_bytes(), filename="b.docx")
    assert not analyse(doc).title_case


def test_liability_cap_gets_a_comment_about_the_new_clauses() -> None:
    """REVIEW-outputs 9: 12.1 caps the Vendor's liability except for Clauses 8-10; the new Clauses 15 and 16 say
    "all losses". The redline asks whether the cap applies to them, on 12.1 itself."""
    r = redlined("fixture:sample/supply-agreement-en.docx")
    cap = next(p for p in docx.Document(io.BytesIO(r.out)).paragraphs if "total liability" in p.text)
    assert cap._p.find(f"{W}commentRangeStart") is not None
    comments = [c for c in _comments(r.out) if "limits the liability" in c]
    assert len(comments) == 1 and "Clause 15 and Clause 16 provide" in comments[0], comments
    assert not [c for c in _comments(redlined("layout:sigtable-en").out) if "limits the liability" in c]


def test_new_article_paragraphs_take_the_contracts_word_sub_numbering() -> None:
    """REVIEW-outputs 13: the managed-services contract numbers its sub-clauses with Word (6.1); its last article
    opens with an unnumbered lead-in, which the new article's paragraphs copied, so they had no numbers."""
    r = redlined("fixture:docx/managed-services-en.docx")
    blocks = r.accepted.blocks
    head = r.new_headings()[0]
    body = []
    for b in blocks[head + 1:]:
        if b.kind == "heading" or b.label == blocks[head].label or not b.is_body or "Annex" in b.text[:6]:
            break
        body.append(b)
    assert len(body) == 3 and all(b.label and b.label.startswith(blocks[head].label.rstrip(".")) for b in body), \
        [(b.label, b.text[:30]) for b in body]


# ----------------------------------------------------------------- indentation of unnumbered sub-clauses

#: the Word-numbered contracts: a replaced clause's number (and its indentation) comes from its list level
WORD_NUMBERED = ["fixture:sample/supply-agreement-en.docx", "layout:autonum-en", "layout:autonum-zh",
                 "fixture:sample/procurement-contract-zh.docx", "fixture:docx/managed-services-en.docx",
                 "fixture:docx/network-equipment-zh.docx"]


class _Sheet:
    """The styles and list levels of one DOCX, read here independently of the code under test."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            self.styles = etree.fromstring(zf.read("word/styles.xml")) if "word/styles.xml" in names else None
            self.numbering = etree.fromstring(zf.read("word/numbering.xml")) if "word/numbering.xml" in names \
                else None

    def _style(self, sid: str | None) -> etree._Element | None:
        if self.styles is None:
            return None
        for style in self.styles.iter(f"{W}style"):
            if (sid is None and style.get(f"{W}default") == "1" and style.get(f"{W}type") == "paragraph") \
                    or (sid is not None and style.get(f"{W}styleId") == sid):
                return style
        return None

    def _level_ind(self, num_id: str, ilvl: str) -> etree._Element | None:
        if self.numbering is None or num_id == "0":
            return None
        num = next((n for n in self.numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id), None)
        if num is None:
            return None
        aid = num.find(f"{W}abstractNumId").get(f"{W}val")
        abstract = next(a for a in self.numbering.iter(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == aid)
        level = next((lv for lv in abstract.iter(f"{W}lvl") if lv.get(f"{W}ilvl") == ilvl), None)
        return level.find(f"{W}pPr/{W}ind") if level is not None else None

    def indent(self, p: etree._Element) -> tuple[int, int]:
        """(left indent, first line: negative when hanging) in twips: per attribute, the paragraph's own w:ind,
        then its list level's (a list named on the paragraph), then its style's through w:basedOn, then the
        document default."""
        ppr = p.find(f"{W}pPr")
        sources: list[etree._Element | None] = [ppr.find(f"{W}ind") if ppr is not None else None]
        num = ppr.find(f"{W}numPr") if ppr is not None else None
        if num is not None and num.find(f"{W}numId") is not None:
            ilvl = num.find(f"{W}ilvl")
            sources.append(self._level_ind(num.find(f"{W}numId").get(f"{W}val"),
                                           ilvl.get(f"{W}val") if ilvl is not None else "0"))
        style_el = ppr.find(f"{W}pStyle") if ppr is not None else None
        style = self._style(style_el.get(f"{W}val") if style_el is not None else None)
        seen = 0
        while style is not None and seen < 20:
            sources.append(style.find(f"{W}pPr/{W}ind"))
            based = style.find(f"{W}basedOn")
            style = self._style(based.get(f"{W}val")) if based is not None else None
            seen += 1
        if self.styles is not None:
            sources.append(self.styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}ind"))
        stated = [s for s in sources if s is not None]
        left = next((int(s.get(f"{W}left") or s.get(f"{W}start")) for s in stated
                     if s.get(f"{W}left") or s.get(f"{W}start")), 0)
        first = next((-int(s.get(f"{W}hanging")) if s.get(f"{W}hanging") else int(s.get(f"{W}firstLine"))
                      for s in stated if s.get(f"{W}hanging") or s.get(f"{W}firstLine")), 0)
        return left, first


def _all_ours(p: etree._Element) -> bool:
    texts = list(p.iter(f"{W}t"))
    return bool(texts) and all(any(a.tag == f"{W}ins" and a.get(f"{W}author") == AUTHOR for a in t.iterancestors())
                               for t in texts)


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def replaced_with_sub_clauses(out: bytes) -> list[tuple[etree._Element, list[etree._Element]]]:
    """Each clause of the contract whose words we struck and replaced, with the paragraphs of its further
    sub-clauses that follow it (all our insertion)."""
    def struck(p: etree._Element) -> bool:  # new paragraphs strike nothing
        return any(d.get(f"{W}author") == AUTHOR and d.getparent().tag != f"{W}rPr" for d in p.iter(f"{W}del"))

    found = []
    for p in _body_paragraphs(out):
        if not (struck(p) and _mark_inserted_by_us(p) and _text(p).strip()):
            continue
        subs = []
        nxt = p.getnext()
        while nxt is not None and nxt.tag == f"{W}p" and _all_ours(nxt) and not struck(nxt):
            subs.append(nxt)
            nxt = nxt.getnext()
        if subs:
            found.append((p, subs))
    return found


@pytest.mark.parametrize("name", WORD_NUMBERED)
def test_replacement_sub_clauses_start_at_the_replaced_clauses_text_indent(name: str) -> None:
    """A lawyer reading the redline sees a replaced clause's further sub-clauses as part of that clause: their
    text starts where the clause's text starts. The clause is numbered by a Word list whose level indents its text
    (English sample 9.2: text at 1080 twips, the number hanging at 540); the unnumbered sub-clauses used to lose
    that indentation with the number and sat at the left margin, left of every clause's text."""
    r = redlined(name)
    sheet = _Sheet(r.out)
    found = replaced_with_sub_clauses(r.out)
    assert found, name
    for clause, subs in found:
        left, _ = sheet.indent(clause)
        for p in subs:
            num = p.find(f"{W}pPr/{W}numPr/{W}numId")
            assert num is None or num.get(f"{W}val") == "0", (name, _text(p)[:40])
            sub_left, sub_first = sheet.indent(p)
            assert (sub_left, max(sub_first, 0)) == (left, sub_first), (name, _text(p)[:40], sub_left, sub_first,
                                                                        left)


def _indent_only_list(data: bytes) -> bytes:
    """The typed-number contract (xref-en, "7.3 The Supplier …") with its sub-clauses indented by a Word list level
    that shows no number (numFmt none: text at 1080 twips, hanging 540), as drafters indent typed clauses."""
    d = docx.Document(io.BytesIO(data))
    numbering = d.part.numbering_part.element
    abstract = etree.fromstring(
        f'<w:abstractNum xmlns:w="{W[1:-1]}" w:abstractNumId="77"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="none"/><w:lvlText w:val=""/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="540"/></w:pPr></w:lvl></w:abstractNum>')
    first_num = numbering.find(f"{W}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{W[1:-1]}" w:numId="77"><w:abstractNumId w:val="77"/>'
                                      '</w:num>'))
    for para in d.paragraphs:
        if re.match(r"\d+\.\d+ ", para.text):
            num_pr = para._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = 77
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_sub_clauses_keep_the_indentation_of_a_list_that_shows_no_number() -> None:
    """Both placements where a new paragraph drops its model's list: the replaced 7.3's further sub-clause starts
    at 7.3's text indent, and each typed "10.1 …" of a new article sits where "9.1" sits (the level's indentation,
    hanging included), not at the left margin. Accept-all still lints and reject-all restores the draft."""
    data = _indent_only_list(dict(CASES)["layout:xref-en"])
    r = Run("xref-en-indented", data)
    sheet = _Sheet(r.out)
    found = replaced_with_sub_clauses(r.out)
    assert found and all(sheet.indent(p) == (1080, 0) for _, subs in found for p in subs), \
        [(sheet.indent(p), _text(p)[:30]) for _, subs in found for p in subs]
    typed = [p for p in _body_paragraphs(r.out) if _all_ours(p) and re.match(r"1[0-2]\.\d ", _text(p))]
    assert len(typed) >= 3
    for p in typed:
        assert p.find(f"{W}pPr/{W}numPr") is None and sheet.indent(p) == (1080, -540), (_text(p)[:30],
                                                                                      sheet.indent(p))
    assert all(v == "satisfied" for v in verdicts(check(r.accepted)).values())
    assert _shape(read_document(reject_all(r.out, author=AUTHOR), filename="r.docx")) == _shape(r.doc)


def test_indentation_is_resolved_in_words_order() -> None:
    """The resolver behind the sub-clauses' indent, on the precedence cases the fixtures do not all show: a list named
    on the paragraph overrides its style's indent, a list applied by the style does not, the paragraph's own w:ind
    overrides both, a w:num's level override replaces the abstract level, and numId 0 is no list."""
    from cliccheck.generate.indent import Indent, IndentResolver

    ns = f'xmlns:w="{W[1:-1]}"'
    styles = etree.fromstring(
        f'<w:styles {ns}><w:docDefaults><w:pPrDefault><w:pPr><w:ind w:left="10"/></w:pPr></w:pPrDefault>'
        '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
        '<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="300"/>'
        '</w:pPr></w:style><w:style w:type="paragraph" w:styleId="Listed"><w:basedOn w:val="Body"/><w:pPr>'
        '<w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    numbering = etree.fromstring(
        f'<w:numbering {ns}><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:pPr>'
        '<w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:pPr>'
        '<w:ind w:left="1440" w:hanging="720"/></w:pPr></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="5"/>'
        '<w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:pPr><w:ind w:left="2000" w:firstLine="0"/></w:pPr></w:lvl>'
        '</w:lvlOverride></w:num></w:numbering>')
    resolver = IndentResolver(styles, numbering)

    def ppr(inner: str) -> etree._Element:
        return etree.fromstring(f"<w:pPr {ns}>{inner}</w:pPr>")

    assert resolver.resolve(ppr("")) == Indent(start=10)
    direct_list = ppr('<w:pStyle w:val="Body"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>')
    assert resolver.resolve(direct_list) == Indent(start=1440, first=-720)
    assert resolver.text_start(direct_list) == Indent(start=1440)
    assert resolver.resolve(ppr('<w:pStyle w:val="Listed"/>')) == Indent(start=300, first=-360)  # the style's left
    assert resolver.resolve(ppr('<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>')) == Indent(start=2000)
    assert resolver.resolve(ppr('<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:ind w:left="99"/>')) \
        == Indent(start=99, first=-720)
    assert resolver.list_of(ppr('<w:pStyle w:val="Listed"/><w:numPr><w:numId w:val="0"/></w:numPr>')) is None
    # a copy of a style-numbered clause loses the style's list (numId 0) and states only the indent it needs
    copy_of = ppr('<w:pStyle w:val="Listed"/><w:jc w:val="both"/>')
    resolver.unnumbered_at(copy_of, Indent(start=720))
    assert resolver.list_of(copy_of) is None and resolver.resolve(copy_of) == Indent(start=720)
    assert [etree.QName(c).localname for c in copy_of] == ["pStyle", "numPr", "ind", "jc"]  # schema order


# ----------------------------------------------------------------- --after N in a Word-numbered contract

#: the Word-numbered layouts, the --after section naming their article 5 and what Word shows for it
AFTER_5 = {"layout:autonum-en": ("5", "5."), "layout:autonum-zh": ("第五条", "第五条")}
_AFTER_RUNS: dict[str, Run] = {}


def after5(name: str) -> Run:
    """``redline --after`` article 5 of a Word-numbered layout (articles 6 and 7 follow it), computed once."""
    if name not in _AFTER_RUNS:
        _AFTER_RUNS[name] = Run(f"{name} --after", _case(name) if name in AFTER_5 else _indented(name),
                                after=AFTER_5[name.removesuffix("+indented")][0])
    return _AFTER_RUNS[name]


def _indented(name: str) -> bytes:
    """Layout ``name`` (without "+indented") with its article list's levels indented as drafters set them: the
    article number hanging at 0 with its heading text at 720 twips, a sub-clause's number hanging at 720 and its
    text at 1440."""
    data = _case(name.removesuffix("+indented"))
    d = docx.Document(io.BytesIO(data))
    numbering = d.part.numbering_part.element
    abstract = next(a for a in numbering.iter(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == "90")
    for lvl in abstract.iter(f"{W}lvl"):
        left = 720 * (int(lvl.get(f"{W}ilvl")) + 1)
        lvl.append(etree.fromstring(f'<w:pPr xmlns:w="{W[1:-1]}"><w:ind w:left="{left}" w:hanging="720"/></w:pPr>'))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _new_articles(r: Run) -> list[tuple[etree._Element, list[etree._Element]]]:
    """The inserted articles of the redline, in order: each heading paragraph with its sub-clause paragraphs."""
    articles: list[tuple[etree._Element, list[etree._Element]]] = []
    titles = _titles()
    for p in _body_paragraphs(r.out):
        if not _all_ours(p):
            continue
        text = _text(p)
        if len(text) < 120 and any(t.lower() in text.lower() for t in titles) and not text.endswith((".", "。")):
            articles.append((p, []))
        elif articles and p.getprevious() is not None and (p.getprevious() is articles[-1][0]
                                                          or any(p.getprevious() is s for s in articles[-1][1])):
            articles[-1][1].append(p)
    return articles


def _num(p: etree._Element) -> tuple[str | None, str | None] | None:
    num = p.find(f"{W}pPr/{W}numPr")
    if num is None:
        return None
    num_id, ilvl = num.find(f"{W}numId"), num.find(f"{W}ilvl")
    return (num_id.get(f"{W}val") if num_id is not None else None, ilvl.get(f"{W}val") if ilvl is not None else None)


@pytest.mark.parametrize("name", list(AFTER_5))
def test_after_in_a_word_numbered_contract_types_5a_and_numbers_its_sub_clauses_under_it(name: str) -> None:
    """Issue 11, REVIEW-outputs 21: "--after 5" in a contract whose articles Word numbers wrote typed "5A." headings
    with no list number while their sub-clauses kept article 5's list level, so Word and LibreOffice showed
    "5.2, 5.3 …" under "5A". Each new heading now reads "5A." / "第五条之一" (the contract's scheme) and each of its
    sub-clauses is typed as the contract's list level writes sub-clauses ("%1.%2": 5A.1; "%2.": 1.), with no Word
    list number that could continue article 5's."""
    r = after5(name)
    zh = name.endswith("-zh")
    articles = _new_articles(r)
    assert len(articles) == len(r.summary.inserted_clauses) == 3, [(_text(h), len(s)) for h, s in articles]
    article_5_list = {_num(p) for p in _body_paragraphs(r.data) if _num(p) is not None}
    for k, (head, subs) in enumerate(articles):
        label = f"第五条之{'一二三'[k]}" if zh else f"5{'ABC'[k]}."
        assert _text(head).startswith(label + " "), _text(head)
        assert _num(head) is None or _num(head)[0] == "0", _text(head)
        assert len(subs) >= 3
        for n, p in enumerate(subs, start=1):
            assert _num(p) is None or _num(p)[0] == "0", (_text(p)[:40], _num(p))
            assert _num(p) not in article_5_list
            typed = f"{n}." if zh else f"5{'ABC'[k]}.{n}"
            assert _text(p).startswith(typed + " "), (typed, _text(p)[:40])
    # the comment on the weak CSR04 clause points at the new article by its number as a lawyer cites it
    assert any(("第五条之三" if zh else "Clause 5C ") in c for c in _comments(r.out)), _comments(r.out)


@pytest.mark.parametrize("name", list(AFTER_5))
def test_after_in_a_word_numbered_contract_keeps_every_article_number_and_invariant(name: str) -> None:
    """Accepting every change: articles 6 and 7 keep their numbers (the new articles take no list number), no new
    paragraph is numbered 5.x by Word, the new articles follow article 5's last paragraph (Chinese: its
    Word-numbered "第五条1." sub-clause too) and the draft lints; rejecting every change restores the draft; no empty
    paragraph is added."""
    r = after5(name)
    _, five = AFTER_5[name]
    blocks = [b for b in r.accepted.blocks if b.is_body]
    labels = [b.label for b in blocks if b.label and b.kind == "heading"]
    zh = name.endswith("-zh")
    expected = ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条"] if zh \
        else ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert labels == expected, labels
    five_at = next(i for i, b in enumerate(blocks) if b.label == five)
    six_at = next(i for i, b in enumerate(blocks) if b.label == expected[5])
    heads = [i for i, b in enumerate(blocks) if re.match(r"第五条之[一二三] |5[ABC]\. ", b.text)]
    assert len(heads) == 3 and five_at + 1 < heads[0] and heads[-1] < six_at, (five_at, heads, six_at)
    assert blocks[five_at + 1].label == ("1." if zh else "5.1")  # article 5 keeps its clause before the new ones
    for b in blocks[heads[0]:six_at]:  # nothing of article 5 after "5A", and Word numbers nothing there
        assert b.label is None and (re.match(r"(第五条之[一二三]|\d+\.) " if zh else r"5[ABC]\.\d* ", b.text)), b.text
    assert all(v == "satisfied" for v in verdicts(check(r.accepted)).values())
    assert _shape(read_document(reject_all(r.out, author=AUTHOR), filename="r.docx")) == _shape(r.doc)
    assert _paragraph_look(reject_all(r.out, author=AUTHOR)) == _paragraph_look(r.data)
    assert sum(1 for t, _, _ in _paragraph_look(accept_all(r.out)) if not t.strip()) == \
        sum(1 for t, _, _ in _paragraph_look(r.data) if not t.strip())


@pytest.mark.parametrize("name", [f"{n}+indented" for n in AFTER_5])
def test_after_headings_and_sub_clauses_sit_where_the_contracts_do(name: str) -> None:
    """A "5A" heading takes the style, font and place of the contract's article headings (its typed number where
    Word puts an article's number: 0, hanging 720), each typed "5A.1" the place of a sub-clause (its number at
    720, its text at 1440); they sat at the margin."""
    r = after5(name)
    sheet = _Sheet(r.out)
    draft = _body_paragraphs(r.data)
    heading = next(p for p in draft if _num(p) == ("90", "0"))
    clause = next(p for p in draft if _num(p) == ("90", "1"))

    def style(p: etree._Element) -> str | None:
        el = p.find(f"{W}pPr/{W}pStyle")
        return el.get(f"{W}val") if el is not None else None

    def font(p: etree._Element) -> bytes:
        rpr = next(r.find(f"{W}rPr") for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None)
        return etree.tostring(rpr) if rpr is not None else b""

    articles = _new_articles(r)
    assert len(articles) == 3
    for head, subs in articles:
        assert (style(head), font(head), sheet.indent(head)) == (style(heading), font(heading), (720, -720))
        for p in subs:
            assert (style(p), sheet.indent(p)) == (style(clause), (1440, -720)), _text(p)[:40]
    assert all(v == "satisfied" for v in verdicts(check(r.accepted)).values())
    assert _shape(read_document(reject_all(r.out, author=AUTHOR), filename="r.docx")) == _shape(r.doc)
