"""Every sector regulation the law library records prints its own terms, named after it, in the Regulatory
Requirements schedule of a contract that names it (the world base deal, tests/fixtures/world/base-deal.yaml,
re-written to name one regulation at a time)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from contractgen.deal import load_deal
from contractgen.document.model import inline_text, iter_inline_runs
from contractgen.law.sector import load_sector_regimes
from contractgen.pipeline import Workspace, build_document
from tests.helpers import FIXTURES

BASE = FIXTURES / "world" / "base-deal.yaml"
# Regulations drafted by paragraphs of their own (DORA, the PRA/FCA, EBA, OSFI B-10 and B-13, FINMA, NIS2, PCI DSS, Solvency II …) or
# by wording elsewhere (10 NYCRR 405.46 in the security and business-associate clauses).
OWN_WORDING = {
    "DORA",
    "PRA SS2/21",
    "FCA SYSC 8",
    "EBA Outsourcing Guidelines",
    "OSFI B-10",
    "OSFI B-13",
    "FINMA Circular 2018/3",
    "23 NYCRR 500",
    "NIS2",
    "PCI DSS",
    "Solvency II Art. 274",
    "10 NYCRR 405.46",
}
NAMED = sorted(
    key
    for key, regime in load_sector_regimes().items()
    if key not in OWN_WORDING and regime.category in ("financial", "public", "health", "telecoms", "life_sciences")
)


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace()


def _deal_naming(key: str, tmp_path: Path) -> Path:
    yaml = YAML()
    deal = yaml.load(BASE.read_text(encoding="utf-8"))
    deal["regulatory"] = [key]
    path = tmp_path / "deal.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deal, out)
    return path


def test_the_records_cover_every_category_the_schedule_drafts():
    """The property below runs over financial and life-sciences records at least."""
    categories = {load_sector_regimes()[key].category for key in NAMED}
    assert {"financial", "life_sciences"} <= categories


@pytest.mark.parametrize("key", NAMED)
def test_a_recorded_regulation_prints_its_own_terms_in_the_schedule(key, workspace, tmp_path):
    """Its title heads a paragraph of the Regulatory Requirements schedule, and no drafting note calls it unknown."""
    source = load_deal(_deal_naming(key, tmp_path))
    assert not [n.id for n in source.notes if n.id.startswith("sector-regulation:")]
    result = build_document(source, workspace)
    schedule = next(p for p in result.document.parts if p.id == "schedule-regulatory")
    text = " ".join(" ".join(inline_text(r) for r in iter_inline_runs(c.blocks)) for c in schedule.clauses)
    title = load_sector_regimes()[key].title
    assert f"{title[0].upper()}{title[1:]}." in text, key
