"""`contractgen build` reuses laid-out PDF parts from .contractgen/cache, and a cold cache gives the same bytes."""

from __future__ import annotations

import shutil

import pypdf

from .conftest import add_service_credits_v3, run_cli

PARTS = (".contractgen", "cache", "pdf-parts")


def contracts(root) -> dict[str, bytes]:
    """The built contracts (DOCX and PDF) by name."""
    return {
        path.name: path.read_bytes() for path in sorted((root / "out").rglob("*")) if path.suffix in (".pdf", ".docx")
    }


def test_a_rebuild_lays_out_only_the_edited_part_and_a_cold_cache_gives_the_same_bytes(repo):
    config = repo / "contractgen.toml"
    config.write_text(config.read_text().replace('formats = ["docx"]', 'formats = ["pdf"]'))
    result = run_cli("build", "--jobs", "2", cwd=repo)
    assert result.returncode == 0, result.stderr
    cache = repo.joinpath(*PARTS)
    before = {path.name for path in cache.glob("*.pdf")}
    assert before  # the build stored its laid-out parts
    add_service_credits_v3(repo)  # printed in the service levels schedule of acme and beta
    result = run_cli("build", "--jobs", "2", cwd=repo)
    assert result.returncode == 0, result.stderr
    laid_out = [cache / name for name in {path.name for path in cache.glob("*.pdf")} - before]
    totals = {len(pypdf.PdfReader(path).pages) for path in (repo / "out").rglob("*.pdf")}
    # a contract's frame pages (cover, contents, furniture) hold as many pages as the contract
    frames = [path for path in laid_out if len(pypdf.PdfReader(path).pages) in totals]
    parts = [path for path in laid_out if path not in frames]
    assert 1 <= len(parts) <= 2  # that schedule again (one per contract, or one for both); the rest reused
    assert len(frames) <= 2  # the frame again only in a contract whose contents numbers or page count moved
    warm = contracts(repo)
    shutil.rmtree(repo / ".contractgen" / "cache")
    result = run_cli("build", "--rebuild", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert contracts(repo) == warm


def test_a_rebuild_of_unchanged_inputs_takes_every_output_from_the_cache(repo):
    config = repo / "contractgen.toml"
    config.write_text(config.read_text().replace('formats = ["docx"]', 'formats = ["pdf", "docx"]'))
    result = run_cli("build", "--jobs", "2", cwd=repo)
    assert result.returncode == 0, result.stderr
    first = contracts(repo)
    cache = repo.joinpath(*PARTS)
    entries = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert any(name.endswith(".bin") for name in entries)  # whole outputs and font subsets
    result = run_cli("build", "--rebuild", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert contracts(repo) == first
    assert {path.name for path in cache.iterdir()} == set(entries)  # nothing new was printed or laid out


def test_build_workers_laying_parts_out_in_parallel_give_the_serial_bytes(repo, tmp_path):
    config = repo / "contractgen.toml"
    config.write_text(config.read_text().replace('formats = ["docx"]', 'formats = ["pdf"]'))
    other = tmp_path / "serial"
    shutil.copytree(repo, other, copy_function=shutil.copy2)
    # each of the two build workers lays its contract's parts out in two processes
    result = run_cli("build", "--jobs", "2", cwd=repo, env={"CONTRACTGEN_PDF_PARTS": "2"})
    assert result.returncode == 0, result.stderr
    result = run_cli("build", "--jobs", "2", cwd=other, env={"CONTRACTGEN_PDF_PARTS": "serial"})
    assert result.returncode == 0, result.stderr
    assert contracts(repo) == contracts(other) and contracts(repo)


def test_the_build_parent_loads_the_engines_its_bounded_children_inherit(repo):
    import os
    import subprocess
    import sys

    from tests.helpers import ROOT

    # in a fresh interpreter: the warm-up before forking loads WeasyPrint, the parsed stylesheet,
    # the joining libraries, the DOCX writer and its base document (python-docx only to make that,
    # on a cold cache), which each deal's bounded child would otherwise load again
    script = (
        "import sys\n"
        "from contractgen.repo import build\n"
        "from contractgen.repo.config import load_config\n"
        "from contractgen.writers.pdf import writer\n"
        "from contractgen.writers.docx import base\n"
        "build._warm_up(load_config(), {'pdf', 'docx'})\n"
        "print(sorted(m for m in ('weasyprint', 'pikepdf', 'fontTools.subset', 'contractgen.writers.docx.writer') "
        "if m in sys.modules))\n"
        "print(len(writer._CACHE))\n"
        "print(base._made.cache_info().currsize)\n"
        "from contractgen.writers.pdf import glyphs\n"
        "print(len(glyphs._CMAPS))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    loaded, parsed, bases, cmaps = done.stdout.splitlines()
    assert loaded == "['contractgen.writers.docx.writer', 'fontTools.subset', 'pikepdf', 'weasyprint']"
    assert int(parsed) >= 1  # the template's print.css and fonts, parsed once for every deal
    assert int(bases) >= 1  # the template's base document, read once for every deal
    assert int(cmaps) >= 5  # the character maps of the template's fonts, read once for the glyph check
