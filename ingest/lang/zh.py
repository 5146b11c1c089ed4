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
