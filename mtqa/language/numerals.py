"""Number vocabulary of French and English: month names, scale words, decade words and
approximate counts, read by the number check (``mtqa.checks.numbers``)."""

from __future__ import annotations

MONTHS = {
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
    "fr": {
        "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
        "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8,
        "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11,
        "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    },
}

# French "billion" is a million millions: an MT that writes it for English "billion" is wrong.
SCALES = {
    "en": {
        "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6,
        "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12, "trillions": 1e12,
        "tn": 1e12,
    },
    "fr": {
        "mille": 1e3, "millier": 1e3, "milliers": 1e3, "million": 1e6, "millions": 1e6,
        "m": 1e6, "mn": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9,
        "mrd": 1e9, "mrds": 1e9, "billion": 1e12, "billions": 1e12,
    },
}

FULL_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre "
    "novembre décembre decembre".split()
)

APPROXIMATE = {
    "dizaine": 10.0, "douzaine": 12.0, "quinzaine": 15.0, "vingtaine": 20.0,
    "trentaine": 30.0, "quarantaine": 40.0, "cinquantaine": 50.0, "soixantaine": 60.0,
    "centaine": 100.0,
}

DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}
