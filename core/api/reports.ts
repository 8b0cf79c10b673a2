import { z } from 'zod'
import { MAX_RANGE_DAYS, rangeDays, type RangeReport } from '../domain/rangeReport.ts'
import { method } from './method.ts'

export type { ChannelRow, ConsultantRangeRow, RangeCounts, RangeReport, RangeTotals, TimeFigures, TypeRow } from '../domain/rangeReport.ts'

const isoDate = z.iso.date('validation.date')

/** A run of visit days, both ends included: `to` not before `from`, at most MAX_RANGE_DAYS days. */
export const dayRangeSchema = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .superRefine((range, issues) => {
    const days = rangeDays(range.from, range.to)
    if (days < 1) issues.addIssue({ code: 'custom', message: 'validation.dateRange', path: ['to'] })
    else if (days > MAX_RANGE_DAYS) issues.addIssue({ code: 'custom', message: 'validation.rangeTooLong', path: ['to'] })
  })

/**
 * Reports over date ranges (区间报表). Administrators only: they carry every consultant's revenue.
 * The figures' definitions are in core/domain/rangeReport.ts.
 */
export const reportMethods = {
  'reports.range': method<RangeReport>()({ input: dayRangeSchema, writes: false, permission: 'admin' }),
  /** The same report as an XLSX workbook, base64 (like reports.dailyLogXlsx). */
  'reports.rangeXlsx': method<{ fileName: string; base64: string }>()({ input: dayRangeSchema, writes: false, permission: 'admin' }),
}
