"""Every kind of party under eight laws, each with courts, arbitration and tiered disputes, renders right.

The deals are generated, not written one by one: tests/fixtures/deals/matrix/base.yaml is the deal,
laws.yaml the eight laws (English, New York, German, Swiss, Singapore, Hong Kong, Indian, New Zealand)
and kinds.yaml every kind of party with what its description and signature block must and must not
say. Each case puts a client kind (a public body, a charity or a trust) against a supplier kind (a
company, LLP, partnership, individual, sole trader, branch or consortium), rotated so that every
(law, forum, kind) is rendered once: 8 laws x 3 forums x 7 pairs, 168 DOCX files. A sample of them,
one per law, is rendered as PDF too and read back with the same expectations.

What is checked in the rendered text: the parties described as their law describes them, their
execution blocks, the public-sector terms the law record brings for a public customer (its
official-information laws, extension options instead of automatic renewal, no change-of-control
"competitor" wording), the forum (the courts named, or the arbitration's seat and no choice-of-court
wording, or the tiers), and no wording the build reports as wrong for the deal (company wording for a
public body, court wording in an arbitration contract, another legal family's words).
"""

from __future__ import annotations

import copy
import re
import string
from functools import lru_cache
from typing import Any

import pytest
import yaml

from contractgen import writers
from contractgen.checks.lint import lint_library
from contractgen.deal import load_deal
from contractgen.deal.parties import PUBLIC_BODIES
from contractgen.law.library import active
from contractgen.law.public_sector import public_sector_of
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text, pdf_text
from tests.helpers import FIXTURES, ROOT

FOLDER = FIXTURES / "deals" / "matrix"
BASE = yaml.safe_load((FOLDER / "base.yaml").read_text(encoding="utf-8"))
LAWS: dict[str, dict[str, Any]] = yaml.safe_load((FOLDER / "laws.yaml").read_text(encoding="utf-8"))
KINDS: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load((FOLDER / "kinds.yaml").read_text(encoding="utf-8"))
CLIENTS, SUPPLIERS = list(KINDS["client"]), list(KINDS["supplier"])
FORUMS = ("courts", "arbitration", "tiered")
WORKSPACE = Workspace()
# the build's warnings that say the contract prints wording wrong for the deal (library/contract_words.py)
WRONG_WORDING = ("choice-of-court wording", "company wording", "must not use")


def _pairs() -> list[tuple[str, str, str, str]]:
    """(law, forum, client kind, supplier kind): every kind once under each law and forum."""
    cases = []
    for li, law in enumerate(LAWS):
        for fi, forum in enumerate(FORUMS):
            for ci, client in enumerate(CLIENTS):
                cases.append((law, forum, client, SUPPLIERS[(ci + fi + li) % len(SUPPLIERS)]))
    return cases


CASES = _pairs()
# one PDF per law, its forum and kinds rotating, so that the sample reaches every forum and most kinds
PER_LAW = len(FORUMS) * len(CLIENTS)
PDF_SAMPLE = [CASES[li * PER_LAW + (li % len(FORUMS)) * len(CLIENTS) + li % len(CLIENTS)] for li in range(len(LAWS))]


def _fill(value: Any, law: dict[str, Any]) -> Any:
    """The value with the law's {placeholders} filled; None where it names one the law lacks."""
    if isinstance(value, dict):
        filled = {k: _fill(v, law) for k, v in value.items()}
        return {k: v for k, v in filled.items() if v is not None}
    if isinstance(value, list):
        return [_fill(v, law) for v in value]
    if isinstance(value, str):
        names = [n for _, n, _, _ in string.Formatter().parse(value) if n]
        if any(n not in law and n != "name" for n in names):
            return None
        return value.format_map({**law, "name": "{name}"})
    return value


def spec(law_key: str, role: str, kind: str) -> dict[str, Any]:
    """What kinds.yaml says of a kind of party under one law (its `by_law` entry over the general one)."""
    general = KINDS[role][kind]
    own = general.get("by_law", {}).get(law_key, {})
    return {**general, **own, "party": {**general["party"], **own.get("party", {})}}


def deal_data(law_key: str, forum: str, client: str, supplier: str) -> dict[str, Any]:
    """The deal of one case: the base deal with the law, the forum and the two parties put in."""
    law = LAWS[law_key]
    data = copy.deepcopy(BASE)
    data["contract"]["governing_law"] = law["governing_law"]
    data["commercials"].update(currency=law["currency"], monthly_charges=law["charges"])
    data["parties"] = {"client": _fill(spec(law_key, "client", client)["party"], law)}
    data["parties"]["supplier"] = _fill(spec(law_key, "supplier", supplier)["party"], law)
    if forum == "courts":
        data["contract"]["jurisdiction"] = law["courts"]
    else:
        tiers = {"mediation": True, "expert_determination": True} if forum == "tiered" else {"mediation": False}
        data["disputes"] = {"arbitration": dict(law["arbitration"]), **tiers}
    return data


def case_id(case: tuple[str, str, str, str]) -> str:
    """A readable test id: law-forum-client-supplier."""
    return "-".join(case)


@lru_cache(maxsize=None)
def built(case: tuple[str, str, str, str]):
    """The build result of one case (its deal generated, read as a deal file is), built once per module."""
    raw = yaml.safe_dump(deal_data(*case), allow_unicode=True, sort_keys=False).encode("utf-8")
    return build_document(load_deal(FOLDER / f"{case_id(case)}.yaml", raw=raw), WORKSPACE)


@lru_cache(maxsize=None)
def rendered(case: tuple[str, str, str, str], fmt: str) -> str:
    """The text of one case's DOCX or PDF, whitespace collapsed."""
    result = built(case)
    data = writers.render(result.document, WORKSPACE.template_dir(result.source.deal.template), fmt)
    return " ".join((docx_text(data) if fmt == "docx" else pdf_text(data)).split())


def expectations(case: tuple[str, str, str, str]) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """(phrases the contract must contain, phrases it must not contain, {party name: phrases its descriptions
    must not contain}) for one case."""
    law_key, forum, client, supplier = case
    law = LAWS[law_key]
    contains: list[str] = []
    absent: list[str] = []
    described: dict[str, list[str]] = {}
    for role, kind in (("client", client), ("supplier", supplier)):
        written = spec(law_key, role, kind)
        name = written["party"]["name"]
        contains += [_fill(p, law).format(name=name) for p in written.get("contains", [])]
        absent += [_fill(p, law).format(name=name) for p in written.get("anywhere_absent", [])]
        described[name] = [_fill(p, law).format(name=name) for p in written.get("absent", [])]
    if client in PUBLIC_BODIES:
        record = public_sector_of(law["record"], client, True)
        contains += list(record.information_laws)
        contains.append("does not renew automatically")
        absent.append("renews automatically")
    absent += law.get("not_for", {}).get(client, [])
    record = active().records("jurisdictions")[law["record"]].data
    if (record.get("execution") or {}).get("e_signature") is False:
        absent.append("electronic signature")
    else:
        contains.append("The Parties may sign this Agreement by electronic signature")
    seat = f"The seat, or legal place, of the arbitration is {law['arbitration']['seat']}."
    if forum == "courts":
        contains.append(law["courts"])
        absent.append("legal place, of the arbitration")
    else:
        contains.append(seat)
        absent += ["inconvenient forum", "have exclusive jurisdiction", "has exclusive jurisdiction"]
        absent += ["non-exclusive jurisdiction", "the courts referred to in"]
    if forum == "tiered":
        contains += ["The expert acts as an expert and not as an arbitrator", "mediat"]
    elif forum == "arbitration":
        absent.append("mediator")
    return contains, absent, described


# where a party's description ends: the parties clause's "(referred to in this Agreement as", the cover's
# short name in brackets
END_OF_DESCRIPTION = re.compile(r"\(referred to in this Agreement as|\((?:the )?“")


def descriptions(text: str, name: str) -> list[str]:
    """Each place the contract describes the party: from its name to the end of its description."""
    found = []
    for start in (m.start() for m in re.finditer(re.escape(name), text)):
        end = END_OF_DESCRIPTION.search(text, start, start + 500)
        if end:
            found.append(text[start : end.start()])
    return found


def check(text: str, case: tuple[str, str, str, str], fmt: str) -> list[str]:
    """Every expectation the text fails, as messages."""
    contains, absent, described = expectations(case)
    failures = [f"missing {p!r}" for p in contains if " ".join(p.split()) not in text]
    folded = text.casefold()
    failures += [f"must not say {p!r}" for p in absent if p.casefold() in folded]
    for name, phrases in described.items():
        places = descriptions(text, name)
        if not places:
            failures.append(f"{name!r} is described nowhere")
        failures += [f"describes {name!r} as {p!r}" for p in phrases for d in places if p.casefold() in d.casefold()]
    return [f"{case_id(case)}.{fmt}: {f}" for f in failures]


def test_the_matrix_reaches_every_law_forum_and_kind():
    seen = {(law, forum, kind) for law, forum, c, s in CASES for kind in (c, s)}
    kinds = {k for role in KINDS.values() for k in role}
    assert seen == {(law, forum, kind) for law in LAWS for forum in FORUMS for kind in kinds}
    assert {c[0] for c in PDF_SAMPLE} == set(LAWS) and {c[1] for c in PDF_SAMPLE} == set(FORUMS)


def test_every_kind_of_the_deal_model_is_in_the_matrix():
    from typing import get_args

    from contractgen.deal.model import PartyKind

    assert set(get_args(PartyKind)) == {k for role in KINDS.values() for k in role}


@pytest.mark.parametrize("law", list(LAWS))
def test_docx(law):
    failures = []
    for case in (c for c in CASES if c[0] == law):
        failures += check(rendered(case, "docx"), case, "docx")
        failures += [f"{case_id(case)}: {w}" for w in built(case).warnings if any(p in w for p in WRONG_WORDING)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("case", PDF_SAMPLE, ids=case_id)
def test_pdf_sample(case):
    assert not check(rendered(case, "pdf"), case, "pdf")


def test_lint_finds_no_court_wording_for_arbitration_and_no_company_wording_for_a_public_body():
    report = lint_library(ROOT)
    wrong = [
        str(m) for m in report.messages if "choice-of-court wording" in m.message or "company wording" in m.message
    ]
    assert not wrong, wrong


def test_no_two_generated_deals_alike():
    texts = {re.sub(r"\s+", " ", yaml.safe_dump(deal_data(*c))) for c in CASES}
    assert len(texts) == len(CASES)
