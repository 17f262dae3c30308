"""Normalisation keeps a map back to the source for any mixture of hostile and ordinary characters.

Every normalised character maps into the raw text, in order, so evidence can always quote the source;
invisible characters never reach the matcher; look-alikes read as the letters a reader sees.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cliccheck.lang.chars import is_default_ignorable
from cliccheck.model import Block, Document
from cliccheck.normalize import normalize, normalize_compact, normalize_text

#: Pieces a contract (or a hostile draft) is made of: words in each script, look-alikes, invisible and
#: format characters, spaces of every kind, full-width forms, Kangxi radicals, traditional phrases whose
#: conversion changes the length (使用者 -> 用户), ligatures that NFKC expands (ﬁ -> fi).
PIECES = [
    "The Supplier", "may", "suspend", "shall not", "乙方", "有权", "随时中断", "網路安全審查", "使用者資料",
    "技術支援", "伺服器", "個人資料", "終端使用者", "ѕuѕреnd", "mаy", "ορος", "λόγος", "ООО Ромашка",
    "ＣＩＩ", "ｍａｙ", "⼀切", "⺃方", "\uf967", "ﬁnal", "𝐬𝐮𝐬", "，", "。", "（一）", "30\u00a0days",
    "\u200b", "\u200c", "\u200d", "\u2060", "\u2063", "\u034f", "\ufe0f", "\ufe00", "\U000e0100", "\u180e",
    "\U000e0041", "\u00ad", "\ufeff", "\u202e", "\u2066", "\u200e", " ", "  ", "\t", "\u3000", "\n",
    "👩\u200d💻", "❤\ufe0f", "¯", "²",
]

mixtures = st.lists(st.sampled_from(PIECES), min_size=0, max_size=24).map("".join)
texts = st.one_of(mixtures, st.text(max_size=60), st.text(alphabet=st.sampled_from(list("".join(PIECES))),
                                                           max_size=60))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_normalised_character_maps_into_the_raw_text_in_order(raw: str) -> None:
    text, origin = normalize(raw)
    assert len(origin) == len(text)
    assert all(0 <= o < len(raw) for o in origin)
    assert all(a <= b for a, b in pairwise(origin)), "origin must be monotone"
    assert not any(is_default_ignorable(ch) for ch in text)
    assert text == text.strip(" ") and "  " not in text
    compact_text, compact = normalize_compact(raw)
    assert compact_text == text and list(compact) == origin
    assert normalize_text(raw) == text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_normalising_twice_changes_nothing(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mixtures.map(lambda s: s.replace("\n", " ")), min_size=1, max_size=5), st.data())
def test_original_quotes_the_source_behind_any_span(raws: list[str], data: st.DataObject) -> None:
    blocks = []
    for raw in raws:
        text, origin = normalize(raw)
        if text:
            blocks.append(Block(text, origin=origin, raw=None if text == raw else raw))
    if not blocks:
        return
    doc = Document("x.txt", "text", blocks)
    start = data.draw(st.integers(0, len(doc.text) - 1))
    end = data.draw(st.integers(start + 1, len(doc.text)))
    quoted = doc.original(start, end)
    block = doc.block_at(start)
    if start < block.end:  # (not on the newline between two blocks)
        first = block.origin[start - block.start] if block.origin is not None else start - block.start
        assert block.source_text[first:].startswith(quoted.split("\n", 1)[0])
    # every block the span touches is quoted from its own source text
    touched = [b for b in doc.blocks if b.start < end and start <= b.end]
    parts = quoted.split("\n")
    assert len(parts) == len(touched)
    for part, b in zip(parts, touched, strict=True):
        assert part in b.source_text
    # and a whole block quotes its source from its first to its last kept character
    last = doc.blocks[-1]
    assert doc.original(last.start, last.end) == last.source_text[last.origin[0]:last.origin[-1] + 1] \
        if last.origin is not None else last.text


def test_invisible_characters_inside_words_are_dropped_and_mapped() -> None:
    raw = "may s\u200bu\u2063s\u034fp\ufe0fe\u180en\U000e0020d\u00ad now"
    text, origin = normalize(raw)
    assert text == "may suspend now"
    assert [raw[o] for o in origin] == list(text)


def test_look_alikes_read_as_latin_only_inside_latin_words() -> None:
    assert normalize_text("The Supplier mаy ѕuѕреnd supply") == "The Supplier may suspend supply"
    assert normalize_text("Party В shall") == "Party B shall"  # Cyrillic capital VE in a Latin sentence
    assert normalize_text("λόγος και ορος") == "λόγος και ορος"  # Greek stays Greek among Greek words
    assert normalize_text("ООО Ромашка") == "ООО Ромашка"  # a Russian name stays Russian


def test_cjk_look_alikes_become_unified_ideographs() -> None:
    assert normalize_text("乙\u2f45有权随时中断，技术\u2f40持") == "乙方有权随时中断，技术支持"
    assert normalize_text("\u2e83方\uf967得") == "乙方不得"


def test_conversions_that_change_length_map_every_character() -> None:
    raw = "乙方不得蒐集使用者資料"
    text, origin = normalize(raw)
    assert text == "乙方不得收集用户数据"
    assert len(origin) == len(text) and origin == sorted(origin)
    block = Block(text, origin=origin, raw=raw)
    start = text.index("用户数据")
    assert block.original(start, start + 4) == "使用者資料"
