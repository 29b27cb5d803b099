"""Amounts said in words without a figure, which the number check compares when both sides
say one: vague magnitudes (« des milliers » / "thousands", « des dizaines de milliers » /
"tens of thousands"), fractions (« un tiers des » / "a third of", « la moitié » / "half
the"), and multiples (« tripler » / "tripled", « des jumeaux » / "twins").

Each is read as (kind, value, start, end): kind "magnitude" (the power of ten: thousands
= 1e3), "fraction" (a third = 1/3) or "multiple" (tripled = 3). A translation may leave any
of them out or say them in figures, so one side alone is never a finding; one on each side
that differ is ("des centaines" for "thousands", « la moitié » for "a third").
"""

from __future__ import annotations

import re

_MAGNITUDE_WORDS = {
    # French « douzaines » and English "dozens", "scores" are tens as a magnitude
    "dizaines": 1e1, "douzaines": 1e1, "centaines": 1e2, "milliers": 1e3, "millions": 1e6,
    "milliards": 1e9,
    "tens": 1e1, "dozens": 1e1, "scores": 1e1, "hundreds": 1e2, "thousands": 1e3,
    "billions": 1e9,
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
}

_MAGNITUDE = {
    "fr": re.compile(
        r"(?i)\b(?:des|plusieurs|quelques|ces|les|de|d')\s*"
        r"(?P<a>dizaines|douzaines|centaines|milliers|millions|milliards)"
        r"(?:\s+(?:de|d')\s*(?P<b>milliers|millions|milliards))?\b"
    ),
    "en": re.compile(
        r"(?i)\b(?P<a>tens|dozens|scores|hundreds|thousands|millions|billions)"
        r"(?:\s+of\s+(?P<b>thousands|millions|billions))?\b"
        # "several million", "a few thousand": as vague as « plusieurs millions »
        r"|\b(?:several|a\s+few|many)\s+(?P<c>hundred|thousand|million|billion)"
        r"(?:\s+(?P<d>thousand|million|billion))?\b"
    ),
}

_FRACTION = {
    "fr": (
        (re.compile(r"(?i)\b(?:la|une|de\s+la)\s+moitié\b"), 1 / 2),
        (re.compile(r"(?i)\bdeux\s+tiers\b"), 2 / 3),
        (re.compile(r"(?i)\b(?:un|le)\s+tiers(?=\s+(?:de|des|du)\b|\s+d['’])"), 1 / 3),
        (re.compile(r"(?i)\btrois\s+quarts\b"), 3 / 4),
        (re.compile(r"(?i)\b(?:un|le)\s+quart(?=\s+(?:des|du)\b|\s+de\s+(?:la|l['’]|ses|leurs)\b)"),
         1 / 4),
        # a change by a share: « a augmenté d'un quart », « un cinquième des »
        (re.compile(r"(?i)(?<=d['’])un\s+quart\b"), 1 / 4),
        (re.compile(r"(?i)(?<=d['’])un\s+tiers\b"), 1 / 3),
        (re.compile(r"(?i)\b(?:un|le|d['’]un)\s+cinquième\b"), 1 / 5),
        (re.compile(r"(?i)\b(?:un|le|d['’]un)\s+dixième\b"), 1 / 10),
    ),
    "en": (
        (re.compile(r"(?i)\bhalf(?=\s+(?:of|the|its|their|his|her|all|them)\b)"
                    r"|\b(?:a|one)[\s-]half\b"), 1 / 2),
        (re.compile(r"(?i)\btwo[\s-]thirds\b"), 2 / 3),
        (re.compile(r"(?i)\b(?:a|one)[\s-]third(?=\s+of\b)"), 1 / 3),
        (re.compile(r"(?i)\bthree[\s-]quarters\b"), 3 / 4),
        (re.compile(r"(?i)\b(?:a|one)[\s-]quarter(?=\s+of\s+(?!an?\s+hour))"), 1 / 4),
        # a change by a share: "rose by a quarter", "a fifth smaller"
        (re.compile(r"(?i)(?<=\bby\s)(?:a|one)[\s-]quarter\b"), 1 / 4),
        (re.compile(r"(?i)(?<=\bby\s)(?:a|one)[\s-]third\b"), 1 / 3),
        (re.compile(r"(?i)\b(?:a|one)[\s-]fifth\b"), 1 / 5),
        (re.compile(r"(?i)\b(?:a|one)[\s-]tenth\b"), 1 / 10),
    ),
}

_MULTIPLES = {"doubl": 2, "tripl": 3, "quadrupl": 4, "quintupl": 5, "décupl": 10, "decupl": 10}
_MULTIPLE = {
    # verbs (« le prix a triplé », "prices tripled") and the children of one birth
    "fr": re.compile(
        r"(?i)\b(?P<stem>doubl|tripl|quadrupl|quintupl|décupl|decupl)"
        r"(?:er|é|ée|és|ées|e|es|ent|ait|aient|era|eront|erait|eraient|ant)\b"
        r"|\b(?P<birth>jumeaux|jumelles|triplés|triplées|quadruplés|quadruplées)\b"
    ),
    "en": re.compile(
        r"(?i)\b(?P<stem>doubl|tripl|quadrupl|quintupl)(?:e|ed|es|ing)\b"
        r"|\b(?P<fold>two|three|four|five|ten)fold\b"
        r"|\b(?P<birth>twins|triplets|quadruplets)\b"
    ),
}
_BIRTHS = {
    "jumeaux": 2, "jumelles": 2, "triplés": 3, "triplées": 3, "quadruplés": 4,
    "quadruplées": 4, "twins": 2, "triplets": 3, "quadruplets": 4,
}
_FOLDS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}


def vague_amounts(text: str, lang: str) -> list[tuple[str, float, int, int]]:
    """The amounts in words of a sentence: (kind, value, start, end), in order."""
    found: list[tuple[str, float, int, int]] = []
    for match in _MAGNITUDE[lang].finditer(text):
        value = _MAGNITUDE_WORDS[(match.group("a") or match.group("c") or "").lower()]
        second = (match.group("b") or (match.groupdict().get("d") or "")).lower()
        if second:  # "tens of thousands", "several hundred billion"
            value *= _MAGNITUDE_WORDS[second]
        found.append(("magnitude", value, match.start(), match.end()))
    for pattern, value in _FRACTION[lang]:
        found += [("fraction", value, m.start(), m.end()) for m in pattern.finditer(text)]
    for match in _MULTIPLE[lang].finditer(text):
        if match.group("stem"):
            value = _MULTIPLES[match.group("stem").lower()]
        elif match.group("birth"):
            value = _BIRTHS[match.group("birth").lower()]
        else:
            value = _FOLDS[match.group("fold").lower()]
        found.append(("multiple", float(value), match.start(), match.end()))
    found.sort(key=lambda amount: amount[2])
    # « deux tiers » read once, not also as « un tiers » inside it
    kept: list[tuple[str, float, int, int]] = []
    for amount in found:
        if kept and amount[2] < kept[-1][3]:
            continue
        kept.append(amount)
    return kept
