"""The DOCX writer's own package layer (writers/docx/opc.py, word.py, base.py): python-docx's bytes
without python-docx, and python-docx where the lxml path would not print what it prints."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.oxml.ns import nsmap

from contractgen.document.model import DocumentNote
from contractgen.writers.docx import wml
from contractgen.writers.docx.base import load_base
from contractgen.writers.docx.legacy import PythonDocxWord
from contractgen.writers.docx.opc import Package
from contractgen.writers.docx.properties import core_values
from contractgen.writers.docx.writer import render_docx
from contractgen.writers.docx.word import LxmlWord
from tests.helpers import ROOT, TEMPLATE
from tests.writers.sample_document import sample_document
from tests.writers.test_docx_reference import house  # noqa: F401 - the fixture


def test_the_names_are_python_docx_names():
    for name, value in vars(wml.CT).items():
        if name.isupper():
            assert getattr(CONTENT_TYPE, name) == value
    for name, value in vars(wml.RT).items():
        if name.isupper() and not name.startswith("_"):
            assert getattr(RELATIONSHIP_TYPE, name) == value
    assert all(nsmap[prefix] == uri for prefix, uri in wml.NSMAP.items() if prefix in nsmap)


def test_an_unchanged_package_saves_as_python_docx_saves_it():
    data = load_base(TEMPLATE).data
    saved = PythonDocxWord(data).members()
    assert Package(data).members() == saved
    assert "word/document.xml" in saved


def test_a_draft_with_notes_prints_the_same_bytes_both_ways():
    doc = sample_document(draft=True)
    anchor = next(clause.anchor for _, clause in doc.iter_clauses() if clause.anchor)
    doc.notes = [
        DocumentNote("n1", "contract.title", "A note\twith a tab,  spaces \nand a second line", anchor),
        DocumentNote("n2", "contract", "A note on the whole document"),
        DocumentNote("n3", "contract", "\nstarts with an empty line"),
    ]
    fast = render_docx(doc, TEMPLATE)
    assert fast == render_docx(doc, TEMPLATE, python_docx=True)
    with zipfile.ZipFile(io.BytesIO(fast)) as archive:
        comments = archive.read("word/comments.xml").decode()
    assert comments.count("<w:comment ") == 3 and "<w:tab/>" in comments and "<w:br/>" not in comments


def test_a_final_contract_prints_the_same_bytes_both_ways():
    doc = sample_document(draft=False)
    assert render_docx(doc, TEMPLATE) == render_docx(doc, TEMPLATE, python_docx=True)


def test_a_running_header_python_docx_would_make_goes_through_python_docx(house):  # noqa: F811
    word, save = house
    word.sections[0].header.is_linked_to_previous = True  # no running header of its own
    folder = save()
    doc = sample_document(draft=True)
    base = load_base(folder)
    assert not LxmlWord(base.data).can_print(True, False, core_values(doc))
    assert LxmlWord(base.data).can_print(False, False, core_values(doc))
    assert render_docx(doc, folder) == render_docx(doc, folder, python_docx=True)
    with zipfile.ZipFile(io.BytesIO(render_docx(doc, folder))) as archive:
        assert "DRAFT" in b"".join(archive.read(n) for n in archive.namelist() if "header" in n).decode()


def test_a_property_python_docx_refuses_is_refused_the_same_way():
    doc = sample_document(draft=False)
    doc.title = "A" * 300
    with pytest.raises(ValueError, match="255"):
        render_docx(doc, TEMPLATE)


def test_a_docx_render_imports_what_a_docx_needs_only(tmp_path):
    """No python-docx (the base document comes from the cache), Markdown parser, PDF, font or terminal library."""
    code = (
        "import sys; from contractgen.cli import main; sys.argv[1:] = ['render', '--format', 'docx', "
        f"{str(ROOT / 'samples' / 'deal-example.yaml')!r}, '-o', {str(tmp_path)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'docx', 'markdown_it', 'weasyprint', 'pikepdf', 'fontTools', 'rich', 'pypdf', 'starlette', 'redline'}))"
    )
    env = {"CONTRACTGEN_RENDER_ISOLATION": "off"}
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env={**_env(), **env}
    )
    run()  # fills the user's cache (the base document, the clause texts)
    assert run().stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "deal-example.docx").is_file()
    assert docx.Document(str(tmp_path / "deal-example.docx")).paragraphs


def _env() -> dict:
    import os

    return dict(os.environ)
