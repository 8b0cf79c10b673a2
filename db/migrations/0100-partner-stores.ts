import type { Migration } from './types.ts'

/** The largest shop-front photo kept, bytes (5 MB); core/domain/partnerStore.ts checks it first with its own message. */
const PHOTO_MAX_BYTES = 5 * 1024 * 1024

/**
 * Partner stores (店家) and the marketing department (市场部), DOMAIN.md "Partner stores":
 * - staff may have the role 'marketing' (the salesperson, 市场部业务员). SQLite cannot change a CHECK, so the
 *   staff table is rebuilt: its rows are copied aside, the table dropped and made again, and the rows put
 *   back. Foreign keys stay on: the drop's implicit delete is a deferred violation that the rows put back
 *   resolve before the commit, so a lost staff row would fail the migration, not the data;
 * - partner stores, with their shop-front photo (a BLOB and its type) and bank account for rebates;
 * - each store's assignment history (who had it, who has it, why, who decided);
 * - pre-registrations (报备) with the salesperson's hand-over notes as four fields (income, work, family,
 *   wanted items) and a free note; a report is valid up to `valid_until` (set at reporting from the setting
 *   `partnerReportValidDays`) and at most one report of a phone is open at a time;
 * - on visits, the store a visit counts for and the report it matched (null when none: an unreported
 *   arrival, unless an administrator credits it with a reason).
 */
export const migration0100: Migration = {
  version: 100,
  name: 'partner-stores',
  up(db) {
    db.pragma('defer_foreign_keys = ON')
    db.exec(`
      CREATE TEMP TABLE staff_before_0100 AS SELECT * FROM main.staff;
      DROP TABLE main.staff;
      CREATE TABLE staff (
        id                INTEGER PRIMARY KEY,
        name              TEXT NOT NULL,
        role              TEXT NOT NULL CHECK (role IN ('consultant','doctor','nurse','receptionist','marketing','administrator')),
        phone             TEXT NOT NULL DEFAULT '',
        room              TEXT NOT NULL DEFAULT '',
        skills            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
        active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        pin_hash          TEXT CHECK (pin_hash IS NULL OR pin_hash LIKE 'scrypt$%'),
        pin_set_at        TEXT,
        pin_failures      INTEGER NOT NULL DEFAULT 0 CHECK (pin_failures >= 0),
        pin_locked_until  TEXT
      ) STRICT;
      INSERT INTO main.staff (id, name, role, phone, room, skills, active, created_at, updated_at, pin_hash, pin_set_at, pin_failures, pin_locked_until)
        SELECT id, name, role, phone, room, skills, active, created_at, updated_at, pin_hash, pin_set_at, pin_failures, pin_locked_until FROM staff_before_0100;
      DROP TABLE staff_before_0100;
      CREATE UNIQUE INDEX staff_phone_unique ON staff (phone) WHERE phone <> '';

      CREATE TABLE partner_stores (
        id                 INTEGER PRIMARY KEY,
        name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        class              TEXT NOT NULL CHECK (class IN ('A','ordinary')),
        consultant_id      INTEGER REFERENCES staff (id),
        salesperson_id     INTEGER NOT NULL REFERENCES staff (id),
        agreement_no       TEXT NOT NULL DEFAULT '',
        agreement_text     TEXT NOT NULL DEFAULT '',
        photo              BLOB,
        photo_mime         TEXT CHECK (photo_mime IN ('image/jpeg','image/png','image/webp')),
        bank_name          TEXT NOT NULL DEFAULT '',
        bank_account_name  TEXT NOT NULL DEFAULT '',
        bank_account_no    TEXT NOT NULL DEFAULT '',
        start_date         TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive')),
        version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        -- An A-class store is maintained by a named consultant (rotation rule 13); an ordinary one by none.
        CHECK ((class = 'A') = (consultant_id IS NOT NULL)),
        CHECK ((photo IS NULL) = (photo_mime IS NULL)),
        CHECK (photo IS NULL OR length(photo) BETWEEN 1 AND ${PHOTO_MAX_BYTES})
      ) STRICT;
      CREATE UNIQUE INDEX partner_stores_name_unique ON partner_stores (name);
      CREATE INDEX partner_stores_by_salesperson ON partner_stores (salesperson_id, name);

      CREATE TABLE partner_store_assignments (
        id                   INTEGER PRIMARY KEY,
        store_id             INTEGER NOT NULL REFERENCES partner_stores (id),
        from_salesperson_id  INTEGER REFERENCES staff (id),
        to_salesperson_id    INTEGER NOT NULL REFERENCES staff (id),
        reason               TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
        at                   TEXT NOT NULL,
        by_staff_id          INTEGER REFERENCES staff (id),
        by_name              TEXT NOT NULL DEFAULT '',
        CHECK (from_salesperson_id IS NULL OR from_salesperson_id <> to_salesperson_id)
      ) STRICT;
      CREATE INDEX partner_store_assignments_by_store ON partner_store_assignments (store_id, id);

      CREATE TABLE partner_reports (
        id              INTEGER PRIMARY KEY,
        store_id        INTEGER NOT NULL REFERENCES partner_stores (id),
        salesperson_id  INTEGER NOT NULL REFERENCES staff (id),
        client_name     TEXT NOT NULL CHECK (length(client_name) BETWEEN 1 AND 40),
        phone           TEXT NOT NULL CHECK (length(phone) BETWEEN 1 AND 20),
        notes_income    TEXT NOT NULL DEFAULT '',
        notes_work      TEXT NOT NULL DEFAULT '',
        notes_family    TEXT NOT NULL DEFAULT '',
        notes_wanted    TEXT NOT NULL DEFAULT '',
        notes_other     TEXT NOT NULL DEFAULT '',
        reported_at     TEXT NOT NULL,
        valid_until     TEXT NOT NULL CHECK (valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        reported_by     INTEGER REFERENCES staff (id),
        reported_by_name TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','arrived','expired','cancelled')),
        visit_id        INTEGER UNIQUE REFERENCES visits (id),
        cancel_reason   TEXT NOT NULL DEFAULT '',
        updated_at      TEXT NOT NULL,
        CHECK ((status = 'arrived') = (visit_id IS NOT NULL)),
        CHECK (status <> 'cancelled' OR cancel_reason <> '')
      ) STRICT;
      -- The first report wins: one open report per phone.
      CREATE UNIQUE INDEX partner_reports_open_phone ON partner_reports (phone) WHERE status = 'open';
      CREATE INDEX partner_reports_by_store ON partner_reports (store_id, reported_at);
      CREATE INDEX partner_reports_by_salesperson ON partner_reports (salesperson_id, reported_at);

      ALTER TABLE visits ADD COLUMN partner_store_id INTEGER REFERENCES partner_stores (id);
      ALTER TABLE visits ADD COLUMN partner_report_id INTEGER REFERENCES partner_reports (id);
      CREATE INDEX visits_by_partner_store ON visits (partner_store_id, visit_date) WHERE partner_store_id IS NOT NULL;
    `)
  },
}
