"""Amounts as their markets write them print as the value meant, in the DOCX and the PDF, or the deal is refused.

Each group of amounts of tests/fixtures/amounts/market-amounts.yaml (one currency and locale) is
written into one small deal, as its monthly charges, liability floor and rate card, loaded through
the real loader and rendered with a one-clause template. Every amount must print exactly as listed,
no-break spaces included (so that no line breaks inside it); an amount that reads two ways must
stop the deal with both readings named.
"""

from __future__ import annotations

import io
import shutil
from decimal import Decimal
from itertools import groupby
from pathlib import Path

import pytest
import yaml

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.errors import DealError
from contractgen.pipeline import Workspace, build_document
from tests.helpers import FIXTURES, TEMPLATE

AMOUNTS = FIXTURES / "amounts"
CASES = yaml.safe_load((AMOUNTS / "market-amounts.yaml").read_text(encoding="utf-8"))
ZONES = {"IN": "Asia/Kolkata", "AU": "Australia/Sydney", "EG": "Africa/Cairo", "NO": "Europe/Oslo"}


def _group(case: dict) -> tuple[str, str, str]:
    return case["currency"], case["locale"], case.get("touches") or ""


PRINTED = [list(cases) for _, cases in groupby(sorted((c for c in CASES if "value" in c), key=_group), key=_group)]
REFUSED = [c for c in CASES if "refused" in c]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    root = tmp_path_factory.mktemp("amounts")
    shutil.copytree(AMOUNTS / "workspace", root, dirs_exist_ok=True)
    for folder in ("docx", "pdf"):
        shutil.copytree(TEMPLATE / folder, root / "templates" / "amounts" / folder)
    return Workspace(root=root)


def write_deal(folder: Path, cases: list[dict]) -> Path:
    """The fixture deal with these amounts (all of one currency and locale) as its charges, floor and rate card."""
    deal = yaml.safe_load((AMOUNTS / "deal.yaml").read_text(encoding="utf-8"))
    first = cases[0]
    deal["contract"]["effective_date"] = "2027-04-01"
    deal["contract"]["locale"] = first["locale"]
    deal["commercials"].update(
        currency=first["currency"],
        monthly_charges=first["written"],
        rate_card=[{"role": f"Role {i + 1}", "day_rate": c["written"]} for i, c in enumerate(cases)],
    )
    deal["liability"] = {"cap_floor": first["written"]}
    if first.get("touches"):
        country = first["touches"]
        deal["sourcing"] = {"delivery_centres": [{"city": "Centre", "country": country, "timezone": ZONES[country]}]}
    path = folder / "deal.yaml"
    path.write_text(yaml.safe_dump(deal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def docx_text(data: bytes) -> str:
    from docx import Document as Docx
    from docx.oxml.ns import qn

    body = Docx(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def pdf_text(data: bytes) -> str:
    import pypdf

    return " ".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("cases", PRINTED, ids=lambda cases: "-".join(str(p) for p in _group(cases[0]) if p))
def test_each_amount_prints_as_the_value_meant_in_docx_and_pdf(cases, workspace, tmp_path):
    source = load_deal(write_deal(tmp_path, cases))
    rates = source.deal.commercials.rate_card
    assert [r.day_rate for r in rates] == [Decimal(c["value"]) for c in cases]
    document = build_document(source, workspace).document
    template = workspace.template_dir("amounts")
    docx = docx_text(writers.render(document, template, "docx"))
    pdf = "".join(pdf_text(writers.render(document, template, "pdf")).split())
    for case in cases:
        assert f"Role {cases.index(case) + 1}: {case['prints']} for each day" in docx, (case, docx)
        assert "".join(case["prints"].split()) in pdf, (case, pdf)
    assert f"never capped below {cases[0]['prints']}." in docx


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: f"{c['written']}-{c['locale']}")
def test_an_amount_that_reads_two_ways_is_refused_naming_both(case, tmp_path):
    with pytest.raises(DealError) as info:
        load_deal(write_deal(tmp_path, [case]))
    paths = {p.path: p.message for p in info.value.problems}
    assert {"commercials.monthly_charges", "liability.cap_floor"} <= set(paths), info.value.problems
    for message in paths.values():
        assert "can be read two ways" in message and all(reading in message for reading in case["refused"]), message


def test_the_list_covers_every_kind_of_notation():
    written = " ".join(c["written"] for c in CASES)
    for mark in (
        "R$",
        "zł",
        "kr.",
        "₺",
        "Rp",
        "crore",
        "lakh",
        "'000.–",
        "₩",
        "₦",
        "₪",
        "M.N.",
        "RMB",
        "S$",
        "NZ$",
        "US$",
        "Mio.",
        "CHF 3’180’000",
        "1 250 000",
    ):
        assert mark in written, mark
    assert len(CASES) >= 28


def test_a_shared_sign_names_its_currency_everywhere_in_a_cross_border_deal():
    # A US client with a delivery centre in Mexico, where "$" is the peso: every amount says US$,
    # the charges, the liability caps and floor and the insurance table alike.
    import re

    from contractgen.document.model import inline_text, iter_inline_runs
    from tests.helpers import SAMPLES

    document = build_document(load_deal(SAMPLES / "us-saas-mexico.yaml"), Workspace()).document
    text = "\n".join(
        inline_text(run) for _, clause in document.iter_clauses() for run in iter_inline_runs(clause.blocks)
    )
    assert re.findall(r"US\$\d", text), "no amount printed"
    assert not re.findall(r"(?<!US)\$\d", text), re.findall(r".{40}(?<!US)\$\d.{10}", text)
    assert [line for line in text.splitlines() if "total liability" in line and "US$" in line], "liability caps"
    assert [line for line in text.splitlines() if re.fullmatch(r"US\$[\d,]+", line)], "the insurance table"
