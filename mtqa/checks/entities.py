"""Named-entity checks: drift, loss and inconsistency of proper names in the MT.

Owns the kinds ``entity_drift``, ``entity_missing`` and ``entity_inconsistent``.

Link first, judge second. Similarity alone cannot tell a misspelt name from a correct
French form (a transliteration scores as close as a typo), so every reference name is first
linked to its mention in the aligned French, then judged:

1. the whole name appears as is, or as a known French form (pycountry's French country
   names, the cities, regions, bodies and personal names of ``configs/exonyms.toml``), or as
   a French adjective of a place → fine;
2. otherwise each word of the name is linked to a capitalised French word: identical, a
   known exonym or the same after French ↔ English transliteration rules (ï/y, ou/u,
   tch/ch, ch/sh, dj/j, j/zh, doubled letters, mute final e) → fine; close but different →
   ``entity_drift``;
3. a name with no plausible French mention at all, in an aligned pair, whose
   back-translations lack it too → ``entity_missing`` (persons and places only).

Linked French forms are then clustered per reference name across the document: one name
spelt two ways → ``entity_inconsistent``. Back-translations are supporting evidence only.

Settings (``[checks.entities]``): ``ner`` = "auto" (spaCy where installed, completed by the
capitalisation rule), "spacy" or "rules" (the model-free rule alone); ``link_threshold``
(0.75) and ``missing_threshold`` (0.6), see below; ``missing`` = false turns
``entity_missing`` off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Indel

from mtqa.checks.base import CheckContext, finding
from mtqa.checks.nlp import (
    NAME_LABELS,
    EntityWords,
    Exonyms,
    Mention,
    backend_in_use,
    capitalised_words,
    entity_words,
    exonyms,
    family_settings,
    find_word,
    fold,
    fold_keep_length,
    is_sentence_initial,
    lowercase_vocabulary,
    mentions,
    typed_setting,
)
from mtqa.errors import ConfigError
from mtqa.model import DocumentResult, Finding, Pair, Severity
from mtqa.numbering import mt_label

DETECTOR = "entities"

# Thresholds on ``name_similarity`` (Indel similarity of folded or transliterated forms,
# best of the two), measured on the tables of tests/test_check_entities.py
# (``test_thresholds_separate_the_measured_cases`` recomputes them): misspellings of one
# name score 0.857-0.952 (Vasquez/Vazquez, Okonkwo/Okonkow, Ferreira/Pereira and
# Oyelaran/Oyeleran lowest; Haverkamp/Haverkampf 0.947, Dmitri/Dimitri 0.923); different
# names score at most 0.727 (Carlos/Carla; Brandt/Bardet 0.667, Jensen/Hansen 0.667,
# Moreau/Morales 0.615, Volkov/Sokolov 0.615, Petrov/Pavlov 0.5). 0.75 sits in the gap,
# nearer the unrelated side because a missed drift costs more than a reviewer's glance.
# Places get a stricter bar: French exonyms missing from the tables keep fewer letters
# (Zaragoza/Saragosse 0.667, Seville/Sevilla 0.857 before the place-ending rule) while a
# misspelt place keeps most (Rotterdam/Rotterdan 0.889).
LINK_THRESHOLD = 0.75
PLACE_LINK_THRESHOLD = 0.85
# Below this no French word is even a garbled form of the name: evidence it is missing.
MISSING_THRESHOLD = 0.6
MIN_FUZZY_LENGTH = 4  # shorter words ("Li", "Wu", "Ali") are too short to judge by letters

MISSING_LABELS = frozenset({"PERSON", "GPE", "LOC"})
_LABELS_CHECKED = NAME_LABELS - {"NORP", "MISC"}
_TOKEN = re.compile(r"[^\W\d_][\w'’.]*[\w]|[^\W\d_]", re.UNICODE)
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z0-9]{2,}$")
_RELATION_RANK = {"identical": 0, "exonym": 1, "transliteration": 1, "fuzzy": 2}

# ---------------------------------------------------------------------------------------
# Transliteration: French and English romanisations of one foreign name, written to one key.

_FRENCH_RULES = (
    ("tch", "C"),  # Gorbatchev / Gorbachev
    ("dj", "J"),  # Djibouti, Tadjik / Tajik
    ("sch", "S"),
    ("ch", "S"),  # Chostakovitch / Shostakovich
    ("kh", "H"),
    ("j", "Z"),  # Prigojine / Prigozhin
    ("ou", "u"),  # Loukachenko / Lukashenko
    ("gue", "ge"),  # Sergueï / Sergei
    ("gui", "gi"),
    ("x", "ks"),
    ("ph", "f"),
    ("y", "i"),
)
_ENGLISH_RULES = (
    ("dzh", "J"),  # Dzhabarov / Djabarov
    ("shch", "SC"),
    ("tch", "C"),
    ("sh", "S"),
    ("zh", "Z"),
    ("ch", "C"),
    ("kh", "H"),
    ("j", "J"),
    ("x", "ks"),
    ("ph", "f"),
    ("y", "i"),
)
_VOWELS = "aeiouy"


def transliteration_key(name: str, lang: str) -> str:
    """One spelling for the French and English romanisations of a name.

    French-side rules apply to lang "fr", English-side rules to "en"; Gorbatchev/Gorbachev,
    Khrouchtchev/Khrushchev and Poutine/Putin get the same key.
    """
    text = fold(name.replace("ï", "y").replace("Ï", "Y"))
    text = re.sub(r"[^a-z]", "", text)
    for source, target in _FRENCH_RULES if lang == "fr" else _ENGLISH_RULES:
        text = text.replace(source, target)
    text = re.sub(r"(.)\1+", r"\1", text)  # Moussorgski / Mussorgsky, Zelenskyy
    text = re.sub(r"^ie", "e", text)  # Eltsine / Yeltsin, Erevan / Yerevan
    if lang == "fr" and len(text) > 3 and text.endswith("e") and text[-2] not in _VOWELS:
        text = text[:-1]  # French adds a mute e: Poutine / Putin, Lénine / Lenin
    return text.lower()


def _place_key(key: str) -> str:
    """Place names end differently in French: Crimée/Crimea, Sibérie/Siberia."""
    return re.sub(r"(?:ia|ie|ee|ea|a|e|i|y)$", "", key) if len(key) > 4 else key


def name_similarity(reference: str, candidate: str) -> float:
    """Similarity of an English name and a French word, 0..1: best of letters and keys."""
    plain = Indel.normalized_similarity(fold(reference), fold(candidate))
    keyed = Indel.normalized_similarity(
        transliteration_key(reference, "en"), transliteration_key(candidate, "fr")
    )
    return max(plain, keyed)


def same_name(reference: str, candidate: str, *, place: bool = False) -> str | None:
    """How a French word renders an English name word, when it renders it correctly.

    Returns "identical", "exonym" or "transliteration", or None when it is not the same name.
    """
    if fold(reference) == fold(candidate):
        return "identical"
    if fold(candidate) in exonyms().french_forms(reference):
        return "exonym"
    english_key = transliteration_key(reference, "en")
    french_keys = {transliteration_key(candidate, "fr"), transliteration_key(candidate, "en")}
    if english_key in french_keys:
        return "transliteration"
    if place and _place_key(english_key) in {_place_key(k) for k in french_keys}:
        return "exonym"
    return None


# ---------------------------------------------------------------------------------------
# Settings


@dataclass(frozen=True)
class EntitySettings:
    """``[checks.entities]`` of the run config."""

    ner: str = "auto"  # "auto" (spaCy where installed), "spacy" or "rules"
    link_threshold: float = LINK_THRESHOLD
    missing_threshold: float = MISSING_THRESHOLD
    report_missing: bool = True

    @classmethod
    def of(cls, settings: Mapping[str, Any]) -> EntitySettings:
        section = family_settings(settings, "entities")
        unknown = set(section) - {"ner", "link_threshold", "missing_threshold", "missing"}
        if unknown:
            raise ConfigError(
                f"checks.entities: unknown setting(s) {sorted(unknown)}; "
                "known: ner, link_threshold, missing_threshold, missing"
            )
        values = cls(
            ner=typed_setting(section, "entities", "ner", "auto", str),
            link_threshold=typed_setting(
                section, "entities", "link_threshold", LINK_THRESHOLD, float
            ),
            missing_threshold=typed_setting(
                section, "entities", "missing_threshold", MISSING_THRESHOLD, float
            ),
            report_missing=typed_setting(section, "entities", "missing", True, bool),
        )
        if values.ner not in ("auto", "spacy", "rules"):
            raise ConfigError(
                f"checks.entities.ner: expected 'auto', 'spacy' or 'rules', got {values.ner!r}"
            )
        for key in ("link_threshold", "missing_threshold"):
            if not 0.0 < getattr(values, key) <= 1.0:
                raise ConfigError(f"checks.entities.{key}: expected a number in (0, 1]")
        return values


# ---------------------------------------------------------------------------------------
# Names and words


@dataclass(frozen=True)
class Part:
    """A word of a text with its offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ReferenceName:
    """A reference name to check: its mention and the words of it that must survive."""

    mention: Mention
    core: Part  # without a leading "the" or a possessive
    words: tuple[Part, ...]  # judged words: no titles, particles, org words or acronyms
    place: bool

    @property
    def acronym(self) -> bool:
        return bool(_ACRONYM.match(self.core.text))


@dataclass
class Link:
    """How one reference word (or whole name) was found in the MT of one pair."""

    pair: Pair
    key: str  # what clusters mentions of one name across the document
    ref_form: str
    mt: Part  # offsets into pair.mt_text
    relation: str  # identical, exonym, transliteration, fuzzy
    similarity: float


def _split(text: str, start: int, end: int) -> list[Part]:
    """Words of text[start:end], hyphenated names split: Jean-Luc → Jean, Luc."""
    parts = []
    for match in _TOKEN.finditer(text, start, end):
        offset = match.start()
        for piece in re.split(r"([-‐])", match.group()):
            if piece and piece not in "-‐":
                parts.append(Part(piece, offset, offset + len(piece)))
            offset += len(piece)
    return parts


def _core(mention: Mention, text: str) -> Part:
    start, end = mention.start, mention.end
    surface = text[start:end]
    lead = re.match(r"(?i)the\s+", surface)
    if lead:
        start += lead.end()
    tail = re.search(r"['’]s?$", text[start:end])
    if tail:
        end -= len(tail.group())
    return Part(text[start:end], start, end)


def _judged_words(
    core: Part, text: str, label: str, lists: EntityWords, sentence_initial: bool
) -> tuple[Part, ...]:
    words = []
    parts = _split(text, core.start, core.end)
    for index, part in enumerate(parts):
        key = fold(part.text).rstrip(".")
        if lists.not_name(part.text, "en") or key in lists.particles:
            continue
        if key in lists.org_words:
            # Parliament / Parlement: translated, not misspelt (whatever the label: the small
            # English pipeline tags "Oct 4 - Parliament" as a person).
            continue
        if key in lists.common.get("en", ()) and (index == 0 and sentence_initial or len(key) <= 3):
            continue
        if _ACRONYM.match(part.text) or not part.text[:1].isupper():
            continue
        words.append(part)
    return tuple(words)


def reference_names(
    text: str, *, backend: str = "auto", context: str | None = None
) -> list[ReferenceName]:
    """The names of an English text that the check links into the French."""
    lists = entity_words()
    tables = exonyms()
    names = []
    for mention in mentions(text, "en", backend=backend, context=context):
        if mention.label not in _LABELS_CHECKED:
            continue
        core = _core(mention, text)
        if not core.text:
            continue
        place = mention.label in ("GPE", "LOC") or tables.is_place(core.text)
        words = _judged_words(core, text, mention.label, lists, mention.sentence_initial)
        names.append(ReferenceName(mention, core, words, place))
    return names


def french_name_words(text: str, *, context: str | None = None) -> list[Part]:
    """Capitalised French words that may render a name (common words and titles left out)."""
    lists = entity_words()
    lower = lowercase_vocabulary(context if context is not None else text)
    parts: list[Part] = []
    for word in capitalised_words(text):
        key = fold(word.text)
        if lists.not_name(word.text, "fr"):
            continue
        if word.sentence_initial and (key in lists.common.get("fr", ()) or key in lower):
            continue
        parts.extend(p for p in _split(text, word.start, word.end) if p.text[:1].isupper())
    return parts


# ---------------------------------------------------------------------------------------
# Linking one pair


@dataclass
class PairOutcome:
    links: list[Link] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _find_forms(text: str, forms: Iterable[str], folded: str) -> Part | None:
    for form in sorted(forms, key=len, reverse=True):
        span = find_word(text, form, folded_text=folded)
        if span:
            return Part(text[span[0] : span[1]], *span)
    return None


def _adjective_found(name: ReferenceName, mt_text: str, tables: Exonyms) -> bool:
    """A place named by its French adjective: "the U.S. envoy" → "l'émissaire américain"."""
    if not name.place:
        return False
    stems = set(tables.adjectives.get(fold(name.core.text), ()))
    for form in tables.french_forms(name.core.text) | {fold(name.core.text)}:
        head = form.split()[0] if form else ""
        if len(head) >= 4:
            stems.add(head[: 3 if len(head) <= 5 else 4])
    words = {fold(w) for w in _TOKEN.findall(mt_text) if w[:1].islower()}
    return any(w.startswith(stem) for w in words for stem in stems if stem)


def _bt_support(
    pair: Pair, engines: Sequence[str], mt_form: str, ref_form: str
) -> tuple[tuple[str, ...], str | None]:
    """Engines whose back-translation keeps the MT's wrong form and not the reference form."""
    supporting: list[str] = []
    bt_span = None
    for engine in engines:
        bt = pair.bt.get(engine)
        if not bt:
            continue
        span = find_word(bt, mt_form)
        if span and not find_word(bt, ref_form):
            supporting.append(engine)
            bt_span = bt_span or bt[span[0] : span[1]]
    return tuple(supporting), bt_span


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
        if _adjective_found(name, mt_text, tables):
            continue
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
            if best[1] is not None and best[0] >= threshold:
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
        if drifted:
            outcome.findings.append(_drift(result, pair, name, statuses, ctx))
        elif all(s[2] == "none" for s in statuses) and conf.report_missing:
            missing = _missing(result, pair, name, ctx, conf)
            if missing is not None:
                outcome.findings.append(missing)
    return outcome


def _word_key(word: str) -> str:
    return "word:" + transliteration_key(word, "en")


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
    return finding(
        result,
        pair,
        kind="entity_drift",
        severity="critical",
        detector=DETECTOR,
        message=f"The MT spells the name {ref_span.text!r} as {mt_span.text!r} ({pairs_text}).",
        mt_span=mt_span.text,
        ref_span=ref_span.text,
        bt_span=bt_span,
        engines=engines,
        evidence={
            "label": name.mention.label,
            "linked_by": "word similarity within the aligned pair",
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
            "ner": name.mention.source,
        },
    )


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
    elif label not in MISSING_LABELS:
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
    mt_words = _TOKEN.findall(pair.mt_text)
    best = max(
        (name_similarity(w.text, m) for w in name.words for m in mt_words),
        default=0.0,
    )
    if best >= conf.missing_threshold:
        return None
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
    return finding(
        result,
        pair,
        kind="entity_missing",
        severity="critical",
        detector=DETECTOR,
        message=f"The reference names {name.core.text!r}; the aligned MT has no form of it.",
        ref_span=name.core.text,
        engines=tuple(lacking),
        evidence={
            "label": label,
            "best_similarity": round(best, 3),
            "words": [w.text for w in name.words],
            "ner": name.mention.source,
        },
    )


# ---------------------------------------------------------------------------------------
# Clustering across the document


def _inconsistencies(
    result: DocumentResult, links: Sequence[Link], engine_names: Sequence[str]
) -> list[Finding]:
    """One finding per spelling of a name that differs from its main spelling."""
    groups: dict[str, list[Link]] = {}
    for link in links:
        groups.setdefault(link.key, []).append(link)
    findings = []
    for group in groups.values():
        forms: dict[str, list[Link]] = {}
        for link in group:
            forms.setdefault(fold(link.mt.text), []).append(link)
        if len(forms) < 2:
            continue

        def rank(item: tuple[str, list[Link]]) -> tuple[int, int, int]:
            best_relation = min(_RELATION_RANK[link.relation] for link in item[1])
            first = min(link.pair.index for link in item[1])
            return (best_relation, -len(item[1]), first)

        ordered = sorted(forms.items(), key=rank)
        canonical_links = ordered[0][1]
        canonical_indexes = sorted({i for link in canonical_links for i in link.pair.mt})
        summary = {
            links_[0].mt.text: sorted({i for link in links_ for i in link.pair.mt})
            for _, links_ in ordered
        }
        for _, other_links in ordered[1:]:
            first = min(other_links, key=lambda link: link.pair.index)
            severity: Severity = "critical" if first.relation == "fuzzy" else "minor"
            other_indexes = sorted({i for link in other_links for i in link.pair.mt})
            engines = tuple(
                engine
                for engine in engine_names
                if find_word(first.pair.bt.get(engine, ""), first.mt.text)
            )
            findings.append(
                finding(
                    result,
                    first.pair,
                    kind="entity_inconsistent",
                    severity=severity,
                    detector=DETECTOR,
                    message=(
                        f"One name, two spellings in the MT: {first.mt.text!r} in "
                        f"{mt_label(other_indexes)} but {canonical_links[0].mt.text!r} in "
                        f"{mt_label(canonical_indexes)}."
                    ),
                    mt_span=first.mt.text,
                    ref_span=first.ref_form,
                    engines=engines,
                    evidence={
                        "forms": summary,
                        "mt_indexes": other_indexes,
                        "other_mt_indexes": canonical_indexes,
                        "other_form": canonical_links[0].mt.text,
                        "relation": first.relation,
                        "reference": first.ref_form,
                    },
                )
            )
    return findings


# ---------------------------------------------------------------------------------------
# The family


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Entity drift, missing entities and inconsistent spellings in one document."""
    conf = EntitySettings.of(ctx.settings)
    ref_context = result.document.ref_text
    mt_context = result.document.mt_text
    findings: list[Finding] = []
    links: list[Link] = []
    for pair in result.pairs:
        if not pair.aligned:
            continue
        names = reference_names(pair.ref_text, backend=conf.ner, context=ref_context)
        if not names:
            continue
        mt_words = french_name_words(pair.mt_text, context=mt_context)
        outcome = _link_pair(result, pair, names, mt_words, ctx, conf)
        findings.extend(outcome.findings)
        links.extend(outcome.links)
    findings.extend(_inconsistencies(result, links, ctx.engines))
    reported = {(f.mt_index, fold(f.mt_span or "")) for f in findings}
    findings.extend(_unlinked_inconsistencies(result, reported, ctx, conf))
    return findings


def _unlinked_inconsistencies(
    result: DocumentResult,
    reported: set[tuple[int | None, str]],
    ctx: CheckContext,
    conf: EntitySettings,
) -> list[Finding]:
    """Two close spellings in the MT where only one is the reference's: the other is wrong.

    Catches what linking cannot: a name in an MT sentence whose reference sentence says
    "he", or whose pair the aligner left unmatched.
    """
    tables = exonyms()
    ref_words = {fold(w) for w in _TOKEN.findall(result.document.ref_text)}
    pair_of = {i: pair for pair in result.pairs for i in pair.mt}
    occurrences: dict[str, list[tuple[int, Part]]] = {}
    for segment in result.mt_segments:
        for word in french_name_words(segment.text, context=result.document.mt_text):
            if len(word.text) >= MIN_FUZZY_LENGTH and fold(word.text) not in tables.english:
                occurrences.setdefault(fold(word.text), []).append((segment.index, word))
    in_reference = [form for form in occurrences if form in ref_words]
    findings = []
    for form, places in occurrences.items():
        if form in ref_words:
            continue
        matches = [
            (name_similarity(other, form), other)
            for other in in_reference
            if same_name(other, form) is None
        ]
        score, canonical = max(matches, default=(0.0, ""))
        if score < conf.link_threshold:
            continue
        texts = result.mt_segments
        if all(is_sentence_initial(texts[i].text, w.start) for i, w in places) and (
            len(form) < 6 or score < 0.85
        ):
            # Only ever opening a sentence, it may be a common word (Lire / Claire 0.8):
            # only a long, very close form counts.
            continue
        canonical_indexes = sorted({i for i, _ in occurrences[canonical]})
        for index, word in places:
            if (index, form) in reported:
                continue
            reported.add((index, form))
            pair = pair_of.get(index)
            text = pair.mt_text if pair is not None else result.mt_segments[index].text
            offset = text.find(result.mt_segments[index].text)
            bts = pair.bt if pair is not None else {}
            engines = tuple(e for e in ctx.engines if find_word(bts.get(e, ""), word.text))
            findings.append(
                finding(
                    result,
                    pair,
                    kind="entity_inconsistent",
                    severity="critical",
                    detector=DETECTOR,
                    message=(
                        f"One name, two spellings in the MT: {word.text!r} in {mt_label(index)} "
                        f"but {occurrences[canonical][0][1].text!r} in "
                        f"{mt_label(canonical_indexes)}, as in the reference."
                    ),
                    mt_span=text[offset + word.start : offset + word.end]
                    if offset >= 0
                    else word.text,
                    ref_span=None,
                    engines=engines,
                    mt_index=index,
                    evidence={
                        "forms": {
                            word.text: sorted({i for i, _ in places}),
                            occurrences[canonical][0][1].text: canonical_indexes,
                        },
                        "mt_indexes": sorted({i for i, _ in places}),
                        "other_mt_indexes": canonical_indexes,
                        "other_form": occurrences[canonical][0][1].text,
                        "similarity": round(score, 3),
                        "linked_by": "MT spellings compared across the document",
                    },
                )
            )
    return findings


def ner_backend(settings: Mapping[str, Any]) -> str:
    """The extractor the English side will use under these settings: "spacy" or "rules"."""
    return backend_in_use("en", EntitySettings.of(settings).ner)
