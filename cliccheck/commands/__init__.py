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
