"""Progress on a terminal: count, rate and ETA (tqdm); nothing when not a TTY or with --quiet."""

from __future__ import annotations

import sys
from typing import Any

from .strings import for_lang


class Progress:
    """Counts documents as they are recorded or found unchanged."""

    def __init__(self, total: int, *, enabled: bool | None = None, stream: Any = None, lang: str = "en"):
        stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(stream, "isatty", lambda: False)())
        self.counts = {"checked": 0, "skipped": 0, "errors": 0}
        self._bar: Any = None
        self._words = for_lang(lang).PROGRESS
        if enabled:
            try:
                from tqdm import tqdm
            except ImportError:  # the audit still runs without the extra, just silently
                return
            self._bar = tqdm(total=total, unit=self._words["unit"], desc=self._words["desc"], file=stream,
                             dynamic_ncols=True, smoothing=0.05)

    def advance(self, kind: str, error: bool = False) -> None:
        self.counts[kind] += 1
        if error:
            self.counts["errors"] += 1
        if self._bar is not None:
            self._bar.set_postfix_str(self._words["postfix"].format(**self.counts), refresh=False)
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
