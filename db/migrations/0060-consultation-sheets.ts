import type { Migration } from './types.ts'

/**
 * Consultation sheets (咨询单): one sheet per visit, kept in versions. The form is a JSON payload (a
 * snapshot of the client, the visit and the plan lines as they were); a printed version is frozen by
 * triggers, so not even a bug in a handler can rewrite or remove what a client signed.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'consultation-sheets',
  up(db) {
    db.exec(`
      CREATE TABLE consultation_sheets (
        id          INTEGER PRIMARY KEY,
        visit_id    INTEGER NOT NULL REFERENCES visits (id),
        sheet_no    TEXT NOT NULL,
        version     INTEGER NOT NULL CHECK (version >= 1),
        status      TEXT NOT NULL CHECK (status IN ('draft','printed')),
        revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        payload     TEXT NOT NULL CHECK (json_valid(payload)),
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        printed_at  TEXT,
        printed_by  TEXT,
        UNIQUE (visit_id, version),
        CHECK ((status = 'printed') = (printed_at IS NOT NULL AND printed_by IS NOT NULL))
      ) STRICT;
      -- At most one draft per visit: editing happens on the latest version only.
      CREATE UNIQUE INDEX consultation_sheets_one_draft ON consultation_sheets (visit_id) WHERE status = 'draft';
      CREATE INDEX consultation_sheets_no ON consultation_sheets (sheet_no, version);

      CREATE TRIGGER consultation_sheets_printed_frozen
      BEFORE UPDATE ON consultation_sheets
      WHEN OLD.status = 'printed'
      BEGIN
        SELECT RAISE(ABORT, 'a printed consultation sheet is frozen');
      END;
      CREATE TRIGGER consultation_sheets_printed_kept
      BEFORE DELETE ON consultation_sheets
      WHEN OLD.status = 'printed'
      BEGIN
        SELECT RAISE(ABORT, 'a printed consultation sheet is kept');
      END;
    `)
  },
}
