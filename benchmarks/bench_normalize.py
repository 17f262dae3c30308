"""Normalisation benchmark: 100 pages of English, mainland Chinese and Taiwan-wording Chinese.

What the reader adds per block since invisible characters, look-alikes and traditional Chinese are
normalised (issue 9 §2, issue 10 item 4), beside OpenCC's own conversion of the same text in one call.
Run: .venv/bin/python benchmarks/bench_normalize.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures" / "hostile"))

from build_obfuscated import EN_UNDERTAKINGS, SIMPLIFIED_CONTRACT, TW_CONTRACT  # noqa: E402

from cliccheck.normalize import normalize  # noqa: E402

PAGE_CHARS = 1600  # a page of Chinese; English pages of the same length in characters


def _pages(paragraphs: list[str], pages: int = 100) -> list[str]:
    out: list[str] = []
    while sum(map(len, out)) < pages * PAGE_CHARS:
        out.extend(paragraphs)
    return out


def _cpu(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    import opencc

    start = time.process_time()
    normalize("網路安全審查")  # first use: OpenCC configs, the variant list, the traditional character class
    print(f"first use (load OpenCC, variants, traditional character class): {time.process_time() - start:.3f} s CPU")
    for name, paragraphs in (("English", EN_UNDERTAKINGS), ("mainland Chinese", SIMPLIFIED_CONTRACT[3:]),
                             ("Taiwan-wording Chinese", TW_CONTRACT[3:]),
                             ("English with look-alikes and zero-width spaces",
                              [p.replace("Supplier", "Suppl\u0456er").replace("shall", "sh\u200ball")
                               for p in EN_UNDERTAKINGS])):
        blocks = _pages(paragraphs)
        chars = sum(map(len, blocks))
        cpu = min(_cpu(lambda b=blocks: [normalize(x) for x in b]) for _ in range(3))
        print(f"{name}: 100 pages ({len(blocks)} blocks, {chars:,} chars) normalised in {cpu * 1000:.0f} ms CPU")
    blocks = _pages(TW_CONTRACT[3:])
    converter = opencc.OpenCC("tw2sp")
    whole = "\n".join(blocks)
    cpu = min(_cpu(lambda: converter.convert(whole)) for _ in range(3))
    print(f"OpenCC tw2sp alone, the Taiwan text in one call: {cpu * 1000:.0f} ms CPU")


if __name__ == "__main__":
    main()
