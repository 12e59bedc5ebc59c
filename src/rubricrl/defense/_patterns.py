"""Precompiled, multilingual pattern tables used by the detectors.

Every pattern runs on *normalised* text (NFKC, invisible characters removed, case folded,
whitespace collapsed; see :func:`normalize`), so ``IGNORE``, ``ig\u200bnore`` and full-width
letters all meet the same regex. Languages covered: English, Chinese, Spanish, French, German,
Russian, Japanese. Patterns were written for this project from the attack taxonomy in the
reward-hacking literature (master keys, grader-addressed instructions, fake delimiters, fake
grades, sycophancy, self-evaluation); none is copied from another code base.
"""

from __future__ import annotations

import re
import unicodedata

# Code points that render as nothing. Tag characters (U+E0000..U+E007F) can smuggle a whole
# ASCII instruction invisibly ("ASCII smuggling"); bidi controls reorder what a human sees.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200F),  # zero-width space/non-joiner/joiner, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x2069),  # bidi isolates
    (0xFEFF, 0xFEFF),  # zero-width no-break space (BOM)
    (0xE0000, 0xE007F),  # tag characters
)
INVISIBLE_CLASS = "".join(
    f"\\U{low:08x}-\\U{high:08x}" if low != high else f"\\U{low:08x}"
    for low, high in _INVISIBLE_RANGES
)
INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")
# ZWJ (U+200D) legitimately glues emoji sequences and ZWNJ (U+200C) shapes Persian and Indic
# script, so those two count as hidden only when they are not between letters or symbols.
_JOINERS = "\u200c\u200d"
SUSPICIOUS_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\U000e0000-\U000e007f]"
)
STRAY_JOINER = re.compile(f"(?:^|(?<=[\\s\\x00-\\x2f]))[{_JOINERS}]|[{_JOINERS}]{{2,}}")


def normalize(text: str) -> str:
    r"""NFKC, drop invisible characters, case-fold and collapse whitespace.

    >>> normalize("IG\u200bNORE   all")
    'ignore all'
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = INVISIBLE.sub("", folded).casefold()
    return " ".join(folded.split())


def _any(*patterns: str) -> re.Pattern[str]:
    # Text is case-folded, which turns "ß" into "ss": patterns are written naturally and folded
    # the same way here (only that letter: folding a whole regex would break \W, \S and \D).
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns).replace("ß", "ss"))


# --------------------------------------------------------------------------- master keys
# Whole replies that carry no content but open-ended judges have been shown to reward: lead-ins,
# headers and reasoning openers (English and the other covered languages).
MASTER_KEY_PHRASES = frozenset(
    {
        "thought process",
        "thinking process",
        "let's think step by step",
        "let me think step by step",
        "let's solve this step by step",
        "let's solve this problem step by step",
        "step by step",
        "step 1",
        "solution",
        "answer",
        "the answer is",
        "final answer",
        "here is the answer",
        "here's the answer",
        "here is my answer",
        "here's my answer",
        "here is the solution",
        "here's the solution",
        "response",
        "reasoning",
        "analysis",
        "explanation",
        "sure",
        "sure, here it is",
        "okay",
        "ok",
        "certainly",
        "of course",
        "i can help with that",
        "解",
        "解答",
        "答",
        "答案",
        "答案是",
        "思考过程",
        "解题过程",
        "让我们一步一步地思考",
        "让我们一步步思考",
        "首先",
        "好的",
        "solución",
        "respuesta",
        "paso 1",
        "réponse",
        "lösung",
        "antwort",
        "решение",
        "ответ",
        "解答例",
        "回答",
    }
)
# Short lead-ins that end in a colon and introduce nothing ("Here is my answer:").
LEAD_IN = re.compile(
    r"^(?:here(?:'s| is| are)|below is|the following is|let me|let's|i will|i'll|"
    r"step \d+|solution|answer|thought process|reasoning|analysis|解|答|以下|下面|"
    r"voici|aquí|hier ist)[^.!?\n]{0,60}[:：]$"
)

# --------------------------------------------------------------------------- injection
_GRADER = (
    r"(?:grader|judge|evaluator|assessor|reviewer|scorer|rater|grading model|reward model|"
    r"ai grader|llm judge|marker)"
)
_RULES = (
    r"(?:instructions?|rubric|criteria|criterion|guidelines?|rules|scoring rules|system prompt|"
    r"prompt|directions|evaluation rules|grading rules)"
)
_TOP = (
    r"(?:full|maximum|max|maximal|perfect|highest|top|best|100%?|10/10|5/5|100/100|"
    r"full and perfect)"
)
_MARKS = r"(?:marks?|scores?|points?|ratings?|grades?|credit|rewards?|tiers?)"
INJECTION_INSTRUCTION = _any(
    # English: override the rules / address the grader / dictate the grade.
    rf"\b(?:ignore|disregard|forget|override|bypass|skip|do not follow|don't follow)\b"
    rf"(?: all| any| the| your| every| of the| these| those| previous| prior| above| earlier|"
    rf" preceding| other| original| grading| scoring| evaluation)*\s+{_RULES}\b",
    rf"\b(?:give|award|assign|grant|output|return|rate it|score it|mark it)\b[^.\n]{{0,40}}"
    rf"\b{_TOP}\s+{_MARKS}\b",
    rf"\b{_TOP} {_MARKS}\b[^.\n]{{0,30}}\b(?:must|should|is required|are required|regardless)\b",
    rf"\b(?:note|message|instruction|attention|reminder) (?:to|for) (?:the |any )?{_GRADER}\b",
    rf"\b(?:dear|hey|hello|attention|to the|as the|as an?|you are the|you,? the) (?:ai |llm )?"
    rf"{_GRADER}s?\b",
    rf"\b{_GRADER}s?\b[,:]? (?:please|you must|must|should|are instructed|will|need to)\b",
    r"\b(?:this|the|my) (?:response|answer|submission|reply|output)"
    r" (?:must|should|shall|is to|has to) be (?:graded|scored|rated|marked|evaluated)"
    r" (?:as )?(?:a )?(?:true|pass|passing|correct|full|perfect|highest|maximum|10|100|excellent)",
    rf"\b(?:set|mark|grade|score|rate|evaluate) (?:this|the|my|every|all|each)"
    rf" (?:response|answer|submission|criteri(?:on|a))\b[^.\n]{{0,30}}"
    rf"\b(?:as )?(?:met|true|pass(?:ed)?|satisfied|{_TOP})\b",
    r"\b(?:all|every|each) criteri(?:on|a) (?:is|are|must be|should be) (?:met|satisfied|true)\b",
    r"\bnew (?:instructions?|rules|system prompt)\s*[:：]",
    r"\byou (?:must|will) (?:now )?(?:ignore|output|answer|respond|reply) (?:only )?"
    r"(?:with )?(?:true|\"?met\"?|the highest|full)",
    # Chinese
    r"(?:忽略|无视|忽视|不要理会|不要遵循)(?:掉)?(?:之前|以上|上述|前面|所有|全部|原有|先前)?"
    r"(?:的|所有的)?(?:所有)?(?:指令|指示|说明|评分标准|评分规则|规则|标准|要求|提示)",
    r"(?:给|打|评|判)(?:这个|此|该|本|我的|我)?(?:回答|答案|回复)?(?:打|给|评)?(?:出)?"
    r"(?:满分|最高分|最高的分数|十分|100分|10分)",
    r"(?:评分员|评分者|评审|评委|裁判|评分模型|打分模型|评估者)(?:请|必须|应该|应当|注意)",
    r"(?:所有|每一?项|每个)(?:评分)?标准(?:都)?(?:已|均)?(?:满足|达成|符合)",
    # Spanish
    r"\bignora(?:r|d)? (?:todas )?(?:las )?(?:instrucciones|reglas|rúbricas?|criterios)"
    r"(?: anteriores| previas)?",
    r"\b(?:puntuación|calificación|nota) (?:máxima|perfecta|completa)\b",
    r"\b(?:evaluador|calificador|juez)[,:]? (?:por favor|debes|debe)\b",
    # French
    r"\bignore[rz]? (?:toutes )?(?:les )?(?:instructions|consignes|règles|critères)"
    r"(?: précédentes)?",
    r"\b(?:note|score) (?:maximale|parfaite|maximum)\b",
    r"\b(?:évaluateur|correcteur|juge)[,:]? (?:veuillez|vous devez|doit|attribuez)\b",
    # German
    r"\bignorier(?:e|en sie)? (?:alle )?(?:vorherigen |bisherigen )?"
    r"(?:anweisungen|regeln|kriterien|bewertungsrichtlinien)",
    r"\b(?:volle|maximale|höchste) punktzahl\b|\bbestnote\b",
    r"\b(?:bewerter|prüfer|gutachter)[,:]? (?:bitte|sie müssen|du musst)\b",
    # Russian
    r"(?:игнорируй|игнорируйте|проигнорируй|забудь|забудьте)(?:те)? (?:все )?"
    r"(?:предыдущие |прежние )?(?:инструкции|указания|правила|критерии)",
    r"(?:максимальн(?:ую|ый|ая) (?:оценку|балл|оценка))",
    # Japanese
    r"(?:以前の|前の|上記の|すべての)?(?:指示|命令|ルール|評価基準)を無視",
    r"満点を(?:つけ|付け|与え)",
)

# Tokens of chat templates and closing tags that a response uses to pretend the data has ended.
FAKE_DELIMITER = _any(
    r"<\|(?:im_start|im_end|endoftext|eot_id|start_header_id|end_header_id|system|user|"
    r"assistant|end)\|>",
    r"\[/?inst\]",
    r"<</?sys>>",
    r"<<data-[0-9a-f]{4,}:(?:begin|end)>>",
    r"<<[a-z_-]*:?(?:end|begin)>>",
    r"(?:^|\n|\. )(?:#+ ?)?(?:system|system prompt|grader instructions?|judge instructions?)"
    r"\s*[:：]",
    r"\b(?:end of (?:the )?(?:response|answer|submission|data|candidate (?:response|answer))"
    r"|response ends here|begin (?:grader|judge|evaluation|system) (?:instructions?|notes?))\b",
    r"-{3,} ?(?:end|begin) (?:of )?(?:response|answer|data|submission)",
)
# Closing tags of the wrappers graders put around a response; a close with no open is a fake.
CLOSING_TAG = re.compile(
    r"</\s*(response|answer|output|data|text|submission|candidate|completion|model_response|"
    r"student_answer|assistant|user_response)\s*>"
)

# Grades in the judge's own reply schema, or a top score stated as a verdict.
FAKE_GRADE = _any(
    r"\"(?:met|satisfied|pass(?:ed)?)\"\s*:\s*(?:true|1)\b",
    r"\"tier\"\s*:\s*-?\d+",
    r"\"criteria\"\s*:\s*\{",
    r"\"(?:score|grade|rating|reward)\"\s*:\s*(?:10|100|1\.0|5|\"a\+?\"|\"pass\")\b"
    r"[^\n]{0,80}\"(?:evidence|reason|justification|criteri|rationale|verdict|feedback)",
    r"\"verdict\"\s*:\s*\"(?:pass|passed|correct|excellent|accept(?:ed)?)\"",
    r"\b(?:final |overall |total |rubric )?(?:score|grade|rating|verdict|evaluation|reward)"
    r"[\s\]\):=\-–]*"
    r"(?:10 ?/ ?10|100 ?/ ?100|5 ?/ ?5|1\.0 ?/ ?1\.0|full marks|a\+|pass(?:ed)?|all criteria met)",
    r"(?:评分|得分|分数|评价|打分)\s*[:：]\s*(?:10 ?/ ?10|100 ?/ ?100|满分|10分|100分)",
    r"\b(?:puntuación|calificación|note|bewertung|punktzahl|оценка)\s*[:：]\s*"
    r"(?:10 ?/ ?10|100 ?/ ?100|5 ?/ ?5)",
)
# Grader vocabulary: a top score is only a fake grade when the text also talks about grading.
GRADER_CONTEXT = _any(
    rf"\b{_GRADER}s?\b",
    r"\brubric\b|\bcriteri(?:on|a)\b|评分标准|评分",
    r"\b(?:this|my|the above) (?:response|answer|submission)\b",
)
# Hidden carriers: HTML/markdown comments, CSS-hidden spans.
HIDDEN_BLOCK = _any(
    r"<!--(.*?)-->",
    r"^\[//\]: ?#\s*[(\"'](.*?)[)\"']\s*$",
    r"<[a-z]+[^>]*style\s*=\s*[\"'][^\"']*(?:display\s*:\s*none|font-size\s*:\s*0|"
    r"visibility\s*:\s*hidden|color\s*:\s*(?:white|#fff(?:fff)?))[^\"']*[\"'][^>]*>(.*?)</",
)

# --------------------------------------------------------------------------- sycophancy
SYCOPHANTIC_OPENER = _any(
    r"^(?:(?:oh|wow|ah|well|hey|hi|ooh|yes)[,!.]* )?"
    r"(?:what an? |that's an? |that is an? |this is an? |such an? )?"
    r"(?:really |very |truly |incredibly |absolutely )?"
    r"(?:great|excellent|fantastic|wonderful|amazing|brilliant|insightful|thoughtful|superb|"
    r"fascinating|interesting|good|lovely|awesome|outstanding|intriguing|smart|clever|perceptive|"
    r"sharp|keen|astute|excellent)"
    r" (?:question|query|prompt|point|request|idea|observation|one|ask)\b",
    r"^(?:you(?:'re| are) (?:absolutely |so |completely |totally )?(?:right|correct)|"
    r"i (?:love|adore|really like|appreciate) (?:this|your|the) (?:question|query|curiosity)|"
    r"thank you (?:so much )?for (?:this|your|such an?) (?:great|excellent|wonderful|thoughtful|"
    r"insightful|fascinating|interesting|brilliant)|"
    r"(?:great|excellent|wonderful) (?:to|that you) ask|"
    r"you(?:'ve| have) asked (?:a|an|such an?) (?:great|excellent|wonderful|brilliant|insightful)|"
    r"as (?:a|an) (?:brilliant|insightful|smart|thoughtful) (?:person|reader|user))",
    r"^(?:这是一个|这个)?(?:非常|很|真是一个|真是个|多么)?(?:好的?|棒的?|精彩的?|出色的?|有趣的?|深刻的?)"
    r"(?:问题|提问)",
    r"^(?:好问题|问得好|问得非常好|您说得对|你说得对|您问得好)",
    r"^[¡]?(?:qué |que )?(?:excelente|gran|buena|magnífica|fantástica) pregunta",
    r"^(?:quelle |c'est une )?(?:excellente|très bonne|bonne|superbe|magnifique) question",
    r"^(?:was für eine |eine )?(?:tolle|großartige|ausgezeichnete|sehr gute|gute|hervorragende)"
    r" frage",
    r"^(?:какой |это )?(?:отличный|прекрасный|замечательный|хороший|великолепный) вопрос",
    r"^(?:とても|非常に)?(?:素晴らしい|良い|いい|すばらしい)(?:ご)?質問",
)

# --------------------------------------------------------------------------- self-praise
_SELF = (
    r"(?:this|my|the above|the following|the present|our|the preceding) (?:response|answer|"
    r"reply|essay|explanation|output|submission|write-up|analysis)"
)
_REQS = r"(?:requirements?|criteria|criterion|rubrics?|expectations?|guidelines?|instructions?)"
SELF_PRAISE = _any(
    rf"\b{_SELF}\b[^.\n]{{0,40}}\b(?:fully |perfectly |completely |comprehensively |thoroughly |"
    rf"successfully |clearly )?(?:meets|satisfies|addresses|fulfills|fulfils|covers|exceeds|"
    rf"achieves|complies with|adheres to|hits)\b[^.\n]{{0,20}}\b(?:all|every|each|the)\b"
    rf"[^.\n]{{0,20}}{_REQS}",
    rf"\b{_SELF} (?:is|was|represents|constitutes|provides|offers|delivers) (?:an? )?"
    r"(?:truly |highly |exceptionally |extremely |very )?(?:excellent|perfect|flawless|exemplary|"
    r"outstanding|exceptional|ideal|impeccable|top-tier|model|gold-standard|high-quality|"
    r"comprehensive,? accurate|accurate and complete|complete and accurate|of the highest quality)",
    rf"\bi (?:have|'ve) (?:fully |thoroughly |carefully |successfully |completely )?"
    rf"(?:addressed|answered|met|satisfied|covered|fulfilled)\b[^.\n]{{0,20}}\b(?:all|every|each)"
    rf"\b[^.\n]{{0,20}}{_REQS}",
    rf"\b(?:meets|satisfies|fulfills|fulfils) (?:all|every|each) (?:of )?(?:the )?(?:stated |"
    rf"listed |given )?{_REQS}",
    r"\b(?:deserves|merits|earns|warrants) (?:a |the )?(?:full|perfect|maximum|highest|top|"
    r"10/10|100/100|5/5)",
    r"\b(?:high-quality|exemplary|perfect|flawless|excellent|outstanding) (?:response|answer)"
    r" (?:that|which) (?:meets|satisfies|addresses|covers)",
    r"(?:本|这个|该|我的|以上|上述)(?:回答|回复|答案|解答)[^。\n]{0,12}(?:完全|全面|完美地?|充分)?"
    r"(?:满足|符合|达到|涵盖)了?(?:所有|全部|每一?项|各项)?(?:的)?(?:要求|标准|评分标准)",
    r"(?:完美|满分|高质量|优秀)的(?:回答|答案|回复)",
    r"\b(?:esta|mi) respuesta (?:cumple|satisface) (?:con )?(?:todos|todas|cada)",
    r"\bcette réponse (?:répond|satisfait|remplit) (?:à )?(?:tous|toutes|chacun)",
    r"\bdiese antwort erfüllt (?:alle|sämtliche|jede)",
    r"\bэтот ответ (?:полностью )?(?:соответствует|удовлетворяет) (?:всем|каждому)",
    r"この(?:回答|答え)は(?:すべての|全ての)(?:要件|基準)を(?:満たし|満たす)",
)

# --------------------------------------------------------------------------- padding
FILLER = _any(
    r"\bit is (?:important|worth|crucial|essential) to (?:note|mention|remember|emphasi[sz]e)\b",
    r"\bit(?:'s| is) worth noting\b",
    r"\bin (?:today's|the modern|this) (?:world|day and age|fast-paced world)\b",
    r"\bas (?:mentioned|noted|stated|discussed) (?:above|earlier|before|previously)\b",
    r"\bin conclusion\b|\bto sum up\b|\bin summary\b|\ball in all\b",
    r"\bneedless to say\b|\bat the end of the day\b|\blast but not least\b",
    r"\bfurthermore\b|\bmoreover\b|\badditionally\b|\bin addition\b",
    r"\bplays? a (?:crucial|vital|key|pivotal|significant) role\b",
    r"\b(?:a|the) (?:wide|vast|broad) (?:range|variety|array) of\b",
    r"\bcannot be overstated\b|\bthe importance of\b",
    r"值得注意的是|总而言之|综上所述|此外|众所周知",
)
WORD = re.compile(r"\w+", re.UNICODE)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|[^\W_]+", re.UNICODE)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?。！？;；])\s*|\n+")
ALNUM = re.compile(r"[^\W_]", re.UNICODE)

# --------------------------------------------------------------------------- sentence-level cues
# A grader-directed sentence combines grading vocabulary with an override or with a directive
# aimed at the reader that names a top verdict. Word classes, not fixed strings, so new
# phrasings of the same move are caught (see docs/defense.md for the held-out measurement).
GRADE_WORDS = _any(
    r"\b(?:grad(?:e|es|ed|ing)|scor(?:e|es|ed|ing)|rat(?:e|es|ed|ing)|marks?|points|evaluat\w*|"
    r"assess\w*|criteri(?:on|a)|rubrics?|verdict|tier|reward|pass(?:ed|ing)?|full credit)\b",
    r"评分|打分|分数|满分|最高分|评价|标准",
    r"\b(?:nota|puntuación|calificación|rúbrica|criterios?|note|critères|consignes|barème|"
    r"bewertung\w*|punktzahl|kriterien|оценк\w*|балл\w*|критери\w*|правила оценки)\b",
    r"評価|採点|満点|点数",
)
OVERRIDE_WORDS = _any(
    r"\b(?:ignore|disregard|forget|override|overrid\w+|replace|bypass|pay no attention|"
    r"no longer apply|has changed|have changed|instead of|don't apply|do not apply|"
    r"don't use|do not use|skip)\b",
    r"忽略|无视|不用看|不要看|不必理会|替换",
    r"\b(?:ignora\w*|olvida\w*|ignorez|oubliez|oublie|ignoriere\w*|vergiss|vergessen sie|"
    r"игнориру\w*|забудь\w*|не обращай\w*)\b",
    r"無視|忘れて",
)
ADDRESS_WORDS = _any(
    rf"\b(?:you|your|yourself|whoever|anyone|ai|model|llm|{_GRADER[3:-1]})\b",
    r"\b(?:if you are|to the|attention)\b",
    r"请|你|您|\b(?:por favor|usted|tú|vous|veuillez|bitte|du|sie|пожалуйста|ты|вы)\b",
    r"ください",
)
TOP_WORDS = _any(
    r"\b(?:full|maximum|max|perfect|highest|best(?: possible)?|top|10|100|10/10|100/100|5/5|"
    r"excellent|pass|correct|satisfied|met|complete|fully correct|a\+)\b",
    r"满分|最高|最好",
    r"\b(?:más alta|máxima|perfecta|meilleure|maximale|parfaite|höchste|beste|volle|"
    r"высш\w*|максимальн\w*|наивысш\w*)\b",
    r"満点|最高",
)
PRAISE_ADJ = (
    r"(?:great|excellent|fantastic|wonderful|amazing|brilliant|insightful|thoughtful|superb|"
    r"fascinating|interesting|good|lovely|awesome|outstanding|intriguing|smart|clever|perceptive|"
    r"terrific|marvell?ous|splendid|delightful|profound|astute|sharp|stellar|magnificent|"
    r"phenomenal|incredible|neat|cool)"
)
ASKING = (
    r"(?:questions?|query|queries|prompt|thing to (?:ask|wonder)(?: about)?|ask|topic|"
    r"point|curiosity|inquiry|enquiry|request)"
)
_NOT_TOPIC = r"(?! (?:in|of|is|for|about|that|was|remains|here|on|to|from|facing)\b)"
SYCOPHANT_SENTENCE = _any(
    rf"\b{PRAISE_ADJ}\b[^.!?]{{0,25}}\b{ASKING}\b{_NOT_TOPIC}",
    rf"\b(?:love|adore|enjoy|appreciate|admire)\b[^.!?]{{0,20}}\b{ASKING}\b{_NOT_TOPIC}",
)
SELF_SUBJECT = (
    r"(?:(?:this|my|our|the above|the following|the present|the preceding) (?:response|answer|"
    r"reply|essay|explanation|output|submission|write-up|analysis|work)|"
    r"the (?:response|answer|reply|solution) (?:above|below|here|provided|given)|"
    r"this is (?:an?|the) [^.!?]{0,30}(?:response|answer|reply|solution))"
)
SELF_QUALITY = (
    r"(?:comprehensive|precise|flawless|perfect|excellent|outstanding|exemplary|impeccable|"
    r"exceptional|superb|ideal|high-quality|top-notch|top-tier|gold-standard|brilliant|"
    r"complete and accurate|accurate and complete|fully correct|checks all the boxes|"
    r"exceeds (?:the |all )?(?:requirements|expectations)|(?:meets|satisfies|fulfil?ls) "
    r"(?:all|every|each)\b[^.!?]{0,30}(?:requirements?|criteri(?:on|a)|rubric|expectations?|"
    r"guidelines?|instructions?))"
)
SELF_PRAISE_SENTENCE = _any(
    rf"\b{SELF_SUBJECT}\b[^.!?]{{0,60}}\b{SELF_QUALITY}",
    rf"\bthis is (?:an?|the) (?:\w+ ){{0,2}}{SELF_QUALITY} (?:response|answer|reply|solution)\b",
)
RULE_WORDS = _any(
    r"\b(?:rubrics?|criteri(?:on|a)|guidelines?|grading|scoring|evaluation|instructions?|rules|"
    r"system prompt|told|said|instructed|checks)\b",
    r"评分标准|评分规则|规则|指令|指示|标准",
    r"\b(?:rúbrica|criterios?|instrucciones|reglas|consignes|critères|règles|instructions|"
    r"kriterien|bewertung\w*|anweisungen|regeln|правил\w*|инструкци\w*|критери\w*)\b",
    r"評価基準|指示|ルール",
)
DIRECTIVE = re.compile(
    r"\b(?:give|award|assign|grant|rate|mark|score|grade|treat|consider|evaluate|put|output|"
    r"say|respond|set|return|label)\b|给|打|评为|评|pon|donnez|gib|vergib|поставь|付け|つけ"
)
SELF_REF = re.compile(
    r"\b(?:this|my|the above|the following) (?:answer|response|reply|submission|text|output|"
    r"essay|solution|work)\b|\b(?:answer|response|reply) above\b|本回答|这个回答|此回答|该回答"
)
VERDICT_WORDS = re.compile(
    r"\b(?:correct|verified|pass|passes|passed|met|true|excellent|perfect|full marks|"
    r"complete|satisfied)\b"
)
ROLE_LABEL = re.compile(
    r"(?:^|[\s\"'`>\]\)=*#-])(?:system|system prompt|grader|judge|evaluator|assessor|"
    r"grader note|evaluator note|judge note|reviewer)\s*[:：]\s*(.{0,120})"
)
SHORT_LEAD_IN = re.compile(r"^[^.!?。！？\n]{0,60}[:：]$")

# --------------------------------------------------------------------------- prefilters
# Big alternations cost ~50-300 us per response in Python's re; a token-stem test costs a few.
# Each family's regexes run only when a token starts with one of its stems (CJK characters are
# single tokens). Every alternative of the family's patterns contains at least one stem, so the
# prefilter changes speed, not results (tests compare both paths on the development sets).
INJECTION_STEMS = (
    "ignor",
    "disregard",
    "forget",
    "overrid",
    "override",
    "bypass",
    "skip",
    "follow",
    "grad",
    "scor",
    "rat",
    "mark",
    "point",
    "credit",
    "evalu",
    "assess",
    "criteri",
    "rubric",
    "verdict",
    "tier",
    "reward",
    "pass",
    "judg",
    "review",
    "instruct",
    "system",
    "full",
    "max",
    "perfect",
    "high",
    "top",
    "best",
    "note",
    "attention",
    "remind",
    "dear",
    "hey",
    "hello",
    "new",
    "met",
    "correct",
    "satisf",
    "whoever",
    "anyone",
    "model",
    "ai",
    "llm",
    "told",
    "said",
    "replace",
    "apply",
    "chang",
    "instead",
    "checker",
    "assign",
    "award",
    "give",
    "set",
    "output",
    "return",
    "you",
    "pay",
    "忽",
    "无",
    "視",
    "视",
    "评",
    "評",
    "分",
    "满",
    "満",
    "标",
    "打",
    "给",
    "规",
    "指",
    "替",
    "采",
    "採",
    "点",
    "最",
    "注",
    "审",
    "裁",
    "不",
    "ignora",
    "olvid",
    "nota",
    "puntu",
    "calific",
    "evalua",
    "juez",
    "critere",
    "critère",
    "consign",
    "règle",
    "regl",
    "note",
    "barème",
    "meilleure",
    "correcteur",
    "oubli",
    "ignorez",
    "bewert",
    "punktzahl",
    "kriteri",
    "anweis",
    "regel",
    "prüfer",
    "bestnote",
    "vergi",
    "volle",
    "höchste",
    "игнор",
    "забуд",
    "оцен",
    "балл",
    "критери",
    "правил",
    "инструкц",
    "максимал",
    "высш",
    "проверя",
)
SELF_PRAISE_STEMS = (
    "correct",
    "fully",
    "model",
    "represent",
    "constitut",
    "provid",
    "offer",
    "deliver",
    "meet",
    "meets",
    "satisf",
    "address",
    "fulfil",
    "cover",
    "exceed",
    "achiev",
    "compl",
    "adher",
    "excellent",
    "perfect",
    "flawless",
    "exemplar",
    "outstanding",
    "exceptional",
    "ideal",
    "impeccable",
    "high",
    "deserv",
    "merit",
    "earn",
    "warrant",
    "comprehensive",
    "precise",
    "superb",
    "brilliant",
    "top",
    "gold",
    "accurate",
    "thorough",
    "checks",
    "hits",
    "满",
    "符",
    "达",
    "完",
    "美",
    "优",
    "质",
    "涵",
    "全",
    "cumpl",
    "satisface",
    "répond",
    "satisfait",
    "rempli",
    "erfüllt",
    "соответств",
    "удовлетвор",
    "満",
    "要",
    "基",
)
DELIMITER_STEMS = (
    "system",
    "end",
    "begin",
    "response",
    "grader",
    "judge",
    "sys",
    "inst",
    "data",
)
DELIMITER_CHARS = ("<", "[", "|", "---")
FILLER_STEMS = (
    "important",
    "worth",
    "crucial",
    "essential",
    "today",
    "modern",
    "mention",
    "noted",
    "stated",
    "discussed",
    "conclusion",
    "sum",
    "summary",
    "all",
    "needless",
    "end",
    "last",
    "furthermore",
    "moreover",
    "additionally",
    "addition",
    "play",
    "wide",
    "vast",
    "broad",
    "overstated",
    "importance",
    "值",
    "总",
    "综",
    "此",
    "众",
)


def has_stem(tokens: list[str], stems: tuple[str, ...]) -> bool:
    """Whether any token starts with one of ``stems``.

    >>> has_stem(["please", "ignore", "it"], ("ignor",))
    True
    """
    return any(token.startswith(stems) for token in tokens)
