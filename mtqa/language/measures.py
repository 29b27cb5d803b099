"""Numbers a translation may give in another unit or that are no count at all.

- A length or a mass in one metric unit may be given in the next one: « les derniers 1 500
  mètres » is "the final 1.5 km", « 2,5 tonnes » is "2,500 kg". ``metric_readings`` gives
  the value in the units next to the one written.
- A whole number of days counted in hours: « reporté de 24 heures » is "put back a day",
  « 48 heures à l'avance » is "two days ahead" as often as "48 hours". ``HOURS_OF_DAYS``
  finds them (not a clock time « à 24 heures »).
- A French school year named by its ordinal: « les élèves de sixième », « en troisième »,
  « passer en seconde » are years of school, which English names otherwise ("first year of
  secondary school", "Year 7", "ninth grade"): ``school_year`` tells them from an ordinal
  that counts (« la sixième étape »).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from mtqa.language.numerals import Quantity

# unit → (its size in the base unit, the base unit)
_UNITS = {
    "fr": {
        r"kilom[eè]tres?|km": (1000.0, "m"), r"m[eè]tres?|m": (1.0, "m"),
        r"centim[eè]tres?|cm": (0.01, "m"),
        r"tonnes?|t": (1000.0, "kg"), r"kilo(?:gramme)?s?|kg": (1.0, "kg"),
        r"grammes?|g": (0.001, "kg"),
    },
    "en": {
        r"kilomet(?:re|er)s?|km": (1000.0, "m"), r"met(?:re|er)s?|m": (1.0, "m"),
        r"centimet(?:re|er)s?|cm": (0.01, "m"),
        r"(?:metric )?tonnes?|tons?": (1000.0, "kg"), r"kilo(?:gram)?s?|kg": (1.0, "kg"),
        r"grams?|g": (0.001, "kg"),
    },
}
_UNIT_AFTER = {
    lang: [(re.compile(rf"(?:\s|-)?(?:{pattern})(?![\w-])"), size, base)
           for pattern, (size, base) in table.items()]
    for lang, table in _UNITS.items()
}
_SIZES = {"m": (0.01, 1.0, 1000.0), "kg": (0.001, 1.0, 1000.0)}


def metric_readings(value: float, text: str, end: int, lang: str) -> tuple[float, ...]:
    """The value of a number followed by a metric unit, in the other units of its kind."""
    for regex, size, base in _UNIT_AFTER[lang]:
        if regex.match(text, end):
            # the next unit up or down only (kilometres and metres, not centimetres)
            return tuple(value * size / other for other in _SIZES[base]
                         if other != size and max(other, size) / min(other, size) <= 1000)
    return ()


# « 24 heures », « 48 heures » as a span (not « à 24 heures »): also a count of days
HOURS_OF_DAYS = re.compile(r"(?i)(?<!à )(?<![\w-])(24|48|72|96)\s+heures(?![\w-])")

_GRADES = r"sixi[eè]me|cinqui[eè]me|quatri[eè]me|troisi[eè]me|seconde|premi[eè]re"
_GRADE_CHAIN = (rf"(?:\b(?:en|de)\s+|\bd')(?:{_GRADES})"
                rf"(?:\s*(?:,|et|ou)\s+(?:(?:en|de)\s+|d')?(?:{_GRADES}))*")
# after pupils or a class (« les élèves de sixième et de cinquième »), or with no noun after
# it (« passer en seconde », « redoubler sa troisième, puis… »)
_SCHOOL_YEAR = re.compile(
    rf"(?i)(?:(?:[ée]l[èe]ves?|classes?|coll[ée]giens?|lyc[ée]ens?|enfants?)\s+{_GRADE_CHAIN}"
    rf"|{_GRADE_CHAIN}(?=\s*(?:[,.;:)]|et\b|ou\b|$)))")


def school_year(text: str, start: int, end: int) -> bool:
    """The ordinal at ``start:end`` of French ``text`` names a year of school."""
    return any(m.start() <= start and end <= m.end() for m in _SCHOOL_YEAR.finditer(text))


def in_other_units(found: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """The quantities of ``text``, lengths and masses also read in the next metric unit,
    and half a unit ("half a metre", « un demi-mètre ») as 0.5 of it, which matches but is
    never missed."""
    found = [replace(q, alternatives=(*q.alternatives, *extra))
             if q.kind == "number" and not q.percent
             and (extra := metric_readings(q.value, text, q.end, lang)) else q for q in found]
    halves = [Quantity("number", 0.5, m.start(), m.end(), m.group(), weak=True,
                       alternatives=metric_readings(0.5, text, m.end(1), lang))
              for m in _HALF_UNIT[lang].finditer(text)]
    return sorted(found + halves, key=lambda q: q.start) if halves else found


_HALF_UNIT = {
    "en": re.compile(r"(?i)\bhalf (a)(?= (?:kilo)?met(?:re|er)|kilo|tonne|ton\b)"),
    "fr": re.compile(r"(?i)\b(?:une? )?(demi)(?=-(?:kilo)?m[eè]tre|-kilo|-tonne)"),
}


def french_counts(found: list[Quantity], text: str,
                  idioms: Sequence[tuple[int, int]]) -> list[Quantity]:
    """The quantities of French ``text``: a school year's ordinal made weak, and hours
    that count whole days (not in an idiom: « 24 heures sur 24 ») also read as days."""
    found = [replace(q, weak=True) if q.kind == "number" and school_year(
        text, q.start, q.end) else q for q in found]
    days = [m for m in HOURS_OF_DAYS.finditer(text)
            if not any(a <= m.start() and m.end() <= b for a, b in idioms)]
    found = [q for q in found if not any(m.start() <= q.start < m.end() for m in days)]
    found += [Quantity("number", float(m.group(1)), m.start(), m.end(), m.group(),
                       alternatives=(float(m.group(1)) / 24,)) for m in days]
    return sorted(found, key=lambda q: q.start)
