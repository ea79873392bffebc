"""DOCX styles: read the template's styles.yaml (its sizes, the text width) and set the document's language.

Turning the sheet into Word styles and page setup, with python-docx, is writers/docx/stylebuild.py."""

from __future__ import annotations

import functools
import pathlib

from lxml import etree

from contractgen import safefs
from contractgen.errors import TemplateError, UnsafePathError
from contractgen.writers.docx.wml import qn
from contractgen.yamlload import safe_load

STYLE_SHEET = pathlib.Path("docx") / "styles.yaml"


def twips(mm: float) -> int:
    """Return a length in millimetres as twentieths of a point (Word's dxa unit)."""
    return round(mm * 1440 / 25.4)


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int) -> dict:
    try:  # within the templates folder; a link to a device or out of the repository is refused
        return safe_load(safefs.read_text(path, pathlib.Path(path).parent.parent.parent))
    except UnsafePathError as exc:
        raise TemplateError(str(exc)) from None


def style_sheet_key(template_dir: pathlib.Path) -> tuple[str, int]:
    """Return (absolute path, mtime) of a template's styles.yaml: changes when the file does."""
    path = pathlib.Path(template_dir).resolve() / STYLE_SHEET  # the file itself is checked when read
    try:
        return str(path), path.stat().st_mtime_ns
    except OSError as exc:
        raise TemplateError(f"{path}: the template has no DOCX style sheet ({exc.strerror})") from exc


def load_style_sheet(template_dir: pathlib.Path) -> dict:
    """Return the parsed styles.yaml of a template (cached while unchanged; do not mutate it)."""
    return _load(*style_sheet_key(template_dir))


def style_size(sheet: dict, key: str) -> float:
    """Return the font size (pt) of a paragraph style of the sheet, following `based_on`."""
    styles = sheet.get("paragraph_styles") or {}
    seen = set()
    while key in styles and key not in seen:
        seen.add(key)
        if "size" in styles[key]:
            return float(styles[key]["size"])
        key = styles[key].get("based_on", "")
    return 11.0


def text_width_mm(sheet: dict) -> float:
    """Return the width of the text column in millimetres."""
    page = sheet["page"]
    return page["width_mm"] - page["margin_left_mm"] - page["margin_right_mm"]


def _w(parent, tag: str, **attrs):
    el = etree.SubElement(parent, qn(tag))
    for key, value in attrs.items():
        el.set(qn("w:" + key), str(value))
    return el


EAST_ASIAN = {"zh", "ja", "ko"}
RIGHT_TO_LEFT = {"ar", "he", "fa", "ur"}


def languages(locale: str) -> dict[str, str]:
    """Return the w:lang attributes for a deal's locale: the text is English (British unless the locale
    is an English one); a Chinese, Japanese or Korean locale is the east Asian language (so Word and
    LibreOffice pick its glyph forms and break only its own text anywhere), an Arabic, Hebrew, Persian
    or Urdu one the right-to-left language."""
    tag = (locale or "en_GB").replace("_", "-")
    parts = tag.split("-")
    language, region = parts[0].lower(), next((p for p in parts[1:] if len(p) == 2), "")
    found = {"val": tag if language == "en" else "en-GB"}
    if language in EAST_ASIAN:
        if language == "zh" and not region:
            region = "TW" if "Hant" in parts else "CN"
        found["eastAsia"] = f"{language}-{region}" if region else language
    elif language in RIGHT_TO_LEFT:
        found["bidi"] = f"{language}-{region}" if region else language
    return found


def set_language(styles_root, locale: str) -> None:
    """Set the default languages of the text (w:docDefaults) for a deal's locale (see languages)."""
    defaults = styles_root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(qn("w:docDefaults"))
        styles_root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(qn("w:rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = _w(rpr_default, "w:rPr")
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = _w(rpr, "w:lang")
    for attr, value in languages(locale).items():
        lang_el.set(qn("w:" + attr), value)
