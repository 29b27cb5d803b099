"""Number vocabulary of French and English: month names, scale words, decade words,
approximate counts, named days, the word patterns around numbers that are no count (set
phrases, telephone numbers), and the scanner that finds numbers, dates, times and codes in a
sentence, read by the number check (``mtqa.checks.numbers``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache
from typing import Any

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
        "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
        "mln": 1e6,
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
    "centaine": 100.0, "demi-millier": 500.0, "millier": 1000.0,
}

DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}

# Words text2num would read as numbers but that are not, here: "pour cent" (kept as a
# percent sign), "flambant neuf" (new), "sept." (September).
PROTECT = {
    "fr": re.compile(
        r"(?<=\bpour )cent\b|(?<=\bpour\s)cent\b|\bsept(?=\.)"
        r"|(?<!\bles )(?<!\bdes )(?<!\bces )(?<!\bà )(?<!\bde )(?<!\bsur )"
        r"\bneuf\b(?=\s*[.,;:!?)»]|\s*$)"
        r"|\b(?:dizaines|douzaines|centaines|milliers)\b"
        r"|(?<=\bdes )(?:millions|milliards)\b|(?<=\bde )(?:millions|milliards)\b"
        r"|(?<=\bplusieurs )(?:millions|milliards)\b|(?<=\bquelques )(?:millions|milliards)\b"
        r"|\bneufs\b|(?<=\bflambant )neuf\b|(?<=\bà )neuf\b(?!\s+\w)|(?<=\bde )neuf\b(?!\s+\w)",
        re.I,
    ),
    # Plural scales are vague in English ("hundreds of thousands", "tens of millions") and
    # after a determiner in French ("des millions", "plusieurs milliards").
    "en": re.compile(
        r"(?<=\bper )cent\b|\b(?:tens|dozens|scores|hundreds|thousands|millions|billions"
        r"|trillions)\b"
        # "several million", "a few thousand": a vague amount, like "plusieurs millions"
        r"|(?<=\bseveral )(?:hundred|thousand|million|billion)\b"
        r"|(?<=\bfew )(?:hundred|thousand|million|billion)\b"
        r"|(?<=\bmany )(?:hundred|thousand|million|billion)\b",
        re.I,
    ),
}
# « neuf » before a plural word is the number (« neuf points », « neuf mois »): the adjective
# (new) follows its noun and agrees with it (« des livres neufs »); text2num leaves it as a
# word after some words, so it is written as a figure first. Words ending in -s or -x that
# are no nouns (dans, sous, plus, mais) and scales (neuf cents) are left alone.
NINE_BEFORE_PLURAL = re.compile(
    r"(?i)(?<![\w-])(?<!flambant )neuf(?=\s+(?!(?:dans|sous|vers|sans|plus|moins|tres|très"
    r"|apres|après|depuis|puis|mais|pas|alors|toujours|jamais|parfois|lors|dès|des|les|ses"
    r"|ces|mes|tes|nos|vos|leurs|aux|pourtant|ailleurs|hors|tous|cents|mille|millions"
    r"|milliards)\b)[^\W\d_]{2,}[sx]\b)"
)
# An English number word joined to the next word by a hyphen ("a four-hectare park", "a
# ten-storey block"): the count of a compound adjective. The hyphen is read as a space; the
# count is weak (it matches but is never missed: "two-way", "one-sided" count nothing).
# Number words and fractions after the hyphen are the number itself (twenty-four,
# two-thirds).
EN_NUMBER_HYPHEN = re.compile(
    r"(?i)(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundred|thousand)(-)(?!(?:one|two|three|four|five"
    r"|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|half|halves|quarter)s?(?![\w]))(?=[a-z]{3,})"
)
# Small number words the reading leaves out (text2num converts only larger ones alone).
SMALL_NUMBER_WORDS = {
    "en": re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|first|second|third"
                     r"|fourth|fifth)\b", re.I),
    "fr": re.compile(r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|premi[eè]re?"
                     r"|deuxi[eè]me|second|seconde|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\b",
                     re.I),
}
# Set phrases whose numbers are no count: "24 heures sur 24", "sept jours sur sept" (always).
IDIOMS = {
    "fr": re.compile(r"\b(?P<n>\w+)\s+(?:heures|h|jours)\s+sur\s+(?P=n)\b", re.I),
    "en": re.compile(r"\b(?P<n>\w+)/(?P=n)\b|\b24/7\b", re.I),
}

NAMED_DAYS = {
    "en": {"bastille day": (7, 14), "christmas day": (12, 25), "christmas eve": (12, 24),
           "new year's day": (1, 1), "new year's eve": (12, 31), "armistice day": (11, 11),
           "all saints' day": (11, 1), "valentine's day": (2, 14), "may day": (5, 1),
           "halloween": (10, 31)},
    "fr": {"noël": (12, 25), "jour de l'an": (1, 1), "toussaint": (11, 1),
           "saint-valentin": (2, 14), "saint-sylvestre": (12, 31), "fête du travail": (5, 1),
           "fête nationale": (7, 14)},
}
NAMED_DAY = {
    lang: re.compile(r"(?i)(?<![\w-])(?:" + "|".join(map(re.escape, days)) + r")(?![\w-])")
    for lang, days in NAMED_DAYS.items()
}
PHONE = {
    "fr": re.compile(r"(?i)(?:(?:appel\w*|compos\w*|joindre|contact\w*|t[ée]l[ée]phon\w*)"
                     r"\s+(?:(?:d'urgence|gratuit)\s+)?(?:au|le)"
                     r"|num[ée]ros?(?:\s+(?:d'urgence|vert|gratuit|d'appel))?)\s+$"),
    "en": re.compile(r"(?i)\b(?:dial\w*|numbers?|hotline|helpline)\s+$"),
}
APPROXIMATE_SCALES = {"milliers": 1e3, "millions": 1e6, "milliards": 1e9}


# "six millions et demi" = "six and a half million" = "6.5 million"; "un million et demi" =
# "a million and a half". Written as one decimal so that both sides read 6.5 million.
# The same for a unit of time, weight or length: « quatre heures et demie » = "four and a half
# hours" = "4.5 hours", « deux ans et demi » = "two and a half years".
HALF_UNITS = {
    "fr": r"heures?|ans?|annees?|années?|jours?|semaines?|mois|siecles?|siècles?|minutes?"
          r"|kilos?|kilogrammes?|litres?|metres?|mètres?|kilometres?|kilomètres?|tonnes?",
    "en": r"hours?|years?|days?|weeks?|months?|centuries|century|minutes?|kilos?|kilograms?"
          r"|litres?|liters?|metres?|meters?|kilometres?|kilometers?|miles?|tonnes?|tons?",
}
HALF_SCALES = {"fr": r"millions?|milliards?|" + HALF_UNITS["fr"],
               "en": r"million|billion|thousand|hundred|" + HALF_UNITS["en"]}
SMALL_VALUES = {
    "fr": dict(zip("un une deux trois quatre cinq six sept huit neuf dix".split(),
                   (1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True)),
    "en": dict(zip("a an one two three four five six seven eight nine ten".split(),
                   (1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True)),
}
HALVES = {
    "fr": re.compile(rf"(?i)(?<![\d.,])\b(?P<n>\d+|{'|'.join(SMALL_VALUES['fr'])})\s+"
                     rf"(?P<scale>{HALF_SCALES['fr']})\s+et\s+demie?\b"),
    "en": re.compile(rf"(?i)(?<![\d.,])\b(?P<n>\d+|{'|'.join(SMALL_VALUES['en'])})\s+"
                     rf"(?:and\s+a\s+half\s+(?P<scale>{HALF_SCALES['en']})|(?P<scale2>{HALF_SCALES['en']})\s+and"
                     rf"\s+a\s+half)\b"),
}


HALF_TAIL = {"fr": re.compile(r"\s+et\s+demie?\b"), "en": re.compile(r"\s+and\s+a\s+half\b")}

# « la nuit du 14 au 15 avril » is the night of 14 April: the next day's date the other
# side may leave out.
NIGHT_OF = re.compile(r"(?i)\bnuit\s+du\s+(\d{1,2})\s+au\s+$")
# An anniversary named by one word: « le bicentenaire » is the 200th anniversary, a count
# the other side may give or not.
ANNIVERSARIES = {"cinquantenaire": 50.0, "centenaire": 100.0, "bicentenaire": 200.0,
                 "tricentenaire": 300.0, "quadricentenaire": 400.0}
ANNIVERSARY = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(ANNIVERSARIES) + r")(?![\w-])")
# A span of time counted in a larger unit: « deux décennies » is twenty years, "three
# centuries" three hundred years, « le huitième centenaire » the 800th anniversary; the
# other side may count it either way.
UNIT_SPANS = {
    "fr": re.compile(r"(?i)\s+(?:(décennies?)|(siècles?|centenaire)|(millénaires?))(?![\w-])"),
    "en": re.compile(r"(?i)\s+(?:(decades?)|(centur(?:y|ies))|(millenni(?:um|a)))(?![\w-])"),
}
# French counts a week as eight days and a fortnight as fifteen: « dans quinze jours » is
# "in two weeks" or "in a fortnight".
DAY_WEEKS = re.compile(r"(?i)\s+jours(?![\w-])")
WEEKS_OF_DAYS = {8.0: (7.0, 1.0), 15.0: (14.0, 2.0)}
# The same spans named with no number read on its own (one and two are not: see
# SMALL_NUMBER_WORDS): "a decade" is ten years, "two decades" twenty, « un demi-siècle »
# fifty, "a fortnight" fourteen days and "a week" seven.
NAMED_SPANS = {
    "fr": {"une décennie": 10.0, "deux décennies": 20.0, "un siècle": 100.0,
           "deux siècles": 200.0, "un demi-siècle": 50.0, "un millénaire": 1000.0,
           "deux millénaires": 2000.0},
    "en": {"a day": 1.0, "two days": 2.0, "three days": 3.0, "four days": 4.0,
           "a decade": 10.0, "one decade": 10.0, "two decades": 20.0,
           "a century": 100.0,
           "two centuries": 200.0, "half a century": 50.0, "a fortnight": 14.0,
           "two weeks": 14.0, "a week": 7.0, "a millennium": 1000.0, "two millennia": 2000.0},
}
NAMED_SPAN = {
    lang: re.compile(r"(?i)(?<![\w-])(?:" + "|".join(map(re.escape, spans)) + r")(?![\w-])")
    for lang, spans in NAMED_SPANS.items()
}
# A year used as a modifier between a determiner and a noun ("the 2008 crash").
BEFORE_NAMING_YEAR = re.compile(r"(?i)\b(?:the|a|an|its|his|her|their|this|that)\s+$")
AFTER_NAMING_YEAR = re.compile(r"\s+[a-z]")


# ---------------------------------------------------------------------------------------
# The scanner that reads numbers, dates, times and codes out of a sentence


_PERCENT = r"%|pour\s?cent|pourcent|pour\s100|percent|per\s?cent|pc\b|p\.c\."


def _month_pattern(lang: str) -> str:
    """Month names; only abbreviations take a full stop (a sentence's stop is not theirs)."""
    names = sorted(MONTHS[lang], key=len, reverse=True)
    alternatives = []
    for name in names:
        shown = name.capitalize() if lang == "en" else name
        alternatives.append(re.escape(shown) + ("" if name in FULL_MONTHS else r"\.?"))
    # English months are capitalised ("may" is a verb); French ones may open a sentence.
    return ("(?:" if lang == "en" else "(?i:") + "|".join(alternatives) + ")"


def _number_pattern(lang: str) -> str:
    if lang == "fr":
        return (
            r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?"  # 3 400 / 3 400,5
            r"|\d{1,3}(?:\.\d{3})+(?!\d)"  # 3.400 (French thousands, or a kept decimal)
            r"|\d+(?:[,.]\d+)?"
        )
    return r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@lru_cache(maxsize=2)
def scanner(lang: str) -> re.Pattern[str]:
    """One pattern for every quantity of a language, its kind told by the named group."""
    month = _month_pattern(lang)
    number = _number_pattern(lang)
    scales = "|".join(sorted(map(re.escape, SCALES[lang]), key=len, reverse=True))
    # "m" alone is metres unless a currency sign stands before the number.
    if lang == "fr":
        date = rf"(?P<day>\d{{1,2}})(?:er|ᵉʳ|e)?\s+(?P<month>{month})(?![\w])"
        time = r"(?P<hour>\d{1,2})\s?(?:h|heures?)(?:\s?(?P<minute>\d{2}))?(?![\w])"
        ordinal = r"(?P<ord>\d+)(?:e|ème|eme|è|ᵉ|er|ère|re|ᵉʳ)(?![\w])"
        # XIVe siècle, and each of "Xe–XIe siècle", "XVe et XVIe siècles", "entre le Xe et
        # le XVIe siècle"; an ordinal in I, V and X before a noun (Ve République, Xe
        # arrondissement, IIIe millénaire), never "Le" or "Ce"
        roman = (
            r"(?P<roman>[IVXLC]+)(?:e|ème|ᵉ)"
            r"(?=(?:\s*(?:[-–]|et|ou|au|à)\s*(?:(?:le|la|l')\s*)?[IVXLC]+(?:e|ème|ᵉ))*"
            r"\s+siècles?\b)"
            r"|(?P<roman_ord>[IVX]+)(?:e|ème|ᵉ)(?=\s+[^\W\d_])"
        )
        # les années 70; each decade of « les années 60 et 70 », « années 1980-1990 »
        decade = (
            r"(?:(?<=années\s)|(?<=années\s\d0\set\s)|(?<=années\s\d0\sou\s)"
            r"|(?<=années\s\d0[-–])|(?<=années\s\d{4}\set\s)|(?<=années\s\d{4}\sou\s)"
            r"|(?<=années\s\d{4}[-–]))(?P<decade>(?:19|20)?\d0)(?![\d])"
        )
        slash = r"(?P<slash_b>\d{1,2})/(?P<slash_a>\d{1,2})(?![\d/])"  # 11/9: day, month
        date_en = None
    else:
        date = rf"(?P<month>{month})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\w])"
        # "1 January", "1st of January", "the first of January" ("first" and "second" are
        # left as words by the reading of numbers)
        date_en = (rf"(?P<day2>\d{{1,2}}|(?i:first|second)(?=\s+of\s))(?:st|nd|rd|th)?\s+"
                   rf"(?:of\s+)?(?P<month2>{month})(?![\w])")
        time = (
            # 11:40 p.m., and the British 11.40 p.m.
            r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s?(?P<meridiem>a\.m\.|p\.m\.|am\b|pm\b)"
        )
        ordinal = r"(?P<ord>\d+)(?:st|nd|rd|th)(?![\w])"
        roman = None
        decade = (
            # "the 1600s" is a century (the seventeenth), read with the decades
            r"(?P<decade>1\d00|(?:19|20)?\d0)['’]?s(?![\w])|['’](?P<decade_short>\d0)s(?![\w])"
            r"|(?P<decade_word>(?i:twenties|thirties|forties|fifties|sixties|seventies"
            r"|eighties|nineties))"
        )
        slash = r"(?P<slash_a>\d{1,2})/(?P<slash_b>\d{1,2})(?![\d/])"  # 9/11: month, day
        # Wire style: "(0800 GMT)".
        time += r"|(?P<milhour>[0-2]\d)(?P<milmin>[0-5]\d)\s?(?=GMT|UTC|CET|EST|EDT)"
    parts = [date]
    if date_en:
        parts.append(date_en)
    parts += [decade, slash]
    # a length of time in hours and minutes: "two hours and 48 minutes", « deux heures et
    # 48 minutes », as « 2 h 48 »
    hours_word = "|".join(SMALL_VALUES[lang])
    duration = (
        rf"(?P<dur_h>\d{{1,2}}|(?i:{hours_word}))\s?(?i:hours?|hrs?|heures?)(?:,|\s+(?:and|et))?"
        r"\s+(?P<dur_m>\d{1,2})\s?(?i:minutes?|mins?)(?![\w])"
    )
    parts += [
        duration,
        time,
        r"(?P<clock>\d{1,2}):(?P<clockmin>\d{2})(?!\d)",
        ordinal,
    ]
    if roman:
        parts.append(roman)
    parts += [
        # a telephone number in groups, "0 800 123 456", « 01 42 68 53 00 », "+33 1 42 68 53
        # 00": a leading 0 or + is never a thousands group
        r"(?P<phone>(?:\+\d{1,3}[ \u00a0.]\d{1,4}|0\d{0,4})(?:[ \u00a0.]\d{2,4}){2,})"
        r"(?!\d|[.,]\d)",
        # (not an age group: "Under-18s", "over-65s")
        r"(?!(?i:under|over)[-‑]\d)(?P<code>[A-Z][A-Za-z]*[-‑]?\d+[A-Za-z\d]*)",
        rf"(?P<currency>[$€£¥]\s?)?(?P<number>{number})"
        rf"(?:\s?(?P<scale>(?i:{scales}))(?![\w]))?"
        rf"(?:\s?(?P<percent>(?i:{_PERCENT})))?",
    ]
    body = "|".join(f"(?:{p})" for p in parts)
    return re.compile(rf"(?<![\w.,])(?:{body})")


# ---------------------------------------------------------------------------------------
# Patterns the number reader uses around the numbers it reads.

# A scale word right after digits (40 millions, $25bn), masked while number words are read.
SCALE_AFTER_DIGIT = {
    lang: re.compile(
        r"(?<=\d)(\s*)(" + "|".join(sorted(map(re.escape, scales), key=len, reverse=True))
        + r")\b",
        re.I,
    )
    for lang, scales in SCALES.items()
}
# A range whose scale word is written once: « entre 46 et 50 millions », "3 to 5 billion".
RANGE_JOIN = re.compile(r"\s*(?:et|à|ou|and|to|or|-|–)\s*")
# "in her eighties", "his late 70s": a decade of someone's age, not of the calendar.
AGE_DECADE = re.compile(
    r"(?<![\w-])(?:her|his|their|its|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?$",
    re.IGNORECASE,
)
# « une trentaine », « une vingtaine de milliards »: an approximate count.
FR_APPROXIMATE = re.compile(rf"(?i)\b(?:une|la|d'une|un|le|d'un) ({'|'.join(APPROXIMATE)})"
                            rf"(?:\s+de\s+({'|'.join(APPROXIMATE_SCALES)}))?\b")


@dataclass(frozen=True)
class Quantity:
    """A number, date, time or code read from a sentence, with its place in the sentence."""

    kind: str  # "number", "date", "time", "code", "decade"
    value: Any  # float; (month, day); (hour, minute); folded code
    start: int
    end: int
    surface: str  # the exact text of the sentence it was read from
    weak: bool = False  # one or two written without scale: articles, "both", "first"
    alternatives: tuple[Any, ...] = ()  # other readings (1.500 is 1500 or 1.5)
    percent: bool = False
    # said in words without a figure (« une douzaine », "thousands", "a third", "tripled"):
    # matched or left out freely, but one on each side that differ is a mismatch
    vague: bool = False

    @property
    def readings(self) -> tuple[Any, ...]:
        return (self.value, *self.alternatives)

    def describe(self) -> str:
        if self.kind == "date":
            return f"date {self.value[0]:02d}-{self.value[1]:02d}"
        if self.kind == "time":
            return f"time {self.value[0]:02d}:{self.value[1]:02d}"
        if self.kind == "code":
            return f"code {self.value}"
        if self.kind == "decade":
            return f"decade {self.value:.0f}s"
        if self.kind == "magnitude":
            return f"{self.value:,.0f}s"  # "thousands" is 1,000s
        if self.kind == "fraction":
            return f"fraction {Fraction(self.value).limit_denominator(12)}"
        if self.kind == "multiple":
            return f"{self.value:g} times"
        number = f"{self.value:,.6g}" if abs(self.value) < 1e21 else str(self.value)
        return number + (" %" if self.percent else "")


def roman_value(text: str) -> int:
    """The value of a Roman numeral (XIX → 19)."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for char, following in zip(text, [*text[1:], ""], strict=True):
        value = values[char.upper()]
        total += -value if following and values[following.upper()] > value else value
    return total


def full_year(quantity: Quantity, previous: Quantity | None, text: str) -> Quantity:
    """The "23" of "2022-23" is the year 2023."""
    if (
        previous is not None
        and quantity.kind == "number"
        and len(quantity.surface) == 2
        and quantity.surface.isdigit()
        and previous.kind == "number"
        and len(previous.surface) == 4
        and previous.surface.isdigit()
        and text[previous.end : quantity.start] in ("-", "–", "/")
    ):
        century = int(previous.value) // 100 * 100
        return replace(quantity, value=float(century + int(quantity.surface)))
    return quantity


# Half of a scale: "half a million" and « un demi-million » are 500,000, « un demi-milliard »
# "half a billion"; rewritten as a decimal of the scale, as « six millions et demi ».
HALF_OF_SCALE = {
    "fr": (re.compile(r"(?i)(?<![\w-])un\s+demi-(millions?|milliards?)(?![\w-])"), "0,5 "),
    "en": (re.compile(r"(?i)(?<![\w-])(?:half\s+an?|an?\s+half[\s-])\s*(million|billion)"
                      r"(?![\w-])"), "0.5 "),
}
