"""Hostile and broken input, crash safety and reproducibility, end to end on the real library."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from contractgen.deal import load_deal
from contractgen.document.model import (
    CrossRef,
    Heading,
    Strong,
    inline_text,
    iter_blocks,
    iter_inline_runs,
)
from contractgen.errors import DealError
from contractgen.pipeline import Workspace, build_document, render_deal
from contractgen import writers
from tests.helpers import REFERENCE

DESCRIPTION = "description: Single point of contact for incidents and service requests from the Client's 4,500 staff."


def deal_with_description(tmp_path: Path, text: str, name: str = "hostile.yaml") -> Path:
    """Write a copy of the reference deal whose first service description is `text`."""
    source = REFERENCE.read_text(encoding="utf-8")
    assert DESCRIPTION in source
    path = tmp_path / name
    path.write_text(source.replace(DESCRIPTION, "description: " + json.dumps(text)), encoding="utf-8")
    return path


def docx_text(data: bytes) -> str:
    """Return every w:t of the DOCX body, paragraph by paragraph."""
    from docx import Document as Docx
    from docx.oxml.ns import qn

    body = Docx(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def pdf_text(data: bytes) -> str:
    """Return the extracted text of every page, whitespace collapsed."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def build(path: Path):
    """Build the document model of a deal file with the built-in library."""
    return build_document(load_deal(path), Workspace())


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace()


def test_template_syntax_in_deal_text_is_printed_literally(tmp_path, workspace):
    hostile = "Desk {{ 7*7 }} and {{ ''.__class__ }} {% raw %}"
    path = deal_with_description(tmp_path, hostile)
    result = build(path)
    texts = [inline_text(run) for _, c in result.document.iter_clauses() for run in iter_inline_runs(c.blocks)]
    assert any(hostile in t for t in texts)
    assert not any("Desk 49" in t for t in texts)
    template_dir = workspace.template_dir("it-outsourcing")
    assert hostile in docx_text(writers.render(result.document, template_dir, "docx"))
    assert hostile in pdf_text(writers.render(result.document, template_dir, "pdf"))


def test_markdown_in_deal_text_cannot_change_the_structure(tmp_path):
    hostile = "Help desk\n\n# 99 Fake Clause\n\n[click](file:///etc/passwd) **all rights waived**"
    clean = build(deal_with_description(tmp_path, "Help desk", "clean.yaml"))
    result = build(deal_with_description(tmp_path, hostile))
    clauses = list(result.document.iter_clauses())
    assert [c.number for _, c in clauses] == [c.number for _, c in clean.document.iter_clauses()]
    flattened = " ".join(" ".join(hostile.split()).split("\n"))
    found = False
    for _, clause in clauses:
        for block in iter_blocks(clause.blocks):
            assert not (isinstance(block, Heading) and "Fake Clause" in inline_text(block.content))
        for run in iter_inline_runs(clause.blocks):
            if flattened in inline_text(run):
                found = True
                assert not any(isinstance(n, (CrossRef, Strong)) and "rights" in inline_text([n]) for n in run)
                assert not any(isinstance(n, CrossRef) and "passwd" in n.target for n in run)
    assert found, "the hostile text should appear verbatim, on one line, inside its paragraph"


def test_html_in_deal_text_is_shown_as_text_and_fetches_nothing(tmp_path, workspace):
    hostile = '<link rel="attachment" href="file:///etc/passwd"><img src="file:///etc/hostname">'
    result = build(deal_with_description(tmp_path, hostile))
    pdf = writers.render(result.document, workspace.template_dir("it-outsourcing"), "pdf")
    text = pdf_text(pdf)
    assert '<link rel="attachment" href="file:///etc/passwd">' in text
    assert '<img src="file:///etc/hostname">' in text
    assert b"/EmbeddedFile" not in pdf or b"root:" not in pdf
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf


@pytest.mark.parametrize(
    "bad, field",
    [
        ("Desk\x07bell", "scope.services[0].description"),
        ("Desk\x00null", "scope.services[0].description"),
        ("x" * 50_000, "scope.services[0].description"),
    ],
)
def test_text_the_formats_cannot_hold_is_refused_with_its_field(tmp_path, bad, field):
    path = deal_with_description(tmp_path, bad)
    with pytest.raises(DealError) as caught:
        load_deal(path)
    assert any(p.path == field for p in caught.value.problems), caught.value.lines()


def test_output_has_a_normal_mode_and_replaces_a_symlink(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / "deal-example.docx").symlink_to(victim)
    written, _ = render_deal(REFERENCE, out, ("docx",))
    target = out / "deal-example.docx"
    assert written == [target]
    assert not target.is_symlink()
    assert victim.read_text() == "keep me"
    assert (target.stat().st_mode & 0o777) == 0o644 & ~_umask()
    assert sorted(p.name for p in out.iterdir()) == ["deal-example.docx"]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_a_killed_render_leaves_the_previous_output_intact_and_its_temporaries_are_cleaned(tmp_path):
    out = tmp_path / "out"
    script = Path(sys.executable).parent / "contractgen"
    command = [str(script), "render", str(REFERENCE), "-o", str(out)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    previous = {p.name: p.read_bytes() for p in out.iterdir()}
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for name, data in previous.items():
            assert (out / name).read_bytes() == data, f"{name} changed after a kill at {delay}s"
    leftovers = [p for p in out.iterdir() if p.name not in previous]
    # A kill may leave a temporary file; the next run in that folder removes it.
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    assert sorted(p.name for p in out.iterdir()) == sorted(previous), leftovers


def test_outputs_are_identical_with_and_without_source_date_epoch_set_consistently(tmp_path):
    script = Path(sys.executable).parent / "contractgen"
    runs = []
    for index, env in enumerate(
        [{"SOURCE_DATE_EPOCH": "1800000000"}, {"SOURCE_DATE_EPOCH": "1800000000", "PYTHONHASHSEED": "7"}]
    ):
        out = tmp_path / f"run{index}"
        environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        subprocess.run(
            [str(script), "render", str(REFERENCE), "-o", str(out)],
            check=True,
            capture_output=True,
            timeout=300,
            env={**environment, **env},
        )
        runs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert runs[0] == runs[1]
    docx = zipfile.ZipFile(io.BytesIO(runs[0]["deal-example.docx"]))
    assert {i.date_time for i in docx.infolist()} == {docx.infolist()[0].date_time}
