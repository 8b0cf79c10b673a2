import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PAYMENT_METHODS, feeSheetInputSchema, floorViolations, sheetTotals, type FeeLine, type FeeSheetInput, type SheetTotals } from '../../../core/fees/index.ts'
import { lineArb, sheetArb } from './arbitraries.ts'

const RUNS = { numRuns: 500 }

function ok(input: FeeSheetInput): SheetTotals {
  const r = sheetTotals(input)
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`)
  return r.value
}

/** Half-up to the fen of exact/10,000 (exact = value × basis points): −5000 < r·10000 − exact ≤ 5000. */
function isHalfUpOf(r: number, value: number, basisPoints: number): boolean {
  const diff = BigInt(r) * 10000n - BigInt(value) * BigInt(basisPoints)
  return diff > -5000n && diff <= 5000n
}

describe('fee sheet properties', () => {
  it('the total is the sum of the lines less the discounts and the 抹零', () => {
    fc.assert(
      fc.property(sheetArb, (input) => {
        const t = ok(input)
        expect(t.subtotal).toBe(input.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0))
        expect(t.lineDiscounts).toBe(t.lines.reduce((s, l) => s + l.discount, 0))
        expect(t.total).toBe(t.subtotal - t.lineDiscounts - t.sheetDiscount - t.roundOff)
        t.lines.forEach((f, i) => {
          const line = input.lines[i] as FeeLine
          expect(f.gross).toBe(line.unitPrice * line.quantity)
          expect(f.gross - f.discount).toBe(f.amount)
          const d = line.discount
          if (d === null) expect(f.discount).toBe(0)
          else if (d.kind === 'amount') expect(f.discount).toBe(d.fen)
          else expect(isHalfUpOf(f.amount, f.gross, Math.round(d.percent * 100))).toBe(true)
        })
      }),
      RUNS,
    )
  })

  it('the whole-sheet discount rate is applied after the line discounts, half-up to the fen', () => {
    fc.assert(
      fc.property(sheetArb, (input) => {
        const t = ok(input)
        const afterLines = t.subtotal - t.lineDiscounts
        const d = input.sheetDiscount
        if (d === null) expect(t.sheetDiscount).toBe(0)
        else if (d.kind === 'amount') expect(t.sheetDiscount).toBe(d.fen)
        else expect(isHalfUpOf(afterLines - t.sheetDiscount, afterLines, Math.round(d.percent * 100))).toBe(true)
      }),
      RUNS,
    )
  })

  it('nothing is ever negative, and nothing costs more than its list price', () => {
    fc.assert(
      fc.property(sheetArb, (input) => {
        const t = ok(input)
        for (const v of [t.subtotal, t.lineDiscounts, t.sheetDiscount, t.roundOff, t.total, t.deposits, t.payable, t.paid, t.balance]) {
          expect(Number.isSafeInteger(v)).toBe(true)
          expect(v).toBeGreaterThanOrEqual(0)
        }
        expect(t.total).toBeLessThanOrEqual(t.subtotal)
        for (const l of t.lines) {
          for (const v of [l.gross, l.discount, l.amount, l.sheetDiscountShare, l.roundOffShare, l.net]) expect(v).toBeGreaterThanOrEqual(0)
          expect(l.net).toBeLessThanOrEqual(l.amount)
          expect(l.amount).toBeLessThanOrEqual(l.gross)
        }
      }),
      RUNS,
    )
  })

  it('抹零 only drops what is under a jiao or a yuan, and nothing without it', () => {
    fc.assert(
      fc.property(sheetArb, (input) => {
        const t = ok(input)
        const unit = { none: 1, jiao: 10, yuan: 100 }[input.roundDown]
        expect(t.total % unit).toBe(0)
        expect(t.roundOff).toBeLessThan(unit)
        // the same sheet without 抹零 costs exactly roundOff more
        expect(ok({ ...input, roundDown: 'none', deposits: [], payments: [] }).total).toBe(t.total + t.roundOff)
      }),
      RUNS,
    )
  })

  it('the line nets add up to the total; the shares to the sheet discount and the 抹零', () => {
    fc.assert(
      fc.property(sheetArb, (input) => {
        const t = ok(input)
        expect(t.lines.reduce((s, l) => s + l.net, 0)).toBe(t.total)
        expect(t.lines.reduce((s, l) => s + l.sheetDiscountShare, 0)).toBe(t.sheetDiscount)
        expect(t.lines.reduce((s, l) => s + l.roundOffShare, 0)).toBe(t.roundOff)
        for (const l of t.lines) expect(l.net).toBe(l.amount - l.sheetDiscountShare - l.roundOffShare)
      }),
      RUNS,
    )
  })

  it('deposits and payments balance: deposits + paid + balance = total, per method too', () => {
    fc.assert(
      fc.property(sheetArb, (input) => {
        const t = ok(input)
        expect(t.deposits).toBe(input.deposits.reduce((s, d) => s + d, 0))
        expect(t.paid).toBe(input.payments.reduce((s, p) => s + p.fen, 0))
        expect(t.payable).toBe(t.total - t.deposits)
        expect(t.deposits + t.paid + t.balance).toBe(t.total)
        expect(t.balance).toBeGreaterThanOrEqual(0)
        expect(PAYMENT_METHODS.reduce((s, m) => s + t.paidByMethod[m], 0)).toBe(t.paid)
        for (const m of PAYMENT_METHODS) {
          expect(t.paidByMethod[m]).toBe(input.payments.filter((p) => p.method === m).reduce((s, p) => s + p.fen, 0))
        }
      }),
      RUNS,
    )
  })

  it('one fen more than is payable is refused; one fen more deposit than the total is refused', () => {
    fc.assert(
      fc.property(sheetArb, fc.constantFrom(...PAYMENT_METHODS), (input, method) => {
        const t = ok(input)
        const over = sheetTotals({ ...input, payments: [...input.payments, { method, fen: t.balance + 1 }] })
        expect(over.ok ? [] : over.errors.map((e) => e.code)).toEqual(['payments_exceed_payable'])
        if (t.balance > 0) expect(sheetTotals({ ...input, payments: [...input.payments, { method, fen: t.balance }] }).ok).toBe(true)
        const deposit = sheetTotals({ ...input, deposits: [...input.deposits, t.total - t.deposits + 1], payments: [] })
        expect(deposit.ok ? [] : deposit.errors.map((e) => e.code)).toEqual(['deposits_exceed_total'])
      }),
      RUNS,
    )
  })

  it('an amount discount one fen larger than its line, or a rate over 100%, is refused', () => {
    fc.assert(
      fc.property(sheetArb.filter((s) => s.lines.length > 0), fc.nat(), fc.integer({ min: 1, max: 10_000 }), (input, pick, overBp) => {
        const i = pick % input.lines.length
        const target = input.lines[i] as FeeLine
        const withLine = (l: FeeLine) => ({ ...input, lines: input.lines.map((x, j) => (j === i ? l : x)) })
        const tooMuch = sheetTotals(withLine({ ...target, discount: { kind: 'amount', fen: target.unitPrice * target.quantity + 1 } }))
        expect(tooMuch.ok ? [] : tooMuch.errors).toEqual([{ code: 'discount_exceeds_amount', scope: 'line', index: i }])
        const markup = sheetTotals(withLine({ ...target, discount: { kind: 'rate', percent: 100 + overBp / 100 } }))
        expect(markup.ok ? [] : markup.errors).toEqual([{ code: 'invalid_discount_rate', scope: 'line', index: i }])
      }),
      RUNS,
    )
  })

  it('the order of the lines changes no total', () => {
    fc.assert(
      fc.property(sheetArb, fc.nat(), (input, seed) => {
        const lines = [...input.lines]
        // a deterministic shuffle from the seed
        let s = seed
        for (let i = lines.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2 ** 31
          const j = s % (i + 1)
          ;[lines[i], lines[j]] = [lines[j] as FeeLine, lines[i] as FeeLine]
        }
        const a = ok(input)
        const b = ok({ ...input, lines })
        for (const k of ['subtotal', 'lineDiscounts', 'sheetDiscount', 'roundOff', 'total', 'payable', 'paid', 'balance'] as const) expect(b[k]).toBe(a[k])
      }),
      RUNS,
    )
  })

  it('floors: a line is reported iff charged under floor × quantity; a sheet discount only adds to the list', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), sheetArb, (lines, other) => {
        const own = floorViolations(lines)
        const expected = lines.flatMap((l, i) => {
          if (l.floorPrice === null) return []
          const r = sheetTotals({ lines: [l], sheetDiscount: null, roundDown: 'none', deposits: [], payments: [] })
          if (!r.ok) throw new Error('invalid line')
          return r.value.total < l.floorPrice * l.quantity ? [i] : []
        })
        expect(own.map((v) => v.lineIndex)).toEqual(expected)
        for (const v of own) expect(v.shortBy).toBe(v.floorAmount - v.charged)
        const inSheet = ok({ ...other, lines, deposits: [], payments: [], sheetDiscount: other.sheetDiscount?.kind === 'rate' ? other.sheetDiscount : null })
        const sheetIdx = new Set(inSheet.floorViolations.map((v) => v.lineIndex))
        for (const v of own) expect(sheetIdx.has(v.lineIndex)).toBe(true)
        inSheet.floorViolations.forEach((v) => {
          const l = inSheet.lines[v.lineIndex]
          expect(v.charged).toBe((l?.amount ?? 0) - (l?.sheetDiscountShare ?? 0))
        })
      }),
      RUNS,
    )
  })

  it('every generated sheet passes the input schema (the schema is not stricter than the maths)', () => {
    fc.assert(
      fc.property(sheetArb, (input) => {
        const r = feeSheetInputSchema.safeParse(input)
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true)
      }),
      RUNS,
    )
  })
})
