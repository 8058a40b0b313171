"""Recording one answer durably: nelm against Anki (the PyPI `anki` package) at the same
amount of stored history.

Anki: a collection of 300 notes (about nelm's number of questions) with N review-log rows
already stored (inserted directly, as a long history would have left them); then cards are
answered one at a time with `sched.answerCard`, which commits as Anki does. nelm: the
in-process figure of `nelm-bench` for the same N (grade, append to the answer log with fsync,
replace the session file). Prints both medians and the ratio Anki / nelm.

Usage: python3 bench/anki_compare.py NELM_BENCH_BINARY [LESSONS_DIR]
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from anki.collection import Collection

SIZES = [10, 1_000, 100_000]
ANSWERS = 25


def anki_answer_ms(stored):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bench.anki2")
        col = Collection(path)
        model = col.models.by_name("Basic")
        deck = col.decks.id("bench")
        for index in range(300):
            note = col.new_note(model)
            note["Front"], note["Back"] = f"question {index}", "answer"
            col.add_note(note, deck)
        card_ids = col.find_cards("deck:bench")
        now_ms = int(time.time() * 1000)
        rows = [(now_ms - (stored - i) * 1000, card_ids[i % len(card_ids)], -1, 3, 1, 0, 2500,
                 4000, 0) for i in range(stored)]
        col.db.executemany(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
            "values (?,?,?,?,?,?,?,?,?)", rows)
        col.close()
        col = Collection(path)
        col.decks.select(col.decks.id("bench"))
        samples = []
        for _ in range(ANSWERS):
            card = col.sched.getCard()
            start = time.perf_counter()
            col.sched.answerCard(card, 3)
            samples.append((time.perf_counter() - start) * 1000)
        count = col.db.scalar("select count() from revlog")
        col.close()
        assert count == stored + ANSWERS
        return statistics.median(samples)


def nelm_answer_ms(binary, lessons):
    out = subprocess.run([binary, lessons], capture_output=True, text=True, check=True).stdout
    figures = {}
    for line in out.splitlines():
        match = re.match(r"answer → durable save, (\d+) answers stored\s+median\s+([\d.]+)", line)
        if match:
            figures[int(match.group(1))] = float(match.group(2))
    return figures


def main():
    binary = sys.argv[1]
    lessons = sys.argv[2] if len(sys.argv) > 2 else "Lessons"
    nelm = nelm_answer_ms(binary, lessons)
    for stored in SIZES:
        anki = anki_answer_ms(stored)
        ours = nelm.get(stored)
        ratio = f"{anki / ours:5.1f}x" if ours else "  n/a"
        print(f"one answer, {stored:>7,} stored:  Anki {anki:8.2f} ms   nelm {ours or 0:8.2f} ms"
              f"   Anki/nelm {ratio}")


if __name__ == "__main__":
    main()
