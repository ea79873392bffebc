"""safefs.tree_reader: many files of one folder read with the checks of safefs.read_bytes (no link out,
no special file, bounded), each folder resolved once."""

from __future__ import annotations

import os

import pytest

from contractgen import safefs
from contractgen.errors import UnsafePathError


@pytest.fixture
def tree(tmp_path):
    """A library folder with a clause, a link inside it, links out of it and a pipe; a secret outside."""
    root = tmp_path / "library"
    (root / "group" / "clause").mkdir(parents=True)
    (root / "group" / "clause" / "v1.md").write_text("clause text", encoding="utf-8")
    (root / "group" / "clause" / "v2.md").symlink_to(root / "group" / "clause" / "v1.md")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("a secret", encoding="utf-8")
    (root / "group" / "leak.md").symlink_to(outside / "secret.md")
    (root / "group" / "away").symlink_to(outside, target_is_directory=True)
    os.mkfifo(root / "group" / "pipe.md")
    return root


def test_files_read_as_read_bytes_reads_them(tree):
    read = safefs.tree_reader(tree)
    for name in ("group/clause/v1.md", "group/clause/v2.md"):
        assert read(tree / name) == safefs.read_bytes(tree / name, tree) == b"clause text"


@pytest.mark.parametrize("name", ["group/leak.md", "group/away/secret.md", "group/pipe.md"])
def test_a_link_out_or_a_special_file_is_refused(tree, name):
    with pytest.raises(UnsafePathError):
        safefs.tree_reader(tree)(tree / name)
    with pytest.raises(UnsafePathError):
        safefs.read_bytes(tree / name, tree)


def test_a_file_over_the_limit_is_refused(tree):
    (tree / "group" / "big.md").write_bytes(b"x" * 101)
    read = safefs.tree_reader(tree, limit=100)
    with pytest.raises(UnsafePathError, match="larger than"):
        read(tree / "group" / "big.md")
    (tree / "group" / "fits.md").write_bytes(b"x" * 100)
    assert read(tree / "group" / "fits.md") == b"x" * 100
