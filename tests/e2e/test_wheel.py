"""The built wheel works outside any checkout: shipped library, samples, init, clean errors."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.helpers import copy_tracked_files


def _run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={k: v for k, v in {**os.environ, **(env or {})}.items() if k not in ("CONTRACTGEN_ROOT", "PYTHONPATH")},
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """Build the wheel from a copy of the tracked files and install it into a fresh venv; return its bin/."""
    base = tmp_path_factory.mktemp("wheel")
    source = copy_tracked_files(base / "source")
    pip = [sys.executable, "-m", "pip"]
    built = _run(*pip, "wheel", ".", "--no-deps", "-q", "-w", base / "dist", cwd=source)
    assert built.returncode == 0, built.stderr
    wheel = next((base / "dist").glob("contractgen-*.whl"))
    venv = base / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    done = _run(*pip, "--python", python, "install", "--no-deps", "--no-index", "-q", wheel, cwd=base)
    assert done.returncode == 0, done.stderr
    # the dependencies come from the test environment, after the venv's own site-packages
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=base).stdout.strip()
    (Path(site) / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv / "bin"


def test_the_wheel_ships_the_library_renders_a_sample_and_inits(installed, tmp_path):
    where = _run(installed / "python", "-c", "import contractgen; print(contractgen.__file__)", cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout + where.stderr
    version = _run(installed / "contractgen", "--version", cwd=tmp_path)
    assert version.returncode == 0 and "0." in version.stdout
    shown = _run(installed / "contractgen", "clauses", "show", "service-credits", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "built-in library" in shown.stderr
    law = Path(where.stdout.strip()).parent / "data" / "law"
    assert (law / "privacy" / "uk-gdpr.yaml").is_file() and (law / "jurisdictions" / "schema.json").is_file()
    listed = _run(installed / "contractgen", "law", "show", "privacy/uk-gdpr", cwd=tmp_path)
    assert listed.returncode == 0 and "legislation.gov.uk" in listed.stdout, listed.stderr
    sample = Path(where.stdout.strip()).parent / "data" / "samples" / "deal-example.yaml"
    rendered = _run(
        installed / "contractgen", "render", sample, "--format", "docx", "-o", tmp_path / "out", cwd=tmp_path
    )
    assert rendered.returncode == 0, rendered.stderr
    assert (tmp_path / "out" / "deal-example.docx").read_bytes().startswith(b"PK")
    init = _run(installed / "contractgen", "init", tmp_path / "contracts", cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "contracts" / "clauses").is_dir() and (
        tmp_path / "contracts" / "deals" / "deal-example.yaml"
    ).is_file()
    valid = _run(installed / "contractgen", "validate", "deals/deal-example.yaml", cwd=tmp_path / "contracts")
    assert valid.returncode == 0, valid.stderr


def test_the_installed_tool_reports_bad_input_without_a_traceback(installed, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("template: it-outsourcing\nparties: [\n", encoding="utf-8")
    result = _run(installed / "contractgen", "validate", bad, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "bad.yaml" in result.stderr
    missing = _run(installed / "contractgen", "render", tmp_path / "nope.yaml", cwd=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
