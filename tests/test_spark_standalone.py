"""``spark-submit`` of ``python -m tidings.spark`` against a standalone master, as a user would run it.

The test starts a master and a worker from the pyspark package's own scripts, bound to 127.0.0.1,
submits the job's entry point to the master, checks the tables it wrote and that the application
ran on the worker, and stops both.  The pip package of PySpark ships ``sbin/spark-daemon.sh`` (what
Spark's ``start-master.sh`` and ``start-worker.sh`` call) but not those two scripts, so the daemons
are started with it directly.  Marked ``slow`` (two to three minutes on two cores).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tidings.ingest.sources import Failure, read_inputs

from .conftest import EXAMPLES

pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (pip install pyspark)")
if not (shutil.which("java") or (os.environ.get("JAVA_HOME") and Path(os.environ["JAVA_HOME"], "bin", "java").exists())):
    pytest.skip("no Java runtime (Spark needs Java 17 or 21)", allow_module_level=True)

pytestmark = pytest.mark.slow

SPARK_HOME = Path(pyspark.__file__).parent
DAEMON = SPARK_HOME / "sbin" / "spark-daemon.sh"
MASTER, WORKER = "org.apache.spark.deploy.master.Master", "org.apache.spark.deploy.worker.Worker"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _state(ui_port: int) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{ui_port}/json/", timeout=5) as resp:
        return json.loads(resp.read())  # type: ignore[no-any-return]


class Cluster:
    """One master and one worker on loopback, their logs, pids and work in ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port, self.ui, self.worker_port, self.worker_ui = (_free_port() for _ in range(4))
        self.env = dict(os.environ, SPARK_HOME=str(SPARK_HOME), SPARK_LOCAL_IP="127.0.0.1",
                        SPARK_LOG_DIR=str(root / "logs"), SPARK_PID_DIR=str(root / "pids"),
                        SPARK_WORKER_DIR=str(root / "work"), SPARK_IDENT_STRING=f"tidings-test-{os.getpid()}",
                        PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
        self.url = f"spark://127.0.0.1:{self.port}"

    def daemon(self, action: str, cls: str, *args: str) -> None:
        subprocess.run(["bash", str(DAEMON), action, cls, "1", *args], env=self.env, check=True,
                       capture_output=True, timeout=120)

    def pids(self) -> list[int]:
        return [int(p.read_text().strip()) for p in (self.root / "pids").glob("*.pid")]

    def start(self) -> None:
        self.daemon("start", MASTER, "--host", "127.0.0.1", "--port", str(self.port), "--webui-port", str(self.ui))
        self.daemon("start", WORKER, "--host", "127.0.0.1", "--port", str(self.worker_port),
                    "--webui-port", str(self.worker_ui), "--cores", "2", "--memory", "2g", self.url)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if _state(self.ui).get("aliveworkers", 0) >= 1:
                    return
            except OSError:
                pass
            time.sleep(1)
        logs = "\n".join(p.read_text()[-2000:] for p in (self.root / "logs").glob("*.out"))
        raise AssertionError(f"no worker registered with {self.url} in 120 s:\n{logs}")

    def stop(self) -> None:
        for cls in (WORKER, MASTER):
            subprocess.run(["bash", str(DAEMON), "stop", cls, "1"], env=self.env, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    if not DAEMON.exists():
        pytest.skip(f"this PySpark has no {DAEMON.relative_to(SPARK_HOME)}")
    c = Cluster(tmp_path_factory.mktemp("spark-standalone"))
    try:
        c.start()
        yield c
    finally:
        pids = c.pids()
        c.stop()
        for pid in pids:  # both daemons are gone once the test is over
            for _ in range(60):
                if not Path(f"/proc/{pid}").exists():
                    break
                time.sleep(0.5)
            assert not Path(f"/proc/{pid}").exists(), f"spark daemon {pid} still running"


def test_spark_submit_to_a_standalone_master(cluster: Cluster, tmp_path: Path) -> None:
    arts = [a for a in read_inputs([str(EXAMPLES)]) if not isinstance(a, Failure)][:3]
    src = tmp_path / "in"
    src.mkdir()
    pars = arts[0].text.split("\n\n")
    records = [{"id": a.id, "text": a.text, "published": a.published} for a in arts]
    records.append({"id": "reprint", "text": "\n\n".join(pars[:-1]), "published": arts[0].published})
    (src / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    import tidings.spark.__main__ as entry

    # input and output as URIs every node of a cluster resolves alike (here one shared file system)
    cmd = [str(SPARK_HOME / "bin" / "spark-submit"), "--master", cluster.url,
           "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
           "--conf", "spark.ui.enabled=false", "--executor-memory", "1g",
           str(entry.__file__), src.as_uri(), out.as_uri(), "--partitions", "2"]
    res = subprocess.run(cmd, env=cluster.env, capture_output=True, text=True, timeout=900)
    summary = [ln for ln in (res.stdout + res.stderr).splitlines() if " new, " in ln]
    assert res.returncode == 0 and summary, res.stderr[-4000:]
    assert summary[-1].startswith("4 new, 0 duplicate, 0 failed; 1 copies;"), summary[-1]

    view = duckdb.connect()
    try:
        def one(sql: str) -> Any:
            row = view.execute(sql.replace("T(", f"read_parquet('{out}/").replace(")T", "/*.parquet')")).fetchone()
            assert row is not None
            return row[0] if len(row) == 1 else row

        assert one("SELECT n_new, n_duplicate, n_failed FROM T(runs)T") == (4, 0, 0)
        assert one("SELECT count(*) FROM T(articles)T") == 4
        assert one("SELECT count(*) FROM T(events)T") > 5
        assert one("SELECT count(*) FROM T(copies)T WHERE near_duplicate") == 1
        assert one("SELECT count(*) FROM T(merged_events)T WHERE n_copies > 1") >= 1
    finally:
        view.close()

    # it ran on the cluster: the master lists the application as completed, run on its worker
    deadline = time.monotonic() + 60
    while True:  # the master files the application as completed once the driver has gone
        state = _state(cluster.ui)
        apps = state.get("completedapps", [])  # the master is this test's own: the job is its only application
        if apps or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert [(a.get("name"), a.get("state")) for a in apps] == [("tidings", "FINISHED")], state
    assert [w["host"] for w in state["workers"]] == ["127.0.0.1"]
