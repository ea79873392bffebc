"""Everything that validates renders: text a document cannot carry and dates no contract has are refused at validation.

Before, a party name with U+FFFE, or an effective date in year 1 or 9999, passed `validate` and then
crashed the writers ("internal error" in the CLI, a 500 in the web). Now validation names the field.
The sane range of contract dates is 1900 to 2200 (contractgen.deal.load.FIRST_YEAR / LAST_YEAR).
"""

from __future__ import annotations

import pytest

from contractgen.deal.load import FIRST_YEAR, LAST_YEAR
from tests.helpers import SAMPLES, run_contractgen

SAMPLE = (SAMPLES / "deal-example.yaml").read_text(encoding="utf-8")
MINIMAL = (SAMPLES / "uk-charity-minimal.yaml").read_text(encoding="utf-8")


def deal(tmp_path, text: str):
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "escape, code", [("\\uFFFE", "U+FFFE"), ("\\uFFFF", "U+FFFF"), ("\\x01", "U+0001"), ("\\e", "U+001B")]
)
def test_a_character_xml_cannot_carry_is_refused_naming_the_field(tmp_path, escape, code):
    text = SAMPLE.replace("    name: Northwind Bank plc", f'    name: "Northwind{escape} Bank plc"')
    assert text != SAMPLE
    for command in ("validate", "render"):
        extra = ["-o", str(tmp_path / "out"), "--format", "docx"] if command == "render" else []
        result = run_contractgen(command, str(deal(tmp_path, text)), *extra)
        out = result.stdout + result.stderr
        assert result.returncode == 2, out
        assert "parties.client.name" in out and code in out, out
        assert "internal error" not in out
    assert not (tmp_path / "out" / "deal.docx").exists()


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_a_date_outside_the_contract_range_is_refused_with_a_message(tmp_path, day):
    text = SAMPLE.replace("effective_date: 2027-02-01", f"effective_date: {day}")
    assert text != SAMPLE
    result = run_contractgen("validate", str(deal(tmp_path, text)))
    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert "contract.effective_date" in out and f"from {FIRST_YEAR} to {LAST_YEAR}" in out, out
    assert "internal error" not in out


@pytest.mark.parametrize("day", [f"{FIRST_YEAR}-01-01", f"{LAST_YEAR}-12-31"])
def test_a_deal_dated_at_either_end_of_the_range_renders(tmp_path, day):
    text = MINIMAL.replace("effective_date: 2027-01-01", f"effective_date: {day}")
    assert text != MINIMAL
    result = run_contractgen("render", str(deal(tmp_path, text)), "-o", str(tmp_path / "out"), "--format", "docx,pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out" / "deal.docx").stat().st_size and (tmp_path / "out" / "deal.pdf").stat().st_size


def test_a_worker_error_becomes_a_message_not_a_server_error():
    from contractgen.web.workers import RenderPool, Settings
    from contractgen.errors import RenderFailed

    def broken(workspace):
        raise ValueError("All strings must be XML compatible")

    pool = RenderPool(Settings("/nonexistent", "/nonexistent", "/nonexistent"), processes=0)
    pool.run(lambda workspace: None)  # the in-process pool works
    with pytest.raises(RenderFailed, match="could not be built.*ValueError"):
        pool.run(broken)


def test_the_web_editor_shows_the_problem_instead_of_failing(tmp_path):
    pytest.importorskip("starlette")
    from contractgen.repo.config import init_repo
    from contractgen.web.app import create_app
    from tests.web.conftest import make_test_client_class

    root = tmp_path / "contracts"
    init_repo(root)
    rel = "deals/deal-example.yaml"
    text = (root / rel).read_text(encoding="utf-8")
    hostile = {
        "name": text.replace("effective_date: 2027-02-01", "effective_date: 9999-12-31"),
        "char": text.replace("    name: Northwind Bank plc", '    name: "Northwind\\uFFFE Bank plc"'),
    }
    with make_test_client_class()(create_app(root, workers=0), base_url="http://127.0.0.1") as client:
        page = client.get(f"/edit/{rel}")
        assert page.status_code == 200
        token = client.cookies.get("contractgen_csrf")
        for what, working in hostile.items():
            assert working != text, what
            response = client.post(f"/check/{rel}", data={"_yaml": working, "_base": "", "csrf_token": token})
            assert response.status_code == 200, (what, response.text[:500])
            assert ("U+FFFE" if what == "char" else "9999-12-31 is not a date") in response.text
