"""Linking the reference's names into the French of one aligned pair.

Each reference name is found in the MT as is, as a known French form, or word by word
(identical, exonym, transliteration, then fuzzy): a fuzzy link is ``entity_drift``; a name
with no plausible French mention is ``entity_missing``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from mtqa.checks.base import CheckContext, finding, witnesses
from mtqa.checks.entities.names import (
    _TOKEN,
    DETECTOR,
    MIN_FUZZY_LENGTH,
    MISSING_LABELS,
    PLACE_LINK_THRESHOLD,
    EntitySettings,
    Link,
    Part,
    ReferenceName,
    _split,
    demonym,
    name_similarity,
    same_name,
    transliteration_key,
)
from mtqa.checks.entities.places import (
    apertium_names,
    capitals,
    geonames_same_place,
    names_with_regions,
    regions_of,
)
from mtqa.language.lexicons import Exonyms, entity_words, exonyms
from mtqa.language.text import find_word, fold, fold_keep_length
from mtqa.model import DocumentResult, Finding, Pair

# ---------------------------------------------------------------------------------------
# Linking one pair


@dataclass
class PairOutcome:
    links: list[Link] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Reference names with words that no French word renders, and the entity_missing
    # finding reported for the name, if any (the MT-side check may turn it into drift).
    unlinked: list[tuple[ReferenceName, list[Part], Finding | None]] = field(
        default_factory=list
    )


def _find_forms(text: str, forms: Iterable[str], folded: str) -> Part | None:
    for form in sorted(forms, key=len, reverse=True):
        span = find_word(text, form, folded_text=folded)
        if span:
            return Part(text[span[0] : span[1]], *span)
    return None


_LINK_WORDS = frozenset("de du des d la le les l et en pour sur a au aux".split())


def spelt_out(name: str, mt_text: str) -> bool:
    """A name written as an acronym (Inrap, Cnil, Insee) whose letters are the initials of
    words of the MT that begin with a capital, as French writes an institution out in full
    (« l'Institut national de recherches archéologiques préventives »); linking words
    (de, la, et) have no letter of their own."""
    letters = fold(name).lower()
    if not 3 <= len(letters) <= 8 or not letters.isalpha():
        return False
    words = [w for w in re.split(r"[\s'’-]+", mt_text) if w and fold(w).lower() not in _LINK_WORDS]
    initials = "".join(fold(w)[:1].lower() for w in words)
    at = initials.find(letters)
    while at >= 0:
        if words[at][:1].isupper():
            return True
        at = initials.find(letters, at + 1)
    return False


def _adjective_found(name: ReferenceName, mt_text: str, tables: Exonyms,
                     ref_text: str = "") -> bool:
    """A place named by its French adjective: "the U.S. envoy" → "l'émissaire américain";
    a country named before its national body ("France's national agency") → « l'agence
    nationale »."""
    if not name.place:
        return False
    if _NATIONAL_AFTER.match(ref_text, name.core.end) and _NATIONAL.search(mt_text):
        return True
    stems = set(tables.adjectives.get(fold(name.core.text), ()))
    for form in tables.french_forms(name.core.text) | {fold(name.core.text)}:
        head = form.split()[0] if form else ""
        if len(head) >= 4:
            stems.add(head[: 3 if len(head) <= 5 else 4])
    words = {fold(w) for w in _TOKEN.findall(mt_text) if w[:1].islower()}
    # a nationality as a noun is capitalised after its article: « la Polonaise Iga
    # Swiatek » for "Poland's Iga Swiatek", « le Norvégien » for "the Norwegian"
    words |= {fold(m.group(1)) for m in _DEMONYM_NOUN.finditer(mt_text)}
    return any(w.startswith(stem) for w in words for stem in stems if stem)


def _nationality_nouns(mt_text: str) -> list[str]:
    """The nationalities the French uses as nouns (« l'Italien », « la Polonaise »): a
    capitalised common word after its article that begins like a country's French name."""
    stems = _country_stems()
    found = [m.group(1) for m in _DEMONYM_NOUN.finditer(mt_text)]
    analyses = apertium_names().french(found) if found else {}
    return [word for word in found if analyses[word].common
            and any(fold(word).startswith(stem) for stem in stems)]


@lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    """The first four letters of each country's one-word French names: a nationality
    begins like its country (norv: Norvège, norvégien; polo: Pologne, polonais)."""
    tables = exonyms()
    stems = set()
    for country in capitals():
        for form in tables.french_forms(country) - {country}:
            if " " not in form and "-" not in form and len(form) >= 5:
                stems.add(form[:4])
    return frozenset(stems)


_NATIONAL_AFTER = re.compile(r"['’]s?\s+(?:national|nation-wide|nationwide|federal)(?![\w-])",
                             re.IGNORECASE)
_NATIONAL = re.compile(r"(?<![\w-])(?:nationa(?:l|le|les|ux)|f[ée]d[ée]ra(?:l|le|les|ux))"
                       r"(?![\w-])", re.IGNORECASE)
_DEMONYM_NOUN = re.compile(r"(?:(?<![\w-])(?i:le|la|les|du|des|au|aux|un|une)\s+"
                           r"|(?<![\w-])(?i:l)['’])([A-ZÀ-Ý][\w-]+)")


def _bt_support(
    pair: Pair, engines: Sequence[str], mt_form: str, ref_form: str
) -> tuple[tuple[str, ...], str | None]:
    """Engines whose back-translation keeps the MT's wrong form and not the reference form."""

    def judge(bt: str) -> tuple[bool, str | None]:
        span = find_word(bt, mt_form)
        if not span or find_word(bt, ref_form):
            return False, None
        return True, bt[span[0] : span[1]]

    return witnesses(pair, engines, judge)


def _covering(text: str, parts: Sequence[Part]) -> Part | None:
    """One span over parts when they form one run of a name (only spaces/hyphens between)."""
    ordered = sorted(parts, key=lambda p: p.start)
    for left, right in zip(ordered, ordered[1:], strict=False):
        if not re.fullmatch(r"[\s‐-]*", text[left.end : right.start]):
            return None
    if not ordered:
        return None
    return Part(text[ordered[0].start : ordered[-1].end], ordered[0].start, ordered[-1].end)


def _link_pair(
    result: DocumentResult,
    pair: Pair,
    names: Sequence[ReferenceName],
    mt_words: Sequence[Part],
    ctx: CheckContext,
    conf: EntitySettings,
) -> PairOutcome:
    tables = exonyms()
    outcome = PairOutcome()
    mt_text = pair.mt_text
    folded_mt = fold_keep_length(mt_text)
    ref_words = {fold(w) for w in _TOKEN.findall(pair.ref_text)}
    pending: list[ReferenceName] = []

    # Pass 1: whole names, as they are or as a known French form.
    claimed: set[tuple[int, int]] = set()
    for name in names:
        found = _find_forms(mt_text, [name.core.text], folded_mt)
        relation = "identical"
        if found is None:
            found = _find_forms(mt_text, tables.french_forms(name.core.text), folded_mt)
            relation = "exonym"
        if found is not None:
            claimed.update((p.start, p.end) for p in _split(mt_text, found.start, found.end))
            if relation == "identical":
                # Keep word-level links so a later misspelling of one word clusters with them.
                inside = _split(mt_text, found.start, found.end)
                for word in name.words:
                    match = next((p for p in inside if fold(p.text) == fold(word.text)), None)
                    if match is not None:
                        outcome.links.append(
                            Link(pair, _word_key(word.text), word.text, match, "identical", 1.0)
                        )
            else:
                key = (
                    _word_key(name.core.text)
                    if len(name.words) == 1
                    else "name:" + fold(name.core.text)
                )
                outcome.links.append(Link(pair, key, name.core.text, found, relation, 1.0))
            continue
        if name.acronym or not name.words:
            continue  # acronyms and wholly translatable names are not judged letter by letter
        if _adjective_found(name, mt_text, tables, pair.ref_text):
            continue
        if spelt_out(name.core.text, mt_text):
            continue  # "Inrap" for « l'Institut national de recherches archéologiques … »
        pending.append(name)

    # Pass 2: word by word. Exact-like matches first, so a fuzzy link never steals a French
    # word that is another name's correct rendering.
    exact: dict[tuple[int, int], tuple[Part, str]] = {}
    for name in pending:
        for word in name.words:
            for candidate in mt_words:
                relation_found = same_name(word.text, candidate.text, place=name.place)
                if relation_found:
                    exact[(name.core.start, word.start)] = (candidate, relation_found)
                    claimed.add((candidate.start, candidate.end))
                    break
    for candidate in mt_words:
        if fold(candidate.text) in ref_words:
            claimed.add((candidate.start, candidate.end))

    for name in pending:
        statuses: list[tuple[Part, Part | None, str, float]] = []
        for word in name.words:
            hit = exact.get((name.core.start, word.start))
            if hit is not None:
                statuses.append((word, hit[0], hit[1], 1.0))
                continue
            best: tuple[float, Part | None] = (0.0, None)
            if len(word.text) >= MIN_FUZZY_LENGTH:
                for candidate in mt_words:
                    if (candidate.start, candidate.end) in claimed:
                        continue
                    if len(candidate.text) < MIN_FUZZY_LENGTH:
                        continue
                    score = name_similarity(word.text, candidate.text)
                    if score > best[0]:
                        best = (score, candidate)
            threshold = conf.link_threshold
            if name.place:
                threshold = max(threshold, PLACE_LINK_THRESHOLD)
            if best[1] is not None and best[0] >= threshold and demonym(word.text, best[1].text):
                # « les Bordelais » for "the people of Bordeaux": the French names the place's
                # inhabitants, no other spelling of the place
                statuses.append((word, None, "demonym", best[0]))
            elif best[1] is not None and best[0] >= threshold:
                statuses.append((word, best[1], "fuzzy", best[0]))
                claimed.add((best[1].start, best[1].end))  # one French word, one name word
            else:
                statuses.append((word, None, "none", best[0]))
        for word, mt_part, relation, score in statuses:
            if mt_part is not None:
                outcome.links.append(
                    Link(pair, _word_key(word.text), word.text, mt_part, relation, score)
                )
        drifted = [s for s in statuses if s[2] == "fuzzy"]
        missing = None
        if drifted:
            outcome.findings.append(_drift(result, pair, name, statuses, ctx))
        elif all(s[2] == "none" for s in statuses) and conf.report_missing:
            missing = _missing(result, pair, name, ctx, conf)
            if missing is not None:
                outcome.findings.append(missing)
        lost = [w for w, _, relation, _ in statuses if relation == "none"]
        if lost and not drifted:
            outcome.unlinked.append((name, lost, missing))
    return outcome


def _word_key(word: str) -> str:
    return "word:" + transliteration_key(word, "en")


def drift_finding(
    result: DocumentResult,
    pair: Pair,
    name: ReferenceName,
    mt_span: Part,
    ref_span: Part,
    *,
    message: str,
    linked_by: str,
    how: Mapping[str, Any],
    engines: Sequence[str],
    bt_span: str | None = None,
) -> Finding:
    """The MT renders the reference's ``name`` as another name: ``mt_span`` for ``ref_span``.
    Critical; its evidence gives the name's label, what linked the two sides (``linked_by``,
    with the particulars in ``how``) and which recogniser found the name."""
    return finding(
        result,
        pair,
        kind="entity_drift",
        severity="critical",
        detector=DETECTOR,
        message=message,
        mt_span=mt_span.text,
        ref_span=ref_span.text,
        bt_span=bt_span,
        engines=engines,
        evidence={
            "label": name.mention.label,
            "linked_by": linked_by,
            **how,
            "ner": name.mention.source,
        },
    )


# A name on one side of a pair with no form on the other (``ref_span``: a reference name the
# MT lacks; ``mt_span``: an MT name the reference lacks): always critical.
missing_finding = partial(finding, kind="entity_missing", severity="critical", detector=DETECTOR)


def _drift(
    result: DocumentResult,
    pair: Pair,
    name: ReferenceName,
    statuses: Sequence[tuple[Part, Part | None, str, float]],
    ctx: CheckContext,
) -> Finding:
    linked = [(w, m, r, s) for w, m, r, s in statuses if m is not None]
    drifted = [(w, m, r, s) for w, m, r, s in linked if r == "fuzzy"]
    mt_forms = [m.text for _, m, _, _ in drifted if m is not None]
    mt_span = _covering(pair.mt_text, [m for _, m, _, _ in linked if m is not None])
    ref_span = _covering(pair.ref_text, [w for w, _, _, _ in linked])
    if mt_span is None or ref_span is None:  # scattered: point at the first drifted word
        first = drifted[0]
        mt_span = first[1] or Part(mt_forms[0], 0, 0)
        ref_span = first[0]
    ref_forms = [w.text for w, _, _, _ in drifted]
    engines, bt_span = _bt_support(pair, ctx.engines, mt_forms[0], ref_forms[0])
    pairs_text = ", ".join(f"{m!r} for {r!r}" for m, r in zip(mt_forms, ref_forms, strict=True))
    return drift_finding(
        result, pair, name, mt_span, ref_span,
        message=f"The MT spells the name {ref_span.text!r} as {mt_span.text!r} ({pairs_text}).",
        linked_by="word similarity within the aligned pair",
        how={
            "words": [
                {
                    "ref": w.text,
                    "mt": m.text if m is not None else None,
                    "relation": r,
                    "similarity": round(s, 3),
                    "ref_key": transliteration_key(w.text, "en"),
                    "mt_key": transliteration_key(m.text, "fr") if m is not None else None,
                }
                for w, m, r, s in statuses
            ],
        },
        engines=engines,
        bt_span=bt_span,
    )


def _named_organisation(name: ReferenceName) -> bool:
    """An organisation known by a name of its own (Siemens, Oxfam, Hunan TV), which French
    keeps as it is: one or two words, each a name word, none of them an English word that a
    translation would render (the Labour Party, the Met Office), no acronym (the NHS may be
    spelt out)."""
    if name.mention.label != "ORG" or not name.words or name.acronym:
        return False
    parts = _split(name.core.text, 0, len(name.core.text))
    if len(parts) > 2 or len(parts) != len(name.words):
        return False  # a word of it is translated (the Uffizi Gallery, la galerie des Offices)
    analyses = apertium_names().english_words([w.text for w in name.words])
    return not any(a.common for a in analyses.values())


def _missing(
    result: DocumentResult,
    pair: Pair,
    name: ReferenceName,
    ctx: CheckContext,
    conf: EntitySettings,
) -> Finding | None:
    """A name is missing only when nothing in or around the pair could be it."""
    label = name.mention.label
    if name.mention.source == "rules":
        # The rule cannot tell a person from a capitalised common word at a sentence start.
        if label not in ("NAME", "GPE", "LOC") or name.mention.sentence_initial:
            return None
    elif label not in MISSING_LABELS and not _named_organisation(name):
        return None
    # A title-cased heading or a translated name ("Doctors Without Borders", which the
    # small English pipeline may call a person) holds common or organisation words.
    lists = entity_words()
    parts = _split(pair.ref_text, name.core.start, name.core.end)
    if len(parts) > 4 or any(
        fold(p.text) in lists.common.get("en", ()) or fold(p.text) in lists.org_words
        for p in parts
    ):
        return None
    if not pair.aligned:
        return None
    analyses = apertium_names().english_words([w.text for w in name.words])
    if name.words and all(a.common_only for a in analyses.values()):
        return None  # "the Northern Lights": a name made of common words gets translated
    mt_words = _TOKEN.findall(pair.mt_text)
    capital = capitals().get(fold(name.core.text))
    if capital and any(geonames_same_place(m, capital) for m in mt_words if m[:1].isupper()):
        return None  # "Berlin a promis" for "Germany has promised": the capital stands for it
    tables = exonyms()
    region = {fold(name.core.text)} | tables.french_forms(name.core.text)
    if any(regions_of(m) & region for m in names_with_regions(pair.mt_text)):
        return None  # "Normandy" for « la Seine-Maritime »: a place within it
    if any(find_word(pair.mt_text, form)
           for phrase in tables.phrases_in(pair.ref_text, name.core.text)
           for form in tables.french_forms(phrase) - {phrase}):
        return None  # "the Paris region" rendered « l'Île-de-France »
    best = max(
        (name_similarity(w.text, m) for w in name.words for m in mt_words),
        default=0.0,
    )
    if best >= conf.missing_threshold:
        return None
    if label in ("PERSON", "NAME") and _nationality_nouns(pair.mt_text):
        return None  # « le Norvégien » for "Ruud": French news names a person by nationality
    lacking: list[str] = []
    for engine in ctx.engines:
        bt = pair.bt.get(engine)
        if bt is None:
            continue
        if any(find_word(bt, w.text) for w in name.words):
            return None  # a back-translation found it: the French has it in some form
        lacking.append(engine)
    # The aligner may have put the name's sentence next door: look at the neighbours.
    neighbours = {i for m in pair.mt for i in (m - 1, m + 1)} - set(pair.mt)
    forms = [w.text for w in name.words] + sorted(exonyms().french_forms(name.core.text))
    for index in neighbours:
        if 0 <= index < len(result.mt_segments):
            text = result.mt_segments[index].text
            if any(find_word(text, form) for form in forms):
                return None
    return missing_finding(
        result, pair, ref_span=name.core.text,
        message=f"The reference names {name.core.text!r}; the aligned MT has no form of it.",
        engines=lacking,
        evidence={
            "label": label,
            "best_similarity": round(best, 3),
            "words": [w.text for w in name.words],
            "ner": name.mention.source,
        },
    )


