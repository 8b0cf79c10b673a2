import type { FeeDeposit, FeeSheet } from '../../../../core/domain/feeSheet.ts'
import type { PriceItem } from '../../../../core/domain/priceItem.ts'
import { sheetTotals } from '../../../../core/fees/compute.ts'
import type { FeeResult } from '../../../../core/fees/errors.ts'
import type { Discount, FeeLine, RoundDown, SheetTotals } from '../../../../core/fees/types.ts'
import type { DraftInput } from '../../stores/feeSheet.ts'

/** What the fee sheet's page edits; the lines keep their snapshots for display (the server keeps its own). */
export interface FeeForm {
  lines: FeeLine[]
  sheetDiscount: Discount | null
  roundDown: RoundDown
  deposits: FeeDeposit[]
  note: string
}

/** A new line for a price-list item, shown at its list price until the server has saved it. */
export function lineFromPriceItem(item: PriceItem): FeeLine {
  return {
    itemId: item.id,
    code: item.code,
    name: item.name,
    unit: item.unit,
    category: item.category,
    unitPrice: item.listPriceFen,
    floorPrice: item.floorPriceFen,
    quantity: 1,
    discount: null,
  }
}

export function formOf(sheet: FeeSheet): FeeForm {
  return structuredClone({ lines: sheet.lines, sheetDiscount: sheet.sheetDiscount, roundDown: sheet.roundDown, deposits: sheet.deposits, note: sheet.note })
}

/** The form as fees.saveDraft takes it: items and quantities, never prices. */
export function draftInputOf(form: FeeForm): DraftInput {
  return {
    lines: form.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity, discount: l.discount })),
    sheetDiscount: form.sheetDiscount,
    roundDown: form.roundDown,
    deposits: form.deposits.map((d) => ({ fen: d.fen, note: d.note })),
    note: form.note,
  }
}

/** The figures of the form as the main process will work them out (the same pure function). */
export function totalsOf(form: FeeForm): FeeResult<SheetTotals> {
  return sheetTotals({ lines: form.lines, sheetDiscount: form.sheetDiscount, roundDown: form.roundDown, deposits: form.deposits.map((d) => d.fen), payments: [] })
}

/** Line index -> fen short of its floor. */
export function shortByLine(totals: SheetTotals | null): Map<number, number> {
  return new Map((totals?.floorViolations ?? []).map((v) => [v.lineIndex, v.shortBy]))
}
