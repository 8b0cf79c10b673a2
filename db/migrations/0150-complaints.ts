import type { Migration } from './types.ts'

/**
 * Complaints (投诉) and the satisfaction score of follow-up calls, DOMAIN.md "After the deal",
 * core/domain/complaint.ts:
 * - complaints: one per complaint, against a visit (and its client), with the staff member who handles it;
 *   open until closed with a resolution (closed_at, closed_by_name). Never deleted;
 * - complaint_steps: the steps taken, dated, with who wrote them; only ever added (no update, no delete);
 * - follow_up_calls.satisfaction: 1–5, only on a call that reached the client.
 */
export const migration0150: Migration = {
  version: 150,
  name: 'complaints',
  up(db) {
    db.exec(`
      CREATE TABLE complaints (
        id               INTEGER PRIMARY KEY,
        client_id        INTEGER NOT NULL REFERENCES clients (id),
        visit_id         INTEGER NOT NULL REFERENCES visits (id),
        received_at      TEXT NOT NULL,
        channel          TEXT NOT NULL CHECK (channel IN ('phone','visit','online','other')),
        content          TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 1000),
        handler_id       INTEGER NOT NULL REFERENCES staff (id),
        status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        resolution       TEXT NOT NULL DEFAULT '',
        closed_at        TEXT,
        closed_by        INTEGER REFERENCES staff (id),
        closed_by_name   TEXT NOT NULL DEFAULT '',
        created_by_name  TEXT NOT NULL DEFAULT '',
        created_at       TEXT NOT NULL,
        version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CHECK (status = 'open' OR resolution <> '')
      ) STRICT;
      CREATE INDEX complaints_by_client ON complaints (client_id, id);
      CREATE INDEX complaints_open ON complaints (received_at) WHERE status = 'open';

      CREATE TABLE complaint_steps (
        id            INTEGER PRIMARY KEY,
        complaint_id  INTEGER NOT NULL REFERENCES complaints (id),
        at            TEXT NOT NULL,
        by_id         INTEGER REFERENCES staff (id),
        by_name       TEXT NOT NULL DEFAULT '',
        note          TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 500)
      ) STRICT;
      CREATE INDEX complaint_steps_by_complaint ON complaint_steps (complaint_id, id);

      CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
      BEGIN SELECT RAISE(ABORT, 'complaints are never deleted'); END;
      CREATE TRIGGER complaint_steps_no_update BEFORE UPDATE ON complaint_steps
      BEGIN SELECT RAISE(ABORT, 'complaint steps are only added'); END;
      CREATE TRIGGER complaint_steps_no_delete BEFORE DELETE ON complaint_steps
      BEGIN SELECT RAISE(ABORT, 'complaint steps are only added'); END;
      CREATE TRIGGER complaint_steps_on_open BEFORE INSERT ON complaint_steps
      WHEN (SELECT status FROM complaints WHERE id = NEW.complaint_id) <> 'open'
      BEGIN SELECT RAISE(ABORT, 'a closed complaint takes no step'); END;

      ALTER TABLE follow_up_calls ADD COLUMN satisfaction INTEGER
        CHECK (satisfaction IS NULL OR (satisfaction BETWEEN 1 AND 5 AND result = 'reached'));
    `)
  },
}
