"""Generators: clause texts, annexes and redlined drafts built from a CheckResult.

All contract wording lives in ``templates/`` (Jinja2); this package only
chooses, fills and lays out the templates.
"""

from .render import REQUIREMENT_IDS, ClauseText, RenderError, clause, suggested_clause

__all__ = ["REQUIREMENT_IDS", "ClauseText", "RenderError", "clause", "suggested_clause"]
