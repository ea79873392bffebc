"""The checkout stands alone: no tracked file refers to a path outside the repository."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.helpers import ROOT

# A sibling folder of the checkout, or an absolute path into a user's or a machine's folders.
OUTSIDE = re.compile(
    r"""(?:\.\./shared\b|["'(\s=](?:/work/|/home/|/Users/|/root/|/tmp/pytest-of-|[A-Z]:\\\\Users\\\\))"""
)
BINARY = {".docx", ".pdf", ".png", ".ttf", ".otf", ".woff", ".woff2", ".zip", ".lock"}


def tracked_files() -> list[str]:
    """Return the paths git tracks in this checkout (skip when it is not a git checkout)."""
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [name for name in out.decode().split("\0") if name]


def outside_references(text: str) -> list[str]:
    """Return the lines of text that name a path outside the repository."""
    return [line.strip() for line in text.splitlines() if OUTSIDE.search(line)]


def test_no_tracked_file_names_a_path_outside_the_checkout():
    found = {}
    for name in tracked_files():
        path = ROOT / name
        if path.suffix in BINARY or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if lines := outside_references(text):
            found[name] = lines[:3]
    assert found == {}


# The examples are assembled so that this file itself names no outside path.
SIBLING, MACHINE, USER = "../" + "shared", "/" + "work/shared", "/" + "home/alice"


@pytest.mark.parametrize(
    "line",
    [
        f'REFERENCE = ROOT.parent / "{SIBLING}/spec/deal-example.yaml"',
        f'REFERENCE = Path("{MACHINE}/spec/deal-example.yaml")',
        f"deal = '{USER}/contracts/deal.yaml'",
    ],
)
def test_the_check_catches_outside_paths(line):
    assert outside_references(line) == [line]


def test_the_check_passes_paths_inside_the_checkout():
    assert outside_references('REFERENCE = ROOT / "samples" / "deal-example.yaml"') == []
