import type { Migration } from './types.ts'

/**
 * The treatment record (病历档案), DOMAIN.md "After the deal": each deduction (划扣) of a treatment card is a
 * treatment, so it now also keeps the body area treated (部位) and the doctor's assistant (助手); the client
 * keeps a marital status (the consultation sheet's values, core/domain/consultation.ts) and an address.
 * Deductions made before keep '' and no assistant; clients keep no marital status and ''.
 * The undo-only trigger is recreated so the new columns are as fixed as the rest of a deduction.
 */
export const migration0160: Migration = {
  version: 160,
  name: 'treatment-record',
  up(db) {
    db.exec(`
      ALTER TABLE card_deductions ADD COLUMN body_area TEXT NOT NULL DEFAULT '' CHECK (length(body_area) <= 60);
      ALTER TABLE card_deductions ADD COLUMN assistant_id INTEGER REFERENCES staff (id)
        CHECK (assistant_id IS NULL OR assistant_id IS NOT doctor_id);

      DROP TRIGGER card_deductions_undo_only;
      CREATE TRIGGER card_deductions_undo_only BEFORE UPDATE ON card_deductions
      WHEN OLD.undone_at IS NOT NULL
        OR NEW.card_id IS NOT OLD.card_id OR NEW.session_no IS NOT OLD.session_no OR NEW.at IS NOT OLD.at
        OR NEW.nurse_id IS NOT OLD.nurse_id OR NEW.doctor_id IS NOT OLD.doctor_id OR NEW.note IS NOT OLD.note
        OR NEW.by_id IS NOT OLD.by_id OR NEW.by_name IS NOT OLD.by_name
        OR NEW.body_area IS NOT OLD.body_area OR NEW.assistant_id IS NOT OLD.assistant_id
      BEGIN SELECT RAISE(ABORT, 'a deduction is only undone, once'); END;

      ALTER TABLE clients ADD COLUMN marital_status TEXT
        CHECK (marital_status IS NULL OR marital_status IN ('single', 'married', 'divorced', 'widowed'));
      ALTER TABLE clients ADD COLUMN address TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 200);
    `)
  },
}
