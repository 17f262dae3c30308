"""Language data that is not legal content: numerals and numbering cues.

Legal vocabulary (modals, actions, party words) lives in ``clause_library/``.
"""
