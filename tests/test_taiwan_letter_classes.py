"""Recall classes of Taiwan letters from development (issue 10, seventh 2026-12-07 session). Texts are our own.

- "不以提供產品或服務之便，違法蒐集…" is the statute's own shape ("不利用…之便，非法获取…") in a 切結書: the letter's
  statements are its promises, so the data undertaking is there.
- "除遇不可抗力、機關經催告仍未付款或法令限制外": a restriction by law (unnamed, so local) is a justifiable reason; a
  restriction by the foreign laws named in the sentence before ("如因上述法律限制") stays a carve-out.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

LETTER = ("切結書\n\n立切結書人宏碩票務系統股份有限公司（下稱本公司），承攬環島鐵路管理局「車站售票設備汰換案」，"
          "茲切結如下：\n\n")


def test_the_statutes_shape_in_a_letter() -> None:
    text = LETTER + "一、本公司不以提供產品或服務之便，違法蒐集、處理、利用旅客及機關之資料。"
    assert _verdict(text, "CSR02") == "satisfied"


@pytest.mark.parametrize(("clause", "expected"), [
    ("三、本案契約期間及設備使用年限內，本公司除遇不可抗力、機關經催告仍未付款或法令限制外，不中斷設備、備品之供應及必要之"
     "技術支援。", "satisfied"),
    ("三、本公司產品受美國出口管制法律約束。如因上述法律限制致本公司無法繼續供貨或提供技術支援者，本公司得中止履行。",
     "contradicted"),
])
def test_a_restriction_by_law(clause: str, expected: str) -> None:
    assert _verdict(LETTER + clause, "CSR04") == expected
