"""The DOCX package printed with lxml alone is byte for byte the one python-docx prints, for every sample
and every practitioner deal (writers/docx/word.py against writers/docx/legacy.py); and the user's cache
(the clause texts' blocks, the base document, the library) changes no byte, cold, warm or off."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from contractgen.pipeline import Workspace, build_deal
from contractgen.writers.docx.writer import render_docx
from tests.helpers import ROOT, run_contractgen

DEALS = sorted((ROOT / "samples").glob("*.yaml")) + sorted((ROOT / "tests/fixtures/openworld/deals").glob("*.yaml"))


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    """The built-in library and templates, read once for the module."""
    return Workspace()


@pytest.mark.parametrize("deal", DEALS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_lxml_and_python_docx_print_the_same_bytes(deal, workspace):
    result = build_deal(deal, workspace)
    template_dir = workspace.template_dir(result.source.deal.template)
    fast = render_docx(result.document, template_dir)
    reference = render_docx(result.document, template_dir, python_docx=True)
    if fast != reference:  # name the parts that differ
        with zipfile.ZipFile(io.BytesIO(fast)) as a, zipfile.ZipFile(io.BytesIO(reference)) as b:
            differ = sorted(n for n in set(a.namelist()) | set(b.namelist()) if n not in a.namelist()
                            or n not in b.namelist() or a.read(n) != b.read(n))  # fmt: skip
        pytest.fail(f"{deal.name}: the parts {differ} differ")
    assert len(DEALS) > 30


def test_a_cold_a_warm_and_no_cache_print_the_same_bytes(tmp_path):
    deal = ROOT / "samples" / "deal-example.yaml"
    outputs = []
    for run, cache in (("off", "off"), ("cold", tmp_path / "cache"), ("warm", tmp_path / "cache")):
        env = {**os.environ, "CONTRACTGEN_CACHE_DIR": str(cache)}
        done = run_contractgen("render", "--format", "docx", str(deal), "-o", str(tmp_path / run), env=env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip().endswith("deal-example.docx")  # flushed before the process left
        outputs.append((tmp_path / run / "deal-example.docx").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert (tmp_path / "cache" / "markdown" / "texts.pickle").is_file()
    assert list((tmp_path / "cache" / "docx-base").glob("*.pickle"))


def test_the_program_leaves_with_the_status_and_output_of_the_render(tmp_path):
    """`render` ends without tearing the interpreter down (commands.common.finish): what it printed
    arrives and a deal that fails still gives status 2."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("contract: [unclosed\n", encoding="utf-8")
    good = ROOT / "samples" / "deal-example.yaml"
    done = run_contractgen("render", "--format", "docx", str(good), str(bad), "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "deal-example.docx" in done.stdout and "bad.yaml" in done.stderr


def test_inside_another_program_the_command_exits_normally():
    from contractgen.commands.common import finish

    with pytest.raises(SystemExit) as raised:
        finish(2)
    assert raised.value.code == 2
