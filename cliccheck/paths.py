"""Where the legal data lives: ``clause_library/`` and ``templates/``.

They sit at the top of the source tree so that lawyers find and edit them
without opening the package. A source checkout or editable install reads them
there; a wheel installs them under ``<prefix>/share/cliccheck/`` (see
``[tool.setuptools.data-files]`` in pyproject.toml).
"""

from __future__ import annotations

import functools
import sys
import sysconfig
from pathlib import Path

from .errors import ConfigError


@functools.cache
def data_dir(name: str) -> Path:
    """The folder ``name`` (``clause_library`` or ``templates``), source tree first.

    Cached: where the package was installed does not change while it runs, and asking ``sysconfig``
    was a tenth of the time of linting a short contract (a report looks up its titles many times)."""
    candidates = [Path(__file__).resolve().parent.parent / name]
    for prefix in {sys.prefix, sysconfig.get_paths()["data"]}:
        candidates.append(Path(prefix) / "share" / "cliccheck" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    # plain English: the message catalogue is itself one of these folders
    raise ConfigError(f"{name}/ not found (looked in {', '.join(map(str, candidates))}): reinstall cliccheck")
