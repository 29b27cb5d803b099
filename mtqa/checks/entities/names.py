"""Names and their words: transliteration, similarity, settings and name extraction.

Shared by the entity checks of this package: how an English name and a French word are
compared (``same_name``, ``name_similarity``, ``transliteration_key``), the
``[checks.entities]`` settings, and which words of each side are names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import Field, StrictBool, StrictStr, field_validator
from rapidfuzz import process
from rapidfuzz.distance import Indel

from mtqa.checks.detector import Number, Settings
from mtqa.checks.entities.places import apertium_names
from mtqa.checks.nlp import (
    capitalised_words,
    lowercase_vocabulary,
    mentions,
)
from mtqa.language.lexicons import EntityWords, entity_words, exonyms
from mtqa.language.parse import NAME_LABELS, Mention
from mtqa.language.text import NAME_TOKEN, fold
from mtqa.language.wordnet import english_lemma, wordnet_graph
from mtqa.model import Pair

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
_TOKEN = NAME_TOKEN
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z0-9]{2,}$")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")

# What an English text calls a body it does not name: "the alliance" (NATO), "the bloc"
# (the EU), "the fund" (the IMF), "the UN health agency" (the WHO), "its executive".
_BODY_NOUN = (
    r"(?:alliance|bloc|union|organi[sz]ation|agency|body|fund|bank|lender|court|tribunal"
    r"|council|commission|committee|league|institution|watchdog|regulator|assembly"
    r"|parliament|programme|program|panel|office|authority|executive|federation)s?"
)
_DESCRIBED = re.compile(
    r"(?i)\b(?:the|its|this|that)\s+(?:[\w.'’-]+\s+){0,3}?" + _BODY_NOUN + r"\b"
)
_ATTRIBUTIVE = re.compile(r"['’]?s?\s+(?:[a-z-]+\s+){0,2}" + _BODY_NOUN + r"\b")


def describes_a_body(text: str) -> bool:
    """The English text speaks of a body by what it is ("the alliance", "the UN agency")."""
    return _DESCRIBED.search(text) is not None


def attributive(text: str, end: int) -> bool:
    """The name ending at ``end`` qualifies a body noun ("the UN health agency", "the EU's
    executive"): it says whose the body is, it does not name it."""
    return _ATTRIBUTIVE.match(text, end) is not None
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
    """Place names end differently in French: Crimée/Crimea, Sibérie/Siberia; French drops
    the written initial h of some (Ormuz/Hormuz)."""
    key = key[1:] if key.startswith("h") and len(key) > 4 else key
    return re.sub(r"(?:ia|ie|ee|ea|a|e|i|y)$", "", key) if len(key) > 4 else key


# French adapts the endings of Latin, Greek and Romance names in regular ways: Justinian /
# Justinien, Miletus / Milet, Augustus / Auguste, Sophia / Sophie, Medea / Médée, Toledo /
# Tolède, La Mancha / la Manche; and writes ss for a Romance c before e or i (Rocinante /
# Rossinante). English ending → the French endings it may take.
_ROMANCE_ENDINGS = (
    ("ian", ("ien",)), ("us", ("e", "")), ("um", ("e",)), ("ea", ("ee",)), ("ia", ("ie",)),
    ("a", ("e",)), ("o", ("e",)), ("", ("",)),
)
_MIN_ROMANCE_STEM = 4  # shorter stems (Ana / Ane, Leo / Lee) are too short to judge


def _soft(word: str) -> str:
    """A folded word with c before e/i/y read as s and doubled letters single."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"c(?=[eiy])", "s", fold(word)))


def romance_forms(english: str) -> frozenset[str]:
    """The French forms (``_soft``) an English name of Latin, Greek or Romance shape may take
    by its ending alone: Justinian → justinien, Miletus → milet, milete; a Latin name in -o
    (-onis) after a consonant takes -on (Varro → varon, Apollo → apolon), not after a vowel
    (Mario is no Marion)."""
    key = fold(english)
    forms: set[str] = set()
    for english_end, french_ends in _ROMANCE_ENDINGS:
        stem = key[: len(key) - len(english_end)]
        if key.endswith(english_end) and len(stem) >= _MIN_ROMANCE_STEM:
            forms.update(_soft(stem + end) for end in french_ends)
            if english_end == "o" and stem[-1] not in "aeiouy":
                forms.add(_soft(stem + "on"))
    return frozenset(forms)


def name_similarity(reference: str, candidate: str) -> float:
    """Similarity of an English name and a French word, 0..1: best of letters and keys."""
    plain = Indel.normalized_similarity(fold(reference), fold(candidate))
    keyed = Indel.normalized_similarity(
        transliteration_key(reference, "en"), transliteration_key(candidate, "fr")
    )
    return max(plain, keyed)


def _french_plural(reference: str, candidate: str) -> bool:
    """A people or family named in the plural in French: les Samis / the Sami."""
    ref, cand = fold(reference), fold(candidate)
    return len(ref) >= 3 and cand in (ref + "s", ref + "x") and not ref.endswith(("s", "x"))


def _english_plural(reference: str, candidate: str) -> bool:
    """A family named in the plural in English but not in French: the Curies / les Curie,
    the Kennedys / les Kennedy."""
    ref, cand = fold(reference), fold(candidate)
    return len(cand) >= 3 and ref in (cand + "s", cand + "es") and not cand.endswith(("s", "x"))


def same_name(reference: str, candidate: str, *, place: bool = False) -> str | None:
    """How a French word renders an English name word, when it renders it correctly.

    Returns "identical", "exonym" or "transliteration", or None when it is not the same name.
    (``NameIndex.same`` answers this over many names at once: a rule added here goes there
    too; tests/unit/test_name_index.py holds the two together.)
    """
    if fold(reference) == fold(candidate):
        return "identical"
    if _french_plural(reference, candidate) or _english_plural(reference, candidate):
        return "identical"
    if fold(candidate) in exonyms().french_forms(reference):
        return "exonym"
    english_key = transliteration_key(reference, "en")
    french_keys = {transliteration_key(candidate, "fr"), transliteration_key(candidate, "en")}
    if english_key in french_keys:
        return "transliteration"
    if place and _place_key(english_key) in {_place_key(k) for k in french_keys}:
        return "exonym"
    if _soft(candidate) in romance_forms(reference):
        return "exonym"
    return None


class NameIndex:
    """Many English names, indexed to answer at once whether any of them is a French word's
    name (``same_name``, places included) or close to it (``name_similarity``): the answer
    of comparing the word with each, without a Python call per name."""

    # rapidfuzz's cutoff is applied on its own scale: candidates come from a slightly lower
    # bar, and the bar itself is then applied to the similarities name_similarity computes.
    _MARGIN = 1e-6

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(dict.fromkeys(names))
        self.folded = [fold(n) for n in self.names]
        self.keys = [transliteration_key(n, "en") for n in self.names]
        self._folded = set(self.folded)
        self._keys = set(self.keys)
        self._place_keys = {_place_key(k) for k in self.keys}
        tables = exonyms()
        self._exonyms: set[str] = set().union(
            *(tables.french.get(f, frozenset()) for f in self._folded)
        )
        self._romance: set[str] = set().union(*(romance_forms(n) for n in self.names))

    def same(self, word: str) -> bool:
        """Whether ``same_name(name, word, place=True)`` holds for one of the names."""
        key = fold(word)
        if key in self._folded or key in self._exonyms or _soft(word) in self._romance:
            return True
        singular = key[:-1]
        if key[-1:] in ("s", "x") and singular in self._folded and len(singular) >= 3 and (
            not singular.endswith(("s", "x"))
        ):
            return True  # _french_plural
        if len(key) >= 3 and not key.endswith(("s", "x")) and (
            key + "s" in self._folded or key + "es" in self._folded
        ):
            return True  # _english_plural
        french_keys = {transliteration_key(word, "fr"), transliteration_key(word, "en")}
        if french_keys & self._keys:
            return True
        return bool({_place_key(k) for k in french_keys} & self._place_keys)

    def similar(self, word: str, threshold: float) -> bool:
        """Whether ``name_similarity(name, word) >= threshold`` for one of the names."""
        for query, choices in (
            (fold(word), self.folded), (transliteration_key(word, "fr"), self.keys)
        ):
            near = process.extract(
                query, choices, scorer=Indel.normalized_similarity, limit=None,
                score_cutoff=max(0.0, threshold - self._MARGIN),
            )
            if any(Indel.normalized_similarity(choice, query) >= threshold
                   for choice, _, _ in near):
                return True
        return False

    def close(self, word: str, threshold: float) -> bool:
        """``same`` or ``similar``: what comparing ``word`` with every name would say."""
        return self.same(word) or self.similar(word, threshold)


# ---------------------------------------------------------------------------------------
# Settings


class EntitySettings(Settings):
    """``[checks.entities]`` of the run config."""

    ner: StrictStr = "auto"  # "auto" (spaCy where installed), "spacy" or "rules"
    link_threshold: Number = LINK_THRESHOLD
    missing_threshold: Number = MISSING_THRESHOLD
    report_missing: StrictBool = Field(True, alias="missing")

    @field_validator("ner")
    @classmethod
    def _check_ner(cls, value: str) -> str:
        if value not in ("auto", "spacy", "rules"):
            raise ValueError(f"expected 'auto', 'spacy' or 'rules', got {value!r}")
        return value

    @field_validator("link_threshold", "missing_threshold")
    @classmethod
    def _check_threshold(cls, value: float) -> float:
        if not 0.0 < value <= 1.0:
            raise ValueError("expected a number in (0, 1]")
        return value


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
    """Words of text[start:end], hyphenated names split: Jean-Luc → Jean, Luc; an elided
    particle left out: d'Aubigny → Aubigny, as « de » and « von » are (O'Brien stays)."""
    parts = []
    for match in _TOKEN.finditer(text, start, end):
        offset = match.start()
        for piece in re.split(r"([-‐])", match.group()):
            elided = _ELIDED_PARTICLE.match(piece)
            if elided:
                offset += elided.end()
                piece = piece[elided.end():]
            if piece and piece not in "-‐":
                parts.append(Part(piece, offset, offset + len(piece)))
            offset += len(piece)
    return parts


_ELIDED_PARTICLE = re.compile(r"[dl]['’](?=[A-ZÀ-Ý])")


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


def _common_english(word: str) -> bool:
    """Apertium's English dictionary knows the word only as a common word."""
    return apertium_names().english_words([word])[word].common_only


def _common_in_wordnet(word: str) -> bool:
    """The word's most frequent WordNet sense is no person or place ("Attendance"), and
    Apertium's English dictionary does not know it as a proper noun."""
    graph = wordnet_graph()
    if graph is None or apertium_names().english_words([word])[word].proper:
        return False
    senses = graph.synsets(english_lemma(word.lower()))
    return bool(senses) and graph.synset(senses[0]).lexname not in _NAMED_SENSES


_NAMED_SENSES = frozenset({"noun.person", "noun.location"})


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
        if index == 0 and sentence_initial and (
            _common_english(part.text) or len(parts) == 1 and _common_in_wordnet(part.text)
        ):
            continue  # "Continue like this", "Attendance has…": a common word opening it
        if label != "PERSON" and _common_english(part.text):
            continue  # Observatory / Observatoire, Centre: a translated word of the name
        if _ACRONYM.match(part.text) or _PLURAL_ACRONYM.match(part.text):
            continue  # an acronym, or one in the plural (MPs, NGOs): no letters to compare
        if not part.text[:1].isupper():
            continue
        if len(key) < 2:
            continue  # a letter alone (B-flat, Plan B, vitamin C) is no name to find
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


# A sentence-opening word set off by a comma before a subject pronoun describes that subject
# (« Inquiet, il appela … », « Méfiant, celui-ci prévint … »): a name there would be the
# subject itself.
_DETACHED = re.compile(
    r",\s*(?:il|elle|ils|elles|on|celui-ci|celle-ci|ceux-ci|celles-ci|ce dernier"
    r"|cette derni[eè]re)\b"
)


# A sentence-opening past participle in -é(e)(s) before a preposition opens a detached
# phrase (« Construite en 1900, … », « Fragilisée par un séisme, … »), not a name.
_OPENING_PARTICIPLE = re.compile(
    r"\w+(?:é|ée|és|ées)\s+(?:par|en|dans|sur|sous|pour|avec|après|lors|à|au|aux)\s"
)


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
        if word.sentence_initial and _DETACHED.match(text, word.end):
            continue  # « Méfiant, celui-ci prévint … »: an attribute of the subject after it
        if word.sentence_initial and _OPENING_PARTICIPLE.match(text, word.start):
            continue  # « Fragilisée par un séisme, la coupole … »: a participle
        parts.extend(p for p in _split(text, word.start, word.end) if p.text[:1].isupper())
    return parts


_DEMONYM_ENDING = re.compile(r"(?:ais|aise|ois|oise|ien|ienne|ain|aine|in|ine|an|ane)s?$")


def demonym(place: str, french: str) -> bool:
    """« Bordelais », « Parisiennes », « Niçois »: a French word for the people of ``place``,
    its beginning and a demonym's ending, longer than the place (« Rotterdan » for
    "Rotterdam" is a misspelling)."""
    a, b = fold(place), fold(french)
    stem = a[:min(4, len(a) - 1)]
    return len(b) > len(a) and b != a + "s" and b.startswith(stem) and bool(
        _DEMONYM_ENDING.search(b))
