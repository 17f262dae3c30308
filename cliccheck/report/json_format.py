"""The JSON report: one object, ``schema_version`` 1, described by ``cliccheck/report.schema.json``.

Stable interface: fields are only ever added (with a schema update), never
renamed or removed without bumping ``schema_version``.
"""

from __future__ import annotations

import json

from .model import Report


def render(report: Report, **_: object) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
