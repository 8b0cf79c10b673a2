import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contract } from '../../core/api/contract.ts'
import { AUDIT_KINDS, auditKindOf, auditKindRanges, isAuditKind, type AuditKind } from '../../core/domain/auditKinds.ts'

/** The kinds whose ranges hold a name (SQLite compares TEXT bytewise; for ASCII that is JS's order too). */
function kindsByRange(method: string): AuditKind[] {
  return AUDIT_KINDS.filter((kind) => auditKindRanges(kind).some((r) => r.lo <= method && method < r.hi))
}

/** Rows the main process writes itself, outside the dispatcher. */
const AUDIT_ONLY_METHODS = ['backups.create', 'backups.auto', 'backups.restore']

describe('audit kinds', () => {
  it('gives every write method of the contract a kind other than "other"', () => {
    const writes = Object.entries(contract).filter(([, spec]) => spec.writes).map(([name]) => name)
    expect(writes.length).toBeGreaterThan(30)
    // session.* and setup.* (sign-in, lock, first-run setup) are checked the same way once they are there.
    const unkinded = writes.filter((name) => auditKindOf(name) === 'other')
    expect(unkinded).toEqual([])
  })

  it('puts each area where the screen shows it', () => {
    const cases: [string, AuditKind][] = [
      ['clients.create', 'registration'],
      ['visits.register', 'registration'],
      ['visits.setOutcome', 'registration'],
      ['rotation.undo', 'rotation'],
      ['queue.call', 'calls'],
      ['display.setOpen', 'calls'],
      ['consultations.saveDraft', 'consultation'],
      ['fees.confirm', 'fees'],
      ['prices.applyImport', 'prices'],
      ['staff.setPin', 'staff'],
      ['settings.update', 'settings'],
      ['backups.setSchedule', 'backups'],
      ['backups.auto', 'backups'],
      ['backups.restore', 'backups'],
      ['session.signIn', 'session'],
      ['session.signOut', 'session'],
      ['setup.complete', 'session'],
      ['reports.dailyLog', 'other'],
      ['clients', 'other'],
      ['.clients', 'other'],
      ['clientsx.create', 'other'],
      ['', 'other'],
    ]
    for (const [method, kind] of cases) expect(auditKindOf(method), method).toBe(kind)
  })

  it('the ranges a query uses agree with auditKindOf: every name is in exactly one kind', () => {
    for (const method of [...Object.keys(contract), ...AUDIT_ONLY_METHODS]) expect(kindsByRange(method), method).toEqual([auditKindOf(method)])
    const area = fc.oneof(fc.constantFrom('clients', 'visits', 'queue', 'display', 'session', 'settings', 'setup', 'staff', 'backups', 'fees', 'reports'), fc.string({ maxLength: 10 }))
    fc.assert(
      fc.property(area, fc.constantFrom('.', '/', '-', ''), fc.string({ maxLength: 10 }), (a, sep, action) => {
        const method = `${a}${sep}${action}`
        expect(kindsByRange(method)).toEqual([auditKindOf(method)])
      }),
      { numRuns: 2000 },
    )
  })

  it('knows its kinds', () => {
    expect(isAuditKind('fees')).toBe(true)
    expect(isAuditKind('fee')).toBe(false)
    expect(isAuditKind(undefined)).toBe(false)
  })
})
