"""Privacy laws cited as their markets cite them, in deals of the second new-user trial as written
(tests/fixtures/deals/privacy-cited/): an Israeli law and its regulations split by the commas of a YAML list, a Saudi
law cited by its Royal Decree, Ontario's PHIPA and FIPPA with no record; none states a breach-notice period. Each
deal's DOCX and PDF must contain and must not contain what its expect.yaml says, and its build give the notes listed.
"""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal

from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("privacy-cited")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_wording(name, fmt):
    DEALS.check_wording(name, fmt)


@pytest.mark.parametrize("name", DEALS.names)
def test_notes(name):
    notes = {note.id: str(note) for note in load_deal(DEALS.folder / f"{name}.yaml").notes}
    for note_id, words in DEALS.expect[name].get("notes", {}).items():
        assert note_id in notes and words in notes[note_id], (name, note_id, sorted(notes))
    assert not any(i.startswith("privacy-law:") for i in notes if name != "ca-on-hospital"), sorted(notes)
