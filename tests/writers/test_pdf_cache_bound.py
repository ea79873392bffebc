"""The part cache lists its folder only when what this process wrote could pass the bound."""

from __future__ import annotations

from contractgen.writers.pdf import cache


def test_writes_list_the_folder_once_until_they_could_pass_the_bound(monkeypatch, tmp_path):
    listed: list[int] = []
    real = cache.prune

    def spy(folder, limit):
        listed.append(limit)
        return real(folder, limit)

    monkeypatch.setattr(cache, "prune", spy)
    monkeypatch.setenv(cache.SIZE_SETTING, str(20_000 / 1024 / 1024))  # 20,000 bytes
    with cache.part_cache(tmp_path):
        for number in range(5):
            cache.store_blob(f"{number:064x}", b"x" * 1000)
        assert len(listed) == 1  # the first write lists the folder; the next four fit in the bound
        for number in range(5, 40):
            cache.store_blob(f"{number:064x}", b"x" * 1000)
        folder = tmp_path / cache.FOLDER
        assert len(listed) > 1  # past the bound the folder is listed again and pruned
        assert sum(path.stat().st_size for path in folder.iterdir()) <= 20_000
        assert cache.load_blob(f"{39:064x}") == b"x" * 1000  # the newest entry is kept
        assert cache.load_blob(f"{0:064x}") is None  # the oldest went first
