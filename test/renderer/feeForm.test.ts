import { describe, expect, it } from 'vitest'
import type { PriceItem } from '../../core/domain/priceItem.ts'
import { sheetTotals } from '../../core/fees/compute.ts'
import { draftInputOf, formOf, lineFromPriceItem, shortByLine, totalsOf, type FeeForm } from '../../renderer/src/views/fees/feeForm.ts'
import { feeSheet, photoLine, threadLine } from './fees.fixtures.ts'

function form(overrides: Partial<FeeForm> = {}): FeeForm {
  return { lines: structuredClone([photoLine, threadLine]), sheetDiscount: null, roundDown: 'none', deposits: [], note: '', ...overrides }
}

describe('fee form: what is sent', () => {
  it('sends items, quantities and discounts only, never a price, a name or a floor', () => {
    const input = draftInputOf(
      form({
        lines: [{ ...photoLine, discount: { kind: 'rate', percent: 85 } }, { ...threadLine, quantity: 3, discount: { kind: 'amount', fen: 1050 } }],
        sheetDiscount: { kind: 'amount', fen: 500 },
        roundDown: 'jiao',
        deposits: [{ fen: 20000, note: '收据 0031' }],
        note: '分两次治疗',
      }),
    )
    expect(input).toEqual({
      lines: [
        { itemId: 11, quantity: 1, discount: { kind: 'rate', percent: 85 } },
        { itemId: 12, quantity: 3, discount: { kind: 'amount', fen: 1050 } },
      ],
      sheetDiscount: { kind: 'amount', fen: 500 },
      roundDown: 'jiao',
      deposits: [{ fen: 20000, note: '收据 0031' }],
      note: '分两次治疗',
    })
    for (const line of input.lines) expect(Object.keys(line).sort()).toEqual(['discount', 'itemId', 'quantity'])
    expect(JSON.stringify(input)).not.toMatch(/unitPrice|floorPrice|code|name|unit"|category/)
  })

  it('turns a price-list item into a line of one at its list price and floor', () => {
    const item: PriceItem = {
      id: 3,
      code: 'L001',
      name: '血常规',
      category: 'lab_test',
      unit: '项',
      listPriceFen: 4550,
      floorPriceFen: null,
      costFen: 1000,
      specialPrice: false,
      serviceCategory: null,
      invasive: false,
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }
    expect(lineFromPriceItem(item)).toEqual({ itemId: 3, code: 'L001', name: '血常规', unit: '项', category: 'lab_test', unitPrice: 4550, floorPrice: null, quantity: 1, discount: null })
  })
})

describe('fee form: from a stored sheet', () => {
  it('is a deep copy: editing the form leaves the stored sheet as it was', () => {
    const sheet = feeSheet({ sheetDiscount: { kind: 'rate', percent: 95 }, deposits: [{ fen: 10000, note: 'A' }], note: '备注' })
    const before = structuredClone(sheet)
    const copy = formOf(sheet)
    expect(copy).toEqual({ lines: sheet.lines, sheetDiscount: sheet.sheetDiscount, roundDown: 'none', deposits: sheet.deposits, note: '备注' })
    copy.lines[0]!.quantity = 9
    copy.lines[1]!.discount = { kind: 'amount', fen: 1 }
    copy.lines.push({ ...threadLine })
    ;(copy.sheetDiscount as { percent: number }).percent = 50
    copy.deposits[0]!.fen = 1
    expect(sheet).toEqual(before)
    expect(copy.lines).not.toBe(sheet.lines)
    expect(copy.lines[0]).not.toBe(sheet.lines[0])
  })
})

describe('fee form: figures', () => {
  it('works the figures out exactly as sheetTotals does, deposits as fen and no payments', () => {
    const f = form({
      lines: [{ ...photoLine, discount: { kind: 'rate', percent: 88 } }, { ...threadLine, quantity: 3 }],
      sheetDiscount: { kind: 'amount', fen: 333 },
      roundDown: 'yuan',
      deposits: [{ fen: 50000, note: '定金' }],
    })
    const expected = sheetTotals({ lines: f.lines, sheetDiscount: f.sheetDiscount, roundDown: 'yuan', deposits: [50000], payments: [] })
    expect(totalsOf(f)).toEqual(expected)
    expect(expected.ok && expected.value).toMatchObject({ subtotal: 218150, lineDiscounts: 15360, sheetDiscount: 333, total: 202400, deposits: 50000, payable: 152400 })
  })

  it('gives the same errors as sheetTotals for a discount larger than its line', () => {
    const f = form({ lines: [photoLine, { ...threadLine, discount: { kind: 'amount', fen: 60101 } }] })
    expect(totalsOf(f)).toEqual({ ok: false, errors: [{ code: 'discount_exceeds_amount', scope: 'line', index: 1 }] })
  })

  it('maps each line under its floor to the fen it is short, and nothing when there are no totals', () => {
    const under = totalsOf(form({ lines: [{ ...photoLine, quantity: 2, discount: { kind: 'rate', percent: 70 } }, threadLine] }))
    expect(under.ok).toBe(true)
    if (!under.ok) return
    // floor 2 × 1,024.00 = 2,048.00; charged 2 × 1,280.00 × 70% = 1,792.00
    expect(shortByLine(under.value)).toEqual(new Map([[0, 25600]]))
    const clean = totalsOf(form())
    expect(clean.ok && shortByLine(clean.value).size).toBe(0)
    expect(shortByLine(null)).toEqual(new Map())
  })
})
