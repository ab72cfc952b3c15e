#!/usr/bin/python3
"""Stevedore against curl and python-gitlab on gitlab-sim: interleaved rounds, checked results.

Usage: bench.py BUILD_DIR REPORT.md [--rounds N] [--only SCENARIO,...]

Every scenario runs each contender once per round, in a rotating order, after one warm-up
round that is not counted. Each run's result is checked (sizes, SHA-256, counts) so that a
fast wrong answer cannot win. For every run it records the wall time, the client's CPU time
and peak resident memory (from wait4), and the simulator's CPU time; the report gives the
minimum and the median of each, the ratios to curl and python-gitlab, and whether the target
of the issue that set them is met.
"""

import argparse
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TOKEN = "glpat-bench"
FILES_PROJECT = "bench/files"
MANY_PROJECT = "bench/many"
GIB = 1024 * 1024 * 1024


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_random(path, size):
    with open(path, "wb") as file:
        left = size
        block = os.urandom(1 << 20)
        while left > 0:
            piece = block[: min(left, len(block))]
            file.write(piece)
            left -= len(piece)


class Sim:
    """gitlab-sim with a fixture of its own and a data folder on the same disk as the files."""

    def __init__(self, build, folder, many_packages):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)
        fixture = {
            "users": [{"id": 1, "username": "bench", "name": "Bench"}],
            "tokens": [{"kind": "personal", "token": TOKEN, "user": "bench", "scopes": ["api"]}],
            "projects": [
                {"id": 1, "path": FILES_PROJECT, "members": {"bench": "maintainer"}},
                {"id": 2, "path": MANY_PROJECT, "members": {"bench": "maintainer"}},
            ],
            "packages": [
                {"project": MANY_PROJECT, "name": f"component-{i // 5:04d}",
                 "version": f"1.{i % 5}.0", "files": []}
                for i in range(15000 if many_packages else 0)
            ],
        }
        fixture_path = os.path.join(folder, "fixture.json")
        with open(fixture_path, "w") as file:
            json.dump(fixture, file)
        self.process = subprocess.Popen(
            [os.path.join(build, "tests/sim/gitlab-sim"), "--data-dir", os.path.join(folder, "data"),
             "--fixture", fixture_path, "--max-file-size", "0"],
            stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("listening on "):  # the one line gitlab-sim prints when ready
            raise SystemExit(f"gitlab-sim did not start: {line!r}")
        self.url = line.split()[-1]

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as file:
            fields = file.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(30)


def measure(command, environment, sim, cwd=None):
    """Runs one process; returns (wall s, cpu s, peak RSS MiB, sim cpu s, stdout)."""
    sim_before = sim.cpu_seconds()
    # Peak memory through /usr/bin/time: wait4's figure for a child forked from this Python
    # would start at the Python's own size.
    rss_file = tempfile.NamedTemporaryFile(delete=False)
    rss_file.close()
    with tempfile.TemporaryFile() as errors:  # a file, so a chatty stderr cannot block
        start = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *command],
                                   env=environment, cwd=cwd, stdout=subprocess.PIPE,
                                   stderr=errors)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command[:6])} … failed ({process.returncode}): "
                             f"{errors.read().decode(errors='replace')[-2000:]}")
    with open(rss_file.name) as file:
        rss_kib = int(file.read().split()[-1])
    os.unlink(rss_file.name)
    return (wall, usage.ru_utime + usage.ru_stime, rss_kib / 1024,
            sim.cpu_seconds() - sim_before, output)


class Bench:
    def __init__(self, build, work, sim, many_sim):
        self.build, self.work, self.sim, self.many_sim = build, work, sim, many_sim
        self.stevedore = os.path.join(build, "main/stevedore")
        self.env = dict(os.environ, GITLAB_HOST=sim.url, GITLAB_TOKEN=TOKEN,
                        XDG_STATE_HOME=os.path.join(work, "state"),
                        HOME=os.path.join(work, "home"), QT_QPA_PLATFORM="offscreen")
        self.many_env = dict(self.env, GITLAB_HOST=many_sim.url)
        self.counter = 0

    def fresh_version(self):
        self.counter += 1
        return f"1.0.{self.counter}"

    def generic_url(self, project, name, version, file_name):
        return f"{self.sim.url}/api/v4/projects/{project.replace('/', '%2F')}/packages/generic/" \
               f"{name}/{version}/{file_name}"

    def python(self, code, *arguments, sim=None):
        return ["/usr/bin/python3", "-c", code, (sim or self.sim).url, TOKEN, *arguments]

    def listed_files(self, project, name, version):
        output = subprocess.run([self.stevedore, "--json", "files", project, name, version],
                                env=self.env, capture_output=True, check=True).stdout
        return json.loads(output)


PY_UPLOAD = """
import sys, gitlab
g = gitlab.Gitlab(sys.argv[1], private_token=sys.argv[2])
p = g.projects.get(sys.argv[3], lazy=True)
for path in sys.argv[6:]:
    p.generic_packages.upload(package_name=sys.argv[4], package_version=sys.argv[5],
                              file_name=path.rsplit('/', 1)[-1], path=path)
"""

PY_DOWNLOAD = """
import sys, gitlab
g = gitlab.Gitlab(sys.argv[1], private_token=sys.argv[2])
p = g.projects.get(sys.argv[3], lazy=True)
out = sys.argv[6]
for name in sys.argv[7:]:
    with open(out + '/' + name, 'wb') as f:
        p.generic_packages.download(package_name=sys.argv[4], package_version=sys.argv[5],
                                    file_name=name, streamed=True, action=f.write,
                                    chunk_size=1 << 20)
"""

PY_LIST = """
import sys, gitlab
g = gitlab.Gitlab(sys.argv[1], private_token=sys.argv[2])
p = g.projects.get(sys.argv[3], lazy=True)
print(len(p.packages.list(package_type='generic', per_page=100, iterator=False, get_all=True)))
"""


def scenarios(bench, work):
    """Each scenario: (name, target text, setup, {contender: make_command}, check)."""
    big = os.path.join(work, "big.bin")
    small_folder = os.path.join(work, "small")
    if not os.path.exists(big):
        write_random(big, GIB)
    big_sha = sha256_of(big)
    if not os.path.isdir(small_folder):
        os.makedirs(small_folder)
        for i in range(1000):
            with open(os.path.join(small_folder, f"f{i:04d}.bin"), "wb") as file:
                file.write(os.urandom(4096))
    small_names = sorted(os.listdir(small_folder))
    downloads = os.path.join(work, "downloads")
    stevedore = bench.stevedore

    # A version holding the 1 GiB file and one holding the 1,000 files, for the downloads.
    subprocess.run([stevedore, "--quiet", "publish", FILES_PROJECT, "big", "1.0.0", big],
                   env=bench.env, check=True)
    subprocess.run([stevedore, "--quiet", "publish", FILES_PROJECT, "small", "1.0.0",
                    *[os.path.join(small_folder, n) for n in small_names]],
                   env=bench.env, check=True)

    def fresh_downloads():
        shutil.rmtree(downloads, ignore_errors=True)
        os.makedirs(downloads)
        shutil.rmtree(os.path.join(work, "state"), ignore_errors=True)

    def check_upload(version):
        files = bench.listed_files(FILES_PROJECT, "up", version)
        assert len(files) == 1 and files[0]["sha256"] == big_sha, files

    def check_big_download():
        assert sha256_of(os.path.join(downloads, "big.bin")) == big_sha

    def check_small_upload(version):
        files = bench.listed_files(FILES_PROJECT, "many", version)
        assert len(files) == 1000, len(files)

    def check_small_download():
        assert sorted(os.listdir(downloads)) == small_names

    header = ["--header", f"PRIVATE-TOKEN: {TOKEN}"]
    return [
        ("upload 1 GiB", "≤ 1.10 × curl wall, ≤ 1.2 s CPU/GiB",
         lambda: bench.fresh_version(), {
             "stevedore": lambda v: [stevedore, "--quiet", "publish", "--on-duplicate", "keep",
                                     FILES_PROJECT, "up", v, big],
             "curl": lambda v: ["curl", "--fail", "--silent", "--output", "/dev/null", *header,
                                "--upload-file", big,
                                bench.generic_url(FILES_PROJECT, "up", v, "big.bin")],
             "python-gitlab": lambda v: bench.python(PY_UPLOAD, FILES_PROJECT, "up", v, big),
         }, check_upload),
        ("download 1 GiB", "≤ 1.10 × curl wall, verified",
         fresh_downloads, {
             "stevedore": lambda _: [stevedore, "--quiet", "download", FILES_PROJECT, "big",
                                     "1.0.0", "-o", downloads],
             "curl": lambda _: ["curl", "--fail", "--silent", *header, "--output",
                                os.path.join(downloads, "big.bin"),
                                bench.generic_url(FILES_PROJECT, "big", "1.0.0", "big.bin")],
             "python-gitlab": lambda _: bench.python(PY_DOWNLOAD, FILES_PROJECT, "big", "1.0.0",
                                                     downloads, "big.bin"),
         }, lambda _: check_big_download()),
        ("publish 1,000 × 4 KiB", "≥ 3 × the curl loop, ≥ 1.3 × python-gitlab",
         lambda: bench.fresh_version(), {
             "stevedore": lambda v: [stevedore, "--quiet", "publish", "--on-duplicate", "keep",
                                     FILES_PROJECT, "many", v,
                                     *[os.path.join(small_folder, n) for n in small_names]],
             "curl": lambda v: ["sh", "-c", "for f in \"$@\"; do curl --fail --silent "
                                "--output /dev/null --header \"PRIVATE-TOKEN: " + TOKEN + "\" "
                                "--upload-file \"$f\" \"" + bench.generic_url(
                                    FILES_PROJECT, "many", v, "") + "$(basename \"$f\")\" || exit 1;"
                                " done", "sh",
                                *[os.path.join(small_folder, n) for n in small_names]],
             "python-gitlab": lambda v: bench.python(
                 PY_UPLOAD, FILES_PROJECT, "many", v,
                 *[os.path.join(small_folder, n) for n in small_names]),
         }, check_small_upload),
        ("download 1,000 files", "≥ 5 × the curl loop, ≥ 1.3 × python-gitlab",
         fresh_downloads, {
             "stevedore": lambda _: [stevedore, "--quiet", "download", FILES_PROJECT, "small",
                                     "1.0.0", "-o", downloads],
             "curl": lambda _: ["sh", "-c", "cd \"$1\" && shift && for n in \"$@\"; do curl "
                                "--fail --silent --header \"PRIVATE-TOKEN: " + TOKEN + "\" "
                                "--output \"$n\" \"" + bench.generic_url(
                                    FILES_PROJECT, "small", "1.0.0", "") + "$n\" || exit 1; done",
                                "sh", downloads, *small_names],
             "python-gitlab": lambda _: bench.python(PY_DOWNLOAD, FILES_PROJECT, "small",
                                                     "1.0.0", downloads, *small_names),
         }, lambda _: check_small_download()),
        ("list 15,000 packages", "≤ 1.2 × the curl run, ≤ 40 MiB",
         lambda: None, {
             "stevedore": lambda _: [stevedore, "--json", "list", MANY_PROJECT],
             "curl": lambda _: ["curl", "--fail", "--silent", *header,
                                f"{bench.many_sim.url}/api/v4/projects/bench%2Fmany/packages?"
                                "package_type=generic&per_page=100&page=[1-150]"],
             "python-gitlab": lambda _: bench.python(PY_LIST, MANY_PROJECT, sim=bench.many_sim),
         }, None),
        ("--version", "≤ 10 ms for the headless command line",
         lambda: None, {
             "stevedore": lambda _: [stevedore, "--version"],
             "curl": lambda _: ["curl", "--version"],
             "python-gitlab": lambda _: ["/usr/bin/python3", "-c", "import gitlab"],
         }, None),
    ]


# The targets: (stevedore wall, curl wall, python-gitlab wall, stevedore CPU, stevedore RSS MiB).
TARGETS = {
    "upload 1 GiB": lambda ours, curl, python, cpu, rss: ours <= 1.10 * curl and cpu <= 1.2,
    "download 1 GiB": lambda ours, curl, python, cpu, rss: ours <= 1.10 * curl,
    "publish 1,000 × 4 KiB": lambda ours, curl, python, cpu, rss:
        curl >= 3 * ours and python >= 1.3 * ours,
    "download 1,000 files": lambda ours, curl, python, cpu, rss:
        curl >= 5 * ours and python >= 1.3 * ours,
    "list 15,000 packages": lambda ours, curl, python, cpu, rss: ours <= 1.2 * curl and rss <= 40,
    "--version": lambda ours, curl, python, cpu, rss: ours <= 0.010,
}

# What profiling showed for the targets not met yet (perf and strace on this machine).
WHY_MISSED = {
    "upload 1 GiB": "SHA-256 while sending (about 0.8 s of CPU per GiB, kept: it is the "
                    "integrity check) and Qt handing the body between its threads in 16 KiB "
                    "chunks (about 130,000 context switches per GiB). Moving the body with "
                    "larger chunks or a socket of our own would close most of the gap.",
    "download 1 GiB": "hashing and writing the .part run one after the other on the main "
                      "thread, and each chunk is copied once more on its way; a hashing and "
                      "writing worker thread would overlap them with the network.",
    "publish 1,000 × 4 KiB": "every file is one sequential request (the uploads are serial on "
                             "purpose, gitlab-api.md §3.10), so the simulator's time per request "
                             "sets the pace for every contender; parallel uploads once the "
                             "package exists would be the next step.",
    "download 1,000 files": "each file is one request on one connection at a time; "
                            "downloads in parallel would be the next step.",
    "list 15,000 packages": "every page is kept as parsed JSON and as Package values until the "
                            "list is complete, the output is held several times at once (the "
                            "document, its text, a UTF-16 and a UTF-8 copy), and the one binary "
                            "links Widgets, Gui and D-Bus, which the command line does not need; "
                            "streaming the output package by package would keep it flat.",
    "--version": "the binary loads Qt Widgets, Gui and D-Bus even for a command; a headless "
                 "command-line binary would not.",
}


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("report")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", default="", help="scenario names, separated by ;")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="stevedore-bench-", dir=os.path.join(args.build, ".."))
    # Two simulators: the one the transfers use stays small (it saves its state after each
    # change, so 15,000 packages in it would make every upload measure the simulator).
    sim = Sim(args.build, os.path.join(work, "sim"), many_packages=False)
    many_sim = Sim(args.build, os.path.join(work, "many-sim"), many_packages=True)
    bench = Bench(args.build, work, sim, many_sim)
    results = {}
    load_before = os.getloadavg()
    try:
        for name, target, setup, contenders, check in scenarios(bench, work):
            if args.only and name not in args.only.split(";"):
                continue
            order = list(contenders)
            runs = {contender: [] for contender in order}
            for round_number in range(args.rounds + 1):  # round 0 warms up
                rotated = order[round_number % len(order):] + order[:round_number % len(order)]
                for contender in rotated:
                    prepared = setup()
                    listing = name.startswith("list")
                    wall, cpu, rss, sim_cpu, output = measure(
                        contenders[contender](prepared),
                        bench.many_env if listing else bench.env, many_sim if listing else sim)
                    if name.startswith("list"):
                        count = output.count(b'"version"') if contender == "stevedore" \
                            else (int(output) if contender == "python-gitlab"
                                  else output.count(b'"version"'))
                        assert count == 15000, (contender, count)
                    elif check:
                        check(prepared)
                    if round_number > 0:
                        runs[contender].append((wall, cpu, rss, sim_cpu))
                    print(f"{name:24} {contender:14} round {round_number}: {wall:7.3f} s",
                          file=sys.stderr)
            results[name] = (target, runs)
    finally:
        sim.stop()
        many_sim.stop()
        shutil.rmtree(work, ignore_errors=True)
    write_report(args, results, load_before, os.getloadavg())


def write_report(args, results, load_before, load_after):
    with open("/proc/cpuinfo") as file:
        cpu = next((line.split(":", 1)[1].strip() for line in file if line.startswith("model name")),
                   platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GIB
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (`tests/bench/bench.py`); do not edit by hand. Each scenario ran",
        f"{args.rounds} counted rounds after one warm-up round, the contenders interleaved in a",
        "rotating order, against `gitlab-sim` on the same machine, every result checked.",
        "",
        f"Machine: {os.cpu_count()} × {cpu}, {memory:.0f} GiB; {platform.platform()}. "
        f"Load average {load_before[0]:.2f} before, {load_after[0]:.2f} after.",
        "",
        "| scenario | contender | wall min | wall median | client CPU | peak RSS | simulator CPU |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, (target, runs) in results.items():
        for contender, samples in runs.items():
            walls = [s[0] for s in samples]
            lines.append(
                f"| {name} | {contender} | {min(walls):.3f} s | {median(walls):.3f} s | "
                f"{median([s[1] for s in samples]):.2f} s | {max(s[2] for s in samples):.0f} MiB | "
                f"{median([s[3] for s in samples]):.2f} s |")
    lines += ["", "## Ratios and targets", "",
              "| scenario | stevedore / curl | stevedore / python-gitlab | target | met |",
              "| --- | --- | --- | --- | --- |"]
    for name, (target, runs) in results.items():
        ours = median([s[0] for s in runs["stevedore"]])
        curl = median([s[0] for s in runs["curl"]])
        python = median([s[0] for s in runs["python-gitlab"]])
        cpu = median([s[1] for s in runs["stevedore"]])
        rss = max(s[2] for s in runs["stevedore"])
        met = TARGETS[name](ours, curl, python, cpu, rss)
        lines.append(f"| {name} | {ours / curl:.2f} | {ours / python:.2f} | {target} | "
                     f"{'met' if met else 'missed'} |")
    missed = [name for name, (_, runs) in results.items()
              if not TARGETS[name](median([s[0] for s in runs["stevedore"]]),
                                   median([s[0] for s in runs["curl"]]),
                                   median([s[0] for s in runs["python-gitlab"]]),
                                   median([s[1] for s in runs["stevedore"]]),
                                   max(s[2] for s in runs["stevedore"]))]
    if missed:
        lines += ["", "## Where the time goes in what is missed", ""]
        lines += [f"- **{name}**: {WHY_MISSED[name]}" for name in missed]
    with open(args.report, "w") as file:
        file.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
