import type { Migration } from './types.ts'

/**
 * Appointments (预约), the day-before confirmation calls (二次确认) and the follow-up calls (回访) that a paid
 * fee sheet brings. An appointment always belongs to a client file (a new client is filed at booking, as a
 * phone booking does). A checked-in appointment points at the visit it became; the confirmation log and
 * the follow-up calls keep who did what and when.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'appointments',
  up(db) {
    db.exec(`
      CREATE TABLE appointments (
        id                INTEGER PRIMARY KEY,
        client_id         INTEGER NOT NULL REFERENCES clients (id),
        date              TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        time              TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        duration_minutes  INTEGER NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
        type              TEXT NOT NULL CHECK (type IN ('first','returning','review')),
        consultant_id     INTEGER REFERENCES staff (id),
        category          TEXT CHECK (category IS NULL OR category IN ('skin','injection','laser','surgery','body','dental','hair')),
        item_ids          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(item_ids) AND json_type(item_ids) = 'array'),
        notes             TEXT NOT NULL DEFAULT '',
        status            TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','confirmed','checked_in','cancelled','no_show')),
        cancel_reason     TEXT NOT NULL DEFAULT '',
        visit_id          INTEGER UNIQUE REFERENCES visits (id),
        version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at        TEXT NOT NULL,
        created_by        INTEGER REFERENCES staff (id),
        updated_at        TEXT NOT NULL,
        CHECK ((status = 'checked_in') = (visit_id IS NOT NULL)),
        CHECK (status <> 'cancelled' OR cancel_reason <> '')
      ) STRICT;
      CREATE INDEX appointments_by_date ON appointments (date, time);
      CREATE INDEX appointments_by_consultant ON appointments (consultant_id, date) WHERE consultant_id IS NOT NULL;
      CREATE INDEX appointments_by_client ON appointments (client_id, date);

      CREATE TABLE appointment_confirmations (
        id              INTEGER PRIMARY KEY,
        appointment_id  INTEGER NOT NULL REFERENCES appointments (id),
        result          TEXT NOT NULL CHECK (result IN ('confirmed','changed','cancelled','no_answer')),
        note            TEXT NOT NULL DEFAULT '',
        at              TEXT NOT NULL,
        by_staff_id     INTEGER REFERENCES staff (id),
        by_name         TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX appointment_confirmations_by_appointment ON appointment_confirmations (appointment_id, at);

      CREATE TABLE follow_up_calls (
        id            INTEGER PRIMARY KEY,
        client_id     INTEGER NOT NULL REFERENCES clients (id),
        visit_id      INTEGER REFERENCES visits (id),
        fee_sheet_id  INTEGER REFERENCES fee_sheets (id),
        category      TEXT NOT NULL CHECK (category IN ('skin','injection','laser','surgery','body','dental','hair','other')),
        label         TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 20),
        due_date      TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
        result        TEXT CHECK (result IN ('reached','no_answer','unreachable')),
        attempts      INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        notes         TEXT NOT NULL DEFAULT '',
        done_at       TEXT,
        done_by       INTEGER REFERENCES staff (id),
        done_by_name  TEXT NOT NULL DEFAULT '',
        version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at    TEXT NOT NULL,
        CHECK ((status = 'done') = (done_at IS NOT NULL)),
        -- Closed by a talk or as unreachable; open before any call or after calls nobody answered.
        CHECK (status = 'open' OR coalesce(result, '') IN ('reached','unreachable')),
        CHECK (status = 'done' OR coalesce(result, 'no_answer') = 'no_answer'),
        UNIQUE (fee_sheet_id, category, label)
      ) STRICT;
      CREATE INDEX follow_up_calls_open_by_due ON follow_up_calls (due_date) WHERE status = 'open';
      CREATE INDEX follow_up_calls_by_due ON follow_up_calls (due_date);
      CREATE INDEX follow_up_calls_by_client ON follow_up_calls (client_id, due_date);
    `)
  },
}
