/** The properties DOMAIN.md asks of the rotation, over random sequences of desk commands. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_POLICIES, applyEvent, coversCategory, decide, initialState, nextInTurn, parseBoardEvent, replay,
} from '../../../core/rotation/index.ts'
import type { BoardEvent, BoardState, MemberInput, RotationPolicies } from '../../../core/rotation/index.ts'
import { openingArb, policiesArb, recipesArb, toCommand } from './arbitraries.ts'
import type { Recipe } from './arbitraries.ts'

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

function minute(i: number): Date {
  return new Date(Date.UTC(2025, 2, 1, 1, 0) + i * 60_000)
}

function openState(members: MemberInput[], policies: RotationPolicies): { state: BoardState; events: BoardEvent[] } {
  const decision = decide(initialState(), { type: 'open', date: '2025-03-01', kind: 'consultant', members }, policies, minute(0))
  if (!decision.ok) throw new Error(decision.error.code)
  return { state: deepFreeze(applyEvent(initialState(), decision.event)), events: [decision.event] }
}

/** Runs the recipes, checking (b), (d), (e) and decide/nextInTurn agreement at every step. */
function runChecked(members: MemberInput[], policies: RotationPolicies, recipes: Recipe[]): { state: BoardState; events: BoardEvent[] } {
  const opened = openState(members, policies)
  const events = opened.events
  let state = opened.state
  const after = new Map<number, BoardState>([[1, state]])
  const effective: BoardEvent[] = [] // the undoable events still in force, as a model of the undo stack
  recipes.forEach((recipe, i) => {
    const probe = decide(state, { type: 'assignNext', visitId: 1000 + i, category: 'skin' }, policies, minute(i))
    const expected = nextInTurn(state, policies, 'skin')
    expect(probe.ok && probe.event.type === 'assigned' ? probe.event.memberId : null).toBe(expected)

    const decision = decide(state, toCommand(recipe, state, policies), policies, minute(i + 1))
    if (!decision.ok) return
    const event = decision.event
    const before = state
    const board = before.board
    if (board === null) throw new Error('board not open')
    if (event.type === 'assigned') {
      // (b) nobody serving, on break, off or off the board is given a client; rotation honours skills
      const member = board.members.find((m) => m.id === event.memberId)
      expect(member?.status).toBe('available')
      expect(board.order).toContain(event.memberId)
      if (event.how === 'rotation') expect(coversCategory(member ?? { skills: [] }, event.category)).toBe(true)
      expect(board.assignments.some((a) => a.visitId === event.visitId)).toBe(false)
    }
    state = deepFreeze(applyEvent(state, event))
    events.push(event)
    after.set(event.seq, state)
    if (event.type === 'undone') {
      // (d) undo gives exactly the state before the undone event
      const previous = after.get(event.undoneSeq - 1)
      expect(state.board).toStrictEqual(previous?.board)
      expect(state.undo).toStrictEqual(previous?.undo)
      expect(effective.pop()?.seq).toBe(event.undoneSeq)
    } else {
      effective.push(event)
      // (d) undo right after any action gives exactly the state before it
      const undo = decide(state, { type: 'undo' }, policies, minute(i + 1))
      if (!undo.ok) throw new Error(undo.error.code)
      const undone = applyEvent(state, undo.event)
      expect(undone.board).toStrictEqual(before.board)
      expect(undone.undo).toStrictEqual(before.undo)
    }
    // (e) every accepted assignment still in force is in the state, once
    const assigned = (state.board?.assignments ?? []).map((a) => [a.visitId, a.memberId])
    const model = effective.flatMap((e) => (e.type === 'assigned' ? [[e.visitId, e.memberId]] : []))
    expect(assigned).toEqual(model)
    expect(new Set(assigned.map(([v]) => v)).size).toBe(assigned.length)
  })
  return { state, events }
}

describe('rotation properties', () => {
  it('(b)(d)(e) over random desk days: no client to a busy member, undo exact, no visit twice or lost', () => {
    fc.assert(
      fc.property(openingArb, policiesArb, recipesArb(), (members, policies, recipes) => {
        runChecked(members, policies, recipes)
      }),
      { numRuns: 150 },
    )
  })

  it('(c) replaying the stored events, also through JSON (a restart), gives the folded state', () => {
    fc.assert(
      fc.property(openingArb, policiesArb, recipesArb(), (members, policies, recipes) => {
        const { state, events } = runChecked(members, policies, recipes)
        expect(replay(events)).toStrictEqual(state)
        const stored = events.map((e) => JSON.stringify(e))
        const restarted = replay(stored.map((text) => parseBoardEvent(JSON.parse(text))))
        expect(restarted).toStrictEqual(state)
        expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state)
      }),
      { numRuns: 100 },
    )
  })

  for (const mode of ['order', 'fewestTurns'] as const) {
    it(`(a) '${mode}': everyone always available, every client by rotation -> turns differ by at most one`, () => {
      const step = fc.oneof({ weight: 5, arbitrary: fc.constant('client' as const) }, { weight: 1, arbitrary: fc.constant('undo' as const) })
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 8 }), fc.array(step, { maxLength: 80, size: 'max' }), (size, steps) => {
          const policies: RotationPolicies = { ...DEFAULT_POLICIES, rotationMode: mode }
          const members = Array.from({ length: size }, (_, i) => ({ id: i + 1, name: `M${i + 1}`, skills: [] }))
          let { state } = openState(members, policies)
          let visit = 0
          const apply = (command: Parameters<typeof decide>[1]): void => {
            const decision = decide(state, command, policies, minute(visit))
            if (decision.ok) state = applyEvent(state, decision.event)
          }
          for (const s of steps) {
            if (s === 'undo') {
              // take back a whole client (its finish, then its assignment), so everyone stays available
              apply({ type: 'undo' })
              apply({ type: 'undo' })
            } else {
              visit += 1
              apply({ type: 'assignNext', visitId: visit })
              apply({ type: 'finish', visitId: visit })
            }
            expect(state.board?.members.every((m) => m.status === 'available')).toBe(true)
            const turns = (state.board?.members ?? []).map((m) => m.counts.rotationTurns)
            expect(Math.max(...turns) - Math.min(...turns)).toBeLessThanOrEqual(1)
          }
          const total = (state.board?.members ?? []).reduce((sum, m) => sum + m.counts.rotationTurns, 0)
          expect(total).toBe(state.board?.assignments.length)
        }),
        { numRuns: 200 },
      )
    })
  }
})
