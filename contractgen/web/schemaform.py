"""The deal form, generated from the deal model's JSON Schema and filled from a round-trip document.

Each field's name is its path as the CLI prints it ("scope.services[0].name"), so a problem
the CLI reports lands next to the field it names. The groups follow the contract's order;
a top-level section the groups do not name (a field added to the model later) gets its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from contractgen.deal.accepted import ALSO
from contractgen.web.yamledit import Key, RoundTrip, scalar_text

# The form's sections, in the order the contract reads, each under a heading a lawyer would use.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The contract: title, dates, governing law, status", ("template", "status", "contract", "language")),
    ("Who signs: the parties and any guarantor", ("parties", "guarantor")),
    ("What is delivered, and from where", ("scope", "deliverables", "sourcing")),
    ("How well: service levels and service credits", ("service_levels",)),
    ("Running the contract: governance and audit", ("governance",)),
    ("What it costs: charges, invoicing and payment", ("commercials", "benchmarking")),
    ("Data: personal data and its protection", ("data_protection",)),
    ("Security", ("security",)),
    ("Regulation of the client's sector", ("regulatory", "critical_or_important")),
    ("When things go wrong: step-in, escrow and liability", ("step_in", "escrow", "liability")),
    ("Staff", ("employees",)),
    ("Term, termination and exit", ("term",)),
    ("Law and disputes", ("disputes", "process_agent")),
    ("Clause choices", ("clauses", "acknowledged_notes")),
    ("This deal's own words: riders and overrides", ("riders", "overrides")),
)
_PATH_PART = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def format_key(key: Key) -> str:
    """Turn ("a", "b", 1, "c") into "a.b[1].c" (the CLI's way of naming a field)."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def parse_key(name: str) -> Key:
    """Turn "a.b[1].c" back into ("a", "b", 1, "c")."""
    return tuple(int(index) if index else word for index, word in _PATH_PART.findall(name))


def dom_id(name: str) -> str:
    """Return an HTML id for a field name (letters, digits, '-' and '_' only)."""
    return "f-" + re.sub(r"[^A-Za-z0-9_-]", "_", name)


def _label(name: str, schema: dict) -> str:
    title = schema.get("title") or name
    words = str(title).replace("_", " ").split()
    return (
        " ".join([words[0].capitalize(), *[w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words[1:]]])
        if words
        else str(name)
    )


@dataclass
class Node:
    """One element of the form: a field, a group of fields, or a repeating group."""

    kind: str  # "field", "group" or "repeat"
    name: str  # the CLI path ("" for the whole deal)
    label: str
    help: str = ""
    example: str = ""
    default: str = ""
    required: bool = False
    widget: str = "text"  # text, number, date, select, lines, pairs, textarea
    value: str = ""
    options: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # drafting notes on this field (the deal is valid)
    removable: bool = False

    @property
    def id(self) -> str:
        """Return the element's HTML id."""
        return dom_id(self.name or "deal")


class Form:
    """The deal form: the schema walked against a document."""

    def __init__(self, schema: dict):
        self.schema = schema
        self.defs = schema.get("$defs", {})

    # ------------------------------------------------------------ schema helpers

    def resolve(self, schema: dict) -> tuple[dict, bool]:
        """Return (the schema with $ref and Optional unwrapped, whether null is allowed)."""
        nullable = False
        while True:
            if "$ref" in schema:
                schema = {
                    **self.defs[schema["$ref"].rsplit("/", 1)[-1]],
                    **{k: v for k, v in schema.items() if k != "$ref"},
                }
                continue
            options = schema.get("anyOf") or schema.get("oneOf")
            if options:
                rest = [o for o in options if o.get("type") != "null"]
                typed = [o for o in rest if o.get("$comment") != ALSO]
                rest = typed or rest  # a field's type, not the other spellings its validator reads
                nullable = nullable or any(o.get("type") == "null" for o in options)
                if len(rest) == 1:
                    merged = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
                    schema = {
                        **rest[0],
                        **{k: v for k, v in merged.items() if k in ("title", "description", "examples", "default")},
                    }
                    continue
                return {**schema, "anyOf": rest}, nullable
            return schema, nullable

    def top_keys(self) -> list[str]:
        """Return the deal's top-level fields in the model's order."""
        return list(self.schema.get("properties", {}))

    def groups(self) -> list[tuple[str, list[str]]]:
        """Return (title, top-level fields) in the contract's order, with any unlisted section appended."""
        known = set(self.top_keys())
        out = [(title, [k for k in keys if k in known]) for title, keys in GROUPS]
        listed = {k for _, keys in GROUPS for k in keys}
        out.extend((_label(k, self.schema["properties"][k]), [k]) for k in self.top_keys() if k not in listed)
        return [(title, keys) for title, keys in out if keys]

    def order_at(self, key: Key) -> list[str]:
        """Return the schema's field order for the mapping at `key`."""
        schema: dict = self.schema
        for part in key:
            schema, _ = self.resolve(schema)
            if isinstance(part, int):
                schema = schema.get("items", {})
            else:
                schema = schema.get("properties", {}).get(part, {})
        schema, _ = self.resolve(schema)
        return list(schema.get("properties", {}))

    # ------------------------------------------------------------ building the form

    def build(self, doc: RoundTrip) -> list[tuple[str, list[Node]]]:
        """Return the groups of the form with each node filled from the document."""
        required = set(self.schema.get("required", []))
        return [
            (title, [self.node((k,), self.schema["properties"][k], doc, k in required) for k in keys])
            for title, keys in self.groups()
        ]

    def node(self, key: Key, schema: dict, doc: RoundTrip, required: bool) -> Node:
        """Return the form node for one field of the schema."""
        raw = schema
        schema, _ = self.resolve(schema)
        name = format_key(key)
        label = _label(str(key[-1]), raw) if not isinstance(key[-1], int) else f"Item {key[-1] + 1}"
        examples = raw.get("examples") or schema.get("examples") or []
        node = Node(
            "field",
            name,
            label,
            help=raw.get("description") or schema.get("description") or "",
            example=_examples(examples),
            required=required,
        )
        value = doc.get(key)
        kind = schema.get("type")
        if kind == "object" and "properties" in schema:
            node.kind = "group"
            inner_required = set(schema.get("required", []))
            node.children = [
                self.node(key + (k,), s, doc, k in inner_required) for k, s in schema["properties"].items()
            ]
            return node
        prose = schema.get("additionalProperties")
        if kind == "object" and isinstance(prose, dict) and (prose.get("maxLength") or 0) > 200:
            # a mapping of texts (the deal's overrides): each its own box, Markdown paragraphs and all
            node.kind = "texts"
            for name_ in value if isinstance(value, dict) else {}:
                child = Node("field", format_key(key + (str(name_),)), str(name_), widget="textarea", removable=True)
                child.value = scalar_text(value[name_])
                node.children.append(child)
            return node
        if kind == "object":  # a free mapping, e.g. clause pins
            node.widget = "pairs"
            node.value = (
                "\n".join(f"{k}: {scalar_text(v)}" for k, v in value.items()) if isinstance(value, dict) else ""
            )
            return node
        if kind == "array":
            items, _ = self.resolve(schema.get("items", {}))
            if items.get("type") == "object" and "properties" in items:
                node.kind = "repeat"
                count = len(value) if isinstance(value, list) else 0
                for index in range(count):
                    child = self.node(key + (index,), schema.get("items", {}), doc, True)
                    child.label = f"{_singular(label)} {index + 1}"
                    child.removable = True
                    node.children.append(child)
                return node
            node.widget = "lines"
            node.options = [str(o) for o in items.get("enum", [])]
            node.value = "\n".join(scalar_text(v) for v in value) if isinstance(value, list) else scalar_text(value)
            return node
        node.value = scalar_text(value) if not isinstance(value, (dict, list)) else ""
        if "enum" in schema or kind == "boolean":
            node.widget = "select"
            node.options = [str(o) for o in schema.get("enum", [])] if kind != "boolean" else ["true", "false"]
            if node.value and node.value not in node.options:
                node.options.append(node.value)  # show what the file says, so its problem can be read
        elif schema.get("format") == "date":
            node.widget = "date"
        elif kind in ("number", "integer") or any(
            o.get("type") in ("number", "integer") for o in schema.get("anyOf", [])
        ):
            node.widget = "number"
        elif (schema.get("maxLength") or 0) > 200 or "\n" in node.value:
            node.widget = "textarea"
        if "default" in raw and raw["default"] not in (None, [], {}):
            node.default = scalar_text(raw["default"])
        return node

    # ------------------------------------------------------------ applying a submitted form

    def apply(self, doc: RoundTrip, form: dict[str, str]) -> bool:
        """Write the submitted values into the document; return whether anything changed."""
        changed = False
        for _title, nodes in self.build(doc):
            for node in nodes:
                changed = self._apply_node(doc, node, form) or changed
        return changed

    def _apply_node(self, doc: RoundTrip, node: Node, form: dict[str, str]) -> bool:
        if node.kind in ("group", "repeat", "texts"):
            changed = False
            for child in node.children:
                changed = self._apply_node(doc, child, form) or changed
            new_key = form.get(f"new:{node.name}", "").strip() if node.kind == "texts" else ""
            new_text = form.get(f"new-text:{node.name}", "").replace("\r\n", "\n").strip()
            if new_key and new_text:  # a new entry: its name and its text
                changed = doc.set_scalar(parse_key(node.name) + (new_key,), new_text + "\n") or changed
            return changed
        if node.name not in form:
            return False  # not on the page that was submitted: leave the file's value alone
        text = form[node.name].replace("\r\n", "\n").replace("\r", "\n")
        key = parse_key(node.name)
        order = self.order_at(key[:-1])
        if node.widget == "lines":
            return doc.set_list(key, [line.strip() for line in text.split("\n") if line.strip()], order)
        if node.widget == "pairs":
            pairs = []
            for line in text.split("\n"):
                if line.strip():
                    name, _, value = line.partition(":")
                    pairs.append((name.strip(), value.strip()))
            return doc.set_mapping(key, pairs, order)
        if node.widget != "textarea":
            text = text.strip()
        return doc.set_scalar(key, text, order)


def _examples(examples: list) -> str:
    """Return a schema's examples as a lawyer reads them; whole records (mappings) are left out."""
    shown = []
    for example in examples[:3]:
        if isinstance(example, (str, int, float)):
            shown.append(scalar_text(example))
        elif isinstance(example, list) and example and all(isinstance(e, (str, int, float)) for e in example):
            shown.append(", ".join(scalar_text(e) for e in example))
    return "; ".join(shown)


def _singular(label: str) -> str:
    for plural, singular in (("ies", "y"), ("ches", "ch"), ("ses", "s"), ("s", "")):
        if label.endswith(plural):
            return label[: -len(plural)] + singular
    return label


def attach_problems(
    groups: list[tuple[str, list[Node]]], problems: list[tuple[str, str]], kind: str = "problems"
) -> list[str]:
    """Put each (path, message) problem (or drafting note: kind "notes") on the deepest node it names; return those no node takes."""
    index: dict[str, Node] = {node.name: node for node in walk_nodes(groups)}
    left: list[str] = []
    for path, message in problems:
        key = parse_key(path) if path else ()
        while key and format_key(key) not in index:
            key = key[:-1]
        if key:
            getattr(index[format_key(key)], kind).append(message if format_key(key) == path else f"{path}: {message}")
        else:
            left.append(f"{path}: {message}" if path else message)
    return left


def walk_nodes(groups: list[tuple[str, list[Node]]]):
    """Yield every node of the form, depth first."""
    stack = [node for _title, nodes in groups for node in nodes][::-1]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


def place_warnings(groups: list[tuple[str, list[Node]]], warnings: list[str]) -> list[tuple[Node | None, str, str]]:
    """Each build warning ("scope.services.0.support_hours: …") as (the deepest field it names or None, path, text)."""
    index: dict[str, Node] = {node.name: node for node in walk_nodes(groups)}
    out: list[tuple[Node | None, str, str]] = []
    for warning in warnings:
        found = re.match(r"^([A-Za-z_][\w.\[\]-]*): (.*)$", warning, re.S)
        path, text = (found.group(1), found.group(2)) if found else ("", warning)
        key = parse_key(re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", path)) if path else ()
        while key and format_key(key) not in index:
            key = key[:-1]
        out.append((index[format_key(key)] if key else None, path, text))
    return out
