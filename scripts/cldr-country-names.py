#!/usr/bin/env python3
"""Write contractgen/values/data/country_names.tsv from the CLDR data of the installed Babel (run after upgrading
Babel; tests/law/test_law_names.py checks the file against Babel)."""

from contractgen.values.countries import NAMES, cldr_country_names

if __name__ == "__main__":
    NAMES.write_text(cldr_country_names(), encoding="utf-8")
    print(f"wrote {NAMES}")
