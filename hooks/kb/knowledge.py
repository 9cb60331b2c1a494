"""From normalised documents to knowledge: whole facts attached to the topics they are about.

A fact is a unit of a note: its statement (a list item, a paragraph, a table row, a card read as a
statement), its subject (explicit, or restored from the headings and parent items it sits under),
the blocks it introduces (a list, code, a formula or a table after a closing colon) and every place
it came from. It goes on the topics it is about: the entity it opens with, else the entity of the
items and headings above it; a name further on is a mention, not a topic. Practice questions,
their options and tables of contents are never facts. Headings that name a thing the catalog lacks
("DMS - Database Migration Service", "BERT") become topics of their own. Near-identical facts are
merged into one that cites every source; facts that disagree are both kept, the current one marked.
"""
from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from . import model as m
from .anchors import block_anchors
from .catalog import Entity
from .inline import plain_text as markdown_to_plain
from .matcher import Joined, Matcher, Mention, is_acronym
from .note_memory import read_notes, remember_mentions
from .readers.text import Scanner
from .slug import slugify
from .status import entity_status

CLOZE = re.compile(r"_{3,}")
# The same note text is read as plain words many times (placement, labels, merging): once is enough.
plain_text = lru_cache(maxsize=1 << 16)(markdown_to_plain)
STOP = frozenset(
    "a an the and or of to in on for with by is are be can it its this that as at from you your "
    "we our they their which when what how use used using will into than then also only not".split()
)
TOKEN = re.compile(r"[a-z0-9]+")
NUMBER = re.compile(r"\d[\d,.]*\s*(?:%|[kKMGT]i?B|MB/s|KB|GB|TB|ms|s|sec|seconds?|minutes?|hours?|days?|years?|x)\b")
COMPARE = re.compile(r"\b(?:vs\.?|versus|compared|instead of|unlike|whereas|better than|rather than|differs?)\b", re.I)
TIP = re.compile(r"\b(?:exam|tip|remember|choose|pick|prefer|should|must|never|always|avoid|best practice)\b", re.I)
DEFINES = re.compile(r"^([^.:;]{0,80}?)\b(?:is|are|refers to|stands for|describes|means)\s+(?!not\b)", re.I)
# "The lower the loss, the better …", "Verify data distributions are …": not a sentence saying what a thing is
NOT_A_SUBJECT = re.compile(r"(?i)^\W*(?:the )?(?:lower|higher|more|less|bigger|smaller|larger|fewer)\b|"
                           r"^\W*(?:verify|check|ensure|make sure|consider|remember|note|use|choose|avoid)\b")
DEFINE = re.compile(r"^[^.]{0,80}?\b(?:is|are|was|were)\s+(?:a|an|the)\b|^[^:]{1,40}:\s", re.I)
GROUPS = ("What it is", "Limits and numbers", "How it is used", "How it compares", "Exam tips")
MIN_WORDS = 4  # content words a fact needs: a bare name or label is not knowledge
MIN_STATEMENT = 3  # ... or this many with a verb: "It is resilient and self-healing"
SIMILAR = 0.85  # share of the shorter fact's content words the other must contain to be the same fact
SAME_TERM = 0.5  # the same share when both facts define the same term ("eta: ...")
RELATED = 0.65  # the share above which two facts on one topic speak of the same thing (for disagreements)
MIN_RELATED = 6  # stems two facts need before they can be said to disagree
MAX_UNIT_ITEMS = 15  # a label's sub-list longer than this is split into facts of its own
SHORT_ITEM = 14  # words: sub-items this short stay a list under the item above them
DRAWING = re.compile(r'"type"\s*:\s*"excalidraw"')
LEAD_WORDS = 8
# "**Linear activation function**, for example,": a sentence left open, no statement yet
EXAMPLE_LABEL = re.compile(r"(?i)^\W*example\W*:")
NEGATION = re.compile(r"(?i)\b(?:not|no|never|without)\b(?!-)|n't\b")
STEP_REFERENCE = re.compile(r"(?i)\bsteps?\s+\d+\b|\b(?:previous|preceding|above|last) steps?\b|^\W*repeat\b")
EXAMPLE_ITEM = re.compile(r"(?i)^\W*(?:worked\s+)?(?:example|e\.g\.)\b")  # "Example: the variance of 1, 4, 5"
DISCOURSE = re.compile(r"(?i)^\W*(?:essentially|basically|in (?:short|summary|essence|a nutshell|other words)|"
                       r"simply put|put simply|overall|ultimately|in general|generally|fundamentally),\s*")
LEFT_OPEN = re.compile(r"(?:,|\bfor (?:example|instance),?|\be\.g\.,?)\s*$", re.I)
# "- Provides console and CLI access to": a short line that stops on a word needing what follows it
# ("… the actions apply to", "… run inside a VPC when asked to" are whole: a verb may end on 'to')
BROKEN_OFF = re.compile(r"(?i)\b(?:(?:access|connections?|links?|support|permissions?)\s+to|the|a|an|and|or|of)\s*$")
INLINE_BOX = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\w+(?:\s+"[^"\n]*")?\s+(?:-|1\.)\s+')  # a box, its points, one line
CHECK_LINE = re.compile(r"^\s*(?:✅|❌|✔️?|☑️?|⚠️?|👉|•)\s*\S")  # a checklist line opening with a mark
INLINE_POINT = re.compile(r"\s+-\s+|\s+\d{1,2}\.\s+")  # ' - ' or ' 2. ' between the points of a one-line box
SUBJECT_WORDS = 4  # words in each part of a bare list of subjects ('Handling missing data, outliers, …')
SUBJECT_SPLIT = re.compile(r"[,:]|\band\b|\s[-–—]\s")
SHOWN_ATTACHMENTS = 6  # diagrams and formulas a topic page shows under "How it works"
LABEL_LEVEL = 7  # a box used as a label sits under every heading, and the next heading or label ends it
ANSWER_LABEL = re.compile(r"(?i)^(?:solution|answer|fix|choose|use|result|reason(?:ing)?|why)$")
ARROW = re.compile(r"\s(?:→|->|=>)\s")
ANSWER_COLUMN = re.compile(r"(?i)^(?:(?:built-in|recommended|aws|sagemaker|best) )?"
                           r"(?:services?|solutions?|answers?|algorithms?|choose|use|best choice|recommended|"
                           r"approach(?:es)?|tools?|choice)\s*:?$")
# Headings naming an aspect of the thing above them, not a thing of their own ("Important hyperparameters").
ASPECT = re.compile(r"(?i)\b(?:hyperparameters?|metrics?|instance types?|input formats?|inputs?|outputs?|"
                    r"training|inference|pricing|security|encryption|limits?|use cases?|parameters?|jobs?)\s*$")
# Sections about a course or a repository, not the subject: their lines are reported, never facts.
# "**References**" over a list of links and books: where the notes come from
REFERENCES = re.compile(r"(?i)^(?:(?:additional|other|more|external|useful|further) )?(?:references|resources|sources|"
                        r"reading|links|bibliography)$")
ABOUT_NOTES = re.compile(r"(?i)^(?:what you.?ll learn|course (?:outline|content|overview|structure)|syllabus|"
                         r"about (?:this|the) (?:course|repo\w*|notes)|(?:table of )?contents|"
                         r"(?:(?:additional|other|more|external|learning|study|official) )?(?:references|resources)|"
                         r"further reading|useful links|links|credits|acknowledge?ments?|licen[cs]e|contributing|"
                         r"changelog|support|how to use (?:this|these)(?: \w+)?|repository (?:stats|structure)|"
                         r"structure|prerequisites|verification|clean ?-?up|next steps)$"
                         r"|^(?:this|these) (?:note|notes|repo|repository|guide|course)\b"
                         r"|^(?:are there )?(?:any )?course (?:requirements|prerequisites)\b"  # "… or prerequisites?"
                         r"|^who (?:this|the) (?:course|guide|repo\w*|book|notes?) (?:is|are) for\b"
                         r"|^(?:target|intended) audience$"
                         r"|^(?:(?:key|must-know|top \d+(?: must-know)?|high-frequency exam) )?topics"
                         r"(?: to (?:review|know))?$"
                         r"|^(?:study )?(?:checklist|strategy|plan|schedule|timeline)$"
                         r"|^(?:exam )?(?:content )?outline$|^task statements?$|^(?:lab )?objectives?$"
                         r"|^(?:exam )?focus areas$|^must-know concepts$|^target candidate$|^study tips$"
                         r"|^(?:lesson |learning )?goals?$")
ABOUT_PARAGRAPH = re.compile(r"(?i)^(?:this|these) (?:note|notes|repo|repository|guide|course)\b.*:\s*$|"
                             r"^in this (?:course|note|guide|repo\w*|section|chapter)\b|"
                             r"^(?:topics|what'?s) covered\b|"
                             r"^(?:in this|this) (?:section|chapter|domain|module|part|lesson|page) "
                             r"(?:covers|describes|introduces|explains|focuses on|is about|deals with|looks at)\b")
QA_ANSWER = re.compile(r"(?i)^\W*(?:a|answer)\s*:")  # "A: The recommended answer has three steps:"
# "Here's a breakdown:", "The following:": a lead-in that means nothing without what it points at
POINTING = re.compile(r"(?i)^(?:here'?s|here are|the following|following|below|as follows|let'?s)\b")
# "Scenario 3:", "Question 2.", "Problem:": a practice stem whose answer is elsewhere
SCENARIO = re.compile(r"(?i)^\W*(?:(?:scenario|question|q)\s*#?\d+\s*[:.)]|problem\s*:)")
# "**Scenario 2:** Model overfitting", "**Scenario:** Loan approval model": the stem of a worked example
# "## Real-World Example: MICE for Clinical Trial Data", "### Example": one case worked through, not "Example Usage"
EXAMPLE_HEADING = re.compile(r"(?i)^\W*(?:(?:real[- ]world|worked|practical|simple|concrete|full)\s+)?example\b(?!s)"
                             r"(?!\s+(?:usage|implementation|code|quer(?:y|ies)|rules?|scripts?)\b)")
WORKED_STEM = re.compile(r"(?i)^\W*(?:(?:example|exam|sample) )?(?:scenario|requirement)\s*#?\d*\s*[:.)]")
# "**Solution:**", "- **Answer:** AWS Lake Formation …": where a worked example gives its answer
SOLUTION_LABEL = re.compile(r"(?i)^\W*(?:solution|answer|fix|resolution)s?\W*:\W*")
# the labelled parts of a worked example: "**Answer:**", "**Steps:**", "**Given:**"
WORKED_PART = re.compile(r"(?i)^(?:(?:the |correct |recommended |best |our )?(?:solution|answer|fix|resolution|"
                         r"approach|steps?|given|data|setup|question|requirements?|result|reason(?:ing)?|why|how|"
                         r"options?)s?)$")
CALLED = re.compile(r"(?i)\b(?:it|this|that|these|they)\s+(?:is|are)\s+(?:called|known as|named|referred to as)\s+"
                    r"(?:the\s+|an?\s+)?")
# "In SageMaker:": a label saying where, over what the fact is about
PLATFORM_LABEL = re.compile(r"(?i)^\W*(?:in|on|with|using|via)\s+(?:amazon\s+|aws\s+)?([\w-]+)\s*:\s*")
OVERVIEW_HEADING = re.compile(r"(?i)^(?:overview|introduction|intro|summary|about)$")
# "Strategies for …", "Choosing the right …": a section's outline phrase, not a statement
OUTLINE_PHRASE = re.compile(r"(?i)^(?:(?:key )?(?:strategies|techniques|methods|approaches|ways|tips|best practices|"
                            r"options)\s+(?:for|to)\b|[a-z]+ing\b)")
# "AWS services for generative AI, …", "Core ML concepts and terminology for …": the kinds of thing a note covers
SCOPE_PHRASE = re.compile(r"(?i)^(?:aws |core |key |common )?(?:ml |machine learning |ai )?(?:services|concepts|"
                          r"considerations)\b(?: and \w+)?\s+for\b")
EXAMPLE_CELL = re.compile(r"(?i)^\W*(?:examples?|e\.g\.|for example|sample)\s*:")  # a row's example cell
DECISION_GUIDE = re.compile(r"(?i)\b(?:quick|exam|service|selection|instance|choosing|simple|cheat[- ]?sheet)\s+"
                            r"decision\s+(?:trees?|guide|flow(?:chart)?)\s*$")
ADVICE = re.compile(r"(?i)^(?:for|with|in)\b[^,;.]{1,60}?,?\s+use\s+([a-z][\w-]*)\s+(?:on|in|for|as|at)\b")
SUBJECTLESS = re.compile(r"^\W*[a-z]+s\b(?!\s+(?:is|are|was|were|can|will|have)\b)")  # "• logs what it collects …"
# "There are 4 methods of encrypting objects": a label counting the items under it
COUNTED = re.compile(r"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+)?(?:methods|ways|"
                     r"types|kinds|options|modes|classes|tiers|categories|approaches|strategies)\b")
# "Option A:", "Choice 2)": an option's letter or number, not a label naming what the statement is about
ENUMERATOR = re.compile(r"(?i)^\W*(?:option|choice|alternative|approach|method|way|step)\s+(?:[A-F]|\d{1,2})\s*"
                        r"[:.)]\s*")
MAX_WORKED = 16  # blocks: a worked example longer than this goes on as facts of their own
IMPLICIT = re.compile(r"^\W*(?:used|useful|good|great|best|ideal|sensitive|supported|available|only|not|also|"
                      r"mainly|mostly|often|typically|usually|\w+ed|\w+ing)\b", re.I)
# "Those values …", "For example, …", "which …": a sentence that leans on the one before it
CONTINUES = re.compile(r"(?i)^\W*(?:(?:those|these|such)\s+(?!are\b|include\b|can\b|will\b)[a-z]\w*|"
                       r"for (?:example|instance)\b|e\.g\.|(?:\*\*|__)?example(?:\*\*|__)?\s*:|(?:in )?"
                       r"(?:this|the above|that)\s+(?:output|code|snippet|result|example|table|plot|chart|graph|figure|"
                       r"diagram|image|picture)s?\b)")
# "Storage Structure in S3", "Log layout on EFS": a label placing what it lists in a store, at its end
LOCATED = re.compile(r"(?i)\b(?:structure|layout|location|path|folder|prefix|format)s?\s+(?:in|on|inside)\s+"
                     r"(.{1,40}?)\W*$")
# "**RecordIO**: is a set of binary formats …": what follows a label defines the label's term
DEFINING = re.compile(r"(?i)\s*(?:is|are|refers to|means)\s+(?:a|an|the)\b")
LABELLED_QUESTION = re.compile(r"(?i)^\W*(?:use case|scenario|example|question|task|goal)\W*:\W*[^:]{5,200}\?\W*$")
RESULT_LABEL = re.compile(r"(?i)^\W*results?\W*:")  # what the step before it achieves
# "- But you need more than one instance for this to work!", "- Some will take part in new training sets more often",
# "- This can reduce the cost … by 70%", "- Once you're confident in its performance, …", "- Only helps with larger
# models": an item pointing back at the item before it
LEANS_BACK = re.compile(r"(?i)^\W*(?:(?:but|however|though)\b,?\s+(?:[^.;]{0,60}\s)?(?:this|that|it)\b"
                        r"(?!\s+is\s+(?:a|an)\b)|(?:some|others|most|many|few)(?: of them)?\s+(?:will|would|are|"
                        r"get|can|may|take|have)\b|this (?:can|will|allows|helps|reduces|means|makes|lets|gives)\b|"
                        r"(?:once|when|after|if)\s+you(?:'re|’re|\s+are)?\s+(?:[\w-]+\s+){0,4}(?:its|it)\b|"
                        r"only\s+(?:helps|matters|pays off)\b|(?:that|this) way\b|"
                        # "- Optimal quantity and type based on volume" after "- Dynamic provisioning of instances":
                        # a quantity or kind of nothing it names is of what the item before it named
                        # "- Same idea can be applied to loss functions" after the L2 term: that idea, elsewhere
                        r"(?:the\s+)?same\s+(?:idea|principle|concept|logic|approach)\s+(?:can|applies|is|works)\b|"
                        # "- We have to do this responsibly" after "- Sometimes … remove outliers": what 'this' is
                        r"we\s+(?:have|need|ought)\s+to\s+do\s+(?:this|that|it)\b|"
                        r"(?:optimal|right|best|ideal|appropriate)\s+(?:quantity|number|amount|size|type|count|kind)s?"
                        r"(?:\s+(?:and|&)\s+(?:quantity|number|amount|size|type|count|kind)s?)?\b(?!\s+of\b))")
# "The `combined_results` object contains …" right after the code that made it: about that code
CODE_TALK = re.compile(r"(?i)^\W*the\s+`[^`]{1,40}`\s+(?:object|variable|function|method|data ?frame|array|list|dict|"
                       r"class)\b")
# "VPC connectivity is possible", "S3 integration is supported": a capability of what the fact sits under
OFFERS = re.compile(r"(?i)^\W*[\w-]+(?: [\w-]+)?\s+(?:connectivity|access|integration|support)\s+is\s+(?:also\s+)?"
                    r"(?:possible|supported|available|offered)\b")
# "The table is converted from row-oriented format …" right after the output it describes
OUTPUT_TALK = re.compile(r"(?i)^\W*the (?:table|output|result|results|data ?frame|array|plot|chart|graph|matrix)\s+"
                         r"(?:is|are|was|were|shows?|has|have)\b")
LOWER_START = re.compile(r"^[a-z]+(?:\s|[.!?,;:]?\s*$)")  # lower case: carries on the sentence before
# "Still works on the same basis …", "However, …": a paragraph that answers the sentence before it
PARA_CONTINUES = re.compile(r"(?i)^\W*(?:still|also|however|but|and|so|thus|therefore|hence|otherwise|"
                            r"that'?s why|that is why|this is why)\b")
# "Imagine you have a dataset of images …": a case set up to be worked on ("Imagine the bias as …" is a picture)
SETUP = re.compile(r"(?i)^\W*(?:imagine|suppose|let'?s say|say)(?: that)? (?:you|we) have\b")
# "Recall (also known as Sensitivity or True Positive Rate)": a title line giving a name's other names, no statement
NAMED_ALSO = re.compile(r"(?i)^[^.():]{1,60}\((?:also known as|aka|a\.k\.a\.|also called)\b[^)]*\)\s*$")
PACKAGE = re.compile(r"\w_\w|^(?:sagemaker|aws|amazon)-\w")  # 'sagemaker-spark', 'learning_rate': not everyday words
# code written with the SageMaker Python SDK: its imports, its estimators and their fit and deploy
SDK_CODE = re.compile(r"\bfrom sagemaker[.\w]* import\b|\bimport sagemaker\b|\b\w*Estimator\(|\b(?:HuggingFace|PyTorch|"
                      r"TensorFlow|SKLearn|MXNet|XGBoost)\(")
SHORT_STATEMENT = 12  # words: a statement this short naming one part of its platform is about that part
BRAIN = re.compile(r"(?i)\b(?:brains?|cortex|cortical)\b")  # what neural networks are likened to
# "Use S3 lifecycle policies …": an instruction names what it is about right after its verb
IMPERATIVE = re.compile(r"(?i)^\W*(?:(?:we|you) (?:can|should|must) )?(?:use|using|enable|choose|pick|prefer|store|put|"
                        r"configure|turn on|apply|leverage|set)\b")  # "We can use IAM roles …": an instruction too
# "This example illustrates …", "In the video, …", "Let's go through …": words about the note, not the subject
META = re.compile(r"(?i)^\W*(?:(?:(?:great|ok(?:ay)?|alright|good|so|now)[,!.]?\s+)?let'?s (?:move|go|turn|get) "
                  r"(?:on|to|back|into)\b|"  # "Great, let's move to the next block."
                  # "This will be interesting when we look at partitioning": a pointer to a later lesson
                  r"this (?:will|is going to) (?:be|become) (?:interesting|useful|important|relevant) (?:later|when "
                  r"we (?:look at|get to|talk about|cover|discuss))\b|"
                  r"(?:pretty|quite|very|a) simple (?:concept|idea)\b[^.]{0,3}\.\s+(?:but )?(?:hey, )?now you can say|"
                  r"this (?:example|code|snippet|script) (?:illustrates|shows|demonstrates|loads|uses|"
                  r"creates|does)|the (?:code|snippet|script) (?:above |below )?(?:does|doesn't|shows|loads|uses)\b|"
                  r"describe your [\w /-]{1,40} here\b|"
                  r"here'?s (?:the |an? )?(?:expected |sample )?output\b|this output (?:shows|demonstrates)\b|"
                  r"the (?:provided |above |following )?(?:code )?(?:snippet|code|script|example) (?:simulates|"
                  r"illustrates|demonstrates)\b|"
                  r"write (?:a |an |the )?[\w ]{0,30} here\b|todo\b|tbd\b|"
                  r"let'?s (?:consider|take|look at|imagine|assume|say|use|go back to)\b|"
                  r"in the (?:video|example above|previous)\b|quick reference (?:for|to)\b|"
                  r"(?:overview:\s*)?(?:a |this )?(?:comprehensive |complete |detailed |short )?guide (?:to|for|on)\b|"
                  r"there are (?:several|many|various|a few|some) \w+ (?:we|you) can\b|apart from\b|"
                  r"this will (?:print|output|show|display|return)\b|we (?:simulate|pretend|imagine)\b|"
                  r"we (?:create|generate|build) (?:a |an |some )?(?:sample|dummy|toy|fake|random)\b|"
                  r"(?:for [^,]{1,40}, )?here'?s (?:a |an )?(?:deeper |closer |quick |brief )?(?:dive|look)\b|"
                  r"we(?:'ve| have)? (?:already )?(?:covered|discussed|talked about|went over) (?:this|that|it)\b)")
# "Click "+" after the data node", "Navigate to the console": a step of a hands-on lab, not knowledge
UI_STEP = re.compile(r"(?i)^\W*(?:step \d+\W[^:]{0,60}:\s*)?(?:click|navigate to|go to|log ?in to|sign in to|"
                     r"open (?:the|a|your|SageMaker Studio|Jupyter)\b|name your|enter (?:a|the|your)|"
                     r"type (?:a|the|your)|(?:from the [\w ]{1,20}, )?select\b|choose [\"“])")
# "Not commonly asked on exam", "Rarely tested": how likely the exam is to ask, not what the thing is
EXAM_CHATTER = re.compile(r"(?i)^\W*(?:not|rarely|seldom|never|unlikely to be)\s+(?:commonly |often |usually |really )?"
                          r"(?:asked|tested|seen|covered|examined)\b[^.]{0,30}(?:exam|test)?\W*$|"
                          # "**Exam Tip:** Most scenarios use scheduled full retraining": what the exam's questions do
                          r"^\W*(?:most|many|some) (?:exam )?(?:scenarios|questions)\s+(?:use|ask|expect|want|test|"
                          r"involve|assume)\b[^.]{0,60}$")
# "Know which algorithm for which problem": what to study, not what is so
STUDY_ADVICE = re.compile(r"(?i)^\W*(?:know|understand|remember|memori[sz]e|learn|review|study)\s+(?:(?:which|when|how|"
                          r"what|why|the differences?)\b[^.]{0,60}|[^.]{0,50}\b(?:trade-?offs|differences|use cases)"
                          r")\W*$")  # "Understand endpoint vs batch transform tradeoffs"
# "<style>", "<button id=…>", "<div class="quiz">" holding no sentence: the author's site machinery, not a note
PAGE_CODE = re.compile(r"(?i)^\s*<(?:style|script|link|form|button|input|select|label|noscript)\b")
HTML_BOX = re.compile(r"(?i)^\s*</?(?:div|span|section|nav|header|footer)\b")
TAGS = re.compile(r"<[^>]*>")
EMBED = re.compile(r"(?i)^\s*<(?:iframe|video|audio|embed|object)\b")  # a player for a video, not words
IMAGE = re.compile(r"!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)")  # an Obsidian or Markdown image
PARENS = re.compile(r"\([^()]*\)")
# "For detailed pipeline information, see [MLOps CI/CD](…)": a pointer to another note, no statement
SEE_LINK = re.compile(r"(?i)^\W*(?:for\b[^.\[]{0,80}?,?\s*)?see(?: also)?:?\s+\[[^\]]*\]\([^)]*\)\W*$")
# Notes about the notes themselves: whole files, and the set-up sections of a README or index page
ABOUT_FILE = re.compile(r"(?i)(?:^|/)(?:about|contributing|changelog|license|code_of_conduct)\.\w+$")
# A repository's own documents, by GitHub's upper-case convention ('SECURITY.md', 'API.md'): not study notes
REPO_FILE = re.compile(r"(?:^|/)(?:SECURITY|API|ARCHITECTURE|DEPLOYMENT|DEVELOPMENT|SUPPORT|AUTHORS|MAINTAINERS|"
                       r"GOVERNANCE|NOTICE|TODO|CODEOWNERS)(?:\.\w+)?$")
FRONT_PAGE = re.compile(r"(?i)(?:^|/)(?:readme|index)\.\w+$")
SETUP_SECTION = re.compile(r"(?i)^(?:getting started|installation|install|quick ?start|usage|"
                           r"local (?:development|setup)|deploy(?:ment)?(?: to [\w ]+)?|running locally|"
                           r"build(?:ing)? the site|development|(?:aws )?costs?(?: warning)?|prerequisites|"
                           r"clean(?:ing)?[ -]?up|lab structure)$")  # on a front page: about running the notes' labs
# "**Domain**: 2", "**Difficulty**: Medium", "**Time**: 45 minutes": a lab's or a page's metadata, no statement
META_LINE = re.compile(r"(?i)^\s*(?:\*\*|__)?(?:domain|difficulty|time|duration|level|estimated time|author|date|"
                       r"last updated|updated|status|tags|version|category)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*"
                       r"[^\s]+(?:\s+[^\s]+){0,4}\s*$")
SENTENCE_END = re.compile(r"[.!?)\]`*]\s*$")
# "**SageMaker Studio**", "**4. Knowledge Bases** (Optional)": a label for what follows
BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{2,80}(?:\*\*|__)\s*:?\s*(?:\([^()\n]{1,40}\)\s*:?)?\s*$")

# A fact's subject is named before its verb: "Firehose buffers records" is about Firehose, whatever it names later.
VERB = re.compile(
    r"\b(?:is|are|was|were|can(?:not|'t)?|could|will|would|should|must|may|might|has|have|had|does|do|don't|"
    r"doesn't|isn't|aren't|supports?|provides?|uses?|allows?|offers?|lets|enables?|helps?|requires?|needs?|"
    r"runs?|stores?|gives?|creates?|takes?|makes?|works?|sends?|reads?|writes?|returns?|accepts?|comes?|"
    r"executes?|invokes?|triggers?|"
    r"includes?|contains?|handles?|scales?|delivers?|buffers?|trains?|detects?|finds?|converts?|loads?|"
    r"integrates?|automatically|only|also|saved|kept|monitors|tracks|encrypted|replicated)\b", re.I)
LABEL = re.compile(r"^\s*(?:\*\*|__)?([^:*_]{1,60}?)(?:\*\*|__)?\s*(?::|\s[-–—]\s)")
# "**`lambda`** - …", "**`wd`** (weight decay) - …": a code hyperparameter labelling what it does
PARAM_LABEL = re.compile(r"^\W*(?:\*\*|__)?`[A-Za-z_][\w.]*`(?:\*\*|__)?(?:\s*\([^()]{1,40}\))?\s*(?::|\s[-–—]\s)")
ROW = re.compile(r"^[^:;]{1,40}: [^;]*; [^:;]{1,40}: ")  # "Channel: train; Purpose: …": a table row read out
DESTINATION = re.compile(r"(?i)\s(?:to|into|onto)\s+(?:an?\s+|the\s+)?[\w .-]+$")  # '… Firehose to S3'
NOT_CHOSEN = re.compile(r"(?i)(?:\s[-–—]\s*)?\b(?:not|never|instead of|rather than)\b[^;.()]*")
# "Hyperparameter tuning in SageMaker …": an idea in a platform, which may be the platform's named feature
IDEA_IN = re.compile(r"^\W*([A-Z][\w-]*(?: [\w-]+){0,2}) in (SageMaker|Bedrock|Glue|Kinesis)\b")
PROPERTY_LABEL = re.compile(r"(?i)^(?:use (?:it )?when|don'?t use (?:it )?when|do not use (?:it )?when|when to use|"
                            r"when not to use|measures?|range|trade-?offs?|pros|cons|good for|limitations?|"
                            r"advantages?|disadvantages?|drawbacks?|benefits?)$")
INTEGRATION_LABEL = re.compile(r"(?i)^[\w .-]{1,40}\s(?:integrations?|support|compatibility)\s*$")
PROBLEM_LABEL = re.compile(r"(?i)^\W*(?:insufficient|too (?:many|few|much|little)|not enough|excessive|wrong|poor|"
                           r"bad|missing|unused|idle|over-?provisioned|under-?provisioned)\b")
# "It's an activation function as well", "They store …": the subject is named elsewhere (the heading above)
PRONOUN_LEAD = re.compile(r"(?i)^\W*(?:it|it'?s|it’s|its|they|they'?re|they’re|their|he|she|"
                          r"(?:this|these)(?= (?:is|are|was|were|can|will|allows?|means|makes|helps|lets|gives|"
                          r"has|have)\b))\b")
LEGEND = re.compile(r"(?i)^\W*where\W*:?\W*$")  # "Where:" over the list naming a formula's symbols
MATH_ONLY = re.compile(r"^\s*\$[^$]+\$\s*$")  # a paragraph that is one inline formula
# "a plot of true positive rate vs. false positive rate": the axes of a chart, not two things compared
AXES = re.compile(r"(?i)\b(?:plot|graph|chart|curve)s?\s+(?:of|showing)\b[^.;]*?\b(?:vs\.?|versus|against)\s")
# "Apart from IAM and SSH, it can use Kerberos": a fronted phrase, then the pronoun that is the subject
FRONTED_PRONOUN = re.compile(r"(?i)^\W*(?:apart fr?o?m|aside from|besides|in addition to|along with|beyond|"
                             r"other than|like|unlike|as well as)\b[^.;:]{1,120}?,\s*(?:it|they)\s+(?!is\b)\w+")
# "Who uses it:", "What they need:": a label that refers back to its subject; what follows it is not the subject
PRONOUN_LABEL = re.compile(r"(?i)\b(?:it|its|they|them|their)\b")
# "Unlike feedforward networks, RNNs loop back": what the contrast clause names is not the subject
CONTRAST = re.compile(r"(?i)\b(?:unlike|instead of|rather than|as opposed to|along with|in addition to)\b[^,;.]*")
NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVXivx]+\.)\s+\S")
TAG = re.compile(r"`?#[\w-]+`?")
DECORATION = re.compile(r"[^\w\s()&/+.'’,:-]+")
# Acronyms too common to name a thing of their own ("GPU Instances", "ML Basics", "POST /users").
COMMON_ACRONYMS = frozenset("ML AI AWS API SDK CLI GPU CPU HTTP HTTPS JSON CSV URL FAQ TL DR MLA MLS C01 IT "
                            "GET POST PUT DELETE PATCH UI UX OS ID PDF".split())
VENDOR = re.compile(r"^(?:amazon\s+sagemaker|sagemaker|amazon|aws|sg|sm)\s+", re.I)
QUESTION_HEADING = re.compile(r"^(?:question|q|practice question|sample question)\s*#?\s*\d+\b|\?\s*$", re.I)
OPTION = re.compile(r"^\s*(?:\*\*|__)?\(?([A-Fa-f])[.)]\)?(?:\*\*|__)?\s+\S")
NAV_LINK = re.compile(r"\[[^\]]*\]\((?:#[^)]*|[^)\s]+\.md(?:#[^)]*)?)\)")
POINTER = re.compile(r"\b(?:see|discussed|covered|described|explained|more)\b[^.]{0,40}\bhere\b", re.I)
# "**SMOTE:** Covered in [Feature Engineering](./fe.md)": where a topic is treated, not what it says
COVERED = re.compile(r"(?i)^\W*(?:[^:]{1,60}:\W*)?(?:covered|described|explained|discussed|detailed|see)\s+"
                     r"(?:in|at|on|under)?\s*\[[^\]]*\]\([^)]*\)\W*$")
WIKI_ONLY = re.compile(r"^(?!\W*!)\W*\[\[[^\]]+\]\]\W*$")  # "[[✅ (43) Configuring …]]": a link to a note
# "We can use it for two main purposes:" right over headings: the parts are the sections after it
POINTS_ON = re.compile(r"(?i)\b(?:in|into|with|to) (?:these|the following) \w+\s*[.:]?\s*$")  # '… split in these APIs.'
ANNOUNCES = re.compile(r"(?i)\b(?:two|three|four|five|six|several|a few|the following|some) (?:\w+ )?(?:purposes|types|"
                       r"kinds|ways|categories|steps|parts|reasons|uses|use cases|approaches|methods|techniques|"
                       r"components|options)\s*:?\s*$")
LINK_ONLY = re.compile(r"^\W*(?:see:?\s*)?\[[^\]]*\]\([^)]*\)\W*$", re.I)  # "[Developer Guide](https://…)"
TASK_MARK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s")
URL = re.compile(r"https?://\S+")
LINK_FIRST = re.compile(r"^\W*\[[^\]]*\]\((?:#|[^)\s]+\.md\b)")  # "[Monitoring](./monitoring.md) - …": a contents entry
CHANGE = re.compile(r"\b(?:(?:since|as of|starting (?:with|from|in))\s+(?:version\s+|v)?(?:\d[\w.-]*|20\d\d|"
                    r"[A-Z][a-z]+ 20\d\d)|from (?:version\s+|v)\d[\w.-]*|no longer|deprecated|renamed|replaced by|"
                    r"formerly|discontinued|retired|update:)", re.I)
STATUS_WORDS = re.compile(r"\b(?:renamed|retired|discontinued|closed|end of support|legacy|replaced)\b", re.I)
YEAR = re.compile(r"\b20[12]\d\b")
VERSION = re.compile(r"\b\d+(?:\.\d+)+(?:-\d+)?\b|\b\d[\d,.]*\s*(?:%|[kKMGT]i?B|MB/s|GB|TB|ms|seconds?|minutes?|"
                     r"hours?|days?|years?)\b")
# Headings that say what a part of a note is, never what it is about.
GENERIC = frozenset(
    "overview summary introduction intro notes note conclusion conclusions key points tips tip exam examples example "
    "use cases case features feature pricing limits limitations references resources questions question answers "
    "answer other others misc miscellaneous general basics basic concepts concept details detail more important "
    "table of contents toc appendix glossary terminology definitions definition best practices practice architecture "
    "how it works what why when where who setup set up getting started quick reference cheat sheet cheatsheet "
    "comparison comparisons vs versus and or the a an in on for with to of by about ml ai aws api faq part section "
    "chapter module domain task lab labs hands-on exercise exercises review recap key takeaways takeaway "
    "services service tools tool data model models training inference deployment monitoring security machine "
    "learning deep algorithms algorithm exam study guide selection certified certification specialty associate "
    "engineer cost costs management family families instances instance types type options option step steps "
    "workflow workflows documentation docs pre-trained pretrained common key core advanced fundamentals level "
    "high low using use managed principles principle design integrations integration".split()
)
TRAILING = frozenset("overview summary basics family families notes introduction intro details features tips".split())
QUOTED = re.compile(r'["“]([^"”]{3,40})["”]')  # a name a lead-in introduces in quotes
VERSUS = re.compile(r"(?i)\s+(?:vs\.?|versus)\s+")  # 'Comprehend vs SageMaker'
BOLD_HEAD = re.compile(r"^\W*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*[-–—:]\s*\S+\s+\S")  # '✅ **VPC mode** - private …'
JOINER = re.compile(r"(?i)\s+(?:and|&|\+|with)\s+")  # 'SageMaker and Spark', 'SageMaker + VPC'
AMBIGUOUS_SHORT = frozenset("components operators projects domains endpoints jobs features".split())
PREPOSITIONS = frozenset("in with for using on via and & of by from".split())
# a first column naming the service each row recommends ('Use Case: DataBrew; When to Use: …' under EMR)
CHOICE_COLUMNS = frozenset({"use case", "service", "tool", "option", "alternative", "solution"})
# "Serverless query service to …", "A fully managed service that …": a subjectless definition of the thing above
DESCRIBES = re.compile(r"(?i)^\W*(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:service|tool|library|framework|platform|engine|"
                       r"database|warehouse|algorithm)s?\s+(?:to|for|that|which|used|designed|built|offering|providing)\b")
# a glossary table's first column: each row defines the term it names
TERM_COLUMNS = frozenset({"concept", "term", "terminology", "key term", "key concept"})
# a first column whose cells name what is compared, not the subject of the row
AXIS_COLUMNS = frozenset("aspect aspects factor factors criterion criteria dimension consideration characteristic "
                         "property attribute scenario situation requirement question".split())
HEADER_WORDS = frozenset("scenario scenarios aspect component components strategy event events workload purpose "
                         "description metric metrics parameter situation need problem goal task requirement "
                         "approach method technique name category".split())
# "Loss Functions", "Types of Data", "Regression Metrics": a heading naming a kind, whose sub-headings are its members
KINDS = re.compile(r"(?i)(?:\b(?:functions|types|kinds|distributions|methods|techniques|metrics|losses|"
                   r"initiali[sz]ations?|architectures|encodings)\s*$|^(?:types|kinds) of\b)")
IDEA_PARTS = GENERIC | HEADER_WORDS | frozenset("strategies approaches decision framework frameworks guide process "
                                                 "workflow steps comparison".split())
# "**Max concurrent training jobs:** 100": a limit of the topic above, not a fact about the thing it counts
QUANTITY_LABEL = re.compile(r"(?i)^\W*(?:max(?:imum)?|min(?:imum)?|number of|default|limit (?:on|of)|# of)\b")
# "Exam Format", "Domain Weights", "Time Management": a part of the notes about the exam itself or using the notes,
# whose lines naming no topic are not missing knowledge (the exam's facts are on its blueprint page)
EXAM_PART = re.compile(r"(?i)^(?:(?:the |mla-c01 |mls-c01 )?exam (?:overview|format|details|domains?|structure|tips|"
                       r"strategy|logistics|day|information|info|guide|basics)|"
                       r"(?:content |exam )?domains?(?: weights?)?|"
                       r"domain weights|question (?:types|strategy|patterns|format)|common question patterns|"
                       r"time management|scoring|passing score|common traps|elimination process|read carefully|"
                       r"good luck!?|answer format|how to use|lab structure|cost warning|in-scope (?:aws )?services)$")
TEMPLATES = re.compile(r"(?i)(?:^|/)_?templates?(?:/|\.\w+$)")  # an Obsidian template: placeholders, not knowledge
QUESTION_WORD = re.compile(r"(?i)^(?:how|what|why|when|which|who)\b")
# Words that name a part of a course or of the notes, never a subject ('Week 3', 'Lecture Notes', 'Mock Exam')
COURSE_WORDS = frozenset("week lecture lesson notes mock quiz practice exam exams readme todo draft drafts template "
                         "templates changelog roadmap outline syllabus domain domains in-scope scope cheat cheatsheet "
                         "cheatsheets overview tips deck decks flashcards cards questions answers stuff facts again "
                         "random various assorted collection".split())
THING_NOUNS = re.compile(r"\b(?:storage classes|storage tiers|classes|tiers)\s*$", re.I)


@dataclass(frozen=True)
class Source:
    note: str  # note path
    page: str  # site URL of the Sources page
    anchor: str
    first: int
    last: int

    @property
    def label(self) -> str:
        lines = f"{self.first}" if self.first == self.last else f"{self.first}–{self.last}"
        return f"{self.note}:{lines}"


@dataclass
class Fact:
    text: str  # Markdown-safe-to-sanitise note text
    sources: list[Source]
    topics: list[str]  # slugs, in order of relevance
    kind: str  # fact | card
    group: str = ""
    words: frozenset[str] = field(default_factory=frozenset)
    subject: str = ""  # where the fact sits: "Storage classes › Infrequent Access" ('' when it names its subject)
    extra: tuple[m.Block, ...] = ()  # the list, code, formula, table or diagram the statement introduces
    status: str = ""  # '' | current | superseded: set when notes disagree
    dated: tuple[str, ...] = ()  # topics it names that are discontinued or closed to new customers today
    outdated: tuple[tuple[str, str], ...] = ()  # (ISO date, what holds now) for each catalog record it matches
    mistaken: tuple[str, ...] = ()  # what holds instead, for each catalog record of a mistake it matches


@dataclass
class Attachment:
    """A diagram, formula or code block that belongs to a topic."""

    kind: str
    text: str
    lang: str
    source: Source


@dataclass
class Knowledge:
    entities: dict[str, Entity]  # the catalog's and those discovered in the notes
    facts: list[Fact]
    by_topic: dict[str, list[Fact]]
    attachments: dict[str, list[Attachment]]
    mentioned_on: dict[str, set[str]]  # slug → the notes that mention it
    formulas: list[tuple[Attachment, str]]  # every display formula, with the topic it sits under ('' if none)
    candidates: list[tuple[str, int]]  # uncatalogued headings, with how often they occur
    merged: int  # near-duplicate facts merged into another
    questions_by_topic: dict[str, list[Source]] = field(default_factory=dict)  # practice questions about a topic
    discovered: list[str] = field(default_factory=list)  # slugs of topics found in the notes, not the catalog
    contradictions: int = 0  # pairs of facts that disagree
    on_topic: dict[str, set[int]] = field(default_factory=dict)  # note → content lines that reach a topic page
    off_topic: dict[str, dict[int, str]] = field(default_factory=dict)  # note → line → why it is on no topic
    # the build's one name → topic matcher (the catalog's and the discovered topics' names), for the later stages
    matcher: Joined = field(default_factory=Joined)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in TOKEN.findall(plain_text(text).lower()) if w not in STOP and len(w) > 1)


def stem(word: str) -> str:
    """A crude stem, enough for two wordings of one fact to meet: 'shards'/'shard', 'saved'/'save'."""
    for end in ("ing", "ed", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return word


TRUE_OR_FALSE = re.compile(r"^\s*(?:T\s*/\s*F|True\s*(?:/|or)\s*false)\s*[:?.)-]\s*", re.IGNORECASE)
TRUE_BACK = re.compile(r"^\s*(?:true|yes|correct)\b\W*", re.IGNORECASE)


def false_card(block: m.Block) -> bool:
    """A true/false card whose answer is 'False': its front states something untrue, no fact."""
    return block.card_kind == "truefalse" and not TRUE_BACK.match(block.back)


def card_statement(block: m.Block) -> str:
    """A card read as one statement: a cloze filled in, a true/false card's true statement, or 'front — back'."""
    back = " ".join(block.back.split("\n"))
    if block.card_kind == "truefalse" and TRUE_BACK.match(back):
        statement = TRUE_OR_FALSE.sub("", " ".join(block.front.split("\n")))
        rest = TRUE_BACK.sub("", back).strip()  # 'True: the default since 2023' keeps its explanation
        return f"{statement} {rest}".strip() if rest else statement
    if block.card_kind == "cloze":
        answers = [a.strip() for a in re.split(r"\s+/\s+|\s*;\s*", back)]
        parts = CLOZE.split(block.front.split("\n")[0])
        if len(answers) == len(parts) - 1:
            filled = parts[0] + "".join(f"**{a}**{' ' if rest[:1].isalnum() else ''}{rest}"  # "_____is a …"
                                        for a, rest in zip(answers, parts[1:], strict=True))
            rest = block.front.split("\n")[1:]
            return "\n".join([filled, *rest])
    front = " ".join(block.front.split("\n"))
    return f"{front} — {back}"


def group_of(text: str, first: bool) -> str:
    words = plain_text(text)
    if COMPARE.search(words):
        return "How it compares"
    if TIP.search(words):
        return "Exam tips"
    if NUMBER.search(words):
        return "Limits and numbers"
    if first or DEFINE.search(words):
        return "What it is"
    return "How it is used"


# -- names: headings, labels, discovered topics ------------------------------------------------

def clean_heading(text: str) -> str:
    """A heading's words without numbering, emoji, tags or a closing colon."""
    text = TAG.sub(" ", plain_text(text))
    text = DECORATION.sub(" ", text)
    text = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVXivx]+\.)\s+", "", text)
    return re.sub(r"\s+", " ", text).strip(" :.-–—")


def short_names(entities: tuple[Entity, ...]) -> dict[str, str]:
    """Names without their vendor prefix ('Translate', 'Ground Truth'), for headings and labels only:
    in running prose these are ordinary words ('forecast usage')."""
    taken = {t.casefold() for e in entities for t in e.terms}
    found: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        for term in e.terms:
            rest = VENDOR.sub("", term).strip()
            if rest != term and len(rest) >= 3 and rest.casefold() not in taken and rest.casefold() not in GENERIC \
                    and rest.casefold() not in AMBIGUOUS_SHORT:
                found[rest.casefold()].add(e.slug)
    return {name: next(iter(slugs)) for name, slugs in found.items() if len(slugs) == 1} | heading_names(entities)


def heading_names(entities: tuple[Entity, ...]) -> dict[str, str]:
    """Names the catalog gives a topic as a whole heading or label only ('Auto Scaling' → endpoint auto scaling),
    folded → slug: they outrank another topic's name without its vendor prefix ('AWS Auto Scaling')."""
    return {name.casefold(): e.slug for e in entities for name in e.headings}


def family_names(entities: tuple[Entity, ...]) -> frozenset[str]:
    """First words that two or more catalog names share ('Kinesis'): a heading of one names a family."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        for term in e.terms:
            words = VENDOR.sub("", term).split()
            if len(words) >= 2 and words[0][:1].isupper() and VENDOR.match(term):
                owners[words[0].casefold()].add(e.slug)
    terms = {t.casefold() for e in entities for t in e.terms}
    return frozenset(w for w, slugs in owners.items() if len(slugs) >= 2 and w not in GENERIC and w not in terms)


def name_variants(text: str) -> list[str]:
    """'DMS - Database Migration Service' → the whole and each side; vendor prefixes dropped."""
    parts = [text, *re.split(r"\s+[-–—:]\s+|\s*[()]\s*", text)]
    out = []
    for part in parts:
        part = part.strip(" ()")
        if part:
            out += [part, VENDOR.sub("", part).strip()]
    return list(dict.fromkeys(p for p in out if p))


def thing_like(name: str) -> bool:
    """A name of a product or a standard ('AWS VPN', 'MQTT', 'TensorBoard', 'Database Migration Service')."""
    return bool(VENDOR.match(name) or re.search(r"\bService\b", name)
                or any(is_acronym(w.strip("()-,")) and any(c.isalpha() for c in w) and len(w.strip("()-,")) >= 2
                       for w in name.split())
                or any(re.match(r"^[A-Z][a-z]+[A-Z]\w*$", w) for w in name.split()))


def everyday_word(name: str) -> bool:
    """A one-word name that is an ordinary word ('Weight', 'Isolation', 'Mean'): it names its topic in a heading
    or a note's title, but in prose it is that word ('network isolation', 'the mean of a column')."""
    return " " not in name.strip() and not is_acronym(name) and not re.search(r"[A-Z]", name[1:]) \
        and not re.search(r"[\d-]", name)


MAX_SLIP_WORDS = 4  # a heading of at most this many words may be a name with a typo
MIN_SLIP_WORD = 6  # and only a word this long: 'Recal' is not 'Recall', 'lable' is not 'label'


def slip_index(names: list[tuple[str, str]]) -> dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[str, str]]]:
    """Each name's long words by the words around them: ('artificial', 'neuron') gives ((), ('neuron',)) →
    'artificial', so a heading differing in that one word finds the name it meant."""
    index: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)
    for name, slug in names:
        words = name.casefold().split()
        if 1 <= len(words) <= MAX_SLIP_WORDS:
            for n, word in enumerate(words):
                if len(word) >= MIN_SLIP_WORD and word.isalpha():
                    index[(tuple(words[:n]), tuple(words[n + 1:]))].append((word, slug))
    return index


def one_slip(typed: str, meant: str) -> bool:
    """One letter left out, added, changed or two swapped ('arificial' for 'artificial'), inside the word: a slip
    at either end makes another word ('graphs' is not 'GraphX', 'pipelines' may mean any pipeline)."""
    if typed == meant or abs(len(typed) - len(meant)) > 1:
        return False
    start = next((n for n, (a, b) in enumerate(zip(typed, meant, strict=False)) if a != b), min(len(typed), len(meant)))
    if start == 0 or start >= min(len(typed), len(meant)) - 1:
        return False
    a, b = typed[start:], meant[start:]
    return a[1:] == b[1:] or a == b[1:] or a[1:] == b or (a[:2] == b[1::-1] and a[2:] == b[2:])


class Names:
    """Every way the build finds a topic: catalog names in prose, short names in headings and labels,
    and the topics discovered in the notes' headings."""

    def __init__(self, entities: tuple[Entity, ...], discovered: dict[str, tuple[str, str]],
                 catalog: Matcher | None = None, heading_only: frozenset[str] = frozenset()) -> None:
        prose = {name: e.slug for e in entities for name in e.terms}
        self.short = short_names(entities)
        self.whole_headings = heading_names(entities)  # 'Container Requirements' means custom containers as a heading
        self.discovered = {folded: slug for folded, (slug, _) in discovered.items()}  # folded name → slug
        taken = {t.casefold() for t in prose}
        found = {original: slug for folded, (slug, original) in discovered.items()
                 if folded not in taken and folded not in heading_only}
        self.catalog = catalog or Matcher(prose)  # compiled once per build: the catalog is large
        self.matcher = Joined(self.catalog, Matcher(found)) if found else Joined(self.catalog)
        self.entities = {e.slug: e for e in entities}
        # discovered topics that are ideas ('Model Versioning', 'Poisson Distribution'), not things ('DMS', 'MQTT')
        things = {slug for slug, way in discovered.values() if thing_like(way)}
        self.ideas = {slug for slug, _ in discovered.values() if slug not in self.entities and slug not in things}
        self.platforms = platforms(entities)
        # a practice's page that is a product's feature ('SageMaker Managed Spot Training'): a thing, not an idea
        self.products = {e.slug for e in entities if any(VENDOR.match(t) for t in e.terms)}
        self.parents: dict[str, set[str]] = {}  # topic → the platforms headings name right before it
        # Short names as capitalised words inside a heading ('Pre-training Bias Metrics in Clarify').
        shorts = sorted((VENDOR.sub("", t).strip() for e in entities for t in e.terms
                         if VENDOR.sub("", t).strip().casefold() in self.short), key=len, reverse=True)
        self.short_in_heading = re.compile(r"\b(?:" + "|".join(re.escape(x) for x in shorts if x[:1].isupper())
                                           + r")\b") if shorts else re.compile(r"(?!)")

    def in_heading(self, text: str) -> list[str]:
        clean = clean_heading(text)
        if clean.casefold() in self.whole_headings:
            return [self.whole_headings[clean.casefold()]]
        if DECISION_GUIDE.search(clean):
            return []  # "Quick Decision Tree" over a flowchart for picking an instance: a guide, not the algorithm
        mentions = self.matcher.find(clean)
        pairs = side_by_side(mentions, clean)
        for a, b in pairs:
            self.parents.setdefault(b.slug, set()).add(a.slug)  # "SageMaker ML Lineage Tracking": under SageMaker
        qualifiers = {a.slug for a, _ in pairs}
        general = {s for s in (x.slug for x in mentions)
                   if s in self.entities and self.entities[s].section in ("concepts", "mlops")}
        qualifiers = {a.slug for a, b in zip(mentions, mentions[1:], strict=False)
                      if a.slug in qualifiers and b.slug not in general}
        found = [x.slug for x in mentions if x.slug not in qualifiers]  # "SageMaker ML Lineage Tracking"
        words = clean.split()
        sides = {side.strip().casefold() for side in VERSUS.split(clean)} if VERSUS.search(clean) else set()
        found += [self.short[x.group(0).casefold()] for x in self.short_in_heading.finditer(clean)
                  if x.group(0).casefold() in self.short and (" " in x.group(0) or len(words) == 1
                                                               or closes_after_preposition(x, clean)
                                                               or x.group(0).casefold() in sides)]
        # one-word short names ('Processing') only alone, closing a heading after a preposition ('Bias Metrics in
        # Clarify') or as a whole side of 'Comprehend vs SageMaker': "Data Processing Services" and "Artificial
        # Neuron" are not them
        found = list(dict.fromkeys(found))
        if found:
            specific = [s for s in found if not any(umbrella(s, o, self.entities) for o in found if o != s)]
            return specific or found
        for variant in name_variants(clean):
            slug = self.short.get(variant.casefold()) or self.discovered.get(variant.casefold())
            if slug:
                return [slug]
        return self.misspelt(clean)

    @cached_property
    def slips(self) -> dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[str, str]]]:
        """Every name's long words by the words around them, built the first time a heading names nothing."""
        return slip_index([*((t, e.slug) for e in self.entities.values() for t in e.terms),
                           *((name, slug) for name, slug in self.discovered.items())])

    def misspelt(self, heading: str) -> list[str]:
        """'Arificial Neuron': a heading that is a name with one long word mistyped by one letter."""
        words = heading.casefold().split()
        if not 1 <= len(words) <= MAX_SLIP_WORDS:
            return []
        for n, word in enumerate(words):
            for meant, slug in self.slips.get((tuple(words[:n]), tuple(words[n + 1:])), ()):
                if len(word) >= MIN_SLIP_WORD and one_slip(word, meant):
                    return [slug]
        return []

    def general(self, slug: str) -> bool:
        """A general idea (a concept, a practice), not a thing one can use; a discovered topic by its name."""
        if slug in self.entities:
            return self.entities[slug].section in ("concepts", "mlops") and slug not in self.products
        return slug in self.ideas

    def narrow(self, own: list[str], context: list[str]) -> list[str]:
        """The context for what sits under a label: the label's topic, unless it is a general idea
        ('Hyperparameters:') under a specific thing (XGBoost)."""
        if own and context and self.general(own[0]) and not self.general(context[0]):
            return context
        return own[:1] + context

    def in_label(self, text: str) -> list[str]:
        """The topic a label names ('SG ground truth: …', '**Ground Truth** (…)'), by its short name."""
        label = label_of(text)
        if not label:
            return []
        for variant in name_variants(label):
            slug = self.short.get(variant.casefold()) or self.discovered.get(variant.casefold())
            if slug:
                return [slug]
        opening = self.short_in_heading.match(label)  # "Clarify Explainability - …"
        return [self.short[opening.group(0).casefold()]] if opening else []

    def short_subject(self, opening: str) -> list[str]:
        """The topic a statement's whole subject names by its capitalised short name ('Debugger', 'Clarify')."""
        words = opening.strip(" *_`").strip()
        found = self.short_in_heading.fullmatch(words) if words[:1].isupper() else None
        return [self.short[found.group(0).casefold()]] if found and found.group(0).casefold() in self.short else []

    def everyday_opening(self, text: str) -> bool:
        """'Batch recommendations: …': a label opening with a one-word short name that qualifies a lower-case noun."""
        label = label_of(text)
        opening = self.short_in_heading.match(label) if label else None
        return bool(opening) and " " not in opening.group(0) and bool(re.match(r"\s+[a-z]", label[opening.end():]))


def closes_after_preposition(found: re.Match[str], clean: str) -> bool:
    before = clean[:found.start()].split()
    return found.end() == len(clean) and bool(before) and before[-1].casefold() in PREPOSITIONS


def label_of(text: str) -> str:
    """The term a statement defines: the words before its first colon or dash ('eta: …' → 'eta')."""
    found = LABEL.match(plain_text(text))
    if not found or len(found.group(1).split()) > 5:
        return ""
    return found.group(1).strip(" *_`")


def thing_name(raw: str, families: frozenset[str] = frozenset()) -> str:
    """The name a heading gives a thing the catalog may lack ('', when it names a part of a note:
    'Overview', '3.3 Text algorithms', a question, a sentence)."""
    if NUMBERED.match(plain_text(raw)):
        return ""
    text = clean_heading(raw)
    words = text.split()
    if not 1 <= len(words) <= 6 or text.endswith("?") or QUESTION_WORD.match(text):
        return ""
    if re.search(r"(?i)\bvs\.?\b|\bversus\b|[/:_]|\.\w", text) and not re.search(r"\s[-–—]\s", text):
        return ""  # a comparison, a path, a code name or a "topic: part" heading
    if re.search(r"(?i)\s(?:for|in|with|on|of|and)\s", text) and not re.search(r"\s[-–—]\s", text):
        return ""  # a phrase about things ('Data Stores for Machine Learning'), not a name
    meaningful = [w for w in re.split(r"[\s/]+", text) if w.strip("()-").casefold() not in GENERIC]
    if not meaningful:
        return ""
    acronym = any(is_acronym(w.strip("()-,")) and len(w.strip("()-,")) >= 2 and not w.isdigit()
                  and w.strip("()-,") not in COMMON_ACRONYMS for w in meaningful)
    camel = any(re.match(r"^[A-Z][a-z]+[A-Z]\w*$", w) for w in meaningful)
    titled = words[0] in ("ML", "AI") and len(meaningful) >= 2 and all(w[:1].isupper() for w in words)
    camel = camel or titled
    vendor = bool(VENDOR.match(text)) and any(w not in COMMON_ACRONYMS and w.casefold() not in ("amazon", "aws")
                                              for w in meaningful)
    family = VENDOR.sub("", text).casefold() in families
    return text if acronym or camel or vendor or family else ""


def title_name(doc: m.Document) -> str:
    """What a note's title names when the whole note is about one thing ('Poisson Distribution.md', 'Curse of
    Dimensionality'): '' for a README, a template, or a part of a course ('Exam Tips', 'Week 3', 'Labs')."""
    if not doc.title or FRONT_PAGE.search(doc.source) or about_file(doc.source) \
            or NUMBERED.match(plain_text(doc.title)):
        return ""
    text = clean_heading(doc.title)
    words = text.split()
    if not 1 <= len(words) <= 5 or text.endswith("?") or QUESTION_WORD.match(text) or any(w.isdigit() for w in words):
        return ""
    if re.fullmatch(r"[a-z]+[-_]?\d+", text):
        return ""  # 'text1', 'lab-2': a numbered file, not a name
    if re.search(r"(?i)\bvs\.?\b|\bversus\b|[/:_&]|\.\w", text) or re.search(
            r"(?i)\s(?:for|in|with|on|and|or|to|from|using|by|about)\s", text):
        return ""  # a comparison, a path, or a phrase about things ('Data Stores for Machine Learning')
    if any(w.strip("()-").casefold() in COURSE_WORDS for w in words):
        return ""
    meaningful = [w for w in words if w.strip("()-").casefold() not in GENERIC | HEADER_WORDS]
    return text if meaningful and not ABOUT_NOTES.match(text) else ""


def about_file(source: str) -> bool:
    """A whole file about the notes or their repository: a changelog, a licence, 'SECURITY.md', a note template."""
    return bool(ABOUT_FILE.search(source) or REPO_FILE.search(source) or TEMPLATES.search(source))


def member_name(raw: str, parent: str) -> str:
    """A heading under one naming a kind of things ('Classification Loss Functions' › 'Hinge Loss', 'Types of Data'
    › 'Ordinal'): one of those things, a concept the catalog lacks ('' for a part of a note: 'Key difference')."""
    if not KINDS.search(parent) or NUMBERED.match(plain_text(raw)):
        return ""
    text = clean_heading(raw)
    words = text.split()
    if not 2 <= len(words) <= 4 or not words[0][:1].isupper() or ASPECT.search(text) or words[-1].endswith("ing") or \
            re.search(r"[?/:]|\bvs\.?\b|\s(?:of|for|and|&|with|in|on)\s", text):
        return ""  # one word ('Tuning', 'Optimizer') is too often a part of a note, not a thing
    if any(w.strip("()-").casefold() in GENERIC or w.strip("()-").casefold() in HEADER_WORDS for w in words):
        return ""
    return text


def core_name(name: str) -> str:
    """A discovered name without the generic words that close it ('AWS Kinesis Overview' → 'AWS Kinesis')."""
    words = name.split()
    while len(words) > 1 and words[-1].strip("()").casefold() in TRAILING:
        words.pop()
    return " ".join(words)


def abbreviates(acronym: str, name: str) -> bool:
    """'DMS' of 'Database Migration Service', 'RNN' of 'Recurrent Neural Network'; not 'ACID' of 'Atomicity'."""
    words = re.split(r"[\s/-]+", VENDOR.sub("", name).strip())
    initials = "".join(w[:1] + "".join(x for x in w[1:] if x.isupper()) for w in words)
    rest = iter(initials.upper())
    letters = [c for c in acronym.upper() if c.isalpha()]
    return bool(letters) and letters[0] == initials[:1].upper() and all(c in rest for c in letters)


def stray_acronym(variant: str, name: str) -> bool:
    """An acronym in a name that does not abbreviate the rest of it: the thing it belongs to ('Atomicity (ACID)')."""
    others = [p.strip() for p in re.split(r"\s+[-–—:]\s+|\s*[()]\s*", name) if p.strip() and p.strip() != variant]
    return is_acronym(variant) and bool(others) and not any(abbreviates(variant, o) for o in others)


def definition_of(name: str, facts: list[Fact]) -> str:
    """A one-line definition from the notes for a topic the catalog lacks: the first sentence of its facts whose
    subject is the topic ('Data ingestion is the process of …', 'OLTP stands for …'); '' when none is."""
    heads = {stem(w.casefold()) for w in re.split(r"[\s()-]+", name) if len(w) > 2} - {"the", "and"}
    for fact in facts:
        if fact.kind != "fact" or fact.status == "superseded":
            continue
        plain = " ".join(plain_text(fact.text).split())
        sentence = re.split(r"(?<=[.!?])\s*(?=[A-Z][a-z])", plain, maxsplit=1)[0].strip()
        verb = DEFINES.search(sentence)
        subject = {stem(w.casefold()) for w in re.findall(r"[\w'-]+", verb.group(1))} if verb else set()
        if verb and subject & heads and not NOT_A_SUBJECT.match(sentence) and 5 <= len(sentence.split()) <= 40 \
                and not re.search(r"[;`$|]", sentence) and not sentence.endswith((":", ",")):
            return sentence if sentence.endswith((".", "!", "?")) else sentence + "."
    return ""


def discovered_entity(name: str, slug: str, section: str, definition: str = "") -> Entity:
    parts = [p.strip() for p in re.split(r"\s+[-–—:]\s+|\s*[()]\s*", name) if p.strip()]
    kept = [p for p in parts if not stray_acronym(p, name)]
    acronyms = [p for p in kept if is_acronym(p)]
    longer = [p for p in kept if not is_acronym(p)]
    title = longer[0] if (acronyms or len(kept) < len(parts)) and longer else name
    aliases = tuple(dict.fromkeys(a for a in [*acronyms, *longer[1:]] if a.casefold() != title.casefold()))
    found = f"{title}: a topic found in the notes (not in the catalog)."
    summary = f"{definition} (A topic found in the notes, not in the catalog.)" if definition else found
    return Entity(title, slug, section, aliases, summary, (), discovered=True)


# -- practice material and navigation ----------------------------------------------------------

def is_options(block: m.Block) -> bool:
    """A list of answer options: task boxes (- [x]) or lettered choices (A. … B. …)."""
    if block.kind != m.LIST or not block.items:
        return False
    if any(item.checked is not None for item in block.items):
        return True
    letters = [OPTION.match(item.text) for item in block.items if item.depth == 0]
    found = [x.group(1).upper() for x in letters if x]
    return len(found) >= 2 and found[:2] == ["A", "B"]


def unanswered(card: m.Block) -> bool:
    """A question with no answer, or one ticked off in a to-do list ('- [ ] What is MapReduce?'): practice, no fact."""
    back = plain_text(card.back).strip(" ()").casefold()
    return bool(TASK_MARK.match(card.front)) or not back or back in ("no answer given", "no answer")


def is_navigation(text: str) -> bool:
    """A table-of-contents row, a back-to-top link or a bare 'See: <address>': links to places, no statement."""
    if URL.search(text) and len(content_words(URL.sub(" ", text)) - {"see", "more", "docs", "link"}) < MIN_STATEMENT:
        return True
    unbold = re.sub(r"\*\*|__", "", text)
    if LINK_ONLY.match(text) or WIKI_ONLY.match(text) or SEE_LINK.match(unbold) or COVERED.match(unbold):
        return True
    if not NAV_LINK.search(text):
        return False
    if POINTER.search(plain_text(text)) or LINK_FIRST.match(text):
        return True
    rest = NAV_LINK.sub(" ", text)
    return len(content_words(re.sub(r"[|\d.]", " ", rest))) < MIN_WORDS


def is_name_list(text: str) -> bool:
    """'SageMaker Experiments, Debugger, Clarify', 'SSD (Single Shot Detector)': names side by side, or a name
    and its abbreviation, with nothing said about them."""
    plain = plain_text(text).strip(" .")
    if LABEL.match(plain) or VERB.search(plain):
        return False
    both = NAME_AND_SHORT.match(plain)
    if both and any(is_acronym(x.strip()) for x in both.groups()):
        return True
    if NAME_AKA.match(plain):
        return True  # "TanH aka Hyperbolic Tangent": a name and its other name
    parts = [p.strip() for p in re.split(r",|\band\b|&", plain)]
    return len(parts) >= (2 if "," in plain else 3) and all(p and len(p.split()) <= 3 and p[0].isupper() for p in parts)


NAME_AND_SHORT = re.compile(r"^([^()]{2,50}?)\s*\(([^()]{2,50})\)$")
NAME_AKA = re.compile(r"(?i)^(?:[\w'-]+\s+){0,3}[\w'-]+\s+(?:aka|a\.k\.a\.?|also known as)\s+"
                      r"(?:[\w'-]+\s+){0,3}[\w'-]+$")


def is_toc(block: m.Block) -> bool:
    if block.kind == m.LIST and block.items:
        return sum(is_navigation(i.text) for i in block.items) >= max(1, 0.6 * len(block.items))
    if block.kind == m.TABLE and len(block.rows) > 1:
        return sum(is_navigation(" ".join(r)) for r in block.rows[1:]) >= 0.6 * (len(block.rows) - 1)
    if block.kind == m.PARAGRAPH:
        lines = [x for x in block.text.split("\n") if x.strip()]
        return bool(lines) and sum(is_navigation(x) for x in lines) >= 0.6 * len(lines)
    return False


# -- units: whole facts out of blocks ----------------------------------------------------------

@dataclass
class Unit:
    """A fact before placement: what it says, where it sits, what it introduces, what names it opens with."""

    text: str
    span: m.Span
    kind: str  # fact | card
    context: list[str]  # topics of the labels and items above it, nearest first
    path: list[str]  # labels of the items above it
    extra: tuple[m.Block, ...] = ()
    lines: tuple[int, ...] = ()  # every raw line this unit accounts for
    row: bool = False  # a table row
    answer: str = ""  # the cell of a decision table that names the choice ("Service", "Solution")
    weak: bool = False  # its context comes from the note's title alone
    prop: bool = False  # an item of a list of properties ('Units:', 'Sensitivity:', 'Use when:')
    columns: tuple[str, ...] = ()  # a table row's headers after the first ('Endpoint', 'Batch Transform', …)


def lines_of(block: m.Block) -> list[int]:
    out = list(block.span)
    for item in block.items:
        for x in item.extra:
            out += lines_of(x)
    return out


def defines_title(plain: str, title: Entity | None, unnamed: bool = True) -> bool:
    """A sentence defining the note's title without naming it ('A parameter in a neural network that …' in
    'Weight.md'; only where ``unnamed``), or naming it as its subject ('In an ANN, the bias is …' in 'Bias.md')."""
    if title is None:
        return False
    if unnamed and re.match(r"(?i)^\W*(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:that|which|where|used|in|of|for|"
                            r"inspired|with)\b", plain):
        return True
    names = "|".join(re.escape(t) for t in title.terms)
    subject = rf"(?i)^[^.]{{0,80}}?\b(?:the|an?)\s+(?:{names})\s+(?:is|are|refers to|means|represents|acts)\b"
    return bool(re.match(subject, TAGS.sub("", plain)))


def takes_up(text: str, before: str) -> bool:
    """'The customer attached VPC can …' right after '… can have a customer attached VPC': an item taking up what
    the item before it introduced, with 'the' and at least two of its words."""
    found = re.match(r"(?i)the\s+((?:[\w-]+\s+){1,3}?[\w-]+)\s+(?:can|is|are|has|have|must|will|may|does)\b", text)
    return bool(found) and not re.search(r"(?i)\bthe\s+" + re.escape(found.group(1)) + r"\b", before) \
        and bool(re.search(r"(?i)\b(?:an?|one|some)\s+" + re.escape(found.group(1)) + r"\b", before))


def open_question(text: str) -> bool:
    """'How do you know the best learning rate?': a question the note asks itself, with no label before it."""
    plain = plain_text(text).rstrip()
    return plain.endswith("?") and " — " not in plain and not label_of(text)


def answered_questions(nodes: list) -> list:
    """A question item with nothing under it, then the item that answers it ('Often you have to experiment'):
    one item, so neither reaches a page without the other."""
    out: list = []
    skip = False
    for n, (item, children) in enumerate(nodes):
        if skip:
            skip = False
            continue
        after = nodes[n + 1] if n + 1 < len(nodes) else None
        if after and not children and not item.extra and open_question(item.text) \
                and not open_question(after[0].text):
            answer = after[0]
            item = m.Item(f"{item.text.rstrip()} {answer.text}", m.Span(item.span.first, answer.span.last), item.depth,
                          item.ordered, item.checked, answer.extra)
            children, skip = after[1], True
        out.append((item, children))
    return out


def item_tree(items: tuple[m.Item, ...]) -> list[tuple[m.Item, list]]:
    """Flat items with depths → (item, children) trees."""
    root: list = []
    stack: list[tuple[int, list]] = [(-1, root)]
    for item in items:
        while stack[-1][0] >= item.depth:
            stack.pop()
        node = (item, [])
        stack[-1][1].append(node)
        stack.append((item.depth, node[1]))
    return root


def flatten(nodes: list, depth: int = 0) -> list[m.Item]:
    out = []
    for item, children in nodes:
        out.append(m.Item(item.text, item.span, depth, item.ordered, item.checked, item.extra))
        out += flatten(children, depth + 1)
    return out


def subtree_span(item: m.Item, children: list) -> m.Span:
    last = item.span.last
    for x in item.extra:
        last = max(last, x.span.last)
    for child, grand in children:
        last = max(last, subtree_span(child, grand).last)
    return m.Span(item.span.first, last)


def ends_with_colon(text: str) -> bool:
    return TAG.sub("", plain_text(text)).rstrip(" *_").endswith(":")


def is_bold_label(text: str) -> bool:
    """'**SageMaker Studio**', '**2. Model Debugging** `#exam-tip`': a label for what follows."""
    return bool(BOLD_LABEL.match(TAG.sub("", text)))


def short_list(block: m.Block) -> bool:
    """A list that reads as one thing: few items, or short ones."""
    if len(block.items) > MAX_UNIT_ITEMS:
        return False
    return len(block.items) <= 3 or all(len(plain_text(i.text).split()) <= SHORT_ITEM for i in block.items)


def is_procedure(block: m.Block) -> bool:
    """A numbered list one of whose steps refers to others ('Repeat steps 2-4'): one procedure, not separate facts."""
    top = [i for i in block.items if i.depth == 0]
    return len(top) >= 2 and all(i.ordered for i in top) and \
        any(STEP_REFERENCE.search(plain_text(i.text)) for i in block.items)


def is_thin(text: str) -> bool:
    count = len(content_words(text))
    return count < MIN_WORDS and not (count >= MIN_STATEMENT and VERB.search(plain_text(text)))


def list_units(block: m.Block, names: Names, context: list[str], path: list[str]) -> list[Unit]:
    return nodes_units(item_tree(block.items), names, context, path)


def nodes_units(nodes: list, names: Names, context: list[str], path: list[str]) -> list[Unit]:
    """Each item a fact; an item with a short sub-list keeps it as its list; a label passes its
    topic and its words down to the items under it. Bare names side by side make one fact."""
    out: list[Unit] = []
    nodes = answered_questions(nodes)
    labels = [label_of(item.text) for item, _ in nodes]
    # a list whose labels name no topic lists properties of the topic above ('Units:', 'Sensitivity:')
    props = sum(1 for x in labels if x) >= 3 and sum(1 for x in labels if x and names.matcher.slugs_in(x)) <= 1
    bare: list[m.Item] = []
    opener: tuple[int, ...] = ()  # "- There are a lot of them. A few:" over the items after it
    if len(nodes) > 2 and not nodes[0][1] and not nodes[0][0].extra and ends_with_colon(nodes[0][0].text) and \
            not names.matcher.slugs_in(plain_text(nodes[0][0].text)):
        opener, nodes = tuple(nodes[0][0].span), nodes[1:]
    for n, (item, children) in enumerate(nodes):
        own = names.matcher.slugs_in(plain_text(item.text)) or names.in_label(item.text) or (
            names.short_subject(plain_text(item.text)) if children else [])  # "• Debugger" over its points
        below = names.narrow(own, context)
        label = label_of(item.text) or plain_text(item.text).strip(" :*")
        leaves = all(not grand for _, grand in children)
        extra_blocks = tuple(x for x in item.extra if x.kind != m.PARAGRAPH)
        paragraphs = [x for x in item.extra if x.kind == m.PARAGRAPH]
        span = subtree_span(item, children)
        if not children and not item.extra and out and out[-1].path == path and not out[-1].extra \
                and (CONTINUES.match(plain_text(item.text)) or LEANS_BACK.match(plain_text(item.text))
                     or takes_up(plain_text(item.text), plain_text(out[-1].text))):
            last = out[-1]  # "- For example, …" under a statement: the same fact
            stop = "" if re.search(r"[.!?;:]\W*$", last.text) else "."
            last.text, last.lines = f"{last.text.rstrip()}{stop} {item.text}", last.lines + tuple(item.span)
            last.span = m.Span(last.span.first, item.span.last)
            continue
        leaned_on = n + 1 < len(nodes) and bool(LEANS_BACK.match(plain_text(nodes[n + 1][0].text)))
        if not children and not item.extra and (is_thin(item.text) or is_bold_label(item.text)
                                                or is_bare_name(item.text, names)) and not ends_with_colon(item.text) \
                and not leaned_on:  # "Observations are weighted", then "Some will …": a statement carried on
            if PARA_CONTINUES.match(plain_text(item.text)) or (context and not path and pronoun_statement(item.text)):
                # "So, depends on your goal": no name, no statement; "It is serverless" right under Athena: a
                # statement (under a label, "PCA: It is unsupervised" keeps the label that names its subject)
                out.append(Unit(item.text, item.span, "fact", context, path, (), tuple(item.span)))
                continue
            choice = chosen_name(item.text, names)
            if choice:  # "Anomaly detection: Random Cut Forest": a need, then the thing to pick for it
                out.append(Unit(item.text, item.span, "fact", context, path, (), tuple(item.span), answer=choice))
                continue
            bare.append(item)
            continue
        if bare and children and leaves and not item.extra and is_bare_name(item.text, names) and \
                all(is_thin(c.text) for c, _ in children):
            # "- Residual Network / - Example: ResNet" among bare names: one more name, its note in brackets
            note = "; ".join(plain_text(c.text).rstrip(".;,") for c, _ in children)
            bare.append(m.Item(f"{plain_text(item.text)} ({note})", span, item.depth, item.ordered, item.checked))
            continue
        short = all(len(plain_text(c.text).split()) <= SHORT_ITEM for c, _ in children)
        keeps_list = children and leaves and len(children) <= MAX_UNIT_ITEMS and (
            ends_with_colon(item.text) or is_thin(item.text) or short)
        # a worked example keeps all its steps, however deep: one step ('Find the squared differences') says nothing
        keeps_list = keeps_list or bool(children and EXAMPLE_ITEM.match(plain_text(item.text))
                                        and len(flatten(children)) <= MAX_UNIT_ITEMS)
        if keeps_list or not children:
            sub = (m.Block(m.LIST, m.Span(children[0][0].span.first, span.last), items=tuple(flatten(children))),) \
                if children else ()
            taken = paragraphs if ends_with_colon(item.text) or is_thin(item.text) else \
                list(itertools.takewhile(lambda p: bool(MATH_ONLY.match(p.text)), paragraphs))
            # "- L1 term:" over what it introduces; "- L2 term is the sum of the squared weights" over its formula
            text, paragraphs = "\n".join([item.text, *(p.text for p in taken)]), paragraphs[len(taken):]
            lines = [*item.span, *(n for p in taken for n in p.span),
                     *(n for c, g in children for n in subtree_lines(c, g))]
            lines += [n for x in item.extra if x.kind != m.PARAGRAPH for n in lines_of(x)]
            # "- Comprehend" over what it does, under Ground Truth's "Other ways to label": the item's own topic
            # (not "- Lambda" over "L2 regularization" under XGBoost: an algorithm's items are its settings)
            named_alone = bool(sub and own and not names.matcher.slugs_in(plain_text(item.text))
                               and names.short_subject(plain_text(item.text)) == own
                               and not (context and context[0] in names.entities
                                        and names.entities[context[0]].section == "algorithms"))
            own_span = m.Span(item.span.first, taken[-1].span.last) if taken else item.span
            out.append(Unit(text, span if sub else own_span, "fact", below if named_alone else context, path,
                            sub + extra_blocks, tuple(lines), prop=props))
            out += [Unit(p.text, p.span, "fact", below, [*path, label], (), tuple(p.span)) for p in paragraphs]
            continue
        # A statement or label over a deeper tree: the statement is a fact, its items facts of their own.
        statement = None
        if not is_thin(item.text) and not ends_with_colon(item.text) and not open_question(item.text):
            statement = Unit(item.text, item.span, "fact", context, path, extra_blocks, tuple(item.span), prop=props)
            out.append(statement)
            below_lines: tuple[int, ...] = ()
        else:
            below_lines = tuple(item.span)  # the label reaches the page as the subject of what is under it
        out += [Unit(p.text, p.span, "fact", below, [*path, label], (), tuple(p.span)) for p in paragraphs]
        inner = nodes_units(children, names, below, [*path, label])
        counted = [u for u in inner if statement is not None and COUNTED.search(label)
                   and u.text.startswith(f"{label}: ")]
        if counted:  # "There are 4 methods …: SSE-S3, …" says all the statement does, and names the four
            out.remove(statement)
            counted[0].lines = tuple(item.span) + counted[0].lines
        if inner and below_lines:
            inner[0].lines = below_lines + inner[0].lines
        out += inner
    named = names.matcher.slugs_in(label_of(bare[0].text)) if len(bare) == 1 else []
    used = IMPERATIVE.match(plain_text(bare[0].text)) if len(bare) == 1 and not named else None
    if used:  # "Use Spot instances with checkpointing" alone under "Cost Optimization Tips": an instruction
        named = [s for s in names.matcher.slugs_in(plain_text(bare[0].text)) if not names.general(s)]
    if named and not any(s in names.platforms for s in named) \
            and (used or plain_text(bare[0].text)[len(label_of(bare[0].text)):].strip(" :*")):
        # "Specificity: TN / (TN + FP)" alone under "Other metrics:": it names its subject and says something of it
        return out + [Unit(bare[0].text, bare[0].span, "fact", context, path, (), tuple(bare[0].span))]
    if opener and out:  # the lead-in reaches the page through the items it opens
        out[0].lines = opener + out[0].lines
    if bare:
        text = ", ".join(plain_text(x.text).rstrip(".;,") for x in bare)
        every = [plain_text(label_of(x.text) or x.text).strip(" :*").rstrip(".;,") for x, _ in nodes]
        if path and len(bare) < len(nodes) and COUNTED.search(path[-1]) and \
                all(0 < len(x.split()) <= 5 for x in every):
            text = ", ".join(every)  # "4 methods of encrypting objects: SSE-S3, …, Client Side Encryption", not
            # the one method that had nothing more to say under the count of all four
        if path:  # "Other ReLU variants: Exponential Linear Unit": a name says something only under its label
            text = f"{path[-1]}: {text}"  # "Fixing the vanishing gradient problem: LSTM, …"
        span = m.Span(bare[0].span.first, bare[-1].span.last)
        out.append(Unit(text, span, "fact", context, path, (), tuple(n for x in bare for n in x.span)))
    return out


def chosen_name(text: str, names: Names) -> str:
    """'**Anomaly detection:** Random Cut Forest': a label saying what is needed, then only names: those names."""
    plain = plain_text(text)
    label = LABEL.match(plain)
    if not label or len(label.group(1).split()) > 5:
        return ""
    need = names.matcher.slugs_in(label.group(1))
    value = plain[label.end():].strip()
    if not need or not all(names.general(s) for s in need) or not value or not is_bare_name(value, names):
        return ""  # the need is an idea ('Anomaly detection', 'CSV'); 'Amazon Personalize: …' defines its label
    return value if any(not names.general(s) for s in names.matcher.slugs_in(value)) else ""


def is_bare_name(text: str, names: Names) -> bool:
    """An item that only names something: 'Long short-term memory (LSTM)'; not a bold name with what it
    says after it ('**Encryption at rest** - KMS for S3, EBS')."""
    if BOLD_HEAD.match(text):
        return False
    plain = plain_text(text)
    mentions = names.matcher.find(plain)
    if not mentions:
        return False
    rest = plain
    for x in reversed(mentions):
        rest = rest[:x.start] + " " + rest[x.end:]
    return not content_words(re.sub(r"\([^)]*\)", " ", rest))


def subtree_lines(item: m.Item, children: list) -> list[int]:
    out = list(item.span)
    for x in item.extra:
        out += lines_of(x)
    for child, grand in children:
        out += subtree_lines(child, grand)
    return out


def table_units(block: m.Block, context: list[str], path: list[str]) -> list[Unit]:
    header = block.rows[0]
    units = []
    first = block.span.first
    for n, row in enumerate(block.rows[1:]):
        text = "; ".join(f"{h}: {c}" if h else c for h, c in zip(header, row, strict=False) if c)
        line = min(first + n + 2, block.span.last)  # header, delimiter, then one row a line
        answer = next((c for h, c in zip(header, row, strict=False) if ANSWER_COLUMN.match(plain_text(h).strip())), "")
        units.append(Unit(text, m.Span(line, line), "fact", context, path, (), (line,), row=True, answer=answer,
                          columns=tuple(header[1:])))
    if units:
        units[0].lines = tuple(range(first, units[0].span.first + 1))
    return units


# -- placement -----------------------------------------------------------------------------------

def lead_topics(text: str, names: Names, strict: bool | None = False) -> list[str]:
    """The topics a statement opens with: named before its verb (or its label's colon). ``strict``
    (the fact sits under a topic already): without a verb or label, it opens with no topic of its own."""
    plain = plain_text(text)
    # a name in brackets is an aside ('Convolutional Neural Network (commonly used for image classification)')
    asides = [x.span() for x in PARENS.finditer(plain)] + [x.span() for x in CONTRAST.finditer(plain)]
    mentions = [x for x in names.matcher.find(plain) if not any(a <= x.start < b for a, b in asides)]
    label = LABEL.match(plain)
    if label and PRONOUN_LABEL.search(label.group(1)):
        return []  # "Who uses it: Training jobs": the label's value is not what the fact is about
    if label and INTEGRATION_LABEL.match(label.group(1)):
        return []  # "SageMaker integration: attach EFS …" under EFS: how EFS works with SageMaker
    if label and PROBLEM_LABEL.match(label.group(1)):
        return []  # "Insufficient training jobs:" under tuning: a pitfall of tuning, not a fact about training jobs
    if label and label.group(1).strip(" *_`").casefold() in names.whole_headings:
        return [names.whole_headings[label.group(1).strip(" *_`").casefold()]]  # "**Pipe**: …" is Pipe mode
    if not mentions:
        return names.in_label(text)
    verb = VERB.search(plain)
    words = plain.split()
    limit = len(" ".join(words[:LEAD_WORDS]))
    if label and len(label.group(1).split()) <= 5:
        limit = min(limit, label.end())
        if strict is None and ANSWER_LABEL.match(label.group(1).strip()) and not any(x.start < limit for x in mentions):
            return ["-"]  # "Solution: …" outside any topic: what it names is an answer, not its subject
    elif verb:
        limit = min(limit, verb.start())
    elif strict and mentions[0].start > 2:
        return []
    elif strict:
        limit = mentions[0].end + 1  # it opens with the name: "CloudTrail keeps 90 days …"
        for before, x in zip(mentions, mentions[1:], strict=False):  # … or with names side by side:
            if x.start > limit or plain[before.end:x.start].strip(" -"):  # "Amazon SageMaker batch transform …"
                break
            limit = x.end + 1
    implicit = IMPLICIT.match(plain) or SUBJECTLESS.match(plain)
    if strict and implicit and mentions[0].start >= implicit.end():
        return []  # "Used mainly for text classification" under BlazingText ("Training Jobs" is a name, though)
    # an everyday word inside the opening ('An oversampling technique that addresses the potential
    # overfitting …' under SMOTE) is not the statement's subject; only a name that opens the statement is
    opening = DISCOURSE.match(plain)  # "Essentially, backpropagation is …" opens with its subject all the same
    first = opening.end() if opening else 0
    lead = list(dict.fromkeys(x.slug for x in mentions if x.start < limit
                              and not (strict is not False and ordinary_word(x) and x.start > first + 2)))
    if not lead and label and limit == label.end():
        return body_lead(plain, label.end(), mentions)
    return lead


def body_lead(plain: str, start: int, mentions: list[Mention]) -> list[str]:
    """'**Sequential processing:** RNNs handle sequences': a label naming no topic, then a statement whose
    subject opens it, before its verb."""
    after = [x for x in mentions if x.start >= start]
    if not after or re.sub(r"(?i)\b(?:the|an?)\b", "", plain[start:after[0].start]).strip(" *_:-–—"):
        return []
    end = plain.find(";", after[0].end)  # a table row's next cell is another statement ('Use case: …')
    verb = VERB.search(plain, after[0].end, end if end >= 0 else len(plain))
    if verb is None:
        return []
    return list(dict.fromkeys(x.slug for x in after if x.start < verb.start()))


def ordinary_word(mention: Mention) -> bool:
    """'accuracy', 'sensitivity': a catalog name written as an everyday word, which may mean just that (not a
    package's name, 'sagemaker-spark', 'sagemaker_pyspark')."""
    return " " not in mention.text and mention.text.islower() and not PACKAGE.search(mention.text)


def specific_named(plain: str, names: Names, platform: str, row: bool = False, words: int = 4) -> list[str]:
    """Things (not ideas, not the platform above) named in a statement's first words ('Use S3 lifecycle policies');
    in a table row, only the platform's own parts ('Feature: Model Cards' under SageMaker, not 'Type: Spark'
    under Glue)."""
    limit = len(" ".join(plain.split()[:words]))
    used = IMPERATIVE.match(plain)
    after = used and re.match(r"\s*([A-Z][\w-]*(?: [A-Z][\w-]*)?)\s+(?:for|to|with|when|on|in)\b", plain[used.end():])
    if after and not row and names.short_subject(after.group(1)):  # "Use Clarify for bias detection"
        return [s for s in names.short_subject(after.group(1)) if s != platform][:1]
    return [x.slug for x in names.matcher.find(plain) if x.start < limit and x.slug != platform
            and (not row or umbrella(platform, x.slug, names.entities))
            and not (x.slug in names.entities and names.entities[x.slug].section == "concepts")
            and not ordinary_word(x)][:1]


def platforms(entities: tuple[Entity, ...]) -> frozenset[str]:
    """Entities whose name starts the names of several others (SageMaker, Glue): a platform, not a feature."""
    def bare(term: str) -> list[str]:
        return re.sub(r"(?i)^(?:amazon|aws)\s+", "", term).split()

    first: Counter[str] = Counter()
    for e in entities:
        first.update({bare(t)[0].casefold() for t in e.terms if len(bare(t)) > 1})
    return frozenset(e.slug for e in entities
                     if any(len(bare(t)) == 1 and first[bare(t)[0].casefold()] >= 3 for t in e.terms))


def umbrella(slug: str, of: str, entities: dict[str, Entity], wide: frozenset[str] = frozenset(),
             parents: dict[str, set[str]] | None = None) -> bool:
    """``slug`` is a broader name of ``of``: SageMaker of SageMaker Ground Truth, or a platform of a feature
    the notes' headings put under it ('SageMaker ML Lineage Tracking')."""
    if slug == of or slug not in entities or of not in entities:
        return False
    if slug in wide and parents is not None and slug in parents.get(of, ()):
        return True
    inner = [t.casefold() for t in entities[of].terms]
    return any(contains_words(name, t.casefold()) for t in entities[slug].terms for name in inner)


@lru_cache(maxsize=65536)
def contains_words(text: str, words: str) -> bool:
    """``words`` inside ``text`` as whole words: 'model monitor' is not in 'model monitoring'."""
    return bool(re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text))


PART_OF = frozenset({"feature of", "part of"})  # catalog 'how' words: this topic is a part of that one
HAS_PART = frozenset({"feature", "includes"})  # …and that one has this one as a part


def part_of(part: str, whole: str, entities: dict[str, Entity]) -> bool:
    """The catalog makes ``part`` a feature or part of ``whole`` (Redshift ML of Amazon Redshift)."""
    if part not in entities or whole not in entities:
        return False
    return any(r == whole and how in PART_OF for r, how in entities[part].related) or \
        any(r == part and how in HAS_PART for r, how in entities[whole].related)


def related(a: str, b: str, entities: dict[str, Entity]) -> bool:
    """The catalog relates the two topics, either way ('training jobs' → 'Pipe mode')."""
    return any(r == b for r, _ in entities[a].related) or \
        (b in entities and any(r == a for r, _ in entities[b].related))


def place(text: str, context: list[str], names: Names, entities: dict[str, Entity], row: bool = False,
          prop: bool = False) -> list[str]:
    """The topics a fact is about: what it opens with, else what it sits under; both sides of a comparison."""
    text = IMAGE.sub(" ", text)  # "![[Deep Learning 101 (4)]]": a picture's file name says nothing
    plain = plain_text(text)
    named_as = called_name(plain, names)
    if named_as:
        return named_as  # "… It is called inter-container traffic encryption": it names what it describes
    if context and OFFERS.match(plain):
        return context[:1]  # "VPC connectivity is possible" under QuickSight › Security: what QuickSight offers
    within = PLATFORM_LABEL.match(plain)
    platform = (whole_name(within.group(1), names) or names.short.get(within.group(1).casefold(), "")) if within else ""
    if platform in names.platforms and plain[within.end():].strip():
        # "**In SageMaker:** Set `ShuffleConfig` in training job": the label says where; the rest says what
        return place(plain[within.end():], [platform], names, entities, row, prop)
    advised = ADVICE.search(plain)
    used = whole_name(advised.group(1), names) if advised and context and names.general(context[0]) else ""
    if used and used != context[0] and names.general(used):
        return [used]  # "For multiple classification use softmax on the output layer" under neural networks
    enumerated = ENUMERATOR.match(plain)
    if enumerated and plain[enumerated.end():].strip():
        # "**Option A: NAT Gateway** (simpler)": the option's letter is no label; what follows it is the statement
        return place(plain[enumerated.end():], context, names, entities, row, prop)
    qualified = row and cell_name(text, names)
    if qualified:
        return [qualified]  # "Mode: Pipe; …" is about Pipe mode
    value = plain.partition("; ")[0].partition(": ")[2].strip(" *_`") if row else ""
    kind = [k for k in kinds_named(value, context[0], names) if k != context[0]] if value and context else []
    if kind:
        return kind[:1]  # "Type: Feature Attribution" under model monitoring: feature attribution drift
    short = names.short_subject(value) if value else []
    if value and not short and context and context[0] in names.platforms:
        short = qualified_name(value, context, names)  # "Feature: Training" under SageMaker: SageMaker training
    if short and context and short[0] != context[0] and context[0] in names.platforms \
            and umbrella(context[0], short[0], entities):
        return short  # "Feature: Clarify; Description: …" under SageMaker is about SageMaker Clarify
    defined = whole_name(value, names) if value and first_cell(text)[0] in TERM_COLUMNS else ""
    if defined and context and defined != context[0]:
        return [defined]  # "Concept: Foundation Model; Description: …" under Bedrock defines foundation models
    listed = members_named(plain, names)
    if listed and context and listed != context[0]:
        return [listed]  # "**Predefined policies:** AmazonSageMakerReadOnly, AmazonSageMakerFullAccess, …"
    contrasts = [x.span() for x in CONTRAST.finditer(plain)]
    named = list(dict.fromkeys(x.slug for x in names.matcher.find(plain)
                               if not any(a <= x.start < b for a, b in contrasts)))
    label = LABEL.match(plain)
    body = plain[label.end():] if label else plain
    if not context and len(named) >= 2 and "," in body and not VERB.search(body) and \
            not (label and names.matcher.find(label.group(1))) and \
            all(len(part.split()) <= SUBJECT_WORDS for part in SUBJECT_SPLIT.split(PARENS.sub(" ", body))):
        return []  # "Handling missing data, outliers, imbalanced datasets": a list of subjects, not a fact
    if (PRONOUN_LEAD.match(plain) or FRONTED_PRONOUN.match(plain)) and not label:
        return context[:1]  # "It's an activation function as well": about what it sits under, else unknown
    compared = COMPARE.search(plain)
    contrast = CONTRAST.search(plain)
    # "… less sensitive to outliers compared to some other models": no name after it, so one side only
    end = plain.find(".", compared.end()) if compared else -1
    other = compared and any(compared.end() <= x.start < (end if end >= 0 else len(plain))
                             for x in names.matcher.find(plain))
    if compared and len(named) >= 2 and (not context or len(plain[:compared.start()].split()) <= 15) and \
            not (contrast and contrast.start() <= compared.start()) and (other or compared.group(0).lower() in (
                "vs", "vs.", "versus")):
        if context and context[0] in named and AXES.search(plain):
            return context[:1]  # "a plot of true positive rate vs. false positive rate" under ROC: its axes
        return named[:3]
    if context and label and PROPERTY_LABEL.match(label.group(1).strip(" *_`")):
        return context[:1]  # "**Use when:** false positives are costly" under Precision is Precision's
    idea_in = IDEA_IN.match(plain)
    read_as = qualified_name(label.group(1) if label else "", context, names) or (
        qualified_name(idea_in.group(1), names.in_heading(idea_in.group(2)), names) if idea_in else [])
    if read_as:
        return read_as  # "Implement Guardrails:" under Bedrock; "Hyperparameter tuning in SageMaker …"
    lead = lead_topics(text, names, strict=True if context else None)
    where = LOCATED.search(label.group(1)) if label and context else None
    if where and context[0] not in lead and not names.matcher.find(label.group(1)[:where.start()]) and \
            names.matcher.find(where.group(1)):
        return context[:1]  # "**Storage Structure in S3:**" under Data Capture: where its files go, not S3's fact
    described = DESCRIBES.match(plain)
    if described and context and lead and not label and context[0] not in lead and \
            not names.matcher.find(plain[:described.end()]):
        return context[:1]  # "Serverless query service to analyze data in Amazon S3" under Athena defines Athena
    if lead == ["-"]:
        return []
    if lead and context and context[0] not in names.platforms and not names.general(context[0]) and \
            not named and names.everyday_opening(text):
        return context[:1]  # "Batch recommendations: per user" under Personalize is not AWS Batch
    term = label.group(1).strip(" *_`").casefold() if label else ""
    if context and term and QUANTITY_LABEL.match(term) and re.search(r"\d", plain[label.end():]):
        return context[:1]
    if context and re.match(r"example (?:from|of|in|using|with|based on)\b", term):
        return context[:1]  # "Example from confusion matrix above: Accuracy = 98.5%" under Accuracy
    if prop and context and lead and term and any(x.slug in lead and x.text.casefold() == term and ordinary_word(x)
                                         for x in names.matcher.find(term)) and \
            not any(t.casefold() == term and t != t.lower() for s in lead[:1] for t in entities[s].terms):
        return context[:1]  # "**Sensitivity:** penalises large errors" under RMSE: a property, not Recall
    spelled = bool(label) and is_acronym(label.group(1).strip(" *_`")) and len(plain[label.end():].split()) <= 6 \
        and abbreviates(label.group(1).strip(" *_`"), plain[label.end():].strip())  # 'ETL: Extract, Transform, Load'
    if lead and label and any(t.casefold() == label.group(1).strip(" *_`").casefold()
                              for s in lead[:1] for t in entities[s].terms if s in entities) and (
            spelled or DEFINING.match(plain[label.end():]) or not (
            context and names.general(lead[0]) and not names.general(context[0])
            and context[0] not in names.platforms)):
        # "**Bedrock:** …" names its subject outright, even under another topic; "**Hyperparameters:**"
        # under KNN is KNN's
        return lead[:1]
    if context and context[0] not in names.platforms and lead and not named and term and " " not in term and \
            term not in names.whole_headings:  # but "**Pipe**:" is Pipe mode, a name the catalog gives as a label
        return context[:1]  # "Processing:" under Linear Learner is a step, not SageMaker Processing
    if len(lead) >= 3:  # an enumeration of names: about what it sits under
        return context[:1]
    if not lead and context and IMPERATIVE.match(plain) and not label and names.general(context[0]):
        # "Use SageMaker Automatic Model Tuning to …" under hyperparameter tuning: about the thing it uses
        return specific_named(plain, names, context[0]) or context[:1]
    if not lead and context and IMPERATIVE.match(plain) and not label and context[0] in entities:
        used = specific_named(plain, names, context[0])  # "Use Pipe Mode for large datasets" under training jobs
        if used and (umbrella(context[0], used[0], entities) or related(context[0], used[0], entities)):
            return used
    instruction = IMPERATIVE.match(plain) if not lead and context and not label else None
    thing = instruction and re.match(r"\s*((?:[\w-]+ ){0,2}?[\w-]+)\s*(?:\b(?:for|to|with|when|on|in|of|so|and)\b|"
                                     r"[,.;:(]|$)", plain[instruction.end():])
    if thing and (part := read_with(thing.group(1), context[0], names)):
        return part  # "Enable versioning for data lineage" under S3: S3 Versioning
    if not lead and context and context[0] in names.platforms and (row or (IMPERATIVE.match(plain) and not label)):
        # "Use S3 lifecycle policies …" under SageMaker is about S3
        return specific_named(plain, names, context[0], row) or context[:1]
    verb = VERB.search(plain)
    if not lead and verb and not label and (not context or names.general(context[0])):
        subject = names.short_subject(plain[:verb.start()])  # "Debugger monitors training …" under an idea
        word = plain[:verb.start()].strip(" *_`").casefold()
        everyday = re.search(r"\b" + re.escape(word) + r"s?\b", plain[verb.start():]) or (context and any(
            word in t.casefold() for t in entities[context[0]].terms if context[0] in entities))
        if subject and not everyday:  # not "Neuron … fires signals to neurons", "Pipelines" under Inference Pipelines
            return subject
    if not lead and verb and not label and context and context[0] in names.platforms:
        subject = qualified_name(plain[:verb.start()].strip(), context, names)
        if subject:
            return subject  # "Notebooks are Internet-enabled" under SageMaker: SageMaker notebooks
        if len(named) == 1 and named[0] != context[0] and len(plain.split()) <= SHORT_STATEMENT and (
                umbrella(context[0], named[0], entities) or any(  # multi-model endpoints, a kind of SageMaker's
                    (how in PART_OF or how == "kind of") and umbrella(context[0], r, entities)
                    for r, how in entities[named[0]].related)):
            return named  # "- Create a training job" (and what it needs) under SageMaker: about training jobs
    used_for = re.match(r"([A-Z][\w-]*(?: [A-Z][\w-]*)?)\s+(?:for|to)\s", plain) if not lead and not label else None
    named_for = used_for_topic(used_for.group(1), context, names) if used_for and context else []
    if named_for:
        return named_for
    if not lead:
        # a later sentence opening with a part of the platform above ('Network isolation is an option, but …')
        openers = {x.slug for x in names.matcher.find(plain) if re.search(r"[.!?]\s+$", plain[:x.start])}
        parts = [s for s in named if s in openers and context and context[0] in names.platforms
                 and umbrella(context[0], s, entities)]
        if len(parts) == 1 and not label:
            return parts  # "… Network isolation is an option" under SageMaker: SageMaker network isolation
        if context:
            return context[:1]
        # with nothing above it, an everyday word ('… the accuracy of your data') names no topic
        # ... and a name far into it is a mention ('… done with an algorithm like gradient descent')
        opening = len(" ".join(plain.split()[:2 * LEAD_WORDS]))
        return [x.slug for x in names.matcher.find(plain) if not ordinary_word(x) and x.start < opening
                and not any(a <= x.start < b for a, b in contrasts)][:1]  # "Unlike RNNs, …" is not about RNNs
    if context and all(umbrella(s, context[0], entities, names.platforms, names.parents) for s in lead):
        return context[:1]  # "SageMaker …" under Ground Truth is about Ground Truth
    whole = label.group(1).strip(" *_`") if label and not plain[label.end():].strip() else ""
    if context and len(lead) == 1 and " " in whole and whole_name(whole, names) == lead[0] and \
            context[0] in entities and related(context[0], lead[0], entities) and \
            entities[context[0]].section != "algorithms":  # (under BlazingText, "Text classification:" is its mode)
        return lead  # "**Target Tracking Scaling:**" over its points, under endpoint auto scaling: that policy's
    if context and context[0] in entities and not names.general(context[0]) and \
            (context[0] not in names.platforms or not VERB.search(plain)) and \
            all(s in entities and names.general(s) for s in lead) and not idea_for(plain, lead, names) and \
            not part_named_first(plain, lead, context[0], names) and \
            not (len(lead) == 1 and part_of(lead[0], context[0], entities)):  # a `TargetVariant` of an endpoint
        # "Important hyperparameters: …" under LDA is about LDA; under a platform, only a phrase with no verb
        # ("Encryption at rest for ML data" under KMS) stays, a claim ("Spot training requires …") is the idea's
        return context[:1]
    idea = context[0] if context and context[0] in entities and context[0] not in names.platforms else ""
    if idea and lead and not label and all(s in names.platforms for s in lead):
        # "SageMaker will … distribute instances across availability zones" under "SageMaker and Availability
        # Zones": the platform does it, but the fact is about the heading's idea, or the named part of it
        inside = [idea] if idea in named else [
            s for s in named if s not in names.platforms and s in entities and related(idea, s, entities)]
        if inside:
            return inside[:1]
    # "SageMaker batch transform …": the most specific topic named, not the umbrella over it
    specific = [s for s in lead if not any(umbrella(s, o, entities, names.platforms, names.parents)
                                           for o in lead if o != s)]
    qualifying = {a.slug for a, b in side_by_side(names.matcher.find(plain), plain)
                  if a.slug in names.platforms and b.slug != a.slug}
    specific = [s for s in specific if s not in qualifying] or specific  # "SageMaker Inter-container Encryption"
    return (specific or lead)[:2]


def called_name(plain: str, names: Names) -> list[str]:
    """'Inter-node training communication may be encrypted … It is called inter-container traffic encryption': the
    topic a statement says its subject is called; not the wider family ('more broadly this is called AutoML')."""
    called = CALLED.search(plain)
    if called is None or re.search(r"(?i)\b(?:broad(?:ly|er)|general(?:ly)?|widely)\b",
                                   plain[:called.start()].split(".")[-1]):
        return []
    return [x.slug for x in names.matcher.find(plain) if x.start == called.end()][:1]


def opening_name(plain: str, lead: list[str], names: Names) -> Mention | None:
    """The one topic a statement opens with, as written in its first words ('Target tracking is …')."""
    opening = [x for x in names.matcher.find(plain) if x.start <= 2]
    return opening[0] if len(lead) == 1 and opening and opening[0].slug == lead[0] else None


def used_for_topic(words: str, context: list[str], names: Names) -> list[str]:
    """What a statement opening 'X for …' is about: under a platform, the platform's own X ('Agents for complex
    tasks' under Bedrock: Bedrock Agents); under a general idea, the tool X names ('Experiments for comparing model
    runs' under model versioning: SageMaker Experiments)."""
    qualified = qualified_name(words, context, names) if context[0] in names.platforms else []
    if qualified:
        return qualified
    tool = names.short_subject(words) if names.general(context[0]) else []
    return tool[:1] if tool and tool[0] != context[0] and not names.general(tool[0]) else []


def side_by_side(mentions: list[Mention], text: str) -> list[tuple[Mention, Mention]]:
    """Names written one right after the other ('SageMaker ML Lineage Tracking'), as (first, second) pairs."""
    return [(a, b) for a, b in zip(mentions, mentions[1:], strict=False) if not text[a.end:b.start].strip()]


def part_named_first(plain: str, lead: list[str], here: str, names: Names) -> bool:
    """'Target tracking is simplest approach' under endpoint auto scaling, 'SHAP computation can be expensive' in
    Clarify's gotchas: a statement opening with the full name (or acronym) of an idea the catalog relates to the
    topic it sits under, then its verb, is about that idea."""
    opening = opening_name(plain, lead, names)
    return opening is not None and (" " in opening.text or is_acronym(opening.text)) and \
        related(here, lead[0], names.entities) and \
        bool(re.match(r"\s+(?:[a-z]+\s+)?(?:is|are|was|were|has|have|can|may|might)\b", plain[opening.end:]))


# what follows an idea's name that opens a statement about it: what it is for ('… for scaling with batch size',
# 'SHAP: For explaining …', '… for models that don't fit in memory') or what is done with it ('… saved to S3
# automatically', '… is listed in the source as')
IDEA_USE = re.compile(r"(?:\W*:)?\s+(?:(?:[Ff]or|[Tt]o)\s+[a-z]+ing|for\s+[a-z]+\s+(?:that|which)|"
                      r"(?:are|is)?\s*[a-z]+ed\s+(?:to|in|by|on)|(?:are|is|(?:can|may) be)\s+[a-z]+ed)\b")


def idea_for(plain: str, lead: list[str], names: Names) -> bool:
    """'Data Parallelism for scaling with batch size', 'Model artifacts saved to S3': a statement opening with an
    idea's full name and what it is for or what is done with it speaks of that idea, even in a service's tips (not
    an aspect of the service: 'Hyperparameters for LDA')."""
    opening = opening_name(plain, lead, names)
    return opening is not None and not ordinary_word(opening) and not ASPECT.search(opening.text) and \
        bool(IDEA_USE.match(plain[opening.end:]))


# "Implement Guardrails", "Creating Alarms": what the instruction is about is the words after its verb
INSTRUCTION = re.compile(r"(?i)^\W*(?:implement|use|enable|apply|add|configure|set up|create|define|"
                         r"implementing|using|enabling|applying|adding|configuring|setting up|creating|defining)\s+")


def idea_in_platform(heading: str, names: Names) -> list[str]:
    """'Reinforcement Learning in SageMaker': the platform's own page for the idea (SageMaker reinforcement
    learning), where the catalog has one."""
    idea_in = IDEA_IN.match(clean_heading(heading))
    return qualified_name(idea_in.group(1), names.in_heading(idea_in.group(2)), names) if idea_in else []


def platform_and(heading: str, names: Names) -> list[str]:
    """'SageMaker and Spark', 'Integrating SageMaker with Spark': the platform's own page for the other thing
    (the SageMaker Spark library), where the catalog has one."""
    clean = clean_heading(heading)
    found = names.matcher.find(clean)
    for a, b in zip(found, found[1:], strict=False):
        if a.slug in names.platforms and JOINER.fullmatch(clean[a.end:b.start]):
            return read_with(b.text, a.slug, names)
    return []


def qualified_name(words: str, context: list[str], names: Names) -> list[str]:
    """A name read with the platform it sits under or names ('Guardrails' under Bedrock → Bedrock Guardrails),
    when that makes the full name of another topic; an instruction's verb is dropped ('Implement Guardrails')."""
    words = INSTRUCTION.sub("", words.strip(" *_`"))
    return read_with(words, context[0], names) if context and words[:1].isupper() else []


# the head noun of a topic's name → the noun its kinds' names end with: 'Async' under endpoints is an async
# endpoint; 'Feature Attribution' under model monitoring is feature attribution drift (what that monitor watches)
KINDS_BY_MODIFIER = {"endpoint": "endpoint", "endpoints": "endpoints", "inference": "inference",
                     "monitoring": "drift", "monitor": "drift"}


def read_with(words: str, slug: str, names: Names) -> list[str]:
    """Up to three words after a name of ``slug`` ('Bedrock' + 'Guardrails'), when together they are the whole name
    of another topic."""
    if slug not in names.entities or not 1 <= len(words.split()) <= 3:
        return []
    for term in names.entities[slug].terms:
        found = whole_name(f"{VENDOR.sub('', term).strip()} {words}", names)
        if found and found != slug:
            return [found]
    kind = next((found for found in kinds_named(words, slug, names) if found != slug), "")
    return [kind] if kind else []  # 'Async' under SageMaker endpoints: an async endpoint


def kinds_named(words: str, slug: str, names: Names) -> list[str]:
    """The topics ``words`` make before the head noun of each name of ``slug`` ('Async' + 'endpoint'), where that
    noun's kinds are named so."""
    terms = names.entities[slug].terms if slug in names.entities else ()
    found = (whole_name(f"{words} {KINDS_BY_MODIFIER[t.split()[-1].casefold()]}", names) for t in terms
             if len(t.split()) > 1 and t.split()[-1].casefold() in KINDS_BY_MODIFIER)
    return [f for f in found if f]


def whole_name(text: str, names: Names) -> str:
    """The topic ``text`` names from its first letter to its last ('' when it is not one name)."""
    found = names.matcher.find(text)
    return found[0].slug if len(found) == 1 and found[0].start == 0 and found[0].end == len(text) else ""


def cell_name(text: str, names: Names) -> str:
    """A row's first value read with its column ('Mode: Pipe' → Pipe mode), when that makes a topic's name."""
    column, value = first_cell(text)
    if not column or not value or len(value.split()) > 2 or len(column.split()) > 1:
        return ""
    return whole_name(f"{value} {column}", names)


# -- the pass over the notes --------------------------------------------------------------------

@dataclass
class Section:
    """The headings above a block, with the topic of each (nearest last)."""

    levels: list[int] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    topics: list[list[str]] = field(default_factory=list)
    practice: int = 0  # level of the question heading whose section is practice material (0: none)
    about: int = 0  # level of a heading whose section is about the notes themselves (0: none)
    front: bool = False  # a README or index page, whose set-up sections are about the notes
    modifiers: list[bool] = field(default_factory=list)  # the heading's name only qualifies its head noun
    titled: bool = False  # the note's first level-1 heading (its title) has passed: a later one heads a part
    parts: list[bool] = field(default_factory=list)  # the heading heads a part of the note, not the whole
    qualified: list[bool] = field(default_factory=list)  # its topic is its words read with the heading above
    raw: list[str] = field(default_factory=list)  # each heading as written ('**4. Bedrock Agents**')

    def enter(self, block: m.Block, slugs: list[str], entities: dict[str, Entity] | None = None,
              modifier: bool = False, qualifies: bool = False) -> None:
        sibling: list[str] = []
        qualified = False  # the sibling's topic came from reading it with the heading above ('Glue' › 'Crawlers')
        while self.levels and self.levels[-1] >= block.level:
            sibling, qualified = self.pop()
        title = clean_heading(block.text)
        entities = entities or {}
        general = all(s in entities and entities[s].section in ("concepts", "mlops") for s in slugs)
        specific = bool(sibling) and not all(s in entities and entities[s].section in ("concepts", "mlops")
                                             for s in sibling[:1])
        if general and specific and ASPECT.search(title) and len(title.split()) <= 3 and not qualified:
            # "XGBoost", then "Hyperparameters" at the same level: XGBoost's hyperparameters (but under "AWS Glue",
            # "Data Catalog" then "ETL Jobs" are two parts of Glue)
            slugs = sibling[:1]
        if self.practice and block.level <= self.practice:
            self.practice = 0
        if self.about and block.level <= self.about:
            self.about = 0
        if block.level < LABEL_LEVEL and (ABOUT_NOTES.match(title) or (self.front and SETUP_SECTION.match(title))):
            # ('**Structure:**' as a label over a paragraph is a part of the subject, not of the notes)
            self.about = block.level
        self.levels.append(block.level)
        self.titles.append(clean_heading(block.text))
        self.raw.append(block.text)
        self.topics.append(slugs)
        self.modifiers.append(modifier)
        self.qualified.append(qualifies)
        self.parts.append(block.level > 1 or self.titled)  # a second '# AWS S3 Data Partitioning' heads a part
        self.titled = self.titled or block.level == 1

    def pop(self) -> tuple[list[str], bool]:
        """Leave the deepest heading: its topics, and whether they came from reading it with the heading above."""
        for kept in (self.levels, self.titles, self.raw, self.modifiers, self.parts):
            kept.pop()
        return self.topics.pop(), self.qualified.pop()

    def close_label(self) -> None:
        """Leave the part a label opened: a sibling label comes ('**Spot Training**', then
        '**Right-sizing Instances**' over a table)."""
        while self.levels and self.levels[-1] >= LABEL_LEVEL:
            self.pop()

    def context(self, entities: dict[str, Entity] | None = None) -> list[str]:
        """The topic of the deepest heading naming one; but a general idea or a comparison under a
        heading naming a specific thing ('XGBoost › Important hyperparameters') stays with that thing."""
        named = [(n, slugs) for n, slugs in enumerate(self.topics) if slugs]
        if not named:
            return []
        n, slugs = named[-1]
        outer = [s[0] for _, s in named[:-1]]
        if outer and entities is not None:
            if COMPARE.search(self.titles[n]) and outer[-1] in slugs:
                return [outer[-1]]
            specific = [s for s in outer if s in entities and entities[s].section not in ("concepts", "mlops")]
            aspect = ASPECT.search(self.titles[n])
            # "Continued Pre-Training" is a topic, not an aspect; a bare "Hyperparameter" under Personalize is one
            named_outright = self.titles[n].casefold() in {t.casefold() for t in entities[slugs[0]].terms} \
                and not (aspect and aspect.start() == 0) if slugs[0] in entities else False
            if slugs[0] in entities and entities[slugs[0]].section in ("concepts", "mlops") and specific \
                    and not entities[slugs[0]].discovered and (aspect or self.modifiers[n]) and not named_outright:
                return [specific[-1]]
        return slugs[:1]

    def owner(self, entities: dict[str, Entity]) -> str:
        """The nearest heading naming a thing, not an idea ('XGBoost' over 'Regularization')."""
        things = [s[0] for s in self.topics if s and s[0] in entities and not entities[s[0]].discovered
                  and entities[s[0]].section not in ("concepts", "mlops")]
        return things[-1] if things else ""

    def title_only(self) -> bool:
        """Only the note's title names a topic: a weak hint of what a part of it is about."""
        return all(not part for part, slugs in zip(self.parts, self.topics, strict=True) if slugs)

    def path(self) -> list[str]:
        return [t for part, t in zip(self.parts, self.titles, strict=True) if part and t]


def discover(docs: list[m.Document], entities: tuple[Entity, ...],
             catalog: Names | None = None) -> dict[str, tuple[str, str, str]]:
    """Headings naming a thing the catalog lacks: each folded way of saying it → (slug, name, that way).
    Sub-things of a catalog entry ('S3 storage classes') count too."""
    catalog = catalog or Names(entities, {})
    slugs = {e.slug for e in entities}
    families = family_names(entities)
    spellings = catalog_spellings(entities)
    found: dict[str, tuple[str, str, str]] = {}
    for doc in docs:
        above: list[tuple[int, str]] = []  # the headings the current one sits under
        title, titled = title_name(doc), clean_heading(doc.title) if doc.title else ""
        for block in [*doc.blocks, *title_heading(doc)]:
            if block.kind != m.HEADING:
                continue
            clean = clean_heading(block.text)
            while above and above[-1][0] >= block.level:
                above.pop()
            parent = above[-1][1] if above else ""
            above.append((block.level, clean))
            named = catalog.in_heading(block.text)
            if named and not (THING_NOUNS.search(clean) and len(clean.split()) <= 5):
                continue
            name = core_name(clean if named else thing_name(block.text, families) or member_name(block.text, parent)
                             or (title if block.level == 1 and clean == titled else ""))
            if not name:
                continue
            known = catalog_spelling(name, spellings)
            if known:  # 'AWS Kinesis', 'Amazon Augemented AI': a catalog topic under another prefix or misspelt
                for variant in name_variants(name):
                    if len(variant) >= 3 and variant.casefold() not in catalog.short:
                        found.setdefault(variant.casefold(), (known, name, variant))
                continue
            slug = slugify(VENDOR.sub("", name), "topic")
            if slug in slugs or any(v.casefold() in found for v in name_variants(name)
                                    if not stray_acronym(v, name)):
                continue
            for variant in name_variants(name):
                if len(variant) >= 2 and variant.casefold() not in catalog.short and not stray_acronym(variant, name):
                    found.setdefault(variant.casefold(), (slug, name, variant))
    return found


def catalog_spellings(entities: tuple[Entity, ...]) -> dict[str, str]:
    """Each catalog name without its vendor prefix, folded → its topic (to know a misspelt or re-prefixed heading)."""
    out: dict[str, str] = {}
    for e in entities:
        for term in e.terms:
            bare = VENDOR.sub("", term).strip().casefold()
            if len(bare) >= 3:
                out.setdefault(bare, e.slug)
            family = re.sub(r"\s+(?:services|family|suite)$", "", bare)  # 'Amazon Lookout services' → 'lookout'
            if family != bare and len(family) >= 3:
                out.setdefault(family, e.slug)
    return out | heading_names(entities)


def catalog_spelling(name: str, spellings: dict[str, str]) -> str:
    """The catalog topic a heading names under another vendor prefix ('AWS Kinesis' for 'Amazon Kinesis') or with a
    typo in a long name ('Amazon Augemented AI'); '' for a new name."""
    bare = VENDOR.sub("", name).strip().casefold()
    if bare in spellings:
        return spellings[bare]
    if len(bare) < 10:
        return ""  # short names differ by a letter and mean other things ('Hinge Loss', 'Huber Loss')
    close = difflib.get_close_matches(bare, [k for k in spellings if abs(len(k) - len(bare)) <= 2], n=1, cutoff=0.92)
    return spellings[close[0]] if close else ""


def title_heading(doc: m.Document) -> list[m.Block]:
    """A note with no level-1 heading is titled by its file name ('ACID.md'): that title names its subject."""
    if not doc.title or any(b.kind == m.HEADING and b.level == 1 for b in doc.blocks):
        return []
    return [m.Block(m.HEADING, m.Span(1, 1), doc.title, level=1)]


def guess_section(name: str, neighbours: Counter[str]) -> str:
    """Services when the name says so; else the section most of its facts' other topics share; else concepts."""
    if re.search(r"\b(?:AWS|Amazon|Service)\b", name):
        return "services"
    total = sum(neighbours.values())
    if total:
        section, count = neighbours.most_common(1)[0]
        if count / total >= 0.6:
            return section
    return "concepts"


def build_knowledge(docs: list[m.Document], pages: dict[str, str], entities: tuple[Entity, ...]) -> Knowledge:
    """docs, the Sources page URL of each note, and the catalog → Knowledge."""
    catalog = Names(entities, {})
    found = discover(docs, entities, catalog)
    names = Names(entities, {k: (slug, way) for k, (slug, _, way) in found.items()}, catalog.catalog,
                  frozenset(k for k, (_, name, _) in found.items() if everyday_word(name)))
    remember_mentions(names.matcher)
    by_slug = {e.slug: e for e in entities}
    new_names = {slug: name for slug, name, _ in found.values() if slug not in by_slug}
    provisional = dict(by_slug)
    for slug, name in new_names.items():
        provisional[slug] = discovered_entity(name, slug, "concepts")
    for doc in docs:  # which platform each topic's headings put it under, before any fact is placed
        for block in doc.blocks:
            if block.kind == m.HEADING:
                names.in_heading(block.text)
    walker = Walker(names, provisional, pages)
    read_notes(walker, docs, (entities, found), SHOWN_ATTACHMENTS)  # under serve, unchanged notes' readings kept
    give_parts_to_bare_headings(walker.facts, walker.under)
    facts, merged = merge_duplicates(walker.facts)
    contradictions = mark_disagreements(facts, provisional)
    mark_outdated(facts, provisional)
    by_topic: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        for slug in fact.topics:
            by_topic[slug].append(fact)
    for items in by_topic.values():
        for n, fact in enumerate(items):
            if not fact.group:
                fact.group = group_of(fact.text, n == 0)
    discovered = [slug for slug in new_names if by_topic.get(slug)]
    for slug in discovered:
        neighbours: Counter[str] = Counter(
            by_slug[t].section for f in by_topic[slug] for t in names.matcher.slugs_in(plain_text(f.text))
            if t in by_slug)
        by_slug[slug] = discovered_entity(new_names[slug], slug, guess_section(new_names[slug], neighbours),
                                          definition_of(new_names[slug], by_topic[slug]))
    candidates = sorted(((h, c) for h, c in walker.headings.items() if len(h) > 2), key=lambda x: (-x[1], x[0].lower()))
    return Knowledge(by_slug, facts, dict(by_topic), dict(walker.attachments), dict(walker.mentioned_on),
                     walker.formulas, candidates, merged, dict(walker.questions), discovered, contradictions,
                     dict(walker.on_topic), {k: v for k, v in walker.off_topic.items() if v},
                     names.matcher.forgetful())


def give_parts_to_bare_headings(facts: list[Fact], under: dict[str, list[Fact]]) -> None:
    """A topic whose heading holds only facts on its features ('1.9 Redshift' over 'Redshift ML: …' and
    'Redshift streaming ingestion: …') and that no fact names gets those facts too: the notes treat it."""
    named = {slug for fact in facts for slug in fact.topics}
    for slug, parts in under.items():
        if slug not in named:
            for fact in parts:
                fact.topics.append(slug)


class Walker:
    """One pass over the notes' blocks, collecting facts, attachments, questions and the line account."""

    def __init__(self, names: Names, entities: dict[str, Entity], pages: dict[str, str]) -> None:
        self.names, self.entities, self.pages = names, entities, pages
        self.facts: list[Fact] = []
        self.attachments: dict[str, list[Attachment]] = defaultdict(list)
        self.mentioned_on: dict[str, set[str]] = defaultdict(set)
        self.headings: Counter[str] = Counter()
        self.formulas: list[tuple[Attachment, str]] = []
        self.questions: dict[str, list[Source]] = defaultdict(list)
        self.on_topic: dict[str, set[int]] = defaultdict(set)
        self.off_topic: dict[str, dict[int, str]] = defaultdict(dict)
        self.last: Fact | None = None  # the fact the previous block made, which an example may follow
        self.owner = ""  # the nearest heading above the current block that names a thing
        self.numbered = ""  # the last numbered bold line since the last heading of the note being read
        self.local: dict[str, str] = {}  # the note's own short names: a comparison table's columns ('Serverless')
        self.under: dict[str, list[Fact]] = defaultdict(list)  # heading topic → facts on its features under it
        self.earlier: dict[str, int] = {}  # topic → its attachments from the notes read before (see note_memory)

    def source(self, doc: m.Document, anchor: str, span: m.Span) -> Source:
        return Source(doc.source, self.pages[doc.source], anchor, span.first, span.last)

    def off(self, doc: m.Document, lines, reason: str) -> None:
        for n in lines:
            if n not in self.on_topic[doc.source]:
                self.off_topic[doc.source].setdefault(n, reason)

    def read(self, doc: m.Document) -> None:
        self.last = None  # a note's first line never carries on the last fact of the note read before it
        self.numbered = ""
        self.local = {}
        section = Section(front=bool(FRONT_PAGE.search(doc.source)))
        blocks = block_anchors(doc)
        title_topics = self.names.in_heading(doc.title) if doc.title else []
        lead_in: Unit | None = None
        trailing = False  # the last block was a sentence left open ("For example, if a feature has values")
        legend = False  # the last block carried on the fact before it and ends on a colon ("where:")
        example = False  # the last block was an example carrying on the fact before it
        about_next = False  # the paragraph before said what the notes are about: its list is an outline
        skip = 0  # blocks up to here were taken by a worked example
        for n, (block, anchor) in enumerate(blocks):
            if n < skip:
                continue
            if block.kind == m.HEADING:
                self.last = None
                self.numbered = ""  # numbering of bold lines starts again under each heading
                slugs = self.common_noun(doc, block.text, self.names.in_heading(block.text), section)
                slugs = idea_in_platform(block.text, self.names) or platform_and(block.text, self.names) or slugs
                above = section.context(self.entities) or title_topics
                if slugs and INTEGRATION_LABEL.match(clean_heading(block.text)) and above and \
                        all(s in self.names.platforms for s in slugs) and not self.names.general(above[0]):
                    slugs = []  # "SageMaker Integration" in the Clarify note: how Clarify works with SageMaker
                qualified = [] if slugs else self.qualified_heading(block, section)
                section.enter(block, slugs or qualified, self.entities,
                              modifier_heading(block.text, slugs, self.names), bool(qualified))
                if not slugs and block.level > 1:
                    self.headings[clean_heading(block.text)] += 1
                if not section.practice and self.opens_question(block, blocks[n + 1:]):
                    section.practice = block.level
                    self.question(doc, anchor, block.text, block.span, blocks[n + 1:])
                if lead_in is not None and not lead_in.extra and ANNOUNCES.search(plain_text(lead_in.text)):
                    lead_in = self.drop(doc, lead_in, "a lead-in whose parts are the sections after it")
                lead_in = self.flush(doc, lead_in, anchor)
                continue
            deeper = heads_subsections(block, blocks[n + 1:], section) or \
                sibling_title(block, section, self.numbered)
            if block.kind == m.PARAGRAPH and is_bold_label(block.text) and \
                    re.match(r"\s*\d+\.\s", plain_text(TAG.sub("", block.text)).strip(" *_")):
                self.numbered = block.text  # the last numbered bold line: '**4. Knowledge Bases**'
            if deeper:
                # "**4. Bedrock Agents**" right over "#### What are Bedrock Agents?" under "### Key Features": a
                # heading in all but name, between the two levels, so the deeper headings after it sit under it
                self.last = None
                lead_in = self.flush(doc, lead_in, anchor)
                title = m.Block(m.HEADING, block.span, block.text, level=deeper - 0.5)
                slugs = self.common_noun(doc, block.text, self.names.in_heading(block.text), section)
                qualified = [] if slugs else self.qualified_heading(title, section)  # 'Bedrock' › '5. Guardrails'
                section.enter(title, slugs or qualified, self.entities, modifier_heading(block.text, slugs, self.names),
                              bool(qualified))
                continue
            if is_box_label(block) or labels_paragraph(block, blocks[n + 1:n + 2]):
                # "<aside>Softmax</aside>", "**Spot Training**" over a paragraph: a heading in all but name
                self.last = None
                lead_in = self.flush(doc, lead_in, anchor)
                slugs = self.common_noun(doc, block.text, self.names.in_heading(block.text), section)
                # a label qualifying a general idea under a thing that implements it ('**1. Hyperparameter Range
                # Selection**' under SageMaker AMT) is a part of that thing
                above = section.context(self.entities)
                part = bool(slugs and above and self.names.general(slugs[0]) and not self.names.general(above[0])
                            and related(above[0], slugs[0], self.entities))
                section.enter(m.Block(m.HEADING, block.span, block.text, level=LABEL_LEVEL), slugs, self.entities,
                              part or modifier_heading(block.text, slugs, self.names))
                continue
            if is_options(block) and self.last is not None and self.last.text.rstrip().endswith("?") \
                    and self.last.sources[0].note == doc.source and self.last in self.facts[-1:]:
                stem = self.facts.pop()  # the question the options answer: practice, not a fact
                asked = range(stem.sources[0].first, stem.sources[0].last + 1)
                self.on_topic[doc.source].difference_update(asked)
                self.off(doc, asked, "practice question (on the practice page)")
                self.question(doc, anchor, stem.text, m.Span(stem.sources[0].first, stem.sources[0].last), [])
                self.last = None
            if block.kind == m.CARD and unanswered(block):
                self.off(doc, lines_of(block), "practice question (on the practice page)")
                continue
            if block.kind == m.CARD and false_card(block):
                self.off(doc, lines_of(block), "practice card: a false true/false statement (on the practice page)")
                continue
            if section.practice or block.kind == m.QUESTION or is_options(block):
                if block.kind == m.QUESTION and not section.practice:
                    self.question(doc, anchor, block.front, block.span, [])
                lead_in = None if lead_in is None else self.drop(doc, lead_in, "practice question")
                self.off(doc, lines_of(block), "practice question (on the practice page)")
                continue
            about_list = about_next and block.kind in (m.LIST, m.TABLE)
            about_next = block.kind == m.PARAGRAPH and bool(ABOUT_PARAGRAPH.match(plain_text(block.text)) or (
                is_bold_label(block.text) and REFERENCES.match(clean_heading(block.text))))  # '**References**'
            if section.about or about_next or about_list or about_file(doc.source) or is_metadata(block) or \
                    self.outlines_section(block, blocks[n - 1][0] if n else None):
                self.off(doc, lines_of(block), "about the notes (course outline, contents, links, credits)")
                continue
            if is_toc(block):
                self.off(doc, lines_of(block), "table of contents or navigation link")
                continue
            if block.kind == m.PARAGRAPH and is_bold_label(block.text) and not ends_with_colon(block.text):
                section.close_label()  # a title over a list or table, beside the label before it
            context = paired_idea(section, section.context(self.entities), self.names, title_topics)
            weak = not context or section.title_only()
            self.owner = section.owner(self.entities)
            context = context or title_topics
            path = section.path()
            if lead_in is not None:
                if block.kind in (m.LIST, m.CODE, m.FORMULA, m.TABLE, m.DIAGRAM, m.TREE, m.UNDRAWN) and \
                        (block.kind != m.LIST or short_list(block) or is_procedure(block)) and \
                        (block.kind != m.TABLE or len(block.rows) <= MAX_UNIT_ITEMS) and \
                        not self.labels_choices(lead_in, block):
                    lead_in.extra += (block,)
                    lead_in.lines += tuple(lines_of(block))
                    lead_in.span = m.Span(lead_in.span.first, block.span.last)
                    if block.kind in (m.DIAGRAM, m.FORMULA) and self.attach(doc, anchor, block, context):
                        self.on_topic[doc.source].update(lines_of(block))  # "A layer stack:" and its diagram
                    if block.kind in (m.LIST, m.TABLE):
                        lead_in = self.flush(doc, lead_in, anchor)
                    continue
                if block.kind in (m.LIST, m.TABLE):  # too long to be one fact: the lead-in labels its parts
                    label = plain_text(lead_in.text).rstrip(" :")
                    own = self.names.matcher.slugs_in(label)
                    context, path = self.names.narrow(own, context), [*path, label]
                    carried = lead_in.lines
                    lead_in = None
                    units = self.units(block, context, path)
                    if units:
                        units[0].lines = carried + units[0].lines
                    self.place_all(doc, anchor, units, context)
                    continue
                lead_in = self.flush(doc, lead_in, anchor)
            opens_example = bool(n and blocks[n - 1][0].kind == m.HEADING
                                 and EXAMPLE_HEADING.match(clean_heading(blocks[n - 1][0].text)))
            if block.kind == m.PARAGRAPH and (WORKED_STEM.match(plain_text(block.text)) or opens_example) and \
                    (taken := worked_extent(blocks, n)):
                # (under "Real-World Example: MICE for Clinical Trial Data": the case, its code and what it shows)
                # a scenario, its data, steps and solution: one fact, about what the solution chooses
                worked = tuple(b for b, _ in blocks[n + 1:n + 1 + taken])
                for part in worked:
                    if part.kind in (m.DIAGRAM, m.FORMULA):
                        self.attach(doc, anchor, part, context)
                unit = Unit(block.text, m.Span(block.span.first, worked[-1].span.last), "fact", context, path, worked,
                            tuple(lines_of(block)) + tuple(x for b in worked for x in lines_of(b)),
                            answer=worked_answer(worked), weak=weak)
                self.place_one(doc, anchor, unit)
                skip, trailing = n + 1 + taken, False
                continue
            if block.kind == m.LIST and (legend or (example and len(block.items) <= 3)) and self.last is not None:
                # "where:" and the list naming the formula's symbols; "**Example:** Recall = 90 / (90 + 10)" and
                # the line or two saying what it means ("- Model catches 90% of all fraud")
                self.extend(doc, self.last, block)
                legend = example = False
                continue
            legend = example = False
            if block.kind == m.PARAGRAPH and self.continues(block):
                self.extend(doc, self.last, block)  # "Those values …": one fact with the sentence before it
                trailing = not SENTENCE_END.search(plain_text(block.text))
                legend = ends_with_colon(block.text)
                example = bool(EXAMPLE_LABEL.match(plain_text(block.text)))
                continue
            if block.kind == m.FORMULA and trailing and self.last is not None:
                self.last.extra += (block,)  # "… applying the logarithm" and the formula it leads to
                self.on_topic[doc.source].update(lines_of(block))
                trailing = False
                continue
            trailing = False
            if block.kind in (m.CODE, m.TREE, m.UNDRAWN) and self.last is not None:
                self.last.extra += (block,)  # an example right after a statement belongs to it, and so do its lines
                self.cite(doc, self.last, block)  # (its words stay out of the fact's, which match duplicates)
                continue
            if block.kind == m.CODE and context and section.titles and not DRAWING.search(block.text[:300]):
                title = section.titles[-1]  # code right under a heading: the heading says what it shows
                self.place_one(doc, anchor, Unit(f"{title}:", block.span, "fact", context, path[:-1], (block,),
                                                 tuple(lines_of(block))), code=True)
                continue
            self.last = None
            attached = self.attach(doc, anchor, block, context)
            units = self.units(block, context, path)
            for unit in units:
                unit.weak = weak
            if block.kind == m.PARAGRAPH and units and (ends_with_colon(block.text) or is_bold_label(block.text)
                                                        or leads_to_formula(block, blocks[n + 1:n + 2])
                                                        or asks_for_steps(block, blocks[n + 1:n + 2])):
                lead_in = units.pop()
                before = blocks[n - 1][0] if n else None
                if LEGEND.match(plain_text(block.text)) and before is not None and before.kind == m.PARAGRAPH and \
                        MATH_ONLY.match(before.text):  # "$r = …$" then "Where:" and the symbols: one fact
                    lead_in.text = f"{before.text.strip()}\n{lead_in.text}"
                    lead_in.lines = (*lines_of(before), *lead_in.lines)
                    lead_in.span = m.Span(before.span.first, lead_in.span.last)
            self.place_all(doc, anchor, units, context)
            if not units and lead_in is None and block.kind not in (m.RULE,):
                drawn = block.kind in (m.DIAGRAM, m.FORMULA, m.TREE, m.UNDRAWN)
                reason = "code with no statement introducing it" if block.kind == m.CODE else \
                    "a diagram, formula or tree with no topic" if drawn and not context else "too short to be a fact"
                if block.kind == m.CODE and DRAWING.search(block.text[:300]):
                    reason = "drawing data (an Excalidraw scene), not text"
                if block.kind in (m.DIAGRAM, m.FORMULA) and (context or attached):
                    self.on_topic[doc.source].update(lines_of(block))
                else:
                    self.off(doc, lines_of(block), reason)
        self.flush(doc, lead_in, blocks[-1][1] if blocks else "")

    def qualified_heading(self, block: m.Block, section: Section) -> list[str]:
        """A heading read with the name of the topic above it ('IAM' › 'Groups' → IAM groups), when that makes the
        name of another topic of the catalog."""
        above = [slugs[0] for level, slugs in zip(section.levels, section.topics, strict=True)
                 if slugs and level < block.level]
        return read_with(INSTRUCTION.sub("", clean_heading(block.text)), above[-1], self.names) if above else []

    def common_noun(self, doc: m.Document, heading: str, slugs: list[str], section: Section) -> list[str]:
        """'Neuron' in a note about neural networks that speaks of 'neurons': the everyday word, not AWS Neuron.
        A one-word short name in a heading means the service only where the note does not use the word as a noun
        and what it sits under is not a general idea."""
        word = clean_heading(heading)
        if " " in word or self.names.short.get(word.casefold()) not in slugs[:1] or not slugs:
            return slugs
        above = section.context(self.entities) or (self.names.in_heading(doc.title) if doc.title else [])
        if above and not self.names.general(above[0]):
            return slugs
        body = "\n".join(b.text for b in doc.blocks if b.kind != m.HEADING)
        return [] if re.search(r"\b" + re.escape(word.lower()) + r"s?\b", body) else slugs

    def continues(self, block: m.Block) -> bool:
        """A paragraph that leans on the fact just made ('Those values …', 'applying the logarithm …')."""
        plain = plain_text(block.text).lstrip()
        last = self.last
        if EXAMPLE_LABEL.match(plain) and (last is None or last.extra or ends_with_colon(block.text)):
            return False  # "**Example:**" after a lead-in and its list, or over a list, is a fact of its own
        return last is not None and last in self.facts[-1:] and bool(
            CONTINUES.match(plain) or LOWER_START.match(plain) or PARA_CONTINUES.match(plain)
            # "**PCA steps in**:" right after "Imagine you have a dataset of images …": what works on the setup
            or (SETUP.match(plain_text(last.text)) and not last.extra and ends_with_colon(block.text))
            # the definition after a card's title line "Recall (also known as Sensitivity or True Positive Rate)"
            or (bool(NAMED_ALSO.match(plain_text(last.text))) and not last.extra)
            or (RESULT_LABEL.match(plain) and not ends_with_colon(block.text))  # "**Result:** logs go to S3"
            or (last.extra and last.extra[-1].kind == m.CODE and (CODE_TALK.match(block.text)
                                                                  or OUTPUT_TALK.match(plain_text(block.text)))))

    def extend(self, doc: m.Document, fact: Fact, block: m.Block) -> None:
        if fact.extra or block.kind != m.PARAGRAPH:  # "This output shows …" after the code it speaks of
            fact.extra += (block,)
        else:  # a new sentence after one with no stop ('… lower precision' then '**Example:** …') gets one
            stop = "." if plain_text(block.text)[:1].isupper() and not re.search(r"[.!?;:,]\W*$", fact.text) else ""
            fact.text = f"{fact.text.rstrip()}{stop} {block.text.strip()}"
        fact.words = content_words(fact.text + " " + " ".join(extra_text(x) for x in fact.extra))
        self.cite(doc, fact, block)

    def cite(self, doc: m.Document, fact: Fact, block: m.Block) -> None:
        """A block a fact now carries: inside its citation range, and its lines on a topic page."""
        end = fact.sources[-1]
        fact.sources[-1] = Source(end.note, end.page, end.anchor, end.first, max(end.last, block.span.last))
        self.on_topic[doc.source].update(lines_of(block))
        for n in lines_of(block):
            self.off_topic[doc.source].pop(n, None)

    def opens_question(self, heading: m.Block, rest: list[tuple[m.Block, str]]) -> bool:
        """A heading that asks a question: 'Question 3', or a stem whose section holds answer options."""
        if QUESTION_HEADING.search(clean_heading(heading.text) + ("?" if heading.text.rstrip().endswith("?") else "")):
            return True
        for n, (block, _) in enumerate(rest[:2]):
            if block.kind == m.HEADING or (n == 1 and rest[0][0].kind != m.PARAGRAPH):
                return False
            if (block.kind == m.QUESTION and not content_words(re.sub(r"!\[[^\]]*\]\([^)]*\)", "", block.front))) \
                    or is_options(block):
                return True  # options, or a question block with no stem of its own: the heading asks it
        return False

    def question(self, doc: m.Document, anchor: str, stem: str, span: m.Span, rest) -> None:
        text = stem + " " + " ".join(b.text for b, _ in rest[:3] if b.kind == m.PARAGRAPH)
        for slug in self.names.matcher.slugs_in(plain_text(text))[:3]:
            self.questions[slug].append(self.source(doc, anchor, span))

    def drop(self, doc: m.Document, unit: Unit, reason: str) -> None:
        self.off(doc, unit.lines or tuple(unit.span), reason)

    def flush(self, doc: m.Document, unit: Unit | None, anchor: str) -> None:
        """A lead-in whose blocks have all come: a fact with them, or, with nothing after it, its words alone."""
        if unit is not None:
            if not unit.extra and (is_bold_label(unit.text) or POINTING.match(plain_text(unit.text))):
                self.off(doc, unit.lines or tuple(unit.span), "too short to be a fact (a bare name or label)")
                return None
            if not unit.extra:
                unit.text = plain_text(unit.text).rstrip(" :") if is_thin(unit.text) else \
                    re.sub(r"\s*:\s*(\*\*|__)?\s*$", r"\1", unit.text.rstrip())
            self.place_all(doc, anchor, [unit], unit.context)
        return None

    def units(self, block: m.Block, context: list[str], path: list[str]) -> list[Unit]:
        if block.kind == m.PARAGRAPH and len(checks := block.text.split("\n")) >= 2 and \
                all(CHECK_LINE.match(x) for x in checks):
            # "✅ **Encryption at rest** - …" line after line: a checklist, one fact per line
            return [Unit(x.strip(), m.Span(block.span.first + n, block.span.first + n), "fact", context, path, (),
                         (block.span.first + n,)) for n, x in enumerate(checks)]
        if block.kind == m.PARAGRAPH and INLINE_BOX.match(block.text):
            # '!!! warning "Key Points" - ECR for images - BYOC for custom frameworks' written on one line
            points = [p.strip() for p in INLINE_POINT.split(INLINE_BOX.sub("", block.text)) if p.strip()]
            title = re.search(r'"([^"\n]*)"', INLINE_BOX.match(block.text).group(0))
            own = self.names.in_heading(title.group(1)) if title else []  # "Feature Store Key Points"
            within = own[:1] + [s for s in context if s not in own[:1]] if own else context
            return [Unit(p, block.span, "fact", within, path, (), tuple(block.span) if n == 0 else ())
                    for n, p in enumerate(points)]
        if block.kind == m.PARAGRAPH:
            if len(block.text.split()) < 3 and not ends_with_colon(block.text) and not is_bold_label(block.text):
                return []
            return [Unit(block.text, block.span, "fact", context, path, (), tuple(block.span))]
        if block.kind == m.LIST and is_procedure(block) and len(block.items) <= 3 * MAX_UNIT_ITEMS:
            # "5. Repeat: steps 2-4 …": the steps lean on each other, so the numbered list is one fact under its heading
            title = path[-1] if path else "Steps"
            return [Unit(f"{title}:", block.span, "fact", context, path[:-1], (block,), tuple(lines_of(block)))]
        if block.kind == m.LIST:
            return list_units(block, self.names, context, path)
        if block.kind == m.TABLE and len(block.rows) > 1:
            return table_units(block, context, path)
        if block.kind == m.CARD:  # a cloze card is about what fills its blanks ("AWS CloudTrail / Amazon CloudWatch")
            return [Unit(card_statement(block), block.span, "card", context, path, (), tuple(block.span),
                         answer=block.back if block.card_kind == "cloze" else "")]
        if block.kind == m.CALLOUT:
            points = self.box_points(block, context, path)
            if points:
                return points
        if block.kind in (m.QUOTE, m.CALLOUT):
            return [Unit(block.text, block.span, "fact", context, path, (), tuple(lines_of(block)))]
        return []

    def box_points(self, block: m.Block, context: list[str], path: list[str]) -> list[Unit]:
        """A box of key points ('!!! warning "Key Points"' over a list): each point a fact of its own, placed
        by what it says (one box speaks of Clarify, SHAP and Debugger)."""
        if ABOUT_NOTES.match(clean_heading(block.title)):
            return []  # "Key topics": an outline of what the section covers, read as one
        scan = Scanner(block.text.splitlines())
        scan.run(0)
        lists = [b for b in scan.blocks if b.kind == m.LIST]
        if not lists or sum(len(b.items) for b in lists) < 2 or \
                any(b.kind not in (m.LIST, m.PARAGRAPH) for b in scan.blocks):
            return []
        units = [u for b in lists for u in list_units(b, self.names, context, path)]

        def raw(n: int) -> int:  # the box's body starts on the line after its opening
            return min(block.span.first + n, block.span.last)

        for unit in units:
            unit.span = m.Span(raw(unit.span.first), raw(unit.span.last))
            unit.lines = tuple(raw(n) for n in unit.lines)
        if units:  # the opening line and any words around the points come with the first point
            units[0].lines += tuple(n for n in lines_of(block) if n not in {x for u in units for x in u.lines})
        return units

    def place_all(self, doc: m.Document, anchor: str, units: list[Unit], context: list[str]) -> None:
        for unit in units:
            self.place_one(doc, anchor, unit)

    def place_one(self, doc: m.Document, anchor: str, unit: Unit, code: bool = False) -> None:
        lines = unit.lines or tuple(unit.span)
        text = unit.text
        words = content_words(text + " " + " ".join(extra_text(x) for x in unit.extra))
        restored = bool(unit.context) and unit.context[0] in self.entities and pronoun_statement(text)
        if code:
            topics = unit.context[:1]
        elif not unit.extra and is_page_code(text):
            self.off(doc, lines, "page code of the author's site (layout, style, script), not text")
            return
        elif not restored and ((len(words) < MIN_WORDS and (unit.extra or is_thin(text))) or (
                not unit.extra and ends_with_colon(text) and is_thin(text))):
            self.off(doc, lines, "too short to be a fact (a bare name or label)")
            return
        elif not unit.extra and ends_with_colon(text) and not VERB.search(plain_text(text)):
            self.off(doc, lines, "too short to be a fact (a bare name or label)")
            return
        elif not unit.extra and (LEFT_OPEN.search(plain_text(text)) or broken_off(plain_text(text))):
            self.off(doc, lines, "a sentence left open (ends on a comma or a word that needs what follows), "
                                 "not a whole statement")
            return
        elif not unit.extra and not content_words(IMAGE.sub(" ", text)):
            self.off(doc, lines, "an image with no statement")
            return
        elif not unit.extra and POINTS_ON.search(plain_text(text.split("\n", 1)[0])) and not IMAGE.search(text):
            self.off(doc, lines, "a lead-in whose parts are the sections after it")
            return
        elif EMBED.match(text):
            self.off(doc, lines, "an embedded video or frame, not text")
            return
        elif META.match(plain_text(text)) or UI_STEP.match(plain_text(text)):
            self.off(doc, lines, "about the notes (course outline, contents, links, credits)")
            return
        elif not unit.extra and (EXAM_CHATTER.match(body_of(text)) or STUDY_ADVICE.match(body_of(text))):
            self.off(doc, lines, "about the exam or how to use the notes (format, domains, timing, test-taking)")
            return
        elif unit.extra and (is_bold_label(text) or is_thin(text)) and all(x.kind == m.LIST for x in unit.extra) \
                and all(plain_text(i.text).strip(' "*“”').endswith("?") for x in unit.extra for i in x.items):
            self.off(doc, lines, "practice question (on the practice page)")  # "Key exam questions:" and questions
            return
        elif SCENARIO.match(plain_text(text)) and not unit.extra:
            self.off(doc, lines, "practice question (on the practice page)")
            return
        elif is_navigation(text):
            self.off(doc, lines, "table of contents or navigation link")
            return
        elif not unit.extra and is_name_list(text):
            self.off(doc, lines, "too short to be a fact (a bare name or label)")
            return
        else:
            topics = place(text, unit.context, self.names, self.entities, unit.row, unit.prop)
            quoted = QUOTED.search(plain_text(text)) if unit.extra and ends_with_colon(text) else None
            if quoted and unit.context and topics == unit.context[:1] and whole_name(quoted.group(1), self.names):
                topics = [whole_name(quoted.group(1), self.names)]  # 'Adopts mechanism of "self-attention":' + list
            if len(topics) == 1 and unit.context and narrows(unit.context[0], topics[0], self.names, self.entities):
                topics = unit.context[:1]  # "Spot instances can be interrupted" under "Managed Spot Training"
            if unit.weak and brain_background(text, topics, self.names):
                self.off(doc, lines, "about the brain that neural networks are likened to (background, not machine "
                                     "learning)")
                return
            topics = sdk_code(text, unit.extra, topics, self.names) or topics
            sole = sole_item_topic(unit.extra, self.names) if ends_with_colon(text) or is_thin(text) else ""
            if sole and sole not in topics:
                topics = [sole]  # "… use AMIs created for ML tasks:" over "- AWS Deep Learning AMIs: …" alone
            sides = {x.strip().casefold() for x in VERSUS.split(clean_heading(unit.path[-1]))} if unit.path else set()
            side = self.names.in_label(text) if len(sides) > 1 and label_of(text).casefold() in sides else []
            if side and side[0] in self.names.in_heading(unit.path[-1]):
                topics = side[:1]  # "**Comprehend:** pre-trained" under "Comprehend vs SageMaker": that side
            title = self.entities.get(unit.context[0]) if unit.weak and unit.context else None
            if title is not None and defines_title(plain_text(text), title, unnamed=False):
                topics = unit.context[:1]  # "In an ANN, the bias is …" opening 'Bias.md': about the bias
            elif title is not None and unit.context[0] in self.names.ideas \
                    and not defines_title(plain_text(text), title):
                # an idea found in the note's title ('Stream facts again', 'Data Ingestion') is a weak hint: a fact
                # naming a topic of its own is that topic's; the title's idea takes only what names nothing, and
                # what defines it ('Weight.md': "A parameter in a neural network that …")
                topics = place(text, [], self.names, self.entities, unit.row, unit.prop) or topics
            answer = text.split(" — ", 1)[1] if unit.kind == "card" and " — " in text else ""
            if answer and not unit.context and not lead_topics(text.split(" — ", 1)[0], self.names) and \
                    self.names.matcher.slugs_in(plain_text(answer)):
                topics = self.names.matcher.slugs_in(plain_text(answer))[:2]  # a card is about its answer
            chosen = self.filled_name(text, unit.answer) or self.answer_topics(unit.answer or arrow_answer(text))
            asked = [s for s in self.names.matcher.slugs_in(plain_text(first_cell(text)[1]))
                     if s not in self.names.platforms] if unit.row and chosen else []
            scenario = bool(asked) and all(c in self.names.platforms and not self.names_only(c, unit.answer)
                                           for c in chosen)
            if scenario:
                chosen = asked[:1]  # "Scenario: Encrypt model artifacts; Solution: SageMaker `output_kms_key`"
            if unit.context and chosen and not scenario and all(self.names.general(c) or (
                    c in self.names.platforms and (umbrella(c, unit.context[0], self.entities)
                                                   or not self.names_only(c, unit.answer)))
                    for c in chosen) and not self.names.general(unit.context[0]) and \
                    not (unit.extra and unit.context[0] in self.names.platforms):  # a worked scenario's solution
                chosen = []  # "… → lineage gives the exact hyperparameters": still about lineage
            if chosen and not (unit.context and unit.context[0] in chosen):
                topics = chosen  # a decision tip ("… → Model Monitor") belongs to what it chooses
            elif unit.row and topics == unit.context[:1] and (unit.weak or (
                    self.names.general(unit.context[0]) and first_cell(text)[0] not in AXIS_COLUMNS)):
                # under a general idea a row names one of its kinds ('Strategy: Right-sizing' under Cost
                # Optimization); a row of a comparison ('Aspect: Feature selection; L1: …; L2: …') does not
                named = self.names.matcher.slugs_in(plain_text(text.split(";", 1)[0]))  # what its first cell names
                if named and topics and topics[0] not in named and not (
                        topics[0] in self.names.platforms and not umbrella(topics[0], named[0], self.entities)):
                    topics = named[:1]  # a row of a decision table is about what it names ('Type: Spark' under
                    # Glue stays a kind of Glue job)
            elif unit.row and topics == unit.context[:1] and first_cell(text)[0] in CHOICE_COLUMNS:
                value = row_value(text)
                other = whole_name(value, self.names) or self.names.short.get(value.casefold(), "")  # 'Glue'
                if other and other != topics[0] and not self.names.general(other):
                    topics = [other]  # "Use Case: DataBrew; When to Use: …" under Amazon EMR is about DataBrew
        if unit.row and topics:
            topics = self.read_with_title(doc, text, topics, unit.context)
        columns = column_names(unit.columns, unit.context, self.names, self.entities) if unit.row else []
        compared = column_topics(columns)
        if compared:
            topics = list(compared)  # "Max timeout; Endpoint: …; Batch Transform: …; Serverless: …" compares the three
            self.local.update((word.casefold(), slug) for word, slug in columns if slug)
        chosen_here = self.local.get(choice_label(text).casefold(), "") if self.local else ""
        if chosen_here and chosen_here not in topics:
            topics = [chosen_here]  # "Choose Serverless when:" after a table comparing 'Serverless' with the others
        named = self.names.matcher.slugs_in(plain_text(text))
        if topics == unit.context[:1] and topics and not named:
            common = items_topic(unit.extra, self.names)  # "For everything else:" over "Start with ReLU", …
            if common and common != topics[0] and (self.names.general(topics[0]) or (
                    topics[0] in self.names.platforms and umbrella(topics[0], common, self.entities))):
                topics = [common]
        if topics and self.owner and PARAM_LABEL.match(text) and all(self.names.general(t) for t in topics) \
                and self.entities[self.owner].section == "algorithms":
            topics = [self.owner]  # "**`lambda`** - L2 regularization" under XGBoost › Regularization: XGBoost's
        for slug in named:
            self.mentioned_on[slug].add(doc.source)
        lists = [x for x in unit.extra if x.kind == m.LIST]
        if not topics and not code and lists and len(unit.extra) == 1 and ends_with_colon(text) and \
                not QA_ANSWER.match(plain_text(text)):  # "A: three steps:" answers a question: no facts of its own
            # "Neighbouring Apache projects:" over "ZooKeeper — …", "Pig — …": the items name their own subjects
            label = plain_text(text).rstrip(" :")
            items = [u for u in list_units(lists[0], self.names, unit.context, [*unit.path, label])
                     if not IMPLICIT.match(plain_text(u.text))]  # "Recommended for …": its subject is the label
            if items:
                items[0].lines = tuple(n for n in lines if n not in {x for u in items[1:] for x in u.lines})
                for item in items:
                    self.place_one(doc, anchor, item)
                return
        if not topics:
            self.off(doc, lines, "about the exam or how to use the notes (format, domains, timing, test-taking)"
                     if any(EXAM_PART.match(clean_heading(t)) for t in unit.path or [doc.title])
                     else "names no topic and sits under no topic's heading")
            return
        above = self.entities.get(unit.context[0]) if unit.context else None
        if above is not None and above.slug not in topics and above.discovered and THING_NOUNS.search(above.name):
            topics.append(above.slug)  # "S3 storage classes" facts stay on their sub-topic too
        subject = " › ".join(unit.path) or self.title_subject(doc, unit, topics)
        # a worked scenario and its solution, a row comparing topics: when to use what
        choosing = (bool(compared) and topics == compared) or bool(unit.extra and WORKED_STEM.match(plain_text(text)))
        self.last = Fact(text, [self.source(doc, anchor, unit.span)], topics, unit.kind, words=words,
                         subject=subject, extra=unit.extra, group="How it compares" if choosing else "",
                         dated=self.gone_named(named, unit.extra))
        self.facts.append(self.last)
        if above is not None and above.slug not in topics and part_of(topics[0], above.slug, self.entities):
            self.under[above.slug].append(self.last)  # "1.9 Redshift" › "Redshift ML: …"
        self.on_topic[doc.source].update(lines)
        for n in lines:
            self.off_topic[doc.source].pop(n, None)

    def gone_named(self, named: list[str], extra: tuple[m.Block, ...]) -> tuple[str, ...]:
        """The services a fact and what it introduces name that are discontinued or closed today."""
        listed = [s for x in extra for s in self.names.matcher.slugs_in(plain_text(extra_text(x)))]
        return tuple(s for s in dict.fromkeys([*named, *listed]) if s in self.entities and gone(self.entities[s]))

    def filled_name(self, statement: str, answer: str) -> list[str]:
        """The longer name a cloze's answer completes in its sentence ('an **Auto Scaling** group' → EC2 Auto
        Scaling's 'Auto Scaling group'), which outranks what the answer alone names."""
        said = plain_text(answer).strip(" .")
        words = said.casefold()
        if not words:
            return []
        named = self.names.matcher.find(plain_text(statement))
        longer = [x.slug for x in named if words in x.text.casefold() and len(x.text.strip()) > len(words)]
        # "EC2 instances configured with **Auto Scaling**": the answer read with a service the sentence names
        read = [whole_name(f"{VENDOR.sub('', x.text).strip()} {said}", self.names) for x in named]
        return (longer + [slug for slug in read if slug])[:1]

    def names_only(self, slug: str, answer: str) -> bool:
        """'**SageMaker**', 'Service: AWS Glue': the answer is the platform itself, not a part of it
        ('SageMaker Lineage (automatic capture)')."""
        bare = re.sub(r"\s+", " ", PARENS.sub(" ", plain_text(answer))).strip(" *_.").casefold()
        return any(bare in (t.casefold(), VENDOR.sub("", t).strip().casefold()) for t in self.entities[slug].terms) \
            if slug in self.entities else False

    def read_with_title(self, doc: m.Document, text: str, topics: list[str], context: list[str]) -> list[str]:
        """'Strategy: Savings Plans' in a note titled 'SageMaker Instance Types': the row's name read with the
        platform the note's title names, where that is the whole name of another topic (SageMaker Savings Plans).
        So too a row placed only by the idea the notes introduced above it ('Strategy: Serverless' under 'Cost
        Optimization Tips': SageMaker Serverless Inference)."""
        value = row_value(text)
        under_idea = topics == context[:1] and topics[0] in self.names.ideas
        if not value or (whole_name(value, self.names) != topics[0] and not under_idea):
            return topics
        platform = [s for s in self.names.in_heading(doc.title or "") if s in self.names.platforms][:1]
        return read_with(value, platform[0], self.names) or topics if platform else topics

    def title_subject(self, doc: m.Document, unit: Unit, topics: list[str]) -> str:
        """A note with no headings whose title names the topic a fact is placed on by that title ('MICE (Multiple
        Imputation by Chained Equations)' on Imputation): the title is the fact's subject, for the page to lead
        with where the text does not name it."""
        title = clean_heading(doc.title) if doc.title else ""
        if not title or unit.kind != "fact" or not unit.context or unit.context[0] not in topics[:1] or \
                self.names.in_heading(doc.title)[:1] != unit.context[:1] or \
                unit.context[0] in self.names.matcher.slugs_in(plain_text(unit.text)):
            return ""
        named = PARENS.sub(" ", title)
        for mention in reversed(self.names.matcher.find(named)):
            named = named[:mention.start] + " " + named[mention.end:]
        rest = [w for w in re.findall(r"[\w'-]+", named.casefold()) if w not in STOP]
        # the title is the topic's name, give or take a word ('Deep Learning 101'), not a note about it
        return title if len(rest) <= 1 and not COURSE_WORDS & set(rest) else ""

    def outlines_section(self, block: m.Block, before: m.Block | None) -> bool:
        """'Strategies for optimizing ML costs on AWS.' right under '## Overview': a phrase saying what the section
        covers, with no verb and no topic named, not a statement about anything."""
        if block.kind != m.PARAGRAPH or before is None or before.kind != m.HEADING or \
                not OVERVIEW_HEADING.match(clean_heading(before.text)):
            return False
        plain = plain_text(block.text).strip()
        scope = SCOPE_PHRASE.match(plain)  # "AWS services for generative AI, foundation models, and LLMs."
        return len(plain.split()) <= 12 and plain.endswith(".") and plain.count(".") == 1 and \
            bool(OUTLINE_PHRASE.match(plain) or scope) and not VERB.search(plain) and \
            (bool(scope) or not self.names.matcher.slugs_in(plain))

    def labels_choices(self, lead_in: Unit, block: m.Block) -> bool:
        """'**Quick Reference:**' over a Scenario | Solution table: a bare label over decisions, each row choosing
        its own topic, so the rows are facts of their own under it."""
        return block.kind == m.TABLE and len(block.rows) > 2 and is_bold_label(lead_in.text) and \
            not self.names.matcher.slugs_in(plain_text(lead_in.text)) and \
            any(ANSWER_COLUMN.match(cell.strip(" *_`")) for cell in block.rows[0][1:])

    def answer_topics(self, answer: str) -> list[str]:
        """What a decision cell chooses: the names in it, or a short name standing alone ('Comprehend')."""
        if not answer:
            return []
        plain = plain_text(answer)
        # "Transfer learning (ResNet, VGG pre-trained)": what is in brackets is an example of the choice;
        # "SageMaker (XGBoost) - NOT Bedrock": what it rules out is not the choice
        plain = NOT_CHOSEN.sub(" ", plain)
        # "Kinesis Data Firehose to S3": where the choice delivers to is not the choice
        chosen = DESTINATION.sub(" ", plain)
        plain = chosen if self.names.matcher.slugs_in(chosen) else plain
        found = self.names.matcher.slugs_in(PARENS.sub(" ", plain)) or self.names.matcher.slugs_in(plain)
        if not found:  # "Comprehend", "Kendra + Lex": a choice names a service by its short name
            parts = [p.strip(" *_`.") for p in re.split(r"\s*(?:[+,/]|\bor\b|\band\b)\s*", plain)]
            found = [slug for slug in (self.names.short.get(p.casefold()) for p in parts if p) if slug]
        found = list(dict.fromkeys(found))
        # "SageMaker VPC Interface Endpoints": the endpoints, not the VPC their name also says
        return [s for s in found if not any(umbrella(s, o, self.entities) for o in found if o != s)][:2]

    def attach(self, doc: m.Document, anchor: str, block: m.Block, context: list[str]) -> bool:
        """Diagrams and formulas to the topics above them and (diagrams) those they name: True when one is
        among those a topic page shows."""
        shown = False
        for att in attachments_of(block):
            source = self.source(doc, anchor, att.span)
            if att.kind == m.FORMULA:
                self.formulas.append((Attachment(att.kind, att.text, att.lang, source), context[0] if context else ""))
            named = self.names.matcher.slugs_in(att.text) if att.kind == m.DIAGRAM else []
            for slug in list(dict.fromkeys(context + named))[:3]:
                self.attachments[slug].append(Attachment(att.kind, att.text, att.lang, source))
                shown = shown or self.earlier.get(slug, 0) + len(self.attachments[slug]) <= SHOWN_ATTACHMENTS
        return shown


def body_of(text: str) -> str:
    """What a statement says after its label ('Stacking (Bonus Concept): Not commonly asked' → 'Not commonly …')."""
    plain = plain_text(text)
    label = LABEL.match(plain)
    return plain[label.end():].strip() if label else plain


def is_page_code(text: str) -> bool:
    """A style sheet, a script, a form, or layout boxes whose words are only labels ('Score:', 'Start Quiz')."""
    if PAGE_CODE.match(text):
        return True
    return bool(HTML_BOX.match(text)) and not VERB.search(TAGS.sub(" ", text))


def pronoun_statement(text: str) -> bool:
    """'It is serverless', 'It transcribes speech to text': a whole statement once its subject, named above, is put
    back in place of the pronoun."""
    plain = plain_text(text)
    return bool(PRONOUN_LEAD.match(plain)) and not LABEL.match(plain) and \
        bool(content_words(PRONOUN_LEAD.sub("", plain)))


def is_box_label(block: m.Block) -> bool:
    """A box holding only a short name ('<aside>Softmax</aside>'): it labels the blocks after it."""
    plain = plain_text(block.text).strip()
    asks = plain.endswith("?") and len(plain.split()) <= 12  # "<aside>Activation function and why we need it?</aside>"
    return block.kind == m.CALLOUT and "\n" not in block.text.strip() and bool(plain) and (asks or (
        (is_thin(block.text) or not VERB.search(plain)) and not SENTENCE_END.search(plain.rstrip(")"))
        and len(block.text.split()) <= 6))


def heads_subsections(block: m.Block, following: list[tuple[m.Block, str]], section: Section) -> int:
    """A bold line alone ('**4. Bedrock Agents**') whose next heading, before any other such line, is deeper than the
    section it sits in: the title of those subsections. The level of that heading (0: not such a line)."""
    headings = [level for level in section.levels if level < LABEL_LEVEL]  # not the labels in between
    if block.kind != m.PARAGRAPH or not is_bold_label(block.text) or ends_with_colon(TAG.sub("", block.text)) \
            or not headings:
        return 0
    for after, _ in following:
        if after.kind == m.HEADING:
            return after.level if after.level > headings[-1] else 0
        if after.kind == m.PARAGRAPH and is_bold_label(after.text):
            return 0
    return 0


def sibling_title(block: m.Block, section: Section, last_numbered: str) -> float:
    """'**5. Guardrails**' after '**4. Bedrock Agents**' took the subsections after it: a numbered bold line closes
    that one and titles what follows in its place (the level it takes, plus a half; 0: not such a line)."""
    opened = next((n for n in range(len(section.levels) - 1, -1, -1)
                   if section.levels[n] != int(section.levels[n])), None)
    if opened is None or block.kind != m.PARAGRAPH or not is_bold_label(block.text) \
            or last_numbered not in ("", section.raw[opened]):
        return 0  # a numbered line came since the last heading ('**4. Knowledge Bases**' of a list of parts)
    before, now = (re.match(r"\s*(\d+)\.\s", plain_text(TAG.sub("", x)).strip(" *_") + " ")
                   for x in (section.raw[opened], block.text))
    # only the next number ('4.' then '5.'), not the '1.' of a list of parts inside the subsections
    return section.levels[opened] + 0.5 if before and now and int(now.group(1)) == int(before.group(1)) + 1 else 0


def narrows(heading: str, named: str, names: Names, entities: dict[str, Entity]) -> bool:
    """The heading's topic is a use of the thing a fact names, by name and by the catalog ('Managed Spot Training'
    uses 'Spot'): under it, what the fact says of the thing is said of that use."""
    if heading not in entities or named not in entities or named in names.platforms or \
            not any(r == named and how.split()[0] in ("uses", "runs") for r, how in entities[heading].related):
        return False
    return bool(name_stems(entities[heading].name) & name_stems(entities[named].name))


def name_stems(name: str) -> set[str]:
    """The stems of a name's own words ('Managed Spot Training' → managed, spot, train), generic words left out."""
    return {stem(w) for w in TOKEN.findall(name.casefold())} - GENERIC


def brain_background(text: str, topics: list[str], names: Names) -> bool:
    """'Neurons in the cortex seem to be arranged into columns …', placed on an idea by the note's title alone: the
    brain the idea is likened to, naming nothing of machine learning."""
    plain = plain_text(text)
    return bool(topics) and bool(BRAIN.search(plain)) and all(names.general(s) for s in topics) and \
        not names.matcher.slugs_in(plain)


def members_named(plain: str, names: Names) -> str:
    """The one topic whose members a label lists ('Predefined policies: AmazonSageMakerReadOnly,
    AmazonSageMakerFullAccess, AdministratorAccess'): at least two of the names are that topic's, none another's."""
    label = LABEL.match(plain)
    if not label:
        return ""
    parts = [p.strip(" .*`") for p in re.split(r",\s*|\s+and\s+", plain[label.end():]) if p.strip(" .*`")]
    if len(parts) < 3 or any(" " in p for p in parts):
        return ""
    found = [names.matcher.slugs_in(p) for p in parts]
    slugs = {s for f in found for s in f}
    return slugs.pop() if len(slugs) == 1 and sum(1 for f in found if f) >= 2 else ""


def sdk_code(text: str, extra: tuple[m.Block, ...], topics: list[str], names: Names) -> list[str]:
    """'**SageMaker Implementation:**' over `estimator = PyTorch(…)`: a label naming only the platform, over code
    written with its Python SDK, introduces the SDK's code."""
    if not topics or topics[0] not in names.platforms or not ends_with_colon(text) or \
            names.matcher.slugs_in(plain_text(text)) != topics[:1] or \
            not any(x.kind == m.CODE and SDK_CODE.search(x.text) for x in extra):
        return []
    sdk = names.matcher.slugs_in("SageMaker Python SDK")
    return sdk[:1] if sdk and sdk[0] != topics[0] else []


def sole_item_topic(extra: tuple[m.Block, ...], names: Names) -> str:
    """The topic a lead-in's list of one item names by its label ('- AWS Deep Learning AMIs: frameworks …'): the
    lead-in only says where it fits."""
    lists = [x for x in extra if x.kind == m.LIST]
    if len(extra) != 1 or len(lists) != 1 or len(lists[0].items) != 1:
        return ""
    label = label_of(lists[0].items[0].text)
    named = names.matcher.slugs_in(label) if label else []
    return named[0] if len(named) == 1 and named[0] not in names.platforms else ""


def labels_paragraph(block: m.Block, following: list[tuple[m.Block, str]]) -> bool:
    """'**Spot Training**' on a line of its own over a paragraph: it names what the paragraphs after it are about
    (over a list, table or code it is a lead-in that takes them)."""
    return block.kind == m.PARAGRAPH and is_bold_label(block.text) and bool(following) and \
        following[0][0].kind in (m.PARAGRAPH, m.QUOTE, m.CALLOUT) and not is_bold_label(following[0][0].text)


def modifier_heading(text: str, slugs: list[str], names: Names) -> bool:
    """'ETL engine', 'Regularization parameters': the name opens the heading and a noun closes it, so the
    heading is about that noun (a part of the thing above), not the name."""
    clean = clean_heading(text)
    found = next((x for x in names.matcher.find(clean) if slugs and x.slug == slugs[0]), None)
    if found is None or clean[:found.start].strip():
        return False
    tail = clean[found.end:].split()
    # "Transfer Learning Strategies", "ETL techniques": the noun says how the idea is treated, not a thing of its own
    said_of_the_idea = any(w.casefold() in IDEA_PARTS or w.casefold().rstrip("s") in IDEA_PARTS or KINDS.search(w)
                           for w in tail)
    return 1 <= len(tail) <= 2 and tail[0].casefold() not in PREPOSITIONS and not said_of_the_idea and \
        not names.matcher.find(clean[found.end:]) and all(w[:1].isalpha() for w in tail)


def paired_idea(section: Section, context: list[str], names: Names, note_topics: list[str]) -> list[str]:
    """'SageMaker and Availability Zones' in 'Managing SageMaker Resources': a heading pairing the platform the note
    is about with one other topic is about how the platform uses that topic, so what sits under it is that topic's
    (not 'VPC and subnets' in a security guide: two peers)."""
    named = [(title, slugs) for title, slugs in zip(section.titles, section.topics, strict=True) if slugs]
    if not named or context != named[-1][1][:1]:
        return context
    title, slugs = named[-1]
    if len(slugs) == 2 and slugs[0] in names.platforms and slugs[0] in note_topics[:1] and \
            slugs[1] not in names.platforms and \
            slugs[1] in names.entities and re.search(r"(?i)\s(?:and|&)\s", title) and not COMPARE.search(title):
        return [slugs[1]]
    return context


def asks_for_steps(block: m.Block, following: list[tuple[m.Block, str]]) -> bool:
    """'**Use case:** "Which learning rate gave best validation AUC?"' right over a list: the question its steps
    answer, one worked fact (a step alone, 'See top trial's hyperparameters', is a fragment)."""
    return bool(following) and following[0][0].kind == m.LIST and bool(LABELLED_QUESTION.match(plain_text(block.text)))


def broken_off(plain: str) -> bool:
    """A short statement that stops on a word needing more ('Provides console and CLI access to'), no stop after."""
    return len(plain.split()) <= 12 and bool(BROKEN_OFF.search(plain))


def leads_to_formula(block: m.Block, following: list[tuple[m.Block, str]]) -> bool:
    """'For example, if a feature has values' right before a formula or code: a lead-in with no colon."""
    return bool(following) and following[0][0].kind in (m.FORMULA, m.CODE) and \
        not SENTENCE_END.search(plain_text(block.text)) and len(block.text.split()) <= 30


def is_metadata(block: m.Block) -> bool:
    """'**Domain**: 2', '**Difficulty**: Medium', '**Time**: 45 minutes': a page's particulars, not knowledge."""
    lines = [x for x in block.text.split("\n") if x.strip()] if block.kind == m.PARAGRAPH else \
        [i.text for i in block.items] if block.kind == m.LIST else []
    return len(lines) >= 2 and all(META_LINE.match(x) for x in lines)


def choice_label(text: str) -> str:
    """What a label says to choose: 'Serverless' in '**Choose Serverless when:**', 'Async' in 'Async:'."""
    label = LABEL.match(plain_text(text))
    words = label.group(1).strip(" *_`") if label else ""
    return re.sub(r"(?i)^(?:choose|use|pick|prefer)\s+|\s+(?:when|if)$", "", words).strip()


def column_topics(columns: list[tuple[str, str]]) -> list[str]:
    """The topics a comparison table's columns are ('Endpoint | Batch Transform | Serverless' under no SageMaker
    heading: each read with the platform the others name), when at least two are and at most one is not."""
    found = [slug for _, slug in columns]
    named = list(dict.fromkeys(f for f in found if f))
    return named[:4] if len(named) >= 2 and found.count("") <= 1 and len(named) == len([f for f in found if f]) \
        else []


def column_names(columns: tuple[str, ...], context: list[str], names: Names,
                 entities: dict[str, Entity]) -> list[tuple[str, str]]:
    """Each column's words and the topic they name ('' where none)."""
    clean = [plain_text(c).strip(" *_`") for c in columns]
    direct = [whole_name(c, names) if c else "" for c in clean]
    over = [p for p in names.platforms if any(d and umbrella(p, d, entities) for d in direct)]
    over += [c for c in context[:1] if c not in over]  # 'Serverless', 'Async' under SageMaker endpoints
    found = []
    for word, slug in zip(clean, direct, strict=True):
        slug = slug or next((r[0] for p in over if (r := read_with(word, p, names))), "") if word else ""
        if not slug and context and context[0] in kinds_named(word, context[0], names):
            slug = context[0]  # 'Real-time' beside 'Serverless' under SageMaker endpoints: the endpoints above
        found.append((word, slug))
    return found


def gone(entity: Entity) -> bool:
    """Discontinued, at end of support or closed to new customers: advice naming it is dated."""
    status = entity_status(entity)
    return status is not None and status.kind in ("discontinued", "closed")


def items_topic(extra: tuple[m.Block, ...], names: Names) -> str:
    """The one topic every item of a lead-in's list names ('Start with ReLU', 'Last resort: PReLU, Maxout' are all
    activation functions), when there is one."""
    lists = [x for x in extra if x.kind == m.LIST]
    if len(lists) != 1 or len(lists[0].items) < 2:
        return ""
    found = [names.matcher.find(plain_text(i.text)) for i in lists[0].items]
    common = set.intersection(*({x.slug for x in f} for f in found))
    if len(common) != 1:
        return ""
    slug = common.pop()
    # kinds of one thing (ReLU, Leaky ReLU, Swish), not one thing each step uses ('Run KNN …', '… the KNN result')
    said = {x.text.casefold() for f in found for x in f if x.slug == slug}
    return slug if len(said) >= 2 else ""


def worked_extent(blocks: list[tuple[m.Block, str]], n: int) -> int:
    """How many blocks after a worked example's stem belong to it: its data, steps and solution, up to the next
    heading, rule, practice question, numbered or bare bold label ('**4. Model Reproducibility**') or stem."""
    taken = 0
    for block, _ in blocks[n + 1:n + 1 + MAX_WORKED]:
        if block.kind in (m.HEADING, m.RULE, m.QUESTION, m.CARD):
            break
        if block.kind == m.PARAGRAPH and (WORKED_STEM.match(plain_text(block.text)) or (
                is_bold_label(block.text) and not (ends_with_colon(block.text) and WORKED_PART.match(
                    plain_text(block.text).strip(" *_:"))))):
            break  # "**Training Details:**" after the answer starts a fact of its own
        taken += 1
    asked = sum(b.kind == m.PARAGRAPH and plain_text(b.text).rstrip(' "”*').endswith("?")
                for b, _ in blocks[n + 1:n + 1 + taken])
    return taken if asked < 2 else 0  # a case study asking several questions: each answer is a fact of its own


def worked_answer(worked: tuple[m.Block, ...]) -> str:
    """The words of a worked example's solution ('**Solution:**' and the list under it, '- **Answer:** Lake
    Formation'), code left out: what the example chooses."""
    for i, block in enumerate(worked):
        if block.kind == m.PARAGRAPH and SOLUTION_LABEL.match(plain_text(block.text)):
            said = SOLUTION_LABEL.sub("", plain_text(block.text)).strip()
            after = [extra_text(x) for x in worked[i + 1:i + 2] if x.kind in (m.LIST, m.TABLE, m.PARAGRAPH)]
            return said or " ".join(after)
        items = block.items if block.kind == m.LIST else ()
        for k, item in enumerate(items):
            if SOLUTION_LABEL.match(plain_text(item.text)):
                said = SOLUTION_LABEL.sub("", plain_text(item.text)).strip()
                under = []  # the items nested under it, and what is indented under it
                for sub in items[k + 1:]:
                    if sub.depth <= item.depth:
                        break
                    under.append(sub.text)
                return " ".join([said, *under, *(extra_text(x) for x in item.extra if x.kind != m.CODE)]).strip()
    return ""


def arrow_answer(text: str) -> str:
    """What a decision tip chooses: the words after its last arrow ('"Drift?" → Model Monitor'); not an arrow in a
    table row's example cell ('Example: 500 images → Use ResNet' in a row about a strategy)."""
    plain = "; ".join(cell for cell in plain_text(text).split("; ") if not EXAMPLE_CELL.match(cell))
    parts = ARROW.split(plain)
    return parts[-1] if len(parts) > 1 else ""


def extra_text(block: m.Block) -> str:
    if block.kind == m.LIST:
        return " ".join(i.text for i in block.items)
    if block.kind == m.TABLE:
        return " ".join(" ".join(r) for r in block.rows)
    return block.text if block.kind in (m.PARAGRAPH, m.CODE) else ""


def attachments_of(block: m.Block) -> list[m.Block]:
    found = [block] if block.kind in (m.DIAGRAM, m.FORMULA) else []
    for item in block.items:
        found += [x for x in item.extra if x.kind in (m.DIAGRAM, m.FORMULA)]
    return found


# -- one fact once -----------------------------------------------------------------------------

def stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words)


def merge_duplicates(facts: list[Fact]) -> tuple[list[Fact], int]:
    """Merge facts whose content words are nearly the same; the merged fact cites every source.

    Each fact is indexed under its three rarest stems and looked up through all of its stems, so
    a twin is found even when one wording adds a name, at near-linear cost. Two facts defining the
    same term on the same topic ('eta: …') need less overlap."""
    keys = {id(f): stems(f.words) for f in facts}
    frequency: Counter[str] = Counter(w for f in facts for w in keys[id(f)])
    index: dict[str, list[Fact]] = defaultdict(list)
    kept: list[Fact] = []
    merged = 0
    for fact in facts:
        mine = keys[id(fact)]
        candidates = {id(f): f for w in sorted(mine) for f in index.get(w, ())}  # sorted: the same twin every build
        term = label_of(fact.text).casefold()
        term = "" if header_word(term) else term
        changes = bool(CHANGE.search(fact.text))
        negated = bool(NEGATION.search(plain_text(fact.text)))
        twin = next((f for f in candidates.values() if set(f.topics) & set(fact.topics)
                     and bool(CHANGE.search(f.text)) == changes
                     and (bool(NEGATION.search(plain_text(f.text))) == negated  # 'churned' / 'did not churn'
                          or keys[id(f)] <= mine or mine <= keys[id(f)]) and (  # … unless one only adds to the other
  # a change of wording is a disagreement
                     same_fact(keys[id(f)], mine)
                     or (term and label_of(f.text).casefold() == term and set(f.topics) & set(fact.topics)
                         and same_fact(keys[id(f)], mine, SAME_TERM, 0.0)))), None)
        if twin is not None and (different_things(twin.text, fact.text) or different_subjects(twin, fact)):
            twin = None
        if twin is None:
            for word in sorted(mine, key=lambda w: (frequency[w], w))[:3]:
                index[word].append(fact)
            kept.append(fact)
            continue
        if len(fact.words) > len(twin.words):  # keep the fuller wording
            twin.text, twin.words, twin.extra = fact.text, fact.words, fact.extra or twin.extra
            keys[id(twin)] = mine
        twin.sources.extend(s for s in fact.sources if s not in twin.sources)
        twin.topics.extend(t for t in fact.topics if t not in twin.topics)
        merged += 1
    return kept, merged


def different_things(a: str, b: str) -> bool:
    """'Channel: train; …' and 'Channel: validation; …', 'Additive model: …' and 'Multiplicative model: …': alike in
    words, but each says something of another thing, so neither is the other's duplicate."""
    if ROW.match(plain_text(a)) and ROW.match(plain_text(b)):
        (col_a, val_a), (col_b, val_b) = first_cell(a), first_cell(b)
        return col_a == col_b and apart(val_a, val_b)  # 'quick baseline' and 'quick baseline needed' are one
    if "? — " in a or "? — " in b:
        return False  # a card's prompt is not a term it defines
    first, second = label_of(a).casefold(), label_of(b).casefold()
    if not first or not second or header_word(first) or header_word(second):
        return False
    if first in plain_text(b).casefold() or second in plain_text(a).casefold():
        return False  # 'DeepAR: Important hyperparameters: …' and 'Important hyperparameters: …' say one thing
    return apart(first, second)  # 'eta' and 'eta (learning rate)' are one term


def different_subjects(a: Fact, b: Fact) -> bool:
    """Two lines of one note under headings naming different things ('`target_precision`' › 'Trade-off: may miss
    positives' and '`target_recall`' › 'Trade-off: more false alarms'): alike in words, opposite in meaning."""
    if a.sources[0].note != b.sources[0].note or not a.subject or not b.subject:
        return False
    last_a, last_b = (x.subject.rsplit(" › ", 1)[-1].strip(" `*").casefold() for x in (a, b))
    return apart(last_a, last_b) and last_a not in plain_text(b.text).casefold() \
        and last_b not in plain_text(a.text).casefold()


def apart(a: str, b: str) -> bool:
    """Two names neither of which holds the other's words ('train', 'validation'; 'ml.r5.large', 'ml.r5.4xlarge')."""
    first, second = ({stem(w) for w in TOKEN.findall(x) if w not in GENERIC} for x in (a, b))
    return bool(first and second) and not first <= second and not second <= first


def header_word(term: str) -> bool:
    """'Scenario', 'Feature', 'Use case': a table's column name, which every row repeats, not a term defined."""
    return all(w in GENERIC or w in HEADER_WORDS for w in TOKEN.findall(term)) or bool(ANSWER_COLUMN.match(term))


def same_fact(a: frozenset[str], b: frozenset[str], share: float = SIMILAR, ratio: float = 0.6) -> bool:
    """Nearly the same content words: one is (almost) contained in the other, and not much shorter."""
    small, large = sorted((len(a), len(b)))
    if not small or small / large < ratio:
        return False
    return len(a & b) / small >= share


def mark_outdated(facts: list[Fact], entities: dict[str, Entity]) -> None:
    """Each fact saying what the catalog records as true once and not today ('retention up to 7 days' on Kinesis
    Data Streams) carries that record's date and what holds now, for the page to show beside it; one saying what
    the catalog records as never so ('Serverless: 6 MB' payloads) carries what holds instead."""
    for fact in facts:
        said = " ".join([plain_text(fact.text), *(plain_text(extra_text(x)) for x in fact.extra)])
        fact.outdated = tuple(dict.fromkeys(
            (date, note) for slug in fact.topics if slug in entities
            for claim, date, note, current in entities[slug].outdated if claims(said, claim, current)))
        fact.mistaken = tuple(dict.fromkeys(
            note for slug in fact.topics if slug in entities
            for claim, note, current in entities[slug].mistaken if claims(said, claim, current)))


def claims(said: str, claim: str, current: str) -> bool:
    """The text says what a catalog record's claim pattern describes, and not already what holds."""
    return bool(re.search(claim, said, re.IGNORECASE)) and not (current and re.search(current, said, re.IGNORECASE))


def mark_disagreements(facts: list[Fact], entities: dict[str, Entity] | None = None) -> int:
    """Facts on one topic that speak of the same thing, one of them saying what changed ('since 1.3-1',
    'renamed', 'no longer') with a figure the other lacks: that one is current, the other superseded."""
    by_topic: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        for slug in fact.topics:
            by_topic[slug].append(fact)
    pairs = 0
    for slug, items in by_topic.items():
        status = (entities or {}).get(slug)
        retired = STATUS_WORDS.findall(status.status or "") if status else []
        changed = [f for f in items if not f.status and (CHANGE.search(plain_text(f.text)) or
                                                         any(w.casefold() in f.text.casefold() for w in retired))]
        if not changed:
            continue
        keys = {id(f): stems(f.words) for f in items}
        for new in changed:
            for old in items:
                if old is new or old.status or new.status == "superseded" or CHANGE.search(plain_text(old.text)):
                    continue
                small = min(len(keys[id(old)]), len(keys[id(new)]))
                if small < MIN_RELATED or len(keys[id(old)] & keys[id(new)]) / small < RELATED:
                    continue
                if rows_of_different_things(old.text, new.text):
                    continue  # "Model: Llama 3; …" and "Model: Claude; … (as of 2024)": two rows, two models
                if figures(new.text) <= figures(old.text):
                    continue  # the older wording already holds every figure: no disagreement
                new.status, old.status = "current", "superseded"
                pairs += 1
    return pairs


def row_value(text: str) -> str:
    """A table row's first value as written: 'Strategy: Savings Plans; Savings: …' → 'Savings Plans'."""
    return plain_text(text.split(";", 1)[0]).partition(": ")[2].strip(" *_`")


def first_cell(text: str) -> tuple[str, str]:
    """A table row's first cell as (column, value): 'Model: Claude; Support: No' → ('model', 'claude')."""
    head, _, rest = plain_text(text).partition("; ")
    column, colon, value = head.partition(": ")
    return (column.strip().casefold(), value.strip(" *_`").casefold()) if rest and colon else ("", "")


def rows_of_different_things(a: str, b: str) -> bool:
    """Two table rows keyed by the same column on different values speak of different things."""
    (col_a, val_a), (col_b, val_b) = first_cell(a), first_cell(b)
    return bool(col_a) and col_a == col_b and val_a != val_b


def figures(text: str) -> set[str]:
    plain = plain_text(text)
    return set(VERSION.findall(plain)) | set(YEAR.findall(plain))
