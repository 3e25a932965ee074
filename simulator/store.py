"""The player's results, kept on their machine in SQLite.

Each record is committed in its own transaction before anyone shows it, with the journal in WAL mode and full
sync, so killing the program at any moment leaves either the whole record or none of it, never a broken store.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from simulator.paths import data_dir as default_data_dir

DB_NAME = "results.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    id TEXT PRIMARY KEY,
    scenario TEXT NOT NULL,
    lang TEXT NOT NULL,
    player TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT,
    score INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS results_by_player ON results (player, scenario, ended_at);
"""


class ResultStore:
    def __init__(self, data_dir: str | Path | None = None):
        self.dir = default_data_dir(data_dir)
        self.path = self.dir / DB_NAME
        self.dir.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db:
            db.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        return db

    def save(self, record: dict) -> None:
        """Commit a record (replacing one with the same id). Returns only once it is on disk."""
        row = (record["id"], record["scenario"]["id"], record["scenario"]["lang"], record.get("player", ""),
               record.get("started_at"), record.get("ended_at"), int(record["score"]),
               json.dumps(record, ensure_ascii=False))
        with closing(self._connect()) as db, db:
            db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)

    def get(self, record_id: str) -> dict | None:
        with closing(self._connect()) as db:
            row = db.execute("SELECT record FROM results WHERE id = ?", (record_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def list(self, player: str | None = None, scenario: str | None = None, lang: str | None = None,
             limit: int | None = None) -> list[dict]:
        """Records, newest first, optionally for one player, scenario and language."""
        where, args = [], []
        for column, value in (("player", player), ("scenario", scenario), ("lang", lang)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        sql = "SELECT record FROM results"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY ended_at DESC, rowid DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        with closing(self._connect()) as db:
            return [json.loads(r[0]) for r in db.execute(sql, args)]
