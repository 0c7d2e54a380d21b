"""Content-farm copies of clean articles, in two style families (seeded, deterministic).

    from manipulate import manipulate
    copies = manipulate(originals, seed=7, family="tune")     # originals: [{"id", "title", "text"}, ...]

    .venv/bin/python benchmarks/manipulate.py IN.jsonl|DIR --family locked --seed 7 --show 3
    .venv/bin/python benchmarks/manipulate.py IN.jsonl --kinds spin,strip --out copies.jsonl

One copy per original (``copies=`` for more), id ``<orig id>-farm-<n>``.  Each copy undergoes a
random non-empty subset of five kinds of manipulation (each kind drawn with probability 0.6, so
every kind has copies without it to compare with; a kind that cannot apply, e.g. ``strip`` on an
article without a direct quote, is left out of ``kinds``).  The kinds are applied in this order:
stitch, spin, strip, caption, boilerplate; the title is kept as it was.  Every record says what was
done: ``kinds``, ``styles`` (the style drawn for each kind), ``substitutions`` ([original, replacement]
for every spun word or phrase, as they stand in the text after spinning), ``stitched``
({"paragraph": index in the output, "from": donor id}), ``caption`` (the caption line(s), joined by
a newline; ``None`` when none), ``boilerplate`` (the lines added).

Paragraphs are lines: the sources separate paragraphs by a blank line, a single newline, or both in
one article.  Each separator is kept as it was, added paragraphs get the article's usual one, and
``stitched[].paragraph`` indexes ``split_paragraphs(text)`` (the non-empty lines of the output).
Donors are the other records of the batch; every draw comes from ``random.Random`` seeded with
(seed, family, original id, copy number, kind), so a copy does not depend on the order of the batch
except through its donors.

Every word list, template and synonym table below was written for this benchmark.

Two families differ in HOW each kind is done, not only in the random draw.  ``tune`` is the one
developers may look at and tune detectors against; ``locked`` is kept aside: never look at its
copies or tune against its figures, run it only to check that a detector generalises.

kind         tune                                          locked
-----------  --------------------------------------------  ----------------------------------------------
stitch       1-3 paragraphs of 1-2 donors.  "insert": put  1-3 paragraphs of 1-2 donors, or half an
             at random mid-body places, as one block or    article.  "half": the article is cut after its
             scattered; "append": added at the end.  A     first half and goes on with a donor's second
             lifted lead keeps its dateline; sometimes a   half (at most 8 paragraphs); "interleave": one
             "CITY —" / "CITY, State —" opener is added    donor paragraph every other paragraph from the
             to the first lifted paragraph.                middle on; "near-lead": right after the lead.
                                                           Added openers are wire style: "CITY (Agency) -",
                                                           "CITY, Mon D (Agency) —".
spin         rate 5-40% of eligible words, a non-empty     the same rate and style draw, with its own
             subset of four styles: (a) country and        tables: (a) capital-city and building
             organisation names to official long forms     metonyms, dotted/undotted abbreviations and
             and back ("Russia" <-> "the Russian           epithets ("Russia" <-> "Moscow" <-> "the
             Federation", "the FBI" <-> "the Federal       Kremlin", "NATO" <-> "the alliance", "the U.S."
             Bureau of Investigation"); (b) a thesaurus    <-> "Washington" <-> "the U.S.A."); (b) a
             of verbs (inflected: -s, -ed, -ing,           separate thesaurus (say -> note/comment/
             irregular forms), nouns (singular/plural),    observe, people -> citizens/residents ...);
             adjectives and adverbs; (c) titles and roles  (c) its own roles table (president -> chief/
             (president -> head of state, minister ->      national leader, lawmaker -> congressperson);
             secretary); (d) phrase swaps ("in addition"   (d) its own phrase table ("according to" ->
             -> "furthermore", "according to" ->           "citing", "such as" -> "including").
             "as per").  Per article: spin inside quotes   Fewer than 10% of the thesaurus pairs are in
             or spare them; one replacement per word for   both families.
             the whole article or a fresh one each time.
             Case, "a"/"an" and sentence-initial "The"
             follow the replacement; a name used as a
             modifier ("US officials") is left alone.
strip        30-100% of direct quotes lose their marks,    the same share, with other styles: "dash"
             first-person quotes first or a random order;  (marks gone, the colon/comma becomes a dash),
             one style per article, or (30%) a mix per     "split" (the quote becomes its own paragraph
             quote: "delete" (marks and the colon/comma    without marks, a trailing "he said" is
             around them dropped), "keep" (marks dropped,  dropped), "half" (only the opening or only the
             colon/comma kept), "run-on" (the quote's      closing mark removed); orders: first-person
             sentences are run into the surrounding one:   first, random, or from the end of the article.
             "said we will win, they can't ...").
caption      1-2 lines from 16 templates ("NAME speaks     1-2 lines from 16 other templates
             during a news conference in PLACE on DATE.",  ("Pictured: ...", "FILE - In this ... file
             "Photo: AGENCY", "(Photo by NAME/AGENCY)",    photo, ...", "Featured image via ...",
             "File photo: ...", "NAME, left, and NAME      "[Image: ...]", "Credit: X via Y", ...), its
             attend ... REUTERS/Name Surname", "Image      own agencies, events and date formats ("9 May
             credit: ..."), US dates ("May 9, 2016"); as   2016", "05/09/2016"); its own paragraph
             their own paragraph(s) at random mid-body     mid-body, run into the start of a paragraph,
             places.  Both families take people's names    or just before the last paragraph.
             from the article when it has some.
boilerplate  1-5 lines from 30 templates (share/follow     1-5 lines from 30 other templates ("Spread
             prompts, "Read more:" / "Related:" with       the word!", "You may also like:", "SEE ALSO:",
             another article's headline, newsletter        "Scroll down for video", "Keywords:", cookie
             sign-ups, copyright lines with made-up "Word  banners, tip lines ...) with made-up headlines
             Word" site names, "Tags:", "Advertisement",   and one-word camel-case site names; one line
             cookie notices, a "Read more at" link); 60%   sometimes before the lead, one sometimes run on
             of copies get 1-2 mid-body, the rest at end.  at the end of a paragraph, the rest at the end.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

KINDS = ("stitch", "spin", "strip", "caption", "boilerplate")
FAMILIES = ("tune", "locked")
KIND_PROBABILITY = 0.6

# --------------------------------------------------------------------------------------------
# Inflection
# --------------------------------------------------------------------------------------------

#: irregular verbs: base -> (past, past participle); covers every irregular verb of the tables
IRREGULAR_VERBS: dict[str, tuple[str, str]] = {
    "say": ("said", "said"), "tell": ("told", "told"), "give": ("gave", "given"), "take": ("took", "taken"),
    "make": ("made", "made"), "buy": ("bought", "bought"), "seek": ("sought", "sought"),
    "begin": ("began", "begun"), "show": ("showed", "shown"), "win": ("won", "won"), "lose": ("lost", "lost"),
    "meet": ("met", "met"), "leave": ("left", "left"), "hold": ("held", "held"), "find": ("found", "found"),
    "bring": ("brought", "brought"), "think": ("thought", "thought"), "keep": ("kept", "kept"),
    "speak": ("spoke", "spoken"), "know": ("knew", "known"), "grow": ("grew", "grown"), "rise": ("rose", "risen"),
    "fall": ("fell", "fallen"), "choose": ("chose", "chosen"), "send": ("sent", "sent"), "spend": ("spent", "spent"),
    "build": ("built", "built"), "break": ("broke", "broken"), "run": ("ran", "run"), "get": ("got", "got"),
    "go": ("went", "gone"), "see": ("saw", "seen"), "come": ("came", "come"), "put": ("put", "put"),
    "set": ("set", "set"), "cut": ("cut", "cut"), "hit": ("hit", "hit"), "let": ("let", "let"),
    "fight": ("fought", "fought"), "lead": ("led", "led"), "pay": ("paid", "paid"), "stand": ("stood", "stood"),
    "lay": ("laid", "laid"), "lend": ("lent", "lent"), "slide": ("slid", "slid"), "sink": ("sank", "sunk"),
    "swear": ("swore", "sworn"), "throw": ("threw", "thrown"), "draw": ("drew", "drawn"), "bear": ("bore", "borne"),
    "arise": ("arose", "arisen"), "befall": ("befell", "befallen"), "flee": ("fled", "fled"), "hear": ("heard", "heard"),
    "sell": ("sold", "sold"), "write": ("wrote", "written"), "drive": ("drove", "driven"), "feel": ("felt", "felt"),
    "mean": ("meant", "meant"), "catch": ("caught", "caught"), "shake": ("shook", "shaken"), "strike": ("struck", "struck"),
    "forbid": ("forbade", "forbidden"), "forecast": ("forecast", "forecast"), "undertake": ("undertook", "undertaken"),
    "uphold": ("upheld", "upheld"), "withdraw": ("withdrew", "withdrawn"), "overcome": ("overcame", "overcome"),
    "sit": ("sat", "sat"), "deal": ("dealt", "dealt"), "shed": ("shed", "shed"), "spread": ("spread", "spread"),
    "quit": ("quit", "quit"), "bet": ("bet", "bet"), "wind": ("wound", "wound"), "foresee": ("foresaw", "foreseen"),
    "slay": ("slew", "slain"), "dig": ("dug", "dug"), "shut": ("shut", "shut"), "hurt": ("hurt", "hurt"), "beat": ("beat", "beaten"),
}
#: regular verbs that double their last consonant (stopped, admitted)
DOUBLING = set(
    "stop plan ban admit commit regret prefer occur refer control drop slip grab nab rap prod spur scrap dip hug "
    "slam chat swap tip rob plot map step shop ship top clap permit submit transmit compel propel rebut abet "
    "equip bag cop snag jab rig stab trim flip blog blur pin nag peg zap dub fret pan pen snap spot strip wrap".split()
)
IRREGULAR_PLURALS = {
    "man": "men", "woman": "women", "child": "children", "person": "people", "crisis": "crises",
    "analysis": "analyses", "chief": "chiefs", "spokesman": "spokesmen", "spokeswoman": "spokeswomen",
    "congressman": "congressmen", "congresswoman": "congresswomen", "policeman": "policemen",
    "serviceman": "servicemen", "newsman": "newsmen", "chairman": "chairmen", "chairwoman": "chairwomen",
    "businessman": "businessmen", "gentleman": "gentlemen", "foe": "foes", "hero": "heroes",
    "thesis": "theses", "staff": "staff", "kin": "kin", "folks": "folks", "life": "lives", "wife": "wives",
    "leaf": "leaves", "half": "halves",
}
_VOWELS = "aeiou"


def _third(w: str) -> str:
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return w[:-1] + "ies"
    return w + "s"


def _past(w: str) -> str:
    if w in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[w][0]
    if w.endswith("e"):
        return w + "d"
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return w[:-1] + "ied"
    if w in DOUBLING:
        return w + w[-1] + "ed"
    return w + "ed"


def _participle(w: str) -> str:
    if w in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[w][1]
    return _past(w)


def _gerund(w: str) -> str:
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if w.endswith("ee") or w in ("be", "see"):
        return w + "ing"
    if w.endswith("e") and len(w) > 2:
        return w[:-1] + "ing"
    if w in DOUBLING or w in ("run", "win", "cut", "put", "set", "hit", "let", "get", "sit", "bet", "shut", "quit"):
        return w + w[-1] + "ing"
    return w + "ing"


VERB_TAGS = ("base", "s", "past", "pp", "ing")
_VERB_FUNCS: dict[str, Callable[[str], str]] = {
    "base": lambda w: w, "s": _third, "past": _past, "pp": _participle, "ing": _gerund,
}


def verb_form(phrase: str, tag: str) -> str:
    """``phrase`` (a verb, or a verb followed by particles/objects) in the form ``tag``; the first
    word is inflected."""
    head, _, rest = phrase.partition(" ")
    out = _VERB_FUNCS[tag](head)
    return f"{out} {rest}" if rest else out


def plural(phrase: str) -> str:
    """Plural of a noun phrase: the word before " of " ("heads of state"), else the last word."""
    words = phrase.split(" ")
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    if w in IRREGULAR_PLURALS:
        p = IRREGULAR_PLURALS[w]
    elif w.endswith(("s", "sh", "ch", "x", "z")):
        p = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        p = w[:-1] + "ies"
    else:
        p = w + "s"
    words[i] = p
    return " ".join(words)


def _parse_table(block: str) -> list[tuple[str, list[str]]]:
    """'head: alt, alt' lines -> [(head, [alts])]; blank lines and '#' comments skipped."""
    out = []
    for line in block.strip().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, _, alts = line.partition(":")
        out.append((head.strip(), [a.strip() for a in alts.split(",") if a.strip()]))
    return out


def _parse_groups(block: str) -> list[list[str]]:
    """'form | form | form' lines -> [[forms]] (names: every form can become any other)."""
    out = []
    for line in block.strip().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append([f.strip() for f in line.split("|") if f.strip()])
    return out


# --------------------------------------------------------------------------------------------
# Spinner tables, family "tune"
# --------------------------------------------------------------------------------------------

#: (a) names: every form of a line may become any other form of it (official long forms and back)
TUNE_NAMES = _parse_groups("""
Russia | the Russian Federation
the United States | the US | the U.S. | the United States of America | the USA
Britain | the United Kingdom | the UK | Great Britain | the United Kingdom of Great Britain and Northern Ireland
China | the People's Republic of China | the PRC
Iran | the Islamic Republic of Iran
Syria | the Syrian Arab Republic
North Korea | the Democratic People's Republic of Korea | the DPRK
South Korea | the Republic of Korea | the ROK
Germany | the Federal Republic of Germany
France | the French Republic
Mexico | the United Mexican States
Venezuela | the Bolivarian Republic of Venezuela
Turkey | the Republic of Turkey | Türkiye
Israel | the State of Israel
Saudi Arabia | the Kingdom of Saudi Arabia | KSA
India | the Republic of India
Egypt | the Arab Republic of Egypt
Cuba | the Republic of Cuba
Italy | the Italian Republic
Spain | the Kingdom of Spain
Vietnam | the Socialist Republic of Vietnam | Viet Nam
Afghanistan | the Islamic Republic of Afghanistan
Iraq | the Republic of Iraq
Pakistan | the Islamic Republic of Pakistan
Nigeria | the Federal Republic of Nigeria
Libya | the State of Libya
Australia | the Commonwealth of Australia
the Philippines | the Republic of the Philippines
Ukraine | the Ukraine
the UN | the United Nations | the U.N. | the United Nations Organization
NATO | the North Atlantic Treaty Organization
the EU | the European Union
the FBI | the Federal Bureau of Investigation
the CIA | the Central Intelligence Agency
the NSA | the National Security Agency
the GOP | the Republican Party | the Grand Old Party
the DNC | the Democratic National Committee
the RNC | the Republican National Committee
the IMF | the International Monetary Fund
the WHO | the World Health Organization
the Pentagon | the Department of Defense | the Defense Department
the State Department | the Department of State
the Justice Department | the Department of Justice | the DOJ
the EPA | the Environmental Protection Agency
the Fed | the Federal Reserve | the Federal Reserve System
Congress | the US Congress | the United States Congress
the Supreme Court | the U.S. Supreme Court | the Supreme Court of the United States
the White House | the Executive Mansion
the IRS | the Internal Revenue Service
the NRA | the National Rifle Association
""")

#: (b) thesaurus: verbs (base form; every inflection is spun)
TUNE_VERBS = _parse_table("""
say: state, declare, remark, assert
tell: inform, advise, notify
ask: request, query, question
announce: proclaim, declare, unveil
help: aid, assist, support
use: utilize, employ
show: demonstrate, display, reveal
try: attempt, endeavor
begin: commence, initiate
start: commence, launch, initiate
end: conclude, finish, terminate
buy: purchase, acquire
need: require
want: desire, wish
think: believe, reckon, suppose
believe: think, feel, consider
win: secure, clinch, capture
lose: forfeit, squander
attack: assault, strike, assail
kill: slay, murder
die: perish, pass away
fight: battle, combat
meet: gather, convene
choose: select, pick
claim: allege, contend, maintain
deny: reject, refute, dispute
reject: dismiss, rebuff, spurn
criticize: slam, blast, lambaste, condemn
criticise: slam, blast, lambaste, condemn
support: back, endorse, champion
oppose: resist, challenge, object to
increase: boost, raise, expand
reduce: lower, cut, decrease
rise: climb, increase, grow
fall: drop, decline, tumble
warn: caution, alert
urge: press, implore, encourage
accuse: charge, blame
investigate: probe, examine, look into
plan: intend, aim
hope: wish, expect
expect: anticipate, predict, foresee
continue: proceed, persist, carry on
allow: permit, enable
stop: halt, cease, block
leave: depart, exit, quit
arrive: land, turn up
suggest: propose, recommend, imply
explain: clarify, elaborate
describe: characterize, portray, depict
add: include, append
agree: concur, consent
respond: reply, answer, react
return: head back, revert
seek: pursue, look for, search for
send: dispatch, ship, transmit
build: construct, erect
destroy: demolish, wreck, ruin
protect: shield, safeguard, defend
prevent: avert, stop, hinder
face: confront, encounter
cause: trigger, spark, provoke
reveal: disclose, expose, uncover
release: issue, publish, free
receive: get, obtain, collect
require: need, demand
prove: demonstrate, confirm, establish
remain: stay, persist
understand: grasp, comprehend
consider: weigh, contemplate, ponder
discuss: debate, talk about, examine
spend: expend, pay out
force: compel, oblige
arrest: detain, apprehend, seize
threaten: menace, intimidate, endanger
damage: harm, impair, hurt
improve: enhance, upgrade, better
change: alter, modify, amend
create: generate, produce, establish
include: contain, encompass, comprise
happen: occur, take place, transpire
appear: seem, look, emerge
speak: talk, converse
watch: observe, view, monitor
see: observe, view, witness
find: discover, locate, uncover
lead: head, guide, direct
join: enter, team up with
push: press, shove, drive
pass: approve, enact, adopt
fail: falter, flounder
succeed: prevail, triumph
remove: eliminate, withdraw, strip
worry: fret, trouble
insist: maintain, stress, contend
argue: contend, reason, claim
admit: concede, acknowledge, confess
confirm: verify, affirm, corroborate
decide: determine, resolve, elect
vote: cast ballots, ballot
report: relay, disclose
""")

#: (b) thesaurus: nouns (singular head; the plural is spun too).  "+word" is a plural-only head.
TUNE_NOUNS = _parse_table("""
+people: individuals, persons, folks
person: individual, human
government: administration, regime, state
election: poll, vote, ballot
attack: assault, strike, raid
country: nation, state, land
campaign: drive, push, crusade
problem: issue, difficulty, trouble
issue: matter, concern, topic
question: query, inquiry
plan: scheme, proposal, blueprint
law: statute, act, rule
bill: measure, proposal
decision: ruling, verdict, choice
report: account, study, document
statement: declaration, remark, announcement
meeting: gathering, session, conference
+talks: negotiations, discussions
war: conflict, combat
city: town, metropolis
home: house, residence, dwelling
money: cash, funds, finances
job: position, post, role
company: firm, business, corporation
group: organization, outfit, body
child: kid, youngster, minor
woman: lady, female
man: gentleman, male
support: backing, endorsement
crisis: emergency, calamity
threat: menace, danger, risk
effort: attempt, endeavor, bid
result: outcome, consequence
policy: strategy, approach, line
economy: economic system, market
debate: discussion, argument, contest
poll: survey, opinion poll
victory: win, triumph
defeat: loss, setback, rout
rally: gathering, demonstration, event
speech: address, oration, talk
evidence: proof, indication
information: data, details, intelligence
security: safety, protection
border: frontier, boundary
weapon: armament, gun
violence: brutality, bloodshed
death: demise, passing, fatality
fight: battle, struggle
claim: allegation, assertion
comment: remark, observation
party: faction, camp
investigation: probe, inquiry, examination
case: matter, affair
scandal: controversy, affair, disgrace
tax: levy, duty
cost: price, expense
deal: agreement, pact, accord
agreement: deal, pact
reason: cause, motive
idea: notion, concept, thought
help: aid, assistance
change: shift, alteration
power: authority, control, strength
role: part, function
challenge: test, hurdle
ban: prohibition, embargo
letter: note, message
email: message, electronic mail
video: clip, footage
story: tale, account, article
friend: ally, companion, pal
family: household, clan
worker: employee, laborer, staffer
student: pupil, learner
immigrant: migrant, newcomer
refugee: asylum seeker, displaced person
hospital: clinic, infirmary
attempt: try, bid
""")

#: (b) thesaurus: adjectives and adverbs (not inflected)
TUNE_ADJECTIVES = _parse_table("""
big: huge, large, massive
small: little, tiny, minor
important: significant, crucial, vital
new: fresh, novel, recent
old: aged, elderly
good: fine, excellent, positive
bad: poor, terrible, awful
major: key, main, significant
key: crucial, central, pivotal
main: primary, principal, chief
recent: latest, fresh
former: previous, past
large: big, sizable, substantial
serious: grave, severe, solemn
strong: powerful, robust, sturdy
difficult: hard, tough, challenging
clear: obvious, evident, plain
possible: feasible, potential, conceivable
different: distinct, diverse
political: partisan, civic
national: nationwide, countrywide
local: regional, area
foreign: overseas, international, external
military: armed, martial
economic: financial, fiscal
dangerous: risky, hazardous, perilous
angry: furious, irate, livid
happy: glad, pleased, delighted
afraid: scared, fearful
quickly: rapidly, swiftly, fast
slowly: gradually, steadily
very: really, extremely, highly
also: additionally, likewise
often: frequently, regularly
recently: lately, newly
now: currently, presently, at present
later: afterwards, subsequently
however: nevertheless, nonetheless, yet
nearly: almost, practically
many: numerous, various, countless
several: multiple, various, a number of
enough: sufficient, adequate
whole: entire, complete
top: leading, senior, highest
senior: high-ranking, top, elder
powerful: mighty, influential, potent
popular: well-liked, favored, beloved
final: last, concluding, ultimate
huge: enormous, vast, gigantic
tough: hard, harsh, rough
""")

#: (c) titles and roles (nouns; plural spun too; a capitalised title before a name is spun as well)
TUNE_ROLES = _parse_table("""
president: head of state, commander in chief, chief executive
minister: secretary, cabinet member
lawmaker: legislator, parliamentarian
senator: member of the Senate, upper house member
congressman: representative, member of Congress
spokesman: spokesperson, press officer, mouthpiece
spokeswoman: spokesperson, press officer
governor: state chief, state executive
candidate: contender, hopeful, nominee
official: functionary, bureaucrat
adviser: aide, counselor, consultant
advisor: aide, counselor, consultant
prime minister: premier, head of government
secretary of state: top diplomat, foreign secretary
chairman: chair, head
ambassador: envoy, emissary
prosecutor: attorney, district attorney
judge: justice, magistrate
mayor: city head, municipal leader
campaign manager: campaign chief, campaign head
director: head, chief
aide: assistant, staffer, adviser
leader: chief, head, boss
voter: elector, constituent
diplomat: envoy, emissary
analyst: expert, pundit, commentator
reporter: journalist, correspondent, newsman
activist: campaigner, advocate
supporter: backer, fan, follower
opponent: rival, adversary, foe
critic: detractor, naysayer
nominee: candidate, pick
delegate: representative, envoy
police officer: cop, policeman, law enforcement officer
soldier: serviceman, trooper
vice president: VP, deputy head of state, number two
chief of staff: top aide
press secretary: spokesperson, communications chief
attorney general: top prosecutor, chief law officer
""")

#: (d) phrase swaps (not inflected; inflected variants are written out)
TUNE_PHRASES = _parse_table("""
in addition: furthermore, moreover, additionally, on top of that
according to: as per, in accordance with, as stated by
as well as: along with, together with, plus
because of: due to, owing to, on account of
in order to: so as to
at the same time: simultaneously, concurrently
for example: for instance, as an example
in fact: indeed, actually, as a matter of fact
on the other hand: conversely, by contrast
as a result: consequently, thus, therefore
a lot of: plenty of, lots of, a great deal of
more than: over, in excess of, upwards of
less than: under, fewer than, below
so far: thus far, up to now, to date
right now: at the moment, currently
at least: at minimum, no less than
in the past: previously, formerly, in days gone by
for the first time: for the very first time, initially
in the wake of: following, in the aftermath of
prior to: before, ahead of
even though: although, despite the fact that
in spite of: despite, regardless of
a number of: several, a range of
the majority of: most of
take part in: participate in, join in
news conference: press conference, media briefing, press briefing
press conference: news conference, media briefing
last week: the previous week, the past week
last year: the previous year, the past year
next week: the coming week, the following week
in response to: responding to, in reply to
with regard to: regarding, concerning, with respect to
in an interview: during an interview, speaking in an interview
told reporters: informed journalists, told the media, said to the press
social media: social networks, online platforms
pointed out: highlighted, noted
carried out: conducted, performed
set up: established, created
called for: demanded, pressed for
called on: urged, appealed to
looking for: seeking, searching for
took place: occurred, happened
turned out: proved, emerged
find out: discover, learn
make sure: ensure, guarantee
as soon as possible: at the earliest opportunity, promptly
once again: yet again, again
around the world: across the globe, globally
in recent years: lately, over the past few years
""")


# --------------------------------------------------------------------------------------------
# Spinner tables, family "locked" (separate tables: do not merge with the tune ones)
# --------------------------------------------------------------------------------------------

#: (a) names: capital-city and building metonyms, dotted/undotted abbreviations, epithets
LOCKED_NAMES = _parse_groups("""
Russia | Moscow | the Kremlin
the United States | Washington | America | the U.S.A. | the States | the U.S. | the US
Britain | London | the U.K. | Downing Street
China | Beijing | mainland China
Germany | Berlin
France | Paris | the Elysee
Iran | Tehran
Israel | Jerusalem
North Korea | Pyongyang | the North Korean regime
Syria | Damascus | the Assad regime
Turkey | Ankara
Japan | Tokyo
Ukraine | Kyiv | Kiev
Saudi Arabia | Riyadh | the Saudi kingdom
Mexico | Mexico City
Cuba | Havana
India | New Delhi
Egypt | Cairo
Iraq | Baghdad
Afghanistan | Kabul
Venezuela | Caracas
Canada | Ottawa
the UN | the U.N. | the world body
NATO | the alliance | the transatlantic alliance | N.A.T.O.
the EU | the E.U. | the bloc | the European bloc | Brussels
the FBI | the F.B.I. | the bureau | the federal police
the CIA | the C.I.A. | the spy agency | Langley
the Pentagon | the U.S. military | the Defense Dept.
the White House | the administration | 1600 Pennsylvania Avenue
Congress | Capitol Hill | the legislature | the Hill
the Supreme Court | the nation's top court | the high court | the justices
the Republican Party | the Republicans | the party of Lincoln | the G.O.P.
the Democratic Party | the Democrats | the Dems
the State Department | Foggy Bottom | the State Dept.
the Federal Reserve | the central bank | the Fed
the Senate | the upper chamber | the upper house
the House | the lower chamber | the House of Representatives
""")

LOCKED_VERBS = _parse_table("""
say: note, comment, observe, opine
tell: brief, apprise, instruct
ask: solicit, quiz, appeal to
announce: broadcast, publicize, make public
help: lend a hand, abet, facilitate
use: apply, deploy, harness
show: indicate, exhibit, illustrate
try: strive, aim
start: kick off, embark on
begin: embark on, open
end: wrap up, close
buy: snap up, procure
get: gain, land, pick up
need: necessitate, lack
want: yearn for, long for, crave
think: figure, imagine, suspect
win: notch, bag, land
lose: surrender, cede, shed
attack: target, storm, ambush
kill: slaughter, execute, eliminate
fight: wrestle, clash, struggle
meet: sit down with, huddle, confer
claim: profess, aver, purport
deny: rebut, contradict, disavow
criticize: rap, pan, chastise, berate
criticise: rap, pan, chastise, berate
support: favor, uphold, stand behind
oppose: contest, push back against, fight
increase: hike, ramp up, swell
rise: jump, soar, surge
fall: slide, slip, dip
warn: forewarn, admonish
urge: exhort, prod, push
accuse: indict, denounce
investigate: scrutinize, inspect, dig into
plan: prepare, map out
hope: aspire, trust
expect: count on, bank on, project
continue: press on, resume
allow: authorize, sanction, okay
stop: freeze, quit
leave: vacate, abandon, walk out of
suggest: hint, float
describe: label, recount, detail
agree: accept, assent, sign off on
respond: retort, hit back, counter
seek: chase, hunt for, go after
send: deliver, forward, convey
protect: guard, preserve, secure
cause: prompt, spur, set off
reveal: unveil, leak, lay bare
release: put out, roll out, discharge
arrest: nab, collar, round up
change: revise, adjust, reshape
happen: unfold, develop, materialize
find: spot, detect, turn up
lead: steer, spearhead
pass: clear, rubber-stamp
remove: oust, scrap, discard
admit: own up to, allow
confirm: validate, attest, back up
explain: spell out, account for, unpack
worry: fear, dread, agonize
insist: hold, demand, persist
decide: settle, resolve
create: forge, craft, spawn
destroy: flatten, raze, obliterate
build: assemble, fashion
include: feature, involve, cover
consider: mull, eye, entertain
discuss: talk over, review, hash out
pay: settle, shell out
spend: lay out, dole out
face: grapple with, weather, brave
threaten: imperil, jeopardize, bully
improve: refine, polish, strengthen
prove: substantiate, vindicate
watch: eye, track, follow
see: notice, spot, glimpse
hold: organize, arrange, put on
join: link up with, ally with, partner with
push: nudge, propel
speak: chat, hold forth, sound off
call: dub, brand, term
write: pen, author
know: realize, recognize
raise: elevate, hoist, bring up
""")

LOCKED_NOUNS = _parse_table("""
+people: citizens, humans, residents, souls
person: soul, human being
government: leadership, cabinet, rulers
election: race, contest, balloting
attack: offensive, onslaught, hit
country: homeland, realm, territory
campaign: operation, movement, race
problem: snag, headache, obstacle
issue: subject, question, point
plan: strategy, program, roadmap
law: regulation, code, measure
decision: determination, move, call
report: dossier, write-up, paper
statement: communique, release, comment
meeting: summit, encounter, sit-down
war: fighting, strife, warfare
money: dollars, capital, resources
job: gig, employment, occupation
company: enterprise, outfit, concern
group: coalition, collective, band
child: youth, juvenile, little one
crisis: predicament, turmoil, meltdown
threat: hazard, peril, warning
effort: push, drive, initiative
result: upshot, effect, product
policy: platform, doctrine, stance
debate: showdown, face-off, clash
poll: opinion survey, sounding
victory: success, conquest
defeat: beating, drubbing, failure
rally: assembly, mass meeting, get-together
speech: remarks, lecture, keynote
evidence: documentation, indications, substantiation
security: defense, safeguards
death: end, expiry, loss of life
claim: contention, charge, accusation
comment: reaction, reply, input
investigation: inquest, review, audit
scandal: outrage, uproar, embarrassment
deal: bargain, arrangement, settlement
idea: proposal, suggestion, vision
power: clout, influence, sway
ban: restriction, bar, veto
video: recording, tape, film
story: piece, narrative, yarn
family: kin, loved ones, family members
worker: hand, operative, wage earner
economy: markets, commerce, business
tax: tariff, charge, toll
cost: charge, toll, bill
border: perimeter, borderline, edge
weapon: firearm, arm, munition
violence: unrest, mayhem, savagery
fight: clash, scuffle, brawl
help: relief, backing
change: revision, shake-up, transformation
challenge: obstacle, trial, difficulty
week: seven days
month: four weeks
question: puzzle, riddle, matter
voter: ballot caster
""")

LOCKED_ADJECTIVES = _parse_table("""
big: giant, hefty, sizable
small: modest, slight, petite
important: notable, weighty, momentous
new: brand-new, newfound, latest
good: great, solid, decent
bad: lousy, dire, harmful
major: big, chief, leading
key: essential, critical, core
recent: current, up-to-date
former: onetime, erstwhile, one-time
large: vast, sweeping, considerable
serious: heavy, critical, weighty
strong: vigorous, stout, forceful
difficult: tricky, demanding, arduous
clear: apparent, manifest, unambiguous
possible: plausible, imaginable, viable
political: party-political, governmental
national: domestic, federal
foreign: outside, alien, offshore
military: defense, army, troop
economic: monetary, commercial, budgetary
dangerous: unsafe, treacherous, deadly
angry: outraged, incensed, enraged
quickly: speedily, promptly, hastily
very: exceedingly, awfully, truly
also: further, besides
often: commonly, routinely, repeatedly
now: today, these days
later: afterward, down the road, eventually
however: still, though, even so
nearly: virtually, close to, roughly
several: a few, a handful of, some
whole: full, total, intact
top: premier, foremost, elite
senior: veteran, ranking, high-level
powerful: formidable, commanding
popular: admired, in-demand, fashionable
final: closing, decisive, definitive
happy: joyful, cheerful, content
afraid: frightened, anxious, nervous
early: initial, premature
young: youthful, junior
public: open, communal
huge: colossal, mammoth, immense
""")

LOCKED_ROLES = _parse_table("""
president: chief, national leader, top man
minister: official, cabinet officer, department head
lawmaker: congressperson, member of parliament, solon
senator: legislator, Senate member, upper-chamber lawmaker
congressman: House member, congressperson
spokesman: representative, mouthpiece, press liaison
spokeswoman: representative, press liaison
governor: state leader, statehouse chief
candidate: runner, aspirant, hopeful
official: officer, administrator, authority
adviser: consultant, confidant, guru
advisor: consultant, confidant, guru
prime minister: PM, government chief
secretary of state: chief diplomat, foreign minister
chairman: boss, chief, president
ambassador: diplomat, representative abroad
prosecutor: district lawyer, state lawyer
mayor: city boss, town leader
campaign manager: campaign boss, race manager
aide: helper, lieutenant, underling
leader: commander, captain, figurehead
voter: citizen, ballot caster, member of the electorate
analyst: observer, strategist, watcher
reporter: writer, newsperson, scribe
activist: militant, organizer, crusader
supporter: loyalist, devotee, partisan
opponent: challenger, competitor, enemy
critic: skeptic, objector, opponent
nominee: standard-bearer, choice, selection
police officer: officer of the law, lawman, patrolman
soldier: troop, fighter, GI
vice president: veep, second-in-command
press secretary: press chief, spokesperson for the administration
attorney general: chief prosecutor, justice chief
""")

LOCKED_PHRASES = _parse_table("""
in addition: besides, what's more, added to this
according to: per, citing, as reported by, going by
because of: thanks to, as a consequence of, by reason of
in the end: ultimately, eventually, at long last
as well as: and also, in addition to, not to mention
at the moment: at this time, for now
even though: notwithstanding that, though
so that: in order that
in other words: that is to say, put differently, namely
for instance: to illustrate
such as: like, including
as long as: provided that, so long as
at first: initially, originally
as soon as: the moment, once
last month: the previous month, the month before
this week: the current week, these seven days
next year: the coming year, the following year
said in a statement: noted in a release, said in a communique
in a statement: in a press release, in a written release, in a communique
is expected to: is anticipated to, is projected to, is predicted to
made clear: clarified, spelled out, left no doubt
took office: assumed office, entered office, took the helm
in charge of: responsible for, at the helm of, overseeing
with the help of: aided by, with the assistance of
on behalf of: representing, in the name of
at the end of: by the close of, at the close of
in the middle of: amid, midway through
up to: as many as, a maximum of
a lot: much, greatly
a few: a handful of, some
at least: no fewer than, a minimum of
is going to: will, is set to, is poised to
spoke to reporters: addressed journalists, talked to the press
said on Twitter: tweeted, posted on social media
in the coming days: in the days ahead, soon
for years: for a long time, over many years
""")

FAMILY_TABLES: dict[str, dict[str, Any]] = {
    "tune": {"names": TUNE_NAMES, "verbs": TUNE_VERBS, "nouns": TUNE_NOUNS, "adjectives": TUNE_ADJECTIVES,
             "roles": TUNE_ROLES, "phrases": TUNE_PHRASES},
    "locked": {"names": LOCKED_NAMES, "verbs": LOCKED_VERBS, "nouns": LOCKED_NOUNS, "adjectives": LOCKED_ADJECTIVES,
               "roles": LOCKED_ROLES, "phrases": LOCKED_PHRASES},
}
SPIN_STYLES = ("names", "thesaurus", "roles", "phrases")


# --------------------------------------------------------------------------------------------
# Spin
# --------------------------------------------------------------------------------------------

#: a word before a verb/noun surface that says which reading it has
NOUN_CUES = set("the a an this that these those his her its their our my your no every each any some another "
                "whose which what".split())
VERB_CUES = set("to will would can could should must may might not did does do they we i you he she it who "
                "never also".split())
#: words that may follow a spun name without making it a modifier ("US officials" is not spun)
AFTER_NAME_OK = set(
    "said says say has have had is was were are will would could can may might should must and or but to in on "
    "at for with from of by as than that which who after before since over under into against did does also "
    "again now then remains remained continues continued wants wanted plans planned called asked warned "
    "announced agreed refused rejected accused sent signed told urged needs needed itself while if when where "
    "because so yet last this next until amid during through about".split()
)
#: capitalised words before a name that do not make it part of a longer name
CAPS_OK_BEFORE = set(
    "The In On At For But And To With By From As If When While After Before Why How What Of That This Both "
    "Neither Either Like Unlike Against Between Unless Although Though Since Until Only Even So Yet Then "
    "Meanwhile However Still Also Now Today Yesterday".split()
)
_SMALL_WORDS = {"of", "the", "and", "in", "for", "a", "an", "to", "on"}
_QUOTE_SPAN = re.compile(r"\u201c[^\u201c\u201d\n]*\u201d|\"[^\"\n]*\"")


def _add(lst: list[str], *items: str) -> None:
    for it in items:
        if it not in lst:
            lst.append(it)


@cache
def word_lexicon(family: str, style: str) -> dict[str, dict[str, list[str]]]:
    """surface (lower case) -> {"v"|"n"|"a"|"r"|"p": [replacements already inflected]} for one spin
    style of one family ("thesaurus", "roles", "phrases")."""
    tables = FAMILY_TABLES[family]
    lex: dict[str, dict[str, list[str]]] = {}

    def slot(surf: str, part: str) -> list[str]:
        return lex.setdefault(surf.lower(), {}).setdefault(part, [])

    if style == "thesaurus":
        for head, alts in tables["verbs"]:
            forms: dict[str, set[str]] = {}
            for tag in VERB_TAGS:
                forms.setdefault(verb_form(head, tag), set()).add(tag)
            for surf, tags in forms.items():
                for alt in alts:
                    outs = {verb_form(alt, t) for t in tags}
                    if len(outs) == 1 and surf not in outs:
                        _add(slot(surf, "v"), outs.pop())
        for head, alts in tables["nouns"]:
            if head.startswith("+"):
                _add(slot(head[1:], "n"), *alts)
                continue
            _add(slot(head, "n"), *alts)
            _add(slot(plural(head), "n"), *[plural(a) for a in alts])
        for head, alts in tables["adjectives"]:
            _add(slot(head, "a"), *alts)
    elif style == "roles":
        for head, alts in tables["roles"]:
            _add(slot(head, "r"), *alts)
            _add(slot(plural(head), "r"), *[plural(a) for a in alts])
    elif style == "phrases":
        for head, alts in tables["phrases"]:
            _add(slot(head, "p"), *alts)
    return lex


def _alternation(surfaces: list[str]) -> str:
    return "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(surfaces, key=len, reverse=True))


@cache
def word_pattern(family: str, style: str) -> re.Pattern[str]:
    alts = _alternation(list(word_lexicon(family, style)))
    return re.compile(rf"(?<![\w'\u2019\-])(?:{alts})(?![\w\-])(?!['\u2019]\w)", re.IGNORECASE)


@cache
def name_table(family: str) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """(pattern of every name of the family, bare name (no "the") -> every form of its group)."""
    other: dict[str, list[str]] = {}
    for forms in FAMILY_TABLES[family]["names"]:
        for f in forms:
            _add(other.setdefault(re.sub(r"^the\s+", "", f), []), *forms)
    alts = _alternation(list(other))
    pat = re.compile(rf"(?:(?<![\w.])(?P<art>[Tt]he)\s+)?(?<![\w.\-])(?P<name>{alts})(?![\w\-])")
    return pat, other


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos]
    stripped = before.rstrip(" \t")
    return not stripped.strip() or stripped[-1] in ".!?\u201c\"\n"


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z]+)[^A-Za-z\n]*$", text[max(0, pos - 40) : pos])
    return m.group(1) if m and not re.search(r"[.!?,;:\u201c\u201d\"]", text[max(0, pos - 40) : pos][m.end(1) :]) else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s+([A-Za-z]+)", text[pos : pos + 40])
    return m.group(1) if m else ""


def _match_case(orig: str, repl: str, title_before_name: bool = False) -> str:
    if len(orig) > 1 and orig.isupper():
        return repl.upper()
    if orig[:1].isupper():
        if title_before_name:
            return " ".join(w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(repl.split(" ")))
        return repl[:1].upper() + repl[1:]
    return repl


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text)]


def spin_candidates(text: str, family: str, styles: list[str], spare_quotes: bool) -> list[tuple[int, int, str, list[str]]]:
    """Every spinnable span of ``text``: (start, end, style, replacements), non-overlapping
    (earliest first, the longest at a start)."""
    cands: list[tuple[int, int, str, list[str]]] = []
    if "names" in styles:
        pat, other = name_table(family)
        for m in pat.finditer(text):
            start, end = m.start(), m.end()
            nxt = _next_word(text, end)
            after = text[end : end + 3]
            if nxt and nxt[0].isupper() and not re.match(r"['\u2019]s", after):
                continue
            if nxt and nxt[0].islower() and nxt not in AFTER_NAME_OK and not re.match(r"['\u2019]s", after):
                continue
            if m.group("name")[:1].islower() and not m.group("art"):
                continue  # "the alliance", "the bureau": only with their article
            if not m.group("art"):
                prev = _prev_word(text, start)
                if prev and prev[0].isupper() and prev not in CAPS_OK_BEFORE:
                    continue
                if prev == "of" and re.search(r"[A-Z][a-z]+\s+of\s+$", text[max(0, start - 40) : start]):
                    continue
                if prev.lower() in ("a", "an", "the"):
                    continue
            if after.startswith("-"):
                continue
            group = other.get(m.group("name"), [])
            # another name; only where a line is one name with and without "the" (Ukraine), the article
            alts = [g for g in group if re.sub(r"^the\s+", "", g) != m.group("name")]
            alts = alts or [g for g in group if g.lower() != m.group(0).lower()]
            if alts:
                cands.append((start, end, "names", alts))
    for style in ("phrases", "roles", "thesaurus"):
        if style not in styles:
            continue
        lex = word_lexicon(family, style)
        for m in word_pattern(family, style).finditer(text):
            surf = m.group(0)
            key = re.sub(r"\s+", " ", surf.lower())
            entry = lex.get(key)
            if not entry:
                continue
            if style == "roles":
                if not (surf.islower() or surf[:1].isupper()):
                    continue
            elif not (surf.islower() or (surf[:1].isupper() and surf[1:].islower() and _sentence_start(text, m.start()))):
                continue
            prev = _prev_word(text, m.start()).lower()
            if style == "thesaurus":
                if prev in NOUN_CUES:
                    alts = entry.get("n", []) + entry.get("a", [])
                elif prev in VERB_CUES:
                    alts = entry.get("v", []) + entry.get("a", [])
                else:
                    alts = entry.get("v", []) + entry.get("n", []) + entry.get("a", [])
            else:
                alts = entry.get("r", []) + entry.get("p", [])
            if alts:
                cands.append((m.start(), m.end(), style, list(dict.fromkeys(alts))))
    if spare_quotes:
        spans = _quote_spans(text)
        cands = [c for c in cands if not any(a <= c[0] < b for a, b in spans)]
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[tuple[int, int, str, list[str]]] = []
    last = -1
    for c in cands:
        if c[0] >= last:
            out.append(c)
            last = c[1]
    return out


def _article_for(word: str, art: str) -> str:
    w = word.lower()
    vowel = w[:1] in "aeiou" and not w.startswith(("one", "uni", "use", "usu", "eu", "u.s", "ubi"))
    vowel = vowel or w.startswith(("hour", "honest", "honor", "heir"))
    new = "an" if vowel else "a"
    return new.capitalize() if art[:1].isupper() else new


def _render(text: str, start: int, end: int, style: str, repl: str) -> str:
    """The replacement for ``text[start:end]`` as it will stand in the text (case, article, dots)."""
    orig = text[start:end]
    if style == "names":
        if orig[:1] == "T" or (_sentence_start(text, start)):
            repl = repl[:1].upper() + repl[1:]
        follows = text[end : end + 2]
        if orig.endswith(".") and not repl.endswith(".") and (follows[:1] in ("", "\n") or re.match(r"\s[A-Z]", follows)):
            repl += "."
        if repl.endswith(".") and follows[:1] == ".":
            repl = repl[:-1]
        return repl
    title = style == "roles" and orig[:1].isupper() and _next_word(text, end)[:1].isupper()
    if orig.isupper() and len(orig) > 1:
        return repl.upper()
    return _match_case(orig, repl, title_before_name=title)


def spin_paragraphs(paras: list[str], rng: random.Random, family: str) -> tuple[list[str], list[list[str]], dict[str, Any]]:
    """Spin a whole article (list of paragraphs); returns (paragraphs, substitutions, style)."""
    styles = [s for s in SPIN_STYLES if rng.random() < 0.6] or [rng.choice(SPIN_STYLES)]
    spare_quotes = rng.random() < 0.4
    consistent = rng.random() < 0.5
    rate = round(rng.uniform(0.05, 0.40), 3)
    per_para = [spin_candidates(p, family, styles, spare_quotes) for p in paras]
    total = sum(len(c) for c in per_para)
    # a drawn set of styles with nothing to spin: fall back to all four
    if total == 0:
        styles = list(SPIN_STYLES)
        per_para = [spin_candidates(p, family, styles, spare_quotes) for p in paras]
        total = sum(len(c) for c in per_para)
    style = {"styles": styles, "rate": rate, "spare_quotes": spare_quotes, "consistent": consistent}
    if total == 0:
        return paras, [], style
    chosen = [[rng.random() < rate for _ in c] for c in per_para]
    if not any(any(c) for c in chosen):
        flat = [(i, j) for i, c in enumerate(per_para) for j in range(len(c))]
        i, j = rng.choice(flat)
        chosen[i][j] = True
    memory: dict[str, str] = {}
    subs: list[list[str]] = []
    out = []
    for p, cands, picks in zip(paras, per_para, chosen):
        pieces = []
        last = 0
        for (start, end, st, alts), pick in zip(cands, picks):
            if not pick:
                continue
            orig = p[start:end]
            key = re.sub(r"\s+", " ", orig.lower())
            repl = memory.get(key) if consistent else None
            if repl is None:
                repl = rng.choice(alts)
                memory[key] = repl
            rendered = _render(p, start, end, st, repl)
            head = p[last:start]
            art = re.search(r"\b([Aa]n?)(\s+)$", head)
            if art and st != "names":
                head = head[: art.start(1)] + _article_for(rendered, art.group(1)) + art.group(2)
            pieces.append(head)
            pieces.append(rendered)
            subs.append([orig, rendered])
            last = end
        pieces.append(p[last:])
        out.append("".join(pieces))
    style["eligible"] = total
    return out, subs, style


# --------------------------------------------------------------------------------------------
# Strip quotation marks
# --------------------------------------------------------------------------------------------

STRIP_STYLES = {"tune": ("delete", "keep", "run-on"), "locked": ("dash", "split", "half")}
STRIP_ORDERS = {"tune": ("first-person", "random"), "locked": ("first-person", "random", "from-end")}
_DIRECT = re.compile(r"(\u201c)([^\u201c\u201d\n]+)(\u201d)|(\")([^\"\n]+)(\")")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|I\u2019m|I\u2019ve|I\u2019d|I\u2019ll|we|We|our|Our|my|My|me|us|ours|myself|ourselves)\b")
#: sentence openers lowered when a quote is run into the sentence around it
_RUN_ON_LOWER = set("We They It This That The And But So There He She You Our If What Now Their His Her Its "
                    "These Those When Let Nobody Everyone Nothing All Some No One My Your Who How Why".split())
#: a short attribution right after a quote: ', he said.' / ' said Smith.'
_ATTRIB_AFTER = re.compile(r"^,?\s*(?:[A-Za-z.\u2019' -]{1,40}?\s)?(?:said|says|told [a-z ]{1,20}|added|asked|wrote|"
                           r"explained|noted|continued|insisted|argued|declared|stated|remarked|tweeted|warned|"
                           r"recalled|replied|commented|observed|asserted|claimed)(?:\s+[A-Z][\w.\u2019' -]{1,40}?)?[.!?]")


def direct_quotes(text: str) -> list[re.Match[str]]:
    """The direct quotes of a paragraph: marks around 4+ words that end in sentence punctuation or
    are introduced by a colon/comma or followed by a comma (titles and scare quotes are left)."""
    out = []
    for m in _DIRECT.finditer(text):
        inner = m.group(2) if m.group(1) else m.group(5)
        if len(inner.split()) < 4:
            continue
        pre = text[: m.start()].rstrip()
        post = text[m.end() :]
        if re.search(r"[.,!?\u2014\u2026-]$", inner.rstrip()) or pre.endswith((":", ",")) or post.startswith(",") or not pre:
            out.append(m)
    return out


def _lower_first(s: str) -> str:
    m = re.match(r"(\W*)([A-Za-z]+)", s)
    if m and m.group(2) in _RUN_ON_LOWER:
        return s[: m.start(2)] + s[m.start(2)].lower() + s[m.start(2) + 1 :]
    return s


def _strip_one(pre: str, inner: str, post: str, style: str, rng: random.Random) -> str:
    """The paragraph with one quote (``inner``, marks removed) rewritten in ``style``; ``pre`` and
    ``post`` are the text before and after its marks."""
    intro = pre.rstrip().endswith((":", ","))
    if style == "keep":
        return pre + inner + post
    if style == "delete" or style == "run-on":
        if intro:
            p = pre.rstrip()[:-1]
            pre = p + " "
        if inner.rstrip().endswith(",") and post[:1].isspace():
            inner = inner.rstrip()[:-1]
        post = post.removeprefix(",")
        if style == "run-on":
            parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", inner.strip())
            if len(parts) > 1:
                joiner = rng.choice((", ", " and ", ", "))
                inner = parts[0].rstrip(".!?") + "".join(joiner + _lower_first(x.rstrip(".!?") if i < len(parts) - 2 else x)
                                                        for i, x in enumerate(parts[1:]))
            if pre.strip():
                if intro and rng.random() < 0.5:
                    pre = pre + "that "
                inner = _lower_first(inner)
            if post.strip() and re.match(r"\s*[a-z]", post):
                inner = inner.rstrip(".!?")
        return pre + inner + post
    if style == "dash":
        if intro:
            pre = pre.rstrip()[:-1].rstrip() + rng.choice((" \u2014 ", " - "))
        if inner.rstrip().endswith(","):
            inner = inner.rstrip()[:-1] + rng.choice((" \u2014", " -"))
        elif post.startswith(","):
            post = rng.choice((" \u2014", " -")) + post[1:]
        return pre + inner + post
    if style == "split":
        m = _ATTRIB_AFTER.match(post)
        if m and not pre.strip():
            inner = inner.rstrip()
            if inner.endswith(","):
                inner = inner[:-1] + "."
            rest = post[m.end() :].lstrip()
            return inner + ("\n\n" + rest if rest else "")
        head = pre.rstrip()
        tail = post.lstrip()
        out = (head + "\n\n" if head else "") + inner.strip()
        return out + ("\n\n" + tail if tail and len(tail) > 2 else tail)
    if style == "half":
        if rng.random() < 0.5:
            return pre + inner + "\u201d" + post
        return pre + "\u201c" + inner + post
    raise ValueError(style)


def strip_paragraphs(paras: list[str], rng: random.Random, family: str) -> tuple[list[str], dict[str, Any]] | None:
    """Remove the marks of 30-100% of the direct quotes; None when the article has none."""
    found = [(i, m) for i, p in enumerate(paras) for m in direct_quotes(p)]
    if not found:
        return None
    share = rng.uniform(0.3, 1.0)
    n = max(1, min(len(found), round(share * len(found))))
    order = rng.choice(STRIP_ORDERS[family])
    idx = list(range(len(found)))
    if order == "first-person":
        rng.shuffle(idx)
        idx.sort(key=lambda k: 0 if _FIRST_PERSON.search(found[k][1].group(0)) else 1)
    elif order == "random":
        rng.shuffle(idx)
    else:
        idx.reverse()
    pick = set(idx[:n])
    styles = STRIP_STYLES[family]
    mixed = rng.random() < 0.3
    main = rng.choice(styles)
    used: list[str] = []
    out = list(paras)
    # from the end of each paragraph backwards, so earlier offsets stay valid
    for k in sorted(pick, key=lambda k: (found[k][0], found[k][1].start()), reverse=True):
        i, m = found[k]
        style = rng.choice(styles) if mixed else main
        used.append(style)
        p = out[i]
        inner = m.group(2) if m.group(1) else m.group(5)
        out[i] = _strip_one(p[: m.start()], inner, p[m.end() :], style, rng)
    return out, {"order": order, "styles": sorted(set(used)), "stripped": n, "quotes": len(found)}


# --------------------------------------------------------------------------------------------
# Stitch
# --------------------------------------------------------------------------------------------

STITCH_STYLES = {"tune": ("insert", "append"), "locked": ("half", "interleave", "near-lead")}
#: a dateline at the start of a paragraph: "CLEVELAND —", "WASHINGTON (Wire) -", "PARIS, May 3 -"
DATELINE = re.compile(r"^[A-Z][A-Z .'\u2019]{2,30}(?:,\s*[A-Z][A-Za-z. ]{1,20})?(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?"
                      r"\s*(?:\([^)]{1,30}\))?\s*[\u2014\u2013-]{1,2}\s+")
DATELINE_CITIES = [
    ("WASHINGTON", None), ("NEW YORK", None), ("CHICAGO", None), ("DES MOINES", "Iowa"), ("MANCHESTER", "N.H."),
    ("COLUMBUS", "Ohio"), ("TAMPA", "Fla."), ("DENVER", None), ("RALEIGH", "N.C."), ("PHILADELPHIA", None),
    ("LAS VEGAS", None), ("MILWAUKEE", None), ("CHARLESTON", "S.C."), ("RENO", "Nev."), ("ATLANTA", None),
    ("LONDON", None), ("BRUSSELS", None), ("MOSCOW", None), ("BEIJING", None), ("BERLIN", None), ("GENEVA", None),
    ("CAIRO", None), ("NAIROBI", None), ("MEXICO CITY", None), ("SEOUL", None), ("ANKARA", None), ("KIEV", None),
]
TUNE_WIRES_SHORT = ["Reuters", "AP", "AFP"]
LOCKED_WIRES_SHORT = ["Wire", "NNS", "GNA", "Metro Wire", "CNS", "Capital Wire"]
MONTHS = "January February March April May June July August September October November December".split()
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def paragraphs_of(text: str) -> tuple[list[str], list[str], str]:
    """(paragraphs, separators after each, dominant separator).  Every line is a paragraph: the
    sources separate paragraphs by a blank line, a single newline, or both in one article; each
    separator is kept as it was, and paragraphs added by a manipulation get the dominant one."""
    parts = re.split(r"(\n[ \t\r]*(?:\n[ \t\r]*)*)", text.strip())
    paras: list[str] = []
    seps: list[str] = []
    for i in range(0, len(parts), 2):
        chunk = parts[i].strip()
        sep = "\n\n" if i + 1 < len(parts) and parts[i + 1].count("\n") >= 2 else "\n"
        if chunk:
            paras.append(chunk)
            seps.append(sep)
        elif seps and sep == "\n\n":
            seps[-1] = sep
    if seps:
        seps[-1] = ""
    blank = sum(1 for x in seps if x == "\n\n")
    single = sum(1 for x in seps if x == "\n")
    return paras, seps, "\n\n" if blank >= single else "\n"


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of a copy's text, as ``stitched`` indexes them (every non-empty line)."""
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _dateline(rng: random.Random, family: str) -> str:
    city, state = rng.choice(DATELINE_CITIES)
    if family == "tune":
        if state and rng.random() < 0.6:
            return f"{city}, {state} \u2014 "
        return f"{city} \u2014 "
    wire = rng.choice(LOCKED_WIRES_SHORT)
    if rng.random() < 0.5:
        return f"{city} ({wire}) - "
    return f"{city}, {rng.choice(MONTH_ABBR)} {rng.randint(1, 28)} ({wire}) \u2014 "


def _donor_paragraphs(donor: dict[str, Any]) -> list[str]:
    return paragraphs_of(donor.get("text") or "")[0]


def _lift(donor: dict[str, Any], k: int, rng: random.Random, family: str) -> list[str]:
    """k paragraphs of a donor (its lead sometimes, with its dateline), some with an added opener."""
    paras = _donor_paragraphs(donor)
    body = [i for i, p in enumerate(paras) if len(p.split()) >= 12]
    if not body:
        return []
    lead_ok = 0 in body and rng.random() < 0.3
    pool = [i for i in body if i != 0]
    chosen = ([0] if lead_ok else []) + rng.sample(pool, min(len(pool), k - (1 if lead_ok else 0)))
    chosen = sorted(chosen)[:k] if rng.random() < 0.5 else chosen[:k]
    out = [paras[i] for i in chosen]
    if out and not DATELINE.match(out[0]) and rng.random() < 0.35:
        out[0] = _dateline(rng, family) + out[0]
    return out


def stitch(paras: list[dict[str, Any]], donors: list[dict[str, Any]], rng: random.Random, family: str) -> dict[str, Any] | None:
    """Insert donor paragraphs into ``paras`` (list of {"text", "src"}), in place; the style drawn,
    or None when no donor has a usable paragraph."""
    if not donors:
        return None
    style = rng.choice(STITCH_STYLES[family])
    n_donors = min(len(donors), rng.choice((1, 1, 2)))
    picked = rng.sample(donors, n_donors)
    n_par = rng.randint(max(1, n_donors), 3)
    if style == "half":
        donor = next((d for d in picked if len(_donor_paragraphs(d)) >= 2), None)
        if donor is None or len(paras) < 2:
            style = "near-lead"
        else:
            dp = _donor_paragraphs(donor)
            second = dp[len(dp) // 2 :][:8]
            if not DATELINE.match(second[0]) and rng.random() < 0.35:
                second[0] = _dateline(rng, family) + second[0]
            cut = max(1, math.ceil(len(paras) / 2))
            del paras[cut:]
            paras.extend({"text": t, "src": donor["id"]} for t in second)
            return {"style": "half", "donors": [donor["id"]], "cut_after": cut}
    lifted: list[dict[str, Any]] = []
    shares = [n_par] if n_donors == 1 else [n_par - (n_par // 2), n_par // 2]
    for d, k in zip(picked, shares):
        if k:
            lifted.extend({"text": t, "src": d["id"]} for t in _lift(d, k, rng, family))
    if not lifted:
        return None
    if style == "append" or len(paras) < 2 and style != "near-lead":
        paras.extend(lifted)
        style = "append" if family == "tune" else "near-lead"
    elif style == "insert":
        if rng.random() < 0.5:  # one block
            at = rng.randint(1, len(paras) - 1)
            paras[at:at] = lifted
        else:  # scattered
            for item in lifted:
                paras.insert(rng.randint(1, len(paras) - 1), item)
    elif style == "interleave":
        at = max(1, len(paras) // 2)
        for item in lifted:
            paras.insert(min(at, len(paras)), item)
            at += 2
    else:  # near-lead
        paras[1:1] = lifted
    return {"style": style, "donors": list(dict.fromkeys(x["src"] for x in lifted))}


# --------------------------------------------------------------------------------------------
# Captions
# --------------------------------------------------------------------------------------------

#: made-up people for captions and photo credits (first names, surnames)
FIRST_NAMES = ("Alan Beatriz Carla Dmitri Elena Farid Grace Hugo Ines Jamal Kira Luis Marta Nadia Oscar Priya "
               "Quentin Rosa Samir Tomas Ulla Victor Wanda Yusuf Zoe Brendan Chiara Dario Esther Felix Greta "
               "Hannah Ivan Joanna Kenji Leila Mateo Nora Pavel Rhea Stefan Tariq Vera").split()
SURNAMES = ("Abbott Barros Castell Dunmore Eklund Ferrante Galloway Hartmann Iqbal Jansen Kowalczyk Lindqvist "
            "Moreau Nakamura Okafor Petrov Quintero Rasmussen Sandoval Thorne Ulrich Varga Whitlock Yilmaz "
            "Zelenko Ashby Brennan Cordero Dalton Esposito Fairbanks Grieve Holloway Ivers Jaramillo Keane Larkin "
            "Mendel Norcross Ortega Pryce Redmond Sato Tennant Voss Wexler").split()
CAPTION_PLACES = ["Washington", "New York", "Des Moines, Iowa", "Manchester, New Hampshire", "Cleveland", "Philadelphia",
                  "Columbus, Ohio", "Tampa, Florida", "Denver", "Las Vegas", "Charlotte, North Carolina", "Detroit",
                  "Brussels", "London", "Geneva", "Berlin", "Moscow", "Paris", "Cairo", "Seoul"]
TUNE_AGENCIES = ["Reuters", "AP", "AFP", "Getty Images", "Photo Wire Service", "Capitol Lens", "Metro Pictures"]
LOCKED_AGENCIES = ["Shutterstock", "EPA-EFE", "Bloomberg via Getty", "Flickr", "Wikimedia Commons", "handout",
                   "Pool", "Frontline Images", "Northstar Press Photos"]
PLATFORMS = ["Twitter", "YouTube", "Facebook", "Instagram", "C-SPAN", "a campaign livestream"]
TUNE_EVENTS = ["a campaign rally", "a town hall meeting", "a fundraiser", "the presidential debate", "a press briefing",
               "a committee hearing", "a rally with supporters", "the party convention", "a round-table discussion",
               "a memorial service", "a state dinner"]
LOCKED_EVENTS = ["a primary night party", "a press availability", "a forum on the economy", "a victory party",
                 "a closed-door meeting", "a voter registration drive", "an election-eve rally", "a policy summit",
                 "a union hall event", "a veterans' breakfast"]
TUNE_ACTIONS = ["speaks to supporters", "arrives for a meeting", "gestures while speaking", "listens to a question",
                "waves to the crowd", "leaves the stage", "delivers remarks", "greets voters"]
LOCKED_ACTIONS = ["addresses the crowd", "shakes hands with attendees", "poses for a photo", "takes questions from the press",
                  "walks to the podium", "signs autographs", "pauses during remarks", "meets with local leaders"]
BUILDINGS = ["the Capitol", "the White House", "a hotel", "the statehouse", "campaign headquarters", "the courthouse"]
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

TUNE_CAPTIONS = [
    "{name} speaks during a news conference in {place} on {date}.",
    "Photo: {agency}",
    "(Photo by {photog}/{agency})",
    "File photo: {name} {action} in {place}, {date}.",
    "{name}, left, and {name2} attend {event} in {place}. {agency_up}/{photog}",
    "Image credit: {agency}",
    "{name} {action} at {event} in {place}, {date}. ({agency})",
    "{name} waves to supporters at {event} in {place} on {date}.",
    "{name} is seen at {event} on {date}. Photo: {photog}/{agency}",
    "{name} listens as {name2} speaks at {event}.",
    "Supporters hold signs at {event} in {place} on {date}. {agency_up}/{photog}",
    "{name} talks to reporters outside {building} in {place}.",
    "{name} gestures while speaking at {event} in {place}, {date}.",
    "Photograph: {photog}/{agency}",
    "{name}, right, {action} in {place} on {date}. (Photo: {agency})",
    "File photo dated {date} shows {name} at {event}.",
]
TUNE_CREDITS = ["Photo: {agency}", "(Photo by {photog}/{agency})", "Image credit: {agency}", "Photograph: {photog}/{agency}"]
LOCKED_CAPTIONS = [
    "Pictured: {name} at {event}",
    "FILE - In this {date} file photo, {name} {action} in {place}. ({agency}/{photog})",
    "{name} (C) {action} in {place} | \u00a9 {agency}",
    "Featured image via {platform}",
    "Credit: {photog} via {agency}",
    "[Image: {name} at {event}, {place}]",
    "Screenshot via {platform} video",
    "{name} pictured in {place} last {weekday}. Source: {agency}",
    "Caption: {name} {action} in {place}",
    "{name} delivers remarks at {event} // {photog} for {agency}",
    "Top image: {name} {action} ({photog}/{agency})",
    "{name} and {name2} at {event} earlier this year. Image: {agency}",
    "Image source: {agency} / {photog}",
    "{name}, R, {action} with {name2} during {event} ({agency})",
    "Above: {name} {action} on {date} - {photog}, {agency}",
    "{name} seen here at {event}. (Image via {platform})",
]
LOCKED_CREDITS = ["Credit: {photog} via {agency}", "Image source: {agency} / {photog}", "(\u00a9 {agency})",
                  "Featured image via {platform}"]
_NOT_NAME_START = set(
    "The A An In On At For But And This That It He She We They If When While After Before Mr Mrs Ms Dr "
    "New North South East West United White Supreme House Senate Republican Republicans Democratic Democrats "
    "American National Federal State Department Fox Washington Los San Las Saint St Said Sen Rep Gov President "
    "Secretary Former Vice Chief General Judge Justice Senator Governor Mayor Minister Prime Mount Lake Fort "
    "Great Democrat Republican Democratic Sen Rep Gov Lt Gen Col Speaker Leader Director Mrs Ms Rev "
    "Governor Congressman Congresswoman Ambassador Attorney Candidate Nominee Presidential Daily Breitbart".split()
) | set(MONTHS) | set(WEEKDAYS)
_NOT_NAME_END = set(
    "House Party Court Department News Post Times Committee Council University Street Senate Congress Center "
    "Institute Foundation Network Journal Union Nations States Agency Review Magazine Press Club Group Fund "
    "Administration Office Service Airport Square Hall Bank Company Corporation Association Act Campaign Caucus "
    "Convention Project Reserve Security Island County City Times Tribune Herald Daily Today Live America".split()
)
_PERSON = re.compile(r"(?<![\w.])(?=([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+(?:[A-Z][a-z]+[-\u2019']?)?[A-Z][a-z]+)(?![\w]))")


def people_in(text: str) -> list[str]:
    """Likely person names of a text (two or three capitalised words, by frequency)."""
    counts: dict[str, int] = {}
    for m in _PERSON.finditer(text):
        name = m.group(1)
        words = name.split()
        if words[0] in _NOT_NAME_START or words[-1] in _NOT_NAME_END or len(words) > 3:
            continue
        counts[name] = counts.get(name, 0) + 1
    # names said twice or with a speech verb near them first
    return sorted(counts, key=lambda n: -counts[n])


def _made_up_person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _date(rng: random.Random, family: str) -> str:
    m, d, y = rng.randrange(12), rng.randint(1, 28), rng.randint(2013, 2017)
    if family == "tune":
        return rng.choice((f"{MONTHS[m]} {d}, {y}", f"{MONTH_ABBR[m]} {d}, {y}", f"{MONTHS[m]} {d}"))
    return rng.choice((f"{d} {MONTHS[m]} {y}", f"{MONTH_ABBR[m]} {d}, {y}", f"{m + 1:02d}/{d:02d}/{y}"))


def make_caption(text: str, rng: random.Random, family: str) -> list[str]:
    """One caption line, sometimes a second (a credit or another caption)."""
    people = people_in(text)
    names = people[:6] if people and rng.random() < 0.85 else []
    pool = names + [_made_up_person(rng) for _ in range(2)]
    name = pool[0] if names and rng.random() < 0.6 else rng.choice(pool)
    name2 = rng.choice([p for p in pool if p != name] or [_made_up_person(rng)])
    places = [p for p in CAPTION_PLACES if p.split(",")[0] in text]
    fields = {
        "name": name, "name2": name2, "photog": _made_up_person(rng),
        "place": rng.choice(places) if places and rng.random() < 0.7 else rng.choice(CAPTION_PLACES),
        "date": _date(rng, family), "weekday": rng.choice(WEEKDAYS), "building": rng.choice(BUILDINGS),
        "platform": rng.choice(PLATFORMS),
    }
    if family == "tune":
        fields.update(agency=rng.choice(TUNE_AGENCIES), event=rng.choice(TUNE_EVENTS), action=rng.choice(TUNE_ACTIONS))
        templates, credits = TUNE_CAPTIONS, TUNE_CREDITS
    else:
        fields.update(agency=rng.choice(LOCKED_AGENCIES), event=rng.choice(LOCKED_EVENTS), action=rng.choice(LOCKED_ACTIONS))
        templates, credits = LOCKED_CAPTIONS, LOCKED_CREDITS
    fields["agency_up"] = fields["agency"].upper()
    lines = [rng.choice(templates).format(**fields)]
    if rng.random() < 0.3:
        second = rng.choice(credits if rng.random() < 0.6 else templates)
        fields["agency"] = rng.choice(TUNE_AGENCIES if family == "tune" else LOCKED_AGENCIES)
        line = second.format(**fields)
        if line != lines[0]:
            lines.append(line)
    return lines


# --------------------------------------------------------------------------------------------
# Boilerplate
# --------------------------------------------------------------------------------------------

TUNE_SITE_A = "Daily Global Patriot Morning Liberty Prime Metro Capital Nation Truth Headline Freedom Planet World Eagle".split()
TUNE_SITE_B = "Buzz Hub Report Wire Post Digest Times Herald Insider Journal Chronicle Beacon Ledger Pulse Feed".split()
LOCKED_SITE_A = "News Trend Viral Politi Real Smart Bold Red Blue Quick Insta Top Hot Clear Loud".split()
LOCKED_SITE_B = "Vibe Hawk Politik Scoop Nexus Loop Spotter Radar Blaze Dispatch Drop Stream Lens Wave Zone".split()
SECTIONS = ["Politics", "Elections", "US News", "World", "Opinion", "Breaking News", "Campaign 2016", "Government",
            "National", "Top Stories", "Trending", "Analysis"]
TUNE_BOILERPLATE = [
    "Share this article", "Share on Facebook", "Share on Twitter", "Like us on Facebook",
    "Follow us on Twitter @{handle}", "Read more: {headline}", "Related: {headline}",
    "Sign up for our daily newsletter", "Subscribe to our newsletter for the latest updates",
    "\u00a9 {year} {site}. All rights reserved.", "Copyright {year} {site}", "Tags: {tags}", "Advertisement",
    "ADVERTISEMENT", "This website uses cookies to improve your experience.",
    "We use cookies to give you the best experience. By continuing you accept our cookie policy.",
    "Click here to read the full story", "Leave a comment", "Posted in {section}", "Filed under: {section}",
    "Continue reading below", "Don't miss: {headline}", "Please share this story with your friends",
    "Print this article", "Email this article", "Source: {site}", "More from {site}:",
    "Trending now: {headline}", "Watch the video below", "Read more at http://www.{domain}/{slug}",
]
LOCKED_BOILERPLATE = [
    "Spread the word!", "Tweet", "Pin it", "Hit the like button if you agree",
    "Join {count} readers and get our morning briefing", "Enter your email address to subscribe",
    "You may also like: {headline}", "Recommended for you", "Also read - {headline}", "SEE ALSO: {headline}",
    "Sponsored content", "Story continues below", "Scroll down for video", "All content \u00a9 {site} {year}",
    "(c) {site}, {year} | Terms of use | Privacy policy", "Categories: {section} | {section2}", "Keywords: {tags}",
    "Accept cookies", "This site uses cookies. Find out more.", "Loading...", "Report an error",
    "Got a tip? Contact us at tips@{domain}", "Originally published at {domain}", "h/t {site}",
    "Disclaimer: views expressed are the author's own.", "Donate to keep {site} independent",
    "Previous article / Next article", "{count} comments", "Related Posts",
    "Source: {domain}/{year}/{month:02d}/{slug}.html",
]
#: words for made-up headlines (locked "read more" lines are not other articles' titles)
HEAD_SUBJECTS = ["Senate leaders", "Voters in swing states", "The campaign", "Top donors", "Party officials",
                 "A new poll", "Governors", "Critics", "Young voters", "Election officials"]
HEAD_VERBS = ["turn on", "line up behind", "push back against", "brace for", "split over", "rally around", "question"]
HEAD_OBJECTS = ["the new tax plan", "the front-runner", "a surprise endorsement", "the debate rules", "early voting",
                "the convention fight", "a leaked memo", "the border proposal", "health care costs"]


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60]


def make_boilerplate(text: str, other_titles: list[str], rng: random.Random, family: str) -> list[str]:
    """1-5 lines of site furniture."""
    if family == "tune":
        site = f"{rng.choice(TUNE_SITE_A)} {rng.choice(TUNE_SITE_B)}"
        templates = TUNE_BOILERPLATE
    else:
        site = f"{rng.choice(LOCKED_SITE_A)}{rng.choice(LOCKED_SITE_B)}"
        templates = LOCKED_BOILERPLATE
    domain = site.lower().replace(" ", "") + rng.choice((".com", ".net", ".news", ".co"))
    people = people_in(text)[:3]
    n = rng.choice((1, 2, 2, 3, 3, 4, 5))
    lines = []
    for tpl in rng.sample(templates, n):
        if family == "tune" and other_titles:
            headline = rng.choice(other_titles)
        else:
            headline = f"{rng.choice(HEAD_SUBJECTS)} {rng.choice(HEAD_VERBS)} {rng.choice(HEAD_OBJECTS)}"
        tags = people + rng.sample(SECTIONS, 2)
        rng.shuffle(tags)
        lines.append(tpl.format(
            site=site, domain=domain, handle=site.replace(" ", ""), year=rng.randint(2015, 2018),
            month=rng.randint(1, 12), headline=headline, slug=_slug(headline),
            tags=", ".join(tags[: rng.randint(2, 5)]), section=rng.choice(SECTIONS), section2=rng.choice(SECTIONS),
            count=f"{rng.randint(2, 95)},{rng.randint(0, 999):03d}" if rng.random() < 0.5 else str(rng.randint(3, 480)),
        ))
    return lines


# --------------------------------------------------------------------------------------------
# One copy, a batch
# --------------------------------------------------------------------------------------------


def _place_caption(paras: list[dict[str, Any]], lines: list[str], rng: random.Random, family: str) -> str:
    n = len(paras)
    if family == "tune":
        if len(lines) == 1 or rng.random() < 0.5:
            at = rng.randint(1, max(1, n - 1))
            paras[at:at] = [{"text": ln, "src": "caption"} for ln in lines]
            return "own paragraph"
        for ln in lines:
            paras.insert(rng.randint(1, max(1, len(paras) - 1)), {"text": ln, "src": "caption"})
        return "own paragraphs, apart"
    where = rng.choice(("own paragraph", "run-in", "before last"))
    if where == "run-in" and n >= 2:
        at = rng.randint(1, n - 1)
        paras[at] = dict(paras[at], text=" ".join(lines) + " " + paras[at]["text"])
        return where
    at = max(1, n - 1) if where == "before last" else rng.randint(1, max(1, n - 1))
    paras[at:at] = [{"text": ln, "src": "caption"} for ln in lines]
    return "before last" if where == "before last" else "own paragraph"


def _place_boilerplate(paras: list[dict[str, Any]], lines: list[str], rng: random.Random, family: str) -> list[str]:
    places = []
    rest = list(lines)
    if family == "tune":
        if len(paras) >= 3 and rest and rng.random() < 0.6:
            for _ in range(rng.choice((1, 1, 2))):
                if rest:
                    paras.insert(rng.randint(2, len(paras) - 1), {"text": rest.pop(0), "src": "boilerplate"})
                    places.append("mid-body")
    else:
        if rest and rng.random() < 0.35:
            paras.insert(0, {"text": rest.pop(0), "src": "boilerplate"})
            places.append("top")
        if rest and len(paras) >= 3 and rng.random() < 0.6:
            at = rng.randint(1, len(paras) - 2)
            paras[at] = dict(paras[at], text=paras[at]["text"] + " " + rest.pop(0))
            places.append("run-on")
    for ln in rest:
        paras.append({"text": ln, "src": "boilerplate"})
        places.append("end")
    return places


def manipulate_one(rec: dict[str, Any], donors: list[dict[str, Any]], seed: int, family: str = "tune",
                   kinds: list[str] | None = None, n: int = 1) -> dict[str, Any]:
    """One content-farm copy of ``rec``; ``donors``: the other articles it may borrow from."""
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}")
    rid = str(rec["id"])
    base = f"{seed}|{family}|{rid}|{n}"
    rng = random.Random(base)

    def sub(kind: str) -> random.Random:
        return random.Random(f"{base}|{kind}")

    if kinds is None:
        wanted = [k for k in KINDS if rng.random() < KIND_PROBABILITY] or [rng.choice(KINDS)]
    else:
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise ValueError(f"unknown kind(s) {bad}; kinds are {KINDS}")
        wanted = [k for k in KINDS if k in kinds]
    fallback = sub("fallback").choice(("caption", "boilerplate"))
    text = rec.get("text") or ""
    plist, seps, dominant = paragraphs_of(text)
    paras: list[dict[str, Any]] = [{"text": p, "src": "orig", "sep": sp} for p, sp in zip(plist, seps)]
    applied: list[str] = []
    styles: dict[str, Any] = {}
    subs: list[list[str]] = []
    caption: str | None = None
    boiler: list[str] = []

    if "stitch" in wanted:
        got = stitch(paras, donors, sub("stitch"), family)
        if got:
            applied.append("stitch")
            styles["stitch"] = got
    if "spin" in wanted:
        texts, subs, st = spin_paragraphs([p["text"] for p in paras], sub("spin"), family)
        if subs:
            for p, t in zip(paras, texts):
                p["text"] = t
            applied.append("spin")
            styles["spin"] = st
    if "strip" in wanted:
        got2 = strip_paragraphs([p["text"] for p in paras], sub("strip"), family)
        if got2:
            for p, t in zip(paras, got2[0]):
                p["text"] = t
            applied.append("strip")
            styles["strip"] = got2[1]
    if not applied and kinds is None and fallback not in wanted:
        wanted.append(fallback)
    if "caption" in wanted:
        r = sub("caption")
        lines = make_caption(text, r, family)
        styles["caption"] = {"placement": _place_caption(paras, lines, r, family), "lines": len(lines)}
        caption = "\n".join(lines)
        applied.append("caption")
    if "boilerplate" in wanted:
        r = sub("boilerplate")
        titles = [str(d.get("title")) for d in r.sample(donors, min(3, len(donors))) if d.get("title")]
        boiler = make_boilerplate(text, titles, r, family)
        styles["boilerplate"] = {"placements": _place_boilerplate(paras, boiler, r, family)}
        applied.append("boilerplate")

    # flatten: a quote split off into its own paragraph is a paragraph of its own
    flat: list[dict[str, Any]] = []
    for p in paras:
        pieces = [x.strip() for x in re.split(r"\n\s*\n|\n", p["text"]) if x.strip()]
        for j, piece in enumerate(pieces):
            last = j == len(pieces) - 1
            flat.append({"text": piece, "src": p["src"], "sep": p.get("sep") if last else (p.get("sep") or dominant)})
    stitched = [{"paragraph": i, "from": p["src"]} for i, p in enumerate(flat)
                if p["src"] not in ("orig", "caption", "boilerplate")]
    out = {
        "id": f"{rid}-farm-{n}",
        "title": rec.get("title"),
        "text": "".join(p["text"] + ((p.get("sep") or dominant) if i < len(flat) - 1 else "") for i, p in enumerate(flat)),
        "original_id": rid,
        "family": family,
        "kinds": [k for k in KINDS if k in applied],
        "styles": styles,
        "substitutions": subs,
        "stitched": stitched,
        "caption": caption,
        "boilerplate": boiler,
    }
    if "source" in rec:
        out["source"] = rec["source"]
    return out


def manipulate(records: list[dict[str, Any]], seed: int, family: str = "tune", kinds: list[str] | None = None,
               copies: int = 1) -> list[dict[str, Any]]:
    """``copies`` content-farm copies of every record (``id``, ``title``, ``text``), donors drawn from
    the other records of the batch.  Deterministic for (records, seed, family, kinds)."""
    out = []
    for i, rec in enumerate(records):
        donors = records[:i] + records[i + 1 :]
        for n in range(1, copies + 1):
            out.append(manipulate_one(rec, donors, seed, family, kinds, n))
    return out


# --------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------


def load_records(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """A .jsonl batch (id, title, text) or a folder of .txt files (first line the headline)."""
    recs: list[dict[str, Any]] = []
    if path.is_dir():
        for f in sorted(path.glob("*.txt")):
            head, _, body = f.read_text("utf-8").partition("\n")
            recs.append({"id": f.stem, "title": head.strip(), "text": body.strip()})
    else:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                recs.append({"id": str(r["id"]), "title": r.get("title"), "text": r.get("text") or ""})
    return recs[:limit] if limit else recs


def show(copy: dict[str, Any]) -> str:
    """A copy for reading: the record's facts, then the text with added paragraphs marked."""
    lines = [f"=== {copy['id']}  family={copy['family']}  kinds={','.join(copy['kinds'])}",
             f"    styles: {json.dumps(copy['styles'], ensure_ascii=False)}"]
    if copy["substitutions"]:
        lines.append("    substitutions: " + "; ".join(f"{a} -> {b}" for a, b in copy["substitutions"]))
    marks = {s["paragraph"]: f"[from {s['from']}] " for s in copy["stitched"]}
    for i, p in enumerate(split_paragraphs(copy["text"])):
        tag = marks.get(i, "")
        if copy["caption"] and p in copy["caption"].split("\n"):
            tag = "[caption] "
        if p in copy["boilerplate"]:
            tag = "[boilerplate] "
        lines.append(f"  {i:2d} {tag}{p}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Content-farm copies of clean articles (see the module docstring)")
    ap.add_argument("input", type=Path, help=".jsonl batch (id, title, text) or a folder of .txt articles")
    ap.add_argument("--family", choices=FAMILIES, default="tune")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--kinds", default="", help=f"comma-separated subset of {','.join(KINDS)} (default: random per copy)")
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="use the first N records only")
    ap.add_argument("--out", type=Path, help="write the copies here as JSONL")
    ap.add_argument("--show", type=int, default=0, help="print the first N copies for reading")
    args = ap.parse_args(argv)
    recs = load_records(args.input, args.limit or None)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()] or None
    copies = manipulate(recs, args.seed, args.family, kinds, args.copies)
    if args.out:
        args.out.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in copies), "utf-8")
    for c in copies[: args.show]:
        print(show(c) + "\n")
    counts = {k: sum(1 for c in copies if k in c["kinds"]) for k in KINDS}
    print(f"{len(copies)} copies of {len(recs)} articles, family {args.family}, seed {args.seed}: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
