import type { Migration } from './types.ts'

/**
 * Treatment cards (疗程卡) and their deductions (划扣), DOMAIN.md "After the deal: payment and treatment",
 * core/domain/treatmentCard.ts:
 * - treatment_cards: one per 'treatment' line of a paid fee sheet (at most one per line), the item as it was
 *   on the sheet, the sessions bought and the last day one may be deducted; voided with its sheet. Sessions
 *   used are counted from the deductions, never stored;
 * - card_deductions: one per session deducted, numbered 1, 2, … per card (an undone one keeps its number, so
 *   a slip's number never repeats); undoing sets the undone fields, the row stays. A deduction is never deleted.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'treatment-cards',
  up(db) {
    db.exec(`
      CREATE TABLE treatment_cards (
        id               INTEGER PRIMARY KEY,
        client_id        INTEGER NOT NULL REFERENCES clients (id),
        fee_sheet_id     INTEGER NOT NULL REFERENCES fee_sheets (id),
        line_index       INTEGER NOT NULL CHECK (line_index >= 0),
        item_id          INTEGER NOT NULL REFERENCES price_items (id),
        code             TEXT NOT NULL,
        name             TEXT NOT NULL,
        sessions_bought  INTEGER NOT NULL CHECK (sessions_bought > 0),
        bought_on        TEXT NOT NULL CHECK (bought_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        expires_on       TEXT NOT NULL CHECK (expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND expires_on >= bought_on),
        voided           INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
        version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at       TEXT NOT NULL,
        UNIQUE (fee_sheet_id, line_index)
      ) STRICT;
      CREATE INDEX treatment_cards_by_client ON treatment_cards (client_id, id);

      CREATE TABLE card_deductions (
        id               INTEGER PRIMARY KEY,
        card_id          INTEGER NOT NULL REFERENCES treatment_cards (id),
        session_no       INTEGER NOT NULL CHECK (session_no >= 1),
        at               TEXT NOT NULL,
        nurse_id         INTEGER NOT NULL REFERENCES staff (id),
        doctor_id        INTEGER REFERENCES staff (id),
        note             TEXT NOT NULL DEFAULT '',
        by_id            INTEGER REFERENCES staff (id),
        by_name          TEXT NOT NULL DEFAULT '',
        undone_at        TEXT,
        undone_by_name   TEXT NOT NULL DEFAULT '',
        undo_reason      TEXT NOT NULL DEFAULT '',
        UNIQUE (card_id, session_no),
        CHECK ((undone_at IS NULL) = (undo_reason = ''))
      ) STRICT;

      -- A void card takes no deduction, and one is never more than the sessions bought.
      CREATE TRIGGER card_deductions_on_usable BEFORE INSERT ON card_deductions
      WHEN (SELECT voided FROM treatment_cards WHERE id = NEW.card_id) = 1
      BEGIN SELECT RAISE(ABORT, 'card is void'); END;
      CREATE TRIGGER card_deductions_within_bought BEFORE INSERT ON card_deductions
      WHEN (SELECT count(*) FROM card_deductions WHERE card_id = NEW.card_id AND undone_at IS NULL)
         >= (SELECT sessions_bought FROM treatment_cards WHERE id = NEW.card_id)
      BEGIN SELECT RAISE(ABORT, 'card is used up'); END;
      CREATE TRIGGER card_deductions_no_delete BEFORE DELETE ON card_deductions
      BEGIN SELECT RAISE(ABORT, 'card deductions are never deleted'); END;
      -- Only the undo may change a deduction, once.
      CREATE TRIGGER card_deductions_undo_only BEFORE UPDATE ON card_deductions
      WHEN OLD.undone_at IS NOT NULL
        OR NEW.card_id IS NOT OLD.card_id OR NEW.session_no IS NOT OLD.session_no OR NEW.at IS NOT OLD.at
        OR NEW.nurse_id IS NOT OLD.nurse_id OR NEW.doctor_id IS NOT OLD.doctor_id OR NEW.note IS NOT OLD.note
        OR NEW.by_id IS NOT OLD.by_id OR NEW.by_name IS NOT OLD.by_name
      BEGIN SELECT RAISE(ABORT, 'a deduction is only undone, once'); END;
      CREATE TRIGGER treatment_cards_no_delete BEFORE DELETE ON treatment_cards
      BEGIN SELECT RAISE(ABORT, 'treatment cards are never deleted'); END;
    `)
  },
}
