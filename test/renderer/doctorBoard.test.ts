// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BoardView } from '../../core/api/rotation.ts'
import { closedBoard, consultants, member, openBoard, visitRow } from './desk.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { confirmBox, showPanel } from './boardPanels.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember, type Harness } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  document.querySelectorAll('.el-overlay, .el-message-box__wrapper, .el-message').forEach((n) => n.remove())
})

const body = () => new DOMWrapper(document.body)

const staff = [
  ...consultants,
  staffMember({ id: 11, name: '孙护士', role: 'nurse', phone: '13800000011' }),
  staffMember({ id: 21, name: '赵医生', role: 'doctor', phone: '13800000021' }),
  staffMember({ id: 22, name: '钱医生', role: 'doctor', phone: '13800000022' }),
]

const serving = { status: 'serving' as const, visitId: 5, visitQueueNo: 'A001' }

function doctorBoard(overrides: Partial<BoardView> = {}): BoardView {
  return openBoard({ kind: 'doctor', members: [member(21, '赵医生', 0), member(22, '钱医生', 1)], nextMemberId: 21, assignments: [], ...overrides })
}

function nurseBoard(overrides: Partial<BoardView> = {}): BoardView {
  return openBoard({ kind: 'nurse', members: [member(11, '孙护士', 0, serving)], nextMemberId: null, assignments: [], ...overrides })
}

/** The desk with an open consultant board, the doctor and nurse boards as given, and A001 in billing. */
function boardsHarness(doctor: BoardView, nurse = nurseBoard()): Harness & { doctor: BoardView } {
  const harness = Object.assign(createHarness({ staff }), { doctor })
  harness.bridge.handlers['visits.ofDay'] = () => [visitRow({ id: 5, queueNo: 'A001', status: 'billing', consultantId: 1, consultantName: '王静', outcome: 'deal' })]
  harness.bridge.handlers['rotation.board'] = (input: { kind: string }) =>
    structuredClone(input.kind === 'doctor' ? harness.doctor : input.kind === 'nurse' ? nurse : openBoard())
  harness.bridge.handlers['fees.list'] = () => []
  return harness
}

describe('front desk: doctor board (医生轮牌)', () => {
  it('offers three boards, and opens the doctor board from the active doctors only, in the order ticked', async () => {
    const harness = boardsHarness({ ...closedBoard(), kind: 'doctor' })
    harness.bridge.handlers['rotation.open'] = () => doctorBoard()
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    await settle()
    expect(body().findAll('[data-testid="board-panel-switch"] label').map((l) => l.text())).toEqual(['轮牌（咨询师）', '医生轮牌', '护士轮牌'])
    await body().get('[data-testid="board-panel-doctor"] input').setValue(true)
    await settle()
    expect(body().find('[data-testid="desk-board"]').exists()).toBe(false)
    expect(body().find('[data-testid="doctor-board"]').exists()).toBe(true)
    expect(harness.bridge.callsOf('rotation.board')).toContainEqual({ kind: 'doctor' })
    expect(body().get('[data-testid="board-opener"]').text()).toContain('勾选今天上班的医生')
    const picks = body().findAll('[data-testid="board-pick"]')
    expect(picks.map((p) => p.text())).toEqual(['赵医生', '钱医生'])
    await picks[1]?.get('input').trigger('change')
    await picks[0]?.get('input').trigger('change')
    await body().get('[data-testid="board-open"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.open')).toEqual([{ kind: 'doctor', memberIds: [22, 21] }])
    expect(body().get('.el-message--success').text()).toContain('医生轮牌已开牌：钱医生、赵医生')
    expect(body().get('[data-testid="doctor-next-name"]').text()).toBe('下一位医生：赵医生')
    // No hand-over list on the doctor board.
    expect(body().find('[data-testid="nurse-pending"]').exists()).toBe(false)
  })

  it('acts with kind doctor: pass, 面诊完成, undo; a serving doctor calls the client to the display', async () => {
    const board = doctorBoard({ members: [member(21, '赵医生', 0, serving), member(22, '钱医生', 1)], nextMemberId: 22, undoable: { seq: 2, type: 'passed' } })
    const harness = boardsHarness(board)
    harness.bridge.handlers['rotation.pass'] = () => board
    harness.bridge.handlers['rotation.finish'] = () => doctorBoard()
    harness.bridge.handlers['rotation.undo'] = () => doctorBoard()
    harness.bridge.handlers['queue.callMember'] = () => visitRow({ id: 5, queueNo: 'A001', status: 'billing' })
    wrapper = await showPanel(harness, 'doctor')
    const rows = body().findAll('[data-testid="board-member"]')
    expect(rows[0]?.get('[data-testid="board-state"]').text()).toBe('接待中 A001')
    expect(rows[1]?.find('[data-testid="doctor-call"]').exists()).toBe(false)

    await rows[0]?.get('[data-testid="doctor-call"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('queue.callMember')).toEqual([{ kind: 'doctor', visitId: 5 }])
    expect(body().get('.el-message--success').text()).toContain('已叫号：A001 到 赵医生 处')

    await rows[1]?.get('[data-testid="board-pass"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.pass')).toEqual([{ kind: 'doctor', memberId: 22 }])

    await rows[0]?.get('[data-testid="doctor-finish"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')?.textContent).toContain('A001 由 赵医生 面诊完成？'))
    await confirmBox()
    expect(harness.bridge.callsOf('rotation.finish')).toEqual([{ kind: 'doctor', visitId: 5 }])

    harness.doctor = board
    harness.bridge.emit({ topic: 'rotation' })
    await settle()
    await body().get('[data-testid="doctor-undo"]').trigger('click')
    await confirmBox()
    expect(harness.bridge.callsOf('rotation.undo')).toEqual([{ kind: 'doctor' }])
  })

  it('calls from the nurse board with kind nurse, and shows the refusal of the main process', async () => {
    const harness = boardsHarness(doctorBoard())
    harness.bridge.handlers['queue.callMember'] = () => new Refusal({ code: 'rule_violation', message: '没有人正在接待该顾客' })
    wrapper = await showPanel(harness, 'nurse')
    expect(body().find('[data-testid="nurse-board"]').exists()).toBe(true)
    const call = body().get('[data-testid="nurse-call"]')
    expect(call.text()).toBe('叫号')
    expect(call.attributes('aria-label')).toBe('叫 A001 到 孙护士 处')
    await call.trigger('click')
    await settle()
    expect(harness.bridge.callsOf('queue.callMember')).toEqual([{ kind: 'nurse', visitId: 5 }])
    expect(body().get('.el-message--error').text()).toContain('没有人正在接待该顾客')
    expect(body().find('.el-message--success').exists()).toBe(false)
  })
})
