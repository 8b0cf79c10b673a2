import type { RebateRates } from '../../../../core/domain/rebateRates.ts'
import type { FeeLine } from '../../../../core/fees/types.ts'

/**
 * 打版 (DOMAIN.md "Store-staff rate"): a partner store's staff or their relatives pay a share of list price
 * for surgery — 40% without consumables, 45% with them (settings, rebate rates). The price list has no
 * surgery category: the surgery is the sheet's treatment lines and its consumables its consumable lines, so
 * the rate goes on both, and it is the with-consumables rate when the sheet has any consumable line.
 * Anaesthesia, tests, stay, infusion and medicine keep their prices. Set as each line's own discount, so the
 * sheet, its print and the rebate base show it as a discount; under a floor price an administrator still
 * confirms with a reason. Returns the rate applied (percent of list price) and how many lines it set.
 */
export function applyStoreStaffRate(lines: FeeLine[], rates: RebateRates): { percent: number; lines: number } {
  const withConsumables = lines.some((l) => l.category === 'consumable')
  const percent = (withConsumables ? rates.storeStaffSurgeryWithConsumablesBp : rates.storeStaffSurgeryBp) / 100
  let changed = 0
  for (const line of lines) {
    if (line.category !== 'treatment' && line.category !== 'consumable') continue
    line.discount = { kind: 'rate', percent }
    changed += 1
  }
  return { percent, lines: changed }
}
