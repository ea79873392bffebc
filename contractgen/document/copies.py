"""The copies of a contract a draft is sent as: the internal copy prints everything, the counterparty copy leaves out
what only the client's side may read (its drafting notes: the open questions about the deal, as Word comments and the
notes page of the PDF). The contract's own text is the same in both."""

from __future__ import annotations

from contractgen.document.model import Document


def counterparty_copy(document: Document) -> list[str]:
    """Make the document the copy for the other side: no drafting notes (no Word comments, no notes page)."""
    left_out = [note for note in document.notes if note.kind == "note" and not note.acknowledged]
    warnings = [note for note in document.notes if note.kind != "note"]
    document.notes = []
    document.provenance["copy"] = "for the counterparty: drafting notes left out"
    if not left_out and not warnings:
        return []
    also = f" and {len(warnings)} build warning(s)" if warnings else ""
    return [
        f"counterparty copy: {len(left_out)} open drafting note(s){also} left out of it "
        f"({', '.join(note.id for note in left_out)}); settle them in the internal copy "
        "(render without --for-counterparty) before sending"
    ]
