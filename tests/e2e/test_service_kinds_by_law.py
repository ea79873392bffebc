"""Deals written tersely, generated: every kind of service a practitioner names (contractgen/deal/data/service_kinds.yaml)
under each of the party matrix's eight laws, the deal silent on the service's activities, its hours and personal data.

Each contract's Schedule 1 lists the kind's usual activities and exclusions, supports it 24x7 where such a service
runs round the clock (else in the client's business hours), and says these are the generator's defaults to confirm;
its data-protection terms are those of the client's privacy law, or a note says why there are none (no general
privacy law recorded for a US client; a Singapore public agency outside the PDPA and a Swiss canton outside the FADP get
the processor terms of their own law, or of the nearest regime with a note). The service is named in a
different language of the table for each law, so every language's words are read."""

from __future__ import annotations

from functools import lru_cache

import pytest
import yaml

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.deal.parties import PUBLIC_BODIES
from contractgen.deal.readings.personal_data import own_privacy_laws, public_body_outside
from contractgen.deal.readings.service_kinds import service_kinds, table_kind
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text
from tests.party_matrix import CLIENTS, FOLDER, LAWS, deal_data

WORKSPACE = Workspace()
KINDS = list(service_kinds())
CASES = [(law, kind) for law in LAWS for kind in KINDS]


def _case_deal(law: str, kind: str) -> dict:
    """The matrix deal under `law` with one service of `kind`, named by one of the kind's words (rotating by law)."""
    li, ki = list(LAWS).index(law), KINDS.index(kind)
    data = deal_data(law, "courts", CLIENTS[(li + ki) % len(CLIENTS)], "company")
    words = service_kinds()[kind]["words"]
    data["contract"]["title"] = "Services Agreement"
    data["scope"]["services"] = [{"id": "SVC", "name": words[(li * 3 + ki) % len(words)]}]
    return data


@lru_cache(maxsize=None)
def built(law: str, kind: str):
    """(the DOCX text collapsed, the build warnings, the deal as read) of one case."""
    data = _case_deal(law, kind)
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = build_document(load_deal(FOLDER / f"kinds-{law}-{kind}.yaml", raw=raw), WORKSPACE)
    text = docx_text(writers.render(result.document, WORKSPACE.template_dir(result.source.deal.template), "docx"))
    return " ".join(text.split()), " ".join(result.warnings), result.source.deal


def test_every_word_of_every_kind_names_that_kind():
    """As a service's name, as its description under a neutral name, and as the title of a one-service deal."""
    deal = load_deal(FOLDER / "base.yaml", raw=yaml.safe_dump(deal_data("english", "courts", "charity", "company"),
                     sort_keys=False).encode("utf-8")).deal  # fmt: skip
    wrong = []
    for kind, row in service_kinds().items():
        for word in row["words"]:
            named = deal.scope.services[0].model_copy(update={"name": f"{word}", "description": None})
            described = named.model_copy(update={"name": "Services", "description": f"{word} for the client."})
            titled = deal.model_copy(
                update={"contract": deal.contract.model_copy(update={"title": f"{word} Agreement"})}
            )
            plain = named.model_copy(update={"name": "Services"})
            for got in (table_kind(deal, named)[0], table_kind(deal, described)[0], table_kind(titled, plain)[0]):
                if got != kind:
                    wrong.append(f"{word!r}: {got or 'no kind'} instead of {kind}")
    assert not wrong, wrong


@pytest.mark.parametrize(("law", "kind"), CASES, ids=[f"{law}-{kind}" for law, kind in CASES])
def test_a_terse_deal_gets_the_kinds_scope_hours_and_its_clients_privacy_law(law, kind):
    text, warnings, deal = built(law, kind)
    row = service_kinds()[kind]
    assert " ".join(row["in_scope"][0].split()) in text
    assert " ".join(row["out_of_scope"][-1].split()) in text
    assert "No activities are specifically excluded" not in text
    assert "the generator's defaults for such a service" in warnings
    round_the_clock = "during the following support hours: 24x7" in text
    assert round_the_clock == (row["support_hours"] == "24x7"), text[text.find("Support hours.") :][:200]
    if law == "new_york":
        assert "no general privacy law of the United States is recorded" in warnings
        assert "The Data Protection Laws include" not in text
    elif why := public_body_outside(deal):  # a Singapore public agency, a Swiss canton or commune
        # its own law where a record names it, else the general law's processor terms as the nearest regime: never none
        assert deal.parties.client.kind in PUBLIC_BODIES
        assert "The Data Protection Laws include" in text
        assert own_privacy_laws(deal) or (why in warnings and "as the nearest regime" in warnings)
    else:
        assert "The Data Protection Laws include" in text
        assert "data_protection: the deal has no data_protection section" in warnings
