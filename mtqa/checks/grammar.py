"""Grammar that carries meaning: the tense of the main verb and the gender of a person.

Owns two kinds, both read from spaCy's parses of the French MT, the English reference and
the back-translations (the parses every family shares; nothing is parsed twice):

- ``tense_change``: the main verb of the MT and of the reference are in tenses that
  contradict each other — past against future, past against present, present against
  future. French tenses are mapped onto English ones (passé composé, passé simple,
  imparfait and plus-que-parfait ≈ past; présent ≈ present; futur and *aller* +
  infinitive ≈ *will* / *going to*; conditionnel ≈ *would*). The English present perfect
  agrees with both the French past and the French present (*depuis* + présent = *has
  been … since*); the conditionnel is never compared (the French *conditionnel
  journalistique* reports what is alleged). A French present against an English past in a
  sentence that names a year may be a historical present and is left alone; a French
  present against an English future is left alone when the French names a time to come
  (*demain*, *la semaine prochaine*). Present against future, in either direction, needs a
  back-translation that reads the French verb in the French tense. Main clauses are
  compared by their order; other clauses (relative, adverbial, coordinated) verb by verb:
  a reference verb, the French verb that translates it (Apertium's dictionary either way,
  a look-alike, or a shared WordNet verb sense) and the back-translation's counterpart of
  that French verb, where the French and the back-translation agree with each other and
  contradict the reference (il ouvre … qui ouvrait; car la route sera longue / as the road
  is long). A verb with no counterpart says nothing, so a paraphrase is not judged;
  complement clauses under a reporting verb not in the present (English shifts them
  back), French clefts (c'est … que, which keeps its present), and evaluative frames
  (il est clair que) are left out. The two compound pasts are told apart there too: a
  passé composé against an English past perfect in a sentence with no past for it to be
  anterior to, or a plus-que-parfait against a present perfect.
- ``pronoun_gender``: a third-person pronoun for a person is masculine on one side and
  feminine on the other (*il* against *she*, *elle* against *he*; subject pronouns and the
  reflexives *lui-même* / *elle-même*). French possessives (*son*, *sa*) agree with the
  thing possessed and say nothing of the possessor's gender, so they are not evidence;
  an impersonal *il* (*il faut*, *il y a*, *il semble*, *il pleut*) is not a person, and a
  side that uses both genders is not compared. An English *he*/*she* names a person, so
  the French pronoun it faces does too. One possessive is judged: a masculine person noun
  that is the subject of its clause (*un avocat a exprimé son intention*) against the
  same noun owning *her* in a reference that names no one else it could be; not the
  reverse, since French nouns such as *la victime* are feminine whoever they name.

The tense comparison lives in ``checks/tense.py``, the gender comparisons in
``checks/gender.py``; this module turns what they find into findings.
"""

from __future__ import annotations

from mtqa.checks.base import CheckContext, finding
from mtqa.checks.gender import GenderChange, gender_change, possessor_change
from mtqa.checks.tense import TenseChange, tense_change
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "grammar"

# --- the family ---------------------------------------------------------------------------


def _change_finding(
    result: DocumentResult, pair: Pair, change: TenseChange | GenderChange
) -> Finding:
    mt_span = pair.mt_text[slice(*change.mt.span)]
    ref_span = pair.ref_text[slice(*change.ref.span)]
    if isinstance(change, TenseChange):
        kind = "tense_change"
        message = (f"a verb in the {change.mt.tense} in the MT ('{mt_span}') is in the "
                   f"{change.ref.tense} in the reference ('{ref_span}')")
        evidence = {"check": "tense", "mt_tense": change.mt.tense, "ref_tense": change.ref.tense}
    else:
        kind = "pronoun_gender"
        message = (f"the MT refers to this person as '{mt_span}' ({change.mt.gender}), "
                   f"the reference as '{ref_span}' ({change.ref.gender})")
        evidence = {"check": "pronoun_gender", "mt_gender": change.mt.gender,
                    "ref_gender": change.ref.gender}
    return finding(
        result, pair, kind=kind, severity="major", detector=DETECTOR, message=message,
        mt_span=mt_span, ref_span=ref_span, engines=change.witnesses, evidence=evidence,
    )


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Tense and pronoun-gender contradictions in aligned pairs."""
    found: list[Finding] = []
    for pair in result.pairs:
        if not pair.aligned:
            continue
        gender = gender_change(pair, ctx.engines) or possessor_change(pair)
        for change in (tense_change(pair, ctx.engines), gender):
            if change is not None:
                found.append(_change_finding(result, pair, change))
    return found
