"""The Markdown cache: a text read once is read back from the user's cache, the same blocks, a fresh copy."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from contractgen.document import mdcache, reader
from contractgen.document.reader import read_markdown, save_read_texts
from contractgen.errors import DocumentError
from tests import helpers

TEXTS = sorted((helpers.FIXTURES / "reader").glob("*.md"))


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A fresh cache folder of this test's own (and a store read from it, not from an earlier test's)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CONTRACTGEN_CACHE_DIR", str(folder))
    monkeypatch.setattr(mdcache, "_state", {"entries": None, "folder": None, "fresh": 0})
    return folder


def _forget_this_process(monkeypatch) -> None:
    """Act as the next process: the store is read again from disk and the parser must not be needed."""
    monkeypatch.setattr(mdcache, "_state", {"entries": None, "folder": None, "fresh": 0})

    def no_parser():
        raise AssertionError("markdown-it was asked to parse a text the cache holds")

    monkeypatch.setattr(reader, "markdown_parser", no_parser)


def _readable(path: Path) -> bool:
    try:
        read_markdown(path.read_text(encoding="utf-8"))
    except DocumentError:
        return False
    return True


def test_the_next_process_reads_every_text_back_without_parsing(cache, monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in TEXTS if _readable(p)]
    assert len(texts) > 5
    first = [read_markdown(text) for text in texts]
    save_read_texts()
    assert (cache / "markdown" / mdcache.STORE).is_file()
    _forget_this_process(monkeypatch)
    assert [read_markdown(text) for text in texts] == first


def test_a_hit_is_a_fresh_copy(cache, monkeypatch):
    text = "A paragraph with **bold** words.\n"
    read_markdown(text)
    save_read_texts()
    _forget_this_process(monkeypatch)
    one = read_markdown(text)
    one[0].content.clear()  # transforms change blocks in place
    assert read_markdown(text)[0].content != []


def test_a_text_the_reader_refuses_is_not_kept_and_names_its_clause_each_time(cache):
    bad = next(p for p in TEXTS if not _readable(p))
    text = bad.read_text(encoding="utf-8")
    for where in ("clauses/a/v1.md", "clauses/b/v2.md"):
        with pytest.raises(DocumentError) as raised:
            read_markdown(text, where)
        assert raised.value.problems[0].file == where
    save_read_texts()
    store = cache / "markdown" / mdcache.STORE
    assert mdcache.key_of(text) not in (pickle.loads(store.read_bytes()) if store.exists() else {})


def test_the_store_keeps_the_texts_used_last(cache, monkeypatch):
    monkeypatch.setattr(mdcache, "STORE_ENTRIES", 3)
    for n in range(5):
        read_markdown(f"Paragraph {n}.\n")
    read_markdown("Paragraph 0.\n")  # used again: kept
    save_read_texts()
    stored = pickle.loads((cache / "markdown" / mdcache.STORE).read_bytes())
    assert len(stored) == 3
    assert mdcache.key_of("Paragraph 0.\n") in stored
    assert mdcache.key_of("Paragraph 4.\n") in stored
    assert mdcache.key_of("Paragraph 1.\n") not in stored


def test_a_damaged_store_is_parsed_again(cache, monkeypatch):
    text = "Some words.\n"
    expected = read_markdown(text)
    save_read_texts()
    (cache / "markdown" / mdcache.STORE).write_bytes(b"\x80\x05not a pickle")
    monkeypatch.setattr(mdcache, "_state", {"entries": None, "folder": None, "fresh": 0})
    assert read_markdown(text) == expected


def test_off_reads_every_time_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("CONTRACTGEN_CACHE_DIR", "off")
    monkeypatch.setattr(mdcache, "_state", {"entries": None, "folder": None, "fresh": 0})
    assert read_markdown("Words.\n") == read_markdown("Words.\n")
    save_read_texts()
    assert mdcache._state["entries"] is None
