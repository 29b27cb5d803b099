"""Names of the French MT that the reference does not have: the other direction.

Linking reference names into the French (``link.py``) cannot see a name that only the MT
has: a name the MT put in place of the reference's, or one the reference never mentions.
Here every capitalised French word that is a name is looked for in the aligned reference
(and the reference sentences beside it):

- the same word or its plural (Samis / Sami) anywhere in the reference (a name the
  reference gives elsewhere may stand for its "she" or "the city"), or a close spelling of
  a reference name (a misspelling is the linking and consistency checks' business);
- a known French form of a reference name: pycountry and ``configs/exonyms.toml``; a GeoNames
  city or continent bearing both names (Anvers / Antwerp); Apertium's French→Spanish and
  English→Spanish dictionaries meeting on one Spanish name (Moscou → Moscú ← Moscow);
- a rendering the team's glossary (``[checks.terms] glossary``) gives for a reference term;
- an acronym, when the reference has an acronym the MT does not that shares at least half
  of its letters (OTAN / NATO, CEDH / ECHR).

Known French forms are looked for in the pair's reference and the reference sentences
beside it (the aligner may have put a name's sentence next door); acronyms in the pair's
own reference only.

A capitalised word that Apertium's French dictionary knows only as a common word (État,
Terre, Travailliste) is not a name here, nor are titles, months, demonyms and organisation
words (``configs/entities.toml``).

A French name with no counterpart is reported once per run of name words: as
``entity_drift`` when the pair's reference has a name that no French word renders (one name
replaced by another; that name's ``entity_missing`` is folded into it), otherwise as
``entity_missing`` with ``evidence.missing_from == "reference"``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cached_property, lru_cache

from mtqa.checks.base import CheckContext
from mtqa.checks.entities.link import (
    PairOutcome,
    ReferenceName,
    drift_finding,
    missing_finding,
)
from mtqa.checks.entities.names import (
    _ACRONYM,
    _TOKEN,
    NameIndex,
    Part,
    demonym,
    describes_a_body,
)
from mtqa.checks.entities.places import (
    apertium_names,
    capitals,
    geonames_same_place,
    regions_of,
)
from mtqa.checks.terms import Term, find_term, glossary_of
from mtqa.language.lexicons import entity_words, exonyms
from mtqa.language.text import find_word, fold
from mtqa.language.wordnet import wordnet_graph
from mtqa.model import DocumentResult, Finding, Pair

_GAP = re.compile(r"[\s‐-]*")
MIN_NAME_LENGTH = 2


def _runs(text: str, words: Sequence[Part]) -> list[list[Part]]:
    """Consecutive name words (only spaces or hyphens between) as one run."""
    runs: list[list[Part]] = []
    for word in sorted(words, key=lambda w: w.start):
        if runs and _GAP.fullmatch(text[runs[-1][-1].end : word.start]):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _reference_context(result: DocumentResult, pair: Pair) -> str:
    """The pair's reference and the reference sentences on either side of it."""
    indexes = {i for r in pair.ref for i in (r - 1, r, r + 1)}
    text_of = result.ref_text_of
    texts = [text_of[i] for i in sorted(indexes) if i in text_of]
    return " ".join(texts) if texts else pair.ref_text


class _Reference:
    """What a reference text offers as counterparts of French names."""

    def __init__(self, text: str) -> None:
        self.text = text
        tokens = _TOKEN.findall(text)
        # French names keep their elided article in English: the Musée d'Orsay, L'Oréal
        tokens += [t[2:] for t in tokens if _ELIDED.match(t)]
        # an English possessive is the name itself: UNESCO's list, ESA's mission
        tokens += [t[:-2] for t in tokens if t.endswith(("'s", "’s")) and len(t) > 3]
        self.folded = {fold(t).rstrip(".") for t in tokens}
        self.capitalised = [t.rstrip(".") for t in tokens if t[:1].isupper()]
        self.acronyms = {t for t in self.capitalised if _ACRONYM.match(t)}
        self.names = sorted(set(self.capitalised) | set(_PHRASE.findall(text)))

    def has_close_name(self, word: str, threshold: float) -> bool:
        """Whether a capitalised word of the text is ``word``'s name (``same_name``, places
        included) or as close as ``threshold`` (``name_similarity``).

        Answered from indexes of the text's distinct capitalised words, once per word: a
        long document asks this of every French name it lacks, and comparing each with
        every capitalised word of the document costs the square of its length."""
        key = (word, threshold)
        known = self._close.get(key)
        if known is None:
            known = self._close[key] = self._index.close(word, threshold)
        return known

    @cached_property
    def _close(self) -> dict[tuple[str, float], bool]:
        return {}

    @cached_property
    def _index(self) -> NameIndex:
        return NameIndex(self.capitalised)

    def spanish(self) -> frozenset[str]:
        forms = apertium_names().english(self.names)
        return frozenset().union(*forms.values()) if forms else frozenset()

    @cached_property
    def capitals(self) -> tuple[str, ...]:
        """The capitals of the countries the reference names, by name or adjective."""
        by_country = capitals()
        found = []
        for name in self.capitalised:
            key = fold(name)
            for country in (key, *_places_named_by(key)):
                if country in by_country:
                    found.append(by_country[country])
                    break
        return tuple(found)


@lru_cache(maxsize=8)
def _document_reference(text: str) -> _Reference:
    return _Reference(text)


# A Roman numeral of two letters or more (XIV), or any with an ordinal ending (Ier, IIe).
_ROMAN = re.compile(r"^(?:[IVXLCDM]{2,}(?:e|er|re|ème)?|[IVX](?:e|er|re|ème))$")
_ELIDED = re.compile(r"[dDlL]['’]\w")
_PHRASE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+")
_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]{2,}")  # the reference's names, a word each


def _acronym_counterpart(acronym: str, reference: _Reference, mt_text: str) -> bool:
    """An acronym of the reference the MT lacks, sharing half the letters (OTAN / NATO)."""
    letters = sorted(acronym.replace(".", "").upper())
    for other in reference.acronyms:
        if find_word(mt_text, other):
            continue
        common = sum((Counter(letters) & Counter(other.replace(".", "").upper())).values())
        if common * 2 >= len(letters):
            return True
    return False


def _has_counterpart(
    word: str, run_text: str, pair_ref: _Reference, around: _Reference, document: _Reference,
    mt_text: str, threshold: float, glossary: Sequence[Term] = (),
) -> bool:
    """Whether the reference has the French name ``word`` (of the run ``run_text``)."""
    key = fold(word)
    if key in document.folded or key.rstrip("sx") in document.folded:
        return True  # named elsewhere in the reference: here perhaps as "she" or "the city"
    tables = exonyms()
    if _ACRONYM.match(word):
        # OTAN / NATO; or a French acronym the reference spells out (TGV / high-speed train)
        # or, for a known body, describes ("the alliance")
        return (
            _acronym_counterpart(word, pair_ref, mt_text)
            or any(find_word(around.text, english) for english in tables.english.get(key, ()))
            or any(tables.is_body(english) for english in tables.english.get(key, ()))
            and describes_a_body(around.text)
        )
    if document.has_close_name(word, threshold):
        return True
    for form in (word, run_text):
        for english in tables.english.get(fold(form), ()):
            if find_word(around.text, english):
                return True
    for term in glossary:
        # the team's own renderings ([checks.terms] glossary): "Villeréal" for "Ciudad Real"
        if any(find_term(run_text, french, "fr") for french in term.french) and find_term(
            around.text, term.english, "en"
        ):
            return True
    for form in {word, run_text}:
        if any(geonames_same_place(form, name) for name in around.names):
            return True
        spanish = apertium_names().french([form])[form].spanish
        if spanish and spanish & around.spanish():
            return True
    if any(_adjective_of(word, adjective) for adjective in around.capitalised):
        return True
    # a département the reference names by its region (« la Seine-Maritime » / "Normandy")
    for form in {word, run_text}:
        for region in regions_of(form):
            if any(find_word(around.text, e) for e in {region} | tables.english.get(region, set())):
                return True
    # A capital stands for its country's government (Berlin for Germany, Moscou for Russia)
    return any(geonames_same_place(word, capital) for capital in around.capitals)


# English adjectives and demonyms of places: Asian (Asia), Canadian (Canada), Italian
# (Italy), Chinese (China), Kazakh (Kazakhstan), Brazilian (Brazil), Peruvian (Peru),
# Icelandic (Iceland), Argentine (Argentina).
_ADJECTIVE_ENDINGS = ("vian", "ian", "ean", "an", "ese", "ish", "ic", "i", "n", "e", "")
_PLACE_ENDINGS = ("", "a", "ia", "y", "e", "stan")


def _adjective_of(french: str, adjective: str) -> bool:
    """The English word is the adjective of the place the French names (Asie / Asian)."""
    key = fold(adjective)
    if len(key) < 4 or fold(french)[:2] != key[:2]:
        return False
    tables = exonyms()
    return any(
        fold(french) in tables.french_forms(place) or geonames_same_place(french, place)
        for place in _places_named_by(key)
    )


def _places_named_by(key: str) -> Iterator[str]:
    """The folded English place names a folded adjective may come from (asian → asia,
    chinese → china), among guesses that name no place."""
    for ending in _ADJECTIVE_ENDINGS:
        if ending and not key.endswith(ending):
            continue
        base = key[: len(key) - len(ending)] if ending else key
        for place_ending in _PLACE_ENDINGS:
            place = base + place_ending
            if len(place) >= 4 and place != key:
                yield place


def _judged(words: Sequence[Part]) -> list[Part]:
    """The words of a run that must be found: no titles, organisation or common words."""
    lists = entity_words()
    analyses = apertium_names().french([w.text for w in words])
    judged = []
    for word in words:
        key = fold(word.text)
        if len(key) < MIN_NAME_LENGTH or key in lists.particles or key in lists.org_words:
            continue
        if key in lists.common.get("fr", ()) or key in lists.common.get("en", ()):
            continue
        if _ROMAN.match(word.text):
            continue  # XV de France, Louis XIV: a numeral, which the number check reads
        analysis = analyses[word.text]
        if analysis.common and not analysis.proper and not _ACRONYM.match(word.text):
            continue  # État, Terre, Travailliste: a capitalised common word
        judged.append(word)
    return judged


def _covering(text: str, words: Sequence[Part]) -> Part:
    return Part(text[words[0].start : words[-1].end], words[0].start, words[-1].end)


def prefetch(result: DocumentResult, mt_words: Sequence[Part]) -> None:
    """Look every name of the document up in Apertium's dictionaries in one batch."""
    names = apertium_names()
    texts = [w.text for w in mt_words]
    for segment in result.mt_segments:
        texts.extend(_PHRASE.findall(segment.text))
    names.french(texts)
    reference = _Reference(result.document.ref_text)
    names.english(reference.names)
    names.english_words(reference.capitalised)


_COMPOUND = re.compile(r"\w+(?:-\w+(?:['’]\w+)?)+")  # Île-de-France, Saint-Jean-d'Angély


def _compound(text: str, start: int, end: int) -> str:
    """The hyphenated word around ``text[start:end]``, or that text itself."""
    for match in _COMPOUND.finditer(text):
        if match.start() <= start and end <= match.end():
            return match.group()
    return text[start:end]


def check_pair(
    result: DocumentResult,
    pair: Pair,
    mt_words: Sequence[Part],
    outcome: PairOutcome,
    ctx: CheckContext,
    threshold: float,
) -> list[Finding]:
    """Findings for the French names of one aligned pair that the reference lacks.

    Removes from ``outcome.findings`` an ``entity_missing`` it folds into a drift.
    """
    linked = {(link.mt.start, link.mt.end) for link in outcome.links}
    found_glossary = glossary_of(ctx.settings)
    glossary = found_glossary.terms if found_glossary is not None else ()
    pair_ref = _Reference(pair.ref_text)
    around = _Reference(_reference_context(result, pair))
    document = _document_reference(result.document.ref_text)
    findings: list[Finding] = []
    unlinked = list(outcome.unlinked)
    for run in _runs(pair.mt_text, mt_words):
        covering = _covering(pair.mt_text, run)
        run_text = covering.text
        # a hyphenated name whose inner words are no name words (Île-de-France) is one form
        compound = _compound(pair.mt_text, covering.start, covering.end)
        lost = [
            w for w in _judged(run)
            if (w.start, w.end) not in linked
            and not _has_counterpart(
                w.text, compound, pair_ref, around, document, pair.mt_text, threshold, glossary
            )
            and not any(demonym(r, w.text) for r in _CAPITALISED.findall(pair.ref_text))
        ]
        if lost and not unlinked and _surname_alone(pair.mt_text, run, lost):
            continue
        if not lost:
            continue
        span = _covering(pair.mt_text, lost)
        engines = tuple(e for e in ctx.engines if find_word(pair.bt.get(e, ""), span.text))
        if unlinked:
            name, ref_words, missing = unlinked.pop(0)
            if missing is not None and missing in outcome.findings:
                outcome.findings.remove(missing)
            findings.append(_replaced(result, pair, span, name, ref_words, engines))
        else:
            findings.append(_added(result, pair, span, run_text, engines))
    return findings


def _surname_alone(text: str, run: Sequence[Part], lost: Sequence[Part]) -> bool:
    """The reference names a person by the surname alone ("Poussin" for « Nicolas Poussin »,
    "Lattre" for « Jean de Lattre »): every lost word is a first name (or the hyphenated
    rest of one: Jean-Baptiste) before a word of the run the reference has. Only when no
    reference name is left unfound, which a first name replaced by another would leave."""
    last_lost = max(w.end for w in lost)
    if not any(w.start >= last_lost for w in run if w not in lost):
        return False
    analyses = apertium_names().french([w.text for w in lost])
    previous: Part | None = None
    for word in sorted(lost, key=lambda w: w.start):
        hyphenated = previous is not None and re.fullmatch(r"[‐-]", text[previous.end:word.start])
        if not (analyses[word.text].given or hyphenated):
            return False
        previous = word
    return True


def demonym_findings(
    result: DocumentResult, pair: Pair, ctx: CheckContext, backend: str = "auto"
) -> list[Finding]:
    """A people or nationality of the reference (spaCy's NORP) with no French form in the MT.

    The French forms come from Apertium's dictionaries (Korean → coréen) and from the
    place the adjective names (Chinese → China → Chine → chinois); a demonym neither knows is
    not judged. A demonym judged also takes the French words ``configs/exonyms.toml`` gives
    it (German → alémanique, germanophone).
    """
    from mtqa.checks.nlp import spacy_mentions
    from mtqa.language.apertium import dictionary

    if backend == "rules":
        return []  # the capitalisation rule cannot tell a nationality
    findings = []
    # an elided article apart: « d'Européens »
    # and a hyphenated compound's parts: « sud-coréen », « franco-allemand »
    mt_words = {
        part for w in _TOKEN.findall(pair.mt_text) for part in re.split(r"['’-]", fold(w))
    } | {fold(w) for w in _TOKEN.findall(pair.mt_text)}
    for mention in spacy_mentions(pair.ref_text, "en") or ():
        if mention.label != "NORP" or not mention.text[:1].isupper():
            continue
        words = mention.text.split()
        if len(words) > 2 or not all(w[:1].isupper() for w in words):
            continue  # "South Korean" is judged; a longer or lower-case phrase is not
        if fold(mention.text).rstrip("s") in _IMPLIED:
            continue  # « le gouvernement » of a French text is "the French government"
        if any(c.isdigit() for c in mention.text):
            continue  # a catalogue name the tagger took for a people: TOI-2291, HD-189733
        if _FELLOW.search(pair.ref_text[:mention.start]) and "compatriot" in fold(pair.mt_text):
            continue  # "a fellow Kenyan" is « un compatriote »
        # a people in the plural (Europeans, Canadians) is its adjective's
        forms = [mention.text] + ([mention.text[:-1]] if mention.text.endswith("s") else [])
        senses = dictionary().english_senses(forms)
        stems = {
            _adjective_stem(fold(sense)) for form in forms for sense in senses.get(form, ())
        }
        # the place's first letters: Hongrie → hongrois, Pologne → polonais, Chine → chinois
        places = {place for form in forms for place in _places_of(form)}
        stems |= {fold(place)[:4] for place in places if "-" not in place}
        stems = {stem for stem in stems if len(stem) >= 3}
        if stems:
            # the adjectives configs/exonyms.toml gives the place: Pays-Bas → néerlandais
            tables = exonyms()
            stems |= {a for place in places for e in tables.english.get(place, ())
                      for a in tables.adjectives.get(e, ())}
            # and, for a demonym judged, the French words of configs/exonyms.toml for the
            # adjective itself: German → alémanique (« les cantons alémaniques »)
            stems |= {french[: max(4, len(french) - 2)] for form in forms
                      for french in exonyms().french_forms(form) if french != fold(form)}
        if not stems or any(w.startswith(stem) for w in mt_words for stem in stems):
            continue
        if _phrase_rendered(pair, mention.text):
            continue  # "the Spanish Armada" rendered « l'Invincible Armada »
        if _seat_rendered(pair, mention.end):
            continue  # "the French presidency" rendered « l'Élysée »
        findings.append(missing_finding(
            result, pair, ref_span=mention.text,
            message=(
                f"The reference says {mention.text!r}; the aligned MT has no French form of it."
            ),
            evidence={"label": "NORP", "french_stems": sorted(stems), "ner": "spacy"},
        ))
    return findings


# A French text leaves its own nationality implicit where English makes it explicit
_IMPLIED = frozenset({"french", "frenchman", "frenchwoman"})
_FELLOW = re.compile(r"(?<![\w-])fellow\s+$", re.IGNORECASE)


def _phrase_rendered(pair: Pair, word: str) -> bool:
    """A longer name of the reference holding ``word`` has a known French form in the MT."""
    tables = exonyms()
    return any(find_word(pair.mt_text, form)
               for phrase in tables.phrases_in(pair.ref_text, word)
               for form in tables.french_forms(phrase) - {phrase})


_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")


def _seat_rendered(pair: Pair, end: int) -> bool:
    """The institution after a nationality ("the French presidency") is rendered by the
    seat French news names it by (« l'Élysée »), which says whose it is."""
    following = _NEXT_WORD.match(pair.ref_text, end)
    if following is None:
        return False
    noun = following.group(1)
    forms = exonyms().french_forms(noun) - {fold(noun)}
    return any(find_word(pair.mt_text, form) for form in forms)


# French feminine endings of adjectives whose masculine ends otherwise: juif / juive, grec /
# grecque, turc / turque, roux / rousse; the stem stops before the letters that change.
_FEMININE_CHANGES = ("f", "c", "x")


def _adjective_stem(french: str) -> str:
    """The first letters every form of a French adjective shares (norvégien → norvég, juif →
    jui)."""
    stem = french[: max(4, len(french) - 2)]
    if french.endswith(_FEMININE_CHANGES):
        stem = stem[: min(len(stem), len(french) - 1)]
    return stem


def _places_of(adjective: str) -> set[str]:
    """One-word French forms of the place an English adjective names: Chinese → {chine};
    WordNet's pertainyms give the places no ending rule reaches (Swedish → Sweden → Suède,
    Dutch → Netherlands)."""
    forms: set[str] = set()
    tables = exonyms()
    places = list(_places_named_by(fold(adjective)))
    graph = wordnet_graph()
    if graph is not None and " " not in adjective:
        places += sorted(graph.derivations(fold(adjective)))
    for place in places:
        forms |= {f for f in tables.french_forms(place) if " " not in f}
    return forms


def _replaced(
    result: DocumentResult,
    pair: Pair,
    span: Part,
    name: ReferenceName,
    ref_words: Sequence[Part],
    engines: tuple[str, ...],
) -> Finding:
    ref_span = ref_words[0] if len(ref_words) == 1 else name.core
    return drift_finding(
        result, pair, name, span, ref_span,
        message=(
            f"The MT names {span.text!r} where the reference names {ref_span.text!r}: "
            "no French word renders the reference's name, and no reference word the MT's."
        ),
        linked_by="names on both sides with no counterpart on the other",
        how={"reference_words_unrendered": [w.text for w in ref_words]},
        engines=engines,
    )


def _added(
    result: DocumentResult, pair: Pair, span: Part, run_text: str, engines: tuple[str, ...]
) -> Finding:
    return missing_finding(
        result, pair, mt_span=span.text,
        message=(
            f"The MT names {span.text!r}; the aligned reference has no form of it "
            "(not the same word, a known French form, nor a close spelling)."
        ),
        engines=engines,
        evidence={
            "missing_from": "reference",
            "name": run_text,
            "resources": "exonyms, pycountry, GeoNames, Apertium proper nouns",
        },
    )
