"""Checks that every system gave the same answers: exits 1, printing the
differing answers, on any mismatch or missing answer.

    python check.py RESULTS.jsonl
"""

import collections
import json
import sys


def main(path):
    answers = collections.defaultdict(dict)  # (size, question) -> system -> answer
    systems = collections.defaultdict(set)
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            # actorgraph's JSON load answers the same question as its RON load.
            question = r["question"].split()[0]
            answers[(r["size"], question)][r["system"] + r["question"][len(question):]] = r["answer"]
            systems[r["size"]].add(r["system"])
    failed = False
    for (size, question), given in sorted(answers.items()):
        missing = systems[size] - {s.split()[0] for s in given}
        if missing:
            failed = True
            print(f"size {size} {question}: no answer from {', '.join(sorted(missing))}")
        if len(set(given.values())) > 1:
            failed = True
            print(f"size {size} {question}: answers differ")
            for system, answer in sorted(given.items()):
                print(f"    {system:>16}: {answer}")
    if failed:
        sys.exit(1)
    sizes = ", ".join(str(s) for s in sorted(systems))
    print(f"answers agree across systems (sizes {sizes})", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
