"""Put back what OCR loses between English words: spaces ("TheSuppliershallnotinterrupt",
"reason.Any", "log,configuration") and the typographic quotes.

The PP-OCRv4 recogniser is trained mostly on Chinese, where there are no spaces; on English
lines it often glues words together, and the matcher cannot read glued words. A run of letters
that is not a word is split into the fewest known words, when it can be split into known
words only (otherwise it is left as it is). Known words: English word forms from
spacy-lookups-data (as for line joining), every word of the clause library (the vocabulary
the matcher looks for), and the words the document itself spells with spaces. The space after
a comma, semicolon or sentence end is put back where a word follows it directly.

The recogniser cannot tell straight quotes from curly ones (it read the same printed “ as " on
one line and “ on the next, and sometimes as two marks); every quote mark is given the
typographic form its place calls for, as word processors set them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..paths import data_dir
from .linejoin import _lexicon
from .ocr_engine import UNLISTED

#: Glued runs shorter than this are left alone ("useof" is rare; a short unknown word is likelier a name).
MIN_GLUED = 7
#: ... unless they are lowercase and split into words of the clause library ("oruse": "or use").
MIN_SHORT_GLUED = 4
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
        broken = text[m.end():].rstrip() == "-"  # "communic-" + "ation": a word split at the line end
        if len(run) >= MIN_GLUED and not name_like and not broken and run.lower() not in vocab \
                and run.lower() not in extra:
            pieces = split_run(run, vocab, extra)
        elif len(run) >= MIN_SHORT_GLUED and run.islower() and not broken and run not in vocab:
            # a short lowercase run, no word and no name: split only into contract words ("oruse"; the document's
            # own words are not asked, as the glued run is one of them)
            pieces = split_run(run, library_words())
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


#: A comma or semicolon glued to the next word, or a sentence end glued to the next sentence
#: ("reason.Any"): between letters only, so numbers (1,000; 3.5), "No.CII" and web addresses
#: ("example.com") are left alone.
_GLUED_PUNCTUATION = re.compile(r"(?<=[a-z]{2})(?:[,;]|:(?=[A-Za-z]{2})|[.!?](?=[A-Z][a-z]))(?=[A-Za-z])")


def space_punctuation(text: str, confs: list[float]) -> tuple[str, list[float]]:
    """A space after punctuation glued to the next English word; it takes the lower confidence of
    its neighbours."""
    out: list[str] = []
    out_confs: list[float] = []
    pos = 0
    for m in _GLUED_PUNCTUATION.finditer(text):
        end = m.end()
        out.append(text[pos:end] + " ")
        out_confs += [*confs[pos:end], min(confs[end - 1:end + 1], default=0.0)]
        pos = end
    if not out:
        return text, confs
    out.append(text[pos:])
    out_confs += confs[pos:]
    return "".join(out), out_confs


_DOUBLE = "\"“”＂"
_SINGLE_QUOTES = "'‘’"
_OPENS_AFTER = " \t([{（【《「『—–-/"
_CLOSES_BEFORE = " \t)]}）】》」』,.;:!?，。；：！？、"


def typographic_quotes(text: str, confs: list[float]) -> tuple[str, list[float]]:
    """Quote marks in their typographic form: “ after a space or an opening bracket or at the start,
    ” before a space or punctuation or at the end, and between two words (Chinese has no spaces)
    the one that closes an open quote, else opens one; ’ inside or after a word (an apostrophe),
    ‘ before one. A mark the recogniser read twice over (“"User, “Services"”) is one mark."""
    out: list[str] = []
    out_confs: list[float] = []
    is_open = False
    for i, ch in enumerate(text):
        before = out[-1] if out else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in _DOUBLE:
            if not before or before in _OPENS_AFTER:
                mark = "“"
            elif not after or after in _CLOSES_BEFORE or after in _DOUBLE:
                mark = "”"
            else:
                mark = "”" if is_open else "“"
            if before in "“”" and (before == mark or mark == "”"):
                out_confs[-1] = min(out_confs[-1], confs[i])  # read twice: keep one, the less sure
                continue
            is_open = mark == "“"
            ch = mark
        elif ch in _SINGLE_QUOTES:
            ch = "‘" if not before or before in _OPENS_AFTER else "’"
        out.append(ch)
        out_confs.append(confs[i])
    return "".join(out), out_confs


def _known(word: str, vocab: frozenset[str], glued: bool = False) -> bool:
    """A known word; with ``glued``, also a run of contract words glued together as the recogniser glues them
    ("shallnotuseitsposition"; not "Northgatex", which any large word list splits somehow)."""
    low = word.lower()
    if (len(low) > 1 or low in _SINGLE) and low in vocab:
        return True
    if not glued or len(low) < MIN_GLUED:
        return False
    pieces = split_run(low, vocab)
    return pieces is not None and all(p in library_words() for p in pieces)


def _judged_span(text: str, run: re.Match[str], vocab: frozenset[str]) -> tuple[int, int] | None:
    """The letters of a run judged as words: the whole run when it is a word or glued words; of a run
    broken at the line's end ("shallnotuseitsposi-" / "tion"), the words before the broken one."""
    if _known(run.group(), vocab, True):
        return run.start(), run.end()
    if text[run.end():].rstrip() == "-":
        for k in range(len(run.group()) - 1, 0, -1):
            if _known(run.group()[:k], vocab, True):
                return run.start(), run.start() + k
    return None


def _alternative_is_word(text: str, i: int, alt: str, vocab: frozenset[str],
                         span: tuple[int, int] | None = None) -> bool | None:
    """Whether reading ``alt`` for ``text[i]`` gives known words there (within ``span``, by default the
    letters around it): True (another reading of the line, which a misread could hide), None (the same
    word, another case), False (no word)."""
    start, end = span or (i, i + 1)
    if span is None:
        while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isascii() and text[end].isalpha():
            end += 1
    read = text[start:end]
    other = text[start:i] + alt + text[i + 1:end]
    if alt and not (alt.isascii() and (alt.isalpha() or alt == " ")):
        return False  # a digit, a mark or a Chinese character inside a word makes no word
    if other.lower() == read.lower():
        return None
    # a glued run's alternatives are judged as glued runs too (which almost any run of letters is:
    # the cautious side); a word's as words
    glued = " " not in read and not _known(read, vocab)
    return all(p and _known(p, vocab, glued) for p in other.split(" "))


def word_confidences(text: str, confs: list[float], alternatives: list[tuple[tuple[str, float], ...]] | None,
                     below: float) -> list[float]:
    """The confidence of each character read below ``below`` inside an English word, given that
    contracts are written in words: the probability that the recogniser read this word and not
    another one. Of the recogniser's alternatives for the character, those that would give another
    known word (or two known words, for a space) count against it, those that give no word do not,
    and the probability it did not list (:data:`UNLISTED`) counts against it too (it might be
    another word). A run of words glued together is read as the words it splits into
    (:func:`split_run`), one broken at the line's end up to the broken word; a word that is no known
    word (a name, a code) keeps the recogniser's figure.

    Why: the recogniser is unsure of Latin letters where the page is clear ("undertakes" with its
    r at 0.59, the alternative being no character at all: "undetakes"), and the fail-closed rule
    would make every English undertaking uncertain; a letter whose every alternative makes no word
    is not in doubt as to the word."""
    if alternatives is None or len(alternatives) != len(text) or len(confs) != len(text):
        return confs
    vocab = base_vocabulary()
    if not vocab:
        return confs
    out = list(confs)
    for i, (ch, conf) in enumerate(zip(text, confs, strict=True)):
        if conf >= below or not ch.isascii() or not (ch.isalpha() or ch == " "):
            continue
        if ch == " ":
            left = _LETTERS.search(text[:i][::-1])
            right = _LETTERS.match(text, i + 1)
            if not (left and left.start() == 0 and right and _known(left.group()[::-1], vocab, True)
                    and _known(right.group(), vocab, True)):
                continue
        span = None
        if ch != " ":
            m = next((m for m in _LETTERS.finditer(text) if m.start() <= i < m.end()), None)
            span = _judged_span(text, m, vocab) if m is not None else None
            if span is None or not span[0] <= i < span[1]:
                continue
        support, against = conf, 0.0
        for alt, q in alternatives[i]:
            verdict = True if alt == UNLISTED else _alternative_is_word(text, i, alt, vocab, span)
            if verdict is None:
                support += q
            elif verdict:
                against += q
        out[i] = max(conf, support / (support + against)) if support + against > 0 else conf
    return out
