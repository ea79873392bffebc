"""A clause or `when` condition cannot reach pydantic's parse_raw, which unpickles text the template writes."""

from __future__ import annotations

import pytest

from contractgen.errors import TemplateError
from tests.security.conftest import HOSTILE, render_refused


def test_a_clause_cannot_unpickle_through_parse_raw(deal_context, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    message = render_refused("parse-raw-pickle.md", deal_context)
    assert "not allowed in a clause template" in message and "parse_raw" in message
    assert not (tmp_path / "pwned-by-pickle").exists()


def test_a_when_condition_cannot_unpickle_through_parse_raw(deal_context, tmp_path, monkeypatch):
    from contractgen.templating.render import evaluate_condition

    monkeypatch.chdir(tmp_path)
    expression = (HOSTILE / "parse-raw-pickle-condition.txt").read_text(encoding="utf-8").strip()
    with pytest.raises(TemplateError) as caught:
        evaluate_condition(expression, deal_context, "clauses/hostile/when/v1.md")
    assert str(caught.value).startswith("clauses/hostile/when/v1.md: when: not allowed")
    assert not (tmp_path / "pwned-by-pickle").exists()


@pytest.mark.parametrize(
    "name",
    [
        "parse_raw",
        "parse_file",
        "parse_obj",
        "construct",
        "model_validate_json",
        "model_construct",
        "copy",
        "json",
        "dict",
        "schema_json",
        "model_copy",
    ],
)
def test_no_model_method_is_readable(deal_context, name):
    from contractgen.templating.render import render_text

    with pytest.raises(TemplateError) as caught:
        render_text("{{ contract.%s }}" % name, deal_context, "clauses/hostile/m/v1.md")
    assert f"'{name}'" in str(caught.value) and "unsafe" in str(caught.value)
