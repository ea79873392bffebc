"""Inside a schedule, a reference to one of its own paragraphs leaves out "of Schedule N"."""

from contractgen.model import Clause, CrossRef, Document, Paragraph, Part, Text
from contractgen.transforms import apply_transforms


def _clause(cid: str, target: str) -> Clause:
    return Clause(cid, 1, cid.title(), [Paragraph([Text("See "), CrossRef(target), Text(".")])], source=f"{cid}.md")


def test_references_within_and_across_schedules():
    agreement = Part("agreement", "agreement", "Agreement", [_clause("main", "sl-two")])
    schedule = Part("schedule-sl", "schedule", "Service Levels", [_clause("sl-one", "sl-two"), _clause("sl-two", "sl-one")])
    other = Part("schedule-ch", "schedule", "Charges", [_clause("ch-one", "sl-two")])
    document = Document("T", "R", "1 January 2027", "2027-01-01", "en_GB", False, [], [agreement, schedule, other])
    apply_transforms(document, [])
    texts = {c.id: c.blocks[0].content[1].text for _, c in document.iter_clauses()}
    assert texts == {
        "main": "paragraph 2 of Schedule 1",
        "sl-one": "paragraph 2",
        "sl-two": "paragraph 1",
        "ch-one": "paragraph 2 of Schedule 1",
    }
