#!/usr/bin/env python3
"""Write contractgen/values/data/currency_names.tsv from the CLDR data of the installed Babel (run after upgrading
Babel; tests/values/test_market_tax_words.py checks the file against Babel)."""

from contractgen.values.currencies import NAMES_DATA, cldr_currency_names

if __name__ == "__main__":
    NAMES_DATA.write_text(cldr_currency_names(), encoding="utf-8")
    print(f"wrote {NAMES_DATA}")
