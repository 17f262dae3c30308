"""Chinese numerals and the numbering styles Chinese contracts use."""

from __future__ import annotations

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    # financial forms (大写)
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9,
}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}

NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


def parse_numeral(text: str) -> int | None:
    """Value of a Chinese numeral such as 十二, 二十, 一百零五, 贰拾; None if not one."""
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    total = 0
    current = 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            unit = UNITS[ch]
            total += (current or 1) * unit
            current = 0
    return total + current


def numeral(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十 (clause numbers up to 99): the inverse of :func:`parse_numeral`."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else digits[tens]
    return f"{head}十{digits[ones] if ones else ''}"


#: Heading words after 第…: chapter-like (top) and article-like (clause), in both scripts: a plain-text reader
#: splits a heading line ("第十條 資安審查配合") from its body before the text is normalised to simplified.
CHAPTER_WORDS = "章编部分节編節"
ARTICLE_WORDS = "条款條"


#: Words before a role word that name someone other than the party it labels: 其他機關 / 其他供应商 are other
#: agencies and suppliers, 主管機關 / 上級機關 an authority over the buyer, never the contract's own party.
NOT_THIS_PARTY = ("其他", "其它", "另一", "其余", "别的", "相关", "有关", "主管", "上级", "各级", "审查", "有权", "司法", "行政",
                  "公安", "执法", "监管", "政府")
#: Characters before a party label that make it an object, not the one who acts ("向甲方", "对乙方", "经甲方").
NOT_SUBJECT_BEFORE = "向对给与和及为被由让使经将把"
#: Words opening a condition or a cause before the clause's subject ("如甲方逾期付款，乙方可…", "非因甲方违约，乙方不得…"):
#: a party inside the phrase, up to its comma, does not act in the clause.
CONDITION_OPENERS = ("如果", "如", "若", "倘若", "倘", "假如", "一旦", "非因", "因", "由于")
#: An exception framed round a party ("除甲方逾期付款外，乙方不得…"): its opener and the words that close it.
EXCEPTION_FRAME = (("除", "除非"), ("外", "以外", "之外"))
#: Chinese relative clauses end in 的 before their noun, so no opener word marks them.
RELATIVE_OPENERS: tuple[str, ...] = ()
#: Characters that end the place of a clause's own subject: its first negation or modal.
BINDING_CHARS = "不无未非应须得可将会"
