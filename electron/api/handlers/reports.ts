import '../../../core/i18n/reportMessages.ts'
import { readSettings } from '../../../db/settings.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { buildDailyLog } from '../reports/dailyLog.ts'
import { dailyLogWorkbook } from '../reports/dailyLogXlsx.ts'
import { buildRange } from '../reports/rangeReport.ts'
import { rangeReportWorkbook } from '../reports/rangeReportXlsx.ts'

const localTime = (iso: string) => {
  const d = new Date(iso)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

type ReportMethods = 'reports.dailyLog' | 'reports.dailyLogXlsx' | 'reports.range' | 'reports.rangeXlsx'

export const reportHandlers: PartialHandlerTable<ReportMethods> = {
  'reports.dailyLog': (ctx, { date }) => buildDailyLog(ctx.db, date ?? ctx.today()),
  'reports.dailyLogXlsx': async (ctx, { date }) => {
    const day = date ?? ctx.today()
    const buffer = await dailyLogWorkbook(buildDailyLog(ctx.db, day), readSettings(ctx.db).clinicName, localTime)
    return { fileName: `一日当面咨询表-${day}.xlsx`, base64: buffer.toString('base64') }
  },
  'reports.range': (ctx, { from, to }) => buildRange(ctx.db, from, to),
  'reports.rangeXlsx': async (ctx, { from, to }) => {
    const buffer = await rangeReportWorkbook(buildRange(ctx.db, from, to), readSettings(ctx.db).clinicName)
    return { fileName: `区间报表-${from}至${to}.xlsx`, base64: buffer.toString('base64') }
  },
}
