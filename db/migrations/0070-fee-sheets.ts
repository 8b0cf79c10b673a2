import type { Migration } from './types.ts'

/**
 * Fee sheets (缴费明细单). The header keeps the client snapshot (JSON) and, from confirmation on, the totals in
 * integer fen for reports; the lines keep the price-list snapshot they were made with. Triggers lock what a
 * client signed: once a sheet is no draft its lines and deposits cannot be changed or removed, its money
 * columns cannot change, the sheet itself cannot be deleted, and payments are never rewritten.
 *
 * Discounts are stored as a kind and an integer: a rate in basis points (8折 = 8000), an amount in fen.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'fee-sheets',
  up(db) {
    db.exec(`
      CREATE TABLE fee_sheets (
        id                      INTEGER PRIMARY KEY,
        sheet_no                TEXT NOT NULL,
        visit_id                INTEGER NOT NULL REFERENCES visits (id),
        client_id               INTEGER NOT NULL REFERENCES clients (id),
        consultation_sheet_id   INTEGER REFERENCES consultation_sheets (id),
        replaces_id             INTEGER REFERENCES fee_sheets (id),
        status                  TEXT NOT NULL CHECK (status IN ('draft','confirmed','paid','void')),
        revision                INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        client                  TEXT NOT NULL CHECK (json_valid(client)),
        consultant_name         TEXT NOT NULL DEFAULT '',
        doctor_name             TEXT NOT NULL DEFAULT '',
        visit_date              TEXT NOT NULL CHECK (visit_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        queue_no                TEXT NOT NULL DEFAULT '',
        sheet_discount_kind     TEXT CHECK (sheet_discount_kind IN ('rate','amount')),
        sheet_discount_value    INTEGER,
        round_down              TEXT NOT NULL DEFAULT 'none' CHECK (round_down IN ('none','jiao','yuan')),
        note                    TEXT NOT NULL DEFAULT '',
        total_fen               INTEGER CHECK (total_fen >= 0),
        payable_fen             INTEGER CHECK (payable_fen >= 0 AND payable_fen <= total_fen),
        paid_fen                INTEGER CHECK (paid_fen >= 0 AND paid_fen <= payable_fen),
        floor_override_by       TEXT,
        floor_override_at       TEXT,
        floor_override_reason   TEXT,
        confirmed_at            TEXT,
        confirmed_by            TEXT,
        paid_at                 TEXT,
        paid_by                 TEXT,
        voided_at               TEXT,
        voided_by               TEXT,
        void_reason             TEXT,
        print_count             INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
        created_at              TEXT NOT NULL,
        created_by              TEXT NOT NULL,
        updated_at              TEXT NOT NULL,
        updated_by              TEXT NOT NULL,
        CHECK ((sheet_discount_kind IS NULL) = (sheet_discount_value IS NULL)),
        CHECK (sheet_discount_kind IS NOT 'rate' OR sheet_discount_value BETWEEN 0 AND 10000),
        CHECK (sheet_discount_kind IS NOT 'amount' OR sheet_discount_value >= 0),
        -- Confirmed from the draft on: who, when, and the totals are fixed.
        CHECK ((status = 'draft') = (confirmed_at IS NULL)),
        CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL)),
        CHECK ((status = 'draft') = (total_fen IS NULL)),
        CHECK ((total_fen IS NULL) = (payable_fen IS NULL)),
        CHECK ((paid_at IS NULL) = (paid_by IS NULL) AND (paid_at IS NULL) = (paid_fen IS NULL)),
        CHECK (paid_at IS NULL OR status IN ('paid','void')),
        CHECK (status <> 'paid' OR paid_at IS NOT NULL),
        CHECK ((status = 'void') = (voided_at IS NOT NULL)),
        CHECK ((voided_at IS NULL) = (voided_by IS NULL) AND (voided_at IS NULL) = (void_reason IS NULL)),
        CHECK ((floor_override_by IS NULL) = (floor_override_at IS NULL)
           AND (floor_override_by IS NULL) = (floor_override_reason IS NULL)),
        CHECK (print_count = 0 OR status <> 'draft')
      ) STRICT;
      CREATE UNIQUE INDEX fee_sheets_no ON fee_sheets (sheet_no);
      -- A voided sheet is corrected by one sheet at most.
      CREATE UNIQUE INDEX fee_sheets_replaces ON fee_sheets (replaces_id) WHERE replaces_id IS NOT NULL;
      CREATE INDEX fee_sheets_visit ON fee_sheets (visit_id, id);
      CREATE INDEX fee_sheets_day ON fee_sheets (visit_date, sheet_no);
      CREATE INDEX fee_sheets_consultation ON fee_sheets (consultation_sheet_id) WHERE consultation_sheet_id IS NOT NULL;

      CREATE TABLE fee_sheet_lines (
        id               INTEGER PRIMARY KEY,
        sheet_id         INTEGER NOT NULL REFERENCES fee_sheets (id),
        position         INTEGER NOT NULL CHECK (position >= 0),
        item_id          INTEGER NOT NULL REFERENCES price_items (id),
        code             TEXT NOT NULL,
        name             TEXT NOT NULL CHECK (length(name) >= 1),
        unit             TEXT NOT NULL,
        category         TEXT NOT NULL CHECK (category IN ('treatment','consumable','anaesthesia','lab_test','inpatient','infusion','medicine')),
        unit_price_fen   INTEGER NOT NULL CHECK (unit_price_fen >= 0),
        floor_price_fen  INTEGER CHECK (floor_price_fen >= 0),
        quantity         INTEGER NOT NULL CHECK (quantity >= 1),
        discount_kind    TEXT CHECK (discount_kind IN ('rate','amount')),
        discount_value   INTEGER,
        net_fen          INTEGER CHECK (net_fen >= 0),
        UNIQUE (sheet_id, position),
        CHECK ((discount_kind IS NULL) = (discount_value IS NULL)),
        CHECK (discount_kind IS NOT 'rate' OR discount_value BETWEEN 0 AND 10000),
        CHECK (discount_kind IS NOT 'amount' OR discount_value >= 0)
      ) STRICT;

      CREATE TABLE fee_sheet_deposits (
        id        INTEGER PRIMARY KEY,
        sheet_id  INTEGER NOT NULL REFERENCES fee_sheets (id),
        position  INTEGER NOT NULL CHECK (position >= 0),
        fen       INTEGER NOT NULL CHECK (fen > 0),
        note      TEXT NOT NULL DEFAULT '',
        UNIQUE (sheet_id, position)
      ) STRICT;

      CREATE TABLE fee_payments (
        id        INTEGER PRIMARY KEY,
        sheet_id  INTEGER NOT NULL REFERENCES fee_sheets (id),
        method    TEXT NOT NULL CHECK (method IN ('cash','wechat','alipay','card','stored_value')),
        fen       INTEGER NOT NULL CHECK (fen > 0),
        paid_at   TEXT NOT NULL,
        paid_by   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fee_payments_sheet ON fee_payments (sheet_id, id);
      CREATE INDEX fee_payments_day ON fee_payments (paid_at);

      -- The status only moves forward: draft -> confirmed -> paid, confirmed or paid -> void.
      CREATE TRIGGER fee_sheets_status_flow
      BEFORE UPDATE OF status ON fee_sheets
      WHEN NEW.status IS NOT OLD.status
        AND NOT ((OLD.status = 'draft' AND NEW.status = 'confirmed')
              OR (OLD.status = 'confirmed' AND NEW.status IN ('paid','void'))
              OR (OLD.status = 'paid' AND NEW.status = 'void'))
      BEGIN
        SELECT RAISE(ABORT, 'a fee sheet cannot go back in its status');
      END;
      -- What was confirmed stays as confirmed: the money, the people and the links of the header.
      CREATE TRIGGER fee_sheets_confirmed_locked
      BEFORE UPDATE ON fee_sheets
      WHEN OLD.status <> 'draft' AND (
           NEW.sheet_no IS NOT OLD.sheet_no OR NEW.visit_id IS NOT OLD.visit_id OR NEW.client_id IS NOT OLD.client_id
        OR NEW.consultation_sheet_id IS NOT OLD.consultation_sheet_id OR NEW.replaces_id IS NOT OLD.replaces_id
        OR NEW.client IS NOT OLD.client OR NEW.consultant_name IS NOT OLD.consultant_name OR NEW.doctor_name IS NOT OLD.doctor_name
        OR NEW.visit_date IS NOT OLD.visit_date OR NEW.queue_no IS NOT OLD.queue_no
        OR NEW.sheet_discount_kind IS NOT OLD.sheet_discount_kind OR NEW.sheet_discount_value IS NOT OLD.sheet_discount_value
        OR NEW.round_down IS NOT OLD.round_down OR NEW.note IS NOT OLD.note
        OR NEW.total_fen IS NOT OLD.total_fen OR NEW.payable_fen IS NOT OLD.payable_fen
        OR NEW.floor_override_by IS NOT OLD.floor_override_by OR NEW.floor_override_at IS NOT OLD.floor_override_at
        OR NEW.floor_override_reason IS NOT OLD.floor_override_reason
        OR NEW.confirmed_at IS NOT OLD.confirmed_at OR NEW.confirmed_by IS NOT OLD.confirmed_by
        OR (OLD.paid_at IS NOT NULL AND (NEW.paid_at IS NOT OLD.paid_at OR NEW.paid_by IS NOT OLD.paid_by OR NEW.paid_fen IS NOT OLD.paid_fen))
        OR (OLD.status = 'void' AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.voided_by IS NOT OLD.voided_by OR NEW.void_reason IS NOT OLD.void_reason))
        OR NEW.print_count < OLD.print_count)
      BEGIN
        SELECT RAISE(ABORT, 'a confirmed fee sheet is locked');
      END;
      CREATE TRIGGER fee_sheets_confirmed_kept
      BEFORE DELETE ON fee_sheets
      WHEN OLD.status <> 'draft'
      BEGIN
        SELECT RAISE(ABORT, 'a confirmed fee sheet is kept');
      END;

      CREATE TRIGGER fee_sheet_lines_insert_draft_only
      BEFORE INSERT ON fee_sheet_lines
      WHEN (SELECT status FROM fee_sheets WHERE id = NEW.sheet_id) IS NOT 'draft'
      BEGIN
        SELECT RAISE(ABORT, 'lines are added to a draft fee sheet only');
      END;
      CREATE TRIGGER fee_sheet_lines_locked
      BEFORE UPDATE ON fee_sheet_lines
      WHEN (SELECT status FROM fee_sheets WHERE id = OLD.sheet_id) IS NOT 'draft'
        OR NEW.sheet_id IS NOT OLD.sheet_id
      BEGIN
        SELECT RAISE(ABORT, 'the lines of a confirmed fee sheet are locked');
      END;
      CREATE TRIGGER fee_sheet_lines_kept
      BEFORE DELETE ON fee_sheet_lines
      WHEN (SELECT status FROM fee_sheets WHERE id = OLD.sheet_id) IS NOT 'draft'
      BEGIN
        SELECT RAISE(ABORT, 'the lines of a confirmed fee sheet are kept');
      END;

      CREATE TRIGGER fee_sheet_deposits_insert_draft_only
      BEFORE INSERT ON fee_sheet_deposits
      WHEN (SELECT status FROM fee_sheets WHERE id = NEW.sheet_id) IS NOT 'draft'
      BEGIN
        SELECT RAISE(ABORT, 'deposits are applied to a draft fee sheet only');
      END;
      CREATE TRIGGER fee_sheet_deposits_locked
      BEFORE UPDATE ON fee_sheet_deposits
      WHEN (SELECT status FROM fee_sheets WHERE id = OLD.sheet_id) IS NOT 'draft'
        OR NEW.sheet_id IS NOT OLD.sheet_id
      BEGIN
        SELECT RAISE(ABORT, 'the deposits of a confirmed fee sheet are locked');
      END;
      CREATE TRIGGER fee_sheet_deposits_kept
      BEFORE DELETE ON fee_sheet_deposits
      WHEN (SELECT status FROM fee_sheets WHERE id = OLD.sheet_id) IS NOT 'draft'
      BEGIN
        SELECT RAISE(ABORT, 'the deposits of a confirmed fee sheet are kept');
      END;

      CREATE TRIGGER fee_payments_confirmed_only
      BEFORE INSERT ON fee_payments
      WHEN (SELECT status FROM fee_sheets WHERE id = NEW.sheet_id) IS NOT 'confirmed'
      BEGIN
        SELECT RAISE(ABORT, 'payments are taken for a confirmed fee sheet only');
      END;
      CREATE TRIGGER fee_payments_locked
      BEFORE UPDATE ON fee_payments
      BEGIN
        SELECT RAISE(ABORT, 'a payment is never changed');
      END;
      CREATE TRIGGER fee_payments_kept
      BEFORE DELETE ON fee_payments
      BEGIN
        SELECT RAISE(ABORT, 'a payment is never deleted');
      END;
    `)
  },
}
