"""Reading the quantities of a French or English sentence into comparable values: digits
with either language's separators (3 400, 3 400, 3,400, 7,5, 7.5), scales (40 millions, 1,5
milliard, $25 million, €2bn), number words (through text2num's ``alpha2digit``),
percentages, ordinals, dates (1er mars = March 1, Feb. 24 = 24 février), clock times (15 h =
3 p.m.), lengths of time (2 h 48 = two hours and 48 minutes), codes (G20, F-16) and
telephone numbers in groups (0 800 123 456). The number check (``mtqa.checks.numbers``)
compares what it reads; the scanner's patterns are in ``mtqa.language.numerals``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from mtqa.language.amounts import vague_amounts
from mtqa.language.measures import french_counts, in_other_units
from mtqa.language.numerals import (
    AGE_DECADE,
    ANNIVERSARIES,
    ANNIVERSARY,
    APPROXIMATE,
    APPROXIMATE_SCALES,
    DAY_WEEKS,
    DECADE_WORDS,
    EN_NUMBER_HYPHEN,
    FR_APPROXIMATE,
    HALF_OF_SCALE,
    HALF_TAIL,
    HALVES,
    IDIOMS,
    MONTHS,
    NAMED_DAY,
    NAMED_DAYS,
    NAMED_SPAN,
    NAMED_SPANS,
    NIGHT_OF,
    NINE_BEFORE_PLURAL,
    PHONE,
    PROTECT,
    RANGE_JOIN,
    SCALE_AFTER_DIGIT,
    SCALES,
    SMALL_VALUES,
    UNIT_SPANS,
    WEEKS_OF_DAYS,
    Quantity,
    full_year,
    roman_value,
    scanner,
)

log = logging.getLogger(__name__)

_MASK = "§"


# ---------------------------------------------------------------------------------------
# Number words


def _offset_maps(original: str, converted: str) -> tuple[Any, Any]:
    """Functions mapping start/end offsets in converted text back to the original."""
    ops = SequenceMatcher(None, original, converted, autojunk=False).get_opcodes()

    def start(c: int) -> int:
        for tag, i1, _i2, j1, j2 in ops:
            if j1 <= c < j2:
                return i1 + (c - j1) if tag == "equal" else i1
        return len(original)

    def end(c: int) -> int:
        for tag, i1, i2, j1, j2 in ops:
            if j1 < c <= j2:
                return i1 + (c - j1) if tag == "equal" else i2
        return 0

    return start, end


_NUMBER_UNIT_HYPHEN = re.compile(
    r"(?<=[a-z])-(?=(?:hour|day|week|month|year|minute|second|mile|metre|meter|kilometre"
    r"|kilometer|foot|feet|inch|point|man|member|seat|storey|story|game|match|page|time"
    # "third-quarter sales", "a second-round vote": a period or a rank, as « au troisième
    # trimestre », « au second tour »
    r"|quarter|half|round|set|leg|stage|place|term|generation|century|floor|tier)s?"
    # "a nine-year-old boy", "a two-hour-long debate": an age or length, as « de neuf ans »
    r"(?:-(?:old|long)(?![\w-])|(?![\w-])))",
    re.IGNORECASE,
)


def _halves(text: str, lang: str) -> str:
    def write(match: re.Match[str]) -> str:
        number = match.group("n")
        value = int(number) if number.isdigit() else SMALL_VALUES[lang][number.lower()]
        scale = match.group("scale") or match.groupdict().get("scale2") or ""
        return f"{value}{',' if lang == 'fr' else '.'}5 {scale}"

    pattern, half = HALF_OF_SCALE[lang]
    return pattern.sub(lambda m: half + m.group(1), HALVES[lang].sub(write, text))


@lru_cache(maxsize=1)
def _alpha2digit() -> Any | None:
    try:
        from text_to_num import alpha2digit
    except ImportError:
        log.info("text2num is not installed: numbers written in words are not compared")
        return None
    return alpha2digit


def _words_to_digits(text: str, lang: str) -> str:
    """text with number words as digits, same meaning; masks what text2num would misread."""
    convert = _alpha2digit()
    if convert is None:
        return text
    masked_words: list[str] = []

    def mask(word: str) -> str:
        masked_words.append(word)
        return _MASK * len(word)

    # Scale words after digits stay words ("2.5 million" would become "2.5 1000000").
    # "a twenty-four-hour strike", "a five-year plan": the number word stands apart from its
    # unit (same length, so offsets hold).
    text = _NUMBER_UNIT_HYPHEN.sub(" ", text)
    if lang == "en":  # "a four-hectare park": any other compound's count (weak: quantities)
        text = EN_NUMBER_HYPHEN.sub(lambda m: m.group()[:-1] + " ", text)
    else:
        text = NINE_BEFORE_PLURAL.sub("9", text)
    text = _halves(text, lang)
    masked = SCALE_AFTER_DIGIT[lang].sub(lambda m: m.group(1) + mask(m.group(2)), text)
    masked = PROTECT[lang].sub(lambda m: mask(m.group()), masked)
    converted = str(convert(masked, lang))
    if not masked_words:
        return converted
    words = iter(masked_words)
    return re.sub(re.escape(_MASK) + "+", lambda m: next(words, m.group()), converted)


# ---------------------------------------------------------------------------------------
# Reading quantities (the scanner's patterns: mtqa.language.numerals.scanner)


def _parse_number(text: str, lang: str) -> tuple[float, tuple[float, ...]]:
    """The value of a digit string, with the other reading where separators are ambiguous."""
    compact = re.sub(r"[ \u00a0\u202f]", "", text)
    if lang == "fr":
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
            dotted = float(compact.replace(".", ""))
            return dotted, (float(compact),) if compact.count(".") == 1 else ()
        if re.fullmatch(r"\d{1,3},\d{3}", compact):
            # 45,000 in French text is English left untranslated as often as 45.000.
            return float(compact.replace(",", ".")), (float(compact.replace(",", "")),)
        return float(compact.replace(",", ".")), ()
    return float(compact.replace(",", "")), ()


def quantities(text: str, lang: str) -> list[Quantity]:
    """The numbers, dates, times and codes of a sentence, in order, with exact spans."""
    converted = _words_to_digits(text, lang)
    if converted != text:
        map_start, map_end = _offset_maps(text, converted)
    else:
        map_start, map_end = (lambda c: c), (lambda c: c)
    found: list[Quantity] = []
    months = MONTHS[lang]
    idioms = [m.span() for m in IDIOMS[lang].finditer(text)]
    for match in scanner(lang).finditer(converted):
        groups = match.groupdict()
        start, end = map_start(match.start()), map_end(match.end())
        surface = text[start:end].strip().rstrip("-")  # "nine-" of "nine-year-old"
        start = text.index(surface, start) if surface else start
        end = start + len(surface)
        if not surface:
            continue
        tail = HALF_TAIL[lang].match(text, end)
        if tail and groups.get("number"):  # "six millions et demi", "a million and a half"
            end, surface = tail.end(), text[start : tail.end()]
        quantity = _read(groups, lang, months, start, end, surface)
        if quantity is not None and any(a <= start and end <= b for a, b in idioms):
            continue
        if quantity is not None and quantity.kind == "decade" and AGE_DECADE.search(
            text[:start]
        ):
            # "in her eighties", "in his late 70s": an age, as « à plus de 80 ans »
            quantity = Quantity("number", quantity.value % 100, start, end, surface)
        if quantity is not None:
            found.append(full_year(quantity, found[-1] if found else None, text))
    found = _shared_scales(found, text)
    if lang == "en":
        hyphens = {m.end() - 1 for m in EN_NUMBER_HYPHEN.finditer(text)} - {
            m.start() for m in _NUMBER_UNIT_HYPHEN.finditer(text)}
        found = [replace(q, weak=True) if q.end in hyphens else q for q in found]
    # Named days: "Bastille Day" is « le 14 Juillet », « Noël » is December 25; a count the
    # other side may give either way, so it matches but is never missed.
    found += [Quantity("date", NAMED_DAYS[lang][m.group().lower()], m.start(), m.end(),
                       m.group(), weak=True) for m in NAMED_DAY[lang].finditer(text)]
    found.sort(key=lambda q: q.start)
    # A service's telephone number (« un appel au 15 », "dial 999"): the other side may
    # name the service instead ("the emergency number", « les pompiers »), so it matches
    # but is never missed.
    found = [replace(q, weak=True) if q.kind == "number" and PHONE[lang].search(
        text[max(0, q.start - 40):q.start]) else q for q in found]
    found = _spans_of_time(found, text, lang)
    found = in_other_units(found, text, lang)
    if lang == "fr":
        found = french_counts(_french_spans_of_time(found, text), text, idioms)
        # "une trentaine" (about thirty): a count the other side may give as "about 30",
        # "some thirty" or not at all, so it matches but is never missed
        # (« une vingtaine de milliards » = some 20 billion)
        found += [Quantity("number", APPROXIMATE[m.group(1).lower()]
                           * APPROXIMATE_SCALES.get((m.group(2) or "").lower(), 1.0),
                           m.start(), m.end(), m.group(), weak=True, vague=True)
                  for m in FR_APPROXIMATE.finditer(text)]
    amounts = [Quantity(kind, value, start, end, text[start:end], weak=True, vague=True)
               for kind, value, start, end in vague_amounts(text, lang)]
    # "a third of", « deux tiers »: a fraction, not the ordinal or the count inside it
    found = [q for q in found if not any(a.start <= q.start and q.end <= a.end for a in amounts)]
    found += amounts
    found.sort(key=lambda q: q.start)
    return found


def _shared_scales(found: list[Quantity], text: str) -> list[Quantity]:
    """The first number of a range also read with the second's scale (46 → 46 million)."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != "number" or b.kind != "number" or not a.surface.replace(",", "").replace(
            ".", ""
        ).isdigit() or not RANGE_JOIN.fullmatch(text[a.end : b.start]):
            continue
        base = re.match(r"[\d.,\s\u00a0\u202f]+", b.surface)
        if base is None or base.end() >= len(b.surface):
            continue  # the second number has no scale word
        try:
            digits = float(base.group().strip().replace(" ", "").replace(",", "."))
        except ValueError:
            continue
        if digits <= 0 or b.value / digits < 1000 or a.value >= digits * 10:
            continue
        scale = b.value / digits
        out[i] = replace(a, alternatives=(*a.alternatives, a.value * scale))
    return out


def _spans_of_time(found: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """Spans of time the other side may count in another unit: "two decades" is also 20
    (years), « quinze jours » also 14 and 2 (weeks); "a decade" is a count of its own, which
    matches but is never missed."""
    out = []
    for q in found:
        unit = UNIT_SPANS[lang].match(text, q.end) if q.kind == "number" else None
        extra: tuple[float, ...] = (
            (q.value * (10 if unit.group(1) else 100 if unit.group(2) else 1000),) if unit else ()
        )
        if lang == "fr" and q.kind == "number" and DAY_WEEKS.match(text, q.end):
            extra = WEEKS_OF_DAYS.get(q.value, ())
        out.append(replace(q, alternatives=(*q.alternatives, *extra)) if extra else q)
    out += [Quantity("number", NAMED_SPANS[lang][m.group().lower()], m.start(), m.end(),
                     m.group(), weak=True) for m in NAMED_SPAN[lang].finditer(text)]
    return sorted(out, key=lambda q: q.start)


def _french_spans_of_time(found: list[Quantity], text: str) -> list[Quantity]:
    out = []
    for quantity in found:
        night = NIGHT_OF.search(text[: quantity.start])
        if quantity.kind == "date" and night and int(night.group(1)) + 1 == quantity.value[1]:
            quantity = replace(quantity, weak=True)
        out.append(quantity)
    out += [Quantity("number", ANNIVERSARIES[m.group().lower()], m.start(), m.end(), m.group(),
                     weak=True)
            for m in ANNIVERSARY.finditer(text)
            if not any(q.end <= m.start() and not text[q.end : m.start()].strip() for q in found)]
    out.sort(key=lambda q: q.start)
    return out


def _read(
    groups: dict[str, str | None],
    lang: str,
    months: dict[str, int],
    start: int,
    end: int,
    surface: str,
) -> Quantity | None:
    if groups.get("month") or groups.get("month2"):
        month_word = (groups.get("month") or groups.get("month2") or "").rstrip(".").lower()
        day_word = (groups.get("day") or groups.get("day2") or "0").lower()
        day = {"first": 1, "second": 2}.get(day_word) or int(day_word)
        month = months.get(month_word)
        if month is None or not 1 <= day <= 31:
            return None
        return Quantity("date", (month, day), start, end, surface)
    if groups.get("hour"):
        hour, minute = int(groups["hour"] or 0), int(groups.get("minute") or 0)
        meridiem = (groups.get("meridiem") or "").lower()
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
        # "2 heures" is as often a duration as a time: weak like the number 2.
        weak = hour <= 2 and minute == 0 and not meridiem
        return Quantity("time", (hour, minute), start, end, surface, weak=weak)
    if groups.get("dur_h"):
        hours = groups["dur_h"] or "0"
        hour = int(hours) if hours.isdigit() else SMALL_VALUES[lang][hours.lower()]
        return Quantity("time", (hour, int(groups.get("dur_m") or 0)), start, end, surface)
    if groups.get("phone"):
        return Quantity("code", re.sub(r"\D", "", groups["phone"] or ""), start, end, surface)
    if groups.get("milhour"):
        hour, minute = int(groups["milhour"] or 0), int(groups["milmin"] or 0)
        return Quantity("time", (hour, minute), start, end, surface)
    if groups.get("clock"):
        hour, minute = int(groups["clock"] or 0), int(groups["clockmin"] or 0)
        if hour > 24 or minute > 59:
            return None
        return Quantity("time", (hour, minute), start, end, surface)
    if groups.get("ord"):
        value = float(groups["ord"] or 0)
        return Quantity("number", value, start, end, surface, weak=value <= 2)
    if groups.get("slash_a"):
        # 9/11 (English, month first) and 11/9 (French, day first); the other order too
        first, second = int(groups["slash_a"] or 0), int(groups.get("slash_b") or 0)
        readings = [(m, d) for m, d in ((first, second), (second, first))
                    if 1 <= m <= 12 and 1 <= d <= 31]
        if not readings:
            return None
        return Quantity("date", readings[0], start, end, surface,
                        alternatives=tuple(readings[1:]))
    decade = groups.get("decade") or groups.get("decade_short") or groups.get("decade_word")
    if decade:
        return _decade(decade, start, end, surface)
    if groups.get("roman") or groups.get("roman_ord"):
        numeral = groups.get("roman") or groups.get("roman_ord") or ""
        value = float(roman_value(numeral))  # « IIe siècle » is "the second century"
        return Quantity("number", value, start, end, surface, weak=value <= 2)
    if groups.get("code"):
        code = re.sub(r"[-‑]", "", groups["code"] or "").casefold()
        if lang == "en" and re.search(r"\ds$", groups["code"] or ""):
            code = code[:-1]  # "68 A350s", "F-16s": English plurals of a model, « 68 A350 »
        return Quantity("code", code, start, end, surface)
    digits = groups.get("number")
    if not digits:
        return None
    value, alternatives = _parse_number(digits, lang)
    scale_word = (groups.get("scale") or "").lower()
    scale = SCALES[lang].get(scale_word, 1.0)
    if scale_word in ("m", "k") and not groups.get("currency"):
        scale = 1.0  # 25 m is metres, 5 k a grade; only $25m, €5k are amounts
    value *= scale
    alternatives = tuple(a * scale for a in alternatives)
    percent = bool(groups.get("percent"))
    weak = scale == 1.0 and not percent and value in (1.0, 2.0) and "." not in digits
    return Quantity(
        "number", value, start, end, surface, weak=weak, alternatives=alternatives,
        percent=percent,
    )





def _decade(text: str, start: int, end: int, surface: str) -> Quantity:
    """The 1970s, the '70s, the seventies, les années 70: one decade (70 may be 2070...)."""
    year = DECADE_WORDS.get(text.lower())
    year = year if year is not None else int(text)
    if year >= 100:
        return Quantity("decade", float(year), start, end, surface)
    return Quantity("decade", float(1900 + year), start, end, surface,
                    alternatives=(float(2000 + year),))


__all__ = ["quantities"]
