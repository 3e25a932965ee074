import json
import multiprocessing
import os
import signal
import sqlite3

from mini_scenario import mini
from simulator.engine import Engine
from simulator.paths import data_dir
from simulator.store import ResultStore


def record(player="Ana", picks=("1", "1", "1")):
    e = Engine(mini(), player=player)
    for p in picks:
        e.choose(p)
    return e.result()


def test_save_list_get(tmp_path):
    store = ResultStore(tmp_path)
    a, b = record("Ana"), record("Łukasz", ("2", "2"))
    store.save(a), store.save(b)
    assert store.get(a["id"]) == a
    assert [r["id"] for r in store.list(player="Łukasz")] == [b["id"]]
    assert {r["id"] for r in store.list(scenario="mini")} == {a["id"], b["id"]}
    store.save(a)                                   # saving again replaces, never duplicates
    assert len(store.list()) == 2


def test_data_dir_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(tmp_path / "arg") == tmp_path / "arg"
    monkeypatch.delenv("SIMULATOR_DATA_DIR")
    assert "service-recovery-simulator" in str(data_dir())


def _hammer(path):
    store = ResultStore(path)
    while True:
        store.save(record())


def test_killing_a_writer_never_corrupts_the_store(tmp_path):
    ctx = multiprocessing.get_context("fork")
    saved = ResultStore(tmp_path)
    first = record()
    saved.save(first)
    for _ in range(3):
        p = ctx.Process(target=_hammer, args=(tmp_path,))
        p.start()
        p.join(0.3)
        os.kill(p.pid, signal.SIGKILL)
        p.join()
    db = sqlite3.connect(tmp_path / "results.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = db.execute("SELECT record FROM results").fetchall()
    assert all(json.loads(r[0])["schema"] == 1 for r in rows)
    assert ResultStore(tmp_path).get(first["id"]) == first
