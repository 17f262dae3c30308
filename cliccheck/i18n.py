"""The user interface in Chinese and English: one message catalogue, one way to choose the language.

Every human-facing string (reports, summaries, ``rules``, ``explain``, error lines, help) is a key in
``messages/ui.yaml``, which holds the Chinese and the English text of each message side by side. YAML was
chosen over gettext ``.po`` files because the catalogue sits beside ``clause_library/`` and is reviewed by the
same lawyers, who read both languages of a message at once; it needs no compile step (``.mo``) and no
plural machinery (Chinese has no plural; the few English plurals are their own keys); and loading is strict
like the clause library's: every key has both languages with the same ``{placeholders}``, or loading fails.

The language is chosen by :func:`resolve_ui_lang`: an explicit ``--ui-lang zh|en`` (or ``ui-lang`` in the
config) wins; with ``auto``, ``LC_ALL``/``LC_MESSAGES``/``LANG`` naming Chinese or English wins; otherwise the
contract's own language (Chinese for a bilingual contract), and English when there is no contract.
"""

from __future__ import annotations

import collections
import contextlib
import contextvars
import functools
import os
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

UI_LANGS = ("zh", "en")
UI_LANG_CHOICES = ("auto", "zh", "en")
_PLACEHOLDER = re.compile(r"{(\w*)}")
#: the language a command line chose with ``--ui-lang zh|en`` (set by the option's callback for the whole run)
_COMMAND_LINE_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("cliccheck_ui_lang", default=None)
#: an environment variable naming the UI language without changing the locale of other programs
ENV_VAR = "CLICCHECK_UI_LANG"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@functools.cache
def _load(path: str) -> dict[str, dict[str, str]]:
    try:
        raw = Path(path).read_text(encoding="utf-8")
        # libyaml's parser when PyYAML has it (as library.py): the same mapping, read ~10x faster, and
        # every command (and each worker process) loads this catalogue once
        data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot load the message catalogue: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the message catalogue must be a mapping of keys to {{zh, en}}")
    # YAML lets a later key silently replace an earlier one: a message added under a key already in use would
    # change what another part of the tool says, so a key given twice is an error
    counts = collections.Counter(re.findall(r"^(?![\s#])([^:\n]+):", raw, re.MULTILINE))
    twice = sorted(k for k, n in counts.items() if n > 1)
    if twice:
        raise ConfigError(f"{path}: message key(s) given twice: {', '.join(twice)}")
    out: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        if not isinstance(value, dict) or set(value) != set(UI_LANGS) or \
                not all(isinstance(v, str) for v in value.values()):
            raise ConfigError(f"{path}: message {key!r} must have exactly a zh and an en string")
        if _fields(value["zh"]) != _fields(value["en"]):
            raise ConfigError(f"{path}: message {key!r}: zh and en use different placeholders")
        out[str(key)] = {k: str(v) for k, v in value.items()}
    return out


def catalogue() -> dict[str, dict[str, str]]:
    """Key -> {"zh", "en"} from ``messages/ui.yaml`` (cached)."""
    from .paths import data_dir

    return _load(str(data_dir("messages") / "ui.yaml"))


def t(key: str, lang: str, /, **values: Any) -> str:
    """The message ``key`` in ``lang`` (zh or en) with ``values`` filled in; an unknown key is a bug."""
    entry = catalogue().get(key)
    if entry is None:
        raise KeyError(f"message {key!r} is not in messages/ui.yaml")
    text = entry["zh" if lang == "zh" else "en"]
    return text.format(**values) if values else text


def set_command_line_ui_lang(value: str | None) -> None:
    """Remember ``--ui-lang`` for every message of this run (help, errors, annex and redline notes)."""
    _COMMAND_LINE_LANG.set(value if value in UI_LANGS else None)


@contextlib.contextmanager
def command_line_run() -> Iterator[None]:
    """One command-line run: what its ``--ui-lang`` chose is forgotten when it ends, so a later API call in the
    same process (a tool that ran the CLI in-process, a test runner) talks in its own settings' language."""
    token = _COMMAND_LINE_LANG.set(None)
    try:
        yield
    finally:
        _COMMAND_LINE_LANG.reset(token)


class Phrase:
    """A catalogue message inside another (a did-you-mean), said in the outer message's language when that
    one is rendered; ``key`` None is the empty phrase."""

    def __init__(self, key: str | None, **values: Any):
        self.key, self.values = key, values

    def render(self, lang: str) -> str:
        return render(self.key, lang, self.values) if self.key else ""

    def __reduce__(self) -> tuple[Any, ...]:  # crosses process boundaries inside a coded error
        return (_phrase, (self.key, self.values))


def _phrase(key: str | None, values: dict[str, Any]) -> Phrase:
    return Phrase(key, **values)


class Said(str):
    """A message as plain English text (what logs, JSON and older callers see) that can be said again in the
    user's language with :meth:`render`: for lists of notes that cross a process boundary."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, **values: Any) -> Said:
        said = super().__new__(cls, render(key, "en", values))
        said.key, said.values = key, values
        return said

    def render(self, lang: str) -> str:
        return render(self.key, lang, self.values)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_said, (self.key, self.values))


def _said(key: str, values: dict[str, Any]) -> Said:
    return Said(key, **values)


def say(message: str, lang: str) -> str:
    """``message`` in ``lang`` when it is a :class:`Said`, else as it is."""
    return message.render(lang) if isinstance(message, Said) else message


def render(key: str, lang: str, values: dict[str, Any] | None) -> str:
    """``t(key, lang, **values)`` with every :class:`Phrase` among the values said in ``lang`` too."""
    return t(key, lang, **{k: v.render(lang) if isinstance(v, Phrase) else v for k, v in (values or {}).items()})


def env_ui_lang(environ: dict[str, str] | None = None) -> str | None:
    """zh or en from ``CLICCHECK_UI_LANG``, else when the locale variables name that language (``zh_CN.UTF-8``,
    ``en_GB``), else None.

    ``C``, ``POSIX`` and ``C.UTF-8`` name no language, so they leave the choice to the contract.
    """
    env = os.environ if environ is None else environ
    own = (env.get(ENV_VAR) or "").strip().lower()
    if own in UI_LANGS:
        return own
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(var) or "").strip()
        if not value:
            continue
        code = value.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].lower()
        if code in UI_LANGS:
            return code
        return None  # the first variable set decides, as in POSIX
    return None


def check_ui_lang(value: str | None) -> str:
    if value is None:
        return "auto"
    if value not in UI_LANG_CHOICES:
        raise ConfigError(f"--ui-lang {value!r}: expected one of {', '.join(UI_LANG_CHOICES)}")
    return value


def resolve_ui_lang(setting: str | None, document_language: str | None = None,
                    environ: dict[str, str] | None = None) -> str:
    """The language to talk to the user in: explicit setting, then the locale, then the contract's language."""
    if setting in UI_LANGS:
        return setting  # type: ignore[return-value]
    if environ is None and _COMMAND_LINE_LANG.get() is not None:
        return _COMMAND_LINE_LANG.get()  # type: ignore[return-value]
    from_env = env_ui_lang(environ)
    if from_env is not None:
        return from_env
    if document_language in ("zh", "mixed"):
        return "zh"
    return "en"


def majority_ui_lang(setting: str | None, languages: list[str | None],
                     environ: dict[str, str] | None = None) -> str:
    """One language for a run over several documents (the summary line): the most common one, zh on a tie."""
    picks = [resolve_ui_lang(setting, lang, environ) for lang in languages] or [resolve_ui_lang(setting, None,
                                                                                                  environ)]
    return "zh" if picks.count("zh") * 2 >= len(picks) else "en"


def argv_ui_lang(argv: list[str]) -> str | None:
    """``--ui-lang X`` or ``--ui-lang=X`` from a command line, before click parses it (for --help and usage
    errors)."""
    for i, arg in enumerate(argv):
        if arg == "--ui-lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--ui-lang="):
            return arg.split("=", 1)[1]
    return None


def cli_ui_lang(argv: list[str], environ: dict[str, str] | None = None) -> str:
    """The language of messages printed before any contract is read: --ui-lang, the locale, else English."""
    value = argv_ui_lang(argv)
    return resolve_ui_lang(value if value in UI_LANGS else None, None, environ)


def help_ui_lang(args: list[str]) -> str:
    """The language of --help and usage errors for a command given ``args``: its --ui-lang, else the one
    the run already chose, else CLICCHECK_UI_LANG or the locale, else English."""
    value = argv_ui_lang(args)
    return resolve_ui_lang(value if value in UI_LANGS else None, None)


def error_description(code: str, lang: str) -> str:
    """What an error code means, in ``lang``; a code added without a catalogue entry falls back to English."""
    key = f"error.{code}"
    if key in catalogue():
        return t(key, lang)
    from .errors import ERROR_CODES

    return ERROR_CODES.get(code, code)
