import type { Migration } from './types.ts'

/**
 * Stored value (会员卡储值), core/domain/storedValue.ts: stored_value_ledger is every movement of a client's
 * balance, signed by its kind (top-ups, bonuses and reversals add; payments and refunds take away). The
 * balance is the sum of a client's rows, never stored. The database itself keeps the ledger honest: rows are
 * never changed or deleted, and an insert that would take a client's sum below zero is refused. A sheet has
 * at most one payment and one reversal.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'stored-value',
  up(db) {
    db.exec(`
      CREATE TABLE stored_value_ledger (
        id            INTEGER PRIMARY KEY,
        client_id     INTEGER NOT NULL REFERENCES clients (id),
        kind          TEXT NOT NULL CHECK (kind IN ('top_up', 'bonus', 'payment', 'payment_reversal', 'refund')),
        amount_fen    INTEGER NOT NULL CHECK (
                        (kind IN ('top_up', 'bonus', 'payment_reversal') AND amount_fen > 0)
                        OR (kind IN ('payment', 'refund') AND amount_fen < 0)),
        method        TEXT CHECK (method IN ('cash', 'wechat', 'alipay', 'card')),
        fee_sheet_id  INTEGER REFERENCES fee_sheets (id),
        note          TEXT NOT NULL DEFAULT '',
        at            TEXT NOT NULL,
        by_id         INTEGER REFERENCES staff (id),
        by_name       TEXT NOT NULL DEFAULT '',
        CHECK ((kind = 'top_up') = (method IS NOT NULL)),
        CHECK ((kind IN ('payment', 'payment_reversal')) = (fee_sheet_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX stored_value_ledger_by_client ON stored_value_ledger (client_id, id);
      CREATE UNIQUE INDEX stored_value_ledger_once_per_sheet ON stored_value_ledger (fee_sheet_id, kind) WHERE fee_sheet_id IS NOT NULL;

      CREATE TRIGGER stored_value_ledger_never_negative BEFORE INSERT ON stored_value_ledger
      WHEN (SELECT coalesce(sum(amount_fen), 0) FROM stored_value_ledger WHERE client_id = NEW.client_id) + NEW.amount_fen < 0
      BEGIN SELECT RAISE(ABORT, 'stored value balance would go negative'); END;
      CREATE TRIGGER stored_value_ledger_no_update BEFORE UPDATE ON stored_value_ledger
      BEGIN SELECT RAISE(ABORT, 'stored value entries are never changed'); END;
      CREATE TRIGGER stored_value_ledger_no_delete BEFORE DELETE ON stored_value_ledger
      BEGIN SELECT RAISE(ABORT, 'stored value entries are never deleted'); END;
    `)
  },
}
