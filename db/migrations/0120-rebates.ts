import type { Migration } from './types.ts'

const FIGURES = [
  'lines_fen',
  'discount_fen',
  'paid_fen',
  'excluded_fen',
  'base_fen',
  'special_rate_base_fen',
  'standard_base_fen',
  'standard_share_fen',
  'special_share_fen',
  'store_share_fen',
  'commission_fen',
  'referrer_fen',
  'salesperson_fen',
]

/**
 * The rebate ledger (返款台账), DOMAIN.md "Partner stores and the marketing department":
 * - price_items.special_price marks a special-price injection item (特价微整) for the 10% rule;
 * - rebate_entries: one row per booked entry (a store's rebate of a paid sheet, or a staff referral's
 *   commission on it), and its negative twin when the sheet is voided. Figures are integer fen columns; the
 *   lines, exclusions and rates it was worked out with are JSON. An entry is never changed or deleted, and a
 *   sheet has at most one entry and one reversal of each kind;
 * - rebate_periods: a row is a closed month; a closed month takes no new entries and never reopens;
 * - client_referrals: the client brought by an employee outside marketing, and the salesperson given her.
 */
export const migration0120: Migration = {
  version: 120,
  name: 'rebates',
  up(db) {
    db.exec(`
      ALTER TABLE price_items ADD COLUMN special_price INTEGER NOT NULL DEFAULT 0 CHECK (special_price IN (0, 1));

      CREATE TABLE rebate_entries (
        id                INTEGER PRIMARY KEY,
        period            TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(period, 6, 2) BETWEEN '01' AND '12'),
        kind              TEXT NOT NULL CHECK (kind IN ('store_rebate','referral')),
        reversal          INTEGER NOT NULL CHECK (reversal IN (0, 1)),
        reverses_period   TEXT,
        fee_sheet_id      INTEGER NOT NULL REFERENCES fee_sheets (id),
        client_id         INTEGER NOT NULL REFERENCES clients (id),
        store_id          INTEGER REFERENCES partner_stores (id),
        salesperson_id    INTEGER NOT NULL REFERENCES staff (id),
        referrer_id       INTEGER REFERENCES staff (id),
        ${FIGURES.map((f) => `${f} INTEGER NOT NULL`).join(',\n        ')},
        lines             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lines) AND json_type(lines) = 'array'),
        exclusions        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exclusions) AND json_type(exclusions) = 'array'),
        special_lines     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(special_lines) AND json_type(special_lines) = 'array'),
        rates             TEXT NOT NULL CHECK (json_valid(rates) AND json_type(rates) = 'object'),
        booked_at         TEXT NOT NULL,
        booked_by_name    TEXT NOT NULL DEFAULT '',
        UNIQUE (fee_sheet_id, kind, reversal),
        CHECK ((kind = 'store_rebate') = (store_id IS NOT NULL)),
        CHECK ((kind = 'referral') = (referrer_id IS NOT NULL)),
        CHECK ((reversal = 1) = (reverses_period IS NOT NULL)),
        CHECK (reverses_period IS NULL OR reverses_period <= period),
        CHECK (commission_fen = referrer_fen + salesperson_fen),
        CHECK (kind = 'referral' OR commission_fen = 0),
        CHECK (reversal = 1 OR (paid_fen >= 0 AND store_share_fen >= 0 AND commission_fen >= 0)),
        CHECK (reversal = 0 OR (paid_fen <= 0 AND store_share_fen <= 0 AND commission_fen <= 0))
      ) STRICT;
      CREATE INDEX rebate_entries_by_period ON rebate_entries (period, id);
      CREATE INDEX rebate_entries_by_salesperson ON rebate_entries (salesperson_id, period);
      CREATE INDEX rebate_entries_by_store ON rebate_entries (store_id, period) WHERE store_id IS NOT NULL;

      CREATE TABLE rebate_periods (
        period          TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(period, 6, 2) BETWEEN '01' AND '12'),
        closed_at       TEXT NOT NULL,
        closed_by       INTEGER REFERENCES staff (id),
        closed_by_name  TEXT NOT NULL DEFAULT ''
      ) STRICT;

      -- A reversal must follow its own entry, so a void reverses only what was booked.
      CREATE TRIGGER rebate_reversal_needs_entry BEFORE INSERT ON rebate_entries
      WHEN NEW.reversal = 1 AND NOT EXISTS (SELECT 1 FROM rebate_entries WHERE fee_sheet_id = NEW.fee_sheet_id AND kind = NEW.kind AND reversal = 0)
      BEGIN SELECT RAISE(ABORT, 'rebate reversal without its entry'); END;
      CREATE TRIGGER rebate_entries_closed_period BEFORE INSERT ON rebate_entries
      WHEN EXISTS (SELECT 1 FROM rebate_periods WHERE period = NEW.period)
      BEGIN SELECT RAISE(ABORT, 'rebate period is closed'); END;
      CREATE TRIGGER rebate_entries_no_update BEFORE UPDATE ON rebate_entries
      BEGIN SELECT RAISE(ABORT, 'rebate entries are never changed'); END;
      CREATE TRIGGER rebate_entries_no_delete BEFORE DELETE ON rebate_entries
      BEGIN SELECT RAISE(ABORT, 'rebate entries are never deleted'); END;
      CREATE TRIGGER rebate_periods_no_update BEFORE UPDATE ON rebate_periods
      BEGIN SELECT RAISE(ABORT, 'a closed rebate period never reopens'); END;
      CREATE TRIGGER rebate_periods_no_delete BEFORE DELETE ON rebate_periods
      BEGIN SELECT RAISE(ABORT, 'a closed rebate period never reopens'); END;

      CREATE TABLE client_referrals (
        client_id         INTEGER PRIMARY KEY REFERENCES clients (id),
        referrer_id       INTEGER NOT NULL REFERENCES staff (id),
        salesperson_id    INTEGER NOT NULL REFERENCES staff (id),
        assigned_at       TEXT NOT NULL,
        assigned_by       INTEGER REFERENCES staff (id),
        assigned_by_name  TEXT NOT NULL DEFAULT '',
        CHECK (referrer_id <> salesperson_id)
      ) STRICT;
      CREATE INDEX client_referrals_by_salesperson ON client_referrals (salesperson_id);
    `)
  },
}
