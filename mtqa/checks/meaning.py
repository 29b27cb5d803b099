"""Meaning inversions: the MT says the opposite of the reference.

Owns ``meaning_inversion``, checked in the French against the English reference:

- **negation** on one side only (ne…pas/jamais/plus/rien/aucun, sans, ni vs not, never,
  no, without, none, neither/nor);
- **antonyms**: the reference has one pole of the general table of opposites
  (``mtqa.checks.opposites``: approve/reject, rise/fall, win/lose, before/after...) and
  the MT the other; a flip that a negation flip cancels (did not accept = a refusé) is none;
- **bounds on a number**: the same value bounded the other way (moins de 5 % / more than
  5 %, au moins / at most, pas moins de / no more than), which the number checks cannot
  see; a back-translation that bounds it as the reference does vetoes it;
- **agent–patient flips**: a named participant is the doer in one text and the one done
  to in the other (the reference's "X were emboldened to stand up to Y" against the MT's
  "X ont encouragé Y à …"), read from spaCy dependency parses of both texts, with passive
  voice and control verbs resolved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from mtqa.checks import lexicon, negation, opposites
from mtqa.checks.base import CheckContext, finding
from mtqa.language.parse import Token, children
from mtqa.language.text import fold_keep_length
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "meaning"

# --- negation -------------------------------------------------------------------------


# --- bounds on a number -----------------------------------------------------------------

# Words that put a lower bound (more than, at least) or an upper bound (less than, at most)
# on the number right after them; accent-free, lower case, longest first where one phrase
# begins another ("pas moins de" is a lower bound, "moins de" an upper one).
LOWER, UPPER = "at least", "at most"
_BOUNDS = {
    "fr": {
        LOWER: ["pas moins de", "pas moins d'", "non moins de", "plus de", "plus d'",
                "au moins", "au minimum", "au-dela de", "au dela de", "superieure? a",
                "superieurs? a", "superieures a"],
        UPPER: ["pas plus de", "pas plus d'", "moins de", "moins d'", "tout au plus",
                "au plus", "au maximum", "jusqu'a", "inferieure? a", "inferieurs? a",
                "inferieures a"],
    },
    "en": {
        LOWER: ["no less than", "no fewer than", "not less than", "not fewer than",
                "more than", "at least", "upwards of", "in excess of", "greater than",
                "a minimum of", "over", "above"],
        UPPER: ["no more than", "not more than", "less than", "fewer than", "at most",
                "at the most", "up to", "a maximum of", "under", "below"],
    },
}
_BOUND_PATTERN = {
    lang: re.compile(
        r"(?<![\w-])(" + "|".join(
            sorted((p for ps in table.values() for p in ps), key=len, reverse=True)
        ) + r")\s*$"
    )
    for lang, table in _BOUNDS.items()
}
# "ne … plus de" is "no more": not a bound.
_FR_NOT_A_BOUND = re.compile(r"(?<![\w-])(?:ne\s+|n')(?:[\w'-]+\s+){0,3}$")


def _bound(text: str, start: int, lang: str) -> tuple[str, int] | None:
    """The bound a phrase right before ``start`` puts on the number there, and where the
    phrase begins."""
    before = fold_keep_length(text[:start]).lower()
    match = _BOUND_PATTERN[lang].search(before)
    if match is None:
        return None
    phrase = match.group(1)
    if lang == "fr" and _FR_NOT_A_BOUND.search(before[: match.start()]):
        return None
    for side, patterns in _BOUNDS[lang].items():
        if any(re.fullmatch(p, phrase) for p in patterns):
            return side, match.start()
    return None


@dataclass(frozen=True)
class BoundFlip:
    value: str  # the number, as the MT writes it
    mt_bound: str
    ref_bound: str
    mt_span: tuple[int, int]
    ref_span: tuple[int, int]


def bound_flips(pair: Pair, engines: Sequence[str]) -> list[BoundFlip]:
    """A number the MT bounds one way (plus de 20 %, at least) and the reference the other
    (less than 20 %, at most): the same value on both sides, so the number checks see no
    difference. A back-translation that bounds it as the reference does vetoes it."""
    from mtqa.language.quantities import quantities

    mt_numbers = [q for q in quantities(pair.mt_text, "fr") if q.kind == "number"]
    ref_numbers = [q for q in quantities(pair.ref_text, "en") if q.kind == "number"]
    flips = []
    for mt in mt_numbers:
        mt_bound = _bound(pair.mt_text, mt.start, "fr")
        if mt_bound is None:
            continue
        same = [r for r in ref_numbers
                if any(x == y for x in mt.readings for y in r.readings)]
        if len(same) != 1:
            continue  # the value is missing, or said twice: which one is which is unclear
        ref = same[0]
        ref_bound = _bound(pair.ref_text, ref.start, "en")
        if ref_bound is None or ref_bound[0] == mt_bound[0]:
            continue
        vetoed = False
        for engine in engines:
            if engine not in pair.bt:
                continue
            for bt in quantities(pair.bt[engine], "en"):
                if bt.kind == "number" and any(x == y for x in mt.readings for y in bt.readings):
                    bt_bound = _bound(pair.bt[engine], bt.start, "en")
                    vetoed |= bt_bound is not None and bt_bound[0] == ref_bound[0]
        if not vetoed:
            flips.append(BoundFlip(mt.surface, mt_bound[0], ref_bound[0],
                                   (mt_bound[1], mt.end), (ref_bound[1], ref.end)))
    return flips


# --- agent and patient ------------------------------------------------------------------

_SPEECH = frozenset(
    "dire déclarer affirmer ajouter indiquer expliquer estimer souligner préciser annoncer "
    "répondre assurer confier raconter rappeler insister noter say tell add state note explain "
    "announce reply insist stress".split()
)
# Linking verbs: their subject is described, not a doer (the tagger may leave « reste » as
# its own lemma).
_LINKING = frozenset(
    "être rester reste demeurer devenir sembler paraître paraitre "
    "be remain become seem appear".split()
)
# Verbs whose compound past takes « être » (« est devenue », « est arrivé », « est née »): a
# parser may read it as a passive, but their subject undergoes nothing done by another.
_ETRE_VERBS = frozenset(
    "aller venir revenir parvenir intervenir survenir arriver partir entrer rentrer sortir "
    "monter descendre naître naitre mourir décéder tomber retourner apparaître".split()
)
_SUBJECTS = ("nsubj",)
_PASSIVE_SUBJECTS = ("nsubjpass", "nsubj:pass")
_OBJECTS = ("obj", "dobj")



def _infinitive(tokens: Sequence[Token], verb: int) -> int | None:
    """A to-/à-/de-infinitive complement of ``verb`` (control: its doer is given by verb)."""
    for child in children(tokens, verb):
        token = tokens[child]
        infinitive = token.pos == "VERB" and token.feature("VerbForm") == "Inf"
        if token.dep in ("xcomp", "advcl") and infinitive:
            markers = {tokens[c].text.lower() for c in children(tokens, child)}
            if markers & {"to", "à", "de", "d'"}:
                return child
    return None


def role(tokens: Sequence[Token], index: int) -> tuple[str, int] | None:
    """(role, predicate index) of a participant, or None if it is no verb's participant.

    Roles: "agent" (doer of a governing verb), "controlled" (doer of an infinitive another
    verb governs: "X was urged to V", "urged X to V") and "patient" (the one done to).
    """
    token = tokens[index]
    head = tokens[token.head]
    dep = token.dep
    if head.lemma in _SPEECH:
        return None  # reporting verbs invert freely in French news style
    if dep in _SUBJECTS and head.pos in ("VERB", "AUX"):
        if head.lemma in _LINKING:
            return None  # « X reste une réussite »: X does nothing, X is described
        return ("agent", token.head)
    if dep in _OBJECTS and any(
        tokens[c].dep == "prep" and tokens[c].text.lower() == "as"
        for c in children(tokens, token.head)
    ):
        return None  # "regard X as a success": X is described, as in « X reste un succès »
    if dep in _PASSIVE_SUBJECTS and head.lemma in _LINKING | _ETRE_VERBS and not any(
        lexicon.fold(tokens[c].text) == "ete" for c in children(tokens, token.head)
    ):
        return None  # « l'Albanie est devenue … »: a compound past, not a passive
    if dep in _PASSIVE_SUBJECTS or dep in _OBJECTS:
        control = _infinitive(tokens, token.head)
        if control is not None:
            return ("controlled", control)  # "X was urged to V", "urged X to V": X does V
        return ("patient", token.head)
    if dep == "obl:agent" or (dep == "pobj" and head.dep == "agent"):
        return ("agent", token.head if dep == "obl:agent" else head.head)
    if dep in ("obl:arg", "iobj") and head.pos == "VERB":
        control = _infinitive(tokens, token.head)  # "demander à X de V": X does V
        return ("controlled", control) if control is not None else ("patient", token.head)
    if dep == "pobj" and head.text.lower() in ("to", "against") and head.dep == "prep":
        verb = tokens[head.head]
        if verb.pos == "VERB" and verb.lemma not in _SPEECH:
            return ("patient", head.head)
    return None


def _subtree(tokens: Sequence[Token], index: int) -> list[int]:
    inside = {index}
    changed = True
    while changed:
        changed = False
        for i, t in enumerate(tokens):
            if i not in inside and t.head in inside and t.head != i and t.dep != "conj":
                inside.add(i)
                changed = True
    return sorted(inside)


def _clause_span(tokens: Sequence[Token], entity: int, predicate: int) -> tuple[int, int]:
    """From the governing verb's auxiliaries to the end of the predicate's phrase."""
    top = predicate
    if tokens[predicate].dep in ("xcomp", "advcl") and tokens[predicate].head != predicate:
        top = tokens[predicate].head
    auxiliaries = [c for c in children(tokens, top) if tokens[c].dep.startswith("aux")]
    first = min([top, entity, *auxiliaries])
    last = max(
        [entity]
        + [i for i in _subtree(tokens, predicate) if tokens[i].pos != "PUNCT" and i >= top]
    )
    return tokens[first].start, tokens[last].end


def _link(french: Token, english: Token) -> bool:
    a, b = lexicon.fold(french.text), lexicon.fold(english.text)
    return a == b or fuzz.ratio(a, b) >= 80


def _participants(tokens: Sequence[Token]) -> dict[str, list[int]]:
    """Proper nouns by text, with where each occurs."""
    found: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        if t.pos == "PROPN":
            found.setdefault(t.text, []).append(i)
    return found


@dataclass(frozen=True)
class RoleFlip:
    """A participant who does the action in one text and undergoes it in the other."""

    participant: str
    mt_role: str
    mt_predicate: str
    ref_role: str
    ref_predicate: str
    mt_span: tuple[int, int]  # character offsets in the MT sentence
    ref_span: tuple[int, int]

    def evidence(self) -> dict[str, str]:
        return {"participant": self.participant, "mt_role": self.mt_role,
                "mt_predicate": self.mt_predicate, "ref_role": self.ref_role,
                "ref_predicate": self.ref_predicate}


def _bt_roles(pair: Pair, french: Token) -> set[str]:
    """The roles a participant has in the back-translations (a second reading of the MT)."""
    roles = set()
    for text in pair.bt.values():
        tokens = lexicon.parse(text, "en")
        for i, token in enumerate(tokens):
            if token.pos == "PROPN" and _link(french, token):
                found = role(tokens, i)
                if found is not None:
                    roles.add(found[0])
    return roles


def _same_predicate(french: Token, english: Token) -> bool:
    """Whether the French and English predicates are the same verb (dictionary or WordNet).

    A flip between unrelated verbs is two clauses read differently, not a reversal.
    """
    senses = lexicon.dictionary().french_senses([french.lemma]).get(french.lemma, frozenset())
    if english.lemma in senses:
        return True
    net = lexicon.wordnet()
    return net is not None and any(net.synonyms(sense, english.lemma, "VERB") for sense in senses)


def _role_flips(pair: Pair) -> list[RoleFlip]:
    """Participants whose role differs, when the evidence is more than one parse's word.

    Parsers confuse subjects and objects in long or unusual sentences; a flip is kept only
    when the two predicates are the same verb, or a back-translation reads the participant's
    role as the MT's parse does.
    """
    french = lexicon.parse(pair.mt_text, "fr")
    english = lexicon.parse(pair.ref_text, "en")
    if not french or not french[0].pos or not english:
        return []  # no parser: cannot tell who does what
    flips = []
    english_names = _participants(english)
    for fr_text, fr_places in _participants(french).items():
        first = french[fr_places[0]]
        links = [t for t in english_names if _link(first, english[english_names[t][0]])]
        if len(links) != 1 or len(english_names[links[0]]) != len(fr_places):
            continue  # unlinked, ambiguous, or mentioned a different number of times
        # The n-th mention in the MT is taken for the n-th in the reference.
        for fr_index, en_index in zip(fr_places, english_names[links[0]], strict=True):
            fr_role, en_role = role(french, fr_index), role(english, en_index)
            if fr_role is None or en_role is None or fr_role[0] == en_role[0]:
                continue
            witnessed = fr_role[0] in _bt_roles(pair, first) - {en_role[0]}
            if not witnessed and not _same_predicate(french[fr_role[1]], english[en_role[1]]):
                continue
            flips.append(
                RoleFlip(
                    participant=fr_text,
                    mt_role=fr_role[0],
                    mt_predicate=french[fr_role[1]].lemma,
                    ref_role=en_role[0],
                    ref_predicate=english[en_role[1]].lemma,
                    mt_span=_clause_span(french, fr_index, fr_role[1]),
                    ref_span=_clause_span(english, en_index, en_role[1]),
                )
            )
    return flips


def _inversion(
    result: DocumentResult,
    pair: Pair,
    mt_span: tuple[int, int] | None,
    ref_span: tuple[int, int] | None,
    *,
    message: str,
    engines: Sequence[str],
    evidence: Mapping[str, Any],
) -> Finding:
    """A meaning inversion between ``mt_span`` of the pair's MT and ``ref_span`` of its
    reference (start and end offsets; a side with no span, or an empty one, is shown whole):
    a negation on one side only, opposites, a number bounded the other way, swapped roles."""
    mt = pair.mt_text[slice(*mt_span)] if mt_span else ""
    ref = pair.ref_text[slice(*ref_span)] if ref_span else ""
    return finding(
        result,
        pair,
        kind="meaning_inversion",
        severity="critical",
        detector=DETECTOR,
        message=message,
        mt_span=mt or pair.mt_text,
        ref_span=ref or pair.ref_text,
        engines=engines,
        evidence=evidence,
    )


def _negation_finding(result: DocumentResult, pair: Pair, ctx: CheckContext,
                      disagreement: negation.Disagreement, mt: negation.Polarity,
                      ref: negation.Polarity, bt: dict[str, negation.Polarity]) -> Finding:
    mt_span = pair.mt_text[slice(*disagreement.mt_span)] if disagreement.mt_span else None
    ref_span = pair.ref_text[slice(*disagreement.ref_span)] if disagreement.ref_span else None
    if disagreement.how == "moved":
        message = "negation in another clause: " + (
            f"the MT negates '{mt_span}'" if mt_span else "the MT negates elsewhere"
        ) + (f", the reference '{ref_span}'" if ref_span else "")
        engines = [e for e, p in bt.items() if p.clauses() == mt.clauses()]
    else:
        message = "negation on one side only: " + (
            f"the MT says '{mt_span}'" if mt_span else "the MT drops"
        ) + (f", the reference '{ref_span}'" if ref_span else " where the reference has none")
        engines = [e for e, p in bt.items() if len(p.strong) == len(mt.strong)
                   and p.any == mt.any]
    return _inversion(
        result,
        pair,
        disagreement.mt_span,
        disagreement.ref_span,
        message=message,
        engines=engines,
        evidence={"check": "negation", "how": disagreement.how,
                  "mt_negations": len(mt.strong), "ref_negations": len(ref.strong),
                  "mt_weak_negations": len(mt.weak), "ref_weak_negations": len(ref.weak)},
    )


# --- the family ---------------------------------------------------------------------------


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Negation, antonym and agent–patient inversions in aligned pairs."""
    found: list[Finding] = []
    for pair in result.pairs:
        if not pair.aligned:
            continue
        mt_plain = negation.without_restrictive(
            negation.without_litotes(negation.polarity(pair.mt_text, "fr"), "fr", pair.ref_text,
                                     pair.mt_text),
            pair.mt_text, pair.ref_text)
        ref_plain = negation.without_litotes(negation.polarity(pair.ref_text, "en"), "en",
                                             pair.mt_text, pair.ref_text)
        mt_polarity = negation.with_implicit(mt_plain, pair.mt_text, "fr", pair.ref_text)
        ref_polarity = negation.with_implicit(ref_plain, pair.ref_text, "en", pair.mt_text)
        bt_polarity = {e: negation.polarity(pair.bt[e], "en") for e in ctx.engines if e in pair.bt}
        witnesses = tuple(bt_polarity.values())
        disagreement = negation.compare(mt_polarity, ref_polarity, witnesses)
        # a negation that an implicit negative answers still cancels an antonym flip
        # (« a refusé » / "did not accept")
        negation_flipped = disagreement is not None or (
            (mt_polarity, ref_polarity) != (mt_plain, ref_plain)
            and negation.compare(mt_plain, ref_plain, witnesses) is not None
        )
        antonyms = opposites.flips(pair)
        if disagreement is not None and not antonyms:
            found.append(_negation_finding(result, pair, ctx, disagreement, mt_polarity,
                                           ref_polarity, bt_polarity))
        if antonyms and not negation_flipped:
            for group, (ms, me), (rs, re_) in antonyms:
                found.append(
                    _inversion(
                        result,
                        pair,
                        (ms, me),
                        (rs, re_),
                        message=f"opposite meaning ({group.name}): the reference says "
                        f"'{pair.ref_text[rs:re_]}', the MT '{pair.mt_text[ms:me]}'",
                        engines=[
                            e for e in ctx.engines
                            if e in pair.bt and not (group.en_a.find(pair.bt[e])
                                                     and group.en_b.find(pair.bt[e]))
                        ],
                        evidence={"check": "antonyms", "opposites": group.name},
                    )
                )
        if not negation_flipped:
            for bound in bound_flips(pair, ctx.engines):
                (ms, me), (rs, re_) = bound.mt_span, bound.ref_span
                found.append(_inversion(
                    result, pair, bound.mt_span, bound.ref_span,
                    message=f"the MT bounds {bound.value} the other way: "
                    f"'{pair.mt_text[ms:me]}' ({bound.mt_bound}) against the reference's "
                    f"'{pair.ref_text[rs:re_]}' ({bound.ref_bound})",
                    engines=[e for e in ctx.engines if e in pair.bt],
                    evidence={"check": "number_bound", "mt_bound": bound.mt_bound,
                              "ref_bound": bound.ref_bound},
                ))
        flips = sorted(_role_flips(pair), key=lambda f: f.mt_span[1] - f.mt_span[0])
        if flips:  # one reversal shows in every participant it swaps: report it once
            flip = flips[0]
            found.append(
                _inversion(
                    result,
                    pair,
                    flip.mt_span,
                    flip.ref_span,
                    message=f"{flip.participant} is the {flip.mt_role} of "
                    f"'{flip.mt_predicate}' in the MT but the {flip.ref_role} of "
                    f"'{flip.ref_predicate}' in the reference: who does what is reversed",
                    engines=[],
                    evidence={"check": "agent_patient", **flip.evidence(),
                              "participants_swapped": [f.participant for f in flips]},
                )
            )
    return found
