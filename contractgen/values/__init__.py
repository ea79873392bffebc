"""Values as people write them, with no knowledge of deals: amounts, numbers, dates, durations, phrases.

Each reader takes the text a person wrote (and the locale and currency it is written in) and
returns the value meant, or raises ValueError with a plain message saying how to write it.
"""
