/** The stored log (replay, schema, corrupt logs), policies defaults and fairness figures. */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_POLICIES, RotationReplayError, applyEvent, continuationFrom, dayFigures, parseBoardEvent, periodFigures, replay, withDefaults,
} from '../../../core/rotation/index.ts'
import { Desk } from './harness.ts'

function busyDay(): Desk {
  const desk = Desk.opened([1, 2, 3])
  desk.next(10)
  desk.ok({ type: 'assignDesignated', visitId: 11, memberId: 2 })
  desk.ok({ type: 'pass', memberId: 3 })
  desk.ok({ type: 'finish', visitId: 10 })
  desk.ok({ type: 'assignReturning', visitId: 12, ownerId: 1 })
  desk.ok({ type: 'assignManual', visitId: 13, memberId: 3, reason: 'r' })
  return desk
}

describe('the event log', () => {
  it('replays to the same state, also after JSON and schema parsing', () => {
    const desk = busyDay()
    expect(desk.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7])
    const restored = desk.events.map((e) => parseBoardEvent(JSON.parse(JSON.stringify(e))))
    expect(replay(restored)).toStrictEqual(desk.state)
  })

  it('rejects a stored event that is not an event', () => {
    const [first] = busyDay().events
    expect(() => parseBoardEvent({ ...first, seq: 0 })).toThrow()
    expect(() => parseBoardEvent({ ...first, type: 'teleported' })).toThrow()
    expect(() => parseBoardEvent({ type: 'assigned', seq: 2, at: 'x', actor: null, reason: null, visitId: 1 })).toThrow()
  })

  it('refuses a log with a gap, an unknown member, or an undo that does not match', () => {
    const events = busyDay().events
    expect(() => replay([...events.slice(0, 2), ...events.slice(3)])).toThrow(RotationReplayError)
    const opened = replay(events.slice(0, 1))
    expect(() => applyEvent(opened, { type: 'passed', memberId: 42, seq: 2, at: 'x', actor: null, reason: null })).toThrow(/unknown member 42/)
    expect(() => applyEvent(opened, { type: 'undone', undoneSeq: 1, seq: 2, at: 'x', actor: null, reason: null })).toThrow(RotationReplayError)
    expect(() => replay([{ type: 'finished', visitId: 1, memberId: 1, seq: 1, at: 'x', actor: null, reason: null }])).toThrow(/not opened/)
  })

  it('continuation without any turn keeps the order and puts signed-out members last', () => {
    const desk = Desk.opened([1, 2, 3])
    desk.ok({ type: 'signOut', memberId: 1 })
    expect(continuationFrom(desk.state)).toEqual({ order: [2, 3, 1], lastTurnMemberId: null })
  })
})

describe('policies', () => {
  it('has the documented defaults and fills missing fields', () => {
    expect(DEFAULT_POLICIES).toEqual({
      rotationMode: 'order', designatedCountsAsTurn: false, returningCountsAsTurn: false, returningOwnerAbsent: 'rotation', manualCountsAsTurn: true, partnerCountsAsTurn: false,
    })
    expect(withDefaults({ rotationMode: 'fewestTurns' })).toEqual({ ...DEFAULT_POLICIES, rotationMode: 'fewestTurns' })
    expect(withDefaults(null)).toEqual(DEFAULT_POLICIES)
  })
})

describe('fairness figures', () => {
  it('counts per member for a day', () => {
    expect(dayFigures(busyDay().state)).toEqual([
      { memberId: 1, name: 'M1', days: 1, rotationTurns: 1, rotation: 1, designated: 0, returning: 1, manual: 0, partner: 0, passes: 0, totalClients: 2 },
      { memberId: 2, name: 'M2', days: 1, rotationTurns: 0, rotation: 0, designated: 1, returning: 0, manual: 0, partner: 0, passes: 0, totalClients: 1 },
      { memberId: 3, name: 'M3', days: 1, rotationTurns: 1, rotation: 0, designated: 0, returning: 0, manual: 1, partner: 0, passes: 1, totalClients: 1 },
    ])
  })

  it('sums a period per member, including members present on some days only', () => {
    const other = Desk.opened([3, 4])
    other.next(1)
    const figures = periodFigures([busyDay().state, other.state, new Desk().state])
    expect(figures.map((f) => [f.memberId, f.days, f.rotationTurns, f.totalClients])).toEqual([
      [1, 1, 1, 2],
      [2, 1, 0, 1],
      [3, 2, 2, 2],
      [4, 1, 0, 0],
    ])
  })
})
