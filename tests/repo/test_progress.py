"""Progress people can follow: a line per deal as it finishes (in a stable order), bad deals caught before rendering."""

from __future__ import annotations

import io
import re

from contractgen.repo.progress import DealProgress
from tests.helpers import SAMPLES
from tests.repo.conftest import run_cli

LINE = re.compile(r"^\[(\d+)/(\d+)\] (\S+): (rendered|unchanged|failed) in \d+\.\d s$")


def test_lines_come_in_the_given_order_each_as_soon_as_those_before_it_are_done():
    stream = io.StringIO()
    with DealProgress(["a.yaml", "b.yaml", "c.yaml"], mode=None, stream=stream) as shown:
        shown.done("b.yaml", "rendered", 2.0)
        assert stream.getvalue() == ""  # a.yaml is still running: b waits for it
        shown.done("a.yaml", "failed", 1.04)
        assert stream.getvalue() == "[1/3] a.yaml: failed in 1.0 s\n[2/3] b.yaml: rendered in 2.0 s\n"
        shown.done("c.yaml", "unchanged", 0.25)
    assert stream.getvalue().splitlines()[-1] == "[3/3] c.yaml: unchanged in 0.2 s"


def test_no_progress_when_asked_for_none():
    stream = io.StringIO()
    with DealProgress(["a.yaml"], mode=False, stream=stream) as shown:
        shown.done("a.yaml", "rendered", 1.0)
    assert stream.getvalue() == ""


def test_a_build_log_shows_each_deal_with_its_time(repo):
    result = run_cli("build", "--jobs", "2", "--rebuild", cwd=repo)
    assert result.returncode == 0, result.stderr
    lines = [m.groups() for m in map(LINE.match, result.stderr.splitlines()) if m]
    assert [(n, total, deal) for n, total, deal, _ in lines] == [
        ("1", "3", "deals/acme.yaml"),
        ("2", "3", "deals/beta.yaml"),
        ("3", "3", "deals/gamma.yaml"),
    ]
    assert {status for *_, status in lines} == {"rendered"}


def test_an_invalid_deal_stops_the_build_before_anything_renders(repo):
    acme = repo / "deals" / "acme.yaml"
    acme.write_text(
        acme.read_text(encoding="utf-8").replace("reference: NWB-ITO-2027-014", "reference: X-1"), encoding="utf-8"
    )
    beta = repo / "deals" / "beta.yaml"
    beta.write_text(beta.read_text(encoding="utf-8").replace("  currency: GBP", "  currency: GBX"), encoding="utf-8")
    before = {p: p.read_bytes() for p in (repo / "out").glob("*.docx")}

    stopped = run_cli("build", "--jobs", "1", cwd=repo)
    assert stopped.returncode == 2
    assert "deals/beta.yaml" in stopped.stderr and "GBX" in stopped.stderr
    assert "1 of 2 deal(s) are invalid; nothing was rendered" in stopped.stderr
    assert not any(LINE.match(line) for line in stopped.stderr.splitlines())  # no deal was rendered
    assert {p: p.read_bytes() for p in (repo / "out").glob("*.docx")} == before

    going = run_cli("build", "--jobs", "1", "--keep-going", cwd=repo)
    assert going.returncode == 1
    assert [m.group(3) for m in map(LINE.match, going.stderr.splitlines()) if m] == ["deals/acme.yaml"]


def test_render_runs_deals_in_parallel_and_reports_each(tmp_path):
    deals = [str(SAMPLES / "uk-charity-minimal.yaml"), str(SAMPLES / "nearshore-eur.yaml")]
    one = run_cli("render", "--jobs", "1", "--format", "docx", "-o", str(tmp_path / "one"), *deals, cwd=tmp_path)
    two = run_cli("render", "--jobs", "2", "--format", "docx", "-o", str(tmp_path / "two"), *deals, cwd=tmp_path)
    assert one.returncode == two.returncode == 0, two.stderr
    assert [m.group(3) for m in map(LINE.match, two.stderr.splitlines()) if m] == deals
    for name in ("uk-charity-minimal.docx", "nearshore-eur.docx"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
