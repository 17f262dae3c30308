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
        click.echo(error_line(exc, ui_lang_of(ctx)), err=True)
        ctx.exit(EXIT_ERROR)


def ui_lang_of(ctx: click.Context | None) -> str:
    """The language of messages printed before (or without) a contract: --ui-lang, the locale, else English."""
    import sys

    from ..i18n import cli_ui_lang, resolve_ui_lang

    value = ctx.params.get("ui_lang") if ctx is not None else None
    return resolve_ui_lang(value) if value in ("zh", "en") else cli_ui_lang(sys.argv[1:])


def error_line(exc: CliccheckError, lang: str) -> str:
    """``cliccheck: error: FILE: message [code]`` (``cliccheck：错误：…`` in Chinese), one line."""
    from ..i18n import error_description, t

    line = exc.one_line(lang)
    if lang != "zh" or exc.key is not None or any("\u4e00" <= c <= "\u9fff" for c in exc.message):
        pass  # English, or the message is already Chinese (from the catalogue, or said in Chinese when raised)
    elif exc.path is None:
        line = f"{error_description(exc.code, lang)}（{line}）"
    else:  # not yet in the catalogue: what the code means in Chinese, the English detail in brackets
        from ..termsafe import escape_name, escape_text

        line = (f"{escape_name(exc.path)}：{error_description(exc.code, lang)}"
                f"（{escape_text(exc.message.replace(chr(10), ' '))}）[{exc.code}]")
    return t("cli.error", lang, line=line)


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
        raise ConfigError.of("timeout-value", value=repr(value), max=f"{MAX_TIMEOUT:g}")
    return seconds or None
