"""Plain-text articles: headline, byline and date lines become metadata; boilerplate and pasted
photo captions are moved to ``removed`` with a reason; the body keeps its paragraphs.

Everything here works on whole lines and paragraphs, never inside a sentence, so a rule can only
take out a line that is nothing but boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tidings.ingest.dates import parse_date
from tidings.ingest.furniture import is_furniture, is_timestamp
from tidings.model import Removed

# --- boilerplate -------------------------------------------------------------------------------
# A paragraph is boilerplate when it is short and matches one of these as a whole-line pattern.
_BOILERPLATE_PATTERNS = [
    r"(?:other|more|latest|recent)\s+(?:reports?|stories|articles|news|posts?)\s+(?:by|from|on|in)\b.*",
    r"(?:discuss|comment\s+on|share)\s+this\s+(?:article|story|post|page)\b.*",
    r"(?:related|related\s+(?:stories|articles|news|content|coverage|reading|posts|links)|see\s+also|read\s+(?:more|also|next)|also\s+read|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|more\s+on\s+this(?:\s+story)?|trending(?:\s+now)?|most\s+(?:read|popular))\s*(?:[:>»\-–—|].*)?",
    r"share\s+(?:on|via|to)\s+\w+.*|share(?:\s+this)?\s*[:!]?|tweet|email|print(?:\s+this\s+(?:article|page))?",
    r"(?:please\s+)?(?:like\s+and\s+)?share\s+this\s+(?:story|article|post|news)\b.*|stay\s+tuned\b.*",
    r"(?:subscribe|sign\s+up|register)\b.{0,80}(?:newsletter|updates|alerts|free|today|now|here|channel|inbox).*",
    r"(?:follow|like)\s+us\s+on\b.*",
    r"(?:leave|post|add|write)\s+a\s+(?:comment|reply|response)\b.*|comments?(?:\s+for\s+this\s+(?:post|article|story))?\s+(?:are\s+)?(?:now\s+)?closed\.?|\d+\s+comments?|no\s+comments?(?:\s+yet)?\.?|(?:view|show|load)\s+(?:all\s+)?comments?.*",
    r".{0,40}(?:©|\(c\)\s*\d{4}|copyright\b|all\s+rights\s+reserved).*",
    r"advertisement|sponsored(?:\s+content)?|continue\s+reading.*|click\s+here\b.*|tap\s+here\b.*|watch\s*:.*",
    r"(?:tags?|filed\s+under|categories|topics)\s*:.*",
    r"(?:this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+)?(?:appeared|published|first\s+appeared)\s+(?:on|in|at))\b.*",
    r"(?:reporting|additional\s+reporting|writing|editing)\s+by\b.{0,120}",
    r"(?:back\s+to\s+top|top\s+stories|home\s*[|>»].*|skip\s+to\s+(?:main\s+)?content)",
    # where a post was filed and where it came from: "Posted in Politics", "Source: <site>"
    r"(?:posted|filed|published)\s+(?:in|under)\s*:?\s*[\w &/,'-]{1,40}",
    r"(?:source|via|h/t|hat\s+tip)\s*:\s*[^.!?\s]+(?:\s+[^.!?\s]+){0,4}\.?",
    # prompts to go elsewhere: "Don't miss: ...", "More from <site>:", "Read more at <url>"
    r"(?:don'?t\s+miss|must\s+read|editor'?s\s+(?:pick|choice)|in\s+case\s+you\s+missed\s+it|also\s+on\s+\w+)\s*[:>»\-–—].*",
    r"(?:more|latest|top)\s+(?:from|on|at)\s+[^.!?]{1,40}[:>»]",
    r"(?:read|see|watch|listen\s+to)\s+(?:more|(?:the\s+)?(?:full|original|complete|whole)\s+(?:story|article|report|post|video|interview)|the\s+(?:story|article|report|video))\s+(?:at|on|here|below)\b.*",
    r"(?:watch|see|play)\s+(?:the\s+)?(?:video|clip|footage)\b.{0,40}",
    r"(?:email|e-mail|print|save|bookmark|download|listen\s+to)\s+this\s+(?:article|story|page|post)\b.*",
    r"(?:click|tap)\s+to\s+(?:share|tweet|enlarge|expand|play|read)\b.*",
    # cookie and consent notices
    r"(?:this|our)\s+(?:web)?site\s+uses\s+cookies\b.*|we\s+use\s+cookies\b.*|by\s+(?:continuing|using)\s+(?:to\s+use\s+)?(?:this|our)\s+(?:web)?site\b.*|accept\s+(?:all\s+)?cookies.*",
    # appeals for money or attention
    r"(?:support|donate\s+to)\s+(?:our|independent|this)\s+(?:journalism|work|site|reporting)\b.*|(?:please\s+)?donate\b.{0,60}",
    r"(?:join|like)\s+(?:us|our\s+\w+)\s+(?:on|at)\b.*|follow\s+@\w+.*|(?:around|from)\s+the\s+web|(?:sponsored|promoted)\s+(?:links?|stories|posts)",
    r"(?:report\s+an?\s+(?:error|typo|correction)|send\s+us\s+a\s+tip|got\s+a\s+tip\??).*",
    # advertising labels and prompts to advertise
    r"(?:the\s+)?(?:story|article|text)\s+continues\s+(?:below|after|under)\b.{0,30}|advertise\s+with\s+us\b.*|"
    r"advertisement\s*[-–—:|]\s*(?:scroll|continue|story)\b.*",
    # the page's own machinery: loading notices, picture counters, reading times, "updated 3 hours ago"
    r"(?:loading|please\s+wait)\s*(?:\.{2,3}|…)?|(?:image|photo|picture|slide)\s+\d+\s+(?:of|/)\s+\d+|"
    r"\d+\s+min(?:ute)?s?\s+read|(?:updated|published|posted|last\s+updated)\s*:?\s*\d+\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|listen\s+to\s+(?:this\s+)?(?:article|story)\b.{0,20}",
    # a row of share buttons: "Facebook Twitter WhatsApp Email", "Print | Email | Share"
    r"(?:\b(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email|e-mail|print|share|copy\s+link|"
    r"messenger|sms|flipboard|threads|bluesky)\b\s*[|•·,/]?\s*){2,}",
    # prompts to subscribe, download, be notified, join a channel
    r"get\s+(?:the\s+)?(?:latest|best|top|day'?s)\b.{0,60}\b(?:inbox|e-?mail|newsletter)\b.*|"
    r"(?:download|get|install)\s+(?:our|the)\s+(?:free\s+)?(?:\w+\s+)?app\b.*|turn\s+on\s+(?:push\s+)?notifications\b.*|"
    r"join\s+(?:us\s+on\s+|our\s+)(?:\w+\s+){0,2}(?:channel|group|community)\b.*",
    # where the piece first ran, and the wire's own footer
    r"originally\s+(?:published|appeared|posted)\s+(?:at|on|in|by)\b.*|this\s+material\s+may\s+not\s+be\s+published\b.*",
    # appeals, comment prompts, navigation between posts, disclaimers, hashtag rows
    r".{0,60}\b(?:needs?|relies\s+on|depends\s+on)\s+(?:on\s+)?your\s+support\b.*|"
    r"join\s+the\s+(?:conversation|discussion|debate)\b.*|"
    r"[«‹<←]?\s*(?:next|previous|prev|older|newer)\s+(?:article|post|story|page|entry)\s*[»›>→]?(?:\s*[:\-–—].*)?|"
    r"the\s+views\s+(?:and\s+opinions\s+)?expressed\s+(?:in\s+this\s+(?:article|post|piece|column)\s+)?(?:are|do\s+not)\b.*|"
    r"(?:#\w+[\s,]*){2,}",
]
_BOILERPLATE = re.compile(r"^(?:" + "|".join(_BOILERPLATE_PATTERNS) + r")$", re.I)
_BOILERPLATE_MAX_WORDS = 16

# --- captions ----------------------------------------------------------------------------------
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# a one-sentence paragraph ending in ", <place>, May 9, 2019." is a photo caption's dateline
_CAPTION_DATE_END = re.compile(
    rf"(?<!\bon)(?<!day)(?<!since)(?<!until)(?<!from),\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?\s*(?:\([^)]*\))?$|"
    # the agencies' form with the weekday set off by commas, as prose never writes it ("...
    # outside the ministry in Lisbon, Portugal, Tuesday, Oct. 14, 2025."; prose: "on Tuesday")
    rf",\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?\s*(?:\([^)]*\))?$"
)
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:photo|image|picture|file\s+photo|credit)[^)]*\)|\b(?:photo|image|picture|credit)\s*(?:by|:)\s*\S+|"
    # a credit that names whose picture it is before the word: "(File/Staff photo)", "(AP photo)"
    r"\((?!see\b|click\b|below\b|above\b|top\b)(?:file|staff|archive|agency|handout|[A-Z][\w.&'’-]*)(?:\s*[/ ]\s*(?:file|staff|archive|[A-Z][\w.&'’-]*)){0,2}\s+(?:photo|image|picture)s?\)\W*$|"
    r"\b(?:REUTERS|AP\s+Photo|AFP|Getty\s+Images|EPA|Xinhua|Bloomberg|Anadolu)\s*/\s*[^\s/]+(?:\s+[A-Z][\w'’-]+){0,3}\W*$|"
    r"\bvia\s+Getty\s+Images|"
    # the photographer, then the agency: "JANE DOE / REUTERS", "Jane Doe/AFP via Getty Images"
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*/\s*(?:REUTERS|Reuters|AFP|AP|Getty\s+Images|GETTY\s+IMAGES|EPA(?:-EFE)?|"
    r"Xinhua|XINHUA|Anadolu|Bloomberg|Pool|POOL|Shutterstock|Alamy)\b[^.!?]{0,30}$|"
    r"^(?:photo(?:graph)?|image|picture|pictured|above|top|inset|main\s+(?:picture|photo|image)|"
    r"file(?:\s+photo)?|caption|image\s+(?:caption|source)|"
    r"from\s+left|left\s+to\s+right|\(?l\s*-\s*r\)?|screen\s*(?:shot|grab)|video\s+grab)\s*[:,)]|"
    # a gallery's counter: "3 of 12"
    r"^\d{1,2}\s+of\s+\d{1,2}\s+[A-Z]|"
    r"^\(?l\s*-\s*r\)\s|"
    r"\b(?:photo|image|picture|video)\s+via\s+\S+)",
    re.I,
)
# a picture's credit in brackets, which no sentence of an article's prose carries: "(Image:
# Cumbria Police)", "(Photo by Jane Doe/The Daily News)", "(Supplied: NSW RFS)", "(Supplied)",
# "(Picture courtesy of the council)"; found inside a paragraph, it is a caption pasted into it
INLINE_PICTURE_CREDIT = re.compile(
    r"\((?:(?:[Ff]ile\s+)?(?:[Pp]hoto(?:graph)?|PHOTO|[Ii]mage|IMAGE|[Pp]icture|[Pp]ic|[Ss]upplied|[Ss]ubmitted|"
    r"[Cc]ontributed|[Cc]redit)\s*(?:by\s+|:\s*|courtesy\s+(?:of\s+)?(?:the\s+)?)[A-Z][^()]{1,60}|"
    r"[Ss]upplied|[Ss]ubmitted|[Cc]ontributed|"
    # what the picture is, in brackets: "(file photo)", "(stock image)"
    r"(?:[Ff]ile|FILE|[Ss]tock|[Aa]rchive)\s+(?:[Pp]hoto|PHOTO|[Ii]mage|IMAGE|[Pp]icture|[Pp]ic))\)")
# an agency's "FILE -" before a file picture's caption (in capitals, as agencies print it)
_FILE_DASH = re.compile(r"^FILE(?:\s+PHOTO)?\s*[-–—:]\s+\S")
# a picture named as such: "in this handout picture", "a screenshot ... shows", "as seen from"
_PICTURE_NAMED = re.compile(
    r"\bin\s+this\s+(?:[\w.,-]+\s+){0,4}(?:photo(?:graph)?|picture|image|handout|screen\s*(?:shot|grab)|video\s+grab|"
    r"still|frame\s+grab)\b|"
    r"\bhandout\s+(?:photo(?:graph)?|picture|image|video)\b|"
    r"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:photo(?:graph)?|picture|image|screen\s*(?:shot|grab)|video\s+grab|still|footage)"
    r"\b(?:(?!appear|seem)[^.!?]){0,80}\b(?:shows|showing)\b|"
    r"^screen\s*(?:shot|grab)s?\b|"
    r"\bas\s+seen\s+from\b",
    re.I,
)
# a picture's credit at the end of a line: "REUTERS/Jane Doe", "GETTY IMAGES/John Roe" (agency in
# capitals, a slash, the photographer), "(AFP)", "Photo: Jane Doe/Agency", "Image credit: Agency"
_CREDIT_TAIL = re.compile(
    r"(?:\b[A-Z][A-Z&.' -]{1,30}(?:/[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}){1,3}|"
    r"\b[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:/(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty\s+Images|Xinhua|"
    r"Anadolu|Bloomberg|Sipa|Shutterstock|Alamy|Pool|Handout|File(?:\s+Photo)?|[A-Z]{2,}))+|"
    r"\((?:AFP|AP|Reuters|REUTERS|Getty Images|EPA|Xinhua|AP Photo|Anadolu)[^)]{0,40}\)|"
    # the picture's label and its maker in brackets: "(Photo by Jane Doe/The Daily News)",
    # "(Image: Jane Doe)", "(File photo by ...)"
    r"\((?:[Ff]ile\s+)?(?:[Pp]hoto(?:graph)?|PHOTO|[Ii]mage|IMAGE|[Pp]icture)\s*(?:by\s+|:\s*)[A-Z][^()]{1,60}\)|"
    r"(?:[Pp]hoto(?:graph)?|PHOTO(?:GRAPH)?|[Ii]mage|IMAGE|[Pp]icture|[Pp]hoto credit|[Ii]mage credit|[Cc]redit|CREDIT|"
    r"[Ii]llustration|ILLUSTRATION|[Pp]hoto source|[Ii]mage source)\s*:\s*[^.!?]{2,60}|"
    # a reader's or a body's own picture: "(Submitted by Jane Doe)", "(Supplied)"
    r"\((?:[Ss]ubmitted|[Ss]upplied|[Cc]ontributed)(?:\s+(?:by|photo|image|picture)\b[^()]{0,50})?\)|"
    # a photographer and the outlet they shoot for, in brackets or after a pipe:
    # "(Jane Doe/The Daily News)", "| Jane Doe/The Daily News"
    r"(?:\(|\|\s*)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*/\s*(?:the\s+|The\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}\)?|"
    r"(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Vv]ideo)\s+via\s+[A-Z][^.!?]{1,40}|(?:(?<=[.!?)] )|^)[Cc]ourtesy(?:\s+of|:)\s+(?:the\s+)?[A-Z][^.!?]{1,60}|"
    # the forms of desks outside the wires: the picture's label in another language ("Foto:",
    # "Bild:") or shortened ("Pic:")
    r"(?:Foto|FOTO|Bild|BILD|Imagen|IMAGEN|Fotograf[ií]a|Cr[ée]dito|Pic|PIC)\s*:\s*[^.!?]{2,60}|"
    # the outlet's own photo in brackets ("(HT Photo)", "(PTI Photo)", "(File)")
    r"\((?:[A-Z][\w.&]*\s+){0,3}(?:Photo|PHOTO|Pic|PIC|Image|IMAGE|Picture|File|FILE)\)|"
    # the label and its maker after a slash or pipe ("Photo/Supplied", "PHOTO | JANE DOE | NMG")
    r"\b(?:Photo|PHOTO|Pic|PIC|Picture|Image|IMAGE|Foto|FOTO)\s*[/|]\s*[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3}"
    r"(?:\s*\|\s*[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3})?|"
    # a photographer named after the label, with or without a slash and outlet ("Express photo by
    # Jane Doe", "Photo Jane Doe / The Daily News")
    r"(?:\b(?:[Pp]hoto|PHOTO|[Pp]icture|[Ii]mage|Foto)\s+by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}|"
    r"(?:(?<=[.!?] )|^)(?:Photo|PHOTO|Foto|FOTO)\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"(?:\s*/\s*(?:the\s+|The\s+)?[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|du|de|des|di|do|da|of|the)){0,4})?|"
    # names in capitals on both sides of a spaced slash ("INQUIRER PHOTO / JANE DOE", "JANE DOE / DAILY STAR")
    r"\b[A-Z][A-Z&.'-]+(?:\s+[A-Z][A-Z&.'-]+){0,3}\s+/\s+[A-Z][A-Z&.'-]+(?:\s+[A-Z][A-Z&.'-]+){0,3}|"
    # a dash and the agency or photographer ("—APP", "— Jane Doe/Daily Star")
    r"(?:^|\s)[—–]\s*(?:[A-Z]{2,6}|[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}/[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}))\.?\s*$"
)
# what a caption says of its own picture: that it is a file or stock picture, or only illustrates
_PICTURE_STATUS = re.compile(
    r"\((?:file|stock|archive)\s+(?:photo|image|picture|pic)\)|"
    r"\b(?:representational|representative)\s+(?:photo|image|picture|pic)\b|"
    r"\b(?:photo|image|picture)s?\s+(?:(?:is|are)\s+)?(?:used\s+)?(?:for|only\s+for)\s+(?:illustrat\w*|representation\w*)"
    r"(?:\s+purposes?)?\b|"
    r"\bfor\s+illustrat\w*\s+purposes?\b|"
    r"\bin\s+an?\s+(?:photo(?:graph)?|picture|image)\s+(?:taken|made|released|shot|provided|posted)\b",
    re.I,
)
# a credit that names what the picture is and who made it: "Illustration by Jane Doe",
# "Satellite image ©2023 Maxar", "Image copyright Getty Images", a trailing "Supplied"
_CREDIT_LABEL = re.compile(
    r"^(?:illustration|graphic|photo(?:graph)?|image|picture|video|map|chart|artwork|satellite\s+image)s?\s+"
    r"(?:by|from|courtesy(?:\s+of)?|©|\(c\)|copyright)\s*\S|"
    r"^(?:image|photo|picture|media)\s+(?:copyright|caption|source|credit)\b|"
    r"[.!?]\s+(?:Supplied|Handout|Pool(?:\s+photo)?|File(?:\s+photo)?)\.?$",
    re.I,
)
#: a paragraph that opens with a picture's label: "Photo: ...", "(Image: ...)", "Picture: ..."
_PICTURE_LABEL_OPENER = re.compile(r"^\(?(?:photo(?:graph)?|picture|pic|image|illustration|caption)\s*:\s*\S", re.I)
_CAPTION_OPENER = re.compile(r"^(?:file\s+(?:photo|picture|image)|in\s+this\s+(?:file\s+)?(?:photo|picture|image))\b", re.I)
_CAPTION_PLACE = re.compile(
    r"\b(?:in|at|outside|inside|near|during)\s+(?:the\s+)?[A-Z]|\b(?:left|right|center|centre)\s*[,)]|"
    r"\b(?:in|at|near|outside|through|across|along|off)\s+(?:the|a|an)\s+(?:[a-z]+\s+){0,3}?of\s+[A-Z]")
# a time that makes a present tense a plan or a habit, not a picture ("speaks ... next week")
_NOT_PICTURE_TIME = re.compile(r"\b(?:next|tomorrow|later|every|each|usually|often|always|daily|weekly|annually)\b")
#: a full date with its year right after "on" that ends a sentence ("... on August 11, 2025."; a
#: body sentence names the day first, "on Thursday, Aug. 11, 2016")
_ON_FULL_DATE_END = re.compile(rf"\bon\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?$")
#: present-tense verbs of the calendar: what "takes place" or "begins" on a date is planned
_SCHEDULED = re.compile(r"\b(?:takes?\s+place|begins?|starts?|opens?|closes?|ends?|runs?|expires?|comes?\s+into|"
                        r"is\s+due|are\s+due|is\s+scheduled|are\s+scheduled|falls?|goes?\s+on)\b", re.I)
_NOT_CAPTION_TENSE = re.compile(
    r"\b(?:said|says|told|had|was|were|has|have|will|would|could|should|did|been|according)\b")
# what a picture shows someone doing (stricter than _CAPTION_VERB: "holds a lead" is news)
_PICTURE_VERB = re.compile(
    r"\b(?:speaks|speak|talks\s+(?:to|with)|talk\s+(?:to|with)|attends?|arrives?|leaves|walks|gestures?|"
    r"looks?\s+on|poses?|waves?|listens?|shakes?\s+hands|greets?|carry|carries|marches|march|gathers?|inspects?|"
    r"waits?|queues?|patrols?|searches|search|mourns?|celebrates?|chants?|unloads?|wades?|rides?|"
    r"(?:walk|walks|run|runs|drive|drives|flee|flees)\s+(?:past|through|along|across|towards?|away|down|up)|(?:sits|stands)\s+(?:with|next\s+to|beside|behind|outside|in\s+front\s+of)|smiles?|prays?|"
    r"is\s+(?:seen|pictured|shown)|are\s+(?:seen|pictured|shown)|casts?\s+(?:his|her|their)\s+ballots?|"
    r"holds?\s+(?:up\s+)?(?:a\s+)?(?:signs?|placards?|banners?|flags?|photos?|candles?|portraits?)|"
    r"delivers?\s+(?:a|his|her|the)\s+(?:speech|address|remarks))\b")
# captions describe a picture in the present tense: "X speaks to ...", "Y is seen ..."
_CAPTION_VERB = re.compile(
    r"\b(?:speaks?|attends?|arrives?|leaves?|walks?|gestures?|looks?\s+on|poses?|waves?|listens?|"
    r"delivers?|holds?|shakes?\s+hands|greets?|addresses|sits?|stands?|smiles?|talks?|meets?|"
    r"is\s+seen|are\s+seen|is\s+pictured|are\s+pictured|react|reacts|march|marches|gather|gathers|"
    r"takes?\s+part|chat|chats|pose|visits?|inspects?|prays?|votes?|casts?)\b"
)

# --- bylines -----------------------------------------------------------------------------------
_NAME_WORD = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
_PARTICLE = r"(?:de|da|del|van|von|der|bin|al|el|la|le|di|du|dos)"
_PERSON = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}){{1,3}}"
_BYLINE_PREFIX = re.compile(
    r"^(?:by|written\s+by|words\s+by|story\s+by|posted\s+by|submitted\s+by|reported\s+by|author\s*:|by\s*:)\s*", re.I
)
_PERSON_LIST = re.compile(rf"^{_PERSON}(?:\s*(?:,|and|&)\s*{_PERSON})*$")
_GENERIC_BYLINE = re.compile(
    r"\b(?:staff|reporter|correspondent|editor|editors|desk|team|agencies|wire|newsroom|contributor|writer|admin|administrator|webmaster|guest)s?\b",
    re.I,
)
_ROLE_AFTER_NAME = re.compile(r"\s*(?:[,|·•\-–—]\s*|\s+for\s+|\s+in\s+).*$")
#: an outlet or role set off after the name by a separator, with no "By": "Jane Doe · CBC News"
_OUTLET_AFTER_NAME = re.compile(r"\s+[|·•]\s+.*$")


@dataclass
class TextExtraction:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    text: str = ""
    removed: list[Removed] = field(default_factory=list)


def _paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; a text with no blank line has a paragraph per line."""
    if re.search(r"\n[ \t]*\n", text):
        parts = re.split(r"\n[ \t]*\n", text)
    else:
        parts = text.split("\n")
    return [p.strip() for p in parts if p.strip()]


def _word_count(s: str) -> int:
    return len(s.split())


#: paragraphs a site labels as its own, whatever their length: a legal disclaimer, the writer's
#: bio, a row of tags (a press release's "About <organisation>:" and media contacts are the
#: release's own text, which a body may rightly be)
_LABELLED_FURNITURE = re.compile(r"^(?i:disclaimer|about\s+the\s+author|author\s+bio|tags?|keywords|filed\s+under)\s*:\s+\S")
_LABELLED_MAX_WORDS = 120
#: a list item of links: "- Ten superfoods ...", "• Read next ...", "1. ..."
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)])\s+\S")


def is_boilerplate(par: str) -> bool:
    """A short paragraph that is nothing but a share/subscribe/related/comment/copyright prompt:
    one of the known forms, or one whose grammar says the page is talking to its reader
    (``tidings.ingest.furniture``); a paragraph the site labels as its own furniture (a
    disclaimer, the author's bio, a row of tags); a related-links header over a list."""
    if "\n" in par:
        lines = [x for x in par.strip().split("\n") if x.strip()]
        return (len(lines) > 1 and _word_count(lines[0]) <= _BOILERPLATE_MAX_WORDS
                and bool(_BOILERPLATE.match(lines[0].strip())) and all(_LIST_ITEM.match(x) for x in lines[1:]))
    if _word_count(par) <= _BOILERPLATE_MAX_WORDS and _BOILERPLATE.match(par.strip()):
        return True
    if _word_count(par) <= _LABELLED_MAX_WORDS and _LABELLED_FURNITURE.match(par.strip()):
        return True
    return is_furniture(par)


_CREDIT_ONLY_MAX_WORDS = 6


def is_photo_credit(par: str) -> bool:
    """A bare photo credit ("Scott Olson via Getty Images.", "Photo: AP"): a picture's byline
    left in a scraped page, not a description pasted into the story."""
    s = par.strip()
    if _word_count(s) > _CREDIT_ONLY_MAX_WORDS:
        return False
    tail = _CREDIT_TAIL.search(s)
    return (bool(_CAPTION_CREDIT.search(s)) or (tail is not None and tail.start() == 0)
            or bool(_CREDIT_LABEL.search(s)) or bool(_PICTURE_STATUS.search(s)))


def is_caption(par: str) -> bool:
    """A pasted photo caption: a line that carries a picture's credit, or one present-tense
    sentence that describes a picture where it was taken (and, often, when)."""
    if "\n" in par or _word_count(par) > 60:
        return False
    s = par.strip()
    # (the words a pictured sign or banner carries are no quotation: "hold banners reading 'SNS em luta'")
    unquoted = re.sub(r'\b(?:reading|reads|read|saying|says)\s+["“][^"”]{1,60}["”]', "X", s)
    if unquoted.count('"') + unquoted.count("“") + unquoted.count("”") > 0:
        return False  # captions do not quote; quoted paragraphs are reporting
    if _CREDIT_TAIL.search(s) and _word_count(s) <= 45:
        return True  # "... in London. REUTERS/Jane Doe", "... on May 5. Photo: Jane Doe/Agency"
    if _FILE_DASH.match(s):
        return True  # "FILE - Workers repair ...": an agency's file picture
    if _PICTURE_LABEL_OPENER.match(s) and _word_count(s) <= 45:
        return True  # "Photo: The fisheries ministry in central Lima. Andina / File", "(Image: ...)"
    if (_PICTURE_STATUS.search(s) or _CREDIT_LABEL.search(s)) and _word_count(s) <= 45:
        return True  # "(file image)", "representational image", "Image copyright ...", "... Supplied"
    # one sentence only (ignoring abbreviations such as "U.S." and the final period)
    body = re.sub(r"\b(?:[A-Z]\.){1,3}", "X", s)
    body = re.sub(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.", "X", body)
    if len(re.findall(r"[.!?](?=\s+[A-Z])", body)) > 0:
        return False
    if _CAPTION_CREDIT.search(s) or _CAPTION_OPENER.search(s):
        return True
    if _PICTURE_NAMED.search(s) and not re.search(r"\b(?:said|says|told|according|reported|reports|added|wrote)\b", s):
        return True  # "... in this handout picture", "A screenshot ... shows ...", "as seen from ..."
    # "..., in Washington, May 9, 2019." after a present-tense description; a body sentence that
    # ends in a date says "on Sunday, May 9, 2021" (excluded by the pattern) and is past tense
    if bool(_CAPTION_DATE_END.search(s)) and (
            bool(_CAPTION_VERB.search(s)) or not re.search(r"\b(?:said|says|had|was|were|has|have|will|would)\b", s)):
        return True
    # a scene dated in full after "on" with no verb of the past, the perfect or the future in it:
    # "Firefighters work to contain a blaze near Piodao, central Portugal, on August 11, 2025."
    # (an event put on the calendar in the present tense, "takes place ... on", is no picture)
    if (_ON_FULL_DATE_END.search(s) and _word_count(s) >= 10 and not _NOT_CAPTION_TENSE.search(s)
            and not re.search(r"\b\w+ed\b", s) and not _SCHEDULED.search(s) and _CAPTION_PLACE.search(s)):
        return True
    # a picture described in the present tense, where it was taken: "Supporters hold signs at a
    # rally in Ohio", "The senator talks to reporters outside the court in Charlotte"; a reporting
    # sentence is past tense or attributes what it says
    verb = _PICTURE_VERB.search(s)
    if verb is not None and re.search(r"\bto\s*$", s[:verb.start()]):
        return False  # "are expected to speak": a plan, not a picture
    if verb is not None and not verb.group(0).startswith("speak") and re.match(r"\s+of\b", s[verb.end():]):
        verb = None  # "a reverse image search of key frames", "a march of veterans": a noun, no verb
    if verb is not None and re.search(
            r"\b(?:the|a|an|his|her|their|its|this|that)\s*$|\b\w+ed\s+(?:the|a|an|his|her|their|its)\b", s[:verb.start()]):
        return False  # "prevented the march": the word is a noun after a verb of the report
    if verb is None:
        return _verbless_picture(s) or (bool(_NAME_TITLE_LINE.match(s)) and not _FINITE.search(s))
    if _NOT_PICTURE_TIME.search(s) or _NOT_CAPTION_TENSE.search(s) or not _CAPTION_PLACE.search(s) or _word_count(s) > 40:
        return False
    return len(s[:verb.start()].split()) <= 8


# a caption can name its picture without a verb: "Maria Lopez during a visit to Paita in 2022",
# "Protesters outside the ministry in Lima on Tuesday", "The port, seen from the air in 2021",
# "Maria Lopez addressing the media in Lima"; a report always has a finite verb
_NAME_WORDS = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|de|van|von|al|bin))*"
_SCENE_AFTER_SUBJECT = re.compile(
    # who is pictured: names, or a determiner and up to three words ("The seized trawler")
    # or a capitalised word and up to three more ("Striking dockers", "Harbour master Jan Kowalski")
    rf"^(?:{_NAME_WORDS}|(?:The|A|An|[A-Z][\w'’-]*)(?:\s+(?:[a-z][\w'’-]*|[A-Z][\w'’.-]*)){{1,3}}(?:\s+of\s+{_NAME_WORDS})?)"
    # a position in the picture: "(centre)", "(second left)"
    r"(?:\s*\((?:left|right|centre|center|front|back|top|bottom|(?:second|third)\s+(?:left|right|from\s+(?:left|right)))\))?"
    # then where or doing what, never a verb of its own
    r"(?:\s+(?:at|in|outside|inside|near|during|amid|among|beside|behind|aboard)\s+(?:the\s+|a\s+|an\s+|[A-Z])|"
    r",\s+(?:seen|pictured|photographed|shown|as\s+(?:seen|shown))\b|"
    r"\s+(?!during\b|morning\b|evening\b|building\b|meeting\b|briefing\b|hearing\b|spring\b|"
    r"thing\b|king\b|funding\b|training\b|wedding\b|ceiling\b|fishing\b|shipping\b|housing\b|mining\b)"
    r"[a-z]{3,}ing\s+(?:the|a|an|his|her|their|its|to|with|at|in|on|for|from|outside)\b)"
)
# what says a sentence has a finite verb: an auxiliary, a past tense, a present tense after a name
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|"
    r"said|says|told|went|came|took|made|gave|found|held|met|led|began|won|lost|sent|brought|thought|fought|"
    r"struck|fled|threw|drew|grew|knew|saw|became|ran|rose|fell|spoke|broke|chose|wrote|got|kept|paid|sold|"
    r"stood|sat|heard|felt|built|spent|meant|hit|put|set|cut|let|shut|seems|appears|remains)\b|"
    r"(?<!\()(?<!from\s)(?<!second\s)(?<!third\s)\bleft\b(?!\))|"
    # a clause of its own: a caption names a scene, it does not explain it
    r"\b(?:when|because|while|whose|which|although|unless)\b|"
    r"\b(?!(?:pictured|photographed)\b)[a-z]{2,}ed\b|"
    r"[’']s\s+(?:also|not|now|still|been|going|expected|set)\b|[’'](?:re|ve|ll|m)\b|n[’']t\b|"
    r"\b(?:he|she|it|that|there|what|who)[’']s\b|"
    # a name and a present tense ("Peru seizes"); an adjective's suffix says a noun follows
    # ("Striking dockers", "Chinese fishermen", "Local residents")
    r"\b[A-Z][\w'’.-]*(?<!ing)(?<!ed)(?<!al)(?<!an)(?<!ese)(?<!ish)(?<!ic)\s+"
    r"(?!(?:as|us|is|its|this|plus|news|series|species|thus|across|versus|bus|gas)\b)[a-z]{2,}(?<!ss)(?<!ous)s\b"
)
_PICTURE_TIME = re.compile(
    r"\b(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|in\s+(?:19|20)\d\d|"
    rf"(?:on\s+)?{_MONTH}\s+\d{{1,2}}|last\s+(?:week|month|year)|yesterday|today|earlier\s+this\s+(?:week|month|year))\b"
)


# a portrait's caption: a name and the office held, perhaps where ("Jane Doe, Commissioner for
# Health, Oyo State", "Dr. Jane Doe, State Commissioner for Environment, at the briefing")
_NAME_TITLE_LINE = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Prof|Hon|Gen|Sen|Rep|Gov)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3},\s+"
    r"(?:the\s+)?(?=[^,]*\b(?:Minister|Commissioner|Director|President|Secretary|Governor|Chairman|Chairperson|"
    r"Chair|Chief|Head|Spokesperson|Spokesman|Spokeswoman|Ambassador|Senator|Mayor|Speaker|Leader|Member|"
    r"Inspector|Commander|Judge|Justice|Attorney|Officer|Executive|Adviser|Advisor)\b)"
    r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|for|of|and|the|on)){0,8}"
    r",\s+(?:(?:at|in|during|after|before)\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,6}\.?$"
)


def _verbless_picture(s: str) -> bool:
    if _word_count(s) > 30 or not s[:1].isupper() or _FINITE.search(s):
        return False
    if not _PICTURE_TIME.search(s) or s.rstrip()[-1:] in ";:?!,":
        return False  # a picture without a verb says when it was taken
    return bool(_SCENE_AFTER_SUBJECT.search(s))


def _looks_like_headline(line: str, following: list[str]) -> bool:
    if not following:
        return False  # a one-paragraph text is a body, not a headline
    s = line.strip()
    if "\n" in s or not 2 <= _word_count(s) <= 30 or len(s) > 220:
        return False
    if s[-1] in ".,;:" and not s.endswith("..."):
        return False
    # a headline is followed by a longer text; a first body paragraph usually isn't this short
    return True


def parse_byline(line: str) -> list[str] | None:
    """Author names from a byline line, [] for a generic byline ("Staff Reporter"), or None when the
    line is not a byline."""
    s = line.strip()
    if not s or len(s) > 120 or "\n" in s:
        return None
    had_prefix = bool(_BYLINE_PREFIX.match(s))
    s = _BYLINE_PREFIX.sub("", s).strip()
    if not s:
        return None
    # (the role after a name is no generic byline: "By Rachel Okafor, Local Democracy Reporter")
    core = _ROLE_AFTER_NAME.sub("", s) if had_prefix else _OUTLET_AFTER_NAME.sub("", s)
    generic = core if had_prefix and core else s
    if _GENERIC_BYLINE.search(generic) and _word_count(generic) <= 5:
        capitalised = all(w[:1].isupper() for w in generic.split())
        return [] if had_prefix or capitalised else None
    if not _PERSON_LIST.match(core):
        return None
    names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", core) if n.strip()]
    if not had_prefix and (len(names) > 3 or any(_word_count(n) > 4 for n in names)):
        return None
    return names


def extract_text(
    raw: str,
    title: str | None = None,
    published: str | None = None,
    authors: list[str] | None = None,
) -> TextExtraction:
    """Split a plain-text article into metadata, clean body and removed lines.

    Metadata passed in (from a JSONL record) wins over what is inferred from the text.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    pars = _paragraphs(text)
    out = TextExtraction(title=title, authors=list(authors or []), published=published)

    # header zone: headline, then up to four short lines of byline/date
    i = 0
    if pars:
        first = pars[0]
        if title and _norm(first) == _norm(title):
            i = 1
        elif not title and _looks_like_headline(first, pars[1:]) and parse_date(first) is None:
            # a headline line is only taken when a byline/date line or a real paragraph follows
            out.title = first
            i = 1
    header_budget = 4
    while i < len(pars) and header_budget > 0:
        par = pars[i]
        if "\n" in par:
            # a header block written on consecutive lines: "Lester Mason\nMay 15, 2019"
            lines = [ln.strip() for ln in par.split("\n") if ln.strip()]
            if all(_header_line(ln) is not None for ln in lines):
                for ln in lines:
                    _apply_header(out, ln, authors is not None and bool(authors), published)
                i += 1
                header_budget -= 1
                continue
            break
        kind = _header_line(par)
        if kind is None:
            break
        _apply_header(out, par, authors is not None and bool(authors), published)
        i += 1
        header_budget -= 1

    body: list[str] = []
    before = after_body = len(out.removed)
    for par in pars[i:]:
        # a paragraph written on several lines is judged line by line: a boilerplate or caption
        # line can sit inside it ("...\nFollow us on Twitter\n...")
        kept: list[str] = []
        for line in par.split("\n") if "\n" in par else [par]:
            reason = _residue(line.strip())
            if reason is None:
                kept.append(line)
            else:
                out.removed.append(Removed(line.strip(), reason))
        if kept:
            body.append("\n".join(kept).strip())
            after_body = len(out.removed)
    for r in out.removed[max(before, after_body):] if body else []:
        if r.reason in PICTURE_LINES:
            # after the last paragraph: the picture's line at the foot of the page, where a
            # scraped page keeps it, not a caption pasted into the body
            r.note = AFTER_TEXT
    if not body:
        # a text that is nothing but what reads like a caption is the text itself (a one-line
        # report: "Mourners carry the coffin ... in Gaza."), not a caption pasted into one
        mine = [r for r in out.removed[before:] if r.reason in PICTURE_LINES]
        if mine:
            out.removed = [r for r in out.removed if r not in mine]
            body = [r.text for r in mine]
    out.text = "\n\n".join(body)
    return out


#: the note on a caption or credit found after the article's last paragraph
AFTER_TEXT = "after the text"
#: the reasons a picture's line is taken out for
PICTURE_LINES = ("caption", "photo credit")


def pasted_in_body(reason: str | None, note: str | None) -> bool:
    """Whether a line taken out of an article was pasted into its body: site boilerplate, or a
    picture's caption or credit among the paragraphs (not one left after the last of them, where a
    scraped page of a real outlet keeps it)."""
    return reason == "boilerplate" or (reason in PICTURE_LINES and note != AFTER_TEXT)


def _residue(par: str) -> str | None:
    """Why a line is not part of the article, or None."""
    if not par:
        return None
    if is_photo_credit(par):
        return "photo credit"
    if is_timestamp(par):
        return "boilerplate"  # "UPDATED 6:42 PM CST, Jan. 9, 2025": the page's stamp, no picture's line
    if is_caption(par):
        return "caption"
    if is_boilerplate(par):
        return "boilerplate"
    return None


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _header_line(line: str) -> str | None:
    if parse_date(line) is not None:
        return "date"
    if parse_byline(line) is not None and _word_count(line) <= 12:
        return "byline"
    return None


def _apply_header(out: TextExtraction, line: str, authors_given: bool, published_given: str | None) -> None:
    iso = parse_date(line)
    if iso is not None:
        if not published_given and out.published is None:
            out.published = iso
        return
    names = parse_byline(line)
    if names is not None and not authors_given and not out.authors:
        out.authors = names
