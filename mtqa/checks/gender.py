"""The gender of a person on both sides of a pair, for the grammar detector's ``pronoun_gender``:
a third-person pronoun for a person is masculine on one side and
feminine on the other (*il* against *she*, *elle* against *he*; subject pronouns and the
reflexives *lui-même* / *elle-même*). French possessives (*son*, *sa*) agree with the
thing possessed and say nothing of the possessor's gender, so they are not evidence;
an impersonal *il* (*il faut*, *il y a*, *il semble*, *il pleut*) is not a person, and a
side that uses both genders is compared only by count (as many pronouns each side, one
more of a sex in the French: « elle … qu'il » / "she … she"). An English *he*/*she* names
a person, so the French pronoun it faces does too; one the French has no pronoun for
faces the French subject when that subject's sex shows and the English names no one
else. Possessives are judged by their owner, the subject of their clause, where the
French shows its sex: a title, a first name of one sex, a noun of one sex (*sœur*), a
woman's noun (*la directrice*), a masculine determiner (*un avocat*, *mon collègue*);
French nouns such as *la victime* are feminine whoever they name.

English calls a ship *she* where French, whose words for most vessels are masculine
(*le navire*, *le paquebot*), says *il*: in a text whose reference has named a vessel and
whose French has a masculine word for one, a French *il* against an English *she* is that
usage, not a change of person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from mtqa.checks import agreement, gendered, lexicon
from mtqa.language.parse import Token, children
from mtqa.language.tenses import readings
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
_IMPERSONAL_AFTER = re.compile(r"^\s*(?:y\b|n'y\b|est\s+\w+\s+(?:de|d'|que|qu')|"
                               r"etait\s+\w+\s+(?:de|d'|que|qu')|fait\s+(?:beau|froid|chaud|nuit|"
                               r"jour|bon))")


# Pronominal verbs with an impersonal "il": il s'agit, il se passe, il se peut, il s'avère;
# any other « il se … » is a person's (il se dit prêt) unless a « que » follows the verb
# (il se dit que …, il se trouve que …).
_IMPERSONAL_PRONOMINAL = frozenset("agir passer pouvoir produire avérer dérouler faire".split())
_PRONOMINAL_AFTER = re.compile(r"^\s*(?:s'|se\s)")
_QUE_AFTER = re.compile(r"^\s*(?:\S+\s+){1,2}(?:que|qu')")
# Verbs whose "il" is impersonal in one use (il reste deux places, il manque un euro) and a
# person in another (il reste en poste, il manque la réunion): a person noun of the same
# gender as the pronoun, subject before it in the sentence, makes it that person's.
_SOMETIMES_IMPERSONAL = frozenset(
    "rester manquer arriver suffire exister valoir importer convenir sembler paraître "
    "advenir".split()
)


def _antecedent(tokens: Sequence[Token], index: int) -> bool:
    """A masculine person noun, subject of a clause before the pronoun at ``index``."""
    from mtqa.checks import wordlink  # the dictionary loads on first use

    for i in range(index - 1, -1, -1):
        token = tokens[i]
        if token.pos == "NOUN" and token.dep.startswith("nsubj") and token.feature(
            "Gender"
        ) == "Masc" and any(person(sense.split()[-1]) for sense in
                            wordlink.french_senses([token])[0] if sense):
            return True
    return False


def _impersonal(tokens: Sequence[Token], index: int, folded: str) -> bool:
    """An impersonal "il": il faut, il y a, il s'agit, il est facile de."""
    token = tokens[index]
    head = tokens[token.head]
    after = folded[token.end:]
    if _PRONOMINAL_AFTER.match(after):
        return head.lemma in _IMPERSONAL_PRONOMINAL or bool(
            _QUE_AFTER.match(_PRONOMINAL_AFTER.sub("", after, count=1)))
    # the tagger's lemma, or Apertium's when the tagger has none of its own (reste / rester)
    lemmas = {head.lemma, *(r.split("<")[0] for r in readings(head.text) if "<vb" in r)}
    if lemmas & _SOMETIMES_IMPERSONAL and _antecedent(tokens, index):
        return False
    return bool(lemmas & _IMPERSONAL) or bool(_IMPERSONAL_AFTER.match(after))


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
    for index, token in enumerate(tokens):
        gender = _FR_PRONOUNS.get(lexicon.fold(token.text))
        if gender is None:
            continue
        if token.text.lower() in ("il", "elle") and token.pos:
            if not token.dep.startswith(("nsubj", "expl")):
                continue  # "elle" after a preposition (pour elle) is a person too, but rare
            if gender == "masculine" and _impersonal(tokens, index, folded):
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
    if not ref:
        return None
    mt = _french_pronouns(pair.mt_text)
    if not mt and len({p.gender for p in ref}) == 1:
        return _implied_change(pair, engines, ref)
    if len({p.gender for p in ref}) != 1 or len({p.gender for p in mt}) != 1:
        return _counted_change(pair, engines, mt, ref)
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


def _counted_change(pair: Pair, engines: Sequence[str], mt: Sequence[Pronoun],
                    ref: Sequence[Pronoun]) -> GenderChange | None:
    """Two people, one of each gender, on one side and not on the other: as many pronouns
    on each side, one more of a gender in the MT and one fewer of the other (« elle … qu'il
    devait » / "she … that she had to"), paired in their order; the back-translation
    counting them as the reference does vouches for the French."""
    if len(mt) != len(ref) or len(ref) < 2:
        return None
    count_mt, count_ref = Counter(p.gender for p in mt), Counter(p.gender for p in ref)
    if count_mt == count_ref:
        return None
    for engine in engines:
        if engine in pair.bt and Counter(
            p.gender for p in _english_pronouns(pair.bt[engine])
        ) == count_ref:
            return None
    for fr, en in zip(mt, ref, strict=True):
        if fr.gender != en.gender and count_mt[fr.gender] > count_ref[fr.gender]:
            return GenderChange(fr, en, ())
    return None


# --- the gender of a possessor ------------------------------------------------------------

_FR_POSSESSIVES = frozenset({"son", "sa", "ses"})
_EN_POSSESSIVES = {"his": "masculine", "her": "feminine"}
_EN_PERSON_WORDS = frozenset(
    "he she him her his hers himself herself they them their theirs themselves".split())
_FR_MASCULINE_DETERMINERS = frozenset({"un", "le", "ce", "cet"})
# « mon ami » and « mon amie »: a possessive determiner is masculine before a consonant only
_FR_MASCULINE_POSSESSIVE = frozenset({"mon", "ton", "son"})  # notre, leur: either
_PERSON_DEPTH = 8  # hypernym steps from a noun up to WordNet's "person"


def person(lemma: str) -> bool:
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
    net = wordnet_graph()
    if net is not None and net.synsets(token.lemma.lower(), "NOUN") and not person(
        token.lemma.lower()
    ):
        return False  # Sunday, Mass, Paris: WordNet knows the word as no person
    return token.pos == "PROPN" and not token.text.isupper() and not any(
        tokens[c].text.lower() == "the" for c in children(tokens, index)
    ) and not (tokens[token.head].pos == "PROPN" and any(
        tokens[c].text.lower() == "the" for c in children(tokens, token.head)))


def _clause_subject(tokens: Sequence[Token], noun: int) -> int | None:
    """The subject of the clause a noun is an object or complement in; None when the noun
    is itself a subject (its possessor may be anyone the text has named)."""
    index = noun
    while tokens[index].dep == "conj" and tokens[index].head != index:
        index = tokens[index].head  # « ses plans et son budget »: the first conjunct's role
    start = index
    for _ in range(6):
        token = tokens[index]
        if token.dep.startswith("nsubj"):
            return None
        subjects = [c for c in children(tokens, index) if tokens[c].dep.startswith("nsubj")]
        if subjects and index != start:
            return subjects[0]
        if token.dep == "ROOT" or token.head == index or token.dep in (
            "acl", "acl:relcl", "relcl", "advcl", "ccomp", "conj", "parataxis"
        ):
            return None
        index = token.head
    return None


_FR_FEMININE_DETERMINERS = frozenset({"une", "la", "cette", "ma", "ta", "sa"})
_TAG = re.compile(r"<(\w+)>")


def _woman(word: str, determiner: str) -> bool:
    """A French noun after a feminine determiner that names a woman: the feminine of a
    noun for a man (directrice, chanteuse, avocate) or a noun of either gender (la juge,
    la ministre); not a noun that is feminine whoever it names (la victime, la personne).
    After an elided « l' » only the feminine of a noun for a man says it (l'actrice)."""
    elided = determiner in ("l'", "l’")
    if determiner not in _FR_FEMININE_DETERMINERS and not elided:
        return False
    for reading in readings(word):
        tags = set(_TAG.findall(reading))
        derived = "f" in tags and lexicon.fold(reading.split("<")[0]) != lexicon.fold(word)
        if "n" in tags and (derived or not elided and ("mf" in tags or "m" in tags)):
            return True
    return False


def _possessor_gender(tokens: Sequence[Token], subject: int) -> str | None:
    """The gender a French person subject gives its possessives' owner: masculine for a
    noun after a masculine determiner (un avocat, mon collègue, l'acteur), feminine for a
    woman's noun (la juge, l'actrice), either by a noun of one sex (ma sœur), a title before
    a name (M. Martin, Mme Leroy) or a first name of one sex (Julien, Jeanne)."""
    by_title = agreement.title_gender(tokens, subject)
    if by_title is not None:
        return by_title
    token = tokens[subject]
    if token.pos == "PROPN":  # a first name of one sex (Julien, Jeanne; not Camille)
        found = {gendered.name_gender(tokens[i].text) for i in _name_group(tokens, subject)
                 if tokens[i].pos == "PROPN"}
        found.discard(None)
        return found.pop() if len(found) == 1 else None
    if token.pos != "NOUN" and not (token.pos == "ADJ" and token.dep.startswith("nsubj")):
        return None  # a subject noun the tagger took for an adjective (« mon voisin »)
    determiners = [tokens[c].text.lower() for c in children(tokens, subject)
                   if tokens[c].dep == "det"]
    if not determiners:
        return None
    sexed = gendered.sexed_noun(token)
    if sexed is not None:
        return sexed  # « ma sœur », « le grand-père », « l'oncle »
    if determiners[0] in _FR_MASCULINE_POSSESSIVE and token.text[:1].lower() not in (
        "aeéèêiîoôuhy"
    ):
        return "masculine"  # « mon collègue » (« ma collègue »)
    masculine_determiner = determiners[0] in _FR_MASCULINE_DETERMINERS or (
        determiners[0] in ("l'", "l’") and gendered.has_feminine(token.text))
    if token.feature("Gender") == "Masc" and masculine_determiner:
        return "masculine"
    if _woman(token.text, determiners[0]):  # the determiner, not the tagger, says « la ministre »
        return "feminine"
    return None


def _name_group(tokens: Sequence[Token], index: int) -> set[int]:
    """A subject and the words that name the same person: its title and the rest of its
    name (Mrs Garcia, M. Martin), a noun in apposition (Garcia, the new mayor)."""
    group = {index}
    for c in children(tokens, index):
        if tokens[c].dep.startswith(("compound", "flat", "appos")):
            group.add(c)
    if tokens[index].dep.startswith(("compound", "flat")):
        group.add(tokens[index].head)
    return group


def _judged(tokens: Sequence[Token], possessives: Sequence[int]) -> dict[int, int]:
    """Possessive -> the subject of its clause, for the possessives whose noun is not itself
    a subject (« son fils a retrouvé… »: its owner may be anyone the text has named)."""
    found = {i: _clause_subject(tokens, tokens[i].head) for i in possessives}
    return {i: subject for i, subject in found.items() if subject is not None}


def possessor_change(pair: Pair) -> GenderChange | None:
    """Possessives whose owner the English and the French give different genders: the
    subject of the clause is a French person whose gender the French shows (un avocat,
    la directrice, la juge, l'actrice, M. Martin, Mme Leroy) and the same person, neutral
    in English, owns "her" or "his".

    French possessives agree with the thing possessed, so only the subject tells the
    possessor's gender, and only where nothing else could be the possessor: as many
    possessives owned by a clause's subject on each side, all by that subject, no other
    third person in the reference before them (a plural noun cannot own "his" or "her").
    French nouns that are feminine whoever they name (la victime, la personne) say nothing
    of the person.
    """
    ref = lexicon.parse(pair.ref_text, "en")
    owners = _judged(ref, [i for i, t in enumerate(ref)
                           if t.text.lower() in _EN_POSSESSIVES and t.dep == "poss"])
    genders = {_EN_POSSESSIVES[ref[i].text.lower()] for i in owners}
    subjects = set(owners.values())
    if len(genders) != 1 or len(subjects) != 1:
        return None
    gender, ref_subject = genders.pop(), subjects.pop()
    named = ref[ref_subject].pos == "PROPN"
    if not named and (ref[ref_subject].pos != "NOUN" or not person(ref[ref_subject].lemma)):
        return None
    group = _name_group(ref, ref_subject)
    last, possessed = max(owners), {ref[i].head for i in owners}

    def another(i: int, t: Token) -> bool:
        if i in owners or i in group or (i > last and i not in possessed):
            return False  # the owner itself, or a word after the possessives that is not theirs
        if t.text.lower() in _EN_PERSON_WORDS:
            return True
        if t.feature("Number") == "Plur":
            return False
        return _maybe_named_person(ref, i) or (t.pos == "NOUN" and person(t.lemma))

    if any(another(i, t) for i, t in enumerate(ref)):
        return None  # someone else the possessive may refer to
    mt = lexicon.parse(pair.mt_text, "fr")
    possessives = _judged(mt, [i for i, t in enumerate(mt) if t.text.lower() in _FR_POSSESSIVES])
    mt_subjects = set(possessives.values())
    if len(possessives) != len(owners) or len(mt_subjects) != 1:
        return None
    subject = mt_subjects.pop()
    mt_gender = _possessor_gender(mt, subject)
    if mt_gender is None or mt_gender == gender:
        return None
    if not _same_person(ref, group, mt, subject):
        return None
    mt_group = _name_group(mt, subject) | {c for c in children(mt, subject)
                                           if mt[c].dep == "det"}
    owner = min(owners)
    return GenderChange(
        Pronoun(mt_gender, (min(mt[i].start for i in mt_group), max(mt[i].end for i in mt_group))),
        Pronoun(gender, (ref[owner].start, ref[owner].end)), (),
    )


def _same_person(ref: Sequence[Token], group: set[int], mt: Sequence[Token], subject: int) -> bool:
    """The French subject names the person the English one does: the same name, or a
    French person noun that translates an English noun of the subject's group."""
    from mtqa.checks import wordlink  # the dictionary loads on first use

    mt_group = _name_group(mt, subject)
    names = {lexicon.fold(mt[i].text) for i in mt_group}
    if any(ref[i].pos == "PROPN" and lexicon.fold(ref[i].text) in names for i in group):
        return True
    senses = wordlink.french_senses([mt[subject]])[0] if mt[subject].pos in (
        "NOUN", "ADJ") else ()
    return any(ref[i].pos == "NOUN" and ref[i].lemma in senses for i in group)


_FR_THIRD_PERSON = frozenset({"il", "elle", "lui", "elle-même", "lui-même", "ils", "elles",
                              "eux"})


def _implied_change(pair: Pair, engines: Sequence[str],
                    ref: Sequence[Pronoun]) -> GenderChange | None:
    """An English pronoun the French has no pronoun for (« Mme Leroy a promis de rénover »
    / "Ms Leroy promised he would renovate"): the French subject of the sentence, a
    person whose sex the French shows, is the one person the English sentence names, and
    is of the other sex. The back-translation giving the reference's pronoun vouches for
    the French."""
    ref = [p for p in ref if not pair.ref_text[slice(*p.span)].lower().endswith("self")]
    mt = lexicon.parse(pair.mt_text, "fr")
    if not ref or any(lexicon.fold(t.text) in _FR_THIRD_PERSON for t in mt):
        return None  # a reflexive is judged by the French agreement (agreement_change)
    roots = [i for i, t in enumerate(mt) if t.dep == "ROOT"]
    subjects = [c for c in children(mt, roots[0]) if mt[c].dep.startswith("nsubj")] if len(
        roots) == 1 else []
    if len(subjects) != 1:
        return None
    mt_gender = _possessor_gender(mt, subjects[0])
    if mt_gender is None or mt_gender == ref[0].gender:
        return None
    en = lexicon.parse(pair.ref_text, "en")
    en_subjects = [i for i, t in enumerate(en) if t.dep.startswith("nsubj") and (
        t.pos == "PROPN" or t.pos == "NOUN" and person(t.lemma))]
    if len(en_subjects) != 1:
        return None
    group = _name_group(en, en_subjects[0])
    if any(i not in group and (t.text.lower() in _EN_PERSON_WORDS - _PRONOUN_WORDS[ref[0].gender]
                               or _maybe_named_person(en, i)
                               or t.pos == "NOUN" and person(t.lemma))
           for i, t in enumerate(en)):
        return None  # someone else the pronoun may stand for
    if not _same_person(en, group, mt, subjects[0]):
        return None
    for engine in engines:
        if engine in pair.bt and ref[0].gender in {
            p.gender for p in _english_pronouns(pair.bt[engine])
        }:
            return None
    mt_group = _name_group(mt, subjects[0]) | {c for c in children(mt, subjects[0])
                                               if mt[c].dep == "det"}
    return GenderChange(
        Pronoun(mt_gender, (min(mt[i].start for i in mt_group),
                            max(mt[i].end for i in mt_group))), ref[0], ())


_PRONOUN_WORDS = {"masculine": frozenset({"he", "him", "his", "himself"}),
                  "feminine": frozenset({"she", "her", "hers", "herself"})}


# --- a gender French agreement shows ------------------------------------------------------

_EN_OBJECTS = {"him": "masculine", "her": "feminine"}
_EN_REFLEXIVES = {"himself": "masculine", "herself": "feminine"}


def _bt_reads_as_ref(pair: Pair, engines: Sequence[str], words: dict[str, str],
                     ref_gender: str, mt_gender: str) -> bool:
    """A back-translation that gives the person the reference's gender and not the MT's."""
    for engine in engines:
        if engine in pair.bt:
            genders = {words[w] for w in _WORD.findall(pair.bt[engine].lower()) if w in words}
            if ref_gender in genders and mt_gender not in genders:
                return True
    return False


def agreement_change(pair: Pair, engines: Sequence[str]) -> GenderChange | None:
    """A person's gender the French shows by agreement, against the English word for the
    same person: the one object pronoun (« il l'a invitée » / "he invited him"; « avec
    lui » / "with her"),
    or the subject of the one pronominal verb (« elle s'est blessée » / "she hurt
    himself"). See ``checks/agreement.py`` for what French agreement says and what not."""
    ref = lexicon.parse(pair.ref_text, "en")
    mt = lexicon.parse(pair.mt_text, "fr")
    candidates = []
    # an English object or a preposition's object (« l'a accompagné » / "went with him");
    # not a dative (« je l'ai dit » / "I told her": the « l' » is the thing said), nor where
    # an object "it" may be what the « l' » stands for
    objects = [i for i, t in enumerate(ref) if t.text.lower() in _EN_OBJECTS
               and t.dep in ("dobj", "obj", "pobj")]
    clitics = agreement.object_clitics(mt) + agreement.disjunctive_pronouns(mt)
    neuter = any(t.text.lower() in ("it", "that", "this", "so") and t.dep in ("dobj", "obj")
                 for t in ref)
    if len(objects) == 1 and len(clitics) == 1 and not neuter:
        candidates.append((objects[0], clitics[0], _EN_OBJECTS))
    reflexives = [i for i, t in enumerate(ref) if t.text.lower() in _EN_REFLEXIVES]
    subjects = agreement.reflexive_subjects(mt, _possessor_gender)
    if len(reflexives) == 1 and len(subjects) == 1 and not _french_pronouns(pair.mt_text):
        candidates.append((reflexives[0], subjects[0], _EN_REFLEXIVES))
    for index, (start, end, mt_gender), words in candidates:
        ref_gender = words[ref[index].text.lower()]
        if ref_gender == mt_gender or _bt_reads_as_ref(pair, engines, words, ref_gender,
                                                       mt_gender):
            continue
        return GenderChange(Pronoun(mt_gender, (start, end)),
                            Pronoun(ref_gender, (ref[index].start, ref[index].end)), ())
    return None
