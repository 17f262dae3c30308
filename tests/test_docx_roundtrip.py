"""Round trip: text written with python-docx comes back exactly (normalised),
and the raw-text <-> run mapping the redline writer relies on is exact."""

from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cliccheck.lang.chars import confusables
from cliccheck.limits import DEFAULT_LIMITS
from cliccheck.normalize import normalize
from cliccheck.readers.docx_reader import W_NS, read_docx, read_docx_package
from cliccheck.readers.safezip import open_package

#: Characters contracts are made of: CJK, Latin, digits, ASCII and full-width punctuation,
#: curly quotes, every kind of space, tabs and line breaks (python-docx writes w:tab / w:br).
ALPHABET = st.one_of(
    st.sampled_from(list("甲乙方应当配合网络安全审查不得非法获取用户数据中断供应技术支持服务条款第一二三十")),
    st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
    st.sampled_from(list(".,;:()[]\"'-/%&§“”‘’，；：（）。、《》！？【】ＡＢＣ１２３％")),
    st.sampled_from([" ", " ", "\u00a0", "\u3000", "\u2009", "\t", "\n", "\u200b", "\u00ad"]),
    st.characters(min_codepoint=0x20, max_codepoint=0xFFFD,
                  blacklist_categories=("Cs", "Co", "Cn", "Cc")),
)
PARAGRAPH = st.text(alphabet=ALPHABET, min_size=0, max_size=60)


def _write(paragraphs: list[list[str]]) -> bytes:
    document = docx.Document()
    for runs in paragraphs:
        p = document.add_paragraph()
        for text in runs:
            p.add_run(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(PARAGRAPH, min_size=1, max_size=4), min_size=1, max_size=5))
def test_python_docx_text_round_trips(paragraphs):
    data = _write(paragraphs)
    doc = read_docx(data, "roundtrip.docx", limits=DEFAULT_LIMITS)
    want = [(i, normalize("".join(runs))[0]) for i, runs in enumerate(paragraphs)]
    assert [(b.paragraph, b.text) for b in doc.blocks] == [(i, text) for i, text in want if text]
    assert doc.excluded == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PARAGRAPH, min_size=1, max_size=5))
def test_segments_map_every_character_back_to_its_run(runs):
    data = _write([runs])
    with open_package(data, DEFAULT_LIMITS) as pkg:
        doc, refs = read_docx_package(pkg, "map.docx", limits=DEFAULT_LIMITS, keep_segments=True)
        if not doc.blocks:
            return
        block = doc.blocks[0]
        segments = refs[block.paragraph].segments
        assert segments is not None
        visible = [s for s in segments if s.visible]
        raw = "".join(s.text for s in visible)
        assert normalize(raw) == (block.text, block.origin)
        for seg in visible:
            assert raw[seg.start:seg.end] == seg.text
            if seg.element.tag == f"{{{W_NS}}}t":
                assert seg.element.text == seg.text
        # every normalised character comes from a run of the same paragraph
        for i, raw_offset in enumerate(block.origin):
            seg = next(s for s in visible if s.start <= raw_offset < s.end)
            source = seg.text[raw_offset - seg.start]
            # NFKC may expand one raw character into several ("¼" -> "1⁄4"); a space stands for any space; a
            # look-alike inside a word of another script reads as the letter it imitates ("Aⵔ" -> "AO"); a Taiwan
            # phrase is converted as a whole, in its context ("埠" beside another character -> "端口"), so its
            # characters come from the characters around it, not from one of them alone
            near = raw[max(0, raw_offset - 3):raw_offset + 4]
            assert block.text[i] in normalize(source)[0] or block.text[i] == " " \
                or confusables().get(source) == block.text[i] or block.text[i] in normalize(near)[0]


def test_segments_of_a_tracked_change_know_their_revision():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "fixtures" / "docx" / "managed-services-en.docx"
    with open_package(path.read_bytes(), DEFAULT_LIMITS) as pkg:
        doc, refs = read_docx_package(pkg, path.name, limits=DEFAULT_LIMITS, keep_segments=True)
        block = next(b for b in doc.blocks if b.label == "4.2")
        segments = refs[block.paragraph].segments
        assert refs[block.paragraph].part == "word/document.xml"
        deleted = [s for s in segments if not s.visible]
        inserted = [s for s in segments if s.visible]
        assert [(s.revision, s.author) for s in deleted] == [("del", "Li Wen (Legal)")]
        assert deleted[0].element.tag == f"{{{W_NS}}}delText" and deleted[0].start == deleted[0].end == 0
        assert {(s.revision, s.author) for s in inserted} == {("ins", "Li Wen (Legal)")}
        # an evidence span ("only if undisputed fees") maps to the exact run text
        a = block.text.index("only if undisputed fees")
        b = a + len("only if undisputed fees")
        raw_a, raw_b = block.origin[a], block.origin[b - 1] + 1
        hit = next(s for s in inserted if s.start <= raw_a < s.end)
        assert hit.element.text[raw_a - hit.start:raw_b - hit.start] == "only if undisputed fees"
