import { describe, expect, it, vi } from 'vitest'
import { LOCAL_DESK_OPERATOR } from '../../core/api/operator.ts'
import { passiveCheckpoint, WAL_SAFETY_PAGES } from '../../db/checkpoint.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import { createDispatcher } from '../../electron/api/dispatcher.ts'
import { handlers } from '../../electron/api/handlers/index.ts'
import { createIdleCheckpointer } from '../../electron/api/idleCheckpoint.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()

describe('checkpoints when the desk is idle', () => {
  it('runs once after a quiet period, however many writes came before it, and not after stop', () => {
    vi.useFakeTimers()
    try {
      const run = vi.fn()
      const checkpointer = createIdleCheckpointer(run, 2000)
      checkpointer.touch()
      vi.advanceTimersByTime(1500)
      checkpointer.touch()
      vi.advanceTimersByTime(1500)
      expect(run).not.toHaveBeenCalled()
      vi.advanceTimersByTime(600)
      expect(run).toHaveBeenCalledTimes(1)
      checkpointer.touch()
      checkpointer.stop()
      vi.advanceTimersByTime(5000)
      expect(run).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('is told of committed writes only, and a passive checkpoint empties the log into the database', async () => {
    const { db } = openDatabase(dbPathIn(tempDir()))
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_SAFETY_PAGES)
    const afterWrite = vi.fn()
    const dispatch = createDispatcher({ db, handlers, publish: () => {}, appInfo: { version: 't', preview: false }, afterWrite })
    await dispatch('staff.list', {}, LOCAL_DESK_OPERATOR)
    await dispatch('staff.create', { name: '', role: 'consultant', phone: '', room: '', skills: [] }, LOCAL_DESK_OPERATOR)
    expect(afterWrite).not.toHaveBeenCalled()
    for (let i = 0; i < 20; i++) {
      await dispatch('staff.create', { name: `咨询师${i}`, role: 'consultant', phone: '', room: '', skills: [] }, LOCAL_DESK_OPERATOR)
    }
    expect(afterWrite).toHaveBeenCalledTimes(20)
    const result = passiveCheckpoint(db)
    expect(result.busy).toBe(0)
    expect(result.log).toBeGreaterThan(0)
    expect(result.checkpointed).toBe(result.log)
    closeDatabase(db)
  })
})
