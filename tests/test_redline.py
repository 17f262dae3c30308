"""``cliccheck redline``: tracked changes a lawyer can send, and the invariants behind them."""

from __future__ import annotations

import io
import os
import zipfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx_revisions import accept_all, reject_all
from generate_docs import DRAFTS, OTHER_AUTHOR
from generate_helpers import (
    check,
    docx_fixtures,
    soffice_to_pdf,
    verdicts,
)
from lxml import etree

from cliccheck.cli import cli
from cliccheck.generate.context import Overrides, build_context
from cliccheck.generate.redline import RedlineOptions, redline_docx
from cliccheck.readers import read_document

AUTHOR = "Li Wei"
WHEN = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _drafts() -> list[tuple[str, bytes]]:
    out = [(f"built:{name}", build()) for name, build in DRAFTS.items()]
    out += [(f"fixture:{p.parent.name}/{p.name}", p.read_bytes()) for p in docx_fixtures()]
    return out


DRAFT_LIST = _drafts()
IDS = [name for name, _ in DRAFT_LIST]


def _redline(data: bytes, overrides: Overrides | None = None, **options):  # type: ignore[no-untyped-def]
    doc = read_document(data, filename="draft.docx")
    result = check(doc)
    ctx = build_context(doc, result, overrides)
    out, summary = redline_docx(data, doc, result, ctx,
                                RedlineOptions(author=AUTHOR, when=WHEN, **options))
    return doc, result, out, summary


def _shape(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(b.text, str(b.kind)) for b in doc.blocks]


def _xml(data: bytes, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(part))


@pytest.fixture(scope="module", params=DRAFT_LIST, ids=IDS)
def redlined(request):  # type: ignore[no-untyped-def]
    name, data = request.param
    doc, result, out, summary = _redline(data)
    return name, data, doc, result, out, summary


# ----------------------------------------------------------------- invariants 1 and 2

def test_accepting_all_changes_gives_a_compliant_contract(redlined) -> None:  # type: ignore[no-untyped-def]
    name, _, _, _, out, summary = redlined
    accepted = read_document(accept_all(out), filename="accepted.docx")
    result = check(accepted)
    got = verdicts(result)
    assert all(v == "satisfied" for v in got.values()), (name, got, summary)


def test_rejecting_our_changes_gives_back_the_original(redlined) -> None:  # type: ignore[no-untyped-def]
    _, data, doc, _, out, _ = redlined
    assert _shape(read_document(reject_all(out, author=AUTHOR), filename="r.docx")) == _shape(doc)
    # and rejecting everything (other authors' revisions too) matches doing the same to the input
    assert _shape(read_document(reject_all(out), filename="r.docx")) == \
        _shape(read_document(reject_all(data), filename="r0.docx"))


def test_output_opens_and_only_three_parts_change(redlined) -> None:  # type: ignore[no-untyped-def]
    _, data, _, _, out, _ = redlined
    docx.Document(io.BytesIO(out))
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(out)) as b:
        names_in = a.namelist()
        assert b.namelist()[: len(names_in)] == names_in  # same members, same order; new ones appended
        changed = {n for n in names_in if a.read(n) != b.read(n)}
    assert changed <= {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels",
                       "[Content_Types].xml"}


def test_revision_ids_are_unique_and_attributed(redlined) -> None:  # type: ignore[no-untyped-def]
    _, data, _, result, out, summary = redlined
    root = _xml(out)
    ours = [el for el in root.iter(f"{W}ins", f"{W}del") if el.get(f"{W}author") == AUTHOR]
    if any(str(r.verdict) != "satisfied" for r in result.requirements):
        assert ours and summary.comments
    assert all(el.get(f"{W}date") == "2026-03-01T09:00:00Z" for el in ours)
    ids = Counter(el.get(f"{W}id") for el in root.iter(f"{W}ins", f"{W}del"))
    assert all(n == 1 for n in ids.values()), ids
    before = {el.get(f"{W}id") for el in _xml(data).iter() if el.get(f"{W}id") is not None}
    assert not before & {el.get(f"{W}id") for el in ours}


# ----------------------------------------------------------------- what the lawyer sees

@pytest.fixture(scope="module")
def zh_redline():  # type: ignore[no-untyped-def]
    data = DRAFTS["zh"]()
    return (data, *_redline(data))


def test_contradiction_deleted_with_formatting_kept(zh_redline) -> None:  # type: ignore[no-untyped-def]
    _, _, _, out, _summary = zh_redline
    root = _xml(out)
    deleted = [el for el in root.iter(f"{W}del") if el.get(f"{W}author") == AUTHOR]
    texts = ["".join(t.text or "" for t in d.iter(f"{W}delText")) for d in deleted]
    assert "乙方有权随时暂停供货或者中止技术支持服务" in texts  # the bold run, split at the span
    bold = next(d for d, t in zip(deleted, texts, strict=True) if t.startswith("乙方有权随时"))
    assert bold.find(f"{W}r/{W}rPr/{W}b") is not None
    assert "，无需事先通知甲方。" in texts
    para = bold.getparent()
    visible = "".join(t.text for t in para.iter(f"{W}t"))
    assert visible.startswith("维保期内乙方提供7×24小时远程技术支持。") and visible.endswith("双方应就备件供应另行协商。")


def test_weak_clause_replaced_in_its_language_with_comment(zh_redline) -> None:  # type: ignore[no-untyped-def]
    _, _, _, out, summary = zh_redline
    assert summary.replacements >= 1
    d = docx.Document(io.BytesIO(out))
    comments = {c.author: [] for c in d.comments}
    for c in d.comments:
        comments[c.author].append(c.text)
    assert comments[OTHER_AUTHOR] == ["请乙方确认。"]  # the other author's comment survives untouched
    ours = comments[AUTHOR]
    assert any(t.startswith("【CSR01 配合网络安全审查】") and "尽力" in t and "《网络安全审查办法》（2022年）第六条" in t
               for t in ours)
    assert any(t.startswith("【CSR04") and "相抵触" in t and "第三十八条" in t for t in ours)
    root = _xml(out)
    inserted = ["".join(t.text or "" for t in el.iter(f"{W}t")) for el in root.iter(f"{W}ins")
                if el.get(f"{W}author") == AUTHOR]
    assert any(t.startswith("乙方承诺配合网络安全审查") for t in inserted)


def test_other_authors_revisions_survive(zh_redline) -> None:  # type: ignore[no-untyped-def]
    data, _, _, out, _ = zh_redline
    def theirs(blob: bytes) -> list[bytes]:
        return [etree.tostring(el) for el in _xml(blob).iter(f"{W}ins", f"{W}del")
                if el.get(f"{W}author") == OTHER_AUTHOR]
    assert theirs(out) == theirs(data) and len(theirs(data)) == 2


def test_clauses_inserted_after_a_section(tmp_path: Path) -> None:
    """--after 第三条 in a contract that has a 第四条: new articles are 第三条之一, 第三条之二 (nothing renumbers)."""
    data = DRAFTS["zh"]()
    _, _, out, _ = _redline(data, after="第三条")
    accepted = read_document(accept_all(out), filename="a.docx")
    texts = [b.text for b in accepted.blocks]
    first = next(i for i, t in enumerate(texts) if t.startswith("第三条之一 "))
    assert texts[first - 1].startswith("维保期内乙方提供")
    assert texts[first + 1].startswith("乙方承诺")
    assert any(t.startswith("第三条之二 ") for t in texts) and "补充条款" not in "".join(texts)
    assert texts.index("第四条 网络安全") > first
    assert _shape(read_document(reject_all(out, author=AUTHOR), filename="r.docx")) == \
        _shape(read_document(data, filename="d.docx"))


@pytest.mark.parametrize(("label", "draft"), [("<w:p>", "en"), ("{{ supplier }}", "en"), ("A & B \"Ltd\"", "en"),
                                             ("شركة", "en"), ("ח\"ב", "en"), ("W" * 500, "en"),
                                             ("长" * 500, "zh"), ("<w:p>乙方&", "zh")])
def test_hostile_labels_give_a_valid_document(label: str, draft: str) -> None:
    data = DRAFTS[draft]()
    _, _, out, _ = _redline(data, Overrides(supplier_label=label))
    d = docx.Document(io.BytesIO(out))
    root = _xml(out)
    inserted = "".join(t.text or "" for el in root.iter(f"{W}ins") for t in el.iter(f"{W}t"))
    assert label in inserted
    assert any(label in c.text for c in d.comments)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["zh", "bilingual"])
def test_redline_converts_with_libreoffice(name: str, tmp_path: Path) -> None:
    _, _, out, _ = _redline(DRAFTS[name]())
    path = tmp_path / "redline.docx"
    path.write_bytes(out)
    soffice_to_pdf(path, tmp_path)


# ----------------------------------------------------------------- the command and the user's files

@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(DRAFTS["en"]())
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    return path


def test_cli_reproducible_and_input_untouched(draft: Path, tmp_path: Path) -> None:
    pytest.importorskip("cliccheck.matcher")
    runner = CliRunner()
    before = draft.read_bytes(), os.stat(draft).st_mtime_ns
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    for out in (a, b):
        result = runner.invoke(cli, ["redline", str(draft), "-o", str(out), "--author", AUTHOR,
                                     "--date", "2026-03-01T09:00:00Z"])
        assert result.exit_code == 0, result.output
    assert a.read_bytes() == b.read_bytes()
    assert (draft.read_bytes(), os.stat(draft).st_mtime_ns) == before
    c = tmp_path / "c.docx"
    result = runner.invoke(cli, ["redline", str(draft), "-o", str(c), "--author", AUTHOR],
                           env={"SOURCE_DATE_EPOCH": str(int(WHEN.timestamp()))})
    assert result.exit_code == 0
    assert c.read_bytes() == a.read_bytes()
    assert "deletion" in result.output and "comment" in result.output


def test_cli_force_and_output_is_input(draft: Path, tmp_path: Path) -> None:
    pytest.importorskip("cliccheck.matcher")
    runner = CliRunner()
    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    result = runner.invoke(cli, ["redline", str(draft), "-o", str(out)])
    assert result.exit_code == 2 and "--force" in result.output and out.read_bytes() == b"keep me"
    assert runner.invoke(cli, ["redline", str(draft), "-o", str(out), "--force"]).exit_code == 0
    assert out.read_bytes().startswith(b"PK")
    before = draft.read_bytes()
    result = runner.invoke(cli, ["redline", str(draft), "-o", str(draft), "--force"])
    assert result.exit_code == 2 and "output-is-input" in result.output
    assert draft.read_bytes() == before


def test_cli_refuses_pdf_and_points_to_annex(tmp_path: Path) -> None:
    pdf = tmp_path / "contract.pdf"
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(pdf))
    c.drawString(72, 720, "The Vendor shall cooperate with the cybersecurity review.")
    c.save()
    result = CliRunner().invoke(cli, ["redline", str(pdf), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert "cliccheck annex" in result.output and "unsupported-format" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_cli_bad_options(draft: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad_date = runner.invoke(cli, ["redline", str(draft), "-o", str(tmp_path / "o.docx"), "--date", "tuesday"])
    assert bad_date.exit_code == 2 and "ISO 8601" in bad_date.output
    bad_suffix = runner.invoke(cli, ["redline", str(draft), "-o", str(tmp_path / "o.pdf")])
    assert bad_suffix.exit_code == 2 and ".docx" in bad_suffix.output
    pytest.importorskip("cliccheck.matcher")
    missing = runner.invoke(cli, ["redline", str(draft), "-o", str(tmp_path / "o.docx"), "--after", "99"])
    assert missing.exit_code == 2 and "section '99' not found" in missing.output


def test_comments_part_created_when_the_draft_has_none() -> None:
    d = docx.Document()
    d.add_heading("Equipment Supply Agreement", 0)
    d.add_paragraph('Northbridge Systems Ltd. (the "Vendor") and Jiangnan Grid Data Co., Ltd. (the "Customer").')
    d.add_paragraph("The Vendor may stop technical support at any time for any reason.")
    table = d.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Price: RMB 1,000,000"
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert "word/comments.xml" not in zf.namelist()
    doc, _, out, summary = _redline(data)
    assert summary.comments >= 2
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert zf.namelist()[-1] == "word/comments.xml"
        assert b"comments+xml" in zf.read("[Content_Types].xml")
        assert b"relationships/comments" in zf.read("word/_rels/document.xml.rels")
    opened = docx.Document(io.BytesIO(out))
    assert all(c.author == AUTHOR for c in opened.comments)
    got = verdicts(check(read_document(accept_all(out), filename="a.docx")))
    assert all(v == "satisfied" for v in got.values()), got
    assert _shape(read_document(reject_all(out), filename="r.docx")) == _shape(doc)


def test_cli_keeps_macro_packages_macro_packages(tmp_path: Path) -> None:
    pytest.importorskip("cliccheck.matcher")
    source = Path(__file__).resolve().parents[1] / "fixtures" / "hostile" / "docx" / "macro.docm"
    if not source.exists():
        pytest.skip("fixtures/hostile/docx/macro.docm not generated")
    runner = CliRunner()
    refused = runner.invoke(cli, ["redline", str(source), "-o", str(tmp_path / "m.docx")])
    assert refused.exit_code == 2 and ".docm" in refused.output
    ok = runner.invoke(cli, ["redline", str(source), "-o", str(tmp_path / "m.docm")])
    assert ok.exit_code == 0, ok.output
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(tmp_path / "m.docm") as b:
        assert a.read("word/vbaProject.bin") == b.read("word/vbaProject.bin")


@pytest.mark.parametrize("name", ["not-a-zip.docx", "xxe-file.docx", "zip-bomb-declared.docx", "truncated.docx"])
def test_cli_hostile_input_is_a_coded_error(name: str, tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[1] / "fixtures" / "hostile" / "docx" / name
    if not source.exists():
        pytest.skip(f"fixtures/hostile/docx/{name} not generated")
    result = CliRunner().invoke(cli, ["redline", str(source), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.startswith("cliccheck: error:") and result.output.rstrip().endswith("]")
    assert not (tmp_path / "o.docx").exists()


def test_a_struck_clause_takes_its_unseen_words_with_it() -> None:
    """Clause 3.4 of the managed-services fixture ends in 1-point type ("except where required by foreign law"):
    the lint calls it weak for those words, and the replacement strikes them too, so accepting every change
    leaves no foreign-law carve-out behind; rejecting every change restores them."""
    data = (Path(__file__).resolve().parents[1] / "fixtures/docx/managed-services-en.docx").read_bytes()
    _doc, result, out, _summary = _redline(data)
    assert str(result.requirement("CSR02").verdict) == "weak"
    accepted = read_document(accept_all(out), filename="accepted.docx")
    everything = accepted.text + " ".join(x.text for x in accepted.excluded)
    assert "except where required by foreign law" not in " ".join(everything.split())
    rejected = read_document(reject_all(out), filename="rejected.docx")
    assert any("except where required by foreign law" in x.text for x in rejected.excluded)
