"""`nelm` stays lean: networking (libcurl, OpenSSL) is only in the `nelm-http` helper.

Linked into `nelm`, FoundationNetworking doubled the start-up of every command and added about
6 MiB to every process; `nelm sync` runs the helper instead (tested against a real LRS in
test_sync_lrs.py).
"""
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
NELM = os.environ.get("NELM_BIN", str(REPO / ".build" / "debug" / "nelm"))


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_nelm_does_not_link_networking_but_its_helper_does():
    linked = subprocess.run(["ldd", NELM], capture_output=True, text=True, check=True).stdout
    for library in ("libFoundationNetworking", "libcurl", "libssl"):
        assert library not in linked
    helper = pathlib.Path(NELM).resolve().parent / "nelm-http"
    assert "libFoundationNetworking" in subprocess.run(
        ["ldd", str(helper)], capture_output=True, text=True, check=True).stdout


def test_sync_without_the_helper_says_what_is_missing(tmp_path):
    # A copy of nelm alone in a folder: no nelm-http beside it, no ../libexec/nelm.
    alone = tmp_path / "bin" / "nelm"
    alone.parent.mkdir()
    shutil.copy(NELM, alone)
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path)}
    result = subprocess.run(
        [str(alone), "sync", "--lrs", "http://127.0.0.1:9/xAPI/", "--learner", "ana",
         "--lessons", str(REPO / "Lessons"), "--sessions", str(tmp_path / "s")],
        env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "the nelm-http helper is not installed beside nelm; reinstall nelm" in result.stderr
