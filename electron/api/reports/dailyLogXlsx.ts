import ExcelJS from 'exceljs'
import type { DailyLog } from '../../../core/api/visits.ts'
import { VISIT_LABELS } from '../../../core/i18n/visitLabels.ts'
import { formatFen } from '../../../core/money/index.ts'

const { type: TYPE, channel: CHANNEL, status: STATUS, assignedBy: HOW } = VISIT_LABELS['zh-CN']

/** Fen as a yuan number for a spreadsheet cell (exact: at most two decimals); empty when there is none. */
const yuan = (fen: number | undefined) => (fen === undefined ? null : Number(formatFen(fen, { symbol: false, grouping: false })))

/** The daily consultation log as an XLSX workbook (Chinese headers: it is handed to the clinic's managers). */
export async function dailyLogWorkbook(log: DailyLog, clinicName: string, timeOf: (iso: string) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = clinicName
  const sheet = workbook.addWorksheet('一日当面咨询表', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } })
  sheet.mergeCells('A1:L1')
  sheet.getCell('A1').value = `${clinicName} 一日当面咨询表 ${log.date}`
  sheet.getCell('A1').font = { bold: true, size: 14 }
  const header = ['序号', '到店时间', '排队号', '顾客', '档案号', '类型', '渠道', '咨询师', '分配方式', '状态', '结果', '金额（元）']
  sheet.addRow(header).font = { bold: true }
  log.visits.forEach((v, i) => {
    sheet.addRow([
      i + 1,
      timeOf(v.registeredAt),
      v.queueNo,
      v.clientName,
      v.archiveNo,
      TYPE[v.type],
      CHANNEL[v.channel],
      v.consultantName ?? '',
      v.assignedBy ? HOW[v.assignedBy] : '',
      STATUS[v.status],
      v.outcome === 'deal' ? '成交' : v.outcome === 'no_deal' ? `未成交：${v.noDealReason}` : '',
      yuan(log.amounts[v.id]),
    ]).getCell(12).numFmt = '#,##0.00'
  })
  sheet.addRow([])
  sheet.addRow(['咨询师', '接待', '成交', '未成交', '金额（元）']).font = { bold: true }
  for (const t of log.totals) sheet.addRow([t.name || '（未分配）', t.visits, t.deals, t.noDeals, yuan(t.amountFen)]).getCell(5).numFmt = '#,##0.00'
  sheet.columns.forEach((column, i) => (column.width = [6, 10, 8, 12, 14, 10, 10, 10, 10, 12, 24, 12][i] ?? 10))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
