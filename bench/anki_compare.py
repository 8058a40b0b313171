"""Recording one answer durably: nelm against Anki (the PyPI `anki` package) at the same
amount of stored history.

Anki: a collection of 300 notes (about nelm's number of questions) with N review-log rows
already stored (inserted directly, as a long history would have left them); then cards are
answered one at a time with `sched.answerCard` with FSRS on, which commits as Anki does
(SQLite, WAL). nelm: a realistic learner with N answers (`nelm-bench make-learner`), then
`nelm-bench answer`: the tutor grades an answer and logs it (one line, one fsync), as the
shell does. The two take turns, ROUNDS times at each size, in the same run; the medians of
all their samples and the ratio Anki / nelm are printed.

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

SIZES = [10, 100_000]
ANSWERS = 25
ROUNDS = 3


def anki_answer_ms(stored):
    """Every sample of ANSWERS answers, in ms."""
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
        col.set_config("fsrs", True)
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
        return samples


def nelm_answer_ms(binary, lessons, folder, name):
    """Every sample of one `nelm-bench answer` run (40 answers), in ms."""
    out = subprocess.run([binary, "answer", folder, name, lessons, "--samples"],
                         capture_output=True, text=True, check=True).stdout
    return [float(x) for x in re.findall(r"sample ([\d.]+)", out)]


def main():
    binary = sys.argv[1]
    lessons = sys.argv[2] if len(sys.argv) > 2 else "Lessons"
    with tempfile.TemporaryDirectory() as folder:
        for stored in SIZES:
            name = f"anki{stored}"
            subprocess.run([binary, "make-learner", folder, name, str(stored), lessons, "30"],
                           check=True)
            anki, ours = [], []
            for _ in range(ROUNDS):
                ours += nelm_answer_ms(binary, lessons, folder, name)
                anki += anki_answer_ms(stored)
            a, n = statistics.median(anki), statistics.median(ours)
            print(f"one answer, {stored:>7,} stored:  Anki {a:8.3f} ms   nelm {n:8.3f} ms"
                  f"   Anki/nelm {a / n:5.1f}x   (FSRS on; {len(anki)} and {len(ours)} answers,"
                  f" {ROUNDS} turns each)")


if __name__ == "__main__":
    main()
