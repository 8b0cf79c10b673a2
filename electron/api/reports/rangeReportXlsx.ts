import ExcelJS from 'exceljs'
import type { RangeReport, TimeFigures } from '../../../core/domain/rangeReport.ts'
import { VISIT_LABELS } from '../../../core/i18n/visitLabels.ts'
import { formatFen } from '../../../core/money/index.ts'

const { type: TYPE, channel: CHANNEL } = VISIT_LABELS['zh-CN']

/** The workbook's sheets, in order (Chinese: it is handed to the clinic's managers, like the daily log). */
export const RANGE_SHEETS = { summary: '汇总', consultants: '咨询师业绩', types: '到店类型', channels: '来源渠道' } as const

export const RANGE_HEADERS = {
  summary: ['项目', '数值'],
  times: ['时间（分钟）', '人次', '中位数', '90% 分位', '缺少时间（未计入）'],
  consultants: ['咨询师', '轮牌', '指定', '复诊', '店家', '手动', '接待咨询', '成交', '转化率', '业绩（元）'],
  types: ['类型', '到店', '接待咨询', '成交'],
  channels: ['渠道', '到店', '接待咨询', '成交'],
} as const

/** Fen as a yuan number for a spreadsheet cell (exact: at most two decimals). */
const yuan = (fen: number) => Number(formatFen(fen, { symbol: false, grouping: false }))
const MONEY = '#,##0.00'
const PERCENT = '0.0%'

function headerRow(sheet: ExcelJS.Worksheet, values: readonly string[]): void {
  sheet.addRow([...values]).font = { bold: true }
}

function widths(sheet: ExcelJS.Worksheet, columns: number[]): void {
  sheet.columns.forEach((column, i) => (column.width = columns[i] ?? 12))
}

const timeRow = (label: string, t: TimeFigures) => [label, t.count, t.median, t.p90, t.missing]

/** The range report as an XLSX workbook: a summary, the consultants, visits by type and by channel. */
export async function rangeReportWorkbook(report: RangeReport, clinicName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = clinicName
  const title = `${clinicName} 区间报表 ${report.from} 至 ${report.to}（${report.days} 天）`

  const summary = workbook.addWorksheet(RANGE_SHEETS.summary)
  summary.mergeCells('A1:E1')
  summary.getCell('A1').value = title
  summary.getCell('A1').font = { bold: true, size: 14 }
  headerRow(summary, RANGE_HEADERS.summary)
  const { totals } = report
  summary.addRow(['到店人次', totals.visits])
  summary.addRow(['取消登记（未计入到店）', totals.cancelled])
  summary.addRow(['接待咨询', totals.consultations])
  summary.addRow(['成交', totals.deals])
  summary.addRow(['未成交', totals.noDeals])
  summary.addRow(['转化率', totals.conversionRate]).getCell(2).numFmt = PERCENT
  summary.addRow(['业绩（元）', yuan(totals.revenueFen)]).getCell(2).numFmt = MONEY
  summary.addRow([])
  headerRow(summary, RANGE_HEADERS.times)
  summary.addRow(timeRow('候诊时间（到店→首次叫号或开始咨询）', report.waiting))
  summary.addRow(timeRow('咨询时间（开始咨询→离开咨询）', report.consultation))
  widths(summary, [40, 12, 10, 10, 20])

  const consultants = workbook.addWorksheet(RANGE_SHEETS.consultants)
  headerRow(consultants, RANGE_HEADERS.consultants)
  for (const row of report.consultants) {
    const added = consultants.addRow([row.name, row.turns, row.designated, row.returning, row.partner, row.manual, row.consultations, row.deals, row.conversionRate, yuan(row.revenueFen)])
    added.getCell(9).numFmt = PERCENT
    added.getCell(10).numFmt = MONEY
  }
  widths(consultants, [14, 8, 8, 8, 8, 8, 10, 8, 10, 14])

  const types = workbook.addWorksheet(RANGE_SHEETS.types)
  headerRow(types, RANGE_HEADERS.types)
  for (const row of report.byType) types.addRow([TYPE[row.type], row.visits, row.consultations, row.deals])
  widths(types, [14, 10, 10, 10])

  const channels = workbook.addWorksheet(RANGE_SHEETS.channels)
  headerRow(channels, RANGE_HEADERS.channels)
  for (const row of report.byChannel) channels.addRow([CHANNEL[row.channel] ?? row.channel, row.visits, row.consultations, row.deals])
  widths(channels, [14, 10, 10, 10])

  return Buffer.from(await workbook.xlsx.writeBuffer())
}
