"""Schemathesis over the whole spec, as its CLI runs it, against a served instance on each engine.

Every phase (examples, coverage, fuzzing, stateful), every check, with an API
key, on 127.0.0.1; the run must report no failure. ``tests/schemathesis_hooks.py``
says which generated cases cannot exist on the wire.
"""
import os
import subprocess
import sys
import threading

import pytest
from werkzeug.serving import make_server

from service.app import create_app
from tests.conftest import API_KEY, ROOT, SEEDS

SCHEMATHESIS = os.path.join(os.path.dirname(sys.executable), "schemathesis")
EXAMPLES = 25


@pytest.fixture
def served(database_url):
    # loopback webhook targets (schemathesis sends http://0 and the like) are allowed here: no sender runs in
    # this app, and the refusal of such targets is tested in tests/api/test_webhook_targets.py
    app = create_app({"DATABASE_URL": database_url, "API_KEYS": [API_KEY], "WEBHOOKS_ALLOW_PRIVATE": True})
    with app.test_client() as client:
        for path in sorted(SEEDS.glob("*.txt")):
            response = client.post("/v1/articles", data=path.read_bytes(),
                                   headers={"Authorization": f"Bearer {API_KEY}", "Content-Type": "text/plain"})
            assert response.status_code == 201, response.json
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.mark.slow
def test_schemathesis_finds_no_failure(served, tmp_path):
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.schemathesis_hooks",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    command = [SCHEMATHESIS, "--no-color", "run", f"{served}/v1/openapi.json", "--phases", "examples,coverage,fuzzing,stateful",
               "--checks", "all", "--header", f"Authorization: Bearer {API_KEY}",
               "--max-examples", str(EXAMPLES), "--workers", "1"]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
