"""Matcher benchmark: pipeline load time, a 100-page contract, throughput vs a bare nlp.pipe.

Targets (issue 3): both pipelines loaded in < 1 s; a 100-page contract matched in
< 0.3 s after load. Run: .venv/bin/python benchmarks/bench_matcher.py

Wall time is printed beside this process's CPU time: on a shared machine (load
average above the core count) wall time inflates, CPU time much less so.
"""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _contract(pages: int = 100) -> bytes:
    """A realistic long bilingual-free English contract: ~3,000 characters a page."""
    head = ('MASTER SUPPLY AGREEMENT\n\nThis Agreement is made between Harbour Bank Co., Ltd. (the "Customer") and '
            'Northbridge Systems Ltd. (the "Vendor").\n\n')
    filler = [
        "{n}.1 The Vendor shall deliver the Products to the Customer's premises in accordance with the delivery "
        "schedule and shall install and configure them within ten working days after delivery.",
        "{n}.2 The Customer shall pay each undisputed invoice within thirty days after receipt. If the Customer "
        "fails to pay within fifteen days after a written reminder, the Vendor may suspend delivery until payment.",
        "{n}.3 The Parties shall hold an annual review of service levels and agree on any remedial plan. Remote "
        "maintenance shall be performed only at the Customer's written request through its audited channel.",
        "{n}.4 \"Technical Support Services\" means help-desk support, bug fixes and security patches provided "
        "by the Vendor during the warranty period of thirty-six months from acceptance.",
        "{n}.5 Each Party shall keep confidential the business secrets of the other Party and shall not disclose "
        "them to any third party without prior written consent, except as required by law.",
    ]
    body = []
    n = 1
    while sum(len(p) for p in body) < pages * 3000:
        body += [f.format(n=n) for f in filler]
        n += 1
    body.append(f"{n}.1 The Vendor shall cooperate fully with any cybersecurity review of this procurement.")
    return (head + "\n\n".join(body) + "\n").encode()


def _contract_zh(pages: int = 100) -> bytes:
    """The same neutral clauses in Chinese: ~1,500 characters a page."""
    head = "采购合同\n\n甲方（采购人）：东海银行股份有限公司\n\n乙方（供应商）：北辰系统有限公司\n\n"
    filler = [
        "{n}.1 乙方应按照附件一的交货计划将合同设备交付至甲方指定地点，并在交货后十个工作日内完成安装调试。",
        "{n}.2 甲方应在收到合格发票后三十日内付款。甲方逾期付款超过十五日，经乙方书面催告后仍未付款的，乙方可以暂停交货直至甲方付清款项。",
        "{n}.3 双方每年对服务水平进行一次评审。远程维护仅在甲方书面申请后通过甲方审计通道进行。",
        "{n}.4 本合同所称“技术支持服务”，是指乙方在质保期内提供的热线支持、故障排除和安全补丁服务。",
        "{n}.5 双方应对在履行本合同过程中知悉的对方商业秘密承担保密义务，未经对方书面同意不得向第三方披露。",
    ]
    body: list[str] = []
    n = 1
    while sum(len(p) for p in body) < pages * 1500:
        body += [f.format(n=n) for f in filler]
        n += 1
    body.append(f"{n}.1 乙方应积极配合网络安全审查。")
    return (head + "\n\n".join(body) + "\n").encode()


def main() -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    import spacy  # noqa: F401  (timed on its own: the import alone is most of the load)

    spacy_import = time.perf_counter() - t0
    from cliccheck.matcher import check_document, load_pipelines

    load_pipelines()
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    from cliccheck.matcher.pipelines import get_nlp
    from cliccheck.readers import read_document

    doc = read_document(_contract(), filename="bench.txt")
    check_document(doc)  # warm caches once
    runs = []
    cpu = []
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        check_document(doc)
        runs.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    match = min(runs)
    nlp = get_nlp("en")
    t = time.perf_counter()
    for _ in nlp.pipe([b.text for b in doc.blocks]):
        pass
    bare = time.perf_counter() - t
    chars = len(doc.text)
    print(f"pipelines + library load: {load:.3f} s wall, {load_cpu:.3f} s CPU (target < 1 s; "
          f"of which 'import spacy' {spacy_import:.3f} s)")
    print(f"100-page contract: {chars:,} chars, {len(doc.blocks)} blocks")
    print(f"check_document: {match:.3f} s wall, {min(cpu):.3f} s CPU (target < 0.3 s) = "
          f"{chars / match / 1e6:.2f} M chars/s")
    print(f"bare nlp.pipe (en, lookup lemmatizer) over the same blocks: {bare:.3f} s = {chars / bare / 1e6:.2f} M chars/s")
    zh = read_document(_contract_zh(), filename="bench-zh.txt")
    check_document(zh)
    t = time.perf_counter()
    check_document(zh)
    zh_match = time.perf_counter() - t
    t = time.perf_counter()
    for _ in get_nlp("zh").pipe([b.text for b in zh.blocks]):
        pass
    zh_bare = time.perf_counter() - t
    print(f"100-page Chinese contract: {len(zh.text):,} chars; check_document {zh_match:.3f} s = "
          f"{len(zh.text) / zh_match / 1e6:.2f} M chars/s; bare nlp.pipe (zh, characters) {zh_bare:.3f} s")


if __name__ == "__main__":
    main()
