"""Site furniture told by its grammar, not by its wording.

Every site words its prompts its own way, so a list of known prompts ("Follow us on", "Read more")
catches the sites it was written from and few others.  What every prompt shares is whom it
speaks to and what it speaks about: a news report tells of third parties in the third person;
the page's own lines speak *to the reader* (an imperative, "you", "us", "our", "please") *about
the page* (the article, the comments, the newsletter, the app, the video player), or they are the
page's machinery (a breadcrumb or link row cut by separators, a publication timestamp standing
alone, a control's label).

A line is furniture here only when it is short, carries no quotation mark and no verb of
reporting ("said", "told", "according to"), is not in a writer's own voice ("I", "my": an op-ed
or a blog post speaks to its reader too), and one of these holds:

- it speaks to the reader about the page: a reader's address (second person, "please", the
  site's "our <page>", "<verb> us", or "this <page>" opening the line) and a word for the page, for
  reading it, or an e-mail or web address;
- it opens a sentence with an imperative of a reader's action ("read", "watch", "download",
  "sign up") about the page, or about what only the page can point to ("the video above", "the
  rest here", "our app");
- it opens with a verb that only a reader of a page does ("click", "scroll", "swipe",
  "subscribe", "sign in", "log in", "bookmark");
- it is a row of short labels cut by separators ("Home > World", "Terms | Privacy | Contact");
- it is a timestamp of the page and nothing more ("Updated: March 4, 2023 10:32 am IST");
- it is a control's label of two or three words: a reader's action and its object
  ("Play video", "Show more", "Jump to comments").

The words are closed classes defined by what they name (the parts of a web page, the actions of
its reader), not lists of prompts seen on some site.
"""

from __future__ import annotations

import re

from tidings.ingest.dates import MONTH_NAME

_MAX_WORDS = 25

# the words of the page and of reading it: what a site's prompt is about
_PAGE_WORDS = (
    r"articles?|stor(?:y|ies)|pieces?|posts?|pages?|(?:web)?sites?|homepage|sections?|newsletters?|inbox|"
    r"channels?|feeds?|video\s+player|player|galler(?:y|ies)|slideshows?|podcasts?|episodes?|"
    r"comments?|comment\s+section|links?|accounts?|subscri(?:ber|bers|ption|ptions)|membership|"
    r"(?:unlimited\s+|full\s+|digital\s+)?access|alerts?|notifications?|browser|javascript|cookies|"
    r"reading|readers?|newsroom|live\s+blog|blog|e-?mail\s+address|"
    # "content" the noun, not the adjective ("you are content")
    r"(?:this|our|premium|exclusive|sponsored|subscriber|member|paid)\s+content"
)
_PAGE_WORD = re.compile(rf"\b(?:{_PAGE_WORDS})(?![-\w])|\b[\w.+-]+@[\w-]+\.[a-z]{{2,}}\b|https?://|\bwww\.", re.I)
# words that name the page only when a reader is told to do something with them ("watch the
# video above", "download our app", "read the rest here"): in a report they are common words
_PAGE_WORD_WEAK = re.compile(r"\b(?:here|below|above|videos?|photos?|apps?|clips?|updates|coverage|journalism|"
                             r"interview|rest|full\s+\w+)(?![-\w])", re.I)

# the actions a reader takes on a page, as imperatives opening a sentence
_READER_VERBS = (
    r"read|watch|listen|see|view|share|follow|join|like|subscribe|sign\s+(?:up|in)|log\s+(?:in|on|out)|register|"
    r"download|install|get|create|enable|allow|accept|click|tap|scroll|swipe|bookmark|save|print|email|e-mail|"
    r"visit|check\s+out|explore|discover|find|learn|keep|continue|stay|tell|let|send|contact|write|leave|"
    r"add|support|donate|pass|play|show|hide|jump|skip|go|back|load|expand|unmute|mute|copy|search|try|never\s+miss|"
    r"reach|enter|thank|become|unlock|upgrade|renew|activate|start\s+(?:your|a)\s+free"
)
_READER_IMPERATIVE = re.compile(
    rf"(?:^|[.!?:]\s+)(?:please\s+)?(?:(?:don'?t|do\s+not)\s+(?:forget\s+to\s+|miss\s+)?)?(?:{_READER_VERBS})\b"
    r"(?!\s+(?:of|was|were|is|are|has|have|had|by|for\s+the)\b)(?![-'’])",
    re.I,
)
# verbs that only a reader of a page does: no report opens with them
_PAGE_ONLY_VERB = re.compile(
    r"^(?:please\s+)?(?:(?:click|scroll|swipe|subscribe|bookmark|unmute)\b|sign\s+(?:up|in)\b|log\s+(?:in|on)\b|"
    r"tap\s+(?:here|to|on|the)\b)",
    re.I,
)
# the site asking its reader to act on it: "follow us", "write to us", "let us know"
_US_PATTERN = rf"\b(?:{_READER_VERBS})\s+(?:to\s+)?us\b"
_US = re.compile(_US_PATTERN, re.I)
# the reader addressed: "you", the site's own "our <page>" and "<verb> us", "please", and "this
# <page>" opening a line ("This post contains affiliate links")
_ADDRESS = re.compile(
    rf"\b(?:you|your|yours|yourself|please)\b|\bour\s+(?:\w+\s+)?(?:{_PAGE_WORDS}|apps?|videos?|journalism|coverage)\b|"
    rf"{_US_PATTERN}|^this\s+(?:{_PAGE_WORDS}|content)\b",
    re.I,
)
# a writer's own voice: an op-ed or a blog post, not the page's furniture
_WRITER = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my)\b")
# a report tells of what someone said; the page's prompts do not attribute
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|according|added|asked|wrote|stated|announced|reported|chanted|shouted|urged|warned|"
    r"insisted|explained|noted|argued|claimed|recalled)\b",
    re.I,
)
_SEPARATOR = re.compile(r"\s+(?:\||>|»|›|•|·|/)\s+")
_DAYS = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
# what a timestamp of the page is made of: its label, a date, a clock time, a zone
_STAMP_TOKEN = re.compile(
    rf"^(?:(?:first|last)|updated|published|posted|modified|edited|created|on|at|date|time|"
    rf"{MONTH_NAME}|{_DAYS}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}[:.]\d{{2}}(?:[ap]m)?|[ap]\.?m\.?|"
    r"[A-Z]{2,4}|utc|gmt|ist|[-–—|:/])$",
    re.I,
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_CONTROL_OBJECT = re.compile(rf"^(?:more|less|all|(?:the\s+)?(?:{_PAGE_WORDS}))[.!]?$", re.I)


def _words(s: str) -> list[str]:
    return s.split()


def _unquoted_and_short(s: str) -> bool:
    return len(_words(s)) <= _MAX_WORDS and not re.search(r"[\"“”„]", s)


def speaks_to_reader(line: str) -> bool:
    """The page talking to its reader about itself: an address and a word for the page, with
    nothing reported."""
    s = line.strip()
    if not s or not _unquoted_and_short(s) or _REPORTING.search(s):
        return False
    if _PAGE_ONLY_VERB.search(s):
        return True
    if _WRITER.search(s):
        return False
    if _READER_IMPERATIVE.search(s):
        return bool(_PAGE_WORD.search(s)) or bool(_PAGE_WORD_WEAK.search(s)) or bool(_US.search(s))
    return bool(_ADDRESS.search(s)) and bool(_PAGE_WORD.search(s))


#: a prompt may run longer than a label when each of its sentences talks to the reader
_MAX_PROMPT_WORDS = 60
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def prompts_at_length(line: str) -> bool:
    """A longer paragraph of the page talking to its reader about itself ("Enjoyed this guide?
    Pass it on to a neighbour ... and sign up for our free Friday newsletter ..."): a word for the
    page, nothing quoted or reported, and at least half of its sentences an instruction to the
    reader or a question put to them."""
    s = line.strip()
    n = len(_words(s))
    if n <= _MAX_WORDS or n > _MAX_PROMPT_WORDS or re.search(r"[\"“”„]|''", s) or _REPORTING.search(s):
        return False
    if not _PAGE_WORD.search(s):
        return False
    sentences = [x.strip() for x in _SENTENCE.findall(s) if x.strip()]
    told = sum(1 for x in sentences if _READER_IMPERATIVE.match(x) or _PAGE_ONLY_VERB.match(x) or (
        x.endswith("?") and re.search(r"\b(?:you|your|this)\b", x, re.I)))
    return told >= 1 and 2 * told >= len(sentences)


def is_label_row(line: str) -> bool:
    """Short labels cut by separators: a breadcrumb, a row of footer links, a section label."""
    s = line.strip()
    if not s or s[-1] in ".?!" or re.search(r"[\"“”]", s):
        return False
    parts = [p.strip() for p in _SEPARATOR.split(s)]
    if len(parts) < 2 or any(not p for p in parts):
        return False
    return all(len(_words(p)) <= 4 for p in parts) and sum(len(_words(p)) for p in parts) <= 14


def is_timestamp(line: str) -> bool:
    """A publication timestamp and nothing more: "Updated: March 4, 2023 10:32 am IST"."""
    s = line.strip().rstrip(".")
    tokens = [t for t in re.split(r"[\s,]+", s) if t]
    if not 2 <= len(tokens) <= 12:
        return False
    has_label = bool(re.match(r"^(?:first\s+|last\s+)?(?:updated|published|posted|modified|edited|created)\b", s, re.I))
    has_time = bool(_CLOCK.search(s)) or bool(re.search(rf"\b(?:{MONTH_NAME})\b", s, re.I))
    # (a month or a clock's mark may be abbreviated with a point: "Jan. 9", "5:10 p.m.")
    return has_label and has_time and all(_STAMP_TOKEN.match(t.rstrip(":").rstrip(".")) or t in ":-|" for t in tokens)


def is_control_label(line: str) -> bool:
    """A control's label: a reader's action and its object, two or three words ("Play video",
    "Show more", "Jump to comments")."""
    s = line.strip()
    words = _words(s)
    if not 2 <= len(words) <= 3 or s[-1:] in ".?,;:":
        return False
    m = re.match(rf"^(?:{_READER_VERBS})\b\s*(?:to\s+)?(.*)$", s, re.I)
    return m is not None and bool(_CONTROL_OBJECT.match(m.group(1).strip()))


def is_furniture(line: str) -> bool:
    return (speaks_to_reader(line) or prompts_at_length(line) or is_label_row(line) or is_timestamp(line)
            or is_control_label(line))
