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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from mtqa.checks import lexicon
from mtqa.checks.base import CheckContext, finding
from mtqa.language.parse import Token
from mtqa.language.wordnet import wordnet_graph
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "grammar"

PAST, PRESENT, FUTURE, CONDITIONAL, PERFECT = "past", "present", "future", "conditional", \
    "present perfect"

PRESENT_OR_PAST = "present or past"  # il dit, il finit; they put, it cost
PLUPERFECT = "past perfect"  # named in findings only: had done, avait fait

# Pairs of (French tense, English tense) that contradict each other.
_CONTRADICTIONS = frozenset({
    (PAST, PRESENT), (PRESENT, PAST), (PAST, FUTURE), (FUTURE, PAST),
    (PRESENT, FUTURE), (FUTURE, PRESENT), (FUTURE, PERFECT),
})
_NEEDS_WITNESS = frozenset({(PRESENT, FUTURE), (FUTURE, PRESENT)})

_FR_TENSE = {"Pres": PRESENT, "Imp": PAST, "Past": PAST, "Fut": FUTURE}
_EN_MODALS = {"will": FUTURE, "shall": FUTURE, "'ll": FUTURE, "wo": FUTURE,
              "would": CONDITIONAL, "'d": CONDITIONAL}
# Verbs whose past is their present (except the 3rd person singular): they put, we cut.
_EN_INVARIANT = frozenset(
    "put set cut hit let read spread cost hurt shut quit bet cast burst split upset broadcast "
    "forecast beat".split()
)
_EN_OTHER_MODALS = frozenset("can could may might must should ought".split())
# French verbs whose 3rd person singular present and passé simple look alike (il dit, il
# finit, il réussit): their present is no evidence against an English past.
_FR_AMBIGUOUS_PRESENT = re.compile(r"(?:it|is)$")
_FR_PRESENT_ENDING = re.compile(r"(?:e|es|ent|ons|ez)$")
_FR_PAST_ENDING = re.compile(r"(?:aient|èrent|irent|urent|inrent|âmes|îmes|ûmes|âtes|îtes|ûtes)$")
# Imparfait endings the small tagger sometimes reads as present (vous rendiez, il rendait).
_FR_IMPARFAIT = re.compile(r"(?:ais|ait|aient|ions|iez)$")
_FR_PRESENT_AIT = frozenset("fait sait plait plaît nait naît parait paraît connait connaît "
                            "tait taît vais fais sais mais".split())
_YEAR = re.compile(r"(?<!\d)(?:1[0-9]{3}|20[0-9]{2})(?!\d)")
_FR_FUTURE_TIME = re.compile(
    r"(?<![\w-])(?:demain|bientot|prochaine?s?|d'ici|a venir|a partir d[eu']|dans (?:les )?"
    r"(?:\w+ ){0,2}(?:jours|semaines|mois|ans|annees|heures|minutes)|des que|ce soir|cette"
    r" (?:nuit|semaine|annee)|l'an prochain)(?![\w-])"
)


def _children(tokens: Sequence[Token], index: int) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.head == index and i != index]


def _morph(token: Token, feature: str) -> str | None:
    for item in token.morph.split("|"):
        name, _, value = item.partition("=")
        if name == feature:
            return value
    return None


def _root(tokens: Sequence[Token]) -> int | None:
    roots = [i for i, t in enumerate(tokens) if t.dep == "ROOT"]
    return roots[0] if roots else None


@dataclass(frozen=True)
class Tense:
    """The tense of a main verb and the words that show it."""

    tense: str
    span: tuple[int, int]  # character offsets of the verb group
    verb: int = -1  # index of the predicate's token in its sentence (-1: not recorded)
    compound: str = ""  # a compound past's auxiliary: "present" (a passé composé, has
    # done) or "past" (a plus-que-parfait, had done); "" for other tenses


def _group_span(tokens: Sequence[Token], indexes: Sequence[int]) -> tuple[int, int]:
    return min(tokens[i].start for i in indexes), max(tokens[i].end for i in indexes)


# Intransitive verbs whose compound tenses take être: "sont revenus" is a passé composé,
# never a passive (the tagger reads it as one).
_ETRE_VERBS = frozenset(
    "aller venir revenir devenir parvenir survenir intervenir arriver partir repartir sortir "
    "entrer rentrer monter remonter descendre redescendre naître mourir décéder tomber "
    "retomber rester retourner passer".split()
)


# Their past participles, folded and without agreement: the tagger may read « intervenues »
# as an adjective with a lemma of its own.
_ETRE_PARTICIPLES = frozenset(
    "alle venu revenu devenu parvenu survenu intervenu arrive parti reparti sorti entre rentre "
    "monte remonte descendu redescendu ne mort decede tombe retombe reste retourne".split()
)


def _etre_participle(word: str) -> bool:
    folded = lexicon.fold(word)
    for ending in ("es", "e", "s", ""):
        if folded.endswith(ending) and folded[: len(folded) - len(ending)] in _ETRE_PARTICIPLES:
            return True
    return False


def _etre_compound(tokens: Sequence[Token], verb: int) -> bool:
    """être + this participle is a compound tense: an être verb, or a pronominal one."""
    return tokens[verb].lemma in _ETRE_VERBS or _etre_participle(tokens[verb].text) or any(
        tokens[c].text.lower() in ("se", "s'", "s’", "me", "m'", "te", "t'", "nous", "vous")
        and tokens[c].dep in ("expl:comp", "expl:pass", "expl", "obj", "iobj")
        for c in _children(tokens, verb)
    )


def _misread_present(token: Token) -> bool:
    """A finite present the tagger read as a present participle ("précisent"): French
    present participles all end in -ant."""
    return (token.pos == "VERB" and _morph(token, "VerbForm") == "Part"
            and _morph(token, "Tense") == "Pres" and bool(_FR_PRESENT_ENDING.search(
                token.text.lower())) and not token.text.lower().endswith("ant"))


def french_tense(tokens: Sequence[Token], verb: int) -> Tense | None:
    """Tense of a French predicate from its auxiliaries or its own morphology."""
    children = _children(tokens, verb)
    auxiliaries = [c for c in children if tokens[c].dep in ("aux:tense", "aux:pass", "cop")
                   or (tokens[c].dep == "aux" and tokens[c].pos == "AUX")]
    span = _group_span(tokens, [verb, *auxiliaries])
    for c in auxiliaries:  # passé composé, plus-que-parfait, futur antérieur
        aux = tokens[c]
        if tokens[c].dep in ("aux:tense", "aux") and aux.lemma in ("avoir", "être") or (
            tokens[c].dep in ("aux:pass", "cop") and aux.lemma == "être"
            and _etre_compound(tokens, verb)
        ):  # « sont revenus », and « il est tombé », « ne sont pas intervenues » read as copulas
            if _morph(aux, "Mood") == "Cnd":
                return Tense(CONDITIONAL, span)
            if _morph(aux, "Mood") == "Sub":
                return None
            tense = _morph(aux, "Tense")
            if tense in ("Pres", "Imp", "Past"):
                return Tense(PAST, span, compound="present" if tense == "Pres" else "past")
            if tense == "Fut":
                return Tense(FUTURE, span)
            return None
    finite = [c for c in auxiliaries if _morph(tokens[c], "VerbForm") == "Fin"]
    head = tokens[finite[0]] if finite else tokens[verb]
    if _morph(head, "VerbForm") != "Fin" and not _misread_present(head):
        return None
    if _morph(head, "Mood") == "Cnd":
        return Tense(CONDITIONAL, span)
    mood = _morph(head, "Mood")
    if mood == "Sub" and not any(
        tokens[c].text.lower() in ("que", "qu'", "qu’") for c in children
    ):
        mood = "Ind"  # a subjunctive needs its "que": the tagger misread an indicative
    if mood not in (None, "Ind"):
        return None
    tense = _FR_TENSE.get(_morph(head, "Tense") or "")
    if tense == PRESENT and head.lemma in ("aller", "venir"):
        infinitives = [c for c in _children(tokens, verb)
                       if _morph(tokens[c], "VerbForm") == "Inf"]
        if infinitives:  # il va partir (future); il vient de partir (past)
            markers = {tokens[c].text.lower() for c in _children(tokens, infinitives[0])}
            if head.lemma == "aller":
                return Tense(FUTURE, _group_span(tokens, [verb, infinitives[0]]))
            if markers & {"de", "d'"}:
                return Tense(PAST, _group_span(tokens, [verb, infinitives[0]]))
    if head.lemma in ("être", "avoir") and any(
        _morph(tokens[c], "VerbForm") == "Inf"
        and {tokens[m].text.lower() for m in _children(tokens, c)} & {"à", "a"}
        for c in _children(tokens, verb)
    ):
        return None  # "n'est à déplorer", "a à payer": a modal, not a tense of its own
    word = head.text.lower()
    lemma = lexicon.fold(head.lemma)
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    folded = lexicon.fold(word)
    if tense in (PRESENT, PAST) and lemma.endswith("r" if not lemma.endswith("re") else "re") \
            and folded.startswith(stem) and len(folded) > len(stem):
        ending = folded[len(stem):]
        if ending in ("ai", "as", "a", "ons", "ez", "ont") and tense == PRESENT:
            return Tense(FUTURE, span)  # "encouragerez" read as a present by the tagger
        if ending in ("ais", "ait", "ions", "iez", "aient"):
            return Tense(CONDITIONAL, span)  # "génèrerait" read as an imparfait
    if tense == PAST and _FR_PRESENT_ENDING.search(word) and not _FR_PAST_ENDING.search(word):
        tense = PRESENT  # "proposent", "marque" read as past by the tagger
    if tense == PRESENT and _FR_IMPARFAIT.search(word) and word not in _FR_PRESENT_AIT and not (
        word.endswith(("ions", "iez")) and head.lemma.endswith(("ier", "yer", "ire"))
    ):
        return Tense(PAST, span)
    if tense == PRESENT and _FR_AMBIGUOUS_PRESENT.search(word):
        return Tense(PRESENT_OR_PAST, span)
    return Tense(tense, span) if tense else None


def english_tense(tokens: Sequence[Token], verb: int) -> Tense | None:
    """Tense of an English predicate from its auxiliaries or its own morphology."""
    auxiliaries = [c for c in _children(tokens, verb)
                   if tokens[c].dep in ("aux", "auxpass") and tokens[c].text.lower() != "to"]
    span = _group_span(tokens, [verb, *auxiliaries])
    words = [tokens[c].text.lower() for c in auxiliaries]
    for word in words:
        if word in _EN_MODALS:
            return Tense(_EN_MODALS[word], span)
        if word in _EN_OTHER_MODALS:
            return None
    token = tokens[verb]
    if token.lemma == "have" and any(
        tokens[c].text.lower() == "yet" for c in _children(tokens, verb)
    ) and any(tokens[c].dep == "xcomp" for c in _children(tokens, verb)):
        return Tense(PERFECT, span)  # "have yet to be consulted" = have not yet been
    if token.lemma == "go" and _morph(token, "Aspect") == "Prog":
        infinitive = [c for c in _children(tokens, verb) if tokens[c].dep == "xcomp"
                      and _morph(tokens[c], "VerbForm") == "Inf"]
        if infinitive and any(tokens[c].lemma == "be" for c in auxiliaries):
            return Tense(FUTURE, _group_span(tokens, [verb, *auxiliaries, infinitive[0]]))
    for c in auxiliaries:
        aux = tokens[c]
        # "has, however, not returned": the tagger may read the participle as a past form
        if aux.lemma == "have" and (_morph(tokens[verb], "VerbForm") == "Part"
                                    or _morph(tokens[verb], "Tense") == "Past"):
            if _morph(aux, "Tense") == "Past":
                return Tense(PAST, span, compound="past")
            return Tense(PERFECT, span, compound="present")
    finite = [c for c in auxiliaries if _morph(tokens[c], "VerbForm") == "Fin"]
    head = tokens[finite[0]] if finite else token
    if head.text.lower() in _EN_OTHER_MODALS:
        return None
    if _morph(head, "VerbForm") != "Fin" and not (
        head.pos in ("VERB", "AUX") and _morph(head, "Tense") == "Past" and not finite
        and _morph(head, "VerbForm") is None
    ):
        return None
    value = _morph(head, "Tense")
    if head.text.lower() in _EN_INVARIANT:
        return Tense(PRESENT_OR_PAST, span)
    if value == "Past":
        return Tense(PAST, span)
    if value == "Pres":
        return Tense(PRESENT, span)
    return None


_COMPLEMENT_DEPS = frozenset({"ccomp", "csubj", "xcomp"})
_PREDICATE_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "auxpass", "cop", "xcomp", "ccomp",
                             "csubj", "mark", "case", "det", "punct"})


def _main_clause(tokens: Sequence[Token], index: int) -> bool:
    """The root, or a predicate coordinated with it (X and Y)."""
    for _ in range(6):
        token = tokens[index]
        if token.dep == "ROOT" or token.head == index:
            return True
        if token.dep not in ("conj", "parataxis"):
            return False
        index = token.head
    return False


def _frame(tokens: Sequence[Token], index: int) -> bool:
    """An evaluative frame around a clause (il est évident que …, it was clear that …):
    its tense carries little of what the sentence says."""
    children = [t for t in tokens if t.head == index and t is not tokens[index]]
    clausal = any(t.dep in ("ccomp", "csubj", "csubj:pass") and t.start > tokens[index].start
                  for t in children)
    adjective = tokens[index].pos == "ADJ" or any(t.dep == "acomp" for t in children)
    return clausal and adjective


@dataclass(frozen=True)
class Tenses:
    main: list[Tense]  # main clauses in order
    clauses: list[Tense]  # every finite clause except reported ones
    reported: list[Tense] = field(default_factory=list)  # the complement clauses left out

    def count(self, tense: str) -> int:
        return sum(1 for t in self.clauses if t.tense == tense)


def _tenses(tokens: Sequence[Token], language: str) -> Tenses:
    """The tenses of the main clauses, and of every finite clause but reported ones.

    Complement clauses (``he said that …``) are left out: their tense follows the
    reporting verb's by rules that differ between the two languages.
    """
    if not tokens or not tokens[0].pos:
        return Tenses([], [])
    read = french_tense if language == "fr" else english_tense
    main, clauses, reported = [], [], []
    for i, token in enumerate(tokens):
        if token.dep in _COMPLEMENT_DEPS and token.pos in ("VERB", "AUX"):
            complement = read(tokens, i)
            if complement is not None:
                reported.append(replace(complement, verb=i))
            continue
        if token.dep in _PREDICATE_DEPS or token.pos not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        if token.pos in ("ADJ", "NOUN") and not any(
            t.head == i and t.dep in ("cop", "aux:pass", "auxpass") for t in tokens
        ):
            continue
        tense = read(tokens, i)
        if tense is not None:
            tense = replace(tense, verb=i)
            clauses.append(tense)
            if _main_clause(tokens, i) and not _frame(tokens, i):
                main.append(tense)
    return Tenses(main, clauses, reported)


def _compatible(mt: str, ref: str) -> bool:
    return (mt, ref) not in _CONTRADICTIONS


def _unmatched(mt: Sequence[Tense], ref: Sequence[Tense]) -> tuple[list[Tense], list[Tense]]:
    """The tenses left on each side after matching equal tenses (and the present perfect
    with a past or a present)."""
    mt_left = list(mt)
    ref_left = []
    for tense in ref:
        same = next((m for m in mt_left if m.tense == tense.tense), None)
        if same is not None:
            mt_left.remove(same)
        else:
            ref_left.append(tense)
    for tense in list(ref_left):
        if tense.tense == PERFECT:
            same = next((m for m in mt_left if m.tense in (PAST, PRESENT)), None)
            if same is not None:
                mt_left.remove(same)
                ref_left.remove(tense)
    return mt_left, ref_left


def _changed_clause(mt: list[Tense], ref: list[Tense]) -> tuple[Tense, Tense] | None:
    """A clause whose tense differs: a tense only the MT has against one only the reference
    has, after matching equal tenses (and the present perfect with a past or a present)."""
    mt_left, ref_left = _unmatched(mt, ref)
    for m in mt_left:
        for r in ref_left:
            if not _compatible(m.tense, r.tense):
                return m, r
    return None


@dataclass(frozen=True)
class TenseChange:
    mt: Tense
    ref: Tense
    witnesses: tuple[str, ...]  # engines whose back-translation reads the MT's tense


_CONDITIONAL_CLAUSE = re.compile(r"(?<![\w-])(?:si|s'il|s'ils|if|quand|lorsque|when|once|des que)"
                                 r"(?![\w-])")


def _reads(bt: str, mt: str) -> bool:
    return bt == mt or (mt == PAST and bt == PERFECT) or (
        bt == PRESENT_OR_PAST and mt in (PRESENT, PAST)
    )

# --- tenses of the same verb on both sides --------------------------------------------------

_CLEFT_SUBJECTS = frozenset({"ce", "c'", "c’", "cela", "ça", "ca"})
_PERIPHRASES = {"fr": frozenset({"aller", "venir"}), "en": frozenset({"go"})}
_COPULA = {"fr": "être", "en": "be"}
# French auxiliaries and copulas whose English counterparts the dictionary lists among many
# others: être is "be", avoir is "have".
_FR_FIXED = {"être": frozenset({"be"}), "avoir": frozenset({"have"})}


def _verb_lemmas(tokens: Sequence[Token], verb: int, language: str) -> frozenset[str]:
    """The verbs a clause's tense belongs to: the predicate's own, the copula of a nominal
    predicate (est évidente, is evident), and the infinitive of a periphrasis (va relever,
    is going to raise)."""
    token = tokens[verb]
    lemmas = set()
    if token.pos in ("VERB", "AUX"):
        lemmas.add(token.lemma.lower())
    children = _children(tokens, verb)
    if any(tokens[c].dep == "cop" or (
        tokens[c].dep in ("aux:pass", "auxpass") and tokens[c].lemma == _COPULA[language]
        and (token.pos == "ADJ" or _morph(token, "VerbForm") != "Part"
             or (language == "fr" and not token.lemma.endswith(("er", "ir", "re"))))
    ) for c in children):
        lemmas.add(_COPULA[language])  # "est évidente", which the tagger may read as a passive
    if token.lemma in _PERIPHRASES[language]:
        lemmas.update(tokens[c].lemma.lower() for c in children
                      if _morph(tokens[c], "VerbForm") == "Inf")
    return frozenset(lemmas)


def _reported(tokens: Sequence[Token], verb: int, language: str) -> bool:
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


def _cleft(tokens: Sequence[Token], verb: int) -> bool:
    """C'est … qui / c'est … que and presentatives: French keeps this "est" in the present
    whatever the time of what it presents (C'est en 1990 que … = It was in 1990 that …)."""
    if "être" not in _verb_lemmas(tokens, verb, "fr"):
        return False
    group = [verb, *_children(tokens, verb)]
    return any(
        tokens[c].lemma == "être" and c > 0 and tokens[c - 1].text.lower() in _CLEFT_SUBJECTS
        for c in group
    )


def _english_of_french(tokens: Sequence[Token], verb: int) -> frozenset[str]:
    """English verbs a French predicate may be: the dictionary's senses of its verbs."""
    from mtqa.checks import wordlink  # the word link loads the dictionary; only on use

    found: set[str] = set()
    lemmas = _verb_lemmas(tokens, verb, "fr")
    wanted = [t for t in tokens if t.lemma.lower() in lemmas and t.pos in ("VERB", "AUX")
              and t.lemma.lower() not in _FR_FIXED]
    for lemma in lemmas & _FR_FIXED.keys():
        found |= _FR_FIXED[lemma]
    for senses in wordlink.french_senses(wanted) if wanted else []:
        for sense in senses:
            words = sense.split()
            if words:
                found.add(words[0])  # "take place": the verb of a phrasal sense
    return frozenset(found)


def _french_of_english(tokens: Sequence[Token], verb: int) -> frozenset[str]:
    """French verbs an English predicate may be (watch → regarder): the dictionary's other
    direction, which lists senses the French → English side leaves out."""
    from mtqa.checks import wordlink

    token = tokens[verb]
    if token.pos != "VERB" or token.lemma in _LIGHT_VERBS:
        return frozenset()
    return frozenset(sense.split()[0] for sense in wordlink.english_senses([token])[0] if sense)


def _same_verb(english: frozenset[str], lemmas: frozenset[str]) -> bool:
    """The same verb, or verbs that share a WordNet verb sense (watch / look)."""
    if english & lemmas:
        return True
    net = wordnet_graph()
    if net is None:
        return False
    return any(
        set(net.synsets(a, "VERB")) & set(net.synsets(b, "VERB"))
        for a in english - _LIGHT_VERBS for b in lemmas - _LIGHT_VERBS
    )


# Verbs whose WordNet senses reach most others (be = exist = represent …).
_LIGHT_VERBS = frozenset("be have do make get go take give come put set keep let".split())


@dataclass(frozen=True)
class _Clause:
    tense: Tense
    lemmas: frozenset[str]  # English lemmas (a French clause: the English senses of its verb)
    position: float  # where the verb stands in its sentence, 0 to 1
    french: frozenset[str] = frozenset()  # a French clause's own verbs (folded lemmas); an
    # English clause's French equivalents, from the dictionary's English → French side
    judged: bool = True  # False: linked to its counterpart, but its tense is not judged
    is_french: bool = False


def _clauses(tokens: Sequence[Token], tenses: Tenses, language: str) -> list[_Clause]:
    found = []
    for tense in sorted(tenses.clauses + tenses.reported, key=lambda t: t.verb):
        if tense.verb < 0:
            continue
        judged = tense not in tenses.reported and not (
            _reported(tokens, tense.verb, language) or _frame(tokens, tense.verb)
            or (language == "fr" and _cleft(tokens, tense.verb)))
        if language == "fr":
            lemmas = _english_of_french(tokens, tense.verb)
            own = frozenset(lexicon.fold(x) for x in _verb_lemmas(tokens, tense.verb, "fr"))
        else:
            lemmas = _verb_lemmas(tokens, tense.verb, language)
            own = _french_of_english(tokens, tense.verb)
        if lemmas or own:
            found.append(_Clause(tense, lemmas, tense.verb / max(len(tokens) - 1, 1), own,
                                 judged, language == "fr"))
    return found


_CLEAR = frozenset({PAST, PRESENT, FUTURE})


def _cognate_verbs(french: frozenset[str], english: frozenset[str]) -> bool:
    """Look-alike verbs (approuver / approve, transporter / transport): the French
    infinitive without its ending against the English lemma."""
    for verb in french:
        stem = re.sub(r"(?:er|ir|re|oir)$", "", verb)
        if len(stem) < 4:
            continue
        for word in english:
            if len(word) >= 4 and fuzz.ratio(stem, word) >= 85 or (
                word.startswith(stem) and len(word) - len(stem) <= 2
            ):
                return True
    return False


def _link_strength(a: _Clause, b: _Clause) -> int:
    """2: the same verb (or a French verb and one of its dictionary senses, or a cognate);
    1: verbs that share a WordNet sense; 0: no link."""
    if a.lemmas & b.lemmas or a.french & b.french or any(
        x.is_french and _cognate_verbs(x.french, y.lemmas) for x, y in ((a, b), (b, a))
    ):
        return 2
    return 1 if _same_verb(a.lemmas, b.lemmas) else 0


def _align(left: Sequence[_Clause], right: Sequence[_Clause]) -> dict[int, int]:
    """One-to-one links between the clauses of two sentences, by their verbs: the same
    verb before a synonym, tenses that agree before tenses that differ (the reading that
    finds no error wins a tie), then the nearest position."""
    options = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            strength = _link_strength(a, b)
            if strength:
                agree = _compatible(a.tense.tense, b.tense.tense) and _compatible(
                    b.tense.tense, a.tense.tense)
                options.append((-strength, not agree, abs(a.position - b.position), i, j))
    links: dict[int, int] = {}
    for *_, i, j in sorted(options):
        if i not in links and j not in links.values():
            links[i] = j
    return links


def _perfects(m: Tense, r: Tense, ref_all: Sequence[Tense]) -> tuple[Tense, Tense] | None:
    """A passé composé against an English past perfect in a sentence with no past for it to
    be anterior to, or a plus-que-parfait against an English present perfect: the two
    compound pasts are not interchangeable (a promis = has promised, avait promis = had
    promised). Returns the two tenses as a finding names them."""
    if m.compound == "present" and m.tense == PAST and r.compound == "past" and not any(
        t.tense == PAST and t.compound != "past" for t in ref_all
    ):
        return replace(m, tense=PERFECT), replace(r, tense=PLUPERFECT)
    if m.compound == "past" and r.tense == PERFECT:
        return replace(m, tense=PLUPERFECT), r
    return None


def _linked_changes(
    mt: list[_Clause], ref: list[_Clause], bts: Sequence[tuple[str, list[_Clause]]],
    ref_all: Sequence[Tense] = (),
) -> list[tuple[Tense, Tense, list[str]]]:
    """The same verb in contradicting tenses: a reference verb, the French verb that
    translates it, and the back-translation's same verb, where the French and the
    back-translation agree with each other and not with the reference.

    Every finite clause is compared (relative, adverbial and coordinated ones too), but
    only verb by verb: a clause whose verb has no counterpart on the other side says
    nothing, so a paraphrase is never judged on its tenses.
    """
    found: list[tuple[Tense, Tense, list[str]]] = []
    links = _align(mt, ref)
    bt_links = [(engine, _align(mt, clauses), clauses) for engine, clauses in bts]
    for i, j in sorted(links.items()):
        if not (mt[i].judged and ref[j].judged):
            continue  # a reported clause is still its verb's counterpart: not another's
        m, r = mt[i].tense, ref[j].tense
        perfects = _perfects(m, r, ref_all)
        if perfects is None and (m.tense not in _CLEAR or _compatible(m.tense, r.tense)):
            continue
        witnesses = []
        for engine, bt_link, clauses in bt_links:
            if i not in bt_link or not _link_strength(clauses[bt_link[i]], ref[j]):
                continue
            bt = clauses[bt_link[i]].tense
            if bt.compound == m.compound if perfects else _reads(bt.tense, m.tense):
                witnesses.append(engine)
        if witnesses:
            found.append((*(perfects or (m, r)), witnesses))
    return found


def tense_change(pair: Pair, engines: Sequence[str]) -> TenseChange | None:
    """A main verb, or a clause in the future, whose tense contradicts the reference's.

    Main clauses are compared in order when both sides have as many; past against present
    is judged only there. A back-translation must read the French verb in the French tense
    (the parses of long sentences are not trusted alone).
    """
    mt_tenses = _tenses(lexicon.parse(pair.mt_text, "fr"), "fr")
    ref_tenses = _tenses(lexicon.parse(pair.ref_text, "en"), "en")
    bt_tenses = [_tenses(lexicon.parse(pair.bt[e], "en"), "en") for e in engines if e in pair.bt]
    bt_engines = [e for e in engines if e in pair.bt]
    candidates: list[tuple[Tense, Tense, list[str]]] = []
    mt_main, ref_main = mt_tenses.main, ref_tenses.main
    if mt_main and len(mt_main) == len(ref_main):
        for position, (mt, ref) in enumerate(zip(mt_main, ref_main, strict=True)):
            if _compatible(mt.tense, ref.tense) or (
                FUTURE not in (mt.tense, ref.tense)
                and mt_tenses.count(mt.tense) <= ref_tenses.count(mt.tense)
            ):
                continue
            witnesses = [e for e, bt in zip(bt_engines, bt_tenses, strict=True)
                         if len(bt.main) == len(mt_main) and _reads(bt.main[position].tense,
                                                                     mt.tense)]
            candidates.append((mt, ref, witnesses))
    elif mt_main and ref_main and not _compatible(mt_main[0].tense, ref_main[0].tense):
        mt, ref = mt_main[0], ref_main[0]
        if mt_tenses.count(mt.tense) > ref_tenses.count(mt.tense) and (
            ref_tenses.count(ref.tense) > mt_tenses.count(ref.tense)
        ):
            witnesses = [e for e, bt in zip(bt_engines, bt_tenses, strict=True)
                         if bt.main and _reads(bt.main[0].tense, mt.tense)]
            candidates.append((mt, ref, witnesses))
    changed = _changed_clause(mt_tenses.clauses, ref_tenses.clauses)
    if changed is not None and FUTURE in (changed[0].tense, changed[1].tense):
        mt, ref = changed
        readings = [PAST, PERFECT] if mt.tense == PAST else [mt.tense]
        witnesses = [e for e, bt in zip(bt_engines, bt_tenses, strict=True)
                     if sum(bt.count(t) for t in readings) >= 1
                     and bt.count(ref.tense) <= mt_tenses.count(ref.tense)]
        candidates.append((mt, ref, witnesses))
    mt_tokens = lexicon.parse(pair.mt_text, "fr")
    ref_tokens = lexicon.parse(pair.ref_text, "en")
    candidates += _linked_changes(
        _clauses(mt_tokens, mt_tenses, "fr"), _clauses(ref_tokens, ref_tenses, "en"),
        [(e, _clauses(lexicon.parse(pair.bt[e], "en"), bt, "en"))
         for e, bt in zip(bt_engines, bt_tenses, strict=True)],
        ref_tenses.clauses,
    )
    folded = lexicon.fold(pair.mt_text)
    for mt, ref, witnesses in candidates:
        if (mt.tense, ref.tense) == (PRESENT, PAST) and _YEAR.search(pair.mt_text):
            continue  # a historical present
        if (mt.tense, ref.tense) in _NEEDS_WITNESS and (
            _FR_FUTURE_TIME.search(folded)
            or _CONDITIONAL_CLAUSE.search(folded + " " + pair.ref_text.lower())
        ):
            continue  # "le sommet a lieu demain"; "s'il pleut, il suffira de…"
        if witnesses or not bt_engines:
            return TenseChange(mt, ref, tuple(witnesses))
    return None


# --- pronoun gender -----------------------------------------------------------------------

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


def gender_change(pair: Pair, engines: Sequence[str]) -> GenderChange | None:
    """A person's pronoun masculine on one side and feminine on the other, else None."""
    ref = _english_pronouns(pair.ref_text)
    if not ref or len({p.gender for p in ref}) != 1:
        return None
    mt = _french_pronouns(pair.mt_text)
    if not mt or len({p.gender for p in mt}) != 1 or mt[0].gender == ref[0].gender:
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
        tokens[c].text.lower() == "the" for c in _children(tokens, index)
    ) and not (tokens[token.head].pos == "PROPN" and any(
        tokens[c].text.lower() == "the" for c in _children(tokens, token.head)))


def _clause_subject(tokens: Sequence[Token], noun: int) -> int | None:
    """The subject of the clause a noun is an object or complement in; None when the noun
    is itself a subject (its possessor may be anyone the text has named)."""
    index = noun
    for _ in range(4):
        token = tokens[index]
        if token.dep.startswith("nsubj"):
            return None
        subjects = [c for c in _children(tokens, index) if tokens[c].dep.startswith("nsubj")]
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
    if subject is None or mt[subject].pos != "NOUN" or _morph(mt[subject], "Gender") != "Masc":
        return None
    determiners = [mt[c].text.lower() for c in _children(mt, subject) if mt[c].dep == "det"]
    if not determiners or determiners[0] not in _FR_MASCULINE_DETERMINERS:
        return None
    from mtqa.checks import wordlink  # the dictionary loads on first use

    if ref[ref_subject].lemma not in wordlink.french_senses([mt[subject]])[0]:
        return None  # not the same person noun
    span = (mt[subject].start, mt[subject].end)
    determiner = next(c for c in _children(mt, subject) if mt[c].dep == "det")
    return GenderChange(
        Pronoun("masculine", (min(span[0], mt[determiner].start), span[1])),
        Pronoun("feminine", (ref[owner].start, ref[owner].end)), (),
    )


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
