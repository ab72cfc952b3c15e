#!/usr/bin/python3
"""python-gitlab (Debian's python3-gitlab) against gitlab-sim.

A client the project did not write: it raises on every status it does not expect, follows
GitLab's Link headers itself and warns when they point elsewhere (warnings are errors here).
It drives generic upload and download, the packages and package-files lists with
get_all=True and iterator=True across several pages, the deletion of a file and of a package,
projects.get by path, the current user and the personal access token's self-information.

Usage: python_gitlab_conformance.py PATH/TO/gitlab-sim
"""

import json
import os
import subprocess
import sys
import tempfile
import warnings

import gitlab

TOKEN = "glpat-conformance"
PROJECT = "grp/sub/proj"
PACKAGES = 23  # more than one page of 20, and of the per_page asked for below
FILES = 27


def fixture():
    return {
        "users": [{"id": 1, "username": "owner", "name": "Olive Owner", "email": "o@example.com"}],
        "tokens": [{"kind": "personal", "token": TOKEN, "user": "owner", "name": "conformance",
                    "scopes": ["api"]}],
        "projects": [{"id": 42, "path": PROJECT, "name": "Proj", "visibility": "private",
                      "members": {"owner": "owner"}}],
    }


def start(binary, folder):
    with open(os.path.join(folder, "fixture.json"), "w", encoding="utf-8") as out:
        json.dump(fixture(), out)
    sim = subprocess.Popen(
        [binary, "--fixture", os.path.join(folder, "fixture.json"),
         "--data-dir", os.path.join(folder, "data"), "--fault", "no-race"],
        stdout=subprocess.PIPE, text=True)
    line = sim.stdout.readline().strip()
    if not line.startswith("listening on "):
        sim.kill()
        raise SystemExit(f"gitlab-sim did not start: {line!r}")
    return sim, line[len("listening on "):]


def expect(condition, what):
    if not condition:
        raise AssertionError(what)
    print(f"ok: {what}")


def run(url, folder):
    with gitlab.Gitlab(url, private_token=TOKEN) as gl:
        drive(gl, folder)


def drive(gl, folder):
    gl.auth()
    expect(gl.user.username == "owner", "gl.auth() reads GET /user")

    token = gl.http_get("/personal_access_tokens/self")
    expect(token["name"] == "conformance" and token["scopes"] == ["api"],
           "GET /personal_access_tokens/self")

    project = gl.projects.get(PROJECT)
    expect(project.id == 42 and project.path_with_namespace == PROJECT,
           "projects.get by path (group%2Fsub%2Fproject)")

    local = os.path.join(folder, "upload.bin")
    contents = {}
    for index in range(PACKAGES):
        data = f"package {index}\n".encode() * (index + 1)
        with open(local, "wb") as out:
            out.write(data)
        uploaded = project.generic_packages.upload(
            package_name=f"pkg-{index:02d}", package_version="1.0.0", file_name="data.bin",
            path=local)
        if uploaded.message != "201 Created":
            raise AssertionError(f"upload of pkg-{index:02d} answered {uploaded.message!r}")
        contents[f"pkg-{index:02d}"] = data
    for index in range(FILES):
        with open(local, "wb") as out:
            out.write(f"file {index}\n".encode())
        project.generic_packages.upload(package_name="bundle", package_version="2.0.0",
                                        file_name=f"part-{index:02d}.txt", path=local)
    expect(True, f"{PACKAGES + FILES} generic uploads answered 201")

    for name, data in contents.items():
        got = project.generic_packages.download(package_name=name, package_version="1.0.0",
                                                file_name="data.bin")
        if got != data:
            raise AssertionError(f"download of {name} returned other bytes")
    expect(True, "generic downloads return the uploaded bytes")

    names = sorted(p.name for p in project.packages.list(get_all=True, package_type="generic"))
    expect(names == sorted(list(contents) + ["bundle"]),
           "packages.list(get_all=True) follows every page")
    iterated = [p.name for p in project.packages.list(iterator=True, per_page=7)]
    expect(sorted(iterated) == names and len(iterated) == len(set(iterated)),
           "packages.list(iterator=True, per_page=7) visits every package once")

    bundle = project.packages.get(
        next(p.id for p in project.packages.list(get_all=True, package_name="bundle")))
    files = bundle.package_files.list(get_all=True)
    expect(sorted(f.file_name for f in files) == [f"part-{i:02d}.txt" for i in range(FILES)],
           "package_files.list(get_all=True) follows every page")
    iterated_files = list(bundle.package_files.list(iterator=True, per_page=10))
    expect(len(iterated_files) == FILES, "package_files.list(iterator=True, per_page=10)")

    bundle.package_files.delete(files[0].id)
    expect(len(bundle.package_files.list(get_all=True)) == FILES - 1,
           "package_files.delete removes one file")

    doomed = next(p for p in project.packages.list(get_all=True) if p.name == "pkg-00")
    project.packages.delete(doomed.id)
    left = [p.name for p in project.packages.list(get_all=True)]
    expect("pkg-00" not in left and len(left) == PACKAGES, "packages.delete removes the package")
    try:
        project.generic_packages.download(package_name="pkg-00", package_version="1.0.0",
                                          file_name="data.bin")
        raise AssertionError("a deleted package still downloads")
    except gitlab.exceptions.GitlabGetError as error:
        expect(error.response_code == 404, "a deleted package's download is 404")


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    # python-gitlab warns (UserWarning) e.g. when a Link URL points to another host.
    warnings.simplefilter("error", UserWarning)
    with tempfile.TemporaryDirectory() as folder:
        sim, url = start(sys.argv[1], folder)
        try:
            run(url, folder)
        finally:
            sim.terminate()
            sim.wait(timeout=30)
            sim.stdout.close()
    print(f"python-gitlab {gitlab.__version__}: every call answered as GitLab would")


if __name__ == "__main__":
    main()
