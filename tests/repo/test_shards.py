"""Sharded builds: N shard builds plus `lock merge` give exactly the files and lock of one build."""

from __future__ import annotations

import pytest

from contractgen.repo.shards import merge_partial_locks, parse_shard, shard_deals

from contractgen.errors import ShardError

from .conftest import add_service_credits_v3, make_repo, nine_deal_repo, run_cli, tree


def test_three_shards_merged_equal_one_build(tmp_path, nine_deal_build):
    root = nine_deal_repo(tmp_path / "contracts")
    for k in (1, 2, 3):
        result = run_cli("build", "--shard", f"{k}/3", "--jobs", "1", cwd=root)
        assert result.returncode == 0, result.stderr
        assert f"partial lock contractgen.lock.shard-{k}-of-3" in result.stdout
        assert not (root / "contractgen.lock").exists()  # a shard never writes the lock itself
    merged = run_cli("lock", "merge", "--remove", cwd=root)
    assert merged.returncode == 0, merged.stderr
    assert tree(root) == nine_deal_build
    assert not list(root.glob("contractgen.lock.shard-*"))
    assert run_cli("check", cwd=root).returncode == 0


def test_shards_partition_the_deals_evenly_and_stably():
    deals = [f"deals/d{i:02d}.yaml" for i in range(10)]
    shards = [shard_deals(deals, k, 3) for k in (1, 2, 3)]
    assert sorted(sum(shards, [])) == deals
    assert [len(s) for s in shards] == [4, 3, 3]
    assert shard_deals(list(reversed(deals)), 2, 3) == shards[1]


@pytest.mark.parametrize("text", ["0/3", "4/3", "3", "a/b", ""])
def test_bad_shard_option_is_refused(text):
    with pytest.raises(ShardError):
        parse_shard(text)


def test_bad_shard_exits_2_through_the_cli(tmp_path):
    root = make_repo(tmp_path / "contracts")
    result = run_cli("build", "--shard", "4/3", cwd=root)
    assert result.returncode == 2
    assert "K must be between 1 and N" in result.stderr and "Traceback" not in result.stderr


def test_merge_refuses_a_partial_lock_from_another_library_state(tmp_path):
    root = nine_deal_repo(tmp_path / "contracts")
    assert run_cli("build", "--shard", "1/2", "--jobs", "1", cwd=root).returncode == 0
    add_service_credits_v3(root)  # the library changes between the two shard builds
    assert run_cli("build", "--shard", "2/2", "--jobs", "1", cwd=root).returncode == 0
    merged = run_cli("lock", "merge", cwd=root)
    assert merged.returncode == 2
    assert "another state of the clause library" in merged.stderr
    assert not (root / "contractgen.lock").exists()


def test_merge_refuses_missing_shards(tmp_path):
    root = nine_deal_repo(tmp_path / "contracts")
    assert run_cli("build", "--shard", "1/3", "--jobs", "1", cwd=root).returncode == 0
    with pytest.raises(ShardError, match=r"shard\(s\) 2, 3 of 3 missing"):
        merge_partial_locks([root / "contractgen.lock.shard-1-of-3"])


@pytest.mark.parametrize("value", ["0", "true", '"4"', "1000"])
def test_a_bad_shards_setting_is_refused(tmp_path, value):
    root = make_repo(tmp_path / "contracts")
    config = root / "contractgen.toml"
    config.write_text(config.read_text() + f"shards = {value}\n")
    result = run_cli("check", cwd=root)
    assert result.returncode == 2 and "shards must be a whole number from 1 to 256" in result.stderr
