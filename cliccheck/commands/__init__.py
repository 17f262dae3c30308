"""One module per CLI subcommand; see ``cliccheck.cli.COMMANDS``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..errors import EXIT_ERROR, CliccheckError


@contextmanager
def one_line_errors(ctx: click.Context) -> Iterator[None]:
    """Turn a coded error into ``cliccheck: error: …`` on stderr and exit code 2.

    ``cliccheck.cli.main`` does the same for anything that escapes, but the
    commands are also invoked directly (click's test runner, the Python entry
    points), so each command's body runs inside this. ``--debug`` re-raises.
    """
    try:
        yield
    except CliccheckError as exc:
        if ctx.obj and ctx.obj.get("debug"):
            raise
        click.echo(f"cliccheck: error: {exc.one_line()}", err=True)
        ctx.exit(EXIT_ERROR)


DEFAULT_TIMEOUT = 120.0
#: A week: longer is a typo, and huge values overflow the OS's wait calls.
MAX_TIMEOUT = 7 * 24 * 3600.0


def timeout_option(func):  # type: ignore[no-untyped-def]
    """``--timeout SECONDS``, shared by lint, extract, annex and redline (validated by :func:`parse_timeout`)."""
    return click.option("--timeout", "timeout", default=str(int(DEFAULT_TIMEOUT)), show_default=True,
                        metavar="SECONDS",
                        help="Seconds per document before its worker process is stopped and the document "
                             "reported as a timeout error (0: no limit).")(func)


def parse_timeout(value: str | float | None) -> float | None:
    """``--timeout``: a finite number of seconds, 0 for no limit; None means no limit.

    ``float()`` alone would take ``inf`` (which overflows a wait) and ``nan``
    (which compares false with everything, so it never fires): both refused.
    """
    import math

    from ..errors import ConfigError

    if value is None:
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0 or seconds > MAX_TIMEOUT:
        raise ConfigError(f"--timeout {value!r}: expected seconds, a number from 0 (no limit) to "
                          f"{MAX_TIMEOUT:g}")
    return seconds or None
