"""The Python API: lint one contract and get a typed report back.

::

    from cliccheck import lint

    report = lint("drafts/supply-agreement.docx")
    if not report.passed:
        for issue in report.failures:
            print(issue.rule, issue.verdict, issue.message)

:func:`lint` never prints and never exits. A document that cannot be read
raises :class:`~cliccheck.errors.DocumentError` (``.code`` says why, e.g.
``encrypted``, ``no-text-layer``); a bad configuration raises
:class:`~cliccheck.errors.ConfigError`. Both derive from
:class:`~cliccheck.errors.CliccheckError`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .batch import Task, check_task
from .config import Config, ConfigCache, load_config, parse_config
from .errors import CliccheckError, ConfigError, DocumentError
from .report.model import DocumentReport, FindingReport, Issue, Report, RequirementReport, WaiverRecord

__all__ = ["CliccheckError", "Config", "ConfigError", "DocumentError", "DocumentReport", "FindingReport", "Issue",
           "Report", "RequirementReport", "WaiverRecord", "lint"]


def _config(config: Config | str | os.PathLike[str] | Mapping[str, Any] | None, path: str | None) -> Config:
    if isinstance(config, Config):
        return config
    if isinstance(config, str | os.PathLike):
        return load_config(config)
    if isinstance(config, Mapping):
        return parse_config(config, source="<api>", root=Path.cwd())
    if config is None:
        return ConfigCache().for_document(path) if path is not None else Config()
    raise TypeError(f"config must be a Config, a path or a mapping, not {type(config).__name__}")


def lint(path_or_bytes: str | os.PathLike[str] | bytes, *, filename: str | None = None,
         config: Config | str | os.PathLike[str] | Mapping[str, Any] | None = None,
         password: str | None = None, suggest: bool = False) -> Report:
    """Lint one contract (a path, or its bytes with an optional ``filename``).

    ``config``: a :class:`Config`, a path to a ``.cliccheck.toml``, or a
    mapping with the same keys; by default the nearest config file above a
    path is used (none for bytes). ``suggest`` adds suggested clause texts
    (as used by the HTML report). Returns a :class:`Report` with one document.

    Raises :class:`DocumentError` when the document cannot be read and
    :class:`ConfigError` for an invalid configuration.
    """
    if isinstance(path_or_bytes, bytes | bytearray):
        display = filename or "<bytes>"
        cfg = _config(config, None)
        task = Task(display, cfg, data=bytes(path_or_bytes), password=password, suggest=suggest)
    elif isinstance(path_or_bytes, str | os.PathLike):
        path = os.fspath(path_or_bytes)
        cfg = _config(config, path)
        task = Task(filename or path, cfg, path=path, password=password, suggest=suggest)
    else:
        raise TypeError(f"lint() takes a path or bytes, not {type(path_or_bytes).__name__}")
    return Report([check_task(task)])
