import fc from 'fast-check'
import { FEE_CATEGORIES, PAYMENT_METHODS, sheetTotals, type Discount, type FeeLine, type FeeSheetInput, type Payment } from '../../../core/fees/index.ts'

/** Prices as a clinic has them: mostly round, some with fen, some large (implants, surgery). */
export const unitPriceArb = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 1, max: 20_000 }).map((y) => y * 100),
  fc.integer({ min: 0, max: 50_000_000 }),
)

/** A rate with at most two decimals, often whole or half, as 8折, 8.5折, 8.55折. */
export const percentArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 200 }).map((x) => x / 2),
  fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100),
)

export function discountArb(base: number): fc.Arbitrary<Discount | null> {
  return fc.oneof(
    fc.constant(null),
    percentArb.map((percent): Discount => ({ kind: 'rate', percent })),
    fc.integer({ min: 0, max: base }).map((fen): Discount => ({ kind: 'amount', fen })),
  )
}

export const lineArb: fc.Arbitrary<FeeLine> = fc
  .record({
    itemId: fc.integer({ min: 1, max: 10_000 }),
    code: fc.stringMatching(/^[A-Z]{1,3}[0-9]{2,4}$/),
    name: fc.constantFrom('双眼皮', '玻尿酸', '局麻', '血常规', '住院', '补液', '头孢', '假体'),
    unit: fc.constantFrom('次', '支', 'ml', '盒', '天'),
    category: fc.constantFrom(...FEE_CATEGORIES),
    unitPrice: unitPriceArb,
    quantity: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 20 })),
    floorBp: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
  })
  .chain(({ floorBp, ...rest }) =>
    discountArb(rest.unitPrice * rest.quantity).map(
      (discount): FeeLine => ({
        ...rest,
        floorPrice: floorBp === null ? null : Math.floor((rest.unitPrice * floorBp) / 10_000),
        discount,
      }),
    ),
  )

/** A valid sheet: discounts within their lines, deposits within the total, payments within what is payable. */
export const sheetArb: fc.Arbitrary<FeeSheetInput> = fc
  .record({
    lines: fc.array(lineArb, { minLength: 0, maxLength: 12 }),
    roundDown: fc.constantFrom('none' as const, 'jiao' as const, 'yuan' as const),
    sheetDiscountKind: fc.constantFrom('none', 'rate', 'amount'),
    sheetPercent: percentArb,
    sheetAmountFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    depositFractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
    paymentParts: fc.array(fc.record({ method: fc.constantFrom(...PAYMENT_METHODS), part: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 4 }),
    settle: fc.boolean(),
  })
  .map((r) => {
    const bare: FeeSheetInput = { lines: r.lines, sheetDiscount: null, roundDown: 'none', deposits: [], payments: [] }
    const before = sheetTotals(bare)
    if (!before.ok) throw new Error(`generator made an invalid sheet: ${JSON.stringify(before.errors)}`)
    const afterLines = before.value.total
    const sheetDiscount: Discount | null =
      r.sheetDiscountKind === 'rate'
        ? { kind: 'rate', percent: r.sheetPercent }
        : r.sheetDiscountKind === 'amount'
          ? { kind: 'amount', fen: Math.floor(afterLines * r.sheetAmountFraction) }
          : null
    const priced = sheetTotals({ ...bare, sheetDiscount, roundDown: r.roundDown })
    if (!priced.ok) throw new Error(`generator made an invalid sheet: ${JSON.stringify(priced.errors)}`)
    const total = priced.value.total
    // deposits: successive parts of what is left of the total
    const deposits: number[] = []
    let left = total
    for (const f of r.depositFractions) {
      const d = Math.floor(left * f)
      if (d > 0) {
        deposits.push(d)
        left -= d
      }
    }
    const payments: Payment[] = []
    for (const p of r.paymentParts) {
      const fen = Math.floor(left * p.part)
      if (fen > 0) {
        payments.push({ method: p.method, fen })
        left -= fen
      }
    }
    if (r.settle && left > 0) payments.push({ method: 'cash', fen: left })
    return { lines: r.lines, sheetDiscount, roundDown: r.roundDown, deposits, payments }
  })
