// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BoardView, NurseHandOver } from '../../core/api/rotation.ts'
import type { FeeSheetSummary } from '../../core/domain/feeSheet.ts'
import { closedBoard, consultants, member, openBoard, visitRow } from './desk.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { confirmBox, showPanel } from './boardPanels.ts'
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

const nurses = [
  staffMember({ id: 11, name: '孙护士', role: 'nurse', phone: '13800000011' }),
  staffMember({ id: 12, name: '周护士', role: 'nurse', phone: '13800000012' }),
]

function nurseBoard(overrides: Partial<BoardView> = {}): BoardView {
  return openBoard({ kind: 'nurse', members: [member(11, '孙护士', 0), member(12, '周护士', 1)], nextMemberId: 11, assignments: [], ...overrides })
}

function paidSheet(visitId: number): FeeSheetSummary {
  return { id: 1, sheetNo: 'F001', visitId, queueNo: 'A001', clientName: '张小丽', consultantName: '王静', status: 'paid', totalFen: 128000, paidFen: 128000, createdAt: '2025-03-01T02:00:00.000Z' }
}

/** The desk with an open consultant board, a nurse board as given, and A001 served and paid. */
function nurseHarness(nurse: BoardView): Harness & { nurse: BoardView } {
  const harness = Object.assign(createHarness({ staff: [...consultants, ...nurses] }), { nurse })
  harness.bridge.handlers['visits.ofDay'] = () => [visitRow({ id: 5, queueNo: 'A001', status: 'billing', consultantId: 1, consultantName: '王静', outcome: 'deal' })]
  harness.bridge.handlers['rotation.board'] = (input: { kind: string }) => structuredClone(input.kind === 'nurse' ? harness.nurse : openBoard())
  harness.bridge.handlers['fees.list'] = () => [paidSheet(5)]
  return harness
}

describe('front desk: nurse board (护士轮牌)', () => {
  it('switches to the nurse board and opens it from the active nurses only, in the order ticked', async () => {
    const harness = nurseHarness({ ...closedBoard(), kind: 'nurse' })
    harness.bridge.handlers['rotation.open'] = () => nurseBoard()
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    await settle()
    expect(body().find('[data-testid="nurse-board"]').exists()).toBe(false)
    expect(harness.bridge.callsOf('rotation.board')[0]).toEqual({ kind: 'consultant' })
    await body().get('[data-testid="board-panel-nurse"] input').setValue(true)
    await settle()
    expect(body().find('[data-testid="desk-board"]').exists()).toBe(false)
    expect(harness.bridge.callsOf('rotation.board')).toContainEqual({ kind: 'nurse' })
    const picks = body().findAll('[data-testid="board-pick"]')
    expect(picks.map((p) => p.text())).toEqual(['孙护士', '周护士'])
    expect(body().get('[data-testid="board-opener"]').text()).toContain('勾选今天上班的护士')
    await picks[1]?.get('input').trigger('change')
    await picks[0]?.get('input').trigger('change')
    await body().get('[data-testid="board-open"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.open')).toEqual([{ kind: 'nurse', memberIds: [12, 11] }])
    expect(body().findAll('[data-testid="board-member"]')).toHaveLength(2)
    expect(body().get('.el-message--success').text()).toContain('护士轮牌已开牌：周护士、孙护士')
  })

  it('shows a serving nurse with the queue number, and frees her with 治疗完成; pass and undo go with kind nurse', async () => {
    const board = nurseBoard({
      members: [member(11, '孙护士', 0, { status: 'serving', visitId: 5, visitQueueNo: 'A001' }), member(12, '周护士', 1)],
      nextMemberId: 12,
      undoable: { seq: 2, type: 'assigned' },
      assignments: [{ visitId: 5, queueNo: 'A001', memberId: 11, memberName: '孙护士', at: '2025-03-01T02:00:00.000Z', finishedAt: null }],
    })
    const harness = nurseHarness(board)
    harness.bridge.handlers['rotation.finish'] = () => nurseBoard()
    harness.bridge.handlers['rotation.pass'] = () => board
    harness.bridge.handlers['rotation.undo'] = () => nurseBoard()
    wrapper = await showPanel(harness, 'nurse')
    const rows = body().findAll('[data-testid="board-member"]')
    expect(rows[0]?.get('[data-testid="board-state"]').text()).toBe('接待中 A001')
    expect(body().get('[data-testid="nurse-next-name"]').text()).toBe('下一位护士：周护士')
    // The paid visit already handed over is not offered again.
    expect(body().find('[data-testid="nurse-pending-row"]').exists()).toBe(false)

    await rows[1]?.get('[data-testid="board-pass"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.pass')).toEqual([{ kind: 'nurse', memberId: 12 }])

    await rows[0]?.get('[data-testid="nurse-finish"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')?.textContent).toContain('A001 由 孙护士 治疗完成？'))
    await confirmBox()
    expect(harness.bridge.callsOf('rotation.finish')).toEqual([{ kind: 'nurse', visitId: 5 }])

    harness.nurse = board // undoable again, as another window left it
    harness.bridge.emit({ topic: 'rotation' })
    await settle()
    await body().get('[data-testid="nurse-undo"]').trigger('click')
    await confirmBox()
    expect(harness.bridge.callsOf('rotation.undo')).toEqual([{ kind: 'nurse' }])
  })

  it('Alt+Z undoes the board shown: the nurse board while it is shown, not the consultants\'', async () => {
    const harness = nurseHarness(nurseBoard({ undoable: { seq: 3, type: 'passed' } }))
    harness.bridge.handlers['rotation.undo'] = (input: { kind: string }) => (input.kind === 'nurse' ? nurseBoard() : openBoard())
    wrapper = await showPanel(harness, 'nurse')
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyZ', altKey: true }))
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')?.textContent).toContain('撤销第 3 步“过牌”'))
    await confirmBox()
    expect(harness.bridge.callsOf('rotation.undo')).toEqual([{ kind: 'nurse' }])
  })

  it('hands the paid visit to the next nurse with one click and says to whom', async () => {
    const harness = nurseHarness(nurseBoard())
    const after = nurseBoard({
      members: [member(12, '周护士', 0), member(11, '孙护士', 1, { status: 'serving', visitId: 5, visitQueueNo: 'A001' })],
      nextMemberId: 12,
      assignments: [{ visitId: 5, queueNo: 'A001', memberId: 11, memberName: '孙护士', at: '2025-03-01T02:00:00.000Z', finishedAt: null }],
    })
    harness.bridge.handlers['rotation.handToNurse'] = (): NurseHandOver => ({ visitId: 5, queueNo: 'A001', nurseId: 11, nurseName: '孙护士', board: after })
    wrapper = await showPanel(harness, 'nurse')
    const row = body().get('[data-testid="nurse-pending-row"]')
    expect(row.attributes('data-visit-id')).toBe('5')
    await row.get('[data-testid="nurse-hand-over"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.handToNurse')).toEqual([{ visitId: 5 }])
    expect(body().get('.el-message--success').text()).toContain('A001 已交给 护士 孙护士')
    expect(body().findAll('[data-testid="board-member"]')[1]?.get('[data-testid="board-state"]').text()).toBe('接待中 A001')
    expect(body().get('[data-testid="nurse-pending-empty"]').text()).toBe('没有待交给护士的已缴费顾客')
  })

  it('says so when no nurse is free, without a call; shows the refusal of the main process', async () => {
    const busy = nurseBoard({ members: [member(11, '孙护士', 0, { status: 'break' }), member(12, '周护士', 1, { status: 'break' })], nextMemberId: null })
    const harness = nurseHarness(busy)
    wrapper = await showPanel(harness, 'nurse')
    expect(body().get('[data-testid="nurse-next-name"]').text()).toBe('暂无空闲的护士')
    await body().get('[data-testid="nurse-hand-over"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.handToNurse')).toEqual([])
    expect(body().get('.el-message--warning').text()).toContain('没有空闲的护士，请稍后再交')

    harness.nurse = nurseBoard()
    harness.bridge.handlers['rotation.handToNurse'] = () => new Refusal({ code: 'rule_violation', message: '没有空闲的护士（或没有擅长该项目的空闲护士），请稍后再交' })
    harness.bridge.emit({ topic: 'rotation' })
    await settle()
    expect(body().get('[data-testid="nurse-next-name"]').text()).toBe('下一位护士：孙护士')
    await body().get('[data-testid="nurse-hand-over"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.handToNurse')).toEqual([{ visitId: 5 }])
    expect(body().get('.el-message--error').text()).toContain('没有擅长该项目的空闲护士')
  })
})
