"""CPU time per page of cleaner's HTML path against trafilatura alone, page by page.

    python bench/cpu_ratio.py [CORPUS] [PASSES]      # CORPUS: scrapinghub (default), wcxb-dev

Each page goes through trafilatura alone (`extract(html, include_comments=False)`) and then
through cleaner (`clean_record`, the bundled rules), each timed with `time.process_time`, so
that other jobs on a shared machine count for neither; the first pass is the figure (a second
pass over the same pages finds RE2's and the memo caches warm). To compare two versions of
the code, run it alternately with each on PYTHONPATH (the first line says which was loaded):

    PYTHONPATH=/path/to/old/checkout python bench/cpu_ratio.py; python bench/cpu_ratio.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"


def main(argv: list[str]) -> int:
    import cleaner
    from cleaner.report.evaluate import (
        cleaner_text,
        load_benchmark,
        trafilatura_alone,
        warm_up,
    )

    corpus = argv[0] if argv else "scrapinghub"
    passes = int(argv[1]) if len(argv) > 1 else 1
    pages = load_benchmark(BENCH / corpus).pages
    warm_up(pages, cleaner_text, trafilatura_alone)
    print(f"cleaner from {Path(cleaner.__file__).parent}, {corpus}, {len(pages)} pages")
    for k in range(passes):
        ours = theirs = 0.0
        for page in pages:
            start = time.process_time()
            trafilatura_alone(page)
            middle = time.process_time()
            cleaner_text(page)
            ours += time.process_time() - middle
            theirs += middle - start
        n = len(pages)
        print(f"pass {k + 1}: cleaner {1000 * ours / n:.2f} ms, trafilatura {1000 * theirs / n:.2f}"
              f" ms a page, ratio {ours / theirs:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
