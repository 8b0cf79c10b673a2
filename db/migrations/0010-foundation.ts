import type { Migration } from './types.ts'

/** Staff, clinic settings and the audit log: the first tables. */
export const migration0010: Migration = {
  version: 10,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO app_meta (key, value) VALUES ('application', 'clinic-front-desk');

      CREATE TABLE staff (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('consultant','doctor','nurse','receptionist','administrator')),
        phone      TEXT NOT NULL DEFAULT '',
        room       TEXT NOT NULL DEFAULT '',
        skills     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX staff_phone_unique ON staff (phone) WHERE phone <> '';

      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id            INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        operator_id   INTEGER,
        operator_name TEXT NOT NULL,
        method        TEXT NOT NULL,
        summary       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_method ON audit_log (method, id);
    `)
  },
}
