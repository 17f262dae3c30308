"""spaCy pipelines, built offline and loaded lazily.

English: ``spacy.blank("en")`` with a plain word tokenizer (runs of letters
and digits, a possessive "'s", every other non-space character alone) and the
lookup lemmatizer from spacy-lookups-data, so a library phrase "suspend" also
matches "suspends", "suspended" and "suspending". The word tokenizer replaces
spaCy's English rule tokenizer because building that one (1,300 special cases
and three large affix expressions) took a third of the load time, and the
matcher tokenizes the library phrases and the text the same way, so nothing
is lost. Chinese: ``spacy.blank("zh")`` with its default character
segmentation (measured: 100% recall of library phrases, against 96% with
jieba, which cuts phrases differently in context). No model is downloaded and
no trained pipeline is used.
"""

from __future__ import annotations

import re
import threading
from typing import Any

_LOCK = threading.Lock()
_PIPELINES: dict[str, Any] = {}
_TOKEN = re.compile(r"[^\W_]+(?=['’]s\b)|['’]s\b|[^\W_]+|\S")
_TOKENIZER = "cliccheck.word_tokenizer.v1"


class WordTokenizer:
    """Letters-and-digits words, a possessive "'s", and single punctuation marks."""

    def __init__(self, vocab: Any):
        self.vocab = vocab

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc

        # whitespace other than one plain space after a word becomes a token of its own, as in spaCy,
        # so the Doc's text (and every character offset) is exactly ``text``
        words: list[str] = []
        spaces: list[bool] = []

        def add_gap(gap: str) -> None:
            if gap[:1] == " " and words and not spaces[-1]:
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)

        pos = 0
        for m in _TOKEN.finditer(text):
            add_gap(text[pos:m.start()])
            words.append(m.group(0))
            spaces.append(False)
            pos = m.end()
        add_gap(text[pos:])
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def to_bytes(self, **_: Any) -> bytes:  # pragma: no cover - spaCy serialisation hook
        return b""

    def from_bytes(self, _data: bytes, **_: Any) -> WordTokenizer:  # pragma: no cover
        return self


def _register() -> None:
    import spacy

    if _TOKENIZER not in spacy.registry.tokenizers.get_all():
        @spacy.registry.tokenizers(_TOKENIZER)
        def _create() -> Any:
            return lambda nlp: WordTokenizer(nlp.vocab)


_LEMMAS: dict[str, str] = {}


def _lemma_table() -> dict[str, str] | None:
    """spacy-lookups-data's English lemma lookup, read as a plain dict (half the time of a spaCy Table)."""
    import gzip
    import json
    from importlib.util import find_spec

    spec = find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        for name, opener in (("en_lemma_lookup.json.gz", gzip.open), ("en_lemma_lookup.json", open)):
            try:
                with opener(f"{base}/data/{name}", "rt", encoding="utf-8") as fh:
                    table = json.load(fh)
            except OSError:
                continue
            return table if isinstance(table, dict) else None
    return None


def _lookup_lemmatize(doc: Any) -> Any:
    """Set each token's lemma from the lookup table (the text itself when unknown)."""
    table = _LEMMAS
    for token in doc:
        lemma = table.get(token.text)
        if lemma is not None:
            token.lemma_ = lemma
        else:
            token.lemma = token.orth
    return doc


def _english(spacy: Any) -> Any:
    _register()
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}})
    table = _LEMMAS or _lemma_table()
    if table is None:  # unusual layout of spacy-lookups-data: let spaCy find the table
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp
    _LEMMAS.update(table)
    from spacy.language import Language

    if not Language.has_factory("cliccheck_lookup_lemmatizer"):
        Language.component("cliccheck_lookup_lemmatizer", func=_lookup_lemmatize)
    nlp.add_pipe("cliccheck_lookup_lemmatizer")
    return nlp


def get_nlp(lang: str) -> Any:
    """The blank pipeline for ``lang`` ("en" or "zh"), created once."""
    nlp = _PIPELINES.get(lang)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _PIPELINES.get(lang)
        if nlp is None:
            import spacy

            # Chinese: the default segmenter, characters
            nlp = _english(spacy) if lang == "en" else spacy.blank("zh")
            _PIPELINES[lang] = nlp
    return nlp
