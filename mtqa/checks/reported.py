"""Tenses across reported speech, for ``checks/tense.py``: a complement clause under a
verb of saying that is not in the present follows the reporting verb's tense by rules that
differ between French and English (il a dit qu'il partirait / he said he would leave, or
he was leaving), so it is judged only where no such rule reconciles the two: a French
future in the past against an English past, a past against a future.
"""

from __future__ import annotations

from collections.abc import Sequence

from mtqa.language.parse import Token
from mtqa.language.tenses import (
    CONDITIONAL,
    FUTURE,
    PAST,
    PRESENT,
    Tense,
    english_tense,
    french_tense,
)


def reported(tokens: Sequence[Token], verb: int, language: str) -> bool:
    """Inside a complement clause of a verb that is not in the present (he said that …,
    il a dit que …): its tense follows the reporting verb's by rules that differ between
    the two languages. Under a present (ils précisent que …) the tense is the speaker's."""
    read = french_tense if language == "fr" else english_tense
    index = verb
    for _ in range(12):
        token = tokens[index]
        if token.dep == "ROOT" or token.head == index:
            return False
        if token.dep in ("ccomp", "csubj", "xcomp"):
            governor = read(tokens, token.head)
            return governor is None or governor.tense != PRESENT
        index = token.head
    return True


# Verbs whose conditional a translation may give in the past (il a dit qu'il voudrait /
# he said he wanted; qu'elle serait prête / she was ready): a wish, a state or a modality.
_SOFT_CONDITIONALS = frozenset(
    "etre avoir vouloir pouvoir devoir aimer souhaiter preferer falloir sembler valoir"
    " paraitre savoir".split())


# Reported clauses whose tenses no sequence of tenses reconciles: a past against a future.
ACROSS_REPORT = frozenset({(PAST, FUTURE), (FUTURE, PAST)})


def future_in_past(mt: Tense, mt_verbs: frozenset[str], ref: Tense) -> bool:
    """A French simple conditional reported after a past (il a annoncé qu'il partirait)
    against an English simple or compound past (he announced that he left / had left)."""
    return (mt.tense == CONDITIONAL and not mt.compound
            and ref.tense == PAST and not mt_verbs & _SOFT_CONDITIONALS)
