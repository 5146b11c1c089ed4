"""Chinese: the words, date forms and document shapes of UN texts, as data.

Verbs are matched on jieba tokens (spaCy's blank `zh` pipeline), so "又回顾" and
"又 回顾" (pre-segmented text) are the same.
"""

CODE = "zh"

# "2001 年 6月 13日", "2009年 8月 5日"
DATE = r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"

RELATION_VERBS = {
    "reaffirms": ["重申"],
    "recalls": ["回顾"],
}
VERB_MODIFIERS = ["又", "还", "并", "也", "再次", "再度", "一再", "尤其", "特别", "且", "进一步", "同时"]

OTHER_VERBS = """
注意到 注意 欢迎 考虑到 考虑 认识到 认识 强调 着重指出 决定 请 要求 促请 呼吁 吁请 敦促 鼓励 赞扬 赞赏 感谢 表示 深表 关切
谴责 核可 赞同 同意 确认 申明 铭记 认为 断定 深信 相信 承诺 表示支持 支持 希望 指出 建议 授权 宣布 满意地注意到 深为关切
重视 期待 邀请 审议 审查 商定 赞成 接受 通过 提请 认定 回应 遗憾 痛惜 震惊 关注 承认 意识到 坚持 保证 致力
""".split()

# Tokens that end a clause; a citing verb right after one (or at a paragraph start) governs what follows.
# Words joining two verbs of one clause ("Recalling and reaffirming", "回顾并重申").
COORDINATORS = ["并", "和", "及", "并且"]
CLAUSE_BOUNDARIES = ["，", "；", "。", "：", ",", ";", ":", "、", "并", "而且", "此外", '"', "“", "”"]
# The Council as subject may stand between a boundary and its verb ("安理会 尤其 回顾").
SUBJECTS = ["安全理事会", "安理会", "理事会", "安全", "其", "成员", "各成员", "安理会成员"]

# --- references ---------------------------------------------------------------
# "第1353(2001)号", "第 1353 2001 号" (punctuation lost), "第1327 ( 2000 ) 号", "第 48/141 号".
RESOLUTION_ITEM = r"第\s*(?P<item>\d{1,4}\s*[(（]?\s*\d(?:\s?\d){3}\s*[)）]?|\d{1,4}\s*[(（]\s*(?:E?S-)?[IVXLC]+\s*[)）]|\d{1,3}\s*/\s*\d{1,4}|[A-Z]{2}-\d+\s*/\s*\d+)\s*号"
RESOLUTION_NOUN = r"决议"
# What may stand between the items of one list: 和 、 及 以及 与, and the dates of the items.
LIST_GLUE = r"(?:\s|和|、|及|以及|与|,|，|的|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)*"
ORGANS = {
    "大会": "A",
    "经济及社会理事会": "E",
    "经社理事会": "E",
    "托管理事会": "T",
    "安全理事会": "S",
    "安理会": "S",
}
# After a list of symbols: "S/2006/507、S/2013/630 和 S/2017/507 号文件所载主席说明".
SYMBOL_LIST_TAIL = r"\s*号?\s*文件(?:(?:所载|中的|内的)?[^，。；、]{0,8}?(?P<hint>主席说明|主席声明|报告|信))?"

# References by date alone ("1994年 5月 3日 主席 声明"): {date} stands for DATE.
DATE_REFERENCES = [
    (r"{date}\s*(?:的)?\s*(?:安理会|安全\s*理事会)?\s*主席\s*声明", "PresidentialStatement"),
    (r"{date}\s*(?:的)?\s*(?:安理会|安全\s*理事会)?\s*主席\s*说明", "NoteByThePresident"),
    (r"{date}\s*(?:的)?\s*决议", "Resolution"),
    (r"{date}\s*(?:的)?\s*(?:秘书长\s*)?(?:的\s*)?报告", "Report"),
]

TYPE_HINTS = [
    (r"主席\s*声明", "PresidentialStatement"),
    (r"主席\s*说明", "NoteByThePresident"),
    (r"报告", "Report"),
    (r"信", "Letter"),
    (r"概念\s*说明", "ConceptNote"),
    (r"逐字\s*记录|简要\s*记录", "MeetingRecord"),
]

# --- the document itself ------------------------------------------------------
OWN_RESOLUTION = [
    r"^\s*第\s*(?P<number>\d{1,4})\s*[(（]?\s*(?P<year>\d{4})\s*[)）]?\s*号\s*决议\s*$",
]
ISSUED_AS = None
OWN_SYMBOL_LINE = r"^\s*(?P<symbol>S/(?:RES/\d+\s*\(\d{4}\)|PRST/\d{4}/\d+|\d{4}/\d+))\s*$"
# "2001 年 6月 13日安全理事会第 4326次会议通过"
ADOPTION = [
    DATE + r"\s*安全\s*理事会\s*第\s*(?P<meeting>\d+)\s*次\s*会议\s*(?:上\s*)?通过",
]
OWN_DATE = [
    DATE + r"\s*安全\s*理事会\s*第\s*\d+\s*次\s*会议",
]
# "安全理事会主席在 2009年 8月 5日 安全理事会第6178次会议上"
PRESIDENTIAL_STATEMENT = r"安全\s*理事会\s*主席\s*的\s*声明"
STATEMENT_MEETING = r"主席\s*在\s*" + DATE + r"\s*(?:举行\s*的\s*)?安全\s*理事会\s*第\s*(?P<meeting>\d+)\s*次\s*会议"
NOTE_BY_PRESIDENT = r"安全\s*理事会\s*主席\s*的\s*说明"
# "2019 年 6 月 27 日秘鲁常驻联合国代表给秘书长的信"
LETTER = r"^\s*" + DATE + r"\s*\S{1,40}?给\s*\S{1,20}?的\s*信\s*$"
MEETING_RECORD = r"宣布开会|简要记录|逐字记录"
SELF_REFERENCE = r"本\s*(?:决议|声明|说明|信)"

# --- the parts of a Council instrument ---------------------------------------
COUNCIL_OPENER = r"^\s*安全\s*理事会\s*[，,：:]?\s*$"
# Operative paragraphs are numbered ("1. 同意", or "3 承诺" when the full stop was lost);
# Chinese verbs do not tell preambular from operative by their form.
OPERATIVE_OPENER = r"^\s*\d{1,3}\s*[.．]?\s*(?=[\u4e00-\u9fff])"
ANNEX_HEADING = r"^\s*附\s*件\s*[一二三四五六七八九十\d]*\s*$"
# "就安理会审议的题为"联合国维持和平行动"的项目"
AGENDA_ITEM = r"审议\s*的\s*题\s*为\s*[\"“「](?P<item>[^\"”」]{2,100})[\"”」]\s*的\s*项目"

# --- layout -------------------------------------------------------------------
FURNITURE = [
    r"^\s*\d{2}-\d{4,6}\s*(?:\([A-Z]\))?\s*(?:\S+\s*)?$",
    r"^\s*[–—-]{4,}\s*$",
    r"^\s*https?://\S+\s*$",
]
PARAGRAPH_OPENER = r"^\s*(?:\d{1,3}\s*\.\s|\(?[a-z]\)\s|[㈠-㈩]|[一二三四五六七八九十]+\s*[.、．]|[A-Z]\.\s|•|附件)"
TERMINAL = "。；：！？”"
# A number after these words is not a footnote marker ("paragraph 5", "vol. 75").
NOT_A_FOOTNOTE_MARKER_AFTER = r"(?:第|段|条|章)"
FOOTNOTE_LINE = r"^\s*(?P<mark>\d{1,3})/\s+(?P<text>\S.*)$"
TRAILING_FOOTNOTE_LINE = None

# --- letters and meeting records ------------------------------------------------
# Read by ingest/correspondence.py (letters, notes verbales, concept notes) and
# ingest/records.py (summary and verbatim records). {date} and {time} stand for DATE and TIME.

# "2019 年 6 月 27 日秘鲁常驻联合国代表给秘书长的信", "…给秘书长和安全理事会主席的同文信",
# "…常驻联合国代表团给秘书长的普通照会"
LETTER_HEADING = r"^\s*(?:{date})?\s*(?P<sender>[^\s。，]{1,80}?)\s*给\s*(?P<addressee>[^\s。，]{1,60}?)\s*的\s*(?P<kind>同文信|信|普通照会)\s*$"
LETTER_KINDS = {"信": "letter", "同文信": "identical letters", "普通照会": "note verbale"}
# Who writes, as a title after the State's name ("秘鲁常驻联合国代表", "科威特常驻联合国代表团临时代办").
SENDER_TITLE = r"(?P<role>常驻联合国代表团临时代办|常驻联合国副代表|常驻联合国代表团|常驻联合国代表|常驻联合国观察员|常驻代表团临时代办|常驻副代表|常驻代表|临时代办|外交部长|外交大臣|代表团|代表)$"
ADDRESSEES = [
    (r"秘书长", "SecretaryGeneral"),
    (r"(?:安全\s*理事会|安理会)\s*主席", "PresidentOfTheSecurityCouncil"),
]
LIST_CONJUNCTIONS = ["和", "及", "以及", "与", "、", ",", "，"]
# "以安全理事会 2019 年 7 月份主席的身份", "作为安全理事会 2019 年 6 月份主席"
PRESIDENCY = r"(?:以|作为)\s*(?:安全\s*理事会|安理会)\s*(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>\d{1,2})\s*月份?\s*(?:轮值)?\s*主席"
# "下午 3 时", "下午 3 时 05 分"; the period gives the hours to add on a 24-hour clock.
TIME = r"(?P<period>上午|下午|中午|晚上)\s*(?P<hour>\d{1,2})\s*时(?:\s*(?P<minute>\d{1,2})\s*分)?"
TIME_PERIODS = {"上午": 0, "中午": 12, "下午": 12, "晚上": 12}
# Meeting formats, the longest first: "高级别公开辩论" before "公开辩论" before "辩论".
MEETING_FORMATS = [
    (r"高级别\s*公开\s*辩论", "HighLevelOpenDebate"),
    (r"公开\s*辩论", "OpenDebate"),
    (r"阿里亚\s*办法\s*会议", "ArriaFormulaMeeting"),
    (r"公开\s*通报会|情况\s*通报会|通报会", "Briefing"),
    (r"辩论", "Debate"),
]
# The sentence announcing a meeting holds a format word after one of these verbs.
ANNOUNCING_VERBS = r"举行|召开|主持|组织"
SENTENCE_END = r"[。！？]"
# "在“联合国维持和平行动”项目下", "在议程项目“维护国际和平与安全”下"
AGENDA_ITEM_IN_LETTER = r"在\s*(?:议程\s*项目\s*)?“(?P<item>[^”]{2,120})”\s*(?:议程\s*)?(?:项目\s*)?下"
# "就加强三方合作问题", "关于“冲突预防和调解”问题"
TOPIC = [
    r"关于\s*“(?P<topic>[^”]{2,120})”",
    r"就\s*“?(?P<topic>[^，。“”]{2,60}?)”?\s*(?:问题|主题|专题)",
    r"以\s*“(?P<topic>[^”]{2,120})”\s*为\s*(?:主题|题)",
]
# "…给秘书长的信的附件", "附件", "附件一"
LETTER_ANNEX_HEADING = r"^\s*(?:[^\n。]{0,160}?的\s*(?:同文信|信|普通照会)\s*的\s*)?附件\s*[一二三四五六七八九十]*\s*$"
CONCEPT_NOTE = r"概念\s*说明"
# The signature closing a letter: "古斯塔沃·梅萨-夸德拉(签名)"; the titles stand on the lines before it.
SIGNATURE = r"^\s*(?P<name>[^\s。；，(][^。；，(]{0,40}?)\s*\(\s*签名\s*\)\s*$"
SIGNATURE_TITLES_POSITION = "before"
SIGNATORY_TITLE = r"大使|常驻(?:联合国)?(?:副)?代表|临时代办|常驻(?:联合国)?观察员|外交部长|外交大臣|部长|代表团团长|代表"
# "五. 通报人", then "• 让-皮埃尔·拉克鲁瓦，主管维持和平行动事务副秘书长"
BRIEFERS_HEADING = r"^\s*(?:[一二三四五六七八九十]+\s*[.、．]\s*|[A-Z]\.\s*|\d{1,2}\.\s*)?(?:通报人|通报者|情况通报人)\s*[:：]?\s*$"
LIST_ITEM = r"^\s*[•·▪\-–—]\s*(?P<item>\S.*)$"
NAME_AND_ROLE = r"^(?P<name>[^，,]{1,60}?)\s*[，,]\s*(?P<role>\S.*)$"
# Names are told from descriptions by these marks: a middle dot or Latin letters.
PERSON_NAME = r"·|[A-Za-z]"
# "由秘书长和长者会向安全理事会通报情况"
BRIEFERS_INLINE = r"由\s*(?P<list>[^，。；：]{2,120}?)\s*向\s*(?:安全\s*理事会|安理会)\s*(?:作|进行)?\s*通报"

# --- meeting records
MEETING_OPENED = [r"{time}\s*(?:宣布)?开会", r"会议于\s*{time}\s*(?:宣布)?开(?:会|始)"]
MEETING_SUSPENDED = [r"会议于\s*{time}\s*暂停", r"{time}\s*会议\s*暂停"]
MEETING_RESUMED = [r"会议于\s*{time}\s*(?:复会|恢复)", r"{time}\s*(?:会议\s*)?(?:复会|恢复)"]
MEETING_CLOSED = [r"会议于\s*{time}\s*(?:散会|结束)", r"{time}\s*(?:会议\s*)?散会"]
# "议程项目 51：整个维持和平行动问题所有方面的全盘审查(续)"
RECORD_AGENDA_ITEM = r"议程\s*项目\s*(?P<number>\d{1,3})\s*[:：]\s*(?P<title>[^\n]+?)\s*(?:\(续\))?\s*$"
# Header lines of a record (before the meeting is opened).
RECORD_ORGAN = r"^\s*(?P<organ>大\s*会|安全\s*理事会|经济及社会理事会)\s*$"
RECORD_COMMITTEE = r"^\s*(?P<committee>[^\s，。：]{0,40}委员会(?:\s*\(\s*第[一二三四五六]委员会\s*\))?)\s*$"
RECORD_NUMBER = r"第\s*(?P<number>\d{1,5})\s*次\s*会议"
# "主席： Alfarargi 先生 ........(埃及)"
RECORD_CHAIR = r"^\s*主席\s*[:：]\s*(?P<chair>.+?)(?:\s*[.…]{3,}\s*|\s*)\((?P<delegation>[^)]+)\)\s*$"
# Paragraph numbers of summary records: "1.", "36." (also run on after a sentence).
PARAGRAPH_NUMBER = r"(?:^|(?<=\n\n)|(?<=[。；！？”]))\s*(?P<number>\d{1,3})\s*\.(?!\d)\s*"
# A summary record's speaker: "哈雷先生(主管业务支助事务副秘书长)说，",
# "Nasir 先生(印度尼西亚)代表东南亚国家联盟(东盟)发言，他说，", "Larsen先生(澳大利亚)也代表加拿大和新西兰发言"
SPEAKER = r"(?P<name>[^()，。；：:\d][^()，。；：:]{0,60}?)\s*(?P<honorific>先生|女士|夫人|小姐|阁下)\s*\((?P<bracket>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?:(?:以\S{1,6}发言)\s*)?(?:\((?:以\S{1,6}发言)\)\s*)?(?:(?P<also>也|还)?\s*代表\s*(?P<group>.+?)\s*发言\s*[，,]?\s*)?(?:(?:他|她)\s*)?(?P<verb>说|指出|表示|问|：|:)"
# "主席请委员会…", "主席说，…"; in verbatim records "主席：…"
CHAIR_SPEAKER = r"(?P<chair>代理主席|副主席|主席)\s*(?:\((?P<bracket>[^()]*)\)\s*)?(?P<verb>请|说|宣布|指出|表示|提议|建议|通知|欢迎|提请|感谢|回顾|：|:)"
# In a verbatim record the group is named in the speech: "我谨代表不结盟运动发言"
GROUP_IN_SPEECH = r"(?:我|本代表团)\s*(?:谨|现在)?\s*(?P<also>也|还)?\s*代表\s*(?P<group>[^，。；]{2,80}?)\s*发言"
# Words that make a bracket after a speaker's name a title, not a delegation.
ROLE_WORDS = r"秘书长|司长|主任|代表|观察员|主席|部长|专员|顾问|特使|协调员|指挥官|首长|负责人|署长|处长|局长|总监|主管|法官|报告员|干事"
# "欧洲联盟代表，以观察员身份" -> the delegation is the European Union.
DELEGATION_IN_ROLE = r"^(?P<delegation>[^，,]{2,40}?)(?:常驻)?(?:代表|观察员)(?:[，,].*)?$"
