import type { DailyLog } from '../../../core/api/visits.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { listFeeSheetsOfDay } from '../../../db/feeSheets.ts'
import { listVisitsOfDay } from '../../../db/visits.ts'

/** 一日当面咨询表: the day's visits in arrival order and per-consultant totals. */
export function buildDailyLog(db: ReadableDb, date: string): DailyLog {
  const visits = listVisitsOfDay(db, date)
  const amounts: Record<number, number> = {}
  for (const sheet of listFeeSheetsOfDay(db, date)) {
    if (sheet.status === 'confirmed' || sheet.status === 'paid') amounts[sheet.visitId] = (amounts[sheet.visitId] ?? 0) + sheet.totalFen
  }
  const totals = new Map<number | null, DailyLog['totals'][number]>()
  for (const visit of visits) {
    const key = visit.consultantId
    const row = totals.get(key) ?? { consultantId: key, name: visit.consultantName ?? '', visits: 0, deals: 0, noDeals: 0, amountFen: 0 }
    row.visits += 1
    row.amountFen += amounts[visit.id] ?? 0
    if (visit.outcome === 'deal') row.deals += 1
    if (visit.outcome === 'no_deal') row.noDeals += 1
    totals.set(key, row)
  }
  const sorted = [...totals.values()].sort((a, b) => (a.consultantId === null ? 1 : b.consultantId === null ? -1 : b.visits - a.visits))
  return { date, visits, amounts, totals: sorted }
}
