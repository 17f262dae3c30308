"""Writing outputs safely: atomic, never over the input, never over a file without --force.

Every command that writes a file (``lint -o``, ``annex -o``, ``redline -o``)
goes through :func:`write_atomic`: the bytes go to a temporary file in the
target folder, are flushed to disk, then renamed into place, so a crash or a
kill mid-write leaves the old output (or none), never half a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError


def check_output_path(output: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = (),
                      force: bool = False) -> Path:
    """Validate an output path before any work is done; return it resolved."""
    out = Path(output)
    resolved = out.resolve()
    for source in inputs:
        try:
            same = resolved == Path(source).resolve() or (
                out.exists() and os.path.samefile(out, source)
            )
        except OSError:
            same = False
        if same:
            raise OutputError("the output is the input file: choose another path",
                              code="output-is-input", path=str(out))
    if out.exists() and not force:
        raise OutputError("exists: pass --force to overwrite it", code="output-exists",
                          path=str(out))
    if out.exists() and out.is_dir():
        raise OutputError("is a directory", code="output-exists", path=str(out))
    parent = resolved.parent
    if not parent.is_dir():
        raise OutputError(f"folder {parent} does not exist", code="output-exists", path=str(out))
    return out


def write_atomic(output: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``output`` atomically (temp file in the same folder + rename)."""
    out = Path(output)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.resolve().parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp makes 0600; give the usual mode
        os.replace(tmp_name, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
