"""What the next process finds in the user's cache: the parsed clause library, the parsed law records
and the template fonts' advance widths, each kept under the hash of what it was made from."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from contractgen import safefs
from contractgen.law.library import LawLibrary
from contractgen.library.clauses import load_library
from contractgen.writers.docx import measure
from tests.helpers import ROOT, clause_file, write_file


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A fresh cache folder of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CONTRACTGEN_CACHE_DIR", str(folder))
    return folder


def test_a_value_is_made_once_and_then_read_back(cache):
    made = []
    make = lambda: made.append(1) or {"widths": [1, 2]}  # noqa: E731
    assert safefs.cached("demo", "k1", make) == {"widths": [1, 2]}
    assert safefs.cached("demo", "k1", make) == {"widths": [1, 2]}
    assert made == [1]
    assert (cache / "demo" / "k1.pickle").is_file()


def test_a_damaged_entry_is_made_again(cache):
    safefs.cached("demo", "k", lambda: 1)
    (cache / "demo" / "k.pickle").write_bytes(b"\x80\x05not a pickle")
    assert safefs.cached("demo", "k", lambda: 2) == 2
    assert pickle.loads((cache / "demo" / "k.pickle").read_bytes()) == 2


def test_off_and_a_folder_others_can_write_are_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("CONTRACTGEN_CACHE_DIR", "off")
    assert safefs.cache_folder("demo") is None
    assert [safefs.cached("demo", "k", lambda: n) for n in (1, 2)] == [1, 2]
    shared = tmp_path / "shared"
    (shared / "demo").mkdir(parents=True)
    (shared / "demo").chmod(0o777)
    monkeypatch.setenv("CONTRACTGEN_CACHE_DIR", str(shared))
    assert [safefs.cached("demo", "k", lambda: n) for n in (1, 2)] == [1, 2]
    assert list((shared / "demo").iterdir()) == []


def test_only_the_newest_entries_are_kept(cache, monkeypatch):
    monkeypatch.setattr(safefs, "CACHE_ENTRIES", 3)
    for n in range(6):
        safefs.cached("demo", f"k{n}", lambda: n)
    assert len(list((cache / "demo").glob("*.pickle"))) == 3


def test_an_edited_clause_is_read_again_and_a_cached_library_equals_a_parsed_one(cache, tmp_path):
    library_root = tmp_path / "clauses"
    clause_file(library_root, "core/term/v1.md", title="Term")
    first = load_library(library_root)
    assert first.get("term").versions[1].title == "Term"
    again = load_library(library_root)  # read back from the cache
    assert again == first and again is not first
    assert len(list((cache / "library").glob("*.pickle"))) == 1
    clause_file(library_root, "core/term/v1.md", title="Duration")
    assert load_library(library_root).get("term").versions[1].title == "Duration"
    assert len(list((cache / "library").glob("*.pickle"))) == 2


def test_the_built_in_library_reads_back_as_parsed(cache, monkeypatch):
    cached_twice = [load_library(ROOT / "clauses") for _ in range(2)]
    monkeypatch.setenv("CONTRACTGEN_CACHE_DIR", "off")
    assert cached_twice[0] == cached_twice[1] == load_library(ROOT / "clauses")


def test_an_edited_law_record_is_read_again(cache, tmp_path):
    folder = tmp_path / "law"
    write_file(folder / "forums" / "demo.yaml", "name: Demo Forum\n")
    assert LawLibrary((folder,)).records("forums")["demo"].data["name"] == "Demo Forum"
    assert LawLibrary((folder,)).records("forums")["demo"].data["name"] == "Demo Forum"
    write_file(folder / "forums" / "demo.yaml", "name: Other Forum\n")
    record = LawLibrary((folder,)).records("forums")["demo"]
    assert record.data["name"] == "Other Forum" and record.path == folder / "forums" / "demo.yaml"


def test_font_advances_read_back_as_measured(cache):
    font = str(ROOT / "templates" / "it-outsourcing" / "pdf" / "fonts" / measure.FONT_FILES[False])
    measured = measure._read_advances(font)
    measure._advances.cache_clear()
    assert measure._advances(font) == measured  # made and stored
    measure._advances.cache_clear()
    assert measure._advances(font) == measured  # read back
    assert len(list((cache / "fonts").glob("*.pickle"))) == 1
    assert measured[0][ord("W")] > measured[0][ord("i")]


def test_a_folder_can_keep_more_entries_than_the_default(cache, monkeypatch):
    monkeypatch.setattr(safefs, "CACHE_ENTRIES", 2)
    for n in range(6):
        safefs.cached("many", f"k{n}", lambda: n, entries=4)
    assert len(list((cache / "many").glob("*.pickle"))) == 4


def test_the_law_cache_keeps_a_record_set_per_kind_for_several_law_libraries():
    import importlib

    library = importlib.import_module("contractgen.law.library")  # the package exports a function of that name
    assert library.LAW_VERSIONS * len(library.KINDS) > safefs.CACHE_ENTRIES
