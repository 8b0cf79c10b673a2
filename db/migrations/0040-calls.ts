import type { Migration } from './types.ts'

/** Every call, recall and skip of a waiting client, for the display and for wait-time figures. */
export const migration0040: Migration = {
  version: 40,
  name: 'calls',
  up(db) {
    db.exec(`
      CREATE TABLE calls (
        id             INTEGER PRIMARY KEY,
        visit_id       INTEGER NOT NULL REFERENCES visits (id),
        kind           TEXT NOT NULL CHECK (kind IN ('call','recall','skip')),
        at             TEXT NOT NULL,
        consultant_id  INTEGER REFERENCES staff (id),
        room           TEXT NOT NULL DEFAULT '',
        actor          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX calls_visit ON calls (visit_id, id);
    `)
  },
}
