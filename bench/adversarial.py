"""Time ``service.extract.parse`` on adversarial inputs: 10 KB under 50 ms each, 2 MB under 2 s each.

Real articles parse in about a millisecond, but the API parses whatever a
client posts (up to the body limit), so a rule that goes quadratic on runs of
quote marks, long sentences, many numbers or many names is a cheap way to tie
up a worker. Each input is parsed a few times and the fastest run counts, as
``timeit`` does: the machine is shared, and other processes only ever add
time (the median and the CPU time are printed beside it). A parse still
running after ``--timeout`` seconds is stopped and counted as a failure.

Then every input is parsed once more at each of ``--large`` sizes (100 KB, 1 MB
and 2 MB by default): the time per size shows whether a stage grows faster than
the text (near-linear: 2 MB takes about twice 1 MB), and the largest size must
parse within ``--large-limit-ms``.

usage: python bench/adversarial.py [--size 10000] [--limit-ms 50] [--repeat 5] [--timeout 10]
                                   [--large 100000,1000000,2000000] [--large-limit-ms 2000]
"""
from __future__ import annotations

import argparse
import random
import signal
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.extract import parse  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "seeds" / "seed-000.txt"


def fill(piece_of, size: int) -> str:
    """Concatenate ``piece_of(i)`` until the text is ``size`` characters long."""
    parts, n, i = [], 0, 0
    while n < size:
        piece = piece_of(i)
        parts.append(piece)
        n += len(piece)
        i += 1
    return "".join(parts)[:size]


def inputs(size: int) -> dict[str, str]:
    rng = random.Random(7)
    head = "Ministry rejects claims at weekly briefing\n"
    body = size - len(head)
    real = SEED_ARTICLE.read_text(encoding="utf-8") if SEED_ARTICLE.exists() else (
        "Spokesperson Mumtaz Zahra Baloch said on Friday that Pakistan “will not accept” the decision.\n")
    first = ["Mumtaz", "Antony", "Maria", "Wen", "Mei", "Sergei", "Ahmed", "Olena", "Kofi", "Ines"]
    last = ["Baloch", "Blinken", "Zakharova", "Tanaka", "Lavrov", "Khan", "Mensah", "Silva", "Weber", "Haddad"]
    return {
        "quote marks only": head + fill(lambda i: rng.choice("“”\"'‘’"), body),
        "quote marks and spaces": head + fill(lambda i: rng.choice("“”\"'‘’ "), body),
        "alternating “ and words": head + fill(lambda i: f"“word{i} ", body),
        "unbalanced brackets": head + fill(lambda i: rng.choice("(([[{{<") + "x ", body),
        "brackets and quotes": head + fill(lambda i: rng.choice("()[]{}“”\"") + rng.choice(["said ", "Mr. X ", "5 "]),
                                           body),
        "one line of sentences": head + fill(lambda i: f"Mr. {rng.choice(last)} said “we will not accept this” on "
                                                       f"day {i}, adding that {i} people died. ", body),
        "one line, no sentence end": head + fill(lambda i: f"Mr. Smith said “we will not accept this”, adding that "
                                                           f"{i} people died (and [more ", body),
        "straight quotes, many sentences": head + fill(lambda i: 'He said "hello" and 5 people died. ', body),
        "open quotes and brackets": head + fill(lambda i: "word (and [more “ quoted ” 12 ", body),
        "control characters": head + fill(lambda i: chr(rng.randrange(0, 32)) + rng.choice(["a", "“", " said "]),
                                          body),
        "mixed scripts": head + fill(lambda i: rng.choice(["Он сказал «да». ", "他说“你好”。", "قال \"مرحبا\" ",
                                                           "Mr. Müller said “ja”. ", "١٢٣ ", "𝐁𝐨𝐥𝐝 "]), body),
        "whitespace only": fill(lambda i: rng.choice(" \t\n\u00a0\u3000"), size),
        "headline only": fill(lambda i: f"Word{i} “quoted” {i} ", size).replace("\n", " "),
        "real article repeated": fill(lambda i: real + "\n", size),
        "long sentence, many quotes": head + "The spokesperson said " + fill(
            lambda i: f"“point {i},” ", body - 40) + "she said.",
        "many quotes, many speakers": head + fill(
            lambda i: f"“Point {i},” {rng.choice(first)} {rng.choice(last)} said. ", body),
        "many numbers": head + fill(lambda i: f"{rng.randint(1, 10**6):,} ", body),
        "numbers with units": head + fill(lambda i: rng.choice([f"at least {i} people, including {i // 2} children, "
                                                                f"were killed. ", f"${i}.5 million ", f"{i}% ",
                                                                f"{i}-month-long ", f"Nov. {i % 28 + 1} "]), body),
        "many capitalised words": head + fill(lambda i: f"{rng.choice(first)} {rng.choice(last)} ", body),
        "capitalised words, one sentence each": head + fill(
            lambda i: f"{rng.choice(first)} {rng.choice(last)} Of The {rng.choice(last)} Said. ", body),
        "shared surnames and pronouns": head + fill(
            lambda i: f"Minister {rng.choice(first)} Khan said that talks would go on. Khan added: “No.” "
                      f"She said it was true. He said so. ", body),
        "cues without speakers": head + fill(lambda i: rng.choice(["said ", "stated that ", "told reporters ",
                                                                   "according to ", ", read the statement. "]), body),
        "many paragraphs": head + fill(lambda i: f"“Quote {i},” he said.\n", body),
        "role nouns and pronouns, no names": head + fill(
            lambda i: rng.choice([f"“Quote {i},” the spokesperson said. ", f"“Point {i},” it said. ",
                                  "The ministry said so. ", f"The resolution said {i} died. ", "Her office said.\n"]),
            body),
        "dashes and separators": head + fill(lambda i: rng.choice(["---\n", "— ", "– ", "-", "\n\n"]), body),
    }


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout


def time_parse(text: str, repeat: int, timeout: float) -> tuple[float, float, float, int]:
    """Fastest and median wall milliseconds and fastest CPU milliseconds of ``repeat`` parses, and the record count.

    A parse that times out gives infinities.
    """
    times, cpu, records = [], [], 0
    signal.signal(signal.SIGALRM, _alarm)
    for _ in range(repeat):
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            started, cpu_started = time.perf_counter(), time.process_time()
            doc = parse(text)
            times.append(1000 * (time.perf_counter() - started))
            cpu.append(1000 * (time.process_time() - cpu_started))
        except Timeout:
            inf = float("inf")
            return inf, inf, inf, 0
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        records = len(doc.statements) + len(doc.quotes) + len(doc.figures)
    return min(times), statistics.median(times), min(cpu), records


def small(args) -> list[tuple[str, float]]:
    """The ``--size`` inputs, each parsed ``--repeat`` times: the inputs over ``--limit-ms``."""
    results = []
    print(f"{'fastest':>9} {'median':>9} {'cpu':>9}  (ms, {args.repeat} runs)  records  chars  input")
    for name, text in inputs(args.size).items():
        ms, median, cpu, records = time_parse(text, args.repeat, args.timeout)
        results.append((ms, name))
        shown = [f">{args.timeout * 1000:.0f}" if v == float("inf") else f"{v:.1f}" for v in (ms, median, cpu)]
        print(f"{shown[0]:>9} {shown[1]:>9} {shown[2]:>9}  {records:22d}  {len(text):5d}  {name}", flush=True)
    ms, name = max(results)
    print(f"\nslowest: {name}: {ms:.1f} ms (fastest of {args.repeat} runs; limit {args.limit_ms:.0f} ms)\n")
    return [(n, m) for m, n in results if m > args.limit_ms]


def large(args) -> list[tuple[str, float]]:
    """Each input at every ``--large`` size, parsed once (CPU ms): the inputs whose largest size is over
    ``--large-limit-ms``."""
    sizes = sorted(int(s) for s in args.large.split(","))
    texts = {size: inputs(size) for size in sizes}
    print("  ".join(f"{size // 1000:>7} KB" for size in sizes) + "  growth  (CPU ms, 1 run)  input")
    over = []
    for name in texts[sizes[0]]:
        cpu = [time_parse(texts[size][name], 1, args.timeout * size / 10_000)[2] for size in sizes]
        growth = cpu[-1] / cpu[-2] if len(cpu) > 1 and cpu[-2] else float("nan")
        print("  ".join(f"{ms:>10.0f}" for ms in cpu) + f"  {growth:6.1f}  {name}", flush=True)
        if cpu[-1] > args.large_limit_ms:
            over.append((name, cpu[-1]))
    print(f"\n(growth: time at {sizes[-1] // 1000} KB over time at {sizes[-2] // 1000} KB; "
          f"{sizes[-1] / sizes[-2]:.1f} is linear)\n" if len(sizes) > 1 else "")
    return over


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10_000, help="characters per input")
    ap.add_argument("--limit-ms", type=float, default=50.0)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds before a 10 KB parse counts as hung")
    ap.add_argument("--large", default="100000,1000000,2000000", help="sizes parsed once each ('' for none)")
    ap.add_argument("--large-limit-ms", type=float, default=2000.0, help="limit for the largest size")
    args = ap.parse_args()

    parse("warm up\nThe spokesperson said “yes”.")
    failed = False
    for over, limit, size in ((small(args), args.limit_ms, args.size),
                              (large(args) if args.large else [], args.large_limit_ms,
                               max(int(s) for s in args.large.split(",")) if args.large else 0)):
        if over:
            failed = True
            print(f"FAIL: {len(over)} input(s) of {size} characters over {limit:.0f} ms: "
                  + ", ".join(f"{n} ({m:.0f} ms)" for n, m in over))
    if not failed:
        print("OK: every input under the limit")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
