#!/usr/bin/python3
"""Stevedore against curl and python-gitlab on gitlab-sim: interleaved rounds, checked results.

Usage: bench.py BUILD_DIR REPORT.md [--rounds N] [--only 'SCENARIO;...']

Every scenario runs each contender once per round, in a rotating order, after one warm-up
round that is not counted. Each run's result is checked (sizes, SHA-256, counts) so that a
fast wrong answer cannot win. For every run it records the wall time, the client's CPU time
and peak resident memory (from wait4), and the simulator's CPU time; the report gives the
minimum and the median of each, the ratios to curl and python-gitlab, and whether the target
of the issue that set them is met. A contender that cannot do a scenario is not run, and the
report says why.

The pseudo-scenario "window" runs stevedore-window-probe under Xvfb: the real window's time to
its first frame and to 15,000 packages, its event loop's longest stall while they load and
during a 1 GiB upload, and its memory.
"""

import argparse
import collections
import functools
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
SPARSE_SIZE = 6 * GIB
MANY_VERSIONS = 15000
WINDOW = "window"  # the name --only knows the window's figures by


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_of_zeros(size):
    digest = hashlib.sha256()
    block = bytes(1 << 24)
    for _ in range(size // len(block)):
        digest.update(block)
    digest.update(bytes(size % len(block)))
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
                for i in range(MANY_VERSIONS if many_packages else 0)
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
    # What the run before wrote is flushed first, so that its write-back does not land on
    # this run's clock (a 1 GiB file of one contender slowed the next one by up to 50 %).
    os.sync()
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
        # Saved accounts only: no environment account to fall back on.
        self.account_env = {key: value for key, value in self.env.items()
                            if key not in ("GITLAB_HOST", "GITLAB_TOKEN")}
        self.counter = 0

    def fresh_version(self):
        self.counter += 1
        return f"1.0.{self.counter}"

    def generic_url(self, project, name, version, file_name):
        return f"{self.sim.url}/api/v4/projects/{project.replace('/', '%2F')}/packages/generic/" \
               f"{name}/{version}/{file_name}"

    def python(self, code, *arguments, sim=None):
        return ["/usr/bin/python3", "-c", code, (sim or self.sim).url, TOKEN, *arguments]

    def listed_files(self, project, name, version, environment=None):
        output = subprocess.run([self.stevedore, "--json", "files", project, name, version],
                                env=environment or self.env, capture_output=True,
                                check=True).stdout
        return json.loads(output)

    def delete_version(self, project, name, version, environment=None):
        """Deletes an uploaded version, and so its files from the simulator's disk."""
        subprocess.run([self.stevedore, "--quiet", "delete", project, name, version],
                       env=environment or self.env, check=True)


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

# Copies one file from one simulator to another through a temporary file: argv: source URL,
# token, destination URL, project, source package, source version, file name, temporary
# folder, destination package, destination version.
PY_COPY = """
import sys, tempfile, gitlab
source = gitlab.Gitlab(sys.argv[1], private_token=sys.argv[2]).projects.get(sys.argv[4], lazy=True)
target = gitlab.Gitlab(sys.argv[3], private_token=sys.argv[2]).projects.get(sys.argv[4], lazy=True)
with tempfile.NamedTemporaryFile(dir=sys.argv[8]) as f:
    source.generic_packages.download(package_name=sys.argv[5], package_version=sys.argv[6],
                                     file_name=sys.argv[7], streamed=True, action=f.write,
                                     chunk_size=1 << 20)
    f.flush()
    target.generic_packages.upload(package_name=sys.argv[9], package_version=sys.argv[10],
                                   file_name=sys.argv[7], path=f.name)
"""

PY_LIST = """
import sys, gitlab
g = gitlab.Gitlab(sys.argv[1], private_token=sys.argv[2])
p = g.projects.get(sys.argv[3], lazy=True)
print(len(p.packages.list(package_type='generic', per_page=100, iterator=False, get_all=True)))
"""


# Contenders that cannot do a scenario: not run, and the report says why.
NOT_RUN = {
    ("upload 6 GiB (sparse)", "python-gitlab"):
        "its generic_packages.upload() reads the whole file into memory (f.read()) before "
        "sending it, so it would need more than 6 GiB of RAM (its 1 GiB upload peaks at about "
        "1 GiB of RSS)",
}


def scenarios(bench, work):
    """Each scenario: (name, target text, setup, {contender: make_command}, check).

    A contender whose make_command is None is not run (NOT_RUN says why)."""
    big = os.path.join(work, "big.bin")
    sparse = os.path.join(work, "sparse-6g.bin")
    small_folder = os.path.join(work, "small")
    if not os.path.exists(big):
        write_random(big, GIB)
    big_sha = sha256_of(big)
    # 6 GiB of zeros that take no disk space (truncate -s 6G), read as fast as the page cache
    # allows by every contender; the simulator stores what it receives, so every run's upload
    # is deleted once checked.
    with open(sparse, "wb") as file:
        file.truncate(SPARSE_SIZE)
    sparse_sha = functools.cache(lambda: sha256_of_zeros(SPARSE_SIZE))  # once, when needed
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
        bench.delete_version(FILES_PROJECT, "up", version)

    def check_sparse_upload(version):
        files = bench.listed_files(FILES_PROJECT, "up6", version)
        assert len(files) == 1 and files[0]["sha256"] == sparse_sha() \
            and files[0]["size"] == SPARSE_SIZE, files
        bench.delete_version(FILES_PROJECT, "up6", version)

    def check_big_download():
        assert sha256_of(os.path.join(downloads, "big.bin")) == big_sha

    def check_small_upload(version):
        files = bench.listed_files(FILES_PROJECT, "many", version)
        assert len(files) == 1000, len(files)

    def check_small_download():
        assert sorted(os.listdir(downloads)) == small_names

    header = ["--header", f"PRIVATE-TOKEN: {TOKEN}"]

    @functools.cache
    def copy_accounts():
        """Saved accounts for the two simulators (copy names its sides by account), in the
        Secret Service that make bench starts (tests/keychain/run-with-keyring.sh)."""
        if not os.environ.get("STEVEDORE_KEYRING_ROOT"):
            raise SystemExit("copy: run through tests/keychain/run-with-keyring.sh, as make "
                             "bench does: its two sides are saved accounts")
        for name, sim in (("bench-files", bench.sim), ("bench-many", bench.many_sim)):
            subprocess.run([stevedore, "--quiet", "login", "--url", sim.url, "--name", name],
                           env=bench.account_env, input=(TOKEN + "\n").encode(), check=True)

    def fresh_copy():
        copy_accounts()
        shutil.rmtree(os.path.join(work, "state"), ignore_errors=True)
        os.makedirs(downloads, exist_ok=True)
        return bench.fresh_version()

    def check_copy(version):
        files = bench.listed_files(FILES_PROJECT, "copied", version, bench.many_env)
        assert len(files) == 1 and files[0]["sha256"] == big_sha, files
        bench.delete_version(FILES_PROJECT, "copied", version, bench.many_env)

    many_generic = bench.generic_url(FILES_PROJECT, "copied", "{v}", "big.bin").replace(
        bench.sim.url, bench.many_sim.url)

    def upload_commands(package, path, file_name):
        """stevedore's publish and curl's PUT of `path` into a fresh version of `package`."""
        return {
            "stevedore": lambda v: [stevedore, "--quiet", "publish", "--on-duplicate", "keep",
                                    FILES_PROJECT, package, v, path],
            "curl": lambda v: ["curl", "--fail", "--silent", "--output", "/dev/null", *header,
                               "--upload-file", path,
                               bench.generic_url(FILES_PROJECT, package, v, file_name)],
        }

    return [
        ("upload 1 GiB", "≤ 1.10 × curl wall, ≤ 1.2 s CPU/GiB",
         lambda: bench.fresh_version(), {
             **upload_commands("up", big, "big.bin"),
             "python-gitlab": lambda v: bench.python(PY_UPLOAD, FILES_PROJECT, "up", v, big),
         }, check_upload),
        ("upload 6 GiB (sparse)", "≤ 1.10 × curl wall, peak RSS ≤ 1.1 × the 1 GiB upload's",
         lambda: bench.fresh_version(), {
             **upload_commands("up6", sparse, "sparse-6g.bin"),
             "python-gitlab": None,
         }, check_sparse_upload),
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
        ("copy 1 GiB between simulators",
         "≤ 1.2 × a download plus an upload (curl), ≤ 64 MiB",
         fresh_copy, {
             "stevedore": lambda v: [stevedore, "--quiet", "copy",
                                     f"bench-files:{FILES_PROJECT}/big@1.0.0",
                                     f"bench-many:{FILES_PROJECT}/copied@{v}"],
             "curl": lambda v: ["sh", "-c", "curl --fail --silent --header \"$1\" --output "
                                "\"$2\" \"$3\" && curl --fail --silent --output /dev/null "
                                "--header \"$1\" --upload-file \"$2\" \"$4\"; status=$?; "
                                "rm -f \"$2\"; exit $status", "sh", f"PRIVATE-TOKEN: {TOKEN}",
                                os.path.join(downloads, "copy.bin"),
                                bench.generic_url(FILES_PROJECT, "big", "1.0.0", "big.bin"),
                                many_generic.replace("{v}", v)],
             "python-gitlab": lambda v: ["/usr/bin/python3", "-c", PY_COPY, bench.sim.url,
                                         TOKEN, bench.many_sim.url, FILES_PROJECT, "big",
                                         "1.0.0", "big.bin", downloads, "copied", v],
         }, check_copy),
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


Figures = collections.namedtuple(
    "Figures", "ours curl python cpu rss reference_rss",
    defaults=[None])  # walls (medians), stevedore's CPU (median) and peak RSS MiB (max)

# The targets, judged on Figures (python is None when python-gitlab was not run; reference_rss
# is the 1 GiB upload's peak RSS, for the scenarios whose memory must stay flat).
TARGETS = {
    "upload 1 GiB": lambda f: f.ours <= 1.10 * f.curl and f.cpu <= 1.2,
    "upload 6 GiB (sparse)": lambda f: f.ours <= 1.10 * f.curl and f.rss <= 1.1 * f.reference_rss,
    "download 1 GiB": lambda f: f.ours <= 1.10 * f.curl,
    "copy 1 GiB between simulators": lambda f: f.ours <= 1.2 * f.curl and f.rss <= 64,
    "publish 1,000 × 4 KiB": lambda f: f.curl >= 3 * f.ours and f.python >= 1.3 * f.ours,
    "download 1,000 files": lambda f: f.curl >= 5 * f.ours and f.python >= 1.3 * f.ours,
    "list 15,000 packages": lambda f: f.ours <= 1.2 * f.curl and f.rss <= 40,
    "--version": lambda f: f.ours <= 0.010,
}
# Whose peak RSS a scenario's memory is compared with.
REFERENCE = {"upload 6 GiB (sparse)": "upload 1 GiB"}

# What profiling showed for the targets not met yet (perf and strace on this machine).
WHY_MISSED = {
    "upload 1 GiB": "SHA-256 while sending (about 0.5 s of CPU per GiB, kept: it is the "
                    "integrity check), computed on the thread that sends, so each 1 MiB is hashed "
                    "before it goes out; the body itself is moved by libcurl (about 1,000 context "
                    "switches per GiB, 0.7-0.8 s of client CPU in all). Hashing on a second thread "
                    "while the previous block is sent would overlap the two.",
    "upload 6 GiB (sparse)": "the 1 GiB upload's costs per byte, six times over: SHA-256 on "
                             "the thread that sends (libcurl's read callback), so each 1 MiB is "
                             "hashed before it goes out. On 2 cores shared with the simulator, "
                             "which needs about 2 s of CPU per GiB itself, that CPU is what the "
                             "wall time waits for. The memory stays flat.",
    "download 1 GiB": "libcurl's write callback writes the .part and hands the bytes, in 1 MiB "
                      "batches, to SHA-256 on a thread of its own, so receiving, writing and "
                      "hashing overlap and nothing passes through the main thread. perf shows "
                      "what is left: about 40 % of stevedore's CPU is SHA-256 (0.6 s per GiB "
                      "with SHA-NI), the rest is the kernel receiving and writing the file as "
                      "for curl. With a core to spare the hash runs beside the transfer; on 2 "
                      "cores the simulator, the receiving thread and the hash need about 2 s of "
                      "CPU per GiB together, so any other load on the machine shows in the wall "
                      "time.",
    "publish 1,000 × 4 KiB": "every file is one sequential request (the uploads are serial on "
                             "purpose, gitlab-api.md §3.10), so the simulator's time per request "
                             "sets the pace for every contender; parallel uploads once the "
                             "package exists would be the next step.",
    "download 1,000 files": "up to four downloads run at once; each file still costs Qt 6.4's "
                            "HTTP parser reading the response headers one byte per read() call "
                            "(about 450 calls per response, strace), two hand-overs between Qt's "
                            "network thread and the main thread, and creating, locking, renaming "
                            "and journalling its .part (ext4 inode allocation leads the kernel "
                            "profile, for every contender).",
    "list 15,000 packages": "the client keeps two or three page requests in flight (page N+1 as "
                            "soon as page N's headers arrive, page N+2 guessed from page N+1's "
                            "page number and used only when page N+1's Link names it), and the "
                            "simulator answers them in parallel, so the wall time is the "
                            "simulator's work per page on two cores it shares with the client. "
                            "The client's CPU is several times curl's: Qt 6.4 parses HTTP/1.1 "
                            "response headers one byte per read(), and each page is parsed into "
                            "packages. With a simulator answering one request at a time the ratio "
                            "was 1.2-1.4 ×. What would move it: the page requests through libcurl "
                            "on one long-lived worker (a worker per page was tried and was "
                            "slower).",
    "--version": "stevedore loads Qt Core and Network, libcrypto and their dependencies (30 "
                 "libraries; QtKeychain, Qt D-Bus, libssl and libcurl only when needed). On this "
                 "virtual machine a process's start is bound by page faults, two thirds of them "
                 "the dynamic loader's while it relocates those libraries; curl's start costs "
                 "about the same.",
}

# The window's figures: (key in the probe's JSON, what it is, unit, target text, target).
WINDOW_FIGURES = [
    ("first_window_ms", "process start → first frame of the main window", "ms", None, None),
    ("packages_shown_ms", "process start → the 15,000 packages shown", "ms", None, None),
    ("stall_loading_ms", "longest event-loop stall while the 15,000 packages load", "ms",
     "≤ 50 ms", lambda value: value <= 50),
    ("stall_upload_ms", "longest event-loop stall during a 1 GiB upload (transfer queue)", "ms",
     "≤ 50 ms", lambda value: value <= 50),
    ("rss_loaded_mib", "process peak RSS with the 15,000 packages loaded", "MiB", "≤ 50 MiB",
     lambda value: value <= 50),
    ("rss_peak_mib", "process peak RSS after the 1 GiB upload", "MiB", None, None),
    ("upload_s", "the 1 GiB upload, queued → done", "s", None, None),
    ("cpu_s", "process CPU time, start → upload done", "s", None, None),
]
# The probe's milestones, in the order they happen (ms after the process start).
WINDOW_MILESTONES = [
    ("main", "main()"), ("application", "QApplication made"), ("window_built", "window built"),
    ("first_window", "first frame"), ("account_activated", "account signed in"),
    ("load_started", "packages requested"), ("pages_received", "150 pages received"),
    ("model_built", "tree model built"), ("packages_shown", "packages shown"),
]

# What profiling showed for the window's targets not met yet (perf with DWARF call graphs,
# /proc/PID/smaps, and the probe's own CPU time per stall on this machine).
WINDOW_WHY_MISSED = {
    "stall_loading_ms":
        "the longest stall is building the tree model (about 11 ms) and the package tree's "
        "first layout right after it; the columns that fit their contents measure the first "
        "100 rows (setResizeContentsPrecision), not Qt's default 1,000, which took 30–40 ms. "
        "What of the stall was waiting for a CPU instead (a busy machine) shows in the split "
        "above.",
    "stall_upload_ms":
        "the main thread does next to nothing during the upload: libcurl reads, hashes and "
        "sends the file on a thread of its own and only reports progress; its longest stalls "
        "are waits for a CPU (the split above: 2 cores shared with the simulator, Xvfb and the "
        "upload thread).",
    "rss_loaded_mib":
        "most of it is mapped files, not data: about 35 MiB are the pages of the shared libraries "
        "and fonts the process touched (smaps: Qt Gui 5.7 MiB, Widgets 5.3, Core 4.1, Network "
        "1.4, libstdc++, libcrypto, ICU, HarfBuzz, FreeType, …; the kernel maps 64 KiB around "
        "each page used), which every other Qt program shares, and 3.5 MiB are the X backing "
        "store. The window holds about 44 MiB before any package arrives; the 15,000 packages "
        "add about 5 MiB at the peak (PackageVersions keeps about 100 bytes a version, filled "
        "page by page). An https account adds Qt's TLS backend (about 4 MiB), which a "
        "plain-http account no longer loads.",
}


class Xvfb:
    """One virtual X server for every window run, so that no run times the server's start."""

    def __init__(self):
        if not shutil.which("Xvfb"):
            raise SystemExit("window: Xvfb is missing (apt-get install xvfb)")
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=[write_end], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()  # Xvfb writes the display number once it is ready
        if not number:
            raise SystemExit("window: Xvfb did not start")
        self.display = f":{number}"

    def stop(self):
        self.process.terminate()
        self.process.wait(30)


def run_window(bench, work, rounds):
    """The probe's figures, one dict per counted round."""
    probe = os.path.join(bench.build, "tests/bench/stevedore-window-probe")
    if not os.access(probe, os.X_OK):
        raise SystemExit(f"window: {probe} is missing; build the bench preset first")
    big = os.path.join(work, "big.bin")
    big_sha = sha256_of(big)
    xvfb = Xvfb()
    samples = []
    try:
        for round_number in range(rounds + 1):  # round 0 warms up
            # A fresh home each time: no saved window state, no restored queue, and nothing of
            # the person running the benchmark (no session bus, no keychain).
            home = os.path.join(work, "window-home")
            shutil.rmtree(home, ignore_errors=True)
            runtime = os.path.join(home, "runtime")
            os.makedirs(runtime, mode=0o700)
            environment = {key: value for key, value in bench.many_env.items()
                           if not key.startswith("XDG_") and key != "DBUS_SESSION_BUS_ADDRESS"}
            environment.update(HOME=home, XDG_RUNTIME_DIR=runtime, DISPLAY=xvfb.display,
                               QT_QPA_PLATFORM="xcb")
            version = bench.fresh_version()
            arguments = ["--packages", str(MANY_VERSIONS), "--upload", big,
                         "--upload-to", f"{FILES_PROJECT}/window/{version}", "--timeout", "300",
                         "--", "--url", bench.many_sim.url, "--project", MANY_PROJECT]
            with tempfile.TemporaryFile() as errors:
                start = time.monotonic_ns()  # CLOCK_MONOTONIC, as the probe reads it
                process = subprocess.run([probe, "--start-ns", str(start), *arguments],
                                         env=environment, stdout=subprocess.PIPE, stderr=errors)
                if process.returncode != 0:
                    errors.seek(0)
                    raise SystemExit(f"window probe failed ({process.returncode}): "
                                     f"{errors.read().decode(errors='replace')[-2000:]}")
            figures = json.loads(process.stdout.decode().strip().splitlines()[-1])
            assert figures["versions"] == MANY_VERSIONS, figures
            assert figures["upload_sha256"] == big_sha, figures
            files = bench.listed_files(FILES_PROJECT, "window", version, bench.many_env)
            assert len(files) == 1 and files[0]["sha256"] == big_sha, files
            bench.delete_version(FILES_PROJECT, "window", version, bench.many_env)
            if round_number > 0:
                samples.append(figures)
            print(f"{WINDOW:24} {'stevedore':14} round {round_number}: "
                  f"shown {figures['packages_shown_ms']:7.0f} ms, stalls "
                  f"{figures['stall_loading_ms']:.0f}/{figures['stall_upload_ms']:.0f} ms, "
                  f"{figures['rss_loaded_mib']:.0f} MiB", file=sys.stderr)
    finally:
        xvfb.stop()
        shutil.rmtree(os.path.join(work, "window-home"), ignore_errors=True)
    return samples


def median(values):
    return statistics.median(values) if values else float("nan")


def run_scenario(bench, rounds, name, setup, contenders, check):
    """One scenario's counted runs: {contender: [(wall, cpu, rss, sim cpu)]}."""
    order = [contender for contender, command in contenders.items() if command]
    runs = {contender: [] for contender in order}
    listing = name.startswith("list")
    for round_number in range(rounds + 1):  # round 0 warms up
        rotated = order[round_number % len(order):] + order[:round_number % len(order)]
        for contender in rotated:
            prepared = setup()
            wall, cpu, rss, sim_cpu, output = measure(
                contenders[contender](prepared),
                bench.many_env if listing else bench.env,
                bench.many_sim if listing else bench.sim)
            if listing:
                count = int(output) if contender == "python-gitlab" \
                    else output.count(b'"version"')
                assert count == MANY_VERSIONS, (contender, count)
            elif check:
                check(prepared)
            if round_number > 0:
                runs[contender].append((wall, cpu, rss, sim_cpu))
            print(f"{name:24} {contender:14} round {round_number}: {wall:7.3f} s",
                  file=sys.stderr)
    return runs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("report")
    parser.add_argument("--rounds", type=int, default=5,
                        help="counted rounds after the warm-up (default 5, as the issue asks)")
    parser.add_argument("--only", default="",
                        help=f"scenario names (and '{WINDOW}'), separated by ;")
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    wanted = set(filter(None, args.only.split(";")))

    work = tempfile.mkdtemp(prefix="stevedore-bench-", dir=os.path.join(args.build, ".."))
    # Two simulators: the one the transfers use stays small (it saves its state after each
    # change, so 15,000 packages in it would make every upload measure the simulator).
    sim = Sim(args.build, os.path.join(work, "sim"), many_packages=False)
    many_sim = Sim(args.build, os.path.join(work, "many-sim"), many_packages=True)
    bench = Bench(args.build, work, sim, many_sim)
    results, references, window = {}, {}, None
    load_before = os.getloadavg()
    try:
        every = scenarios(bench, work)
        known = {entry[0] for entry in every} | {WINDOW}
        if wanted - known:
            raise SystemExit(f"unknown scenarios: {'; '.join(sorted(wanted - known))} "
                             f"(known: {'; '.join(sorted(known))})")
        by_name = {entry[0]: entry for entry in every}
        for name, target, setup, contenders, check in every:
            if wanted and name not in wanted:
                continue
            if name in REFERENCE and REFERENCE[name] not in results:
                # The scenario the memory is compared with was not asked for: its stevedore
                # runs alone give the reference.
                reference = by_name[REFERENCE[name]]
                runs = run_scenario(bench, args.rounds, reference[0], reference[2],
                                    {"stevedore": reference[3]["stevedore"]}, reference[4])
                references[name] = (max(s[2] for s in runs["stevedore"]), "its stevedore runs "
                                    f"alone, {args.rounds} counted")
            elif name in REFERENCE:
                references[name] = (max(s[2] for s in results[REFERENCE[name]][1]["stevedore"]),
                                    "its rows above")
            results[name] = (target, run_scenario(bench, args.rounds, name, setup, contenders,
                                                  check))
        if not wanted or WINDOW in wanted:
            window = run_window(bench, work, args.rounds)
    finally:
        sim.stop()
        many_sim.stop()
        shutil.rmtree(work, ignore_errors=True)
    write_report(args, results, references, window, load_before, os.getloadavg())


def figures_of(name, runs, references):
    walls = {contender: median([s[0] for s in samples]) for contender, samples in runs.items()}
    return Figures(walls["stevedore"], walls["curl"], walls.get("python-gitlab"),
                   median([s[1] for s in runs["stevedore"]]),
                   max(s[2] for s in runs["stevedore"]),
                   references.get(name, (None,))[0])


def write_report(args, results, references, window, load_before, load_after):
    with open("/proc/cpuinfo") as file:
        cpu = next((line.split(":", 1)[1].strip() for line in file if line.startswith("model name")),
                   platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GIB
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (`tests/bench/bench.py`); do not edit by hand. Each scenario ran",
        f"{args.rounds} counted rounds after one warm-up round, the contenders interleaved in a",
        "rotating order, against `gitlab-sim` on the same machine, every result checked. Like",
        "GitLab, the simulator answers requests in parallel (reads share its lock).",
        "",
        f"Machine: {os.cpu_count()} × {cpu}, {memory:.0f} GiB; {platform.platform()}. "
        f"Load average {load_before[0]:.2f} before, {load_after[0]:.2f} after.",
    ]
    if results:
        lines += ["",
                  "| scenario | contender | wall min | wall median | client CPU | peak RSS | "
                  "simulator CPU |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
    not_run = []
    for name, (target, runs) in results.items():
        for contender in ("stevedore", "curl", "python-gitlab"):
            samples = runs.get(contender)
            if not samples:
                lines.append(f"| {name} | {contender} | not run | | | | |")
                not_run.append(f"- **{name}**, {contender}: {NOT_RUN[(name, contender)]}.")
                continue
            walls = [s[0] for s in samples]
            lines.append(
                f"| {name} | {contender} | {min(walls):.3f} s | {median(walls):.3f} s | "
                f"{median([s[1] for s in samples]):.2f} s | {max(s[2] for s in samples):.0f} MiB | "
                f"{median([s[3] for s in samples]):.2f} s |")
    if not_run:
        lines += ["", "Not run:", ""] + not_run
    if results:
        lines += ["", "## Ratios and targets", "",
                  "| scenario | stevedore / curl | stevedore / python-gitlab | target | met |",
                  "| --- | --- | --- | --- | --- |"]
    missed = []
    for name, (target, runs) in results.items():
        f = figures_of(name, runs, references)
        met = TARGETS[name](f)
        if not met:
            missed.append(name)
        python = f"{f.ours / f.python:.2f}" if f.python else "not run"
        lines.append(f"| {name} | {f.ours / f.curl:.2f} | {python} | {target} | "
                     f"{'met' if met else 'missed'} |")
    for name, (rss, source) in references.items():
        f = figures_of(name, results[name][1], references)
        lines += ["", f"Memory of **{name}**: stevedore's peak RSS {f.rss:.0f} MiB against "
                      f"{rss:.0f} MiB for **{REFERENCE[name]}** ({source})."]
    if missed:
        lines += ["", "## Where the time goes in what is missed", ""]
        lines += [f"- **{name}**: {WHY_MISSED[name]}" for name in missed]
    if window is not None:
        lines += write_window(args, window)
    with open(args.report, "w") as file:
        file.write("\n".join(lines) + "\n")


def write_window(args, samples):
    lines = [
        "", "## Window", "",
        "`tests/bench/WindowProbe.cpp` under Xvfb: the real main window, built as `stevedore` "
        "builds it,",
        "signed in through `GITLAB_HOST`/`GITLAB_TOKEN` to the simulator that holds 15,000 "
        "packages in",
        f"`{MANY_PROJECT}`, opened with `--project {MANY_PROJECT}`; once they are shown, a 1 GiB "
        "upload through its",
        f"transfer queue. {args.rounds} counted runs after a warm-up, each in a fresh home "
        "folder; a target is",
        "judged on the median. A stall is how much later than its 4 ms interval a timer on the "
        "event loop fired.",
        "",
        "| figure | median | min | max | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    missed = []
    for key, text, unit, target_text, target in WINDOW_FIGURES:
        values = [sample[key] for sample in samples]
        places = 2 if unit == "s" else 0
        met = ""
        if target:
            met = "met" if target(median(values)) else "missed"
            if met == "missed":
                missed.append((key, text))
        lines.append(f"| {text} | {median(values):.{places}f} {unit} | "
                     f"{min(values):.{places}f} {unit} | {max(values):.{places}f} {unit} | "
                     f"{target_text or 'none set'} | {met} |")
    steps = [f"{label} {median([s['milestones'][key] for s in samples]):.0f}"
             for key, label in WINDOW_MILESTONES
             if all(key in s["milestones"] for s in samples)]

    def parts(key):
        return median([s["rss_loaded_parts_mib"][key] for s in samples])

    def stall_parts(phase):
        cpu = median([s[f"stall_{phase}_cpu_ms"] for s in samples])
        queued = median([s[f"stall_{phase}_queued_ms"] for s in samples])
        return f"{cpu:.0f} ms on a CPU, {queued:.0f} ms waiting for one"

    lines += [
        "", "On the way (medians, ms after the process start): " + ", ".join(steps) + ".",
        "", "The main thread during the longest stall (medians, from its schedstat): while "
            f"loading {stall_parts('loading')}; during the upload {stall_parts('upload')}.",
        "", f"Resident memory with the packages loaded (medians): {parts('anonymous'):.1f} MiB "
            f"private (heap and other anonymous pages), {parts('file'):.1f} MiB mapped files "
            f"(libraries and fonts, shared with other processes), {parts('shmem'):.1f} MiB "
            "shared memory (the X backing store); "
            f"{median([s['rss_mib']['load_started'] for s in samples]):.0f} MiB resident when "
            "the packages were requested.",
    ]
    if missed:
        lines += ["", "### Where the time goes in what the window misses", ""]
        lines += [f"- **{text}**: {WINDOW_WHY_MISSED[key]}" for key, text in missed]
    return lines


if __name__ == "__main__":
    main()
