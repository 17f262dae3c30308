"""A party's words are found exactly as one alternation of them would find them, though the role words the
library gives every contract and the names a contract gives its parties are compiled apart (for speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cliccheck.matcher.analysis import party_regex
from cliccheck.verdicts import Party

ROLE_WORDS = {"en": ["Supplier", "the Supplier", "Vendor", "Service Provider", "Provider", "Contractor"],
              "zh": ["乙方", "供应商", "供方", "服务商", "服务提供商", "承包方"]}
NAME_PIECES = {"en": ["Supplier", "Provider", "North", "Ray", "Systems", "Co.", "Ltd", "Service"],
               "zh": ["乙方", "供应", "商", "北瑞", "信号", "系统", "有限公司", "服务"]}


def _one_alternation(words: list[str], lang: str) -> re.Pattern[str]:
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"\s+")
        parts.append(rf"(?<![A-Za-z]){esc}(?![a-z])" if w.isascii() else esc)
    return re.compile("|".join(parts), re.IGNORECASE if lang == "en" else 0)


@st.composite
def _case(draw: st.DrawFn) -> tuple[str, list[str], str | None, str]:
    lang = draw(st.sampled_from(["en", "zh"]))
    sep = " " if lang == "en" else ""
    labels = draw(st.lists(st.sampled_from(ROLE_WORDS[lang]), min_size=0, max_size=4))
    name = draw(st.none() | st.lists(st.sampled_from(NAME_PIECES[lang]), min_size=1, max_size=3).map(sep.join))
    filler = ["shall", "not", ",", "。", "the", "of", "  ", "\n"] if lang == "en" else ["不得", "，", "的", "。", " "]
    pieces = draw(st.lists(st.sampled_from(ROLE_WORDS[lang] + NAME_PIECES[lang] + filler), max_size=25))
    return lang, labels, name, sep.join(pieces)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_case())
def test_party_words_are_found_as_one_alternation_finds_them(case: tuple[str, list[str], str | None, str]) -> None:
    lang, labels, name, text = case
    party = Party(name=name, labels={lang: labels})
    words = [*labels, *([name] if name else [])]
    rx = party_regex(party, lang)
    if not words:
        assert rx is None
        return
    expected = [m.span() for m in _one_alternation(words, lang).finditer(text)]
    assert rx is not None
    assert [m.span() for m in rx.finditer(text)] == expected
    for start in range(0, len(text) + 1, 7):  # a window, as the matcher reads a stretch of a block
        assert [m.span() for m in rx.finditer(text, start, len(text) - 1)] == \
            [m.span() for m in _one_alternation(words, lang).finditer(text, start, len(text) - 1)]
    found = rx.search(text)
    assert (found.span() if found else None) == (expected[0] if expected else None)
