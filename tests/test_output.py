"""Outputs are atomic, never clobber a file without --force, never the input."""

from __future__ import annotations

import os

import pytest

from cliccheck.errors import OutputError
from cliccheck.output import check_output_path, write_atomic


def test_refuses_existing_output_without_force(tmp_path):
    out = tmp_path / "r.json"
    out.write_text("old")
    with pytest.raises(OutputError) as info:
        check_output_path(out)
    assert info.value.code == "output-exists"
    assert check_output_path(out, force=True) == out


def test_refuses_output_that_is_the_input_even_via_symlink(tmp_path):
    src = tmp_path / "c.docx"
    src.write_bytes(b"x")
    link = tmp_path / "link.docx"
    link.symlink_to(src)
    for target in (src, link, tmp_path / "." / "c.docx"):
        with pytest.raises(OutputError) as info:
            check_output_path(target, inputs=[src], force=True)
        assert info.value.code == "output-is-input"


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path):
    out = tmp_path / "a.txt"
    write_atomic(out, "first")
    write_atomic(out, "second ✓")
    assert out.read_text(encoding="utf-8") == "second ✓"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError):
        check_output_path(tmp_path / "no" / "x.json")
