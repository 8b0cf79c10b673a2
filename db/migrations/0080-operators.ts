import type { Migration } from './types.ts'

/**
 * Operators: a staff member with a PIN may sign in. The PIN is kept only as a slow salted hash
 * (`scrypt$N$r$p$salt$hash`); failed attempts are counted so repeated guessing locks the name for a while,
 * also across a restart. The audit log gets the indexes its screen filters by (date, operator).
 */
export const migration0080: Migration = {
  version: 80,
  name: 'operators',
  up(db) {
    db.exec(`
      ALTER TABLE staff ADD COLUMN pin_hash TEXT CHECK (pin_hash IS NULL OR pin_hash LIKE 'scrypt$%');
      ALTER TABLE staff ADD COLUMN pin_set_at TEXT;
      ALTER TABLE staff ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0 CHECK (pin_failures >= 0);
      ALTER TABLE staff ADD COLUMN pin_locked_until TEXT;

      CREATE INDEX audit_log_at ON audit_log (at, id);
      CREATE INDEX audit_log_operator ON audit_log (operator_id, id);
    `)
  },
}
