"""``cliccheck serve``: the gate as a local HTTP service and a page for lawyers.

Modules: :mod:`.app` (the FastAPI application and its routes), :mod:`.workers`
(the bounded pool of warm, killable worker processes), :mod:`.jobs` (what a
worker runs: the same lint, annex and redline pipelines as the CLI),
:mod:`.uploads` (bounded upload reception into a private folder),
:mod:`.security` (binding and token rules), :mod:`.accesslog` (the JSON-lines
audit trail). Importing this package needs the ``serve`` extra.
"""
