"""The hazards of hostile or odd input that other files leave uncovered, each checked through the command line.

Every test here fails without its guard: the sandbox limits and SecurityError reporting (a
hostile clause in a copy of the library), the YAML refusals (exit 2, no traceback, quickly),
YAML 1.1 look-alikes kept as text all the way into the contract, over-long fields and lone
surrogates named by field, `render` writing only its two files, stale temporaries removed,
and byte-identical outputs whatever PYTHONHASHSEED is.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from contractgen.cli import main
from contractgen.deal import load_deal
from contractgen.document.model import inline_text, iter_inline_runs
from contractgen.outputs import TEMP_PREFIX, TEMP_SUFFIX
from contractgen.pipeline import Workspace, build_document
from tests.helpers import REFERENCE, ROOT

CLI = [sys.executable, "-m", "contractgen.cli"]
# the version the reference deal renders: the newest of the parties clause
_PARTIES = Path("clauses") / "framework" / "parties"
CLAUSE = _PARTIES / max((ROOT / _PARTIES).glob("v*.md"), key=lambda p: int(p.stem[1:])).name


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120, env: dict | None = None):
    """Run contractgen in a fresh process; return (exit code, stdout, stderr, seconds)."""
    start = time.perf_counter()
    done = subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, env={**os.environ, **(env or {})}
    )
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - start


def invoke(*args: str):
    """Run contractgen in this process (no start-up cost, for timing); return the click result."""
    start = time.perf_counter()
    result = CliRunner().invoke(main, list(args))
    return result, time.perf_counter() - start


def assert_clean_refusal(result) -> None:
    """Exit 2 with a message, not a traceback."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def reference_with(tmp_path: Path, old: str, new: str, name: str = "deal.yaml") -> Path:
    text = REFERENCE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# ---------------------------------------------------------------- a hostile clause template


@pytest.fixture
def hostile_library(tmp_path: Path):
    """Return write(source): a copy of the library whose parties clause ends with `source`, and the line it is on."""

    def write(source: str) -> tuple[Path, int]:
        root = tmp_path / "library"
        if not root.exists():
            shutil.copytree(ROOT / "clauses", root / "clauses")
            shutil.copytree(ROOT / "templates", root / "templates")
        clause = root / CLAUSE
        original = (ROOT / CLAUSE).read_text(encoding="utf-8")
        clause.write_text(original + f"\n{source}\n", encoding="utf-8")
        return root, original.count("\n") + 2

    return write


def test_a_sandbox_escape_in_a_clause_is_a_located_error_not_a_traceback(hostile_library, tmp_path):
    root, line = hostile_library("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    out = tmp_path / "out"
    code, stdout, stderr, _ = run_cli("render", str(REFERENCE), "-o", str(out), "--format", "docx", "--root", str(root))
    assert code == 2, stdout + stderr
    assert "Traceback" not in stderr
    assert f"{CLAUSE.as_posix()}:{line}: not allowed in a clause template:" in stderr, stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(
    "source",
    [
        "{{ 9**(9**9) }}",
        "{{ 'a' * 10**9 }}",
        "{{ [1] * 10**9 }}",
        "{% for i in range(10**9) %}x{% endfor %}",
        "{{ 'a'.ljust(10**9) }}",
        "{{ lipsum(n=10**6) }}",
        "{% for i in range(9999) %}{% for j in range(9999) %}{% for k in range(9999) %}{% endfor %}{% endfor %}{% endfor %}",
        "{% for i in range(9999) %}{{ 'x' * 199999 }}{% endfor %}",
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}",
        "{{ (('x' ~ '\t') * 99999).expandtabs(99999)|length }}",
        "{{ ('x' * 99999).replace('', 'y' * 99999)|length }}",
        "{{ (['x' * 199999] * 199999)|join|length }}",
    ],
)
def test_resource_abuse_in_a_clause_stops_the_build_quickly(hostile_library, source):
    root, line = hostile_library(source)
    deal = load_deal(REFERENCE)
    start = time.perf_counter()
    with pytest.raises(Exception) as caught:
        # In-process so a missing guard shows as a slow test, not a hung suite: see the timeout below.
        _build_with_deadline(deal, root)
    elapsed = time.perf_counter() - start
    assert elapsed < 20, f"took {elapsed:.1f} s"
    assert type(caught.value).__name__ == "TemplateError", repr(caught.value)
    assert str(caught.value).startswith(f"{CLAUSE.as_posix()}:"), str(caught.value)


def _build_with_deadline(deal, root: Path) -> None:
    """Build in a child process with a hard timeout, re-raising its error here."""
    code = (
        "import sys, pickle\n"
        "from pathlib import Path\n"
        "from contractgen.pipeline import Workspace, build_document\n"
        "from contractgen.deal import load_deal\n"
        "try:\n"
        f"    build_document(load_deal({str(REFERENCE)!r}), Workspace(Path({str(root)!r})))\n"
        "except Exception as exc:\n"
        "    sys.stdout.write(type(exc).__name__ + '\\n' + str(exc))\n"
        "    sys.exit(0)\n"
        "sys.stdout.write('built')\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONFAULTHANDLER": ""},
        )
    except subprocess.TimeoutExpired:
        raise AssertionError("the build hung: no limit stopped the template") from None
    if done.returncode != 0:
        raise AssertionError(f"the build crashed (exit {done.returncode}): {done.stderr[-2000:]}")
    if done.stdout == "built":
        raise AssertionError("the template rendered: no limit refused it")
    kind, _, message = done.stdout.partition("\n")
    raise type(kind, (Exception,), {})(message)


# ---------------------------------------------------------------- YAML refused through the CLI


def _alias_bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name, content, words", [
    ("bomb.yaml", _alias_bomb(), "anchors"),
    ("python.yaml", "template: !!python/object/apply:os.system ['touch /tmp/contractgen-pwned']\n", "tag"),
    ("duplicate.yaml", REFERENCE.read_text(encoding="utf-8") + "\ntemplate: other\n", "duplicate key 'template'"),
    ("binary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64, "binary"),
    ("huge.yaml", "a: " + "x" * (5 * 1024 * 1024) + "\n", "larger than"),
    ("not-yaml.yaml", "{{ this is: [not, yaml\n", "invalid YAML"),
])  # fmt: skip
def test_hostile_yaml_is_refused_quickly_with_exit_2(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for command in (["validate", str(path)], ["render", str(path), "-o", str(tmp_path / "out")]):
        result, seconds = invoke(*command)
        assert_clean_refusal(result)
        assert seconds < 2, f"{command[0]} took {seconds:.2f} s"
        assert str(path) in result.output and words in result.output, result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert not Path("/tmp/contractgen-pwned").exists()


# ---------------------------------------------------------------- text the formats cannot hold


@pytest.mark.parametrize("old, new, field", [
    ("    name: Northwind Bank plc\n", f"    name: {'N' * 201}\n", "parties.client.name"),
    ("  summary: >-\n", f"  summary: {'s' * 10_001}\n  old_summary: >-\n", "scope.summary"),
    ("  title: IT Outsourcing Services Agreement\n", '  title: "Bad \\ud800 title"\n', "contract.title"),
    ("    address: 1 King William Street, London EC4N 7AR, United Kingdom\n", '    address: "\\udfff 1 King William Street"\n',
     "parties.client.address"),
    ("      name: Service Desk\n", '      name: "Service\\u202eDesk"\n', "scope.services[0].name"),
])  # fmt: skip
def test_unprintable_or_over_long_text_is_refused_naming_its_field(tmp_path, old, new, field):
    path = reference_with(tmp_path, old, new)  # (`old_summary` keeps the folded lines apart: one more problem)
    code, stdout, stderr, _ = run_cli("validate", str(path))
    assert code == 2 and "Traceback" not in stderr, stderr
    located = [line for line in stderr.splitlines() if f": {field}: " in line]
    assert located, stderr
    assert located[0].startswith(f"{path}:") and located[0].split(":")[1].isdigit(), located[0]


# ---------------------------------------------------------------- YAML 1.1 look-alikes stay text into the contract


def test_yaml_1_1_lookalikes_keep_their_text_in_the_contract(tmp_path):
    path = reference_with(tmp_path, "      name: Service Desk\n", "      name: NO\n")
    text = path.read_text(encoding="utf-8")
    text = text.replace('    company_number: "01234567"\n', "    company_number: 012345\n", 1)
    text = text.replace("      support_hours: 24x7\n", "      support_hours: 12:30\n", 1)
    text = text.replace("  reference: NWB-ITO-2027-014\n", "  reference: 0x1F\n", 1)
    path.write_text(text, encoding="utf-8")
    source = load_deal(path)
    deal = source.deal
    assert (deal.scope.services[0].name, deal.parties.client.company_number) == ("NO", "012345")
    assert (deal.scope.services[0].support_hours, deal.contract.reference) == ("12:30", "0x1F")
    document = build_document(source, Workspace()).document
    texts = "\n".join(inline_text(run) for _, c in document.iter_clauses() for run in iter_inline_runs(c.blocks))
    for value in ("NO (SD)", "company number 012345", "support hours: 12:30", "contract reference 0x1F"):
        assert value in texts, value


# ---------------------------------------------------------------- files


def test_render_writes_only_its_docx_and_pdf_and_cleans_stale_temporaries(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    deal = work / "my-deal.yaml"
    shutil.copy(REFERENCE, deal)
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    stale = [out / f"{TEMP_PREFIX}abc123{TEMP_SUFFIX}", out / f"{TEMP_PREFIX}x{TEMP_SUFFIX}"]
    for path in stale:
        path.write_bytes(b"half a contract")
    kept = {out / "notes.tmp": b"mine", out / f"{TEMP_PREFIX}report.txt": b"mine too"}
    for path, data in kept.items():
        path.write_bytes(data)
    (out / f"{TEMP_PREFIX}link{TEMP_SUFFIX}").symlink_to(victim)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()}

    code, stdout, stderr, _ = run_cli("render", str(deal), "-o", str(out), cwd=work, timeout=300)
    assert code == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["my-deal.docx", "my-deal.pdf", "notes.tmp", f"{TEMP_PREFIX}report.txt", f"{TEMP_PREFIX}link{TEMP_SUFFIX}"]
    )  # the stale temporaries are gone, other files (and a symlink, not followed) stay
    assert victim.read_text() == "keep me"
    for path, data in kept.items():
        assert path.read_bytes() == data
    assert sorted(p.name for p in work.iterdir()) == ["my-deal.yaml"], "render wrote beside the deal"
    after = {p for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()}
    assert after - set(before) == {out / "my-deal.docx", out / "my-deal.pdf"}
    assert all(p.stat().st_mtime_ns == mtime for p, mtime in before.items() if p.exists())


# ---------------------------------------------------------------- reproducibility


def test_outputs_are_byte_identical_whatever_the_hash_seed_without_source_date_epoch(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    runs, processes = {}, []
    for seed in ("0", "1", "4242"):
        out = tmp_path / f"seed{seed}"
        # both formats in every run: a DOCX rendered with its PDF carries the PDF's contents page numbers
        command = [*CLI, "render", str(REFERENCE), "-o", str(out), "--format", "docx,pdf"]
        processes.append(
            (
                seed,
                out,
                subprocess.Popen(
                    command,
                    env={**environment, "PYTHONHASHSEED": seed},
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                ),
            )
        )
    for seed, out, process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
        runs[seed] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert runs["0"] == runs["1"]
    assert runs["4242"]["deal-example.docx"] == runs["0"]["deal-example.docx"]
    assert json.dumps(sorted(runs["0"])) == json.dumps(["deal-example.docx", "deal-example.pdf"])
    assert io.BytesIO(runs["0"]["deal-example.pdf"]).read(5) == b"%PDF-"
