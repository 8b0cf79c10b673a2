import ExcelJS from 'exceljs'
import { PRICE_CATEGORY_NAMES_ZH, fenToYuanText, type PriceItem } from '../../../core/domain/priceItem.ts'
import { EXPORT_HEADERS, IMPORT_COLUMNS } from './priceSheet.ts'

const WIDTHS = [14, 30, 12, 8, 12, 12, 12, 8, 10]

/**
 * The price list as a workbook clinics keep in Excel: Chinese headers in row 1 (the import reads them
 * back), money in yuan as numbers with two decimals, categories by their Chinese names, 是/否 for active and for special price (特价微整).
 * Exported then imported unchanged, it changes nothing.
 */
export async function priceListWorkbook(items: PriceItem[], clinicName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = clinicName
  const sheet = workbook.addWorksheet('价目表', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(IMPORT_COLUMNS.map((column) => EXPORT_HEADERS[column])).font = { bold: true }
  const yuan = (fen: number | null) => (fen === null ? null : Number(fenToYuanText(fen)))
  for (const item of items) {
    sheet.addRow([
      item.code,
      item.name,
      PRICE_CATEGORY_NAMES_ZH[item.category],
      item.unit,
      yuan(item.listPriceFen),
      yuan(item.floorPriceFen),
      yuan(item.costFen),
      item.active ? '是' : '否',
      item.specialPrice ? '是' : '否',
    ])
  }
  sheet.columns.forEach((column, i) => {
    column.width = WIDTHS[i] ?? 10
    if (i >= 4 && i <= 6) column.numFmt = '#,##0.00'
  })
  // Codes are text even when they look like numbers (00123 must stay 00123).
  sheet.getColumn(1).numFmt = '@'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
