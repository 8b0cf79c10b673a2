import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Operator } from '../../../core/api/operator.ts'
import { cardStatus, type TreatmentCard } from '../../../core/domain/treatmentCard.ts'
import { dbPathIn, useTempDir } from '../../helpers/tempDb.ts'
import { makeClock, openDesk } from '../../integration/harness.ts'

const tempDir = useTempDir()

type Op = { kind: 'deduct'; stale: boolean } | { kind: 'undo'; pick: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deduct' as const), stale: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat({ max: 20 }) }) },
)

function expectConsistent(card: TreatmentCard) {
  expect(card.sessionsUsed + card.sessionsLeft).toBe(card.sessionsBought)
  expect(card.sessionsLeft).toBeGreaterThanOrEqual(0)
  expect(card.sessionsUsed).toBeLessThanOrEqual(card.sessionsBought)
}

describe('a treatment card under any sequence of deductions and undos', () => {
  it('keeps used + left = bought, left never negative, used never past bought, and refuses exactly what a model refuses', async () => {
    const d = openDesk(dbPathIn(tempDir()), makeClock())
    const nurse = await d.call('staff.create', { name: '孙护士', role: 'nurse', phone: '', room: '', skills: [] })
    const asNurse: Operator = { id: nurse.id, name: nurse.name, role: 'nurse' }
    const gz = await d.call('prices.create', { code: 'GZ01', name: '光子嫩肤', category: 'treatment', unit: '次', listPriceFen: 128000 })
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(opArb, { maxLength: 12 }), async (bought, ops) => {
        const { visit, client } = await d.arrive(`顾客${++n}`, 'first')
        const draft = await d.call('fees.create', { visitId: visit.id })
        const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId: gz.id, quantity: bought }] })
        const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
        await d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
        let card = (await d.call('cards.ofClient', { clientId: client.id }))[0]!
        // The model: the deductions made, and which are undone.
        const made: { id: number; undone: boolean }[] = []
        for (const op of ops) {
          const used = made.filter((m) => !m.undone).length
          if (op.kind === 'deduct') {
            const expectedVersion = op.stale ? card.version - 1 || card.version + 1 : card.version
            const result = await d.send('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion, nurseId: nurse.id }, asNurse)
            if (op.stale) expect(result.ok ? 'ok' : result.error.code).toBe('conflict')
            else if (used >= bought) expect(result.ok ? 'ok' : result.error.code).toBe('rule_violation')
            else {
              if (!result.ok) throw new Error(`deduct refused: ${result.error.message}`)
              made.push({ id: result.value.deduction.id, undone: false })
              expect(result.value.deduction.sessionNo).toBe(made.length)
            }
          } else if (made.length > 0) {
            const target = made[op.pick % made.length]!
            const result = await d.send('cards.undoDeduction', { deductionId: target.id, reason: '撤销' })
            expect(result.ok ? 'ok' : result.error.code).toBe(target.undone ? 'conflict' : 'ok')
            target.undone = true
          }
          const detail = await d.call('cards.get', { id: card.id })
          card = detail.card
          expectConsistent(card)
          expect(card.sessionsUsed).toBe(made.filter((m) => !m.undone).length)
          expect(detail.deductions.map((x) => x.id)).toEqual(made.map((m) => m.id).reverse())
          expect(card.status).toBe(card.sessionsUsed === bought ? 'used_up' : 'active')
        }
      }),
      { numRuns: 25 },
    )
    d.close()
  }, 60_000)
})

describe('cardStatus', () => {
  it('is void over used up over expired over active, whatever the figures', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }), day, day, (voided, bought, used, expiresOn, today) => {
        const status = cardStatus({ voided, sessionsBought: bought, sessionsUsed: Math.min(used, bought), expiresOn }, today)
        const expected = voided ? 'void' : Math.min(used, bought) >= bought ? 'used_up' : today > expiresOn ? 'expired' : 'active'
        expect(status).toBe(expected)
      }),
    )
  })
})
