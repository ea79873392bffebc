"""import-markup reads a marked-up DOCX as LibreOffice writes it (its own runs, bookmarks and change marks)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from contractgen.redline.markup import read_markup
from tests.helpers import REFERENCE
from tests.redline import markup_docx as m
from tests.redline.test_import_markup import _render, _their_edits

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is installed by scripts/install-system-deps.sh")
def test_a_docx_saved_by_libreoffice_reads_the_same_changes_and_comments(tmp_path):
    ours, document = _render(REFERENCE)
    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(m.mark_up(ours, _their_edits))
    subprocess.run(
        [
            OFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "lo"),
            str(theirs),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    saved = (tmp_path / "lo" / "theirs.docx").read_bytes()
    assert saved != theirs.read_bytes()  # LibreOffice wrote the file anew
    expected = read_markup(theirs.read_bytes(), document)
    found = read_markup(saved, document)
    assert found.provenance["deal_file"] == "deal-example.yaml"
    assert [(c.clause, c.anchor, c.before, c.after, c.authors) for c in found.changes] == [
        (c.clause, c.anchor, c.before, c.after, c.authors) for c in expected.changes
    ]
    assert len(found.changes) == 3
    assert [(n.clause, n.author, n.text) for n in found.comments] == [
        ("costs", m.AUTHOR, "We cannot accept a cost cap here.")
    ]
