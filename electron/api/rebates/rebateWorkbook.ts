import ExcelJS from 'exceljs'
import type { RebateEntry, RebateStatement } from '../../../core/api/rebates.ts'
import type { RebateLine, RebateRule } from '../../../core/domain/rebateTypes.ts'
import { formatFen } from '../../../core/money/index.ts'

/** Fen as a yuan number for a cell (exact: at most two decimals); empty when there is none. */
const yuan = (fen: number | null) => (fen === null ? null : Number(formatFen(fen, { symbol: false, grouping: false })))

const RULE_ZH: Record<RebateRule, string> = { excluded: '不计返款', special_rate: '特价微整', store_share: '按比例返款' }

const HEADER = [
  '类型', '缴费单号', '顾客', '到店日期', '店家', '业务员', '介绍人', '项目编码', '项目', '数量', '计算方式',
  '实收（元）', '扣除（元）', '基数（元）', '返款（元）', '成交额（元）', '提成（元）', '介绍人提成（元）', '业务员提成（元）',
]
/** The columns holding money, from 1. */
const FIRST_MONEY = 12
const WIDTHS = [10, 16, 10, 12, 16, 10, 10, 10, 22, 6, 12, 12, 12, 12, 12, 12, 12, 14, 14]

function kindText(entry: RebateEntry): string {
  if (entry.kind === 'store_rebate') return entry.reversal ? '返款冲回' : '店家返款'
  return entry.reversal ? '提成冲回' : '介绍提成'
}

function entryHead(entry: RebateEntry): (string | number | null)[] {
  return [kindText(entry), entry.sheetNo, entry.clientName, entry.visitDate, entry.storeName, entry.salespersonName, entry.referrerName]
}

function lineRow(entry: RebateEntry, line: RebateLine): (string | number | null)[] {
  return [
    ...entryHead(entry),
    line.code, line.name, line.quantity, RULE_ZH[line.rule],
    yuan(line.netFen), yuan(line.excludedFen), yuan(line.baseFen), yuan(line.shareFen), null, null, null, null,
  ]
}

function referralRow(entry: RebateEntry): (string | number | null)[] {
  return [...entryHead(entry), '', '', null, '', null, null, null, null, yuan(entry.paidFen), yuan(entry.commissionFen), yuan(entry.referrerFen), yuan(entry.salespersonFen)]
}

/**
 * A month's rebate statement as an XLSX workbook for the clinic's managers and the stores: one row per line of
 * each store rebate (its reversal's lines negative), one row per referral commission, and a totals row equal
 * to the statement's totals. Money is in yuan as numbers with two decimals.
 */
export async function rebateWorkbook(statement: RebateStatement, clinicName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = clinicName
  const sheet = workbook.addWorksheet('返款月结单', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } })
  const { period, scope, entries, totals } = statement
  sheet.addRow([`${clinicName} ${scope.title} ${period.period} 返款月结单${period.closed ? '（已结账）' : '（未结账）'}`]).font = { bold: true, size: 14 }
  sheet.mergeCells(1, 1, 1, HEADER.length)
  sheet.addRow(HEADER).font = { bold: true }
  for (const entry of entries) {
    if (entry.kind === 'referral') sheet.addRow(referralRow(entry))
    else for (const line of entry.lines) sheet.addRow(lineRow(entry, line))
  }
  const referrals = entries.filter((e) => e.kind === 'referral')
  const sum = (pick: (e: RebateEntry) => number) => referrals.reduce((s, e) => s + pick(e), 0)
  const total = sheet.addRow([
    '合计', `${totals.rebates} 笔返款，${totals.reversals} 笔冲回，${referrals.length} 笔提成`, null, null, null, null, null, null, null, null, null,
    yuan(totals.paidFen), yuan(totals.excludedFen), yuan(totals.baseFen), yuan(totals.storeShareFen),
    yuan(sum((e) => e.paidFen)), yuan(statement.commissionFen), yuan(sum((e) => e.referrerFen)), yuan(sum((e) => e.salespersonFen)),
  ])
  total.font = { bold: true }
  sheet.columns.forEach((column, i) => {
    column.width = WIDTHS[i] ?? 10
    if (i + 1 >= FIRST_MONEY) column.numFmt = '#,##0.00'
  })
  sheet.getRow(1).getCell(1).numFmt = '@'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
