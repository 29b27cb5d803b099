"""French locutions whose nouns carry no word of their own in a translation.

« au sein de » is "within", « a eu lieu » is "took place" or a verb alone ("was held"), « au
mois de mars » is "in March", « le secteur de l'ameublement » is "the furniture trade" or
"furniture": the noun of such a locution is grammar, not content, and a reference that has
no word for it has left nothing out. General knowledge of French; the word-level addition
check asks ``in_locution`` before it reports a French word the reference does not render.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mtqa.language.text import fold_keep_length

_OF = r"d(?:e|u|es|')"
_MONTHS = (r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
           r"|decembre)")
_LOCUTIONS = (
    # prepositional locutions: within, during, after, with, towards, instead of...
    rf"au sein {_OF}", rf"au cours {_OF}", rf"a l'issue {_OF}", rf"au terme {_OF}",
    rf"a l'aide {_OF}", rf"au moyen {_OF}", rf"a l'egard {_OF}", rf"au profit {_OF}",
    rf"en faveur {_OF}", rf"au lieu {_OF}", rf"a la suite {_OF}", rf"au fil {_OF}",
    rf"a l'instar {_OF}", rf"en depit {_OF}", rf"aux cotes {_OF}", rf"a l'occasion {_OF}",
    rf"dans le cadre {_OF}", rf"en matiere {_OF}", rf"en termes {_OF}", rf"en vue {_OF}",
    rf"en fonction {_OF}", rf"a hauteur {_OF}", rf"en cas {_OF}", rf"a la tete {_OF}",
    rf"de la part {_OF}", r"par rapport a(?:u|ux)?", r"a l'heure actuelle",
    r"au fur et a mesure", r"en fin de compte",
    # verbal locutions: take place, give rise to, need, be part of, face, take into account
    r"(?:avoir|a|ont|avait|avaient|aura|auront|aurait|eu|ait|aient) lieu",
    r"donn\w* lieu", r"(?:fai\w*|fera\w*|fit|fu?rent) (?:partie|face|etat|appel|preuve|part)",
    r"pri[st]e?s? part|prend\w* part|prendre part", r"tien\w* compte|tenu compte|tenir compte",
    r"mi[st]e?s? fin|mett\w* fin|pri[st]e?s? fin|prend\w* fin",
    r"(?:fai\w*|fera\w*|fit) l'objet", r"(?:a|ont|avoir|avait|avaient|eu) (?:droit|recours)",
    # the purpose of an inquiry, which English says with "into": « une enquête pour
    # déterminer les causes » = "an investigation into the causes"
    r"(?:enquetes?|investigations?|expertises?|autopsies?|analyses?|etudes?|audits?)"
    r" (?:pour|afin d'|afin de|visant a) (?:determiner|etablir|connaitre|comprendre"
    r"|identifier|eclaircir|elucider|preciser)",
    # a month said with its noun: « au mois de mars » = "in March"
    rf"(?:au|du|le|ce) mois (?:de |d'){_MONTHS}",
    # a noun that frames a trade or a field: « le secteur de l'ameublement » = "furniture"
    rf"(?:le|du|au|ce) (?:secteur|domaine|milieu|monde) {_OF}",
    # « de nationalité suisse » = "Swiss"; « le nombre de naissances a baissé » = "births
    # fell"
    r"de nationalite", rf"le nombre {_OF}",
    # « est présent dans les légumes » = "is in vegetables", "operates in"
    r"(?:est|sont|etait|etaient|etre|sera|seront|reste|restent)\s+(?:[\w'-]+\s+)?"
    r"(?P<n2>present(?:e|s|es)?)(?= (?:dans|sur|en|au|aux)\b)",
    # a superlative's « de l'histoire » = "ever" (only the group ``n`` or ``n2`` is the
    # locution's where one is named: the other words count)
    r"(?:plus|moins|meilleure?s?|pire?s?)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?P<n>de (?:l'|son |sa |leur )?histoire)",
)
_PATTERN = re.compile(r"(?<![\w-])(?:" + "|".join(_LOCUTIONS) + r")(?![\w-])")


@lru_cache(maxsize=256)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(next((m.span(g) for g in ("n", "n2") if m.group(g)), m.span())
                 for m in _PATTERN.finditer(fold_keep_length(text).lower()))


def in_locution(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` of the French ``text`` is one of a locution's."""
    return any(s <= start and end <= e for s, e in _spans(text))
