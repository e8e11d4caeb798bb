"""Time the extraction pipeline over the unannotated pool, on one core.

Every stage of ``service.extract.PIPELINE`` is timed on its own, so the report
names the slowest stage; the overall rate counts all stages, as
``service.extract.parse`` runs them. The target is 300 documents a second.

usage: python bench/extract_speed.py [FOLDER]   (default: ../shared/corpus/pool)
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from service.extract import STAGES, content_hash  # noqa: E402
from service.extract.records import Document  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus", "pool")


def main(folder: str = DEFAULT) -> None:
    paths = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".txt"))
    texts = [open(p, encoding="utf-8").read() for p in paths]
    per_stage = {stage: 0.0 for stage in STAGES}
    slowest_doc = (0.0, "")
    started = time.perf_counter()
    for path, text in zip(paths, texts):
        doc_started = time.perf_counter()
        doc = Document(text=text, content_hash=content_hash(text))
        for stage in STAGES:
            t = time.perf_counter()
            stage(doc)
            per_stage[stage] += time.perf_counter() - t
        slowest_doc = max(slowest_doc, (time.perf_counter() - doc_started, path))
    total = time.perf_counter() - started
    n = len(texts)
    print(f"{n} documents, {sum(map(len, texts)) / 1e6:.1f} MB in {total:.2f} s")
    print(f"{n / total:.0f} docs/s, {1000 * total / n:.2f} ms per document")
    for stage, seconds in sorted(per_stage.items(), key=lambda kv: -kv[1]):
        print(f"  {stage.name:<20} {1000 * seconds / n:7.3f} ms/doc"
              f"  {100 * seconds / total:5.1f}%")
    worst = max(per_stage, key=per_stage.get)
    print(f"slowest stage: {worst.name}")
    print(f"slowest document: {1000 * slowest_doc[0]:.1f} ms ({os.path.basename(slowest_doc[1])})")


if __name__ == "__main__":
    main(*sys.argv[1:2])
