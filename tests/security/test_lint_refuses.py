"""Lint refuses what the sandbox refuses: model methods, internals, globals' attributes, mutation."""

from __future__ import annotations

import pytest

from contractgen.templating.analysis import analyse_expression, analyse_template
from tests.security.conftest import HOSTILE


@pytest.mark.parametrize(
    "source, path",
    [
        ("{{ deal.parse_raw('x', proto='pickle', allow_pickle=True) }}", "deal.parse_raw"),
        ("{{ client.parse_file('secret.txt') }}", "client.parse_file"),
        ("{{ contract.model_dump() }}", "contract.model_dump"),
        ("{{ cycler.__init__.__globals__ }}", "cycler.__init__"),
        ("{{ dict.fromkeys([1]) }}", "dict.fromkeys"),
        ("{% for s in scope.services %}{{ scope.services.append(s) }}{% endfor %}", "scope.services.append"),
    ],
)
def test_lint_reports_what_the_sandbox_refuses(source, path):
    messages = [finding.message for finding in analyse_template(source)]
    assert f"'{path}' is not allowed in a template: templates read data fields only" in messages


def test_lint_reports_the_pickle_fixture_and_condition():
    body = (HOSTILE / "parse-raw-pickle.md").read_text(encoding="utf-8")
    assert any("'deal.parse_raw' is not allowed" in f.message for f in analyse_template(body))
    condition = (HOSTILE / "parse-raw-pickle-condition.txt").read_text(encoding="utf-8").strip()
    assert any("'client.parse_raw' is not allowed" in f.message for f in analyse_expression(condition))


def test_data_fields_and_listed_methods_stay_clean():
    assert analyse_template("{{ client.name.upper() }} {{ scope.services|length }} {{ derived.term_end|date }}") == []
