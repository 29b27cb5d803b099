"""A verb's tense read from spaCy's morphology, in French and in English: the predicate's
auxiliaries and forms (passé composé with avoir or être, futur proche, will/would, present
perfect), the tagger's known misreadings read back, and each clause's tense with whether it
is the main clause, reported speech or an evaluative frame."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from mtqa.language.parse import Token, children
from mtqa.language.text import fold

PAST, PRESENT, FUTURE, CONDITIONAL, PERFECT = "past", "present", "future", "conditional", \
    "present perfect"

PRESENT_OR_PAST = "present or past"  # il dit, il finit; they put, it cost
PLUPERFECT = "past perfect"  # named in findings only: had done, avait fait
# aurait fait, would have done: a counterfactual past, against the conditional's present or
# future (ferait, would do)
CONDITIONAL_PERFECT = "conditional perfect"


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
# never a passive (the tagger reads it as one); formal « sont convenus de » = "agreed to".
_ETRE_VERBS = frozenset(
    "aller venir revenir devenir parvenir survenir intervenir arriver partir repartir sortir "
    "entrer rentrer monter remonter descendre redescendre naître mourir décéder tomber "
    "retomber rester retourner passer convenir redevenir provenir advenir accourir "
    "apparaître".split()
)


# Their past participles, folded and without agreement: the tagger may read « intervenues »
# as an adjective with a lemma of its own.
_ETRE_PARTICIPLES = frozenset(
    "alle venu revenu devenu parvenu survenu intervenu arrive parti reparti sorti entre rentre "
    "monte remonte descendu redescendu ne mort decede tombe retombe reste retourne convenu "
    "redevenu provenu advenu accouru apparu".split()
)


def _etre_participle(word: str) -> bool:
    folded = fold(word)
    for ending in ("es", "e", "s", ""):
        if folded.endswith(ending) and folded[: len(folded) - len(ending)] in _ETRE_PARTICIPLES:
            return True
    return False


def _etre_compound(tokens: Sequence[Token], verb: int) -> bool:
    """être + this participle is a compound tense: an être verb, or a pronominal one."""
    return tokens[verb].lemma in _ETRE_VERBS or _etre_participle(tokens[verb].text) or any(
        tokens[c].text.lower() in ("se", "s'", "s’", "me", "m'", "te", "t'", "nous", "vous")
        and tokens[c].dep in ("expl:comp", "expl:pass", "expl", "obj", "iobj")
        for c in children(tokens, verb)
    )


def _misread_present(token: Token) -> bool:
    """A finite present the tagger read as a present participle ("précisent"): French
    present participles all end in -ant."""
    return (token.pos == "VERB" and token.feature("VerbForm") == "Part"
            and token.feature("Tense") == "Pres" and bool(_FR_PRESENT_ENDING.search(
                token.text.lower())) and not token.text.lower().endswith("ant"))


_FR_PARTICIPLE_ENDING = re.compile(r"(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites)$")


@lru_cache(maxsize=4096)
def _analysis(word: str) -> str:
    """Apertium's French analysis of a form (``^form/reading/…$``), or "" when the
    analyser cannot answer."""
    from mtqa.language.apertium import DictionaryError, dictionary, escape_word

    analyser = dictionary()
    if not analyser.available:
        return ""
    try:
        return str(analyser.lookup("fr_morph", [escape_word(word)], bilingual=False)[0])
    except DictionaryError:
        return ""


def _also_present(word: str) -> bool:
    """Whether Apertium's French analyser reads the form as a present indicative too
    (interdit, finit: present and passé simple alike; partit is passé simple only)."""
    return "<pri>" in _analysis(word)


def readings(word: str) -> list[str]:
    """Apertium's French readings of a form (``lemma<tag><tag>…``); [] when the analyser
    cannot answer or does not know the word."""
    return [r for r in _analysis(word).strip("^$").split("/")[1:] if r and not r.startswith("*")]


def _only(word: str, tag: str) -> bool:
    """Whether Apertium's French analyser reads the form in one verb tense and nothing else:
    ``<ifi>`` a passé simple (poussa, limita), ``<cni>`` a conditional (ferait), ``<fti>`` a
    future (fera): another tense the tagger read there is a misreading."""
    readings = [r for r in _analysis(word).strip("^$").split("/")[1:] if r]
    return bool(readings) and all(tag in r for r in readings)


def _subjunctive_only(word: str) -> bool:
    """Whether Apertium's French analyser reads the form as a subjunctive and nothing else
    (raccourcisse, finisse, prenne; not chante, a present indicative too)."""
    readings = [r for r in _analysis(word).strip("^$").split("/")[1:] if r]
    return bool(readings) and all("<prs>" in r or "<pis>" in r for r in readings)


_QUE = ("que", "qu'", "qu’")


def _after_que(tokens: Sequence[Token], dependents: Sequence[int]) -> bool:
    """A clause opened by « que », alone or as the end of a conjunction (« bien qu' »,
    « avant que »)."""
    return any(
        tokens[c].text.lower() in _QUE or (tokens[c].dep == "mark" and any(
            tokens[f].text.lower() in _QUE for f in children(tokens, c)))
        for c in dependents
    )


def _passe_simple_only(word: str) -> bool:
    return _only(word, "<ifi>")


_APERTIUM_TENSES = {"<pri>": "Mood=Ind|Tense=Pres", "<pii>": "Mood=Ind|Tense=Imp",
                    "<ifi>": "Mood=Ind|Tense=Past", "<fti>": "Mood=Ind|Tense=Fut",
                    "<cni>": "Mood=Cnd|Tense=Pres"}
_VERB_TAGS = ("<vblex>", "<vbser>", "<vbhaver>", "<vbmod>")


def _finite_verb_misread(tokens: Sequence[Token], index: int) -> Token | None:
    """A finite French verb the tagger read as an adverb, adjective or noun (« la banque
    maintient ses taux », « les loyers augmentaient »): a word, not after a determiner or a
    preposition, that Apertium's analyser reads as a verb and nothing else, in one
    indicative or conditional tense. Returns the word as a verb, or None."""
    token = tokens[index]
    if token.pos not in ("ADV", "ADJ", "NOUN", "X") or (index and not token.text.islower()):
        return None
    if index and tokens[index - 1].pos in ("DET", "ADP"):
        return None
    readings = [r for r in _analysis(token.text).strip("^$").split("/")[1:] if r]
    if not readings or not all(any(tag in r for tag in _VERB_TAGS) for r in readings):
        return None
    tenses = {tag for r in readings for tag in _APERTIUM_TENSES if tag in r}
    if len(tenses) != 1 and tenses != {"<pri>", "<ifi>"}:
        return None
    if token.feature("Gender") and tenses == {"<pri>"} and not all("<pl>" in r for r in readings):
        return None  # a noun or an adjective the tagger gave a gender; but a form that is
        # only a plural present (pensent, augmentent) or a future, a conditional, an
        # imparfait or a passé simple (disparaîtra) is a verb whatever the tagger says
    tag = "<pri>" if len(tenses) > 1 else tenses.pop()
    lemma = readings[0].split("<", 1)[0]
    return replace(token, pos="VERB", lemma=lemma,
                   morph=f"{_APERTIUM_TENSES[tag]}|VerbForm=Fin")


def _participle_misread(tokens: Sequence[Token], index: int) -> Token | None:
    """The past participle of a compound tense that the tagger read as an adverb or an
    adjective with the auxiliary hung off it (« ils n'ont pas réussi »): a word with an
    « avoir » auxiliary among its dependents that Apertium reads as a verb's participle."""
    token = tokens[index]
    if token.pos not in ("ADV", "ADJ") or not any(
        tokens[c].dep == "aux:tense" and tokens[c].lemma == "avoir"
        for c in children(tokens, index)
    ):
        return None
    participles = [r for r in readings(token.text) if "<pp>" in r
                   and any(tag in r for tag in _VERB_TAGS)]
    if not participles:
        return None
    return replace(token, pos="VERB", lemma=participles[0].split("<", 1)[0],
                   morph="Tense=Past|VerbForm=Part")


def read_verbs(tokens: Sequence[Token]) -> list[Token]:
    """The French tokens with the finite verbs and participles the tagger misread read
    back as verbs."""
    return [_finite_verb_misread(tokens, i) or _participle_misread(tokens, i) or t
            for i, t in enumerate(tokens)]


def _misread_participle(tokens: Sequence[Token], verb: int) -> int | None:
    """The past participle of a passé composé that the tagger hung off "avoir" as an adverb
    or adjective when adverbs stand between them (« n'a en effet jamais réussi »): a word
    after the auxiliary whose lemma is a verb and whose form is a participle's."""
    head = tokens[verb]
    if head.lemma != "avoir" or head.pos != "AUX" or head.feature("VerbForm") != "Fin":
        return None
    for c in children(tokens, verb):
        token = tokens[c]
        if c <= verb or c - verb > 5 or token.pos not in ("ADV", "ADJ"):
            continue
        lemma, word = token.lemma.lower(), token.text.lower()
        if lemma != word and lemma.endswith(("er", "ir", "re")) and lemma[:2] == word[:2] \
                and _FR_PARTICIPLE_ENDING.search(word):
            return c
    return None


def french_tense(tokens: Sequence[Token], verb: int) -> Tense | None:
    """Tense of a French predicate from its auxiliaries or its own morphology."""
    dependents = children(tokens, verb)
    auxiliaries = [c for c in dependents if tokens[c].dep in ("aux:tense", "aux:pass", "cop")
                   or (tokens[c].dep == "aux" and tokens[c].pos == "AUX")]
    span = _group_span(tokens, [verb, *auxiliaries])
    for c in auxiliaries:  # passé composé, plus-que-parfait, futur antérieur
        aux = tokens[c]
        if tokens[c].dep in ("aux:tense", "aux") and aux.lemma in ("avoir", "être") or (
            tokens[c].dep in ("aux:pass", "cop") and aux.lemma == "être"
            and _etre_compound(tokens, verb)
        ):  # « sont revenus », and « il est tombé », « ne sont pas intervenues » read as copulas
            if aux.feature("Mood") == "Cnd":
                return Tense(CONDITIONAL_PERFECT, span)
            if aux.feature("Mood") == "Sub":
                return None
            tense = aux.feature("Tense")
            if tense in ("Pres", "Imp", "Past"):
                return Tense(PAST, span, compound="present" if tense == "Pres" else "past")
            if tense == "Fut":  # futur antérieur: "aura fini" (will have finished)
                return Tense(FUTURE, span, compound="future")
            return None
    finite = [c for c in auxiliaries if tokens[c].feature("VerbForm") == "Fin"]
    head = tokens[finite[0]] if finite else tokens[verb]
    participle = _misread_participle(tokens, verb)
    if participle is not None:  # « il n'a en effet jamais réussi », the participle read apart
        tense = head.feature("Tense")
        span = _group_span(tokens, [verb, participle])
        if head.feature("Mood") == "Cnd":
            return Tense(CONDITIONAL_PERFECT, span)
        if tense in ("Pres", "Imp", "Past") and head.feature("Mood") in (None, "Ind"):
            return Tense(PAST, span, compound="present" if tense == "Pres" else "past")
    if head.feature("VerbForm") != "Fin" and not _misread_present(head):
        return None
    if head.feature("Mood") == "Cnd":
        return Tense(CONDITIONAL, span)
    mood = head.feature("Mood")
    if mood == "Sub" and not _after_que(tokens, dependents):
        mood = "Ind"  # a subjunctive needs its "que": the tagger misread an indicative
    if mood == "Ind" and _subjunctive_only(head.text) and _after_que(tokens, dependents):
        return None  # « craignent que la saison ne raccourcisse »: read as an indicative,
        # a form French has only as a subjunctive, whose present English says as "will",
        # "should" or a present as the main verb asks
    if mood not in (None, "Ind"):
        return None
    tense = _FR_TENSE.get(head.feature("Tense") or "")
    if tense == PRESENT and head.lemma in ("aller", "venir"):
        infinitives = [c for c in children(tokens, verb)
                       if tokens[c].feature("VerbForm") == "Inf"]
        if infinitives:  # il va partir (future); il vient de partir (past)
            markers = {tokens[c].text.lower() for c in children(tokens, infinitives[0])}
            if head.lemma == "aller":
                return Tense(FUTURE, _group_span(tokens, [verb, infinitives[0]]))
            if markers & {"de", "d'"}:
                return Tense(PAST, _group_span(tokens, [verb, infinitives[0]]))
    if head.lemma in ("être", "avoir") and any(
        tokens[c].feature("VerbForm") == "Inf"
        and {tokens[m].text.lower() for m in children(tokens, c)} & {"à", "a"}
        for c in children(tokens, verb)
    ):
        return None  # "n'est à déplorer", "a à payer": a modal, not a tense of its own
    word = head.text.lower()
    if tense in (PRESENT, PAST) and _only(word, "<cni>"):
        return Tense(CONDITIONAL, span)  # « ferait », « serait » read as an imparfait
    if tense in (PRESENT, PAST) and _only(word, "<fti>"):
        return Tense(FUTURE, span)  # « fera », « viendra » read as a present
    lemma = fold(head.lemma)
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    folded = fold(word)
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
    if tense == PRESENT and _passe_simple_only(word):
        return Tense(PAST, span)  # « le bang poussa », read as a present by the tagger
    if tense == PAST and _FR_AMBIGUOUS_PRESENT.search(word) and _also_present(word):
        return Tense(PRESENT_OR_PAST, span)  # « la préfecture interdit », « il finit »
    return Tense(tense, span) if tense else None


def english_tense(tokens: Sequence[Token], verb: int) -> Tense | None:
    """Tense of an English predicate from its auxiliaries or its own morphology."""
    auxiliaries = [c for c in children(tokens, verb)
                   if tokens[c].dep in ("aux", "auxpass") and tokens[c].text.lower() != "to"]
    span = _group_span(tokens, [verb, *auxiliaries])
    words = [tokens[c].text.lower() for c in auxiliaries]
    for word in words:
        if word in _EN_MODALS:
            tense = _EN_MODALS[word]
            if tense == CONDITIONAL and "have" in words[words.index(word) + 1:]:
                return Tense(CONDITIONAL_PERFECT, span)  # would have done
            return Tense(tense, span)
        if word in _EN_OTHER_MODALS:
            return None
    token = tokens[verb]
    if token.lemma == "have" and any(
        tokens[c].text.lower() == "yet" for c in children(tokens, verb)
    ) and any(tokens[c].dep == "xcomp" for c in children(tokens, verb)):
        return Tense(PERFECT, span)  # "have yet to be consulted" = have not yet been
    if token.lemma == "go" and token.feature("Aspect") == "Prog":
        infinitive = [c for c in children(tokens, verb) if tokens[c].dep == "xcomp"
                      and tokens[c].feature("VerbForm") == "Inf"]
        if infinitive and any(tokens[c].lemma == "be" for c in auxiliaries):
            return Tense(FUTURE, _group_span(tokens, [verb, *auxiliaries, infinitive[0]]))
    for c in auxiliaries:
        aux = tokens[c]
        # "has, however, not returned": the tagger may read the participle as a past form;
        # a machine translation may leave it in the base form ("had give")
        if aux.lemma == "have" and aux.dep == "aux" and (
            tokens[verb].feature("VerbForm") in ("Part", "Inf")
            or tokens[verb].feature("Tense") == "Past"
        ):
            if aux.feature("Tense") == "Past":
                return Tense(PAST, span, compound="past")
            return Tense(PERFECT, span, compound="present")
    finite = [c for c in auxiliaries if tokens[c].feature("VerbForm") == "Fin"]
    head = tokens[finite[0]] if finite else token
    if head.text.lower() in _EN_OTHER_MODALS:
        return None
    if head.feature("VerbForm") != "Fin" and not (
        head.pos in ("VERB", "AUX") and head.feature("Tense") == "Past" and not finite
        and head.feature("VerbForm") is None
    ):
        return None
    value = head.feature("Tense")
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


def evaluative_frame(tokens: Sequence[Token], index: int) -> bool:
    """An evaluative frame around a clause (il est évident que …, it was clear that …):
    its tense carries little of what the sentence says."""
    dependents = [tokens[c] for c in children(tokens, index)]
    clausal = any(t.dep in ("ccomp", "csubj", "csubj:pass") and t.start > tokens[index].start
                  for t in dependents)
    adjective = tokens[index].pos == "ADJ" or any(t.dep == "acomp" for t in dependents)
    return clausal and adjective


@dataclass(frozen=True)
class Tenses:
    main: list[Tense]  # main clauses in order
    clauses: list[Tense]  # every finite clause except reported ones
    reported: list[Tense] = field(default_factory=list)  # the complement clauses left out

    def count(self, tense: str) -> int:
        return sum(1 for t in self.clauses if t.tense == tense)


def clause_tenses(tokens: Sequence[Token], language: str) -> Tenses:
    """The tenses of the main clauses, and of every finite clause but reported ones.

    Complement clauses (``he said that …``) are left out: their tense follows the
    reporting verb's by rules that differ between the two languages.
    """
    if not tokens or not tokens[0].pos:
        return Tenses([], [])
    read = french_tense if language == "fr" else english_tense
    if language == "fr":
        tokens = read_verbs(tokens)
    main, clauses, reported = [], [], []
    for i, token in enumerate(tokens):
        if not any(c.isalpha() for c in token.text):
            continue  # a quotation mark or a dash the tagger took for a verb
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
            if _main_clause(tokens, i) and not evaluative_frame(tokens, i):
                main.append(tense)
    return Tenses(main, clauses, reported)




# English words that say a present state is the result of what happened: "the road is now
# closed", "the borders are open again", "the gallery is still shut".
_EN_STATE_CUES = frozenset({"now", "again", "still", "already", "back"})
_EN_STATE_VERBS = frozenset({"remain", "stay"})


def resultative_state(
    fr_tokens: Sequence[Token], fr_verb: int, en_tokens: Sequence[Token], en_verb: int
) -> bool:
    """A French passé composé passive (« la route a été fermée ») against an English present
    that gives the state it left, with a word that says so: "is now closed", "are open
    again", "remains closed". A present passive with no such word ("the borders are
    reopened") is another tense, not a state."""
    if not (0 <= fr_verb < len(fr_tokens) and 0 <= en_verb < len(en_tokens)) or not any(
        fr_tokens[c].dep == "aux:pass" and fold(fr_tokens[c].text) == "ete"
        for c in children(fr_tokens, fr_verb)
    ):
        return False
    verb = en_tokens[en_verb]
    dependents = children(en_tokens, en_verb)
    if verb.lemma in _EN_STATE_VERBS:
        return True
    stative = any(en_tokens[c].dep in ("acomp", "auxpass") for c in dependents)
    around = [*dependents, *(d for c in dependents if en_tokens[c].dep == "acomp"
                             for d in children(en_tokens, c))]
    return stative and any(en_tokens[c].dep == "advmod"
                           and en_tokens[c].text.lower() in _EN_STATE_CUES for c in around)


# A plan made (« a prévu de », « a envisagé de ») is the plan a reader has now: French news
# gives it in the passé composé where English says "plans to", "intends to".
_FR_PLANS = frozenset({"prevoir", "envisager", "projeter"})
_EN_PLANS = frozenset({"plan", "intend", "aim"})


def plan_made(fr: Sequence[Token], fr_verb: int, en: Sequence[Token], en_verb: int) -> bool:
    """A French verb of planning in the passé composé against an English present of
    planning, each with an infinitive after it."""
    if not (0 <= fr_verb < len(fr) and 0 <= en_verb < len(en)):
        return False
    return (
        fold(fr[fr_verb].lemma) in _FR_PLANS and en[en_verb].lemma in _EN_PLANS
        # the infinitive by its form or its place (the tagger calls « interdire » a noun)
        and any("VerbForm=Inf" in fr[c].morph or fr[c].dep == "xcomp"
                for c in children(fr, fr_verb))
        and any(en[c].dep == "xcomp" for c in children(en, en_verb))
    )
