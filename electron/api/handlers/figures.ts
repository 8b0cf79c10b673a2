import type { FairnessRow } from '../../../core/api/rotation.ts'
import { periodFigures, type BoardKind } from '../../../core/rotation/index.ts'
import { boardDatesBetween, loadBoardState } from '../../../db/rotation.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { stmt } from '../../../db/statements.ts'

/** Board counts per member over a period, joined with the outcomes of the visits they took. */
export function fairness(db: ReadableDb, kind: BoardKind, from: string, to: string): FairnessRow[] {
  const states = boardDatesBetween(db, from, to, kind).map((date) => loadBoardState(db, date, kind))
  const outcomes = stmt(db,
      `SELECT consultant_id AS id, sum(outcome = 'deal') AS deals, sum(outcome IS NOT NULL) AS decided
       FROM visits WHERE visit_date BETWEEN ? AND ? AND consultant_id IS NOT NULL GROUP BY consultant_id`,
    )
    .all(from, to) as { id: number; deals: number; decided: number }[]
  const byId = new Map(outcomes.map((o) => [o.id, o]))
  return periodFigures(states).map((f) => {
    const o = byId.get(f.memberId)
    return { ...f, deals: o?.deals ?? 0, conversionRate: o && o.decided > 0 ? o.deals / o.decided : null }
  })
}
