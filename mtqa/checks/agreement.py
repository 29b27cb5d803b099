"""The gender French grammar shows where no *il* or *elle* says it, for ``pronoun_gender``.

A French past participle agrees with the subject of *être* (*elle s'est blessée*, *il est
parti*) and with a direct object pronoun placed before *avoir* (*il l'a invitée*, *elle
l'a remercié*); a title (*M.*, *Mme*) gives the gender of the name it stands before. English
shows the same person's gender by a reflexive (*herself*), an object pronoun (*him*) or a
possessive (*his*), so each of these French cues can be set against those English words.

A stressed pronoun after a preposition (*contre lui*, *avec elle*) is a man or a woman too.
What is left out: the clitic *lui* and *leur* (either gender), *l'* before a verb with no agreeing
participle (*ils l'adorent*), a plural participle, and a masculine participle of a
pronominal verb whose *se* is an indirect object (*elle s'est menti*, *elle s'est lavé les
mains*), which never agrees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mtqa.language.parse import Token, children
from mtqa.language.tenses import readings

MASCULINE, FEMININE = "masculine", "feminine"

_TITLES = {"m.": MASCULINE, "monsieur": MASCULINE, "mme": FEMININE, "madame": FEMININE,
           "mlle": FEMININE, "mademoiselle": FEMININE, "mme.": FEMININE}
# Pronominal verbs whose « se » is an indirect object: their participle never agrees.
_INDIRECT_PRONOMINAL = frozenset(
    "parler téléphoner sourire mentir nuire plaire déplaire succéder ressembler écrire "
    "dire demander rendre permettre promettre acheter offrir donner imaginer "
    "accorder procurer figurer".split()
)
_SE = frozenset({"se", "s'"})


def participle_gender(token: Token) -> str | None:
    """The gender a singular past participle shows: *invitée* feminine, *invité* masculine;
    None for a plural, a form that is not a participle, or one that reads both ways."""
    genders = set()
    for reading in readings(token.text):
        if "<vblex><pp>" in reading or "<vbser><pp>" in reading or "<vbmod><pp>" in reading:
            if "<sg>" in reading or "<sp>" in reading:
                genders.add(FEMININE if "<f>" in reading else
                            MASCULINE if "<m>" in reading else None)
    genders.discard(None)
    if not genders and not readings(token.text):
        return _unknown_participle_gender(token.text.lower())
    return genders.pop() if len(genders) == 1 else None


def _unknown_participle_gender(word: str) -> str | None:
    """A participle Apertium does not know (récusé, récusée) by its ending: -ée, -ie, -ue
    feminine, -é masculine (a word in -i or -u may be no participle at all)."""
    if word.endswith(("ée", "ie", "ue")) and len(word) > 4:
        return FEMININE
    if word.endswith("é") and len(word) > 3:
        return MASCULINE
    return None


def _auxiliaries(tokens: Sequence[Token], verb: int) -> set[str]:
    return {tokens[c].lemma for c in children(tokens, verb) if tokens[c].pos == "AUX"}


def title_gender(tokens: Sequence[Token], index: int) -> str | None:
    """The gender a title gives a name: the token itself (« M. » parsed as the head of
    « Martin ») or a title among the name's words."""
    group = [index, *children(tokens, index)]
    if tokens[index].dep.startswith("flat") or tokens[index].dep == "compound":
        group.append(tokens[index].head)
    found = {_TITLES.get(tokens[i].text.lower()) for i in group if 0 <= i < len(tokens)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def subject_gender(tokens: Sequence[Token], verb: int) -> str | None:
    """The gender of a person subject of ``verb`` from the subject's title or from a
    participle agreeing with it after *être*; None where neither shows it."""
    subjects = [c for c in children(tokens, verb) if tokens[c].dep.startswith("nsubj")]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    if tokens[subject].feature("Number") == "Plur":
        return None
    by_title = title_gender(tokens, subject)
    if by_title is not None:
        return by_title
    if "être" not in _auxiliaries(tokens, verb):
        return None
    gender = participle_gender(tokens[verb])
    pronominal = any(tokens[c].text.lower() in _SE for c in children(tokens, verb))
    if gender == MASCULINE and pronominal and (
        tokens[verb].lemma in _INDIRECT_PRONOMINAL
        or any(tokens[c].dep in ("obj", "ccomp", "xcomp") for c in children(tokens, verb))
    ):
        return None  # « elle s'est lavé les mains »: the « se » is indirect, nothing agrees
    return gender


Cue = tuple[int, int, str]  # the French words that show a gender (start, end) and the gender


def reflexive_subjects(
    tokens: Sequence[Token],
    noun_gender: Callable[[Sequence[Token], int], str | None] | None = None,
) -> list[Cue]:
    """Pronominal verbs (« s'est blessée ») whose subject's gender the French shows;
    ``noun_gender`` gives it from the subject noun itself (« mon voisin s'est acheté »)
    where neither a title nor a participle does."""
    found = []
    for i, token in enumerate(tokens):
        if token.pos in ("VERB", "AUX") and any(
            tokens[c].text.lower() in _SE for c in children(tokens, i)
        ):
            gender = subject_gender(tokens, i)
            subjects = [c for c in children(tokens, i) if tokens[c].dep.startswith("nsubj")]
            if gender is None and noun_gender is not None and len(subjects) == 1:
                gender = noun_gender(tokens, subjects[0])
            if gender is not None:
                first = min(c for c in children(tokens, i) if tokens[c].text.lower() in _SE)
                found.append((tokens[first].start, token.end, gender))
    return found


def _to_someone(tokens: Sequence[Token], verb: int) -> bool:
    """A verb with a person complement in « à » (dire, expliquer, donner quelque chose à
    quelqu'un); not a place (« l'a conduit au commissariat »)."""
    from mtqa.checks import wordlink  # the dictionary loads on first use
    from mtqa.checks.gender import person

    for c in children(tokens, verb):
        if not any(tokens[g].text.lower() in ("à", "au", "aux") and tokens[g].dep == "case"
                   for g in children(tokens, c)):
            continue
        if tokens[c].pos in ("PROPN", "PRON") or tokens[c].pos == "NOUN" and any(
            person(sense.split()[-1]) for sense in wordlink.french_senses([tokens[c]])[0]
            if sense
        ):
            return True
    return False


def object_clitics(tokens: Sequence[Token]) -> list[Cue]:
    """Direct object pronouns whose gender the French shows: « la » or « le » before a
    verb, or « l' » / « le » / « la » before *avoir* and a participle that agrees with it
    (« l'a invitée »); a masculine « l' » or « le » is no person's beside an indirect
    object (« à Marie », « lui »), where it is mostly the neuter thing said or given (the
    English object pronoun it faces, "him" or "her", is a person, and an English "it",
    "that" or "so" leaves it unjudged)."""
    found = []
    for token in tokens:
        text = token.text.lower()
        if token.dep != "obj" or text not in ("l'", "le", "la") or token.pos not in (
            "PRON", "DET"
        ) or tokens[token.head].pos not in ("VERB", "AUX"):
            continue  # (a « le » the tagger calls a determiner, object of a verb, is a clitic)
        verb = token.head
        if "avoir" in _auxiliaries(tokens, verb):
            gender = participle_gender(tokens[verb])
            if gender == MASCULINE and _to_someone(tokens, verb):
                continue  # « je l'ai dit à Marie »: the « l' » is the neuter thing said
            if gender is not None:
                found.append((token.start, max(token.end, tokens[verb].end), gender))
        elif text == "la":
            found.append((token.start, token.end, FEMININE))
        elif text == "le" and not _to_someone(tokens, verb) and not any(
            tokens[c].text.lower() in _INDIRECT_CLITICS for c in children(tokens, verb)
        ):
            found.append((token.start, token.end, MASCULINE))  # « il le connaît »
    return found


# Indirect object clitics: beside one, « le » is the neuter thing said or given
# (« je le lui ai dit »).
_INDIRECT_CLITICS = frozenset({"lui", "leur", "me", "m'", "te", "t'", "nous", "vous"})


_DISJUNCTIVE = {"lui": MASCULINE, "elle": FEMININE, "lui-même": MASCULINE,
                "elle-même": FEMININE}


def disjunctive_pronouns(tokens: Sequence[Token]) -> list[Cue]:
    """A stressed pronoun after a preposition (« contre lui », « avec elle »): *lui* there is
    a man, not the indirect object clitic of either gender (« il lui parle »)."""
    found = []
    for i, token in enumerate(tokens):
        gender = _DISJUNCTIVE.get(token.text.lower())
        if gender is None or token.pos != "PRON":
            continue
        if any(tokens[c].dep == "case" for c in children(tokens, i)) or (
            i > 0 and tokens[i - 1].pos == "ADP" and tokens[i - 1].head == i
        ):
            found.append((tokens[i - 1].start if i > 0 else token.start, token.end, gender))
    return found

