"""A clause cannot read a file through pydantic's parse_file (nor echo its contents in an error)."""

from __future__ import annotations

from tests.security.conftest import render_refused


def test_a_clause_cannot_read_a_file_through_parse_file(deal_context, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.txt").write_text('{"token": "SECRET-TOKEN-1234"}', encoding="utf-8")
    message = render_refused("parse-file.md", deal_context)
    assert "not allowed in a clause template" in message and "parse_file" in message
    assert "SECRET" not in message
