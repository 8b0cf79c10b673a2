import { describe, expect, it } from 'vitest'
import { DEFAULT_REBATE_RATES } from '../../../core/domain/rebateRates.ts'
import type { FeeLine } from '../../../core/fees/types.ts'
import { applyStoreStaffRate } from '../../../renderer/src/views/fees/storeStaffRate.ts'

const line = (category: FeeLine['category'], code: string): FeeLine => ({
  itemId: code.length,
  code,
  name: code,
  unit: '次',
  category,
  unitPrice: 100000,
  floorPrice: null,
  quantity: 1,
  discount: { kind: 'amount', fen: 100 },
})

describe('the store-staff rate (打版)', () => {
  it('is 40% of list price on the treatment lines of a sheet without consumables; other categories keep their discount', () => {
    const lines = [line('treatment', 'T005'), line('anaesthesia', 'M001'), line('lab_test', 'L001')]
    expect(applyStoreStaffRate(lines, DEFAULT_REBATE_RATES)).toEqual({ percent: 40, lines: 1 })
    expect(lines.map((l) => l.discount)).toEqual([{ kind: 'rate', percent: 40 }, { kind: 'amount', fen: 100 }, { kind: 'amount', fen: 100 }])
  })

  it('is 45% on the treatment and consumable lines once the sheet has a consumable, at the rates of the settings', () => {
    const lines = [line('treatment', 'T008'), line('consumable', 'C002'), line('medicine', 'Y001')]
    expect(applyStoreStaffRate(lines, DEFAULT_REBATE_RATES)).toEqual({ percent: 45, lines: 2 })
    expect(lines.map((l) => l.discount)).toEqual([{ kind: 'rate', percent: 45 }, { kind: 'rate', percent: 45 }, { kind: 'amount', fen: 100 }])
    const custom = { ...DEFAULT_REBATE_RATES, storeStaffSurgeryWithConsumablesBp: 4750 }
    expect(applyStoreStaffRate(lines, custom)).toEqual({ percent: 47.5, lines: 2 })
  })

  it('sets nothing on a sheet with no surgery or consumable lines', () => {
    const lines = [line('infusion', 'I001')]
    expect(applyStoreStaffRate(lines, DEFAULT_REBATE_RATES)).toEqual({ percent: 40, lines: 0 })
    expect(lines[0]!.discount).toEqual({ kind: 'amount', fen: 100 })
  })
})
