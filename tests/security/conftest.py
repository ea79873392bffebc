"""Shared by the security tests: the hostile fixtures, a deal's clause context, small render limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractgen.errors import TemplateError
from tests.helpers import FIXTURES, REFERENCE

HOSTILE = FIXTURES / "security"


@pytest.fixture(autouse=True)
def small_limits(monkeypatch):
    """Small outer limits, so that a regression fails in seconds instead of hanging the suite."""
    monkeypatch.setenv("CONTRACTGEN_RENDER_CPU_SECONDS", "20")
    monkeypatch.setenv("CONTRACTGEN_RENDER_WALL_SECONDS", "40")
    monkeypatch.setenv("CONTRACTGEN_RENDER_MEMORY_MB", "1536")
    monkeypatch.delenv("CONTRACTGEN_RENDER_ISOLATION", raising=False)


@pytest.fixture(scope="session")
def deal_context():
    """The clause context of the reference deal (the deal's models, derived figures, shortcuts)."""
    from contractgen.deal import load_deal
    from contractgen.templating.context import build_context

    return build_context(load_deal(REFERENCE).deal)


def render_refused(name: str, context: dict) -> str:
    """Render a hostile clause fixture in a bounded worker; return the error it must raise."""
    from contractgen.templating.render import render_text
    from contractgen.templating.worker import run_bounded

    source = (HOSTILE / name).read_text(encoding="utf-8")
    where = f"clauses/hostile/{Path(name).stem}/v1.md"
    with pytest.raises(TemplateError) as caught:
        run_bounded(render_text, source, context, where, 3)
    message = str(caught.value)
    assert message.startswith(f"{where}:"), message  # the error names the clause file
    return message
