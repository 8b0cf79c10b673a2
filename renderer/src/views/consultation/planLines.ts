import type { PlanLine } from '../../../../core/domain/consultation.ts'
import type { PriceItem } from '../../../../core/domain/priceItem.ts'

/** The line of the plan for a price-list item: a snapshot of its code, name, unit and list price. */
export function lineFromItem(item: PriceItem): PlanLine {
  return { itemId: item.id, code: item.code, name: item.name, unit: item.unit, unitPriceFen: item.listPriceFen, quantity: 1, note: '' }
}

export function emptyLine(): PlanLine {
  return { itemId: null, code: '', name: '', unit: '', unitPriceFen: null, quantity: 1, note: '' }
}
