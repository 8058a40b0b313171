"""Runs ralph (PyPI `ralph-malph`), a real xAPI Learning Record Store, for the e2e tests.

    python3 ralph_server.py PORT

Configured by ralph's own environment variables (`RALPH_RUNSERVER_BACKEND=fs`,
`RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH`, `RALPH_AUTH_FILE`), set by `lrs.py`.

One change to ralph, and why: its file backend writes every POST with the operation type
`index`, which creates `fs_lrs.jsonl` and refuses to write it a second time (one write per
store: every later POST fails with 500). Its database backends (Elasticsearch, MongoDB,
ClickHouse >= 21) have no server that installs here from PyPI or Debian (Debian 12 ships
ClickHouse 18.16, without the DateTime64 and async inserts ralph's backend uses). So the file
backend is switched to its own `append` operation type, which it implements and documents;
everything else (the xAPI API, statement validation, the check for conflicting ids, the
equivalence rule for repeated statements, basic auth, reading statements back) is ralph's
unchanged code.

`NELM_TEST_LRS_FAULT` makes this LRS misbehave on purpose, to test resuming:
- `500-after:N`: after N POSTs of statements, every later POST answers 500 (nothing stored);
- `crash-after:N`: the POST after N POSTs stores its statements, then the process dies before
  answering (the client never hears that its batch was stored);
- `429-first:N`: the first N POSTs answer 429 Too Many Requests with `Retry-After: 0`.
"""
import os
import sys

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402  (after the patch, before ralph's app is built)
from ralph.api import app as ralph_app  # noqa: E402


class Faults:
    """An ASGI wrapper around ralph's app that injects the fault `NELM_TEST_LRS_FAULT` names."""

    def __init__(self, app, fault):
        self.app = app
        self.kind, _, count = fault.partition(":") if fault else ("", "", "0")
        self.count = int(count or 0)
        self.posts = 0

    async def __call__(self, scope, receive, send):
        is_post = (scope.get("type") == "http" and scope.get("method") == "POST"
                   and scope.get("path", "").rstrip("/") == "/xAPI/statements")
        if not is_post or not self.kind:
            return await self.app(scope, receive, send)
        self.posts += 1
        if self.kind == "500-after" and self.posts > self.count:
            return await self.answer(send, 500, b'{"detail": "injected failure"}')
        if self.kind == "429-first" and self.posts <= self.count:
            return await self.answer(send, 429, b'{"detail": "slow down"}', [(b"retry-after", b"0")])
        if self.kind == "crash-after" and self.posts == self.count + 1:
            async def die_before_answering(message):
                if message["type"] == "http.response.start":
                    sys.stderr.write("ralph_server: dying after storing the batch\n")
                    sys.stderr.flush()
                    os._exit(3)
                await send(message)
            return await self.app(scope, receive, die_before_answering)
        return await self.app(scope, receive, send)

    @staticmethod
    async def answer(send, status, body, headers=()):
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), *headers]})
        await send({"type": "http.response.body", "body": body})


if __name__ == "__main__":
    port = int(sys.argv[1])
    app = Faults(ralph_app, os.environ.get("NELM_TEST_LRS_FAULT", ""))
    # "info" writes an access line per request: the tests read the statuses from it.
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="info")
