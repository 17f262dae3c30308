"""Which cases of the evaluation corpora the default test run puts through the whole tool.

The corpora (fixtures/eval: some 25,000 development documents and 13,500 pack documents) take about nine CPU
minutes to evaluate whole, more than half of what CI can spend on the suite. The default run evaluates:

* every case that was ever a false pass or a false gate pass in a committed evaluation
  (``benchmarks/results/eval-*.json``: each held-out part as scored at its freeze) - the drafting that once fooled
  the matcher, where a regression would show first;
* every case the tests list as a reported false pass;
* a fixed quarter of all the others, chosen by a stable hash of the case id (the same cases on every machine, spread
  over every file, language and author).

``CLICCHECK_CORPUS_FULL=1`` (``make test-corpus``) evaluates every case; it runs before each matcher freeze.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / "benchmarks" / "results"
#: one case in SHARE runs in the default test run
SHARE = 4


def full() -> bool:
    """Whether this run evaluates the corpora whole."""
    return os.environ.get("CLICCHECK_CORPUS_FULL") == "1"


@cache
def once_false_passes() -> frozenset[str]:
    """Ids of every case a committed evaluation scored as a false pass or a false gate pass."""
    ids: set[str] = set()
    for path in RESULTS.glob("eval-*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        ids.update(str(p["case"]) for p in data.get("false_passes") or [])
        ids.update(str(c) for c in (data.get("gate") or {}).get("false_passes") or [])
    return frozenset(ids)


def in_quarter(case: str) -> bool:
    """The stable hash sample: the same answer for an id on every machine and in every run."""
    return zlib.crc32(case.encode("utf-8")) % SHARE == 0


def keep(reported: Iterable[str] = ()) -> Callable[[str], bool] | None:
    """The ``keep`` filter for ``evaluate_documents`` (None, all cases, when the run is full)."""
    if full():
        return None
    always = once_false_passes() | frozenset(reported)
    return lambda case: case in always or in_quarter(case)
