import type { Migration } from './types.ts'

/** The rotation boards' append-only event log; a board's state is the fold of its day's events. */
export const migration0030: Migration = {
  version: 30,
  name: 'rotation-events',
  up(db) {
    db.exec(`
      CREATE TABLE rotation_events (
        id          INTEGER PRIMARY KEY,
        board_date  TEXT NOT NULL,
        board_kind  TEXT NOT NULL CHECK (board_kind IN ('consultant','doctor','nurse')),
        seq         INTEGER NOT NULL CHECK (seq > 0),
        type        TEXT NOT NULL,
        payload     TEXT NOT NULL CHECK (json_valid(payload)),
        at          TEXT NOT NULL,
        actor       TEXT,
        UNIQUE (board_date, board_kind, seq)
      ) STRICT;

      CREATE INDEX rotation_openings ON rotation_events (board_kind, board_date) WHERE type = 'opened';

      -- Append-only: the log is the board's audit trail.
      CREATE TRIGGER rotation_events_no_update BEFORE UPDATE ON rotation_events
        BEGIN SELECT RAISE(ABORT, 'rotation_events is append-only'); END;
      CREATE TRIGGER rotation_events_no_delete BEFORE DELETE ON rotation_events
        BEGIN SELECT RAISE(ABORT, 'rotation_events is append-only'); END;
    `)
  },
}
