"""The word lists of negation (``mtqa.checks.negation``): litotes verbs, whose negation says
something positive, and implicit negatives, words that say "not" in their meaning, each with
the stems of its literal rendering in the other language. General knowledge of French and
English; no entry for a particular sentence."""

from __future__ import annotations

import re

# Litotes: a negated verb whose negation says something positive ("n'exclut pas" = may
# well, "n'a pas manqué de" = made a point of, "did not hesitate to" = readily). French
# lemma → the English words that render the verb itself. A negation of one of these verbs
# counts only when the other side renders the verb too ("rule out", "fail"): otherwise
# the other side said the positive meaning in its own words.
LITOTES: dict[str, tuple[str, ...]] = {
    "exclure": ("exclud", "rule", "ruling", "ruled"),
    "manquer": ("fail", "miss", "lack"),
    "hesiter": ("hesitat",),
    "cacher": ("hid", "conceal", "secret"),  # made no secret: both sides negate
    "dissimuler": ("hid", "conceal"),
    "nier": ("deny", "deni"),
    "ignorer": ("ignor", "unaware", "know"),
    "douter": ("doubt",),
    "tarder": ("delay", "long", "wait"),
    "empecher": ("prevent", "stop"),
    # verbs hardly ever said without their negation, or whose negation says more, not less:
    # « ne désemplit pas » = "is always full", « ne se résume pas à » = "is more than"
    "desemplir": ("empt", "vacan"),
    "resumer": ("sum", "boil", "limit", "reduc", "restrict", "confin"),
}
EN_LITOTES: dict[str, tuple[str, ...]] = {
    "hesitate": ("hesit",),
    "hide": ("cach", "dissimul"),
    "conceal": ("cach", "dissimul"),
    "deny": ("ni", "dement"),
    "doubt": ("dout",),
    "rule": ("exclu", "ecart"),
    "exclude": ("exclu", "ecart"),
}


# Implicit negatives: words that say "not" in their meaning ("declined to comment" = « n'a fait
# aucune déclaration », "threw out the charge" = « n'a pas retenu », "stood firm" = « n'a pas
# reculé », "have yet to" = « n'ont pas encore », « a refusé de » = "would not", « privés
# de » = "without"). Like privative words they may render the other side's negation, and are
# no negation a reader would miss on their own. Each maps to the stems of its literal
# rendering in the other language: where the other side renders the word itself (« n'a pas
# rejeté » against "rejected"), it stands for nothing and the negation stays a finding.
_EN_IMPLICIT: dict[str, tuple[str, ...]] = {
    r"reject(?:s|ed|ing)?": ("rejet", "rejett", "refus"),
    r"dismiss(?:es|ed|ing)?": ("rejet", "rejett", "renvo", "limog", "congedi", "ecart"),
    r"(?:throw|throws|threw|thrown|throwing) out": ("rejet", "rejett", "jet"),
    r"(?:stay|stays|stayed|staying|keep|keeps|kept|keeping) (?:off|away|out|clear)":
        ("rest", "eloign", "ecart", "tenir"),
    r"avoid(?:s|ed|ing)?": ("evit",),
    r"refrain(?:s|ed|ing)?|abstain(?:s|ed|ing)?": ("absten", "abstien"),
    r"(?:stand|stands|stood|standing|hold|holds|held|holding) (?:firm|fast)": ("ferme",),
    r"(?:has|have|had|is|are|was|were) yet to": (),
    r"withh[eo]ld(?:s|ing)?": ("retenu", "retien", "reten", "cach", "garder", "gard"),
    # a verb that says "did not hold, did not work" (« le pont n'a pas résisté » = "the
    # bridge failed"); "fail to" is a weak negative of its own
    r"fail(?:s|ed|ing)?(?! to(?![\w-]))": ("echou", "echec"),
    # a rule not kept, said by its breach (« qui ne respectent pas la loi » = "who break
    # the law", "who flout the rules")
    r"(?:break|breaks|broke|broken|breaking|breach(?:es|ed|ing)?|violat(?:e|es|ed|ing)"
    r"|flout(?:s|ed|ing)?|infring(?:e|es|ed|ing)|contraven(?:e|es|ed|ing))"
    r" (?:(?:the|a|an|its|their|his|her|our|any|these|those|this|that|such) )?"
    r"(?:[\w-]+ )?(?:rules?|laws?|regulations?|terms|agreements?|contracts?|ceasefire|truce"
    r"|embargo|sanctions|code|limits?|bans?|curfew|promises?|pledges?|treaty|treaties)":
        ("enfrei", "viol", "rompu", "romp", "bafou", "transgress", "contrev"),
    r"(?:ignor(?:e|es|ed|ing)|disregard(?:s|ed|ing)?)": ("ignor", "meconn", "fait fi"),
    # "leave it alone" = « ne pas y toucher », "lost everything" = « n'a plus rien »
    r"(?:leave|leaves|left|leaving) (?:[\w'-]+ ){1,7}?alone": ("laiss", "seul", "tranquill"),
    r"(?:lose|loses|lost|losing) (?:everything|it all)": ("perd", "perte"),
    # "stay on the runs" = « ne pas quitter les pistes »; "taken off the list" = « n'est plus
    # classé »
    r"(?:stay|stays|stayed|staying|remain|remains|remained|remaining) (?:on|in|inside|within"
    r"|at home|put)": ("rest", "demeur"),
    r"(?:take|takes|took|taken|taking|remove|removes|removed|removing|strike|struck|drop"
    r"|dropped) (?:off|from) (?:the |its |their |a )?(?:[\w-]+ )?(?:list|register|roll)s?":
        ("retir", "radi", "ray", "supprim", "enlev"),
    # "keep their distance" = « ne pas l'approcher »
    r"(?:keep|keeps|kept|keeping) (?:their|your|his|her|its|our|a|a safe) distance":
        ("distance", "eloign", "ecart"),
    # "the first … since" = « ne … pas depuis », as « la première fois depuis » = "not since"
    r"first (?:[\w'-]+ ){0,3}?since|first time in": ("premi",),
}
_FR_IMPLICIT: dict[str, tuple[str, ...]] = {
    r"refus\w*": ("refus", "reject", "declin", "turn"),
    r"prive(?:e|s|es)? d(?:e|u|es|')": ("depriv",),
    r"depourvue?s? d(?:e|u|es|')": ("devoid", "lack"),
    r"renon(?:c|ç)\w*": ("renounc", "waive", "abandon"),
    r"evit\w*": ("avoid",),
    r"absten\w*|abstien\w*": ("abstain", "refrain"),
    # nouns and adjectives of lack: « le manque de bornes » = "not enough charging points",
    # « l'absence de preuves » = "no evidence", « rester anonyme » = "asked not to be named"
    r"manque(?:s|nt)? d(?:e|u|es|')": ("lack", "shortage", "short", "want", "dearth",
                                       "scarc", "insufficien", "absen", "miss"),
    r"absences? d(?:e|u|es|')": ("absen", "lack"),
    r"anonymes?|anonymat": ("anonym",),
    # a verb of hindering: « a empêché la rentrée » = "could not be brought back"
    r"empech\w*": ("prevent", "stop", "hinder", "block", "bar", "keep", "imped"),
    # empty-handed: « aucun n'est reparti bredouille » = "all went home with a prize"
    r"bredouilles?|(?:les )?mains vides": ("empty", "nothing"),
    # « la première fois depuis 1998 » = "not since 1998", "no … since 1998"
    r"premiere fois (?:depuis|en)": ("first",),
}
IMPLICIT = {
    language: [(re.compile(r"(?<![\w-])(?:" + pattern + r")(?:(?<=')|(?![\w-]))"), stems)
               for pattern, stems in table.items()]
    for language, table in (("en", _EN_IMPLICIT), ("fr", _FR_IMPLICIT))
}
# Weak English negatives that are implicit ones too: facing their own literal rendering
# ("refused to" / « a refusé de ») they are no negation either side lacks.
EN_WEAK_RENDERED: dict[str, tuple[str, ...]] = {
    "refus": ("refus",), "declin": ("declin", "refus"), "fail": ("echou", "echec"),
    "lack": ("manqu", "faute", "absence", "depourvu"),
}


# Weak French negatives that the other side may render by a noun of lack: « faute de
# médecins » = "for lack of doctors", "because of a shortage of doctors", "in the absence of".
FR_WEAK_RENDERED: dict[str, tuple[str, ...]] = {
    "faute": ("lack", "shortage", "absence", "absent", "want", "short", "scarc", "dearth",
              "insufficien", "missing"),
}
