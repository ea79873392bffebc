"""Safe YAML for files the project reads often (its legal data, outlines, clause front matter).

libyaml's C parser when PyYAML has it (the same safe constructor, so the same data, about ten
times faster: the data files were a fifth of a DOCX render's start), else PyYAML's own.
"""

from __future__ import annotations

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """Return the data of one YAML document, as yaml.safe_load does."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
