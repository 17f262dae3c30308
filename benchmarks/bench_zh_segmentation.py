"""Chinese segmentation for phrase matching: characters vs jieba, measured on the corpus.

Issue 3 asks to measure which segmentation gives better recall. For every plain
Chinese phrase in ``clause_library/`` (regex entries are skipped), the true
number of occurrences in the Chinese case texts of ``fixtures/clauses`` is
counted with ``str.count``; a spaCy ``PhraseMatcher`` then looks for the same
phrases on character tokens (spaCy's default for ``zh``) and on jieba tokens.
Recall = matches found / true occurrences. Also prints time per run.

    .venv/bin/python benchmarks/bench_zh_segmentation.py

jieba is not a cliccheck dependency; install it to run the comparison
(``.venv/bin/pip install jieba``).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def phrases() -> list[str]:
    out: set[str] = set()
    for path in sorted((ROOT / "clause_library").glob("*.yaml")):
        for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if s.startswith("re:") or not HAN.search(s) or len(s) > 12 or re.search(r"[\s，。；：、（）]", s):
                continue
            out.add(s)
    return sorted(out)


def texts() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "fixtures" / "clauses" / "cases").glob("*-zh.yaml")):
        out.extend(case["text"] for case in yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def run(nlp, patterns: list[str], corpus: list[str]) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab)
    matcher.add("P", list(nlp.tokenizer.pipe(patterns)))
    start = time.perf_counter()
    found = sum(len(matcher(doc)) for doc in nlp.tokenizer.pipe(corpus))
    return found, time.perf_counter() - start


def main() -> int:
    import spacy

    patterns, corpus = phrases(), texts()
    truth = sum(text.count(p) for text in corpus for p in patterns)
    chars = sum(len(t) for t in corpus)
    print(f"{len(patterns)} Chinese library phrases, {len(corpus)} case texts ({chars:,} chars), "
          f"{truth} true occurrences")
    found, secs = run(spacy.blank("zh"), patterns, corpus)
    print(f"  characters: {found:5d} found  recall {found / truth:.3f}  {secs * 1000:7.1f} ms")
    try:
        import jieba  # noqa: F401
    except ImportError:
        print("  jieba: not installed (pip install jieba) - skipped")
        return 0
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    found, secs = run(nlp, patterns, corpus)
    print(f"  jieba:      {found:5d} found  recall {found / truth:.3f}  {secs * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
