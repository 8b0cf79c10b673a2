import type { BoardMemberView, BoardView } from '../../core/api/rotation.ts'
import type { ClientSummary } from '../../core/domain/client.ts'
import type { VisitRow } from '../../core/domain/visit.ts'
import { emptyCounts } from '../../core/rotation/index.ts'
import { staffMember } from './setup.ts'

/** Shared fakes of the front-desk tests (desk*.test.ts, client*.test.ts). */

export const consultants = [
  staffMember({ id: 1, name: '王静' }),
  staffMember({ id: 2, name: '李娜', phone: '13800000002' }),
  staffMember({ id: 3, name: '陈晓', phone: '13800000003' }),
]

export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString()
}

export function visitRow(overrides: Partial<VisitRow> = {}): VisitRow {
  return {
    id: 1,
    clientId: 11,
    visitDate: '2025-03-01',
    type: 'first',
    queueNo: 'A001',
    channel: 'walk_in',
    designatedConsultantId: null,
    intendedCategory: null,
    consultantId: null,
    assignedBy: null,
    status: 'waiting',
    statusAt: minutesAgo(5),
    outcome: null,
    noDealReason: '',
    registeredAt: minutesAgo(5),
    version: 1,
    partnerStoreId: null,
    partnerReportId: null,
    assistConsultantId: null,
    assistedAt: null,
    clientName: '张小丽',
    clientPhone: '13811112222',
    archiveNo: 'K0001',
    consultantName: null,
    designatedName: null,
    assistConsultantName: null,
    ...overrides,
  }
}

export function clientSummary(overrides: Partial<ClientSummary> = {}): ClientSummary {
  return { id: 11, archiveNo: 'K0001', name: '张小丽', gender: 'female', phone: '13811112222', ownConsultantId: null, lastVisitDate: null, ...overrides }
}

export function member(id: number, name: string, position: number, overrides: Partial<BoardMemberView> = {}): BoardMemberView {
  return { id, name, room: String(id), status: 'available', position, visitId: null, visitQueueNo: null, since: minutesAgo(30), counts: emptyCounts(), ...overrides }
}

export function openBoard(overrides: Partial<BoardView> = {}): BoardView {
  return {
    date: '2025-03-01',
    kind: 'consultant',
    opened: true,
    mode: 'signIn',
    members: [member(1, '王静', 0), member(2, '李娜', 1), member(3, '陈晓', 2)],
    nextMemberId: 1,
    undoable: null,
    lastEvent: null,
    ...overrides,
  }
}

export function closedBoard(): BoardView {
  return { date: '2025-03-01', kind: 'consultant', opened: false, mode: null, members: [], nextMemberId: null, undoable: null, lastEvent: null }
}
