"""The gender of a person on both sides of a pair, for the grammar detector's ``pronoun_gender``:
a third-person pronoun for a person is masculine on one side and
feminine on the other (*il* against *she*, *elle* against *he*; subject pronouns and the
reflexives *lui-même* / *elle-même*). French possessives (*son*, *sa*) agree with the
thing possessed and say nothing of the possessor's gender, so they are not evidence;
an impersonal *il* (*il faut*, *il y a*, *il semble*, *il pleut*) is not a person, and a
side that uses both genders is not compared. An English *he*/*she* names a person, so
the French pronoun it faces does too. One possessive is judged: a masculine person noun
that is the subject of its clause (*un avocat a exprimé son intention*) against the
same noun owning *her* in a reference that names no one else it could be; not the
reverse, since French nouns such as *la victime* are feminine whoever they name.

English calls a ship *she* where French, whose words for most vessels are masculine
(*le navire*, *le paquebot*), says *il*: in a text whose reference has named a vessel and
whose French has a masculine word for one, a French *il* against an English *she* is that
usage, not a change of person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mtqa.checks import lexicon
from mtqa.language.parse import Token, children
from mtqa.language.wordnet import wordnet_graph
from mtqa.model import Pair

_FR_PRONOUNS = {"il": "masculine", "elle": "feminine", "lui-meme": "masculine",
                "elle-meme": "feminine"}
_EN_PRONOUNS = {"he": "masculine", "she": "feminine", "himself": "masculine",
                "herself": "feminine"}
# Verbs with an impersonal "il": il faut, il y a, il semble, il pleut, il s'agit.
_IMPERSONAL = frozenset(
    "falloir pleuvoir neiger venter grêler sembler paraître agir suffire rester manquer "
    "exister valoir importer arriver advenir convenir".split()
)
_IMPERSONAL_AFTER = re.compile(r"^\s*(?:y\b|n'y\b|s'|se\b|est\s+\w+\s+(?:de|d'|que|qu')|"
                               r"etait\s+\w+\s+(?:de|d'|que|qu')|fait\s+(?:beau|froid|chaud|nuit|"
                               r"jour|bon))")


# Vessels English may call "she", and the masculine French words for them.
_EN_VESSELS = frozenset(
    "ship ships liner vessel boat steamer steamship frigate cruiser battleship destroyer "
    "submarine yacht ferry tanker freighter schooner galleon trawler tug warship "
    "icebreaker clipper".split()
)
_FR_MASCULINE_VESSELS = frozenset(
    "navire paquebot bateau batiment vaisseau cargo petrolier sous-marin cuirasse "
    "porte-avions voilier ferry yacht chalutier remorqueur croiseur destroyer galion "
    "trois-mats brick transatlantique brise-glace clipper".split()
)
_WORD = re.compile(r"[\w-]+")


def _words(text: str) -> set[str]:
    return {lexicon.fold(w) for w in _WORD.findall(text)}


def names_a_vessel(text: str, lang: str) -> bool:
    """An English text that names a vessel, or a French one with a masculine word for one."""
    if lang == "en":
        return bool(_words(text) & _EN_VESSELS)
    return bool({w[:-1] if w.endswith(("s", "x")) else w for w in _words(text)}
                & _FR_MASCULINE_VESSELS)


@dataclass(frozen=True)
class Pronoun:
    gender: str
    span: tuple[int, int]


def _french_pronouns(text: str) -> list[Pronoun]:
    tokens = lexicon.parse(text, "fr")
    folded = lexicon.fold_keep_length(text)
    found = []
    for token in tokens:
        gender = _FR_PRONOUNS.get(lexicon.fold(token.text))
        if gender is None:
            continue
        if token.text.lower() in ("il", "elle") and token.pos:
            if not token.dep.startswith(("nsubj", "expl")):
                continue  # "elle" after a preposition (pour elle) is a person too, but rare
            head = tokens[token.head]
            if gender == "masculine" and (
                head.lemma in _IMPERSONAL or _IMPERSONAL_AFTER.match(folded[token.end:])
            ):
                continue
        found.append(Pronoun(gender, (token.start, token.end)))
    return found


def _english_pronouns(text: str) -> list[Pronoun]:
    found = []
    for token in lexicon.parse(text, "en"):
        gender = _EN_PRONOUNS.get(token.text.lower())
        if gender is not None and (not token.pos or token.dep.startswith("nsubj")
                                   or token.text.lower().endswith("self")):
            found.append(Pronoun(gender, (token.start, token.end)))
    return found


@dataclass(frozen=True)
class GenderChange:
    mt: Pronoun
    ref: Pronoun
    witnesses: tuple[str, ...]


def gender_change(
    pair: Pair, engines: Sequence[str], *, vessel: bool = False
) -> GenderChange | None:
    """A person's pronoun masculine on one side and feminine on the other, else None.
    ``vessel``: the text so far has named a vessel (``names_a_vessel``), which English may
    call "she" where French says "il"."""
    ref = _english_pronouns(pair.ref_text)
    if not ref or len({p.gender for p in ref}) != 1:
        return None
    mt = _french_pronouns(pair.mt_text)
    if not mt or len({p.gender for p in mt}) != 1 or mt[0].gender == ref[0].gender:
        return None
    if vessel and mt[0].gender == "masculine":
        return None
    witnesses = []
    for engine in engines:
        if engine not in pair.bt:
            continue
        genders = {p.gender for p in _english_pronouns(pair.bt[engine])}
        if ref[0].gender in genders and mt[0].gender not in genders:
            return None  # the back-translation reads the French as the reference does
        if mt[0].gender in genders:
            witnesses.append(engine)
    return GenderChange(mt[0], ref[0], tuple(witnesses))


# --- the gender of a possessor ------------------------------------------------------------

_FR_POSSESSIVES = frozenset({"son", "sa", "ses"})
_EN_POSSESSIVES = {"his": "masculine", "her": "feminine"}
_EN_PERSON_WORDS = frozenset(
    "he she him her his hers himself herself they them their theirs themselves".split())
_FR_MASCULINE_DETERMINERS = frozenset({"un", "le", "ce", "cet"})
_PERSON_DEPTH = 8  # hypernym steps from a noun up to WordNet's "person"


def _person(lemma: str) -> bool:
    """A noun whose most frequent WordNet sense is a person (lawyer; not case, whose
    rarer sense is one)."""
    net = wordnet_graph()
    if net is None:
        return False
    senses, person = net.synsets(lemma, "NOUN"), net.synsets("person", "NOUN")[:1]
    frontier = set(senses[:1])
    for _ in range(_PERSON_DEPTH):
        if frontier & set(person):
            return True
        frontier = {target for key in frontier for symbol, target, _, _ in
                    net.synset(key).pointers if symbol in ("@", "@i")}
    return False


def _maybe_named_person(tokens: Sequence[Token], index: int) -> bool:
    """A name that may be a person's: not an acronym (ECHR) nor a name after "the"."""
    token = tokens[index]
    return token.pos == "PROPN" and not token.text.isupper() and not any(
        tokens[c].text.lower() == "the" for c in children(tokens, index)
    ) and not (tokens[token.head].pos == "PROPN" and any(
        tokens[c].text.lower() == "the" for c in children(tokens, token.head)))


def _clause_subject(tokens: Sequence[Token], noun: int) -> int | None:
    """The subject of the clause a noun is an object or complement in; None when the noun
    is itself a subject (its possessor may be anyone the text has named)."""
    index = noun
    for _ in range(4):
        token = tokens[index]
        if token.dep.startswith("nsubj"):
            return None
        subjects = [c for c in children(tokens, index) if tokens[c].dep.startswith("nsubj")]
        if subjects and index != noun:
            return subjects[0]
        if token.dep == "ROOT" or token.head == index or token.dep in (
            "acl", "acl:relcl", "relcl", "advcl", "ccomp", "conj", "parataxis"
        ):
            return None
        index = token.head
    return None


def possessor_change(pair: Pair) -> GenderChange | None:
    """A possessive whose possessor the English makes a woman and the French a man: the
    subject of the clause is a person noun with a masculine determiner in the French (un
    avocat … son intention) and the same noun, neutral in English, owns "her" (a lawyer …
    her intention).

    French possessives agree with the thing possessed, so only the subject tells the
    possessor's gender, and only where nothing else could be the possessor: one possessive
    on each side, no other third person in the reference, the possessed noun not a
    subject itself. The reverse (a feminine French noun against "his") is not judged: many
    French nouns for persons are feminine whoever they name (la victime, la personne).
    """
    ref = lexicon.parse(pair.ref_text, "en")
    owners = [i for i, t in enumerate(ref) if t.text.lower() in _EN_POSSESSIVES
              and t.dep == "poss"]
    if len(owners) != 1 or _EN_POSSESSIVES[ref[owners[0]].text.lower()] != "feminine":
        return None
    owner = owners[0]
    ref_subject = _clause_subject(ref, ref[owner].head)
    if ref_subject is None or ref[ref_subject].pos != "NOUN" or not _person(
        ref[ref_subject].lemma
    ):
        return None
    if any(t.text.lower() in _EN_PERSON_WORDS and i != owner or _maybe_named_person(ref, i)
           or (t.pos == "NOUN" and i != ref_subject and _person(t.lemma))
           for i, t in enumerate(ref)):
        return None  # someone else the possessive may refer to
    mt = lexicon.parse(pair.mt_text, "fr")
    possessives = [i for i, t in enumerate(mt) if t.text.lower() in _FR_POSSESSIVES]
    if len(possessives) != 1:
        return None
    subject = _clause_subject(mt, mt[possessives[0]].head)
    if subject is None or mt[subject].pos != "NOUN" or mt[subject].feature("Gender") != "Masc":
        return None
    determiners = [mt[c].text.lower() for c in children(mt, subject) if mt[c].dep == "det"]
    if not determiners or determiners[0] not in _FR_MASCULINE_DETERMINERS:
        return None
    from mtqa.checks import wordlink  # the dictionary loads on first use

    if ref[ref_subject].lemma not in wordlink.french_senses([mt[subject]])[0]:
        return None  # not the same person noun
    span = (mt[subject].start, mt[subject].end)
    determiner = next(c for c in children(mt, subject) if mt[c].dep == "det")
    return GenderChange(
        Pronoun("masculine", (min(span[0], mt[determiner].start), span[1])),
        Pronoun("feminine", (ref[owner].start, ref[owner].end)), (),
    )
