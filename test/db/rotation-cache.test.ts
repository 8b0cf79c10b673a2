import { describe, expect, it } from 'vitest'
import { decide, DEFAULT_POLICIES, initialState, replay, type BoardCommand, type BoardState } from '../../core/rotation/index.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import { appendBoardEvent, loadBoardEvents, loadBoardState } from '../../db/rotation.ts'
import type { WritableDb } from '../../db/types.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()
const DATE = '2026-11-23'
const members = [1, 2, 3].map((id) => ({ id, name: `咨询师${id}`, skills: [] }))

function write(db: WritableDb, state: BoardState, command: BoardCommand): BoardState {
  const decision = decide(state, command, DEFAULT_POLICIES, '2026-11-23T01:00:00.000Z')
  if (!decision.ok) throw new Error(decision.error.code)
  appendBoardEvent(db, DATE, 'consultant', decision.event)
  return replay([...loadBoardEvents(db, DATE, 'consultant')])
}

describe('the cache of folded boards', () => {
  it('never keeps what a rolled-back transaction wrote, and follows later commits exactly', () => {
    const { db } = openDatabase(dbPathIn(tempDir()))
    let state = initialState()
    db.transaction(() => {
      state = write(db, state, { type: 'open', date: DATE, kind: 'consultant', members })
      state = write(db, state, { type: 'assignNext', visitId: 101 })
    }).immediate()
    expect(loadBoardState(db, DATE, 'consultant')).toEqual(state) // cached now

    expect(() =>
      db.transaction(() => {
        const inside = write(db, loadBoardState(db, DATE, 'consultant'), { type: 'assignNext', visitId: 102 })
        expect(loadBoardState(db, DATE, 'consultant')).toEqual(inside) // sees its own write
        throw new Error('rolled back')
      }).immediate(),
    ).toThrow('rolled back')
    expect(loadBoardState(db, DATE, 'consultant')).toEqual(state)
    expect(loadBoardState(db, DATE, 'consultant').board?.assignments.map((a) => a.visitId)).toEqual([101])

    // Another event takes the same seq the rolled-back one had.
    db.transaction(() => void write(db, state, { type: 'pass', memberId: 2 })).immediate()
    const fresh = replay(loadBoardEvents(db, DATE, 'consultant'))
    expect(loadBoardState(db, DATE, 'consultant')).toEqual(fresh)
    expect(fresh.board?.order).toEqual([3, 1, 2])
    closeDatabase(db)
  })
})
