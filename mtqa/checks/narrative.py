"""The French narrative present: a present that tells of past events, which English
renders with its past (« Le 14 juillet 1789, le peuple prend la Bastille » / "the people
stormed the Bastille"; « La liste arrive en tête dimanche » / "came first").

French news and biography use it freely, so a French present against an English past is
only a tense error where nothing says the French narrates the past. What says so:

- a time in the past named in the French sentence: a year, *hier*, *lundi dernier*,
  *l'an passé*, *il y a trois ans*, *autrefois* (the finding is left out);
- a past narrative around it: the sentence before or after tells of the past in both
  languages (a French past tense rendered by an English past), and the English sentence
  is in the past throughout (the finding is left out);
- the journalistic present of a verb of saying or judging (« les autorités appellent …
  », « la Cour juge … » / "urged", "described"), in an English sentence in the past
  throughout: weaker evidence, so the finding is kept as minor.

None of this holds when the English sentence has a clause in the present or the future
(the past is then the odd one out: "the law established it as … and the signs are …"),
or when the French names a habit (*généralement*, *souvent*, *chaque année*): a habitual
present (« ils proposent généralement … ») says what still holds, and an English past
("they usually offered") says it no longer does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mtqa.checks import lexicon
from mtqa.language.parse import Token
from mtqa.language.tenses import FUTURE, PAST, PRESENT, Tenses, clause_tenses
from mtqa.model import Pair

LEFT_OUT, MINOR = "left out", "minor"

_YEAR = re.compile(r"(?<!\d)(?:1[0-9]{3}|20[0-9]{2})(?!\d)")
# Times in the past, in folded French (no accents, straight apostrophes).
_FR_PAST_TIME = re.compile(
    r"(?<![\w-])(?:hier|avant-hier|autrefois|jadis|naguere|a l'epoque|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|semaine|mois|annee|an|ete|hiver|"
    r"printemps|automne|siecle|week-end|nuit|soir) (?:dernier|derniere|passee?)|"
    r"il y a (?:\w+ ){0,2}(?:jours|semaines|mois|ans|annees|siecles|decennies|heures))(?![\w-])"
)
# Adverbs of habit and frequency: the present they go with is a habitual one.
_FR_HABIT = re.compile(
    r"(?<![\w-])(?:generalement|en general|souvent|toujours|d'habitude|habituellement|"
    r"frequemment|parfois|quelquefois|rarement|regulierement|chaque (?:jour|semaine|mois|"
    r"annee|an|fois|matin|soir)|tous les (?:jours|ans|matins|soirs|mois))(?![\w-])"
)
# French verbs of saying and judging, whose present is the journalistic present of a
# report ("says", "said").
_FR_SPEECH = frozenset(
    "dire déclarer affirmer annoncer estimer juger appeler demander exhorter réclamer "
    "dénoncer souligner préciser indiquer rappeler expliquer assurer avertir prévenir "
    "promettre reconnaître admettre nier démentir confirmer qualifier saluer critiquer "
    "condamner regretter déplorer exiger recommander répondre ajouter insister accuser "
    "plaider alerter prôner fustiger raconter confier".split()
)


def past_time(french: str) -> bool:
    """The French sentence names a time in the past (a year, *hier*, *l'an dernier*)."""
    return bool(_YEAR.search(french) or _FR_PAST_TIME.search(lexicon.fold(french)))


def _past_throughout(ref: Tenses) -> bool:
    """No clause of the English sentence (reported ones aside) in the present or future."""
    return bool(ref.clauses) and not any(t.tense in (PRESENT, FUTURE) for t in ref.clauses)


def tells_of_the_past(pair: Pair) -> bool:
    """A pair whose French and English both narrate in the past: a French past tense
    (passé composé, passé simple, imparfait) rendered by an English past."""
    if not pair.aligned:
        return False
    mt = clause_tenses(lexicon.parse(pair.mt_text, "fr"), "fr")
    ref = clause_tenses(lexicon.parse(pair.ref_text, "en"), "en")
    return any(t.tense == PAST for t in mt.main) and any(t.tense == PAST for t in ref.main)


def narrative_present(
    pair: Pair, mt_tokens: Sequence[Token], verb: int, ref: Tenses,
    neighbours: Sequence[Pair] = (),
) -> str | None:
    """Whether a French present (``verb``) against an English past may be a narrative
    present: ``LEFT_OUT``, ``MINOR`` or None (a tense error)."""
    if past_time(pair.mt_text):
        return LEFT_OUT
    if not _past_throughout(ref) or _FR_HABIT.search(lexicon.fold(pair.mt_text)):
        return None
    if any(tells_of_the_past(n) for n in neighbours):
        return LEFT_OUT
    if 0 <= verb < len(mt_tokens) and mt_tokens[verb].lemma.lower() in _FR_SPEECH:
        return MINOR
    return None
