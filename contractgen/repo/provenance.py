"""`contractgen explain`: read back where a contract file came from.

A DOCX carries the record as custom document properties (docProps/custom.xml); a PDF carries it
in its document information dictionary (``ContractgenProvenance`` as JSON, plus one readable
``Contractgen<Key>`` entry per key) and, when built by `contractgen build`, embeds the deal spec
and its lock entry as attachments.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from contractgen.errors import ProvenanceError

CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
PDF_RECORD_KEY = "/ContractgenProvenance"
MAX_PART_BYTES = 4 * 1024 * 1024
LABELS = (
    ("deal_file", "deal file"),
    ("deal_sha256", "deal sha256"),
    ("template", "template"),
    ("template_sha256", "template sha256"),
    ("contractgen_version", "contractgen"),
    ("inputs_sha256", "inputs sha256"),
)


def read_provenance(path: Path) -> dict[str, Any]:
    """Return {"file", "format", "properties", "attachments"} read from a .docx or .pdf."""
    path = Path(path)
    suffix = path.suffix.lower()
    attachments: dict[str, str] = {}  # only a PDF carries files
    if suffix == ".docx":
        properties = _read_docx(path)
    elif suffix == ".pdf":
        properties, attachments = _read_pdf(path)
    else:
        raise ProvenanceError(f"{path}: explain reads .docx and .pdf files")
    if not properties:
        raise ProvenanceError(f"{path}: no contractgen provenance record in this file")
    return {"file": str(path), "format": suffix[1:], "properties": properties, "attachments": attachments}


def _read_docx(path: Path) -> dict[str, str]:
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                info = archive.getinfo("docProps/custom.xml")
            except KeyError:
                return {}
            if info.file_size > MAX_PART_BYTES:
                raise ProvenanceError(f"{path}: docProps/custom.xml is implausibly large")
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, OSError) as exc:
        raise ProvenanceError(f"{path}: not a readable DOCX file ({exc})") from None
    except ElementTree.ParseError as exc:
        raise ProvenanceError(f"{path}: docProps/custom.xml is not valid XML ({exc})") from None
    properties = {}
    for prop in root.iter(f"{CUSTOM_NS}property"):
        name = prop.get("name")
        if name:
            properties[name] = "".join(child.text or "" for child in prop)
    return properties


def _read_pdf(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise ProvenanceError("reading PDF provenance needs pypdf (pip install pypdf)") from None
    try:
        reader = PdfReader(str(path))
        info = dict(reader.metadata or {})
        raw_attachments = reader.attachments
        attachments = {}
        for name in sorted(raw_attachments):
            data = raw_attachments[name][0] if raw_attachments[name] else b""
            attachments[name] = data.decode("utf-8", errors="replace")
    except (PyPdfError, OSError, ValueError) as exc:
        raise ProvenanceError(f"{path}: not a readable PDF file ({exc})") from None
    record = info.get(PDF_RECORD_KEY)
    properties: dict[str, str] = {}
    if record:
        try:
            properties = {str(k): str(v) for k, v in json.loads(str(record)).items()}
        except (json.JSONDecodeError, AttributeError):
            properties = {}
    if not properties:  # fall back to the readable one-per-key entries
        properties = {
            k[len("/Contractgen") :]: str(v)
            for k, v in info.items()
            if k.startswith("/Contractgen") and k != PDF_RECORD_KEY
        }
    return properties, attachments


def format_record(record: dict[str, Any]) -> str:
    """Return the provenance record as readable text."""
    props = dict(record["properties"])
    lines = [f"{record['file']} ({record['format'].upper()})"]
    for key, label in LABELS:
        if key in props:
            lines.append(f"  {label + ':':<17}{props.pop(key)}")
    clauses = props.pop("clauses", "")
    approvals = dict(
        item.strip().split(" ", 1) for item in props.pop("approvals", "").split(";") if " " in item.strip()
    )
    for key in sorted(props):
        lines.append(f"  {key + ':':<17}{props[key]}")
    if clauses:
        entries = clauses.split()
        lines.append(f"  clauses ({len(entries)}):")
        for entry in entries:
            clause_id, _, version = entry.partition("@")
            approval = f" ({approvals[entry]})" if entry in approvals else ""
            lines.append(f"    {clause_id} v{version}{approval}" if version else f"    {entry}")
    for name, text in record.get("attachments", {}).items():
        lines.append(f"  attachment {name} ({len(text.encode('utf-8'))} bytes)")
        if name.endswith(".json"):
            lines.extend("    " + line for line in text.rstrip("\n").splitlines())
    return "\n".join(lines)
