"""Generator of the contracts the rule-pack tests read: realistic supplier contracts in Chinese and English
whose clauses are chosen per test (an equipment sale with no data access, an outsourced system that holds
the operator's customers' personal information, ...). Run ``python tests/pack_documents.py DIR`` to write them
out for reading; the tests build them in memory."""

from __future__ import annotations

import sys
from pathlib import Path

PREAMBLE = {
    "en": [
        "{title}",
        'This Agreement is made on 3 March 2026 between Eastgate Power Grid Co., Ltd., a company incorporated in '
        'the People\'s Republic of China (the "Customer"), and Northbridge Systems Ltd. (the "Supplier").',
        "1. Definitions. \"Contract Price\" means the total price stated in Schedule 2.",
        "2. Scope. {scope}",
        "3. Price and Payment. The Customer shall pay each undisputed invoice within thirty days of receipt.",
    ],
    "zh": [
        "{title}",
        "甲方（采购人）：东门电网有限公司",
        "乙方（供应商）：北桥系统有限公司",
        "鉴于甲方拟采购下列产品和服务，双方经协商一致，订立本合同。",
        "第一条 合同范围 {scope}",
        "第二条 价款与支付 甲方应在收到乙方合格发票后三十日内支付合同价款。",
    ],
}
CLOSING = {
    "en": [
        "20. Governing Law. This Agreement is governed by the laws of the People's Republic of China.",
        "21. Entire Agreement. This Agreement is the entire agreement between the parties on its subject matter.",
        "IN WITNESS WHEREOF the parties have signed this Agreement by their authorised representatives.",
        "Customer: Eastgate Power Grid Co., Ltd.          Supplier: Northbridge Systems Ltd.",
    ],
    "zh": [
        "第二十条 法律适用 本合同适用中华人民共和国法律。",
        "第二十一条 其他 本合同一式四份，双方各执两份，自双方签字盖章之日起生效。",
        "甲方（盖章）：东门电网有限公司          乙方（盖章）：北桥系统有限公司",
    ],
}

#: what the supplier does for the operator
SCOPES = {
    "switches": {
        "en": ("EQUIPMENT SUPPLY AGREEMENT",
               "The Supplier shall sell and deliver to the Customer the core network switches listed in Schedule 1. "
               "The Supplier has no access to the Customer's systems or data and performs no services on site."),
        "zh": ("设备采购合同",
               "乙方向甲方出售并交付附件一所列核心网络交换机。乙方不接触甲方的信息系统和数据，不提供现场服务。"),
    },
    "billing": {
        "en": ("OUTSOURCED OPERATIONS AGREEMENT",
               "The Supplier shall host, operate and maintain the Customer's customer billing system, which stores "
               "the names, addresses, telephone numbers and electricity usage records of the Customer's "
               "customers, and shall process that personal information on the Customer's behalf."),
        "zh": ("信息系统运维服务合同",
               "乙方为甲方托管、运行和维护客户计费系统，该系统存储甲方客户的姓名、住址、电话号码和用电记录；"
               "乙方受甲方委托处理上述个人信息。"),
    },
}


def contract(lang: str, scope: str, clauses: list[str]) -> str:
    """A whole contract: the preamble for ``scope``, the given clauses, the closing."""
    title, scope_text = SCOPES[scope][lang]
    lines = [line.format(title=title, scope=scope_text) for line in PREAMBLE[lang]]
    return "\n\n".join([*lines, *clauses, *CLOSING[lang]]) + "\n"


INCIDENT = {
    "en": {
        "satisfied": "8. Security Incidents. The Supplier shall notify the Customer in writing of any security "
                     "incident within 24 hours of becoming aware of it.",
        "weak": "8. Security Incidents. The Supplier shall notify the Customer of any material security incident "
                "without undue delay.",
        "contradicted": "8. Security Incidents. The Supplier shall have no obligation to notify the Customer of "
                        "security incidents.",
    },
    "zh": {
        "satisfied": "第八条 安全事件 乙方应在知悉安全事件后24小时内书面通知甲方。",
        "weak": "第八条 安全事件 乙方应尽快通知甲方重大安全事件。",
        "contradicted": "第八条 乙方无义务通知甲方任何安全事件。",
    },
}


#: security-agreement clauses (SEC01..SEC04) per language and variant, with the verdict each should get
SECURITY = {
    "en": {
        "SEC01": {
            "satisfied": "10.1 The Supplier shall take the security protection measures set out in Schedule 4, remedy any "
                         "security vulnerability in the Products promptly, and shall not implant any malicious code or "
                         "backdoor in the Products.",
            "weak": "10.1 The Supplier will use commercially reasonable efforts to fix security vulnerabilities.",
            "contradicted": "10.1 The Supplier makes no warranty as to the security of the Products.",
        },
        "SEC02": {
            "satisfied": "11.1 The Supplier shall keep the Customer's information and data strictly confidential and shall "
                         "not disclose them to any third party.",
            "weak": "11.1 The Supplier will use reasonable efforts to keep the Customer's information confidential.",
            "contradicted": "11.1 The Supplier may disclose the Customer's information to its affiliates for any purpose.",
            # protects the supplier only: nothing binds the supplier to keep the operator's information
            "missing": "11.1 The Customer shall keep the Supplier's pricing and technical documentation confidential.",
        },
        "SEC03": {
            "satisfied": "12.1 Throughout the term of this Agreement the Supplier shall provide technical support for the "
                         "Products, including troubleshooting, security patches and a 24/7 help desk.",
            "weak": "12.1 The Supplier shall provide technical support during the installation period.",
            "contradicted": "12.1 The Supplier may discontinue technical support at any time without notice.",
        },
        "SEC04": {
            "satisfied": "13.1 The Supplier shall compensate the Customer for all losses caused by any breach of its "
                         "security or confidentiality obligations under this Agreement.",
            "weak": "13.1 The Supplier shall be liable for any breach of its confidentiality obligations, provided that "
                    "its liability shall not exceed one month's fees.",
            "contradicted": "13.1 The Supplier shall not be liable for any data leak or security incident, however caused.",
        },
    },
    "zh": {
        "SEC01": {
            "satisfied": "第十条 乙方应采取必要的安全保护措施，及时修复产品中的安全漏洞，不得在产品中植入恶意代码或后门。",
            "weak": "第十条 乙方将尽力修复产品的安全漏洞。",
            "contradicted": "第十条 乙方不对产品的安全性作任何保证。",
        },
        "SEC02": {
            "satisfied": "第十一条 乙方应对其知悉的甲方信息和数据严格保密，不得向任何第三方披露。",
            "weak": "第十一条 乙方应尽量对甲方的资料保密。",
            "contradicted": "第十一条 乙方有权向其关联公司披露甲方的信息。",
            "missing": "第十一条 甲方应对乙方的报价和技术文件保密。",
        },
        "SEC03": {
            "satisfied": "第十二条 乙方应在合同有效期内为合同产品提供技术支持服务，包括故障排除、安全补丁和7×24小时服务热线。",
            "weak": "第十二条 乙方在安装调试期间提供技术支持。",
            "contradicted": "第十二条 乙方有权随时停止技术支持。",
        },
        "SEC04": {
            "satisfied": "第十三条 乙方违反本合同约定的安全保密义务的，应赔偿甲方由此造成的全部损失。",
            "weak": "第十三条 乙方违反保密义务的，应承担赔偿责任，但赔偿总额以一个月服务费为限。",
            "contradicted": "第十三条 乙方对任何数据泄露或安全事件不承担任何责任。",
        },
    },
}
#: a clause that only refers to a separate security and confidentiality agreement (weak for every SEC element)
SEPARATE_AGREEMENT = {
    "en": "10. Security. The parties shall sign a separate security and confidentiality agreement.",
    "zh": "第十条 安全保密 双方应另行签订安全保密协议。",
}


def main(out: str) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh"):
        for scope in SCOPES:
            for verdict, clause in INCIDENT[lang].items():
                (folder / f"{scope}-{verdict}-{lang}.txt").write_text(contract(lang, scope, [clause]),
                                                                      encoding="utf-8")
        for verdict in ("satisfied", "weak", "contradicted"):
            clauses = [SECURITY[lang][rid][verdict] for rid in SECURITY[lang]]
            (folder / f"security-{verdict}-{lang}.txt").write_text(contract(lang, "switches", clauses),
                                                                   encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "pack-documents")
