"""English: the words, date forms and document shapes of UN texts, as data.

The extraction engine (ingest.references, ingest.clauses, ingest.metadata) reads
these tables; nothing here is code that decides.
"""

CODE = "en"

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

# "4 March 1994", "4 March, 1994"; OCR sometimes drops the space before the year.
DATE = r"(?P<day>\d{1,2})\s+(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s*,?\s*(?P<year>(?:19|20)\d\d)"

# In a list of resolutions the year is often given once, after the last item, and OCR damages
# month names: "353 (1974) of 20 July, 354 (1974) of 23 July, and 355 (1974) of 1 August 1974",
# "187 (1964) of 13, March", "207 (1965) of 10 Au- gust".
DATE_IN_LIST = r"\d{1,2},?\s+[A-Z][a-z]+(?:-\s?[a-z]+)?(?:\s*,?\s*(?:19|20)\d\d)?"

# --- citing verbs -------------------------------------------------------------
# Lower-case forms of the verbs that open a clause in a Council instrument, with
# the relation each gives to references inside its clause.
RELATION_VERBS = {
    "reaffirms": ["reaffirming", "reaffirms", "reaffirm", "reaffirmed"],
    "recalls": ["recalling", "recalls", "recall"],
}
# Adverbs that may stand before or after a citing verb without changing it.
VERB_MODIFIERS = ["also", "further", "again", "once", "more", "moreover", "therefore", "strongly", "firmly", "formally", "solemnly", "expressly", "in", "particular", "especially"]

# Other verbs and phrases that open a clause: they end the clause of a citing verb
# before them, and give "cites" to the references they govern. Sources: the
# preambular and operative phrases of the UN Editorial Manual and the corpus of
# Security Council decisions.
OTHER_VERBS = """
accepting acknowledging acting adopting affirming alarmed anxious appealing appeals appreciating approving
approves authorizes authorizing aware bearing believing calls commending commends concerned condemning condemns
confirming confirms conscious considering considers contemplating convinced declaring declares decides deciding
deploring deplores deeply demanding demands desiring determined determining directs emphasizing emphasises
emphasizes emphasising entrusts entrusting encourages encouraging endorses endorsing expressing expresses gravely having
hoping insists instructs invites inviting keeping looking mindful noting notes observing paying praising
proclaiming reiterating reiterates regretting regrets rejecting rejects reminding reminds renewing renews
requests requesting resolving resolved seeking stressing stresses supporting supports taking takes
underlining underlines underscoring underscores urges urging viewing welcoming welcomes wishing agrees agreeing
approve believes authorises recognizing recognizes recognising recognises regards recommending recommends
solemnly suggests trusting warns warning endeavouring calls highlighting highlights pledging pledges
acknowledges affirms appreciates commits committing considering
""".split()

# Words that may stand between a clause boundary and the verb ("and, in this regard, recalling").
# Words joining two verbs of one clause ("Recalling and reaffirming", "回顾并重申").
COORDINATORS = ["and"]
CLAUSE_BOUNDARIES = [",", ";", ":", "and", ".", '"', "“", "”"]

# --- references ---------------------------------------------------------------
RESOLUTION_NOUN = r"resolutions?"
# A resolution item: "1353 (2001)", "181 (II)", "48/141", "ES-10/2"; OCR may drop the space.
ORGANS = {
    "general assembly": "A",
    "assembly": "A",
    "economic and social council": "E",
    "trusteeship council": "T",
    "security council": "S",
    "council": "S",
}
# Separators between the items of one list of references.
# OCR turns commas into full stops, and sometimes loses them ("450 (1979)\n489 (1979)").
LIST_SEPARATORS = r"(?:\s*[,.]\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*;\s*|\s+)"

# References by date alone ("the statement by its President of 3 August 2011"): {date} stands for DATE.
DATE_REFERENCES = [
    (r"statements?\s+(?:made\s+)?by\s+(?:the|its)\s+President(?:\s+of\s+the\s+(?:Security\s+)?Council)?(?:\s+on\s+its\s+behalf)?,?\s+(?:of|dated|on)\s+{date}", "PresidentialStatement"),
    (r"presidential\s+statements?\s+(?:of|dated)\s+{date}", "PresidentialStatement"),
    (r"notes?\s+by\s+(?:the|its)\s+President(?:\s+of\s+the\s+(?:Security\s+)?Council)?\s+(?:of|dated)\s+{date}", "NoteByThePresident"),
    (r"resolutions?\s+(?:adopted\s+)?(?:of|on)\s+{date}", "Resolution"),
    (r"reports?\s+of\s+the\s+Secretary-General\s+(?:of|dated)\s+{date}", "Report"),
]

# Nouns in front of a symbol that say what kind of document it is (nearest wins).
TYPE_HINTS = [
    (r"statements?\s+(?:made\s+)?(?:by|of)\s+(?:the|its)\s+President|presidential\s+statements?", "PresidentialStatement"),
    (r"notes?\s+by\s+(?:the|its)\s+President", "NoteByThePresident"),
    (r"reports?", "Report"),
    (r"letters?", "Letter"),
    (r"concept\s+note", "ConceptNote"),
    (r"verbatim\s+records?|provisional\s+records?|summary\s+records?", "MeetingRecord"),
]

# --- the document itself ------------------------------------------------------
# Headings and formulas that state a document's own identity.
OWN_RESOLUTION = [
    r"^\s*RESOLUTION\s+(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)",
    r"^\s*Resolution\s+(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)",
    r"^\s*(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)\s*\.?\s*Resolution\s+of",
]
# Older resolutions print, under their heading, the symbol of the document they were issued as:
# "106 (1955). Resolution of 29 March 1955 [S/3378]". It names the resolution itself.
# OCR may damage the brackets: "(S/525, I]".
ISSUED_AS = r"^.{0,120}[\[(]\s*(?P<symbol>S/\s?\d{2,5}(?:/(?:Rev|Add|Corr)\.\s?\d+)*)[^\]\n)]{0,5}[\])]"
OWN_SYMBOL_LINE = r"^\s*(?P<symbol>S/(?:RES/\d+\s*\(\d{4}\)|PRST/\d{4}/\d+|\d{4}/\d+))\s*$"
ADOPTION = [
    # "Adopted by the Security Council at its 3347th meeting", "Adopted unanimously at the 1243rd_ meeting",
    # and OCR-damaged forms ("Adopted without a vate ai the 3044th meeting").
    r"(?:Adopted|Approved)\b[^.;]{0,80}?\b(?P<meeting>\d[\d ]{0,6}?)\s*(?:st|nd|rd|th)[\W_]{0,3}\s*meeting",
    # A heading that lost the word: "... at its 2936th meeting, on 31 July 1990"
    r"^[^.;]{0,60}\bat\s+its\s+(?P<meeting>\d{1,5})\s*(?:st|nd|rd|th)\s+meeting,?\s+on\s+" + DATE,
]
OWN_DATE = [
    r"\bResolution\s+(?:\d{1,4}\s*\(\d{4}\)\s*\.?\s*)?(?:Resolution\s+)?of\s+" + DATE,
    r"Adopted\b[^.;]{0,100}?meeting,?\s+(?:held\s+)?on\s+" + DATE,
]
# "at its 6178th meeting, held on 5 August 2009" (presidential statements)
# "At the 6178th meeting of the Security Council, held on 5 August 2009, ..."
STATEMENT_MEETING = (
    r"at\s+(?:its|the)\s+(?P<meeting>\d+)\s*(?:st|nd|rd|th)\s+meeting(?:\s+of\s+the\s+Security\s+Council)?,?\s+held\s+on\s+"
    + DATE
)
PRESIDENTIAL_STATEMENT = r"Statement\s+by\s+the\s+President\s+of\s+the\s+Security\s+Council"
NOTE_BY_PRESIDENT = r"Note\s+by\s+the\s+President\s+of\s+the\s+Security\s+Council"
LETTER = r"^\s*Letter\s+dated\s+" + DATE + r".{0,300}?\s+addressed\s+to"
MEETING_RECORD = r"^\s*(?:The\s+meeting\s+was\s+called\s+to\s+order|Summary\s+record\s+of\s+the)"
# Phrases that name the document itself and are never citations.
SELF_REFERENCE = r"\b(?:the\s+present|this)\s+(?:resolution|statement|note|letter)\b"

# --- layout -------------------------------------------------------------------
# Lines that are page furniture, not text: job numbers, page numbers, distribution marks.
FURNITURE = [
    r"^\s*\d{2}-\d{4,6}\s*(?:\([A-Z]\))?\s*(?:\S+\s*)?$",
    r"^\s*Page\s+\d+\s*$",
    r"^\s*-\s*\d+\s*-\s*$",
    r"^\s*Distr\.?:?\s*(?:GENERAL|General|LIMITED)?.*$",
    r"^\s*(?:GENERAL|UNITED NATIONS|United Nations)\s*$",
    r"^\s*\*\s*\d+\s*\*\s*$",
]
# A line that opens a new paragraph even without a blank line before it.
PARAGRAPH_OPENER = r"^\s*(?:\d{1,3}\s*\.\s|\([a-z]{1,4}\)\s|\([ivx]+\)\s|[-—–•]\s|[A-Z]\.\s)"
# Text that ends a sentence or a clause at the end of a line.
TERMINAL = ".;:,?!)"
# Footnotes in the texts: "1/ S/1994/262." (slash style) or, at the end, "5 United Nations, ...".
# A number after these words is not a footnote marker ("paragraph 5", "vol. 75").
NOT_A_FOOTNOTE_MARKER_AFTER = r"(?:paragraph|article|chapter|no\.|vol\.|page|annex|section)"
FOOTNOTE_LINE = r"^\s*(?P<mark>\d{1,3})/\s+(?P<text>\S.*)$"
TRAILING_FOOTNOTE_LINE = r"^\s*(?P<mark>\d{1,3})\s+(?P<text>[A-Z\"'(][^.]{2}.*)$"
