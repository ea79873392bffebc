"""Figures a counterparty writes as the deal's locale does ("200.000,00", "200 000,00", "200'000.00") are deal values.

The reference deal is rendered in a German, a Polish and a Swiss locale (its own currency each);
their markup changes the monthly charge and the yearly total derived from it, typed as people of
that market type figures. Each is read by the deal's own value readers and written back as
`commercials.monthly_charges`, not as an override; a figure two conventions read two ways is refused.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from contractgen.pipeline import Workspace, build_deal
from contractgen.redline.markup import paragraph_texts
from tests.helpers import REFERENCE, run_contractgen
from tests.redline import markup_docx as m
from tests.redline.test_import_markup import _render


def _deal_in(folder: Path, locale: str, currency: str) -> Path:
    """The reference deal written for another market: its locale and currency (the file itself is left alone)."""
    text = REFERENCE.read_text(encoding="utf-8")
    text, locales = re.subn(r"(?m)^  locale: en_GB\b", f"  locale: {locale}", text)
    text, currencies = re.subn(r"(?m)^  currency: GBP\b", f"  currency: {currency}", text)
    assert (locales, currencies) == (1, 1)
    deal = folder / "deal.yaml"
    deal.write_text(text, encoding="utf-8")
    return deal


def _marked_up(folder: Path, deal: Path, edits) -> Path:
    ours, _ = _render(deal)
    theirs = folder / "theirs.docx"
    theirs.write_bytes(m.mark_up(ours, edits))
    return theirs


def _import(deal: Path, theirs: Path, accept: str = "all"):
    done = run_contractgen("import-markup", str(deal), str(theirs), "--accept", accept, "--json")
    return done, json.loads(done.stdout)


def _fixed_monthly(deal: Path) -> str:
    document = build_deal(deal, Workspace()).document
    clause = next(c for _, c in document.iter_clauses() if c.id == "ch-pricing")
    return next(t for a, t, _ in paragraph_texts(clause) if a == "ch-fixed-monthly")


MARKETS = [
    # locale, currency, (our monthly, their monthly), (our year, their year) as printed / as they typed
    ("de_DE", "EUR", ("185.000,00", "200.000,00"), ("2.220.000,00", "2.400.000,00")),
    ("pl_PL", "PLN", ("185\u00a0000,00", "200 000,00"), ("2\u00a0220\u00a0000,00", "2 400 000,00")),
    ("de_CH", "CHF", ("185’000.00", "200'000.00"), ("2’220’000.00", "2'400'000.00")),
]


@pytest.mark.parametrize(("locale", "currency", "month", "year"), MARKETS, ids=[x[0] for x in MARKETS])
def test_a_figure_written_as_the_locale_writes_it_is_written_back_as_the_deal_value(
    tmp_path, locale, currency, month, year
):
    deal = _deal_in(tmp_path, locale, currency)

    def edits(root):
        paragraph = m.paragraph(root, "ch_fixed_monthly")
        m.replace_words(paragraph, month[0], month[1], 900)
        m.replace_words(paragraph, year[0], year[1], 910)

    theirs = _marked_up(tmp_path, deal, edits)
    done, report = _import(deal, theirs, "none")
    assert done.returncode == 0, done.stderr
    assert [c["values"] for c in report["changes"]] == [
        [
            {"kind": "amount", "ours": month[0].replace("\u00a0", " "), "theirs": month[1]},
            {"kind": "amount", "ours": year[0].replace("\u00a0", " "), "theirs": year[1]},
        ]
    ]
    done, report = _import(deal, theirs)
    assert done.returncode == 0, done.stderr
    assert report["values"] == [
        {"change": "C1", "field": "commercials.monthly_charges", "ours": 185000, "theirs": 200000}
    ]
    assert report["accepted"] == [] and report["refused"] == [] and report["differing"] == []
    text = deal.read_text(encoding="utf-8")
    assert "  monthly_charges: 200000\n" in text and "overrides:" not in text
    printed = _fixed_monthly(deal)
    assert f"{month[1]}".replace("'", "’") in printed.replace("\u00a0", " ").replace(" ", " ")
    assert "185" not in printed


def test_a_decimal_comma_percentage_is_the_deal_value(tmp_path):
    deal = _deal_in(tmp_path, "de_DE", "EUR")
    theirs = _marked_up(
        tmp_path, deal, lambda root: m.replace_words(m.paragraph(root, "indexation_rule"), "3%", "2,5%", 900)
    )
    done, report = _import(deal, theirs)
    assert done.returncode == 0, done.stderr
    assert report["changes"][0]["values"] == [{"kind": "percentage", "ours": "3%", "theirs": "2,5%"}]
    assert report["values"] == [{"change": "C1", "field": "commercials.indexation.cap", "ours": 3, "theirs": 2.5}]
    assert report["differing"] == []
    assert "  indexation: {index: UK CPI, cap: 2.5}\n" in deal.read_text(encoding="utf-8")


def test_an_ambiguous_figure_is_refused_naming_both_readings(tmp_path):
    # "200.000" in a Swiss franc contract: 200000 as German writes it, or 200.000 as Swiss (three decimals)
    deal = _deal_in(tmp_path, "de_CH", "CHF")
    before = deal.read_bytes()
    theirs = _marked_up(
        tmp_path,
        deal,
        lambda root: m.replace_words(m.paragraph(root, "ch_fixed_monthly"), "185’000.00", "200.000", 900),
    )
    done, report = _import(deal, theirs, "none")
    assert done.returncode == 0, done.stderr
    (figure,) = report["changes"][0]["values"]
    assert figure["theirs"] == "200.000" and "can be read two ways" in figure["problem"]
    text = run_contractgen("import-markup", str(deal), str(theirs))
    assert "amount changed: 185’000.00 → 200.000 ('200.000' can be read two ways" in text.stdout
    done = run_contractgen("import-markup", str(deal), str(theirs), "--accept", "C1")
    assert done.returncode == 2
    assert re.search(
        r"not accepted: C1: paragraph 1 of Schedule 3: '200.000' can be read two ways: CHF 200000 ", done.stderr
    )
    assert "ask them which they meant" in done.stderr
    assert deal.read_bytes() == before  # neither a value nor an override written


def test_an_english_contract_keeps_reading_its_own_figures(tmp_path):
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)

    def edits(root):
        paragraph = m.paragraph(root, "ch_fixed_monthly")
        m.replace_words(paragraph, "£185,000.00", "£200,000.00", 900)
        m.replace_words(paragraph, "£2,220,000.00", "£2,400,000.00", 910)

    done, report = _import(deal, _marked_up(tmp_path, deal, edits))
    assert done.returncode == 0, done.stderr
    assert report["values"] == [
        {"change": "C1", "field": "commercials.monthly_charges", "ours": 185000, "theirs": 200000}
    ]
    assert report["differing"] == []


@pytest.mark.parametrize(
    ("written", "locale", "ours", "theirs", "becomes"),
    [
        ("185.000,00 €", "de_DE", "185000", "200000", "200.000,00 €"),
        ("PLN 1 250 000,00", "pl_PL", "1250000", "1500000", "PLN 1 500 000,00"),
        ("CHF 185’000", "de_CH", "185000", "200000.5", "CHF 200’000.5"),
        ("EUR 185,000", "en_IE", "185000", "200000", "EUR 200,000"),
        ("within 5 10 days", "en_GB", "5", "7", "within 7 10 days"),  # two numbers, not one grouped figure
        ("30 days", "en_GB", "30", "45", "45 days"),
    ],
)
def test_a_deal_string_keeps_its_own_way_of_writing_the_figure(written, locale, ours, theirs, becomes):
    from decimal import Decimal

    from contractgen.redline.markup import FigureChange
    from contractgen.repo.negotiation import _written_as

    figure = FigureChange("amount", ours, theirs, Decimal(ours), Decimal(theirs))
    assert _written_as(written, figure, (), locale) == becomes
