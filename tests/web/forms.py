"""Read the deal form out of a page the way a browser would submit it (inputs, selects, textareas)."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._option: str | None = None
        self._option_text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name"):
            self.values[a["name"]] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.values[self._textarea] = ""
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.values[self._select] = ""
        elif tag == "option" and self._select:
            self._option = a.get("value") if "selected" in a else None
            self._selected = "selected" in a
            self._option_text = ""

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data
        if self._select and getattr(self, "_selected", False):
            self._option_text += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            text = self.values[self._textarea]
            self.values[self._textarea] = text[1:] if text.startswith("\n") else text  # HTML drops one leading newline
            self._textarea = None
        elif tag == "option" and self._select and getattr(self, "_selected", False):
            self.values[self._select] = self._option if self._option is not None else self._option_text
            self._selected = False
        elif tag == "select":
            self._select = None


def form_values(html: str) -> dict[str, str]:
    """Return {field name: value} of every form control in a page."""
    reader = _FormReader()
    reader.feed(html)
    return reader.values
