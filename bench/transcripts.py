"""Check the transcript reader over a folder of transcripts (default: the shared corpus's 67).

For each file: it must be read as a transcript; its turn count must equal the
number of paragraphs that open with an upper-case speaker label (counted here
with a plain pattern of its own, not the reader's); no turn's speaker may be
named after a stage direction or an interjection (a parenthesised word, or a
word the text writes in lower case); and the briefer the header names
("Name, Role" under the headline) must be the briefing's host. Prints one
line per failure and a summary; exits 1 on any failure.

    .venv/bin/python bench/transcripts.py [FOLDER]
"""
import re
import sys
from pathlib import Path

from service.extract import parse
from service.extract.articles import read

LABELLED = re.compile(r"^[ \t]*(?:\*\*)?[A-Z][A-Z .'’*-]{0,60}(?:\*\*)?:", re.M)
BRIEFER = re.compile(r"^([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)+), [^,\n]*\b(?:Spokesperson|Secretary|Ambassador|Minister)",
                     re.M)


def check(path: Path) -> list[str]:
    article = read(path.read_bytes(), name=path.name)[0]
    doc = parse(article.text, published=article.published_date)
    problems = []
    labels = sum(1 for line in article.text.split("\n")[1:] if LABELLED.match(line))
    if not doc.turns:
        return ["not read as a transcript"]
    if len(doc.turns) != labels:
        problems.append(f"{len(doc.turns)} turns, {labels} labelled paragraphs")
    openers = {w.lower() for w in re.findall(r"^[ \t]*[A-Z][A-Z .'’*-]{0,60}:[ \t]*\(?([A-Za-z’']+)", article.text, re.M)}
    directions = {w.lower() for d in re.findall(r"\(([^()]{1,80})\)", article.text) for w in d.split()}
    for turn in doc.turns:
        if turn.speaker_id is not None:
            name = doc.speakers[turn.speaker_id].name
            if name.split()[-1].lower() != turn.label.text.split()[-1].lower():
                problems.append(f"speaker {name!r} of label {turn.label.text!r}")
    for speaker in doc.speakers.values():
        words = {w.lower() for w in speaker.name.split()}
        opener = len(words) == 1 and words & openers and not re.search(
            rf"[a-z,]\s+{re.escape(speaker.name)}\b", article.text)  # only ever opens a turn: "Yeah", "Thank"
        if speaker.kind == "person" and (opener or words & directions - openers):
            problems.append(f"speaker named after a stage direction or an interjection: {speaker.name!r}")
    briefer = BRIEFER.search(article.text.split("\n\n", 3)[1] if "\n\n" in article.text else "")
    if briefer and doc.briefing.host != briefer.group(1):
        problems.append(f"host {doc.briefing.host!r}, header names {briefer.group(1)!r}")
    return list(dict.fromkeys(problems))


def main(folder: str) -> int:
    files = sorted(Path(folder).glob("*.txt"))
    failed = 0
    for path in files:
        for problem in check(path):
            print(f"{path.name}: {problem}")
            failed += 1
    print(f"{len(files)} transcripts, {failed} problems")
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/transcripts"))
