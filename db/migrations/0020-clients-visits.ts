import type { Migration } from './types.ts'

/** Clients, visits with their status history, and the counters behind archive and queue numbers. */
export const migration0020: Migration = {
  version: 20,
  name: 'clients-visits',
  up(db) {
    db.exec(`
      CREATE TABLE counters (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL CHECK (value >= 0)
      ) STRICT;

      CREATE TABLE clients (
        id                 INTEGER PRIMARY KEY,
        archive_no         TEXT NOT NULL UNIQUE,
        name               TEXT NOT NULL,
        name_pinyin        TEXT NOT NULL,
        name_initials      TEXT NOT NULL,
        gender             TEXT NOT NULL CHECK (gender IN ('female','male','unknown')),
        birth_date         TEXT,
        phone              TEXT NOT NULL,
        phone_reversed     TEXT NOT NULL,
        occupation         TEXT NOT NULL DEFAULT '',
        own_consultant_id  INTEGER REFERENCES staff (id),
        channel            TEXT NOT NULL,
        intended_category  TEXT,
        allergies          TEXT NOT NULL DEFAULT '',
        notes              TEXT NOT NULL DEFAULT '',
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX clients_phone ON clients (phone);
      CREATE INDEX clients_phone_reversed ON clients (phone_reversed);
      CREATE INDEX clients_name ON clients (name);
      CREATE INDEX clients_pinyin ON clients (name_pinyin);
      CREATE INDEX clients_initials ON clients (name_initials);

      CREATE TABLE visits (
        id                        INTEGER PRIMARY KEY,
        client_id                 INTEGER NOT NULL REFERENCES clients (id),
        visit_date                TEXT NOT NULL,
        type                      TEXT NOT NULL CHECK (type IN ('first','returning','review')),
        queue_seq                 INTEGER NOT NULL,
        queue_no                  TEXT NOT NULL,
        channel                   TEXT NOT NULL,
        designated_consultant_id  INTEGER REFERENCES staff (id),
        intended_category         TEXT,
        consultant_id             INTEGER REFERENCES staff (id),
        assigned_by               TEXT CHECK (assigned_by IN ('rotation','designated','returning','manual')),
        status                    TEXT NOT NULL,
        status_at                 TEXT NOT NULL,
        outcome                   TEXT CHECK (outcome IN ('deal','no_deal')),
        no_deal_reason            TEXT NOT NULL DEFAULT '',
        registered_at             TEXT NOT NULL,
        version                   INTEGER NOT NULL DEFAULT 1,
        UNIQUE (visit_date, queue_no)
      ) STRICT;
      CREATE INDEX visits_day ON visits (visit_date, status);
      CREATE INDEX visits_client ON visits (client_id, visit_date);
      CREATE INDEX visits_consultant_day ON visits (consultant_id, visit_date);

      CREATE TABLE visit_status_log (
        id        INTEGER PRIMARY KEY,
        visit_id  INTEGER NOT NULL REFERENCES visits (id),
        status    TEXT NOT NULL,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX visit_status_log_visit ON visit_status_log (visit_id, id);
    `)
  },
}
