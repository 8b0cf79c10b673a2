import { buildRangeReport, type RangeReport, type VisitFacts } from '../../../core/domain/rangeReport.ts'
import { stmt } from '../../../db/statements.ts'
import type { ReadableDb } from '../../../db/types.ts'

/**
 * One row per visit of the range with the timestamps and money the report needs (definitions in
 * core/domain/rangeReport.ts). Indexes used: visits_day for the range of days, visit_status_log_visit
 * for a visit's status moves (in the order they happened: by id), fee_sheets_visit for its fee sheets;
 * test/integration/range-report.test.ts checks the plan. Unordered: the report does not depend on the order.
 */
export const RANGE_FACTS_SQL = `
  SELECT r.id, r.type, r.channel, r.status, r.consultantId, r.consultantName, r.assignedBy, r.outcome, r.registeredAt,
         r.firstSeenAt, r.consultStartAt, r.revenueFen,
         (SELECT e.at FROM visit_status_log e
           WHERE e.visit_id = r.id AND e.id > r.startId AND e.status IN ('billing','treatment','done','left')
           ORDER BY e.id LIMIT 1) AS consultEndAt
  FROM (
    SELECT v.id, v.type, v.channel, v.status, v.consultant_id AS consultantId, s.name AS consultantName,
           v.assigned_by AS assignedBy, v.outcome, v.registered_at AS registeredAt,
           (SELECT l.at FROM visit_status_log l
             WHERE l.visit_id = v.id AND l.status IN ('called','consulting') ORDER BY l.id LIMIT 1) AS firstSeenAt,
           (SELECT l.id FROM visit_status_log l
             WHERE l.visit_id = v.id AND l.status = 'consulting' ORDER BY l.id LIMIT 1) AS startId,
           (SELECT l.at FROM visit_status_log l
             WHERE l.visit_id = v.id AND l.status = 'consulting' ORDER BY l.id LIMIT 1) AS consultStartAt,
           (SELECT coalesce(sum(f.payable_fen), 0) FROM fee_sheets f
             WHERE f.visit_id = v.id AND f.status IN ('confirmed','paid')) AS revenueFen
    FROM visits v
    LEFT JOIN staff s ON s.id = v.consultant_id
    WHERE v.visit_date BETWEEN @from AND @to
  ) r`

/** The visits of the days from `from` to `to` (both included) as facts for the report. */
export function rangeFacts(db: ReadableDb, from: string, to: string): VisitFacts[] {
  return stmt(db, RANGE_FACTS_SQL).all({ from, to }) as VisitFacts[]
}

/** 区间报表: the report of the days from `from` to `to`. */
export function buildRange(db: ReadableDb, from: string, to: string): RangeReport {
  return buildRangeReport(from, to, rangeFacts(db, from, to))
}
