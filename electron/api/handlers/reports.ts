import { readSettings } from '../../../db/settings.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { buildDailyLog } from '../reports/dailyLog.ts'
import { dailyLogWorkbook } from '../reports/dailyLogXlsx.ts'

const localTime = (iso: string) => {
  const d = new Date(iso)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

export const reportHandlers: PartialHandlerTable<'reports.dailyLog' | 'reports.dailyLogXlsx'> = {
  'reports.dailyLog': (ctx, { date }) => buildDailyLog(ctx.db, date ?? ctx.today()),
  'reports.dailyLogXlsx': async (ctx, { date }) => {
    const day = date ?? ctx.today()
    const buffer = await dailyLogWorkbook(buildDailyLog(ctx.db, day), readSettings(ctx.db).clinicName, localTime)
    return { fileName: `一日当面咨询表-${day}.xlsx`, base64: buffer.toString('base64') }
  },
}
