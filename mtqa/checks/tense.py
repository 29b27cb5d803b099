"""The tense of a verb on both sides of a pair, for the grammar detector's ``tense_change``:
the main verb of the MT and of the reference are in tenses that
contradict each other — past against future, past against present, present against
future. French tenses are mapped onto English ones (passé composé, passé simple,
imparfait and plus-que-parfait ≈ past; présent ≈ present; futur and *aller* +
infinitive ≈ *will* / *going to*; conditionnel ≈ *would*). The English present perfect
agrees with both the French past and the French present (*depuis* + présent = *has
been … since*); the conditionnel is never compared (the French *conditionnel
journalistique* reports what is alleged). A French present against an English past may
be a narrative present (``checks/narrative.py``: a past time named, a past narrative
around it, a verb of saying) and is left alone or kept as minor; a French
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
back; only a past against a future is judged there, ``checks/reported.py``), French
clefts (c'est … que, which keeps its present), and evaluative frames (il est clair que)
are left out, and so is a French future against the English present of
a defining relative or temporal clause under a future or an infinitive (« ceux qui
paieront seront … » / "those who pay will be …"). A passé composé passive against an
English present that gives the state it left ("is now closed", "remains shut") is the same
time. The two compound pasts are told apart there too: a passé composé against an English
past perfect in a sentence with no past for it to be anterior to, or a plus-que-parfait
against a present perfect.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from mtqa.checks import lexicon
from mtqa.checks.narrative import LEFT_OUT, MINOR, narrative_present
from mtqa.checks.reported import ACROSS_REPORT, future_in_past, reported
from mtqa.language.parse import Token, children
from mtqa.language.tenses import (
    CONDITIONAL,
    CONDITIONAL_PERFECT,
    FUTURE,
    PAST,
    PERFECT,
    PLUPERFECT,
    PRESENT,
    PRESENT_OR_PAST,
    Tense,
    Tenses,
    clause_tenses,
    evaluative_frame,
    plan_made,
    read_verbs,
    resultative_state,
)
from mtqa.language.wordnet import wordnet_graph
from mtqa.model import Pair

# What will be, what would be, what would have been: a future made hypothetical, or a
# hypothesis moved into the past, says another thing (coûtera / would cost; génèrerait /
# would have generated).
_HYPOTHETICAL = (FUTURE, CONDITIONAL, CONDITIONAL_PERFECT)
# Pairs of (French tense, English tense) that contradict each other.
_CONTRADICTIONS = frozenset({
    (PAST, PRESENT), (PRESENT, PAST), (PAST, FUTURE), (FUTURE, PAST),
    (PRESENT, FUTURE), (FUTURE, PRESENT), (FUTURE, PERFECT),
    *((a, b) for a in _HYPOTHETICAL for b in _HYPOTHETICAL if a != b),
})
_NEEDS_WITNESS = frozenset({(PRESENT, FUTURE), (FUTURE, PRESENT)})
# French modals whose conditional is a hedge English says with should, could or may
# (devrait, pourrait), which a "will" may render loosely.
_FR_MODALS = frozenset({"devoir", "pouvoir", "vouloir", "falloir", "sembler", "paraître"})

_FR_FUTURE_TIME = re.compile(
    r"(?<![\w-])(?:demain|bientot|prochaine?s?|d'ici|a venir|a partir d[eu']|dans (?:les )?"
    r"(?:\w+ ){0,2}(?:jours|semaines|mois|ans|annees|heures|minutes)|des que|ce soir|cette"
    r" (?:nuit|semaine|annee)|l'an prochain)(?![\w-])"
)
# A date or a day in the calendar: what is scheduled for it English says in the present
# (« l'accord entrera en vigueur le 1er janvier » / "the deal takes effect on Jan. 1"); a
# French present against an English future there is still a change of tense.
_FR_SCHEDULED = re.compile(
    r"(?<![\w-])(?:le (?:1er|\d{1,2}) (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout"
    r"|septembre|octobre|novembre|decembre)|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche)(?![\w-])"
)


def _modal(tokens: Sequence[Token], verb: int) -> bool:
    """A French predicate carried by a modal (devrait, pourrait + infinitive)."""
    return 0 <= verb < len(tokens) and any(
        tokens[i].lemma in _FR_MODALS for i in (verb, *children(tokens, verb)))


def _obligation(tokens: Sequence[Token], verb: int) -> bool:
    """A French predicate carried by a modal of obligation (devra, faudra + infinitive),
    which English says in the present as often as in the future ("must", "has to", "is
    needed")."""
    return 0 <= verb < len(tokens) and any(
        tokens[i].lemma in ("devoir", "falloir") for i in (verb, *children(tokens, verb)))


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
    minor: bool = False  # a present against a past that may be a narrative present


_CONDITIONAL_CLAUSE = re.compile(
    r"(?<![\w-])(?:(?:si|s'il|s'ils|if|quand|lorsque|when|once|as soon as|after|(?:des|apres"
    r"|une fois) que)(?![\w-])|(?:lorsqu|(?:des|apres|une fois) qu)')")


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
    dependents = children(tokens, verb)
    if any(tokens[c].dep == "cop" or (
        tokens[c].dep in ("aux:pass", "auxpass") and tokens[c].lemma == _COPULA[language]
        and (token.pos == "ADJ" or token.feature("VerbForm") != "Part"
             or (language == "fr" and not token.lemma.endswith(("er", "ir", "re"))))
    ) for c in dependents):
        lemmas.add(_COPULA[language])  # "est évidente", which the tagger may read as a passive
    if token.lemma in _PERIPHRASES[language]:
        lemmas.update(tokens[c].lemma.lower() for c in dependents
                      if tokens[c].feature("VerbForm") == "Inf")
    return frozenset(lemmas)


def _cleft(tokens: Sequence[Token], verb: int) -> bool:
    """C'est … qui / c'est … que and presentatives: French keeps this "est" in the present
    whatever the time of what it presents (C'est en 1990 que … = It was in 1990 that …)."""
    if "être" not in _verb_lemmas(tokens, verb, "fr"):
        return False
    group = [verb, *children(tokens, verb)]
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
        # a complement clause under a present (il pense que …) is the speaker's tense
        judged = not (
            reported(tokens, tense.verb, language) or evaluative_frame(tokens, tense.verb)
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


_CLEAR = frozenset({PAST, PRESENT, FUTURE, CONDITIONAL, CONDITIONAL_PERFECT})


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
        m, r = mt[i].tense, ref[j].tense
        if not (mt[i].judged or ref[j].judged) and future_in_past(m, mt[i].french, r):
            # il a dit qu'il partirait / he said he left: both sides report, and the French
            # future in the past is a past on the English side
            witnesses = [engine for engine, bt_link, clauses in bt_links
                         if i in bt_link and _link_strength(clauses[bt_link[i]], ref[j])
                         and clauses[bt_link[i]].tense.tense == CONDITIONAL]
            if witnesses:
                found.append((m, r, witnesses))
            continue
        if not (mt[i].judged or ref[j].judged) and (m.tense, r.tense) in ACROSS_REPORT:
            # il a dit que la loi avait été votée / he said the law will be passed: no
            # sequence of tenses turns a past into a future or a future into a past
            witnesses = [engine for engine, bt_link, clauses in bt_links
                         if i in bt_link and _link_strength(clauses[bt_link[i]], ref[j])
                         and _reads(clauses[bt_link[i]].tense.tense, m.tense)]
            if witnesses:
                found.append((m, r, witnesses))
            continue
        if not (mt[i].judged and ref[j].judged):
            continue  # a reported clause is still its verb's counterpart: not another's
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


# « Selon l'OMS, le paludisme a tué … » is "Malaria killed …, the WHO says": the English
# puts the source in a clause of its own, whose verb of saying is no counterpart of the
# French main verb; the statement is.
_FR_ATTRIBUTION = re.compile(r"(?<![\w-])(?:selon|d'apres|aux dires d(?:e|u|es))(?![\w-])")
_EN_SAYING = frozenset(
    "say tell report add explain estimate write state claim announce note argue believe"
    " warn reckon confirm".split())


def _attributed(pair: Pair, tenses: Tenses) -> Tenses:
    """The reference's tenses with a main verb of saying replaced by what it reports, where
    the French gives the source with « selon » instead of a verb."""
    if not tenses.reported or not _FR_ATTRIBUTION.search(lexicon.fold(pair.mt_text)):
        return tenses
    tokens = lexicon.parse(pair.ref_text, "en")
    main = [t for t in tenses.main
            if not (0 <= t.verb < len(tokens) and tokens[t.verb].lemma in _EN_SAYING)]
    if len(main) == len(tenses.main):
        return tenses
    kept = [t for t in tenses.clauses if t in main or t not in tenses.main]
    return Tenses(main + tenses.reported, kept + tenses.reported, [])


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` falls inside a quotation (« … », “ … ” or straight double quotes)."""
    before = text[:at]
    return (before.count("«") > before.count("»") or before.count("“") > before.count("”")
            or before.count('"') % 2 == 1)


def _future_in_present(ref: Tense, ref_tenses: Tenses, tokens: Sequence[Token]) -> bool:
    """An English defining relative, temporal or conditional clause in the present under a
    main clause in the future: English speaks of what is to come in the present there
    ("companies that break the rules will be fined", "once she arrives we will eat"), where
    French writes the future (« qui enfreindront », « dès qu'elle arrivera »). A clause of
    reason keeps its own tense ("as the road is long")."""
    if ref.verb is None or ref.verb in {t.verb for t in ref_tenses.main} or not (
        any(t.tense == FUTURE for t in ref_tenses.main) or _under_infinitive(tokens, ref.verb)
    ):
        return False
    verb = tokens[ref.verb]
    if verb.dep == "relcl":
        # defining: no comma between the noun and its clause
        return not any(t.text == "," and tokens[verb.head].start < t.start < verb.start
                       for t in tokens)
    marks = {tokens[c].text.lower() for c in children(tokens, ref.verb)
             if tokens[c].dep == "mark"}
    return verb.dep == "advcl" and bool(marks & _FUTURE_IN_PRESENT_MARKS)


def _under_infinitive(tokens: Sequence[Token], verb: int) -> bool:
    """A clause inside an infinitive's, which speaks of what is yet to be done ("threaten
    to boycott hospitals that apply it", « … qui l'appliqueront »)."""
    index = tokens[verb].head
    for _ in range(8):
        token = tokens[index]
        if token.pos == "VERB" and token.feature("VerbForm") == "Inf" and token.dep == "xcomp":
            return True
        if token.dep == "ROOT" or token.head == index:
            return False
        index = token.head
    return False


def _expects_to(tokens: Sequence[Token], verb: int | None) -> bool:
    """A verb of expecting with an infinitive ("expects the population to stop"), which
    says what French puts in a future after « prévoit que »."""
    return verb is not None and tokens[verb].lemma in _EXPECTING and any(
        t.dep in ("xcomp", "ccomp") and t.feature("VerbForm") == "Inf"
        for c in children(tokens, verb) for t in (tokens[c],))


_EXPECTING = frozenset("expect forecast predict project anticipate".split())
# Conjunctions after which English says the future in the present.
_FUTURE_IN_PRESENT_MARKS = frozenset(
    "when whenever once until till before after if unless".split())


def tense_change(
    pair: Pair, engines: Sequence[str], neighbours: Sequence[Pair] = ()
) -> TenseChange | None:
    """A main verb, or a clause in the future, whose tense contradicts the reference's.

    Main clauses are compared in order when both sides have as many; past against present
    is judged only there. A back-translation must read the French verb in the French tense
    (the parses of long sentences are not trusted alone). ``neighbours`` are the pairs
    before and after, which may show a past narrative around a French present.
    """
    mt_tenses = clause_tenses(lexicon.parse(pair.mt_text, "fr"), "fr")
    ref_tenses = _attributed(pair, clause_tenses(lexicon.parse(pair.ref_text, "en"), "en"))
    bt_engines = [e for e in engines if e in pair.bt]
    bt_tenses = [clause_tenses(lexicon.parse(pair.bt[e], "en"), "en") for e in bt_engines]
    candidates: list[tuple[Tense, Tense, list[str]]] = []
    mt_main, ref_main = mt_tenses.main, ref_tenses.main
    if mt_main and len(mt_main) == len(ref_main):
        for position, (mt, ref) in enumerate(zip(mt_main, ref_main, strict=True)):
            if _quoted(pair.mt_text, mt.span[0]) != _quoted(pair.ref_text, ref.span[0]):
                continue  # a quotation's verb against the verb that reports it
            perfects = _perfects(mt, ref, ref_tenses.clauses)
            if perfects is not None and mt.compound == "past":  # avait rendu / has delivered
                candidates.append((*perfects, [
                    e for e, bt in zip(bt_engines, bt_tenses, strict=True)
                    if len(bt.main) == len(mt_main) and bt.main[position].compound == "past"]))
                continue
            if _compatible(mt.tense, ref.tense) or (
                FUTURE not in (mt.tense, ref.tense)
                and mt_tenses.count(mt.tense) <= ref_tenses.count(mt.tense)
            ):
                continue
            witnesses = [e for e, bt in zip(bt_engines, bt_tenses, strict=True)
                         if len(bt.main) == len(mt_main) and _reads(bt.main[position].tense,
                                                                     mt.tense)]
            candidates.append((mt, ref, witnesses))
    elif mt_main and ref_main and not _compatible(mt_main[0].tense, ref_main[0].tense) and (
        _quoted(pair.mt_text, mt_main[0].span[0]) == _quoted(pair.ref_text, ref_main[0].span[0])
    ):
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
    mt_tokens = read_verbs(lexicon.parse(pair.mt_text, "fr"))
    ref_tokens = lexicon.parse(pair.ref_text, "en")
    candidates += _linked_changes(
        _clauses(mt_tokens, mt_tenses, "fr"), _clauses(ref_tokens, ref_tenses, "en"),
        [(e, _clauses(lexicon.parse(pair.bt[e], "en"), bt, "en"))
         for e, bt in zip(bt_engines, bt_tenses, strict=True)],
        ref_tenses.clauses,
    )
    folded = lexicon.fold(pair.mt_text)
    minor = None
    for mt, ref, witnesses in candidates:
        narrative = None
        if (mt.tense, ref.tense) == (PRESENT, PAST):
            narrative = narrative_present(pair, mt_tokens, mt.verb, ref_tenses, neighbours)
            if narrative == LEFT_OUT:
                continue
        if (mt.tense, ref.tense) == (PAST, PRESENT) and resultative_state(
                mt_tokens, mt.verb, ref_tokens, ref.verb):
            continue  # « a été fermée » / "is now closed": the state the event left
        if mt.compound == "present" and ref.tense == PRESENT and plan_made(
                mt_tokens, mt.verb, ref_tokens, ref.verb):
            continue  # « a prévu de fermer » / "plans to close": the plan still stands
        pair_of = (mt.tense, ref.tense)
        if set(pair_of) <= set(_HYPOTHETICAL) and (
            _CONDITIONAL_CLAUSE.search(folded + " " + pair.ref_text.lower())
            or _modal(mt_tokens, mt.verb)
        ):
            continue  # "si … il viendrait" / "if … he will"; "devrait coûter" / "will cost"
        if pair_of == (FUTURE, PERFECT) and mt.compound == "future" and _CONDITIONAL_CLAUSE.search(
            folded
        ):
            continue  # « dès qu'il aura fini » / "as soon as he has finished"
        if (mt.tense, ref.tense) == (FUTURE, PRESENT) and (_future_in_present(
                ref, ref_tenses, ref_tokens) or _expects_to(ref_tokens, ref.verb)):
            continue  # « ceux qui ne paieront pas seront … » / "those who do not pay will be"
        if pair_of == (FUTURE, PRESENT) and (_obligation(mt_tokens, mt.verb)
                                             or _FR_SCHEDULED.search(folded)):
            continue  # « il devra être complété » / "it must be completed"; « entrera en
            # vigueur le 1er janvier » / "takes effect on Jan. 1"
        if (mt.tense, ref.tense) in _NEEDS_WITNESS and (
            _FR_FUTURE_TIME.search(folded)
            or _CONDITIONAL_CLAUSE.search(folded + " " + pair.ref_text.lower())
        ):
            continue  # "le sommet a lieu demain"; "s'il pleut, il suffira de…"
        if witnesses or not bt_engines:
            change = TenseChange(mt, ref, tuple(witnesses), minor=narrative == MINOR)
            if not change.minor:
                return change
            minor = minor or change
    return minor
