"""Click's own words (``Usage:``, ``Options:``, ``Show this message and exit.``, ``[default: …]``, metavars,
usage errors) in the user's language, from ``messages/ui.yaml``.

Click translates these with stdlib gettext and a ``.mo`` file we would have to ship and compile; instead every
cliccheck command is a :class:`LocalizedCommand` (or :class:`LocalizedGroup`), whose help formatter looks the
words up in the same catalogue as the rest of the interface. The English help of an option stays beside the
option (click's idiom); its Chinese is the catalogue key ``help.<command>.<option>`` (``help.opt.<option>`` for
the options several commands share), and a test checks that every option of every command has one.

The language is chosen before click parses anything (``--help`` is eager): ``--ui-lang`` among the command's
arguments, else ``CLICCHECK_UI_LANG`` or the locale (:func:`cliccheck.i18n.help_ui_lang`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

from .i18n import (
    UI_LANG_CHOICES,
    Phrase,
    argv_ui_lang,
    catalogue,
    command_line_run,
    help_ui_lang,
    render,
    set_command_line_ui_lang,
    t,
)

_META_KEY = "cliccheck.ui_lang"
#: the trailing ``[default: …; env var: …; required]`` click appends to an option's help
_EXTRAS = re.compile(r"\s*\[([^\[\]]*)\]\s*$")
_METAVAR_WORD = re.compile(r"[A-Z][A-Z_=]*(?: RANGE)?")


def _known(key: str) -> bool:
    return key in catalogue()


def ui_lang(ctx: click.Context | None) -> str:
    """The language chosen for this command line (see the module docstring)."""
    if ctx is not None and ctx.meta.get(_META_KEY) in ("zh", "en"):
        return str(ctx.meta[_META_KEY])
    return help_ui_lang([])


def command_key(ctx: click.Context) -> str:
    """``lint``, ``audit.run``: the command's place in the catalogue's ``help.*`` keys."""
    names: list[str] = []
    while ctx is not None:
        if ctx.parent is not None or not isinstance(ctx.command, click.Group) or ctx.command.name != "cli":
            names.append(ctx.command.name or "")
        ctx = ctx.parent  # type: ignore[assignment]
    return ".".join(reversed([n for n in names if n and n != "cli"])) or "cli"


def option_keys(command: str, param: click.Parameter) -> list[str]:
    """Where an option's Chinese help may be: ``help.<command>.<option>``, then the shared ``help.opt.<option>``
    (``<option>`` is the long option without dashes, ``supplier_alias`` for ``--supplier-alias``)."""
    longs = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
    name = max(longs, key=len)[2:].replace("-", "_") if longs else str(param.name)
    return [f"help.{command}.{name}", f"help.opt.{name}"]


def _metavars(text: str, lang: str) -> str:
    """``--jobs INTEGER RANGE`` -> ``--jobs 整数``: the placeholders click prints, in the catalogue's words."""
    if lang != "zh":
        return text

    def swap(m: re.Match[str]) -> str:
        key = f"metavar.{m.group(0)}"
        return t(key, lang) if _known(key) else m.group(0)

    return _METAVAR_WORD.sub(swap, text)


def _extras(help_text: str, lang: str) -> str:
    """``… [default: 120; env var: X]`` in the catalogue's words; ranges (``72<=x<=600``) are notation."""
    if lang != "zh":
        return help_text
    m = _EXTRAS.search(help_text)
    if m is None:
        return help_text
    items = []
    for item in m.group(1).split("; "):
        name, sep, value = item.partition(": ")
        key = f"click.extra.{name.replace(' ', '_')}"
        if _known(key):
            items.append(t(key, lang, value=value) if sep else t(key, lang, value=""))
        else:
            items.append(item)
    return help_text[:m.start()] + t("click.extras", lang, items=t("text.list_sep", lang).join(items))


class LocalizedFormatter(click.HelpFormatter):
    """Click's formatter with the usage prefix, section headings and option rows in ``lang``."""

    def __init__(self, lang: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _metavars(args, self.lang), prefix=t("click.usage", self.lang))

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{t('click.heading', self.lang, name=heading)}\n")

    def write_text(self, text: str) -> None:
        """Paragraphs wrapped by display cells in Chinese (click counts a CJK character as one column)."""
        if self.lang != "zh":
            super().write_text(text)
            return
        from .report.wrap import wrap_text

        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 11)
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        for i, paragraph in enumerate(paragraphs):
            if i:
                self.write("\n")
            if paragraph.lstrip("\n").startswith("\b"):
                body = paragraph.lstrip("\n")[1:].strip("\n")
                self.write("".join(f"{indent}{line}\n" for line in body.splitlines()))
            else:
                self.write("".join(f"{indent}{line}\n" for line in wrap_text(" ".join(paragraph.split()), width)))

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        key = f"click.heading.{name}"
        with super().section(t(key, self.lang) if _known(key) else name):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_metavars(first, self.lang), _extras(second, self.lang)) for first, second in rows]
        if self.lang != "zh":
            super().write_dl(rows, col_max, col_spacing)
            return
        from .report.wrap import text_width, wrap_text

        first_col = min(max((text_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if text_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - text_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap_text(" ".join(second.split()), max(self.width - first_col - 2, 10)) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class LocalizedContext(click.Context):
    """A context that knows the run's UI language from the moment it exists (``--help`` is eager)."""

    formatter_class = LocalizedFormatter

    def __init__(self, *args: Any, ui_lang: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if ui_lang in ("zh", "en"):
            self.meta[_META_KEY] = ui_lang

    def make_formatter(self) -> click.HelpFormatter:
        return LocalizedFormatter(ui_lang(self), width=self.terminal_width, max_width=self.max_content_width)


def _remember_ui_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value in ("zh", "en"):
        ctx.meta[_META_KEY] = value
        set_command_line_ui_lang(value)
    return value


class _Localized:
    """What :class:`LocalizedCommand` and :class:`LocalizedGroup` share (a mixin over click.Command)."""

    context_class = LocalizedContext

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        value = argv_ui_lang(args)
        if parent is None or value in ("zh", "en"):  # a new run: forget what an earlier run in this process chose
            set_command_line_ui_lang(value)
        if value not in ("zh", "en"):
            value = ui_lang(parent) if parent is not None else help_ui_lang([])
        return super().make_context(info_name, args, parent=parent, ui_lang=value, **extra)  # type: ignore[misc]

    def main(self, *args: Any, **kwargs: Any) -> Any:
        with command_line_run():
            return super().main(*args, **kwargs)  # type: ignore[misc]

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        """Every command takes ``--ui-lang`` (the ones that do not use it for a report still speak it)."""
        params: list[click.Parameter] = super().get_params(ctx)  # type: ignore[misc]
        if not any(p.name == "ui_lang" for p in params):
            option = click.Option(["--ui-lang"], type=click.Choice(list(UI_LANG_CHOICES)), default=None,
                                  expose_value=False, is_eager=True, callback=_remember_ui_lang,
                                  help=t("help.opt.ui_lang", "en"))
            params.insert(len(params) - 1 if params and params[-1].name == "help" else len(params), option)
        return params

    def _zh_param_help(self, ctx: click.Context, param: click.Parameter) -> str | None:
        if param is self.get_help_option(ctx):  # type: ignore[attr-defined]
            return t("help.opt.help", "zh")
        for key in option_keys(command_key(ctx), param):
            if _known(key):
                return t(key, "zh")
        return None

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        key = f"help.{command_key(ctx)}"
        if ui_lang(ctx) != "zh" or not _known(key):
            super().format_help_text(ctx, formatter)  # type: ignore[misc]
            return
        english = self.help or ""  # type: ignore[attr-defined]
        block = english.split("Examples:", 1)[1].split("\n\n", 1)[0] if "Examples:" in english else ""
        examples = "\n".join("  " + line.strip() for line in block.splitlines() if line.strip())
        text = t(key, "zh")
        if examples:
            text += "\n\n\b\n" + t("help.examples", "zh") + "\n" + examples
        saved = self.help  # type: ignore[attr-defined,has-type]
        self.help = text  # type: ignore[attr-defined]
        try:
            super().format_help_text(ctx, formatter)  # type: ignore[misc]
        finally:
            self.help = saved  # type: ignore[attr-defined]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if ui_lang(ctx) != "zh":
            super().format_options(ctx, formatter)  # type: ignore[misc]
            return
        rows = []
        for param in self.get_params(ctx):
            zh = self._zh_param_help(ctx, param)
            shown = param
            if zh is not None and isinstance(param, click.Option):
                shown = copy.copy(param)
                shown.help = zh
            record = shown.get_help_record(ctx)
            if record is not None and not isinstance(param, click.Argument):
                rows.append(record)
        if rows:
            with formatter.section("Options"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            if isinstance(self, click.Group) or ctx.allow_extra_args:
                return super().parse_args(ctx, args)  # type: ignore[misc]
            ctx.allow_extra_args = True  # click's own "Got unexpected extra argument" is English: ours is not
            try:
                rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
            finally:
                ctx.allow_extra_args = False
        except click.UsageError as exc:
            if exc.ctx is None:  # click's parser raises without the context the message needs
                exc.ctx = ctx
            raise
        if rest and not ctx.resilient_parsing:
            raise CatalogueUsageError("cli.extra_argument", ctx=ctx, arg=" ".join(rest))
        return rest


class LocalizedCommand(_Localized, click.Command):
    """A click command whose help and usage errors speak the user's language."""


class LocalizedGroup(_Localized, click.Group):
    """A click group whose help and usage errors speak the user's language."""

    command_class = LocalizedCommand

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = ui_lang(ctx)
        base = command_key(ctx)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            key = f"help.cmd.{name}" if base == "cli" else f"help.cmd.{base}.{name}"
            rows.append((name, t(key, lang) if lang == "zh" and _known(key) else
                         command.get_short_help_str(formatter.width - 6 - max(len(n) for n in [name]))))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                             list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.NoSuchCommand as exc:
            import difflib

            close = difflib.get_close_matches(exc.command_name, self.list_commands(ctx), n=3, cutoff=0.6)
            suggest = Phrase("cli.did_you_mean" if close else None, names=", ".join(close))
            raise CatalogueUsageError("cli.no_such_command", ctx=ctx, command=exc.command_name,
                                      suggest=suggest) from None


class CatalogueUsageError(click.UsageError):
    """A usage error whose words are a catalogue key: rendered in the run's language when printed."""

    def __init__(self, key: str, *, ctx: click.Context | None = None, **values: Any):
        self.key = key
        self.values = values
        super().__init__(self.localized("en"), ctx=ctx)

    def localized(self, lang: str) -> str:
        return render(self.key, lang, self.values)


def _type_expectation(param: click.Parameter, lang: str) -> str | None:
    """What a parameter's type accepts, in words (click's own message is English)."""
    kind = param.type
    if isinstance(kind, click.Choice):
        return t("cli.expect.choice", lang, choices=t("text.list_sep", lang).join(map(str, kind.choices)))
    if isinstance(kind, (click.IntRange, click.FloatRange)):
        low = "" if kind.min is None else f"{kind.min}{'<' if kind.min_open else '<='}"
        high = "" if kind.max is None else f"{'<' if kind.max_open else '<='}{kind.max}"
        word = "integer" if isinstance(kind, click.IntRange) else "number"
        return t(f"cli.expect.{word}_range", lang, range=f"{low}x{high}")
    if kind is click.INT or isinstance(kind, click.types.IntParamType):
        return t("cli.expect.integer", lang)
    if kind is click.FLOAT or isinstance(kind, click.types.FloatParamType):
        return t("cli.expect.number", lang)
    if isinstance(kind, click.Path):
        parts = [t("cli.expect.path", lang)]
        if kind.exists:
            parts.append(t("cli.expect.path_exists", lang))
        if not kind.dir_okay:
            parts.append(t("cli.expect.not_a_folder", lang))
        return t("text.list_sep", lang).join(parts)
    return None


def _hint(param: click.Parameter, ctx: click.Context, lang: str) -> str:
    """``'--jobs' / '-j'``, ``'CONTRACT'``; in Chinese ``“--jobs”/“-j”``, ``“合同”``."""
    hint = param.get_error_hint(ctx)
    if lang != "zh":
        return hint
    return re.sub(r"'([^']*)'", r"“\1”", _metavars(hint, lang)).replace(" / ", "/")


def usage_message(exc: click.UsageError, lang: str) -> str:
    """The words of a usage error in ``lang`` (without the ``cliccheck: error:`` frame)."""
    ctx = exc.ctx
    if isinstance(exc, CatalogueUsageError):
        return exc.localized(lang)
    if isinstance(exc, click.NoSuchOption):
        possibilities = list(exc.possibilities or ())
        if not possibilities and ctx is not None:
            import difflib

            names = [o for p in ctx.command.get_params(ctx) for o in getattr(p, "opts", ()) if o.startswith("--")]
            possibilities = difflib.get_close_matches(exc.option_name, names, n=3, cutoff=0.6)
        suggest = t("cli.did_you_mean", lang, names=", ".join(sorted(possibilities))) if possibilities else ""
        return t("cli.no_such_option", lang, option=exc.option_name, suggest=suggest)
    if isinstance(exc, click.BadOptionUsage) and ctx is not None:
        param = next((p for p in ctx.command.get_params(ctx) if exc.option_name in getattr(p, "opts", ())), None)
        flag = isinstance(param, click.Option) and param.is_flag
        return t("cli.option_takes_no_value" if flag else "cli.missing_option_value", lang, option=exc.option_name)
    if isinstance(exc, click.MissingParameter):
        param = _hint(exc.param, ctx, lang) if exc.param is not None and ctx is not None else ""
        return t("cli.missing_argument", lang, param=param)
    if isinstance(exc, click.BadParameter):
        param = _hint(exc.param, ctx, lang) if exc.param is not None and ctx is not None else \
            str(exc.param_hint or "")
        expected = _type_expectation(exc.param, lang) if exc.param is not None else None
        if lang == "zh":
            return t("cli.bad_value", lang, param=param, message=expected) if expected else \
                t("cli.bad_value_plain", lang, param=param)
        return t("cli.bad_value", lang, param=param, message=exc.message)
    if lang == "zh":
        return t("cli.usage_error", lang)
    return " ".join(exc.format_message().split())
