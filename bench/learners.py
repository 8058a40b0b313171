"""Realistic learners at growing sizes: what each command costs as the history grows.

For each size (10, 1k, 10k, 100k answers; 1M with BENCH_MAX=1000000; or the sizes listed in
BENCH_SIZES, e.g. 10,1000000) and each kind of learner (authored items only; 30 % of answers
in generated cases), `nelm-bench make-learner` writes a learner from the real course's item ids, as the shell writes them. Then, per learner:
first prompt on a pty (bench/first_prompt.py), one durable answer in process (nelm-bench) and
as a whole process (a piped shell that opens, answers one step, leaves), `progress`,
`history 20`, `export xapi` and `export markdown`, each timed from outside with farm-bench
(whole process, median of RUNS, peak RSS of the process).

Usage: python3 bench/learners.py NELM NELM_BENCH LESSONS SCRATCH
"""
import os
import re
import subprocess
import sys

RUNS = os.environ.get("LEARNER_RUNS", "5")
SIZES = [10, 1_000, 10_000, 100_000, 1_000_000]


def farm(command, timeout=600):
    out = subprocess.run(
        ["farm-bench", "-n", RUNS, "--timeout", str(timeout), "--", "sh", "-c", command],
        capture_output=True, text=True).stdout
    wall = re.search(r"A wall s\s+([\d.]+)\s+([\d.]+)", out)
    peak = re.search(r"A peak MiB\s+([\d.]+)\s+([\d.]+)", out)
    if not wall:
        return "n/a", "n/a", out
    return f"{float(wall.group(2)) * 1000:.0f} ms", (
        f"{peak.group(2)} MiB" if peak else "n/a"), out


def main():
    nelm, bench, lessons, scratch = sys.argv[1:5]
    biggest = int(os.environ.get("BENCH_MAX", "100000"))
    print("size | kind | first prompt | answer in process | answer whole process | progress "
          "| history 20 | export xapi (peak) | export markdown (peak) | shell peak")
    chosen = os.environ.get("BENCH_SIZES")
    sizes = [int(s) for s in chosen.split(",")] if chosen else [s for s in SIZES if s <= biggest]
    for size in sizes:
        for share in (0, 30):
            name = f"l{size}g{share}"
            folder = os.path.join(scratch, name)
            os.makedirs(folder, exist_ok=True)
            subprocess.run([bench, "make-learner", folder, name, str(size), lessons, str(share)],
                           check=True)
            base = f"{nelm} --learner {name} --lessons {lessons} --sessions {folder}"
            prompt = subprocess.run(
                ["python3", "bench/first_prompt.py", RUNS, name, "--"] + base.split(),
                capture_output=True, text=True).stdout
            prompt = re.search(r"median\s+([\d.]+)", prompt)
            inproc = subprocess.run([bench, "answer", folder, name, lessons],
                                    capture_output=True, text=True).stdout
            inproc = re.search(r"median\s+([\d.]+)", inproc)
            whole, shell_peak, _ = farm(
                f"printf 'case random --seed 3\\nskip\\nquit\\n' | {base} >/dev/null 2>&1")
            progress, _, _ = farm(f"{base} progress >/dev/null")
            history, _, _ = farm(f"printf 'history 20\\nquit\\n' | {base} >/dev/null 2>&1")
            xapi, xapi_peak, _ = farm(
                f"{nelm} export xapi /dev/null --learner {name} --lessons {lessons} "
                f"--sessions {folder} 2>/dev/null", timeout=3000)
            recap, recap_peak, _ = farm(
                f"{nelm} export markdown /dev/null --learner {name} --lessons {lessons} "
                f"--sessions {folder} 2>/dev/null", timeout=3000)
            print(f"{size:,} | {share} % generated | "
                  f"{prompt.group(1) + ' ms' if prompt else 'n/a'} | "
                  f"{inproc.group(1) + ' ms' if inproc else 'n/a'} | {whole} | {progress} | "
                  f"{history} | {xapi} ({xapi_peak}) | {recap} ({recap_peak}) | {shell_peak}",
                  flush=True)


if __name__ == "__main__":
    main()
