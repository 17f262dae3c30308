"""Command-line entry point.

Each subcommand lives in ``cliccheck/commands/<name>.py`` and is imported only
when it runs, so ``--version`` and ``--help`` never load spaCy or the readers.
"""

from __future__ import annotations

import importlib
import sys

import click

from . import __version__
from .clihelp import LocalizedGroup
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


class LazyGroup(LocalizedGroup):
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
        """From the table above, so ``--help`` imports no command module."""
        from .clihelp import ui_lang
        from .i18n import catalogue, t

        lang = ui_lang(ctx)
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


def cli_ui_lang(argv: list[str]) -> str:
    """The run's language: --ui-lang (remembered once click parsed it), CLICCHECK_UI_LANG, the locale."""
    from .i18n import help_ui_lang

    return help_ui_lang(argv)


def t(key: str, lang: str, /, **values: object) -> str:
    from .i18n import t as translate

    return translate(key, lang, **values)


def usage_line(exc: click.UsageError, lang: str) -> str:
    """Click's multi-line usage error as the one-line coded error every other failure prints, with the
    closest option names for a typo."""
    from .clihelp import usage_message

    ctx = exc.ctx
    command = ctx.command_path if ctx is not None else "cliccheck"
    message = usage_message(exc, lang)
    message = message[:1].lower() + message[1:] if lang == "en" and message[:2] != message[:2].upper() else message
    return t("cli.error", lang, line=t("cli.usage", lang, message=message, command=command) + " [config]")


def main() -> None:
    """Run the CLI; turn any escaped error into one line and exit code 2."""
    debug = "--debug" in sys.argv[1:]
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
