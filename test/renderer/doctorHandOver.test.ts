// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BoardView, DoctorHandOver } from '../../core/api/rotation.ts'
import { closedBoard, consultants, member, openBoard, visitRow } from './desk.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { showPanel } from './boardPanels.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  document.querySelectorAll('.el-overlay, .el-message-box__wrapper, .el-message').forEach((n) => n.remove())
})

const body = () => new DOMWrapper(document.body)

const doctors = [
  staffMember({ id: 21, name: '李医生', role: 'doctor', phone: '13800000021' }),
  staffMember({ id: 22, name: '钱医生', role: 'doctor', phone: '13800000022' }),
]

function doctorBoard(overrides: Partial<BoardView> = {}): BoardView {
  return openBoard({ kind: 'doctor', members: [member(21, '李医生', 0), member(22, '钱医生', 1)], nextMemberId: 21, assignments: [], ...overrides })
}

/** The desk with A001 in consultation, A002 at billing and A003 still waiting, and the doctor board as given. */
function doctorHarness(doctor: BoardView): Harness & { doctor: BoardView } {
  const harness = Object.assign(createHarness({ staff: [...consultants, ...doctors] }), { doctor })
  harness.bridge.handlers['visits.ofDay'] = () => [
    visitRow({ id: 5, queueNo: 'A001', status: 'consulting', consultantId: 1, consultantName: '王静' }),
    visitRow({ id: 6, queueNo: 'A002', status: 'billing', consultantId: 1, consultantName: '王静', outcome: 'deal' }),
    visitRow({ id: 7, queueNo: 'A003', status: 'waiting', consultantId: 1, consultantName: '王静' }),
  ]
  harness.bridge.handlers['rotation.board'] = (input: { kind: string }) =>
    structuredClone(input.kind === 'doctor' ? harness.doctor : input.kind === 'nurse' ? { ...closedBoard(), kind: 'nurse' } : openBoard())
  harness.bridge.handlers['fees.list'] = () => []
  return harness
}

const servedRow = (visitId: number) => body().get(`[data-testid="served-row"][data-visit-id="${visitId}"]`)

describe('front desk: 请医生 on a consulting visit', () => {
  it('offers the button on the consulting row only, hands over with one call, says to whom and shows the doctor', async () => {
    const harness = doctorHarness(doctorBoard())
    const after = doctorBoard({
      members: [member(22, '钱医生', 0), member(21, '李医生', 1, { status: 'serving', visitId: 5, visitQueueNo: 'A001' })],
      nextMemberId: 22,
      undoable: { seq: 2, type: 'assigned' },
      assignments: [{ visitId: 5, queueNo: 'A001', memberId: 21, memberName: '李医生', at: '2025-03-01T02:00:00.000Z', finishedAt: null }],
    })
    harness.bridge.handlers['rotation.handToDoctor'] = (): DoctorHandOver => ({ visitId: 5, queueNo: 'A001', doctorId: 21, doctorName: '李医生', board: after })
    wrapper = await showPanel(harness, 'doctor')

    expect(body().findAll('[data-testid="doctor-hand-over"]')).toHaveLength(1)
    expect(servedRow(6).find('[data-testid="doctor-hand-over"]').exists()).toBe(false)
    const button = servedRow(5).get('[data-testid="doctor-hand-over"]')
    expect(button.text()).toBe('请医生')
    expect(button.element.tagName).toBe('BUTTON')
    expect(button.attributes('aria-label')).toBe('为 A001 请下一位医生（专家面诊）')

    await button.trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.handToDoctor')).toEqual([{ visitId: 5 }])
    expect(body().get('.el-message--success').text()).toContain('A001 → 李医生（专家面诊）')
    // The doctor board shows her at once, from the hand-over's answer; the row says who has her.
    expect(body().findAll('[data-testid="board-member"]')[1]?.get('[data-testid="board-state"]').text()).toBe('接待中 A001')
    expect(servedRow(5).get('[data-testid="doctor-handed"]').text()).toBe('专家面诊：李医生')
    expect(body().find('[data-testid="doctor-hand-over"]').exists()).toBe(false)
  })

  it('says at once, without a call, when the doctor board is not open or nobody is free; shows the refusal of the main process', async () => {
    const harness = doctorHarness({ ...closedBoard(), kind: 'doctor' })
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    await settle()
    await servedRow(5).get('[data-testid="doctor-hand-over"]').trigger('click')
    await settle()
    expect(body().get('.el-message--warning').text()).toContain('今天的医生轮牌还没有开牌，请先在“医生轮牌”开牌')
    document.querySelectorAll('.el-message').forEach((n) => n.remove())

    harness.doctor = doctorBoard({ members: [member(21, '李医生', 0, { status: 'break' })], nextMemberId: null })
    harness.bridge.emit({ topic: 'rotation' })
    await settle()
    await servedRow(5).get('[data-testid="doctor-hand-over"]').trigger('click')
    await settle()
    expect(body().get('.el-message--warning').text()).toContain('没有空闲的医生，请稍后再请')
    expect(harness.bridge.callsOf('rotation.handToDoctor')).toEqual([])

    harness.doctor = doctorBoard()
    harness.bridge.handlers['rotation.handToDoctor'] = () => new Refusal({ code: 'rule_violation', message: '没有空闲的医生（或没有擅长该项目的空闲医生），请稍后再请' })
    harness.bridge.emit({ topic: 'rotation' })
    await settle()
    await servedRow(5).get('[data-testid="doctor-hand-over"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.handToDoctor')).toEqual([{ visitId: 5 }])
    expect(body().get('.el-message--error').text()).toContain('没有擅长该项目的空闲医生')
    expect(body().find('.el-message--success').exists()).toBe(false)
  })

  it('after the doctor finished, the row says who saw her instead of offering 请医生 again', async () => {
    const harness = doctorHarness(
      doctorBoard({ assignments: [{ visitId: 5, queueNo: 'A001', memberId: 22, memberName: '钱医生', at: '2025-03-01T02:00:00.000Z', finishedAt: '2025-03-01T02:20:00.000Z' }] }),
    )
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    await settle()
    expect(servedRow(5).get('[data-testid="doctor-handed"]').text()).toBe('钱医生 已面诊')
    expect(body().find('[data-testid="doctor-hand-over"]').exists()).toBe(false)
  })
})
