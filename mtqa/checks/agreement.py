"""The gender French grammar shows where no *il* or *elle* says it, for ``pronoun_gender``.

A French past participle agrees with the subject of *être* (*elle s'est blessée*, *il est
parti*) and with a direct object pronoun placed before *avoir* (*il l'a invitée*, *elle
l'a remercié*); a title (*M.*, *Mme*) gives the gender of the name it stands before. English
shows the same person's gender by a reflexive (*herself*), an object pronoun (*him*) or a
possessive (*his*), so each of these French cues can be set against those English words.

What is left out: *lui* and *leur* (either gender), *l'* before a verb with no agreeing
participle (*ils l'adorent*), a plural participle, and a masculine participle of a
pronominal verb whose *se* is an indirect object (*elle s'est menti*, *elle s'est lavé les
mains*), which never agrees.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    return genders.pop() if len(genders) == 1 else None


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


def reflexive_subjects(tokens: Sequence[Token]) -> list[Cue]:
    """Pronominal verbs (« s'est blessée ») whose subject's gender the French shows."""
    found = []
    for i, token in enumerate(tokens):
        if token.pos in ("VERB", "AUX") and any(
            tokens[c].text.lower() in _SE for c in children(tokens, i)
        ):
            gender = subject_gender(tokens, i)
            if gender is not None:
                first = min(c for c in children(tokens, i) if tokens[c].text.lower() in _SE)
                found.append((tokens[first].start, token.end, gender))
    return found


def object_clitics(tokens: Sequence[Token]) -> list[Cue]:
    """Direct object pronouns whose gender the French shows: « la » before a verb, or
    « l' » / « le » / « la » before *avoir* and a participle that agrees with it
    (« l'a invitée »)."""
    found = []
    for token in tokens:
        text = token.text.lower()
        if token.pos != "PRON" or token.dep != "obj" or text not in ("l'", "le", "la"):
            continue
        verb = token.head
        if "avoir" in _auxiliaries(tokens, verb):
            gender = participle_gender(tokens[verb])
            if gender is not None:
                found.append((token.start, max(token.end, tokens[verb].end), gender))
        elif text == "la":
            found.append((token.start, token.end, FEMININE))
    return found
