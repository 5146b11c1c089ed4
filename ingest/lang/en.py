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

# --- the parts of a Council instrument ---------------------------------------
# The line that opens the body of a resolution: "The Security Council,".
COUNCIL_OPENER = r"^\s*The\s+Security\s+Council\s*[,.:]?\s*$"
# An operative paragraph opens with a number ("1. Calls upon") or, unnumbered, with a verb in the
# third person ("Decides to call ...", "Further requests ..."); preambular ones with "-ing" forms
# and adjectives ("Recalling", "Deeply concerned") and never with a number.
OPERATIVE_OPENER = r"^\s*(?:\d{1,3}\s*\.\s|(?:(?:Also|Further|Again|Once\s+again|Strongly|Hereby|Formally|Solemnly|Finally)\s+)?[A-Z][a-z]*[^su\W]s\b)"
ANNEX_HEADING = r"^\s*(?:ANNEX|Annex|APPENDIX|Appendix)(?:\s+[IVX\d]+)?\s*$"
# "in connection with the Council's consideration of the item entitled "…""
AGENDA_ITEM = r"consideration\s+of\s+the\s+item\s+entitled\s*[\"“'‘](?P<item>[^\"”’]{3,200})[\"”'’]"

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

# --- letters and meeting records ------------------------------------------------
# Read by ingest/correspondence.py (letters, notes verbales, concept notes) and
# ingest/records.py (summary and verbatim records). {date} and {time} stand for DATE and TIME.

# "Letter dated 27 June 2019 from the Permanent Representative of Peru to the United Nations addressed to
# the Secretary-General", "Identical letters dated … addressed to the Secretary-General and the President of
# the Security Council", "Note verbale dated … from the Permanent Mission of … to the United Nations addressed to …"
LETTER_HEADING = r"^\s*(?P<kind>Letter|Identical\s+letters|Note\s+verbale)\s+dated\s+{date}\s+from\s+(?P<sender>.{3,300}?)\s+addressed\s+to\s+(?P<addressee>.{3,200}?)\s*$"
LETTER_KINDS = {"letter": "letter", "identical letters": "identical letters", "note verbale": "note verbale"}
# "the Permanent Representative of Peru to the United Nations",
# "the Chargé d'affaires a.i. of the Permanent Mission of Kuwait to the United Nations"
SENDER_TITLE = r"^(?:the\s+)?(?P<role>[A-Z][^,]{2,80}?)\s+of\s+(?:the\s+Permanent\s+Mission\s+of\s+)?(?P<state>.+?)(?:\s+to\s+the\s+United\s+Nations)?$"
ADDRESSEES = [
    (r"(?:the\s+)?Secretary-General", "SecretaryGeneral"),
    (r"(?:the\s+)?President\s+of\s+the\s+Security\s+Council", "PresidentOfTheSecurityCouncil"),
]
LIST_CONJUNCTIONS = ["and", ",", "as well as"]
# "in my capacity as President of the Security Council for the month of July 2019",
# "as Kuwait holds the presidency of the Security Council for the month of June 2019"
PRESIDENCY = r"(?:President\s+of\s+the\s+Security\s+Council|presidency\s+of\s+the\s+Security\s+Council)\s+(?:for|in|during)\s+(?:the\s+month\s+of\s+)?(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s*,?\s*(?P<year>(?:19|20)\d\d))?"
# "3 p.m.", "10.30 a.m.", "12 noon"
TIME = r"(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<period>a\.\s?m\.|p\.\s?m\.|noon)"
TIME_PERIODS = {"a.m.": 0, "p.m.": 12, "noon": 12}
MEETING_FORMATS = [
    (r"high-level\s+open\s+debate", "HighLevelOpenDebate"),
    (r"open\s+debate", "OpenDebate"),
    (r"Arria[-\s]formula\s+meeting", "ArriaFormulaMeeting"),
    (r"(?:open\s+)?briefing", "Briefing"),
    (r"debate", "Debate"),
]
ANNOUNCING_VERBS = r"\b(?:hold|holds|convene|convenes|organize|organise|organizes|organises|host|hosts|chair|will\s+be\s+held)\b"
SENTENCE_END = r"\.(?=\s+[A-Z\"“]|\s*$)"
# 'under the agenda item "United Nations peacekeeping operations"'
AGENDA_ITEM_IN_LETTER = r"under\s+the\s+(?:agenda\s+)?item\s+(?:entitled\s+)?[\"“](?P<item>[^\"”]{2,160})[\"”]"
TOPIC = [
    r"on\s+the\s+(?:theme|topic|subject)\s+(?:of\s+)?[\"“](?P<topic>[^\"”]{2,160})[\"”]",
    r"(?:debate|briefing|meeting)\s+(?:entitled|on)\s+[\"“](?P<topic>[^\"”]{2,160})[\"”]",
]
LETTER_ANNEX_HEADING = r"^\s*Annex(?:\s+[IVX]+|\s+\d+)?(?:\s+to\s+the\s+(?:identical\s+)?(?:letters?|note\s+verbale)\s+dated\s+.{0,300})?\s*$"
CONCEPT_NOTE = r"\bconcept\s+(?:note|paper)\b"
# "(Signed) Gustavo Meza-Cuadra", the titles on the lines after it ("Ambassador", "Permanent Representative").
SIGNATURE = r"^\s*\(\s*Signed\s*\)\s*(?P<name>.+?)\s*$"
SIGNATURE_TITLES_POSITION = "after"
SIGNATORY_TITLE = r"Ambassador|(?:Deputy\s+)?Permanent\s+(?:Representative|Observer)|Charg[ée]\s+d[’']affaires(?:\s+a\.\s?i\.)?|Minister\s+(?:for|of)\s+Foreign\s+Affairs|Minister|Representative"
BRIEFERS_HEADING = r"^\s*(?:[IVX]+\.\s*|[A-Z]\.\s*|\d{1,2}\.\s*)?(?:Briefers|Briefer|Speakers)\s*:?\s*$"
LIST_ITEM = r"^\s*[•·▪\-–—]\s*(?P<item>\S.*)$"
NAME_AND_ROLE = r"^(?P<name>[^,]{1,80}?)\s*,\s*(?P<role>\S.*)$"
PERSON_NAME = r"^(?:Mr\.|Ms\.|Mrs\.|Dr\.|H\.E\.|Sir|Dame|Professor)?\s*(?:[A-Z][\w'’.-]+\s+){1,4}[A-Z][\w'’-]+$"
BRIEFERS_INLINE = r"(?:(?:will\s+be\s+)?briefed\s+by|briefings?\s+(?:will\s+be\s+(?:given|provided)\s+)?by)\s+(?P<list>[^.;:]{2,200}?)\s*(?:\.|;|:|$)"

# --- meeting records
MEETING_OPENED = [r"(?:meeting|session)\s+was\s+(?:called\s+to\s+order|opened)\s+at\s+{time}", r"meeting\s+(?:began|commenced)\s+at\s+{time}"]
MEETING_SUSPENDED = [r"(?:meeting\s+was\s+)?suspended\s+at\s+{time}"]
MEETING_RESUMED = [r"(?:meeting\s+was\s+)?resumed\s+at\s+{time}"]
MEETING_CLOSED = [r"meeting\s+(?:rose|was\s+adjourned|ended)\s+at\s+{time}"]
# "Agenda item 51: Comprehensive review of the whole question of peacekeeping operations in all their aspects (continued)"
RECORD_AGENDA_ITEM = r"Agenda\s+item\s+(?P<number>\d{1,3})\s*[:.]?\s*(?P<title>[^\n]+?)\s*(?:\((?:continued)\))?\s*$"
RECORD_ORGAN = r"^\s*(?P<organ>General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council)\b"
RECORD_COMMITTEE = r"(?P<committee>(?:Special\s+Political\s+and\s+Decolonization|Disarmament\s+and\s+International\s+Security|Economic\s+and\s+Financial|Social,\s+Humanitarian\s+and\s+Cultural|Administrative\s+and\s+Budgetary|Legal|(?:First|Second|Third|Fourth|Fifth|Sixth))\s+Committee(?:\s*\(\s*(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee\s*\))?|Special\s+Committee\s+on\s+[A-Z][A-Za-z ]{3,80}?(?=\s*$|\s+Summary|\s+\d))"
RECORD_NUMBER = r"(?P<number>\d{1,5})\s*(?:st|nd|rd|th)\s+meeting"
# "Chair: Mr. Alfarargi ........ (Egypt)"
RECORD_CHAIR = r"^\s*(?:Chair|Chairman|Chairperson|President)\s*:\s*(?P<chair>.+?)(?:\s*[.…]{3,}\s*|\s+)\((?P<delegation>[^)]+)\)\s*$"
PARAGRAPH_NUMBER = r"(?:^|(?<=\n\n)|(?<=[.;!?”]\s))\s*(?P<number>\d{1,3})\s*\.(?!\d)\s*"
# "Mr. Khare (Under-Secretary-General for Operational Support) said that",
# "Ms. Ouazzani Chahdi (Morocco), speaking on behalf of the Non-Aligned Movement, said that",
# "Mr. Larsen (Australia), speaking also on behalf of Canada and New Zealand, said that";
# verbatim records: "Mr. Nebenzia (Russian Federation) (spoke in Russian):"
SPEAKER = r"(?P<honorific>Mr\.|Ms\.|Mrs\.|Miss|Mme\.|Dame|Sir|Dr\.|Archbishop|Monsignor|Cardinal|Prince|Princess|Sheikh|Sheikha|Lord|Baroness)\s+(?P<name>[^(:]{1,60}?)\s*\((?P<bracket>[^()]*(?:\([^()]*\)[^()]*)*)\)(?:\s*\(spoke\s+in\s+\w+\))?\s*(?:,\s*speaking\s+(?P<also>also\s+)?on\s+behalf\s+of\s+(?P<group>.+?)\s*,\s*)?(?P<verb>said|asked|noted|recalled|welcomed|expressed|stressed|:)"
CHAIR_SPEAKER = r"The\s+(?P<chair>Acting\s+Chair|Vice-Chair|Chair|Chairman|Chairperson|Chairwoman|Acting\s+President|President)\s*(?:\((?P<bracket>[^()]*)\)\s*)?(?:\(spoke\s+in\s+\w+\)\s*)?(?P<verb>said|invited|announced|drew|recalled|noted|suggested|proposed|welcomed|informed|declared|took|:)"
GROUP_IN_SPEECH = r"\b(?:I|we|my\s+delegation)\s+(?:have\s+the\s+honour\s+to\s+|am\s+|are\s+)?(?:speak|speaking|make\s+this\s+statement|deliver\s+this\s+statement)\s+(?P<also>also\s+)?on\s+behalf\s+of\s+(?P<group>[^.,;:]{2,120})"
ROLE_WORDS = r"Secretary-General|Under-Secretary|Assistant|Director|Chief|Head|Representative|Observer|Chair|President|Minister|Commissioner|Envoy|Adviser|Advisor|Coordinator|Commander|Officer|Rapporteur|Judge|Special|Deputy|Executive|Controller|Administrator"
DELEGATION_IN_ROLE = r"^(?:Permanent\s+)?(?:Observer|Representative)\s+(?:for|of)\s+(?P<delegation>.+?)$"
