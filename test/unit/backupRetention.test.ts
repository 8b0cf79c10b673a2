import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BACKUP_KINDS, backupFileName, REGULAR_BACKUP_KINDS, type BackupKind, type BackupRetention } from '../../core/domain/backup.ts'
import { dayKey, isoWeekKey, monthKey, newestFirst, planRetention, SAFETY_COPIES_KEPT, type RetentionItem } from '../../core/domain/backupRetention.ts'

const BASE = Date.UTC(2025, 0, 1)
const pad = (n: number) => String(n).padStart(2, '0')
const localTimeOf = (ms: number) => {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** Backups over about two years, several a day at times, some bad, of every kind; names unique. */
const items = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: 730 * 86_400 }),
      kind: fc.constantFrom<BackupKind>(...BACKUP_KINDS),
      bad: fc.boolean(),
      seq: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 120 },
  )
  .map((raw) => {
    const byName = new Map<string, RetentionItem>()
    for (const r of raw) {
      const localTime = localTimeOf(BASE + r.offset * 1000)
      const file = backupFileName(localTime, r.kind, false, r.seq)
      byName.set(file, { file, kind: r.kind, localTime, bad: r.bad })
    }
    return [...byName.values()]
  })

const policy = fc.record({ daily: fc.integer({ min: 1, max: 10 }), weekly: fc.integer({ min: 0, max: 6 }), monthly: fc.integer({ min: 0, max: 14 }) })

const sorted = (list: readonly RetentionItem[]) => [...list].sort(newestFirst)

/** The newest good regular backup of each of the first `count` periods that have one. */
function expectedPerPeriod(list: readonly RetentionItem[], keyOf: (t: string) => string, count: number): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const item of sorted(list).filter((i) => !i.bad && REGULAR_BACKUP_KINDS.includes(i.kind))) {
    const key = keyOf(item.localTime)
    if (seen.has(key)) continue
    if (seen.size === count) break
    seen.add(key)
    out.push(item.file)
  }
  return out
}

describe('planRetention (properties)', () => {
  it('splits the list: every file is kept or deleted, never both', () => {
    fc.assert(
      fc.property(items, policy, (list, p) => {
        const plan = planRetention(list, p)
        expect(new Set([...plan.keep, ...plan.delete]).size).toBe(list.length)
        expect(plan.keep.length + plan.delete.length).toBe(list.length)
      }),
    )
  })

  it('never deletes the newest good backup, and never keeps a bad one', () => {
    fc.assert(
      fc.property(items, policy, (list, p) => {
        const plan = planRetention(list, p)
        const newestGood = sorted(list).find((i) => !i.bad)
        if (newestGood) expect(plan.keep).toContain(newestGood.file)
        for (const item of list.filter((i) => i.bad)) expect(plan.delete).toContain(item.file)
      }),
    )
  })

  it('keeps the newest good backup of each of the last N days, weeks and months that have one', () => {
    fc.assert(
      fc.property(items, policy, (list, p) => {
        const keep = new Set(planRetention(list, p).keep)
        for (const file of expectedPerPeriod(list, dayKey, p.daily)) expect(keep).toContain(file)
        for (const file of expectedPerPeriod(list, isoWeekKey, p.weekly)) expect(keep).toContain(file)
        for (const file of expectedPerPeriod(list, monthKey, p.monthly)) expect(keep).toContain(file)
      }),
    )
  })

  it('keeps nothing more: each kept file is a period’s pick, a safety copy within its count, or the newest good', () => {
    fc.assert(
      fc.property(items, policy, (list, p) => {
        const plan = planRetention(list, p)
        const justified = new Set([
          ...expectedPerPeriod(list, dayKey, p.daily),
          ...expectedPerPeriod(list, isoWeekKey, p.weekly),
          ...expectedPerPeriod(list, monthKey, p.monthly),
          ...sorted(list).filter((i) => !i.bad && i.kind === 'pre-restore').slice(0, SAFETY_COPIES_KEPT).map((i) => i.file),
          ...sorted(list).filter((i) => !i.bad && i.kind === 'pre-migration').slice(0, SAFETY_COPIES_KEPT).map((i) => i.file),
          ...sorted(list).filter((i) => !i.bad).slice(0, 1).map((i) => i.file),
        ])
        for (const file of plan.keep) expect(justified).toContain(file)
        expect(plan.keep.filter((f) => list.find((i) => i.file === f && REGULAR_BACKUP_KINDS.includes(i.kind))).length).toBeLessThanOrEqual(p.daily + p.weekly + p.monthly + 1)
      }),
    )
  })

  it('keeps the newest pre-restore and pre-migration copies by their own count, whatever the day/week/month counts', () => {
    fc.assert(
      fc.property(items, policy, (list, p) => {
        const keep = new Set(planRetention(list, p).keep)
        for (const kind of ['pre-restore', 'pre-migration'] as const) {
          const mine = sorted(list).filter((i) => !i.bad && i.kind === kind)
          for (const item of mine.slice(0, SAFETY_COPIES_KEPT)) expect(keep).toContain(item.file)
        }
      }),
    )
  })

  it('is stable: pruning what it kept deletes nothing more', () => {
    fc.assert(
      fc.property(items, policy, (list, p) => {
        const kept = new Set(planRetention(list, p).keep)
        const again = planRetention(
          list.filter((i) => kept.has(i.file)),
          p,
        )
        expect(again.delete).toEqual([])
      }),
    )
  })

  it('larger counts keep at least as much', () => {
    fc.assert(
      fc.property(items, policy, fc.record({ daily: fc.nat(5), weekly: fc.nat(5), monthly: fc.nat(5) }), (list, p, more) => {
        const bigger: BackupRetention = { daily: p.daily + more.daily, weekly: p.weekly + more.weekly, monthly: p.monthly + more.monthly }
        const small = planRetention(list, p).keep
        const large = new Set(planRetention(list, bigger).keep)
        for (const file of small) expect(large).toContain(file)
      }),
    )
  })
})

describe('planRetention (examples)', () => {
  it('7 daily, 4 weekly, 12 monthly over 100 days of one daily backup each, plus a quit backup today', () => {
    const list: RetentionItem[] = []
    for (let d = 0; d < 100; d++) {
      const localTime = localTimeOf(Date.UTC(2026, 11, 31, 12, 30) - d * 86_400_000)
      list.push({ file: backupFileName(localTime, 'daily', false), kind: 'daily', localTime, bad: false })
    }
    list.push({ file: backupFileName('2026-12-31T19:00:00', 'quit', false), kind: 'quit', localTime: '2026-12-31T19:00:00', bad: false })
    const plan = planRetention(list, { daily: 7, weekly: 4, monthly: 12 })
    expect(plan.keep).toEqual([
      'clinic-2026-12-31T190000-quit.sqlite', // today (newest of the day, week and month)
      'clinic-2026-12-30T123000-daily.sqlite',
      'clinic-2026-12-29T123000-daily.sqlite',
      'clinic-2026-12-28T123000-daily.sqlite',
      'clinic-2026-12-27T123000-daily.sqlite', // also the newest of the week before (Sunday)
      'clinic-2026-12-26T123000-daily.sqlite',
      'clinic-2026-12-25T123000-daily.sqlite',
      'clinic-2026-12-20T123000-daily.sqlite', // weeks
      'clinic-2026-12-13T123000-daily.sqlite',
      'clinic-2026-11-30T123000-daily.sqlite', // months
      'clinic-2026-10-31T123000-daily.sqlite',
      'clinic-2026-09-30T123000-daily.sqlite', // the oldest month with a backup (it goes back to 09-23)
    ])
    expect(plan.delete).toContain('clinic-2026-12-31T123000-daily.sqlite') // the quit backup is the day's newest
  })

  it('ISO weeks: 2026-12-31 is in 2026-W53, 2027-01-04 starts 2027-W01', () => {
    expect(isoWeekKey('2026-12-31T10:00:00')).toBe('2026-W53')
    expect(isoWeekKey('2027-01-03T10:00:00')).toBe('2026-W53')
    expect(isoWeekKey('2027-01-04T10:00:00')).toBe('2027-W01')
    expect(isoWeekKey('2024-12-30T10:00:00')).toBe('2025-W01')
  })
})
