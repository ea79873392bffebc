"""`build --dask`: the same outputs and lock as local workers, survives a lost worker, and says how to install."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from .conftest import nine_deal_repo, run_cli, tree

distributed = pytest.importorskip("distributed")


def test_dask_local_cluster_gives_the_same_bytes_as_local_workers(tmp_path, nine_deal_build):
    root = nine_deal_repo(tmp_path / "contracts")
    result = run_cli("build", "--dask", "local:2", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "9 rendered" in result.stdout
    assert tree(root) == nine_deal_build


def test_a_worker_killed_mid_build_has_its_tasks_run_elsewhere(tmp_path, nine_deal_build):
    from distributed import Client, LocalCluster

    from contractgen.repo.build import run_build
    from contractgen.repo.config import load_config

    root = nine_deal_repo(tmp_path / "contracts")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    killed: list[int] = []

    def kill_a_busy_worker() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            busy = [address for address, keys in client.processing().items() if keys]
            if busy:
                pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            time.sleep(0.02)

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    try:
        killer.start()
        report = run_build(load_config(root), dask=cluster.scheduler_address, progress=False)
        killer.join(timeout=5)
    finally:
        client.close()
        cluster.close()
    assert killed, "no worker was busy to be killed"
    assert report.exit_code == 0, report.messages
    assert len(report.rendered) == 9
    assert tree(root) == nine_deal_build  # every output whole, nothing half-written


def test_without_the_extra_dask_exits_2_with_the_install_command(tmp_path):
    root = nine_deal_repo(tmp_path / "contracts")
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import sys\n"
        "class _NoDask:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'distributed' or name.startswith('distributed.') or name == 'dask':\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, _NoDask())\n"
    )
    path = os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    result = run_cli("build", "--dask", "local:2", cwd=root, env={"PYTHONPATH": path})
    assert result.returncode == 2
    assert "pip install 'contractgen[dask]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "contractgen.lock").exists()
