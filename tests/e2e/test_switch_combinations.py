"""No valid deal can trigger a clause-library error: random combinations of a deal's switches build.

Each example starts from a sample written under one legal family (English, US state, German-style
civil law) and turns the deal's switches on and off: staff transfer on entry and exit, the
non-solicitation period, personal data, the transition, step-in, exit, deliverables, service
credits, governance, security, escrow and guarantor. Every combination the rules accept must
build into a whole document (clauses resolved, rendered, cross-references resolved): a reference
to a clause or paragraph the combination leaves out is the bug this test finds (as `lint` does
statically). Before the fix, `transfer_on_exit: false` with a non-solicitation period under US law
failed on `#staff-exit`, and `personal_data: false` with regulations on `#breach-notification`.
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from contractgen.deal.load import DealSource, deal_findings
from contractgen.deal.yamlsource import load_deal_file
from contractgen.pipeline import Workspace, build_document
from tests.helpers import SAMPLES

BASES = {
    name: load_deal_file(SAMPLES / f"{name}.yaml")[0]
    for name in ("deal-example", "us-saas-mexico", "de-manufacturer-poland")
}

switches = st.fixed_dictionaries(
    {
        "base": st.sampled_from(sorted(BASES)),
        "transfer_on_entry": st.booleans(),
        "transfer_on_exit": st.booleans(),
        "non_solicitation": st.sampled_from([None, "12 months"]),
        "personal_data": st.booleans(),
        "transition": st.booleans(),
        "step_in": st.booleans(),
        "exit": st.booleans(),
        "deliverables": st.booleans(),
        "credits": st.booleans(),
        "governance": st.booleans(),
        "security": st.booleans(),
        "escrow": st.booleans(),
    }
)


def deal_data(choice: dict) -> dict:
    """The base deal with the chosen switches applied (as a lawyer would write each)."""
    data = copy.deepcopy(BASES[choice["base"]])
    data["employees"] = {
        "transfer_on_entry": choice["transfer_on_entry"],
        "transfer_on_exit": choice["transfer_on_exit"],
        "non_solicitation": choice["non_solicitation"],
    }
    if not choice["personal_data"] and isinstance(data.get("data_protection"), dict):
        data["data_protection"]["personal_data"] = "false"
    if not choice["transition"]:
        data["scope"]["transition"] = "false"
        data.get("commercials", {}).pop("transition_charges", None)
    if not choice["step_in"]:
        data["step_in"] = "false"
    if not choice["exit"]:
        data["term"].pop("exit", None)
    if not choice["deliverables"]:
        data.pop("deliverables", None)
    if not choice["credits"] and isinstance(data.get("service_levels"), dict):
        data["service_levels"].pop("service_credits", None)
    if not choice["governance"]:
        data.pop("governance", None)
    if not choice["security"]:
        data.pop("security", None)
    if choice["escrow"]:
        data["escrow"] = {"agent": "NCC Group Escrow Limited", "material": "the source code of the bespoke software"}
    return data


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace()


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(choice=switches)
def test_every_valid_combination_of_switches_builds(workspace, choice):
    data = deal_data(choice)
    deal, problems, notes = deal_findings(data, "deal.yaml", {})
    assume(deal is not None and not problems)  # a combination the rules refuse is not a valid deal
    source = DealSource(deal=deal, path=SAMPLES / "combination.yaml", raw=b"", sha256="", notes=tuple(notes))
    result = build_document(source, workspace)  # a ContractgenError here fails the test with its message
    assert result.document.parts


@pytest.mark.parametrize(
    "base, change",
    [
        ("us-saas-mexico", {"transfer_on_exit": False, "non_solicitation": "12 months"}),
        ("deal-example", {"personal_data": False}),
    ],
)
def test_the_two_combinations_that_broke_build(workspace, base, change):
    choice = {
        "base": base,
        "transfer_on_entry": False,
        "transfer_on_exit": True,
        "non_solicitation": None,
        "personal_data": True,
        "transition": True,
        "step_in": True,
        "exit": True,
        "deliverables": True,
        "credits": True,
        "governance": True,
        "security": True,
        "escrow": False,
        **change,
    }
    deal, problems, notes = deal_findings(deal_data(choice), "deal.yaml", {})
    assert problems == []
    source = DealSource(deal=deal, path=SAMPLES / "combination.yaml", raw=b"", sha256="", notes=tuple(notes))
    assert build_document(source, workspace).document.parts
