"""The speed devices of our regular expressions must never change what they match.

Three devices: the candidate scanner's start gate (a lookahead built from the characters every ``re:``
entry of the library can start with), its first-characters dispatch (each entry tried only where it
can start), and the trie ``phrase_regex`` factors literal phrases into. A gate or a dispatch that
missed one start would silently drop a candidate sentence, and with it an undertaking
(or a contradiction) the lawyer relies on us to read; a trie that preferred a shorter phrase would
change the words a reason quotes.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cliccheck.library import load_library
from cliccheck.matcher import candidates
from cliccheck.matcher.candidates import Prefilter
from cliccheck.regex_starts import GuardedPattern, fold, guarded, required_words, start_dispatch, start_gate
from cliccheck.roles import phrase_regex


@pytest.fixture(scope="module")
def scanners() -> dict[str, tuple[Prefilter, Prefilter]]:
    """(gated and dispatched, flat) scanners per language, built from the shipped library."""
    library = load_library()
    gated = {lang: Prefilter(library, lang) for lang in ("en", "zh")}
    original = candidates.start_gate, candidates.start_dispatch
    candidates.start_gate = lambda *args, **kwargs: None  # type: ignore[assignment]
    candidates.start_dispatch = lambda *args, **kwargs: None  # type: ignore[assignment]
    try:
        plain = {lang: Prefilter(library, lang) for lang in ("en", "zh")}
    finally:
        candidates.start_gate, candidates.start_dispatch = original
    return {lang: (gated[lang], plain[lang]) for lang in ("en", "zh")}


def test_the_shipped_library_is_gated() -> None:
    """Every ``re:`` entry of the library has a known start, so the fast path is in use."""
    library = load_library()
    for lang in ("en", "zh"):
        scanner = Prefilter(library, lang).scanner
        assert scanner is not None
        assert all(re.fullmatch(r"r\d+_\d+", name) for name in scanner.groups), lang  # the dispatch
        if lang == "en":
            assert scanner.rx is not None and scanner.rx.pattern.startswith(r"\b(?:(?="), lang  # the gate
        else:  # the starts found by a character class, the entries filed by first character
            assert scanner.rx is None and scanner.starts is not None and scanner.by_first, lang


@pytest.mark.parametrize(
    ("sources", "starts", "not_starts"),
    [
        ([r"\b(?:customer|user)s? data"], ["customer data", "Users data"], ["the data"]),
        ([r"(?:Party A|employer)'s data"], ["party a's data", "EMPLOYER'S DATA"], ["the employer", "pa"]),
        ([r"[a-c]x|yy"], ["bx", "yy"], ["dx", "y"]),
        ([r"(?:hereby\s+)?amends?", r"(?:自始)?无效"], ["Hereby amend", "amends", "无效", "自始无效"], ["xamend", "自无效"]),
        ([r"\bsuppl(?:y|ies)\b"], ["supply", "Supplies"], ["apply"]),
        ([r"(?:不负|无|没有)任何"], ["无任何", "没有任何"], ["有任何"]),
        ([r"(?=乙方)乙方不得", r"^however"], ["乙方不得", "However,"], ["甲方不得"]),
    ],
)
def test_gate_admits_every_start(sources: list[str], starts: list[str], not_starts: list[str]) -> None:
    """The gate is case-insensitive: it admits at least what the entries admit under any flags."""
    gate = start_gate(sources)
    assert gate is not None
    rx = re.compile(gate)
    for text in starts:
        assert rx.match(text), text
    for text in not_starts:
        assert not rx.match(text), text


def test_dispatch_tries_each_entry_only_where_it_can_start() -> None:
    """Entries that share a start are tried in their own order; a one-character start fits any second."""
    named = [("a", r"supp\w+"), ("b", r"su\w+"), ("c", r"(?:data|s)x"), ("d", r"数据")]
    dispatch = start_dispatch(named, ignore_case=True)
    assert dispatch is not None
    pattern, copies, by_first = dispatch
    rx = re.compile(pattern)
    assert set(by_first) == {"s", "d", "数"}
    for text, entry in (("Supply", "a"), ("sum", "b"), ("sx", "c"), ("DATAx", "c"), ("数据", "d")):
        m = rx.match(text)
        assert m is not None and copies[m.lastgroup] == entry, text  # type: ignore[index]
    assert rx.match("xsupply") is None
    assert start_dispatch([("a", r"\w+"), ("b", "x")], ignore_case=True) is None


@pytest.mark.parametrize("source", [r"\w+ data", r"[^.]{0,5}data", r"(?:x)?\w", r".data", r"(?:a|)\w"])
def test_no_gate_when_a_match_can_start_anywhere(source: str) -> None:
    """An entry whose start cannot be named turns the gate off rather than narrowing it wrongly."""
    assert start_gate([source, "supply"]) is None


_EN_WORDS = [
    "the", "Supplier", "shall", "not", "supply", "supplies", "customer", "user's", "data", "of", "the users",
    "remote", "access", "accessing", "Party A's", "information", "records", "relating to", "cybersecurity review",
    "no guarantee of", "continued supply", "nothing in", "this Agreement", "shall oblige", "get", "provide all",
    "documents", "either party may terminate the agreement", "modify", "its", "operating", "parameters", ",", ".",
    "\n", "  ", "Products", "and the Services", "delivered", "licence to use", "decide", "how such data is used",
]
_ZH_WORDS = [
    "乙方", "不得", "中止", "停止", "供货", "技术支持", "用户", "数据", "无任何", "没有", "义务", "配合",
    "网络安全审查", "提交", "材料", "甲方", "设备", "，", "。", "；", "可以将", "终端", "贵公司", "有权",
    "暂停", "服务", "调整", "参数", "不负任何", "保证",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_EN_WORDS), max_size=40), st.lists(st.sampled_from(_ZH_WORDS), max_size=40))
def test_gate_and_dispatch_never_change_the_scan(scanners, en_words: list[str], zh_words: list[str]) -> None:
    for lang, words, sep in (("en", en_words, " "), ("zh", zh_words, "")):
        text = sep.join(words)
        gated, plain = scanners[lang]
        a, b = gated.scan(text), plain.scan(text)
        assert (a.starts, a.tags) == (b.starts, b.tags), text


def _flat_phrase_regex(phrases: list[str], lang: str) -> re.Pattern[str] | None:
    """The reference: one alternative per phrase, longest first (what ``phrase_regex`` compiled before)."""
    parts = []
    for p in sorted(phrases, key=len, reverse=True):
        if p.startswith("re:"):
            parts.append(f"(?:{p[3:]})")
        elif lang == "en":
            parts.append(r"\b" + re.escape(p).replace(r"\ ", r"\s+") + r"\b")
        else:
            parts.append(re.escape(p))
    return re.compile("|".join(parts), re.IGNORECASE if lang == "en" else 0) if parts else None


_EN_PHRASES = ["Severity 1", "severity 1 faults", "shall not", "shall not apply", "apply", "sole discretion",
               "re:sole (?:and absolute )?discretion", "re:\\bshall\\s+be\\s+deemed\\b", "deemed", "at any time",
               "any", "time", "re:(?:hereby\\s+)?amend(?:s|ed)?"]
_EN_TEXT = ["Severity 1", "severity 1 faults", "shall", "not", "apply", "at", "any", "time", "sole", "and",
            "absolute", "discretion", "be", "deemed", "hereby", "amended", "  ", "\n", ",", "."]
_ZH_PHRASES = ["不得", "不得擅自", "擅自", "视为", "re:视为(?:已)?(?:获得|取得)?授权", "授权", "随时", "随时停止",
               "re:(?:自始)?无效(?=[。；，,]|$)"]
_ZH_TEXT = ["不得", "擅自", "视为", "已", "获得", "授权", "随时", "停止", "自始", "无效", "。", "，", "乙方"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_EN_PHRASES), min_size=1, max_size=8, unique=True),
    st.lists(st.sampled_from(_EN_TEXT), max_size=30),
    st.lists(st.sampled_from(_ZH_PHRASES), min_size=1, max_size=6, unique=True),
    st.lists(st.sampled_from(_ZH_TEXT), max_size=30),
)
def test_phrase_regex_matches_what_the_flat_alternation_matched(en_phrases, en_words, zh_phrases, zh_words) -> None:
    """The trie finds the same spans, longest phrase first, in both languages and any letter case."""
    for phrases, text, lang in ((en_phrases, " ".join(en_words), "en"), (zh_phrases, "".join(zh_words), "zh")):
        new, old = phrase_regex(phrases, lang), _flat_phrase_regex(phrases, lang)
        assert new is not None and old is not None
        for t in (text, text.upper(), text.title()):
            assert [m.span() for m in new.finditer(t)] == [m.span() for m in old.finditer(t)], (phrases, t)


# --- the required-words guard in front of phrase_regex ---------------------------------------------------------

def test_folding_covers_every_character_that_matches_an_ascii_letter_ignoring_case() -> None:
    """The guard folds text case-sensitively; a character ``re`` lets match a letter must fold onto it."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(128, 0x110000):
        ch = chr(code)
        if letter.fullmatch(ch):
            assert re.fullmatch(fold(ch), ch, re.IGNORECASE) and fold(ch).isascii(), hex(code)


@pytest.mark.parametrize(
    ("source", "flags", "words"),
    [
        (r"\b(?:is|are|shall be)\s+(?:hereby\s+)?(?:amended|varied)", re.IGNORECASE, {"amended", "varied"}),
        (r"(?:x)?abc(?:de|fg)+", 0, {"abc"}),
        (r"(?:abc)?de", 0, {"de"}),
        (r"(?:ab|)cd", 0, {"cd"}),
        (r"(?-i:ABC)d", re.IGNORECASE, {"abc"}),
        (r"(?=supplier)\w+", 0, None),
        (r"caf\u00e9 data", re.IGNORECASE, {" data"}),  # a cased non-ASCII letter matches others: not a word
        (r"本(?:合同|协议)(?:第)?", 0, {"协议", "合同"}),
    ],
)
def test_required_words(source: str, flags: int, words: set[str] | None) -> None:
    """Only consumed characters count; the most selective candidate wins; an optional part gives nothing."""
    assert required_words(source, flags) == (frozenset(words) if words is not None else None)


_ALPHABET = ["a", "b", "K", "k", "\u212a", "\u0130", "i", "s", "\u017f", "S", " ", "数", "据"]


def _regexes() -> st.SearchStrategy[str]:
    leaf = st.sampled_from(["a", "b", "k", "K", "i", "s", "ab", "ki", "数据", " ", r"\s", ".", r"\w", "[ab]", r"\b"])
    return st.recursive(leaf, lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
        inner.map(lambda p: f"(?:{p})?"), inner.map(lambda p: f"(?:{p})+"), inner.map(lambda p: f"(?:{p}){{0,2}}"),
        inner.map(lambda p: f"(?i:{p})"), inner.map(lambda p: f"(?-i:{p})"), inner.map(lambda p: f"(?={p})"),
        inner.map(lambda p: f"(?<!{p[:1] or 'x'})"),
    ), max_leaves=8)


@settings(max_examples=400, deadline=None)
@given(_regexes(), st.lists(st.sampled_from(_ALPHABET), max_size=20), st.booleans())
def test_the_guard_never_rules_out_a_text_the_expression_matches(source: str, chars: list[str], icase: bool) -> None:
    """Random expressions and texts, with the characters that match letters ignoring case: same answers."""
    flags = re.IGNORECASE if icase else 0
    try:
        rx = re.compile(source, flags)
    except re.error:
        return
    text = "".join(chars)
    guard = guarded(rx, required_words(source, flags))
    assert [m.span() for m in guard.finditer(text)] == [m.span() for m in rx.finditer(text)], (source, text)
    assert bool(guard.search(text)) == bool(rx.search(text))


def test_phrase_regex_is_guarded_by_words_and_still_reads_like_a_pattern() -> None:
    rx = phrase_regex(["re:\\b(?:is|are)\\s+hereby\\s+amended", "shall not be binding"], "en")
    assert isinstance(rx, GuardedPattern)
    assert rx.search("Clause 4 IS HEREBY AMENDED as follows") is not None
    assert rx.search("This letter shall not be\nbinding") is not None
    assert rx.search("Clause 4 stays as it is") is None
    assert rx.flags & re.IGNORECASE and "amended" in rx.pattern


@pytest.mark.parametrize("text", ["is here", "\u0131s here", "supply", "\u017fupply", "kit", "\u212ait", "data"])
def test_a_gate_for_lower_cased_text_admits_what_the_entries_match_ignoring_case(text: str) -> None:
    """English is scanned ASCII-lower-cased: the case-sensitive gate still admits the non-ASCII look-alikes that
    ``re`` lets match a letter ignoring case."""
    sources = [r"is\b", r"suppl(?:y|ies)", r"kit", r"data"]
    gate = start_gate(sources, lowered=True)
    assert gate is not None and "(?i:" not in gate
    entries = re.compile("|".join(f"(?i:{s})" for s in sources))
    assert entries.match(text) and re.match(gate, text), text


def test_a_lowered_gate_falls_back_for_a_cased_non_ascii_start() -> None:
    assert "(?i:" in (start_gate([r"\u00e9tat", "data"], lowered=True) or "")
