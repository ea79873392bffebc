"""A draft's notes page, made from the final document: the deal's drafting notes and every build warning.

Each note and warning is placed on the clause it affects, and the clause is named by the number it has in this
document (a clause id that a warning mentions becomes "clause 11" or "Schedule 3, paragraph 1"), so the page says
what the text now says, never what an earlier rendering numbered.
"""

from __future__ import annotations

import re
from typing import Any

from contractgen.document.model import Document, DocumentNote
from contractgen.errors import DraftingNote

# A clause named by its id in parentheses, as the deal's readings name the clause that drafts what they assumed.
CLAUSE_ID = re.compile(r"\(([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\)")
# A warning as the build words it: "field.path: message"; the field is the deal path the warning is about.
FIELD = re.compile(r"^([A-Za-z_][\w.\[\]]*): (.+)$", re.S)


def _clause_places(document: Document) -> dict[str, tuple[str, str]]:
    """Each clause id of the document: (its anchor, where it is: "clause 12", "Schedule 3, paragraph 2")."""
    places: dict[str, tuple[str, str]] = {}
    for part, clause in document.iter_clauses():
        where = f"{part.number}, paragraph {clause.number}" if part.number else f"clause {clause.number}"
        places.setdefault(clause.id, (clause.anchor, where if clause.number else part.number))
    return places


def document_notes(document: Document, notes: list[DraftingNote], warnings: list[Any]) -> list[DocumentNote]:
    """The deal's drafting notes, then each build warning no note already says, as the draft prints them."""
    places = _clause_places(document)
    printed = []
    for note in notes:
        anchor, where = places.get(note.clause, ("", ""))
        text = f"Drafting note {note.id} ({note.path}): {note.unrecognised}; {note.drafted}. To check: {note.check}."
        printed.append(DocumentNote(note.id, note.path, _numbered(text, places), anchor, where, note.acknowledged))
    said = {note.unrecognised for note in notes}
    seen: dict[str, int] = {}
    for warning in dict.fromkeys(str(w).strip() for w in warnings):
        match = FIELD.match(warning)
        path, message = (match.group(1), match.group(2)) if match else ("", warning)
        if any(words and words in message for words in said):
            continue  # a note says it already
        slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "document"
        seen[slug] = seen.get(slug, 0) + 1
        note_id = f"warning:{slug}" + (f"-{seen[slug]}" if seen[slug] > 1 else "")
        named = [places[found] for found in CLAUSE_ID.findall(message) if found in places]
        anchor, where = named[0] if named else ("", "")
        message = _numbered(message.rstrip(". "), places)
        text = f"Warning {note_id}" + (f" ({path})" if path else "") + f": {message}."
        printed.append(DocumentNote(note_id, path, text, anchor, where, kind="warning"))
    return printed


def _numbered(text: str, places: dict[str, tuple[str, str]]) -> str:
    """The text with each clause id in parentheses replaced by the clause's number in this document."""
    return CLAUSE_ID.sub(
        lambda m: f"({places[m.group(1)][1]})" if places.get(m.group(1), ("", ""))[1] else m.group(0), text
    )
