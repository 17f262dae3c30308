"""Put back the spaces OCR drops between English words ("TheSuppliershallnotinterrupt").

The PP-OCRv4 recogniser is trained mostly on Chinese, where there are no spaces; on English
lines it often glues words together, and the matcher cannot read glued words. A run of letters
that is not a word is split into the fewest known words, when it can be split into known
words only (otherwise it is left as it is). Known words: English word forms from
spacy-lookups-data (as for line joining), every word of the clause library (the vocabulary
the matcher looks for), and the words the document itself spells with spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..paths import data_dir
from .linejoin import _lexicon

#: Glued runs shorter than this are left alone ("useof" is rare; a short unknown word is likelier a name).
MIN_GLUED = 7
MAX_WORD = 24
_LETTERS = re.compile(r"[A-Za-z]+")
_SINGLE = frozenset({"a", "i"})


@lru_cache(maxsize=1)
def library_words() -> frozenset[str]:
    """The clause library's English words: contract vocabulary, preferred when splitting."""
    library: set[str] = set()
    try:
        for path in data_dir("clause_library").glob("*.yaml"):
            library.update(w.lower() for w in _LETTERS.findall(path.read_text(encoding="utf-8")))
    except OSError:
        pass
    return frozenset(w for w in library if len(w) > 1 or w in _SINGLE)


@lru_cache(maxsize=1)
def base_vocabulary() -> frozenset[str]:
    words, _ = _lexicon()
    return frozenset(w for w in words if len(w) > 1 or w in _SINGLE) | library_words()


def document_words(lines: Iterable[str]) -> frozenset[str]:
    """Words a document spells with spaces around them."""
    out: set[str] = set()
    for line in lines:
        for token in line.split():
            for word in _LETTERS.findall(token):
                if 1 < len(word) < MIN_GLUED:
                    out.add(word.lower())
    return frozenset(out)


def split_run(run: str, vocab: frozenset[str], extra: frozenset[str] = frozenset()) -> list[str] | None:
    """``run`` as the cheapest sequence of known words, or None: a contract word (clause library or
    the document's own) costs 1, any other English word form 1.6 ("Supplier shall", not "Suppliers
    hall"); longer words win ties."""
    low = run.lower()
    n = len(low)
    common = library_words() | extra
    best: list[tuple[float, int] | None] = [None] * (n + 1)  # (cost, -sum of squares) for prefix
    back = [0] * (n + 1)
    best[0] = (0.0, 0)
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_WORD), end):
            if best[start] is None:
                continue
            piece = low[start:end]
            if piece not in vocab and piece not in extra:
                continue
            cost, score = best[start]  # type: ignore[misc]
            candidate = (cost + (1.0 if piece in common else 1.6), score - len(piece) ** 2)
            if best[end] is None or candidate < best[end]:  # type: ignore[operator]
                best[end] = candidate
                back[end] = start
    if best[n] is None:
        return None
    pieces: list[str] = []
    end = n
    while end > 0:
        pieces.append(run[back[end]:end])
        end = back[end]
    return pieces[::-1]


def respace(text: str, confs: list[float], extra: frozenset[str] = frozenset()) -> tuple[str, list[float]]:
    """``text`` with glued English words split; an inserted space takes the lower confidence of its
    neighbours."""
    vocab = base_vocabulary()
    if not vocab or not _LETTERS.search(text):
        return text, confs
    out: list[str] = []
    out_confs: list[float] = []
    pos = 0
    for m in _LETTERS.finditer(text):
        run = m.group()
        out.append(text[pos:m.start()])
        out_confs += confs[pos:m.start()]
        pos = m.end()
        pieces = None
        name_like = run[0].isupper() and not any(ch.isupper() for ch in run[1:]) and len(run) < 12
        if len(run) >= MIN_GLUED and not name_like and run.lower() not in vocab and run.lower() not in extra:
            pieces = split_run(run, vocab, extra)
        if not pieces or len(pieces) == 1:
            out.append(run)
            out_confs += confs[m.start():m.end()]
            continue
        offset = m.start()
        for i, piece in enumerate(pieces):
            if i:
                out.append(" ")
                out_confs.append(min(confs[offset - 1], confs[offset]))
            out.append(piece)
            out_confs += confs[offset:offset + len(piece)]
            offset += len(piece)
    out.append(text[pos:])
    out_confs += confs[pos:]
    return "".join(out), out_confs
