"""The command line, run through the real console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REFERENCE, ROOT, SCRIPT

SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed contractgen console script."""
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "contractgen.cli"]
    return subprocess.run(
        command + list(args), capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})}, timeout=300
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """Render the reference deal once for the tests of this module."""
    out = tmp_path_factory.mktemp("out")
    result = run("render", str(REFERENCE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_render_writes_docx_and_pdf_named_after_the_deal(rendered):
    assert sorted(p.name for p in rendered.iterdir()) == ["deal-example.docx", "deal-example.pdf"]
    assert (rendered / "deal-example.pdf").read_bytes().startswith(b"%PDF-")
    assert (rendered / "deal-example.docx").read_bytes().startswith(b"PK")


def test_render_is_byte_identical_across_processes(rendered, tmp_path):
    result = run("render", str(REFERENCE), "-o", str(tmp_path), env={"PYTHONHASHSEED": "12345"})
    assert result.returncode == 0, result.stderr
    for name in ("deal-example.docx", "deal-example.pdf"):
        assert (tmp_path / name).read_bytes() == (rendered / name).read_bytes(), name


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_every_sample_validates(sample):
    result = run("validate", str(sample))
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_validate_reports_every_problem_with_file_line_and_field(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    text = text.replace("response: 30 minutes, resolution: 8 hours", "response: 2 hours, resolution: 1 hour")
    text = text.replace("  currency: GBP", "  currency: GBX")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    priority_line = next(i for i, l in enumerate(text.splitlines(), 1) if "priority: P2" in l)
    expected = f"{bad}:{priority_line}: service_levels.incident_priorities[1].resolution: P2 resolution (1 hour) is faster than its response (2 hours)"
    assert expected in lines, lines
    assert any("commercials.currency" in l for l in lines), lines


def test_render_of_a_bad_deal_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        REFERENCE.read_text(encoding="utf-8").replace("initial_term: 36 months", "initial_term: soon"), encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run("render", str(bad), "-o", str(out))
    assert result.returncode == 2
    assert "term.initial_term" in result.stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("epoch", ["yesterday", "1.5e9", "99999999999999999999"])
def test_a_bad_source_date_epoch_is_a_clear_error_and_writes_nothing(tmp_path, fmt, epoch):
    out = tmp_path / "out"
    result = run("render", str(REFERENCE), "-o", str(out), "--format", fmt, env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 2, result.stderr
    assert f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_docx_only_render_never_imports_weasyprint(tmp_path):
    code = (
        "import sys\n"
        "from contractgen.cli import main\n"
        f"try:\n    main(['render', {str(REFERENCE)!r}, '-o', {str(tmp_path)!r}, '--format', 'docx'])\n"
        "except SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
        "print('weasyprint' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"
    assert [p.name for p in tmp_path.iterdir()] == ["deal-example.docx"]


def test_schema_prints_the_json_schema_of_the_deal():
    result = run("schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert {"template", "contract", "parties", "scope", "commercials", "term"} <= set(schema["properties"])


def test_clauses_list_and_show():
    listing = run("clauses", "list")
    assert listing.returncode == 0, listing.stderr
    assert "service-credits" in listing.stdout and "limitation-of-liability" in listing.stdout
    assert "{{" not in listing.stdout  # titles read as words: "Personal Data Breaches", "Client Dependencies"
    assert "Personal Data Breaches" in listing.stdout and "Client Dependencies" in listing.stdout
    shown = run("clauses", "show", "service-credits")
    assert shown.returncode == 0, shown.stderr
    assert "v1 approved" in shown.stdout and "v2" in shown.stdout
    missing = run("clauses", "show", "service-credit")
    assert missing.returncode == 2
    assert "did you mean 'service-credits'" in missing.stderr


def test_unknown_format_is_refused(tmp_path):
    result = run("render", str(REFERENCE), "-o", str(tmp_path), "--format", "odt")
    assert result.returncode == 2
    assert not any(tmp_path.iterdir())


def test_help_everywhere():
    for command in ([], ["render"], ["validate"], ["schema"], ["clauses"], ["clauses", "show"]):
        result = run(*command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout, command


def test_a_reference_document_without_a_needed_style_is_refused_naming_it(writable_mini_root, tmp_path):
    """A house-style reference.docx that lacks a style contractgen prints with: exit 2, nothing written."""
    import docx
    from docx.oxml.ns import qn

    reference = writable_mini_root / "templates" / "mini" / "docx" / "reference.docx"
    word = docx.Document(str(reference))
    styles = word.styles.element
    styles.remove(next(s for s in styles.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) == "ClauseText"))
    word.save(str(reference))
    out = tmp_path / "out"
    result = run(
        "render",
        str(writable_mini_root / "deals" / "mini.yaml"),
        "-o",
        str(out),
        "--format",
        "docx",
        "-C",
        str(writable_mini_root),
    )
    assert result.returncode == 2, result.stderr
    assert "no paragraph style named 'Clause Text'" in result.stderr and "reference.docx" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())
