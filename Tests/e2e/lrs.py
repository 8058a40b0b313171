"""A real Learning Record Store for the e2e tests: ralph (PyPI `ralph-malph`) on its file
backend, on 127.0.0.1 and a free port, in the test's own folder (see ralph_server.py)."""
import base64
import re
import json
import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import bcrypt

SERVER = pathlib.Path(__file__).with_name("ralph_server.py")
USER, PASSWORD = "nelm-sync", "correct horse battery staple"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RalphLRS:
    """One ralph LRS; `start()` and `stop()` may be called again on the same store."""

    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.store = self.folder / "store"
        self.store.mkdir(parents=True, exist_ok=True)
        (self.folder / "app").mkdir(exist_ok=True)
        self.auth = self.folder / "auth.json"
        hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()
        self.auth.write_text(json.dumps([{
            "agent": {"mbox": "mailto:nelm-sync@example.org"}, "scopes": ["all"],
            "hash": hashed, "username": USER}]))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.log = self.folder / "server.log"
        self.process = None

    def start(self, fault=""):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.folder),
            "RALPH_APP_DIR": str(self.folder / "app"),
            "RALPH_AUTH_FILE": str(self.auth),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.store),
            "RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT": "100000",
            "NELM_TEST_LRS_FAULT": fault,
        }
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER), str(self.port)], env=env,
            stdout=open(self.log, "ab"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"ralph exited: {self.log.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError(f"ralph did not start: {self.log.read_text()[-2000:]}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def wait_for_exit(self, timeout=10):
        """Waits for a server that was told to die (`crash-after`)."""
        if self.process is not None:
            self.process.wait(timeout=timeout)
            self.process = None

    def env(self):
        """What `nelm sync` needs to reach this store."""
        return {"NELM_LRS_USER": USER, "NELM_LRS_PASSWORD": PASSWORD}

    def statements(self):
        """Every statement the store returns, oldest first, read through its xAPI API."""
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(
            self.url + "statements?limit=100000&ascending=true",
            headers={"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())["statements"]

    def stored_lines(self):
        """The statements as the store's file holds them: one a line, never deduplicated."""
        path = self.store / "fs_lrs.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def statuses(self):
        """The HTTP status of every request, from the server's access log."""
        return [int(code) for code in
                re.findall(r'" (\d{3})\b', self.log.read_text(errors="replace"))]
