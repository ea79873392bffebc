"""A template's PDF layout (pdf/layout.html.j2) is sandboxed: cycler.__init__.__globals__ leads nowhere."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest

from contractgen.errors import TemplateError
from tests.security.conftest import HOSTILE


def test_the_layout_cannot_reach_os_system(tmp_path, monkeypatch):
    from contractgen.writers.pdf.html import render_layout

    template = shutil.copytree(HOSTILE / "layout-escape", tmp_path / "template")
    monkeypatch.chdir(tmp_path)
    document = SimpleNamespace(locale="en_GB", date_iso="2027-02-01")
    with pytest.raises(TemplateError) as caught:
        render_layout(template, document, "subject")
    message = str(caught.value)
    assert "layout.html.j2" in message and "__init__" in message
    assert not (tmp_path / "pwned-by-layout").exists()
