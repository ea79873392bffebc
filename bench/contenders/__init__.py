"""The alternatives contractgen is measured against: plain Jinja2 + WeasyPrint, python-docx and docxtpl
(alternatives.py), and their whole-process runs (cli.py, never importing contractgen)."""
