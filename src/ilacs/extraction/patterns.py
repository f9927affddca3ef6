"""Patterns of Ofsted's printed reports shared by the parsers: headings, lists, sentences.

Each pattern names the layouts it serves; none is keyed to one council or one file.
"""

from __future__ import annotations

import re

APOS = "[’'`]"
GRADES = r"(?:requires? improvement(?: to be good)?|good|outstanding|inadequate|adequate)"


PARA_RE = re.compile(r"^(?P<num>\d{1,3})\.\s*(?=\S)(?P<text>.*)$")
SENTENCE_END = re.compile(r"[.!?;:][’”'\")\]]*\s*$|\)\s*\.?$")
ROW_START = re.compile(r"^\d(?:\.\d)?\.?\s")
REC_HEAD = re.compile(
    r"^(?:what needs to improve(?: in this local authority)?\s*\??|recommendations|"
    r"areas for improvement|priority and immediate action|areas? for priority action|"
    r"what does the (?:local authority|lscb|board|local safeguarding children board) need to "
    r"improve\s*\??)\s*[.:]?$",
    re.I,
)
# Sub-headings inside an improvement list that start a new part of the same list
REC_SUBHEAD = re.compile(r"^(?:areas for improvement|priority and immediate action)\s*:?$", re.I)
TIMESCALE = re.compile(
    r"^(?:immediately|within \w+ (?:months?|weeks?)|in the (?:longer|medium|short) term|"
    r"by \w+ \d{4})\s*:?$",
    re.I,
)
# Section headings that always end a list or a paragraph.
SECTION_HEADINGS = re.compile(
    r"^(?:summary|executive summary|summary of (?:key )?findings|contents|key findings|"
    r"information about this (?:inspection|local authority area|review|area)|"
    r"what does the .{2,40} need to improve\??|what needs to improve.*|recommendations|"
    r"record of main findings|section \d.*|summary for children and young people|"
    r"about this inspection|service information|overall effectiveness.*|"
    r"capacity (?:to|for) improve.*|outcomes for .*|quality of provision.*|"
    r"leadership and management.*|the inspection team|what the inspection judge?ments mean.*|"
    r"inspection findings.*|the (?:experiences and progress|impact of leaders) .*|"
    r"the local safeguarding children board.*|the effectiveness of the local safeguarding .*|"
    r"review of the effectiveness of .*|inspection judge?ments? about .*|"
    r"the inspection judgements and what they mean|children (?:who need help|looked after) .*|"
    r"adoption performance.*|experiences and progress of care leavers.*|"
    r"leadership, management and governance.*|the .{2,40}[’']s strengths|"
    r"progress since the last inspection|key strengths and weaknesses.*|"
    r"children living in this area|child protection in this area|"
    r"children looked after in this area|other (?:inspection|relevant) .*|"
    r"the effectiveness of (?:the )?(?:board|lscb).*|information about this review|"
    r"what the inspection judgements mean.*|the graded judge?ments? (?:for|about|on) .*|"
    r"key judge?ments?(?: judge?ment grade)?)$",
    re.I,
)
# Headings that never head a topic inside an improvement list
MAJOR_SECTIONS = re.compile(
    r"(?i)^(?:the .{2,40}[’']s strengths|strengths|areas of strength|summary.*|"
    r"information about.*|progress since.*|"
    r"key strengths.*|inspection (?:judge?ments?|findings).*|what the inspection.*|"
    r"the inspection team|executive summary|contents|the experiences and progress.*|"
    r"the impact of leaders.*|the local safeguarding children board.*|section \d.*|"
    r"what does the .{2,40} need to improve\??|what needs to improve.*|recommendations)$"
)
# The sections paragraphs are cited under (ILACS, SIF and 2012-13 layouts)
SECTION_NAMES = re.compile(
    r"(?i)^(?:the experiences and progress of .{5,90}|the impact of leaders .{5,80}|"
    r"leadership, management and governance|leadership and management|adoption performance|"
    r"experiences and progress of care leavers|children who need help and protection|"
    r"children looked after and achieving permanence|"
    r"(?:section \d:? )?the (?:local )?safeguarding children board(?: \(lscb\))?|"
    r"inspection findings\s*[–—─-]\s*the local safeguarding children board|"
    r"(?:section \d:? )?the local authority|summary of (?:key )?findings|about this inspection|"
    r"service information|overall effectiveness.{0,80}|capacity (?:to|for) improve(?:ment)?|"
    r"outcomes for (?:looked after )?children and young people|quality of provision|"
    r"areas for improvement|"
    r"the .{2,30}[’']s strengths|progress since the last inspection|"
    r"information about this local authority area|inspection judge?ments? about the .{3,40}|"
    r"key strengths and weaknesses of the .{3,60}|"
    r"the effectiveness of the (?:local safeguarding children board|lscb|board)(?: \(lscb\))?)$"
)


def canonical_section(heading: str) -> str | None:
    """The name of a report section from its heading, or None for any other heading."""
    text = re.split(r"(?<=[a-z)])\.\s", heading, maxsplit=1)[0]  # never a following sentence
    text = strip_grade(re.sub(r"\s+\d{1,3}$", "", text)).rstrip(".")
    text = re.sub(r"\s+(?:is|are)$", "", text)
    return text if SECTION_NAMES.match(text) else None


BACK_MATTER = re.compile(
    r"^(?:if you are not happy with the inspection|the office for standards in education|"
    r"ofsted produces this report|©\s*crown copyright|this publication is available at|"
    r"if you would like a copy of this document|you can use this information to)",
    re.I,
)
ACTION_START = re.compile(
    r"(?i)^(?:ensure|improve|review|strengthen|develop|establish|take|increase|reduce|implement|"
    r"continue|provide|make|embed|monitor|evaluate|consider|undertake|complete|identify|raise|"
    r"use|work|address|set|put|clarify|secure|build|extend|enable|promote|prioritise|audit|"
    r"analyse|record|agree|engage|challenge|support|maintain|respond|hold|introduce|revise|"
    r"update|assess|streamline|collate|create|offer|produce|publish|recruit|reinforce|seek|"
    r"\w+ly|urgently|swiftly|robustly|"
    r"share|target|senior|leaders|managers|social workers|partners)\b"
)
# "16. There are no areas of priority action." is a numbered line, not an action
NOTHING_TO_DO = re.compile(
    r"(?i)^(?:there (?:are|were) no (?:areas|priority)|the inspection did not (?:find|identify) any"
    r"|no areas (?:of|for) priority|no areas were identified|none\.?$)"
)
FRAMEWORK = re.compile(r"\((?P<ref>[^()]*national framework)\)\s*\.?$", re.I)
LSCB_SENTENCE = re.compile(
    r"^(?:the\s+)?(?:effectiveness\s+of\s+the\s+)?local\s+safeguarding\s+children\s+board\b", re.I
)
LSCB_SECTION = re.compile(
    r"^(?:section 2\b.*|the local safeguarding children board(?: \(lscb\))?|"
    r"(?:review|inspection) of the effectiveness of the local safeguarding\b.*|"
    r"the effectiveness of the local safeguarding children board.*|"
    r"the local safeguarding children board (?:is|requires).*|"
    r"(?:the )?local safeguarding children board\s*(?:\(lscb\))?\s*)$",
    re.I,
)
INSPECTOR = re.compile(
    r"^(?:lead\s+inspectors?|reporting\s+inspectors?|lead\s+hmi)\b(?:\s+on\s+site)?\s*:?\s*"
    r"(?P<name>.*)$",
    re.I,
)
PUBLISHED = re.compile(
    r"^(?:report\s+published|date\s+published|published|publication\s+date|date\s+of\s+report|"
    r"report\s+date)\s*:?\s*(?P<date>.+)$",
    re.I,
)
TABLE_HEAD = re.compile(r"^judgements?\s*grades?$", re.I)
MAIN_FINDINGS = re.compile(r"^record of main findings\s*:?$", re.I)


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines; a line-end hyphen inside a word keeps the hyphen ("pre-proceedings")."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out.endswith("-") and not out.endswith(" -") and re.match(r"[a-z]", p):
            out += p
        else:
            out = f"{out} {p}" if out else p
    return re.sub(r"\s+", " ", out).strip()


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def strip_grade(title: str) -> str:
    """'The experiences ... protection: requires improvement to be good' -> the name alone."""
    title = re.sub(rf"\s*(?::|\bis\b|\bare\b)?\s*{GRADES}\s*\.?$", "", title, flags=re.I)
    title = re.sub(r"\s+requires?(?: improvement)?(?: to be)?$", "", title, flags=re.I)
    return title.strip(" :")


FINDING_START = re.compile(
    r"(?i)^(?:the|a|an|this|these|there|it|its|in|most|many|some|all|children|young|since|"
    r"following|over|during|at|when|while|although|despite|overall|inspectors|no)\b"
)


def reads_as_action(text: str) -> bool:
    """Does an item read as something to do ("Ensure ...", "Leaders should ...") rather than as
    a finding ("The board demonstrates ...")? Imperatives are the rule in improvement lists."""
    head = text[:160]
    if re.search(r"\b(?:should|must|needs? to|is to|are to|will need)\b", head):
        return True
    if re.match(r"(?i)^(?:the|all) [\w’' ,]{2,60}? to [a-z]+\b", head):
        return True  # "The local authority to work with partners ..."
    return not FINDING_START.match(head)
