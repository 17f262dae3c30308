"""Writing outputs safely: atomic, never over the input, never over a file without --force.

Every command that writes a file (``lint -o``, ``annex -o``, ``redline -o``)
goes through :func:`check_output_path` before any work and :func:`write_atomic`
after it: the bytes go to a temporary file in the target folder, are flushed
to disk, then renamed into place, so a crash or a kill mid-write leaves the old
output (or none), never half a file.

Only regular files are ever written. A rename over a device node or a FIFO
would replace it (as root, ``-o /dev/null --force`` destroyed ``/dev/null``),
and ``/proc``, ``/sys`` and ``/dev`` (``/dev/stdout`` included) are not places
for a report: all are refused before the run, with a coded error. An output
path that is a symlink is followed: the file it points to is replaced, in its
own folder, so the temporary file and the rename stay on one filesystem.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError

#: Pseudo-filesystems: writing a report there is never what the user meant.
SYSTEM_TREES = ("/proc", "/sys", "/dev")


def _in_system_tree(path: Path) -> bool:
    text = path.as_posix()
    return any(text == top or text.startswith(top + "/") for top in SYSTEM_TREES)


def _target(out: Path) -> Path:
    """The file a write to ``out`` lands on (symlinks followed)."""
    return out.resolve()


def check_output_path(output: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = (),
                      force: bool = False) -> Path:
    """Validate an output path before any work is done; return it (as given)."""
    out = Path(output)
    if str(output) == "-" or _in_system_tree(Path(os.path.abspath(out))):
        raise OutputError.of("system-path", code="output-unsafe", path=str(out))
    resolved = _target(out)
    if _in_system_tree(resolved):
        raise OutputError.of("leads-to-system-path", target=str(resolved), code="output-unsafe", path=str(out))
    for source in inputs:
        try:
            same = resolved == Path(source).resolve() or (
                out.exists() and os.path.samefile(out, source)
            )
        except OSError:
            same = False
        if same:
            raise OutputError.of("output-is-input", code="output-is-input", path=str(out))
    try:
        info: os.stat_result | None = os.stat(resolved)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError.of("cannot-check-output", reason=exc.strerror, code="output-unsafe", path=str(out)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError.of("output-is-directory", code="output-exists", path=str(out))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError.of("output-not-regular", code="output-unsafe", path=str(out))
    if info is not None and not force:
        raise OutputError.of("output-exists", code="output-exists", path=str(out))
    parent = resolved.parent
    if not parent.is_dir():
        raise OutputError.of("output-folder-missing", folder=str(parent), code="output-exists", path=str(out))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError.of("output-folder-readonly", folder=str(parent), code="output-unsafe", path=str(out))
    return out


def write_atomic(output: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``output`` atomically (temp file in the same folder + rename).

    The target is checked again just before the rename: something that is not a
    regular file (created while we worked) is left alone and the write refused.
    """
    out = _target(Path(output))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp makes 0600; give the usual mode
        with contextlib.suppress(FileNotFoundError):
            if not stat.S_ISREG(os.lstat(out).st_mode):
                raise OutputError.of("output-changed", code="output-unsafe", path=str(output))
        os.replace(tmp_name, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
