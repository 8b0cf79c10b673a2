import type { Migration } from './types.ts'

/**
 * Rotation rule 13 and assistance (协助过单), DOMAIN.md "Partner stores":
 * - visits.assigned_by may be 'partner' (a reported client of an A-class store given to its maintainer).
 *   SQLite cannot change a CHECK, so visits is rebuilt as 0100 rebuilt staff: rows copied aside, the table
 *   dropped and made again with every column in its old place, the rows and indexes put back. No table
 *   cascades from visits and visits has no trigger; foreign keys stay on and deferred, so a lost row would
 *   fail the migration (the status log, calls, sheets and reports point at it), not the data;
 * - the consultant who assisted a partner visit without a deal (the consultation supervisor) and when.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'partner-routing',
  up(db) {
    db.pragma('defer_foreign_keys = ON')
    db.exec(`
      CREATE TEMP TABLE visits_before_0110 AS SELECT * FROM main.visits;
      DROP TABLE main.visits;
      CREATE TABLE visits (
        id                        INTEGER PRIMARY KEY,
        client_id                 INTEGER NOT NULL REFERENCES clients (id),
        visit_date                TEXT NOT NULL,
        type                      TEXT NOT NULL CHECK (type IN ('first','returning','review')),
        queue_seq                 INTEGER NOT NULL,
        queue_no                  TEXT NOT NULL,
        channel                   TEXT NOT NULL,
        designated_consultant_id  INTEGER REFERENCES staff (id),
        intended_category         TEXT,
        consultant_id             INTEGER REFERENCES staff (id),
        assigned_by               TEXT CHECK (assigned_by IN ('rotation','designated','returning','manual','partner')),
        status                    TEXT NOT NULL,
        status_at                 TEXT NOT NULL,
        outcome                   TEXT CHECK (outcome IN ('deal','no_deal')),
        no_deal_reason            TEXT NOT NULL DEFAULT '',
        registered_at             TEXT NOT NULL,
        version                   INTEGER NOT NULL DEFAULT 1,
        partner_store_id          INTEGER REFERENCES partner_stores (id),
        partner_report_id         INTEGER REFERENCES partner_reports (id),
        assist_consultant_id      INTEGER REFERENCES staff (id),
        assisted_at               TEXT,
        UNIQUE (visit_date, queue_no),
        CHECK ((assist_consultant_id IS NULL) = (assisted_at IS NULL))
      ) STRICT;
      INSERT INTO main.visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, designated_consultant_id,
          intended_category, consultant_id, assigned_by, status, status_at, outcome, no_deal_reason, registered_at, version,
          partner_store_id, partner_report_id)
        SELECT id, client_id, visit_date, type, queue_seq, queue_no, channel, designated_consultant_id,
          intended_category, consultant_id, assigned_by, status, status_at, outcome, no_deal_reason, registered_at, version,
          partner_store_id, partner_report_id
        FROM visits_before_0110;
      DROP TABLE visits_before_0110;
      CREATE INDEX visits_day ON visits (visit_date, status);
      CREATE INDEX visits_client ON visits (client_id, visit_date);
      CREATE INDEX visits_consultant_day ON visits (consultant_id, visit_date);
      CREATE INDEX visits_by_partner_store ON visits (partner_store_id, visit_date) WHERE partner_store_id IS NOT NULL;
      CREATE INDEX visits_by_assistant ON visits (assist_consultant_id, visit_date) WHERE assist_consultant_id IS NOT NULL;
    `)
  },
}
