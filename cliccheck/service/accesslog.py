"""The access log: one JSON object per request, an audit trail without document content.

Each line has the time, a request id (also sent back as ``X-Request-Id``),
method, route, status, the upload's size and sha256, the verdict per
requirement, the gate result and the time taken. Never the file name, the
text, party names or option values that could carry them: a compliance team
can keep the log without keeping the contracts.
"""

from __future__ import annotations

import json
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO


class AccessLog:
    """Appends JSON lines to a file (or standard error), one write per line, thread-safe."""

    def __init__(self, path: str | None = None):
        self._lock = threading.Lock()
        self._own = path not in (None, "-")
        if self._own:
            target = Path(path)  # type: ignore[arg-type]
            self._stream: TextIO = open(target, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
        else:
            self._stream = sys.stderr

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps({"time": datetime.now(UTC).isoformat(timespec="milliseconds"), **record},
                          ensure_ascii=False, separators=(",", ":"), default=str)
        with self._lock:
            self._stream.write(line + "\n")
            self._stream.flush()

    def close(self) -> None:
        if self._own:
            self._stream.close()
