#!/usr/bin/env python3
"""Write contractgen/values/data/shared_currency_signs.tsv from the CLDR data of the installed Babel (run after
upgrading Babel; tests/values/test_currency_signs.py checks the file against Babel)."""

from contractgen.values.currencies import SHARED_DATA, cldr_shared_signs

if __name__ == "__main__":
    SHARED_DATA.write_text(cldr_shared_signs(), encoding="utf-8")
    print(f"wrote {SHARED_DATA}")
