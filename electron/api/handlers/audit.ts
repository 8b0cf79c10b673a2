import type { ParsedInput } from '../../../core/api/contract.ts'
import { auditOperators, pageAudit, type AuditFilter } from '../../../db/audit.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

/**
 * The start of a clinic-local day (YYYY-MM-DD) as an ISO-8601 UTC instant, in the machine's time zone (the
 * clinic's, as `ctx.today()`); `days` later for the end of a range. Built from the local calendar fields, so a
 * day of a daylight-saving change is its real length.
 */
export function localDayStartUtc(day: string, days = 0): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number)
  return new Date(y, m - 1, d + days).toISOString()
}

/** The screen's filter as the db's: local days `from`..`to` (both included) become [start of from, start of the day after to). */
export function auditFilterOf(input: ParsedInput<'audit.list'>): AuditFilter {
  return {
    operatorId: input.operatorId,
    fromAt: input.from === undefined ? undefined : localDayStartUtc(input.from),
    toAt: input.to === undefined ? undefined : localDayStartUtc(input.to, 1),
    kind: input.kind,
    beforeId: input.beforeId,
    limit: input.limit,
  }
}

export const auditHandlers: PartialHandlerTable<'audit.list' | 'audit.operators'> = {
  'audit.list': (ctx, input) => pageAudit(ctx.db, auditFilterOf(input)),
  'audit.operators': (ctx) => auditOperators(ctx.db),
}
