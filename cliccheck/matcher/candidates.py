"""Cheap candidate finding over the whole document.

One compiled ``re`` alternation per language, built from the library's
actions and objects of every requirement (~20 M chars/s, against ~4 M for a
PhraseMatcher and well under 1 M for a token Matcher). Only sentences with a
hit go to the careful spaCy analysis. English phrases are matched as word
prefixes so inflections ("suspends", "suspended") are not lost; precision is
the analysis stage's job, recall is this one's.
"""

from __future__ import annotations

import re

from ..library import Library

_CANDIDATE_KEYS = ("duty", "refusal", "refusable", "forbidden", "contradicting", "broad_objects")


_CACHE: dict[tuple[object, ...], re.Pattern[str] | None] = {}


def _compile(library: Library, lang: str) -> re.Pattern[str] | None:
    parts: set[str] = set()
    for req in library.requirements:
        phrases = [p for k in _CANDIDATE_KEYS for p in req.lexicon[k][lang]]
        phrases += [p for el in req.elements for p in el.objects[lang]]
        for p in phrases:
            if p.startswith("re:"):
                parts.add(f"(?:{p[3:]})")
            elif lang == "en":
                parts.add(r"\b" + re.escape(p).replace(r"\ ", r"\s+"))
            else:
                parts.add(re.escape(p))
    if not parts:
        return None
    return re.compile("|".join(sorted(parts, key=len, reverse=True)), re.IGNORECASE if lang == "en" else 0)


def candidate_regex(library: Library, lang: str) -> re.Pattern[str] | None:
    """The compiled alternation for ``lang`` (cached per library version)."""
    key = (library.key, lang)
    if key not in _CACHE:
        _CACHE[key] = _compile(library, lang)
    return _CACHE[key]


def is_candidate(text: str, library: Library, lang: str) -> bool:
    rx = candidate_regex(library, lang)
    return bool(rx and rx.search(text))
