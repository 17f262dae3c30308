"""``cliccheck audit``: a resumable register of a whole contract repository.

``lint`` gates one draft and forgets; an operator answering a review notice
needs to know which of thousands of signed contracts lack the undertakings,
and to ask again next month without reading everything twice. The audit
reads documents with the same per-document pipeline as ``lint``
(:func:`cliccheck.batch.lint_task`), records one row per document in an
SQLite register (:mod:`.register`), and exports views of it
(:mod:`.exports`, :mod:`.dashboard`). Documents run on this machine
(:mod:`.engine_local`) or on a Dask cluster (:mod:`.engine_dask`).
"""
