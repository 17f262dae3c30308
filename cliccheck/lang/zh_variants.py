"""Traditional characters and Taiwan/Hong Kong wording -> mainland simplified wording, with offsets.

Why: the clause library is written in mainland wording (网络安全审查, 技术支持, 用户数据); a contract
drafted in Taiwan or Hong Kong (網路安全審查, 技術支援, 使用者資料) makes the same undertakings and must
get the same verdicts. OpenCC (config ``tw2sp``) converts characters and common Taiwan phrases; our own
legal vocabulary (``clause_library/variants.yaml``, for lawyers to review) wins over it. Conversions may
change the length of the text (使用者 -> 用户), so every output character keeps the offset of the input
character it came from, in order, for evidence quoted from the original.
"""

from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher
from typing import Any

import yaml

from ..errors import ConfigError
from ..paths import data_dir

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U000323af]")


@functools.cache
def _opencc(config: str) -> Any:
    try:
        import opencc
    except ImportError as exc:  # a required dependency: never read traditional text unconverted
        raise ConfigError.of("opencc-missing") from exc
    return opencc.OpenCC(config)


@functools.cache
def variants() -> dict[str, str]:
    """``variants.yaml`` as {written form: mainland form}, traditional keys and their simplified spellings."""
    path = data_dir("clause_library") / "variants.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError.of("variants-unreadable", file=str(path), detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    entries = data.get("variants") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not all(isinstance(k, str) and isinstance(v, str) and k and v
                                                for k, v in entries.items()):
        raise ConfigError.of("variants-shape", file=str(path))
    t2s = _opencc("t2s")
    table: dict[str, str] = {}
    for key, value in entries.items():
        if key.startswith("re:"):
            try:
                re.compile(key[3:])
            except re.error as exc:
                raise ConfigError.of("variants-regex", file=str(path), key=repr(key), detail=str(exc)) from None
            table[key] = value
            continue
        table[key] = value
        simple = t2s.convert(key)
        if simple != value:
            table.setdefault(simple, value)
    return table


@functools.cache
def _traditional_regex() -> re.Pattern[str]:
    """A character class of every character OpenCC t2s changes (one conversion of each CJK character,
    once): finding one in a block is a C-level search, not a conversion per block."""
    codes = [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00)]
    chars = [chr(c) for c in codes]
    converted = _opencc("t2s").convert("\n".join(chars)).split("\n")
    changed = [ch for ch, out in zip(chars, converted, strict=False) if out != ch]
    return re.compile("[" + "".join(re.escape(ch) for ch in changed) + "]")


@functools.cache
def _variant_regex() -> re.Pattern[str]:
    """Every written form in one search: phrases longest first (個人資料 before 資料), then the patterns,
    each pattern in a group of its own (``r<n>``) so that a match says which value replaces it."""
    phrases = sorted((k for k in variants() if not k.startswith("re:")), key=len, reverse=True)
    patterns = [k[3:] for k in variants() if k.startswith("re:")]
    parts = [f"(?P<p>{'|'.join(map(re.escape, phrases))})"] if phrases else []
    parts += [f"(?P<r{i}>{pattern})" for i, pattern in enumerate(patterns)]
    return re.compile("|".join(parts))


@functools.cache
def _pattern_values() -> list[str]:
    return [v for k, v in variants().items() if k.startswith("re:")]


def _value(m: re.Match[str]) -> str:
    """The mainland form for one match of :func:`_variant_regex`."""
    if m.lastgroup is None or m.lastgroup == "p":
        return variants()[m.group(0)]
    return _pattern_values()[int(m.lastgroup[1:])]


def _spread(start: int, length: int, count: int) -> list[int]:
    """Origins for ``count`` output characters made from ``length`` input characters at ``start``: in order,
    each pointing into the input span, the ends onto its ends."""
    if length <= 0:
        return [max(start - 1, 0)] * count
    if count == 1:
        return [start]
    # the first output character comes from the first input one and the last from the last, so that a
    # quote of the whole output is the whole input
    return [start + j * (length - 1) // (count - 1) for j in range(count)]


def _align(src: str, out: str, start: int) -> list[int]:
    """Origins of ``out``, the OpenCC conversion of ``src`` (which starts at ``start``)."""
    if len(out) == len(src):
        return list(range(start, start + len(src)))
    # character-level t2s keeps the length (one character for one); the Taiwan phrases are then the only
    # differences between it and ``out``, which a sequence alignment finds
    ref = _opencc("t2s").convert(src)
    if len(ref) != len(src):
        return _spread(start, len(src), len(out))
    origin: list[int] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ref, out, autojunk=False).get_opcodes():
        if tag == "equal":
            origin.extend(range(start + i1, start + i2))
        elif tag != "delete":
            origin.extend(_spread(start + i1, i2 - i1, j2 - j1))
    return origin


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def to_mainland(text: str) -> tuple[str, list[int]] | None:
    """``(converted, origin)``, ``origin[i]`` the index in ``text`` of converted character ``i``; None when
    the text is already in mainland wording (or has no Chinese)."""
    if not has_han(text):
        return None
    tw2sp = _opencc("tw2sp")
    traditional = _traditional_regex().search(text) is not None
    hits = list(_variant_regex().finditer(text))
    if not traditional and not any(_value(m) != m.group(0) for m in hits):
        return None
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in [*hits, None]:
        stop = m.start() if m is not None else len(text)
        if stop > pos:
            gap = text[pos:stop]
            out = tw2sp.convert(gap) if traditional and has_han(gap) else gap
            parts.append(out)
            origin.extend(_align(gap, out, pos))
        if m is None:
            break
        value = _value(m)
        parts.append(value)
        origin.extend(_spread(m.start(), m.end() - m.start(), len(value)))
        pos = m.end()
    converted = "".join(parts)
    return (converted, origin) if converted != text else None
