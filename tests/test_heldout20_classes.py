"""heldout-20 (issue 10): its false passes, each fixed as a class and written here in wordings of our own, with the near
wording that must keep its verdict. None of these texts is taken from the evaluation corpora.

- The buyer acknowledging, in a later sub-clause, a standing state the supplier keeps ("The Operator acknowledges that
  the Vendor's network management platform keeps a permanent connection to the Routers …") is read with the
  prohibition before it: what it accepts qualifies the promise. The supplier's own acknowledgement is not.
- A contract that defines a broad term for the operator's things ("“客户系统”指客户的交易主机、网络设备、…") and then
  forbids control of one kind only ("不得非法控制客户的交易主机") protects that kind only: weak, quoting the kind.
"""

from __future__ import annotations

import pytest

from cliccheck.library import load_library
from cliccheck.matcher import check_document
from cliccheck.readers import read_document

EN = ("This Agreement is made between Eastbay Telecommunications Limited (the \"Operator\") and Norvale Networks Ltd. "
      "(the \"Vendor\").\n\n")
ZH = "客户：南溪期货交易所股份有限公司\n\n服务商：衡岳数字技术有限公司\n\n"


def _verdict(text: str, rule: str) -> tuple[str, str]:
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt"),
                            library=load_library()).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(("second", "expected"), [
    ("9.2 The Operator acknowledges that the Vendor's network management platform keeps a permanent connection to "
     "the Routers supplied under this Agreement, run under the Vendor's internal procedures.", "weak"),
    # the supplier acknowledging the buyer's position takes nothing from its promise
    ("9.2 The Vendor acknowledges that the Operator is a critical information infrastructure operator.", "satisfied"),
])
def test_a_buyer_acknowledgement_in_the_clause_is_read_with_the_promise(second: str, expected: str) -> None:
    text = EN + ("9. Remote access\n\n9.1 The Vendor shall not, without the Operator's prior written consent, remotely "
                 "access, reconfigure or disable any equipment of the Operator or its subscribers.\n\n" + second + "\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == expected, message


@pytest.mark.parametrize(("clause", "expected"), [
    ("5.2 服务商不得非法控制或者操纵客户的通信设备。", "weak"),
    ("5.2 服务商不得非法控制或者操纵客户系统。", "satisfied"),
    ("5.2 服务商不得非法控制或者操纵客户的任何设备。", "satisfied"),
])
def test_one_kind_where_the_contract_defines_the_broader_term(clause: str, expected: str) -> None:
    text = ZH + ("第1.3条 “客户系统”指客户的撮合主机、行情服务器、通信设备及会员终端。\n\n第五条 系统安全\n\n" + clause + "\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == expected, message
