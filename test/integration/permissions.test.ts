import { describe, expect, it } from 'vitest'
import { contract, type MethodName } from '../../core/api/contract.ts'
import type { Permission } from '../../core/api/method.ts'
import type { Operator } from '../../core/api/operator.ts'
import { ROLE_PERMISSIONS } from '../../core/domain/permissions.ts'
import { STAFF_ROLES, type StaffRole } from '../../core/domain/staff.ts'
import { newDeskSession } from '../../electron/api/sessions.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk } from './harness.ts'

const tempDir = useTempDir()
const METHODS = Object.keys(contract) as MethodName[]
const REFUSED = new Set(['forbidden', 'unauthenticated'])

/**
 * What each role may do, written out by hand from DOMAIN.md's roles (not derived from the role table), so
 * a change to the table that lets a role do more shows up here.
 */
const EXPECTED: Record<StaffRole | 'nobody', { may: MethodName[]; mayNot: MethodName[] }> = {
  nobody: {
    may: ['app.info', 'settings.get', 'settings.setLanguage', 'session.current', 'session.operators', 'session.signIn', 'queue.display', 'display.state', 'setup.complete'],
    mayNot: ['consents.ofClient', 'consents.templates', 'consents.prepare', 'consents.markSigned', 'consents.saveTemplate', 'visits.ofDay', 'clients.search', 'staff.list', 'rotation.board', 'fees.list', 'session.changePin', 'backups.status', 'appointments.list', 'appointments.confirmations', 'appointments.book',
      'followUps.due', 'followUps.record', 'reports.serviceFigures', 'partnerStores.list', 'partnerReports.create', 'partnerReports.list',
      'cards.treatmentRecord',
      'cards.ofClient', 'cards.get', 'cards.deduct', 'cards.undoDeduction', 'storedValue.account', 'storedValue.topUp', 'storedValue.refund',
      'complaints.ofClient', 'complaints.open', 'complaints.create', 'complaints.addStep', 'complaints.close', 'reports.satisfaction',
      'photos.ofClient', 'photos.get', 'photos.import', 'photos.hide'],
  },
  receptionist: {
    may: [
      'consents.ofClient', 'consents.templates', 'consents.prepare', 'consents.markSigned',
      'visits.register', 'visits.assign', 'visits.setOutcome', 'rotation.open', 'rotation.pass', 'rotation.handToDoctor', 'queue.call', 'queue.callMember', 'clients.create', 'fees.pay', 'backups.create', 'reports.dailyLog',
      'appointments.book', 'appointments.change', 'appointments.cancel', 'appointments.markNoShow', 'appointments.checkIn', 'appointments.list', 'appointments.ofClient',
      'appointments.confirmations', 'appointments.recordConfirmation',
      'followUps.due', 'followUps.ofClient', 'followUps.record', 'reports.serviceFigures',
      'partnerStores.list', 'partnerReports.create', 'partnerReports.list',
      'cards.treatmentRecord', 'cards.ofClient', 'cards.get', 'cards.deduct', 'storedValue.account', 'storedValue.topUp',
      'complaints.ofClient', 'complaints.open', 'complaints.create', 'complaints.addStep', 'complaints.close', 'reports.satisfaction',
      'photos.ofClient', 'photos.get', 'photos.import',
    ],
    mayNot: ['consents.saveTemplate', 'photos.hide', 'cards.undoDeduction', 'storedValue.refund', 'partnerStores.save', 'partnerStores.get', 'partnerStores.reassign', 'partnerStores.reminders', 'partnerReports.cancel', 'visits.creditToStore', 'visits.requestAssistance', 'visits.detail', 'consultations.saveDraft', 'fees.create', 'fees.confirm', 'fees.void', 'prices.create', 'prices.applyImport', 'staff.create', 'staff.setPin', 'settings.update', 'backups.restore', 'backups.setSchedule', 'audit.list'],
  },
  consultant: {
    may: ['consents.ofClient', 'consents.templates', 'consultations.saveDraft', 'consultations.markPrinted', 'fees.create', 'fees.saveDraft', 'fees.confirm', 'visits.setOutcome', 'visits.requestAssistance', 'visits.detail', 'clients.get', 'prices.list', 'appointments.list', 'appointments.ofClient', 'appointments.confirmations',
      'followUps.due', 'followUps.ofClient', 'reports.serviceFigures', 'cards.treatmentRecord', 'cards.ofClient', 'cards.get', 'storedValue.account',
      'complaints.ofClient', 'complaints.open', 'reports.satisfaction', 'photos.ofClient', 'photos.get'],
    mayNot: [
      'photos.import', 'photos.hide',
      'consents.prepare', 'consents.markSigned', 'consents.saveTemplate',
      'cards.deduct', 'cards.undoDeduction', 'storedValue.topUp', 'storedValue.refund',
      'visits.register', 'rotation.pass', 'rotation.handToDoctor', 'queue.call', 'queue.callMember', 'fees.pay', 'fees.void', 'clients.create', 'prices.create', 'staff.update', 'backups.create', 'audit.list',
      'appointments.book', 'appointments.change', 'appointments.cancel', 'appointments.markNoShow', 'appointments.checkIn', 'appointments.recordConfirmation',
      'followUps.record', 'partnerStores.list', 'partnerReports.create', 'partnerStores.save',
      'complaints.create', 'complaints.addStep', 'complaints.close',
    ],
  },
  doctor: {
    may: ['consents.ofClient', 'consents.templates', 'consents.prepare', 'consents.markSigned', 'consultations.saveDraft', 'fees.saveDraft', 'clients.get', 'cards.treatmentRecord', 'cards.ofClient', 'cards.get', 'cards.deduct', 'storedValue.account', 'complaints.ofClient', 'photos.ofClient', 'photos.get', 'photos.import'],
    mayNot: ['consents.saveTemplate', 'photos.hide', 'complaints.create', 'cards.undoDeduction', 'storedValue.topUp', 'storedValue.refund', 'visits.setOutcome', 'visits.register', 'fees.pay', 'staff.create', 'audit.list', 'appointments.book', 'partnerReports.create'],
  },
  nurse: {
    may: ['consents.ofClient', 'consents.templates', 'consents.prepare', 'consents.markSigned', 'visits.ofDay', 'clients.get', 'rotation.board', 'appointments.list', 'followUps.due', 'cards.treatmentRecord', 'cards.ofClient', 'cards.get', 'cards.deduct', 'storedValue.account', 'complaints.ofClient', 'photos.ofClient', 'photos.get', 'photos.import'],
    mayNot: ['consents.saveTemplate', 'photos.hide', 'complaints.create', 'complaints.close', 'cards.undoDeduction', 'storedValue.topUp', 'storedValue.refund', 'visits.register', 'consultations.saveDraft', 'fees.create', 'visits.setOutcome', 'staff.create', 'audit.list', 'appointments.book', 'appointments.checkIn', 'followUps.record', 'partnerReports.list'],
  },
  marketing: {
    may: [
      'partnerStores.list', 'partnerStores.get', 'partnerStores.photo', 'partnerStores.save', 'partnerStores.reassign', 'partnerStores.reminders',
      'partnerReports.create', 'partnerReports.list', 'partnerReports.cancel', 'clients.search', 'staff.list',
    ],
    mayNot: ['consents.prepare', 'consents.markSigned', 'consents.saveTemplate', 'photos.import', 'photos.hide', 'complaints.create', 'complaints.close', 'cards.deduct', 'cards.undoDeduction', 'storedValue.topUp', 'storedValue.refund', 'visits.register', 'visits.creditToStore', 'visits.assign', 'visits.requestAssistance', 'rotation.pass', 'queue.call', 'queue.callMember', 'consultations.saveDraft', 'fees.create', 'fees.pay', 'visits.setOutcome', 'staff.create', 'settings.update', 'audit.list', 'appointments.book', 'backups.create'],
  },
  administrator: {
    may: ['consents.ofClient', 'consents.templates', 'consents.prepare', 'consents.markSigned', 'consents.saveTemplate', 'staff.create', 'staff.setPin', 'prices.applyImport', 'settings.update', 'backups.restore', 'audit.list', 'fees.void', 'visits.register', 'fees.confirm', 'appointments.book', 'appointments.checkIn', 'followUps.record', 'reports.serviceFigures',
      'partnerStores.save', 'partnerStores.reassign', 'partnerStores.reminders', 'partnerReports.create', 'partnerReports.cancel', 'visits.creditToStore',
      'cards.ofClient', 'cards.get', 'cards.deduct', 'cards.undoDeduction', 'storedValue.account', 'storedValue.topUp', 'storedValue.refund',
      'complaints.ofClient', 'complaints.open', 'complaints.create', 'complaints.addStep', 'complaints.close', 'reports.satisfaction',
      'photos.ofClient', 'photos.get', 'photos.import', 'photos.hide'],
    mayNot: [],
  },
}

const allowedBy = (role: StaffRole | 'nobody', permission: Permission): boolean =>
  role === 'nobody' ? permission === 'public' : ROLE_PERMISSIONS[role].includes(permission)

describe('permissions', () => {
  it('names every method with one of the known permissions', () => {
    for (const method of METHODS) expect(Object.keys({ public: 1, read: 1, desk: 1, consult: 1, outcome: 1, admin: 1, partners: 1, marketing: 1, treat: 1 }), method).toContain(contract[method].permission)
  })

  it('give the treatment room’s work (treat: deducting a session) to the desk, nurses, doctors and administrators only', () => {
    expect(STAFF_ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('treat')).sort()).toEqual(['administrator', 'doctor', 'nurse', 'receptionist'])
    expect(contract['cards.deduct'].permission).toBe('treat')
    expect(contract['cards.undoDeduction'].permission).toBe('admin')
  })

  it('match what the clinic expects of each role', () => {
    for (const [role, { may, mayNot }] of Object.entries(EXPECTED) as [StaffRole | 'nobody', (typeof EXPECTED)['nobody']][]) {
      for (const method of may) expect(allowedBy(role, contract[method].permission), `${role} may ${method}`).toBe(true)
      for (const method of mayNot) expect(allowedBy(role, contract[method].permission), `${role} may not ${method}`).toBe(false)
    }
  })

  it('are checked by the dispatcher for every method of the contract, as every role and as nobody', async () => {
    for (const role of [...STAFF_ROLES, 'nobody'] as const) {
      // A database of its own per role: an allowed call may really run.
      const desk = openDesk(dbPathIn(tempDir()), makeClock())
      await desk.call('setup.complete', { clinicName: '诊所', adminName: '管理员', pin: '1234', repeatPin: '1234' }, newDeskSession())
      const operator: Operator | null = role === 'nobody' ? null : { id: null, name: `测试${role}`, role }
      const refusedMethods: MethodName[] = []
      for (const method of METHODS) {
        // An input no method accepts: allowed calls stop at validation (or run harmlessly), refused ones earlier.
        const result = await desk.send(method, { definitelyNotAField: true } as never, operator as Operator)
        const refused = !result.ok && REFUSED.has(result.error.code)
        if (refused) refusedMethods.push(method)
        expect(refused, `${role} calling ${method}: ${result.ok ? 'ok' : result.error.code}`).toBe(!allowedBy(role, contract[method].permission))
        if (refused) expect(result.ok ? '' : result.error.code).toBe(role === 'nobody' ? 'unauthenticated' : 'forbidden')
      }
      if (role === 'administrator') expect(refusedMethods).toEqual([])
    }
  })

  it('are those of the operator signed in at the desk, whatever the renderer claims', async () => {
    const desk = openDesk(dbPathIn(tempDir()), makeClock())
    await desk.call('setup.complete', { clinicName: '诊所', adminName: '管理员', pin: '1234', repeatPin: '1234' }, newDeskSession())
    const reception = await desk.call('staff.create', { name: '郑佳', role: 'receptionist', phone: '', room: '', skills: [] })
    await desk.call('staff.setPin', { id: reception.id, pin: '1111', repeatPin: '1111' })
    const session = newDeskSession()
    await desk.call('session.signIn', { staffId: reception.id, pin: '1111' }, session)
    const before = desk.snapshot()
    expect((await desk.refused('staff.create', { name: '冒名', role: 'administrator', phone: '', room: '', skills: [] }, session)).message).toBe('当前操作员没有权限执行此操作')
    expect((await desk.refused('staff.setPin', { id: reception.id, pin: '9999', repeatPin: '9999' }, session)).code).toBe('forbidden')
    expect(desk.snapshot()).toEqual(before)
    const { visit } = await desk.call('visits.register', { newClient: { name: '张小丽', phone: '13900002222' }, type: 'first' }, session)
    expect(visit.id).toBeGreaterThan(0)
  })
})
