"""The New York Convention record (law/treaties/new-york-convention.yaml) and the notes built from it: every state a
real ISO country or territory with a plausible date, the count of parties kept honest, and a state missing from the
record called a non-party only when the record says it lists every party."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pycountry
import pytest

from contractgen.law import cross_border
from contractgen.law.cross_border import award_notes, convention_complete
from contractgen.law.library import active
from contractgen.law.schema import check_record

RECORD = active().records("treaties")["new-york-convention"].data
STATES = RECORD["states"]
OPENED = date(1958, 6, 10)  # the Convention was opened for signature in New York on this day


def test_the_record_is_valid_and_its_count_of_parties_is_kept_honest():
    assert not check_record("treaties", RECORD)
    parties = [code for code, state in STATES.items() if not state.get("territory_of")]
    assert len(parties) <= RECORD["parties"]
    assert convention_complete(RECORD) is (len(parties) == RECORD["parties"])


def test_a_record_saying_complete_with_a_party_missing_is_refused():
    short = dict(RECORD, complete=True, states={k: v for k, v in list(STATES.items())[1:]})
    assert any("complete" in problem for problem in check_record("treaties", short))


@pytest.mark.parametrize("code", sorted(STATES))
def test_every_state_is_a_real_country_or_territory_with_a_plausible_date(code):
    state = STATES[code]
    assert pycountry.countries.get(alpha_2=code) is not None, code
    joined, in_force = state.get("joined"), state.get("in_force")
    for day in (joined, in_force):
        assert day is None or OPENED <= day <= RECORD["as_of"], (code, day)
    if joined is not None and in_force is not None:
        assert in_force >= joined, code  # it enters into force on the ninetieth day after deposit (Article XII)
    assert state.get("by") in (None, "ratification", "accession", "succession"), code
    if state.get("territory_of"):
        assert state["territory_of"] in STATES and not STATES[state["territory_of"]].get("territory_of")
    else:  # a party with no date or no manner of joining says why
        assert (joined is not None and state.get("by")) or state.get("note"), f"{code}: no date and no note why"


def _deal(client: str, supplier: str) -> SimpleNamespace:
    party = lambda name, place: SimpleNamespace(name=name, incorporated_in=place, address="")  # noqa: E731
    return SimpleNamespace(parties=SimpleNamespace(client=party("Client", client), supplier=party("Vendor", supplier)))


def _seat(city: str, code: str) -> SimpleNamespace:
    return SimpleNamespace(seat=city, seat_country=code, institution=SimpleNamespace(key=""))


DATED = sorted(code for code, state in STATES.items() if state.get("joined"))


@pytest.mark.parametrize("code", DATED)
def test_a_seat_in_a_recorded_party_gets_no_convention_note(code):
    name = cross_border.country_name(code)
    notes = award_notes(_deal(name, name), _seat(f"Capital, {name}", code))
    assert not [note for _, note in notes if "New York Convention" in note], code


class _Library:
    def __init__(self, data: dict) -> None:
        self._treaties = {"new-york-convention": SimpleNamespace(data=data)}

    def records(self, kind: str) -> dict:
        return self._treaties if kind == "treaties" else {}


# Taiwan cannot be a party (the Convention is open to UN members and members of its specialised agencies) and is in
# no status list: the state a non-party seat is tested with
NON_PARTY = "TW"


def test_a_seat_in_a_state_missing_from_a_complete_record_is_said_to_be_no_contracting_state(monkeypatch):
    assert NON_PARTY not in STATES
    complete = dict(RECORD, complete=True)
    monkeypatch.setattr(cross_border, "active", lambda: _Library(complete))
    notes = dict(award_notes(_deal("Germany", "Germany"), _seat("Taipei", NON_PARTY)))
    assert "the seat (Taipei, Taiwan) is not in a New York Convention Contracting State" in notes[""]
    assert f"lists all {RECORD['parties']} parties as of {RECORD['as_of']}" in notes[""]
    assert "not recorded" not in notes[""]
    party = dict(award_notes(_deal(NON_PARTY, "Germany"), _seat("Frankfurt", "DE")))["client"]
    assert "Taiwan, where Client is established, is not a New York Convention Contracting State" in party


def test_a_seat_in_a_state_missing_from_an_incomplete_record_is_only_not_recorded(monkeypatch):
    partial = dict(RECORD, complete=False)
    monkeypatch.setattr(cross_border, "active", lambda: _Library(partial))
    notes = dict(award_notes(_deal("Germany", "Germany"), _seat("Taipei", NON_PARTY)))
    assert "is not recorded as a New York Convention state" in notes[""]
    assert "not in a New York Convention Contracting State" not in notes[""]
    party = dict(award_notes(_deal(NON_PARTY, "Germany"), _seat("Frankfurt", "DE")))["client"]
    assert "is not among the states the New York Convention record lists" in party
