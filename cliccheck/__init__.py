"""cliccheck: lint CII procurement contracts for the Art. 6 review undertakings.

The Python API is imported lazily so that ``cliccheck --version`` stays fast::

    from cliccheck import lint
    report = lint("contract.docx")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "lint"]


def __getattr__(name: str) -> Any:
    if name == "lint":
        from .api import lint

        return lint
    if name in ("Report", "DocumentReport", "CliccheckError", "DocumentError"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
