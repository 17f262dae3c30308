"""Normalisation: what the matcher sees, and the map back to the source."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cliccheck.normalize import detect_language, normalize


def test_spaces_soft_hyphens_and_zero_width_are_cleaned():
    text, _ = normalize("The\u00a0Supplier\u00ad shall\u200b  not\u3000 suspend\tsupply.")
    assert text == "The Supplier shall not suspend supply."


def test_fullwidth_latin_and_digits_fold_but_chinese_punctuation_stays():
    text, _ = normalize("乙方应在１０日内向ＡＢＣ公司提供支持，且不得中断；详见（一）。")
    assert text == "乙方应在10日内向ABC公司提供支持，且不得中断；详见（一）。"


def test_curly_quotes_are_kept_as_written():
    text, _ = normalize("the \u201cVendor\u201d and \u2018Customer\u2019")
    assert text == "the \u201cVendor\u201d and \u2018Customer\u2019"


def test_leading_and_trailing_space_is_dropped():
    assert normalize("  \u3000 乙方 \u00a0")[0] == "乙方"


@given(st.text(alphabet=st.sampled_from(list("ab乙方，。 \u00a0\u3000\u200b\u00adＡ１\u201c\u201d.\t")),
               max_size=60))
def test_origin_points_at_a_source_character_that_produces_it(raw):
    text, origin = normalize(raw)
    assert len(origin) == len(text)
    assert origin == sorted(origin)
    for ch, i in zip(text, origin, strict=True):
        if ch == " ":
            assert raw[i].isspace() or raw[i] in "\u00a0\u3000"
        else:
            assert ch in (raw[i], __import__("unicodedata").normalize("NFKC", raw[i]))


@given(st.text(max_size=80))
def test_normalising_twice_changes_nothing(raw):
    once = normalize(raw)[0]
    assert normalize(once)[0] == once


def test_language_detection():
    assert detect_language("乙方不得非法获取用户数据。") == "zh"
    assert detect_language("The Supplier shall not obtain user data.") == "en"
    assert detect_language("乙方（Northbridge Systems Ltd.）应当配合网络安全审查。") == "zh"
    assert detect_language("网络安全审查 Cybersecurity Review Undertakings of the Supplier") == "mixed"
    assert detect_language("12.3 — 45") == "none"
