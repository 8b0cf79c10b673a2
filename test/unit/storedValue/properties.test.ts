import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bonusFor } from '../../../core/domain/storedValue.ts'
import { dbPathIn, useTempDir } from '../../helpers/tempDb.ts'
import { makeClock, openDesk } from '../../integration/harness.ts'

const tempDir = useTempDir()

type Op =
  | { kind: 'topUp'; fen: number }
  | { kind: 'pay'; quantity: number; storedFen: number }
  | { kind: 'refund'; fen: number }
  | { kind: 'void'; pick: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('topUp' as const), fen: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ kind: fc.constant('pay' as const), quantity: fc.integer({ min: 1, max: 30 }), storedFen: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ kind: fc.constant('refund' as const), fen: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat({ max: 20 }) }),
)

describe('a stored-value account under any sequence of top-ups, payments, voids and refunds', () => {
  it('keeps the balance = Σ ledger, never negative, equal to a model; a refused operation changes nothing', async () => {
    const d = openDesk(dbPathIn(tempDir()), makeClock())
    await d.setting({ storedValueBonusRules: [{ minFen: 1000, bonusFen: 100 }, { minFen: 2500, bonusFen: 400 }] })
    // ¥1.00 a unit, so a sheet of `quantity` is payable quantity × 100 fen.
    const item = await d.call('prices.create', { code: 'YP01', name: '药品', category: 'anaesthesia', unit: '支', listPriceFen: 100 })
    const ledgerRows = () => d.db.prepare('SELECT id, amount_fen FROM stored_value_ledger ORDER BY id').all()
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 10 }), async (ops) => {
        const { visit, client } = await d.arrive(`顾客${++n}`, 'first')
        const clientId = client.id
        let model = 0
        const paid: { id: number; storedFen: number }[] = []
        for (const op of ops) {
          const before = ledgerRows()
          if (op.kind === 'topUp') {
            await d.call('storedValue.topUp', { clientId, amountFen: op.fen, method: 'cash' })
            model += op.fen + bonusFor(op.fen, [{ minFen: 1000, bonusFen: 100 }, { minFen: 2500, bonusFen: 400 }])
          } else if (op.kind === 'refund') {
            const result = await d.send('storedValue.refund', { clientId, amountFen: op.fen, reason: '退' })
            if (op.fen > model) {
              expect(result.ok ? 'ok' : result.error.code).toBe('rule_violation')
              expect(ledgerRows()).toEqual(before)
            } else {
              expect(result.ok).toBe(true)
              model -= op.fen
            }
          } else if (op.kind === 'pay') {
            const payable = op.quantity * 100
            const stored = Math.min(op.storedFen, payable)
            const draft = await d.call('fees.create', { visitId: visit.id })
            const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId: item.id, quantity: op.quantity }] })
            const sheet = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
            const payments = [{ method: 'stored_value' as const, fen: stored }, ...(payable > stored ? [{ method: 'cash' as const, fen: payable - stored }] : [])]
            if (stored > model) {
              const error = await d.refusedCleanly('fees.pay', { id: sheet.id, payments })
              expect(error.code).toBe('rule_violation')
              expect(ledgerRows()).toEqual(before)
            } else {
              await d.call('fees.pay', { id: sheet.id, payments })
              model -= stored
              paid.push({ id: sheet.id, storedFen: stored })
            }
          } else if (paid.length > 0) {
            const [target] = paid.splice(op.pick % paid.length, 1)
            await d.call('fees.void', { id: target!.id, reason: '作废' })
            model += target!.storedFen
          }
          const account = await d.call('storedValue.account', { clientId })
          const sum = d.db.prepare('SELECT coalesce(sum(amount_fen), 0) FROM stored_value_ledger WHERE client_id = ?').pluck().get(clientId)
          expect(account.balanceFen).toBe(model)
          expect(sum).toBe(model)
          expect(account.balanceFen).toBeGreaterThanOrEqual(0)
          expect(account.toppedUpFen + account.bonusFen - account.spentFen - account.refundedFen).toBe(model)
          // Every running balance is the sum up to its entry, and none is negative.
          const oldestFirst = [...account.entries].reverse()
          let running = 0
          for (const e of oldestFirst) {
            running += e.amountFen
            expect(e.balanceFen).toBe(running)
            expect(e.balanceFen).toBeGreaterThanOrEqual(0)
          }
        }
      }),
      {
        numRuns: 20,
        // One run known to go through every kind of movement (a top-up with a bonus, a stored-value payment, its
        // void, a refund), so the check below does not hang on what the random runs happened to draw.
        examples: [[[{ kind: 'topUp', fen: 3000 }, { kind: 'pay', quantity: 10, storedFen: 1000 }, { kind: 'void', pick: 0 }, { kind: 'refund', fen: 500 }]]],
      },
    )
    // The runs really went through every kind of movement.
    const kinds = d.db.prepare('SELECT DISTINCT kind FROM stored_value_ledger ORDER BY kind').pluck().all()
    expect(kinds).toEqual(['bonus', 'payment', 'payment_reversal', 'refund', 'top_up'])
    d.close()
  }, 120_000)
})

describe('bonusFor', () => {
  it('is the bonus of the largest rule reached, 0 when none is', () => {
    const rule = fc.record({ minFen: fc.integer({ min: 1, max: 100_000 }), bonusFen: fc.integer({ min: 0, max: 10_000 }) })
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 6 }), fc.integer({ min: 0, max: 120_000 }), (rules, amount) => {
        const reached = rules.filter((r) => amount >= r.minFen)
        const top = Math.max(0, ...reached.map((r) => r.minFen))
        const expected = reached.length === 0 ? 0 : reached.find((r) => r.minFen === top)!.bonusFen
        expect(bonusFor(amount, rules)).toBe(expected)
      }),
    )
  })
})
