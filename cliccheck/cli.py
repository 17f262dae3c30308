"""Command-line entry point.

Each subcommand lives in ``cliccheck/commands/<name>.py`` and is imported only
when it runs, so ``--version`` and ``--help`` never load spaCy or the readers.
"""

from __future__ import annotations

import importlib
import sys

import click

from . import __version__
from .errors import EXIT_ERROR, CliccheckError

#: command name -> (module, attribute, one-line help shown in --help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "lint": ("lint", "lint_command", "Check contracts for the four Art. 6 undertakings (the gate)."),
    "extract": ("extract", "extract_command", "Print the text and provenance the matcher sees."),
    "annex": ("annex", "annex_command", "Write a compliant clause annex (zh, en or both)."),
    "redline": ("redline", "redline_command", "Write a redlined copy with Word tracked changes."),
    "rules": ("rules", "rules_command", "List the requirements."),
    "explain": ("rules", "explain_command", "Explain one requirement: basis, what satisfies it, examples."),
    "audit": ("audit", "audit_command", "Audit a contract repository into a resumable register; export it."),
    "eval": ("evaluate", "eval_command", "Score the matcher on a labelled corpus."),
    "serve": ("serve", "serve_command", "Serve the gate over HTTP (API for OA/CLM systems, page for lawyers)."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attribute, _ = entry
        try:
            module = importlib.import_module(f"cliccheck.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("cliccheck.commands"):
                return None
            raise
        return getattr(module, attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from .i18n import catalogue

        lang = cli_ui_lang(sys.argv[1:])
        known = catalogue()
        rows = [(name, t(f"help.cmd.{name}", lang) if f"help.cmd.{name}" in known else help_text)
                for name, (_, _, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cliccheck")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (for bug reports).")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Lint procurement contracts for the four undertakings that China's
    Cybersecurity Review Measures (Art. 6) require a CII operator to obtain
    from its supplier.

    \b
    Examples:
      cliccheck lint contract.docx
      cliccheck lint drafts/ --format sarif -o results.sarif
      cliccheck annex contract.docx --lang zh+en -o annex.docx
      cliccheck redline contract.docx -o contract.redline.docx
      cliccheck explain CSR04
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _wants_help_in_chinese(argv: list[str]) -> bool:
    """Only --help needs the catalogue before a command runs (``--version`` stays fast)."""
    if not cli.help or (argv and not any(a in ("-h", "--help") for a in argv)):
        return False
    from .i18n import cli_ui_lang

    return cli_ui_lang(argv) == "zh"


def cli_ui_lang(argv: list[str]) -> str:
    from .i18n import cli_ui_lang as resolve

    return resolve(argv)


def t(key: str, lang: str, /, **values: object) -> str:
    from .i18n import t as translate

    return translate(key, lang, **values)


def usage_line(exc: click.UsageError, lang: str) -> str:
    """Click's multi-line usage error as the one-line coded error every other failure prints, with the
    closest option names for a typo."""
    ctx = exc.ctx
    command = ctx.command_path if ctx is not None else "cliccheck"
    if isinstance(exc, click.NoSuchOption):
        possibilities = list(exc.possibilities or ())
        if not possibilities and ctx is not None:
            import difflib

            names = [o for p in ctx.command.params for o in getattr(p, "opts", ()) if o.startswith("--")]
            possibilities = difflib.get_close_matches(exc.option_name, names, n=3, cutoff=0.6)
        suggest = t("cli.did_you_mean", lang, names=", ".join(sorted(possibilities))) if possibilities else ""
        message = t("cli.no_such_option", lang, option=exc.option_name, suggest=suggest)
    elif isinstance(exc, click.BadParameter) and lang == "zh":
        param = exc.param.get_error_hint(ctx) if exc.param is not None and ctx is not None else (exc.param_hint or "")
        message = t("cli.bad_value", lang, param=param, message=exc.message)
    elif isinstance(exc, click.MissingParameter) and lang == "zh":
        param = exc.param.get_error_hint(ctx) if exc.param is not None and ctx is not None else ""
        message = t("cli.missing_argument", lang, param=param)
    else:
        message = " ".join(exc.format_message().split())
    message = message[:1].lower() + message[1:] if lang == "en" and message[:2] != message[:2].upper() else message
    return t("cli.error", lang, line=t("cli.usage", lang, message=message, command=command) + " [config]")


def main() -> None:
    """Run the CLI; turn any escaped error into one line and exit code 2."""
    debug = "--debug" in sys.argv[1:]
    if _wants_help_in_chinese(sys.argv[1:]):  # --help in Chinese, same examples
        cli.help = t("help.cli", "zh") + "\n\n\b\n" + t("help.examples", "zh") + "\n" + \
            cli.help.split("Examples:", 1)[-1].strip("\n")
        for param in cli.params:
            if param.name == "debug":
                param.help = t("help.debug", "zh")  # type: ignore[attr-defined]
    try:
        rc = cli.main(prog_name="cliccheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo(t("cli.aborted", cli_ui_lang(sys.argv[1:])), err=True)
        sys.exit(130)
    except click.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError" and exc.ctx is not None:  # bare `cliccheck`: the help
            click.echo(exc.ctx.get_help(), err=True)
        else:
            click.echo(usage_line(exc, cli_ui_lang(sys.argv[1:])), err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        click.echo(t("cli.error", cli_ui_lang(sys.argv[1:]), line=f"{exc.format_message()} [config]"), err=True)
        sys.exit(EXIT_ERROR)
    except CliccheckError as exc:
        if debug:
            raise
        from .commands import error_line

        click.echo(error_line(exc, cli_ui_lang(sys.argv[1:])), err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if debug:
            raise
        from .termsafe import escape_text

        click.echo(t("cli.internal", cli_ui_lang(sys.argv[1:]), detail=f"{type(exc).__name__}: {escape_text(str(exc))}"),
                   err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(rc if isinstance(rc, int) else 0)
