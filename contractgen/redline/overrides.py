"""The `overrides` that make the next render print a counterparty's accepted words, and the changes that cannot be.

A changed paragraph with an anchor becomes an override of that paragraph; any other change rewrites
its whole clause, where the clause is paragraphs only. The cover, the signature page and table cells
are printed from deal values, never from clause text: a change there that no deal value makes is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from contractgen.document.model import CrossRef, DefinitionList, Paragraph
from contractgen.redline.markup import MarkupChange, paragraph_texts
from contractgen.redline.places import FRAMES


def as_markdown(text: str, inlines: list) -> str:
    """Turn a paragraph's printed text back into clause Markdown: its cross-references as [](#anchor) again.

    Markdown and Jinja characters of their words are escaped, so what they typed prints as typed.
    """
    refs = sorted(
        {(node.text, node.target) for node in _walk(inlines) if isinstance(node, CrossRef) and node.text},
        key=lambda pair: -len(pair[0]),
    )
    escaped = re.sub(r"([\\*_\[\]`<>|])", r"\\\1", text)
    for printed, target in refs:
        pattern = re.escape(re.sub(r"([\\*_\[\]`<>|])", r"\\\1", printed)) + r"(?![0-9.(])"
        escaped = re.sub(pattern, _link_to(target), escaped)
    if re.search(r"\{[{%#]", escaped):
        escaped = "{% raw %}" + escaped + "{% endraw %}"
    return escaped


def _link_to(target: str) -> Callable[[re.Match[str]], str]:
    """A re.sub replacement that prints an empty link to `target` (the text stays as Markdown, not a pattern)."""
    return lambda _match: f"[](#{target})"


def _walk(inlines: list):
    for node in inlines:
        yield node
        yield from _walk(getattr(node, "children", None) or [])


def overrides_for(changes: list[MarkupChange], document: Any) -> tuple[dict[str, str], list[str]]:
    """Return the `overrides` that make the next render print their text, and the changes that cannot be written so.

    A changed paragraph with an anchor becomes an override of that paragraph; any other change
    rewrites its whole clause, which is possible where the clause is paragraphs only.
    """
    models = {clause.id: clause for _, clause in document.iter_clauses()}
    by_clause: dict[str, list[MarkupChange]] = {}
    overrides: dict[str, str] = {}
    refused: list[str] = []
    for change in changes:
        if change.clause in FRAMES:
            refused.append(
                f"{change.id}: {change.reference} is printed from the deal's values (the parties, the title, the "
                "signatories) and no one of them makes it read as theirs: change the deal there by hand"
            )
        elif change.cell is not None:
            refused.append(
                f"{change.id}: {change.reference}, {change.place}: a table is printed from the deal's values and no "
                f"one of them makes this cell read as theirs: change the deal there by hand, or write "
                f"overrides.{change.clause} with the whole clause"
            )
        else:
            by_clause.setdefault(change.clause, []).append(change)
    for clause_id, found in by_clause.items():
        texts = paragraph_texts(models[clause_id])
        if all(c.anchor and c.before and c.after for c in found):
            for change in found:
                inlines = next((inl for anchor, _, inl in texts if anchor == change.anchor), [])
                overrides[change.anchor] = as_markdown(change.after, inlines)
            continue
        if any(isinstance(block, DefinitionList) for block in models[clause_id].blocks):
            refused += [
                f"{c.id}: {c.reference}: the definitions are made from the terms the library's clauses define, and a "
                "deal cannot override one yet: settle the wording with them, or propose the change to the library"
                for c in found
            ]
            continue
        if not all(isinstance(block, Paragraph) for block in models[clause_id].blocks):
            refused += [
                f"{c.id}: {c.reference} has lists, tables or headings and the changed paragraph no anchor: "
                f"write overrides.{clause_id} by hand"
                for c in found
            ]
            continue
        changed = {c.position: c for c in found if c.before}
        added: dict[int, list[MarkupChange]] = {}
        for c in found:
            if not c.before:
                added.setdefault(c.position, []).append(c)
        out = [as_markdown(c.after, []) for c in added.get(-1, [])]
        for index, (anchor, printed, inlines) in enumerate(texts):
            text = changed[index].after if index in changed else printed
            if text:
                out.append(as_markdown(text, inlines) + (f" {{#{anchor}}}" if anchor else ""))
            out += [as_markdown(c.after, []) for c in added.get(index, [])]
        overrides[clause_id] = "\n\n".join(out)
    return overrides, refused


def renamed_terms(changes: list[MarkupChange], document: Any) -> list[str]:
    """A note for each defined term a change renames (“Client Data” → “Customer Data”) that the contract uses elsewhere."""
    from contractgen.document.transforms import reference_text

    notes = []
    for change in changes:
        olds, news = re.findall(r"“([^”]+)”", change.before), re.findall(r"“([^”]+)”", change.after)
        for old, new in zip(olds, news):
            if old == new or old in news:
                continue
            used = re.compile(r"(?<![\w-])" + re.escape(old) + r"(?![\w-])")
            places = [
                reference_text(part, clause.number)
                for part, clause in document.iter_clauses()
                for _, text, _ in paragraph_texts(clause)
                if text != change.before and used.search(text)
            ]
            if places:
                where = ", ".join(dict.fromkeys(places[:6])) + (" …" if len(dict.fromkeys(places)) > 6 else "")
                notes.append(
                    f"{change.id}: {change.reference} renames the defined term “{old}” to “{new}”, which the contract "
                    f"uses in {len(places)} other paragraph{'s' if len(places) != 1 else ''} ({where}); their document "
                    f"still says “{old}” there: ask them whether the new name is meant throughout"
                )
    return notes
