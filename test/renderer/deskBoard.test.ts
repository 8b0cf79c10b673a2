// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BoardView } from '../../core/api/rotation.ts'
import { closedBoard, consultants, member, openBoard, visitRow } from './desk.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  document.querySelectorAll('.el-overlay, .el-message-box__wrapper').forEach((n) => n.remove())
})

const body = () => new DOMWrapper(document.body)

function boardHarness(board: BoardView): Harness & { board: BoardView } {
  const harness = createHarness({ staff: consultants })
  const state = { board }
  harness.bridge.handlers['visits.ofDay'] = () => []
  harness.bridge.handlers['rotation.board'] = () => structuredClone(state.board)
  return Object.assign(harness, state)
}

async function openDesk(harness: Harness) {
  ;({ wrapper } = await mountApp(harness, '/front-desk'))
  await settle()
}

/** Confirms the open Element Plus message box. */
async function confirmBox() {
  await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
  ;(document.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement).click()
  await settle()
}

describe('front desk: rotation board', () => {
  it('opens the day with the consultants in the order they were ticked', async () => {
    const harness = boardHarness(closedBoard())
    harness.bridge.handlers['rotation.open'] = () => openBoard()
    await openDesk(harness)
    const picks = body().findAll('[data-testid="board-pick"] input')
    const byId = (id: number) => picks.find((p) => p.attributes('data-staff-id') === String(id))
    await byId(3)?.trigger('change')
    await byId(1)?.trigger('change')
    await body().get('[data-testid="board-open"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.open')).toEqual([{ kind: 'consultant', memberIds: [3, 1] }])
    expect(body().findAll('[data-testid="board-member"]')).toHaveLength(3)
  })

  it('marks the next member, lets only them pass, and shows state and counts', async () => {
    const board = openBoard({
      members: [
        member(1, '王静', 0, { status: 'serving', visitId: 5, visitQueueNo: 'A005' }),
        member(2, '李娜', 1, { counts: { rotationTurns: 2, rotation: 2, designated: 1, returning: 0, manual: 0, partner: 4, passes: 1, totalClients: 7 } }),
        member(3, '陈晓', 2, { status: 'break' }),
      ],
      nextMemberId: 2,
    })
    const harness = boardHarness(board)
    harness.bridge.handlers['rotation.pass'] = () => openBoard({ nextMemberId: 3 })
    await openDesk(harness)
    const rows = body().findAll('[data-testid="board-member"]')
    expect(rows.map((r) => r.attributes('data-next'))).toEqual([undefined, 'true', undefined])
    expect(body().get('[data-testid="board-next-name"]').text()).toBe('下一位：李娜')
    expect(rows[0]?.get('[data-testid="board-state"]').text()).toBe('接待中 A005')
    expect(rows[2]?.get('[data-testid="board-state"]').text()).toBe('暂离')
    expect(rows[1]?.text()).toContain('7')
    expect(rows[1]?.get('[data-testid="board-partner"]').text()).toBe('4')
    expect(body().findAll('[data-testid="board-pass"]')).toHaveLength(1)
    await rows[1]?.get('[data-testid="board-pass"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rotation.pass')).toEqual([{ kind: 'consultant', memberId: 2 }])
  })

  it('undoes with Alt+Z after confirming what it will undo', async () => {
    const board = openBoard({ undoable: { seq: 7, type: 'passed' }, lastEvent: { seq: 7, type: 'passed', at: '2025-03-01T01:30:00.000Z', actor: '前台', reason: '准备资料' } })
    const harness = boardHarness(board)
    harness.bridge.handlers['rotation.undo'] = () => openBoard()
    await openDesk(harness)
    expect(body().get('[data-testid="board-last-event"]').text()).toContain('前台：过牌')
    expect(body().get('[data-testid="board-last-event"]').text()).toContain('原因：准备资料')
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyZ', altKey: true }))
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')?.textContent).toContain('撤销第 7 步“过牌”'))
    await confirmBox()
    expect(harness.bridge.callsOf('rotation.undo')).toEqual([{ kind: 'consultant' }])
  })

  it('reorders with a reason and sends the full order', async () => {
    const harness = boardHarness(openBoard())
    harness.bridge.handlers['rotation.reorder'] = (input) => openBoard({ members: input.order.map((id: number, i: number) => member(id, String(id), i)) })
    await openDesk(harness)
    await body().findAll('[data-testid="board-move-down"]')[0]?.trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-message-box input')).not.toBeNull())
    const input = document.querySelector('.el-message-box input') as HTMLInputElement
    input.value = '王静去拿资料'
    input.dispatchEvent(new Event('input'))
    await settle()
    await confirmBox()
    await vi.waitFor(() => expect(harness.bridge.callsOf('rotation.reorder')).toEqual([{ kind: 'consultant', order: [2, 1, 3], reason: '王静去拿资料' }]))
  })

  it('assigns the first unassigned first visit in queue order with Alt+A', async () => {
    const harness = boardHarness(openBoard())
    harness.bridge.handlers['visits.ofDay'] = () => [
      visitRow({ id: 1, queueNo: 'B001', type: 'returning', registeredAt: '2025-03-01T01:00:00.000Z' }),
      visitRow({ id: 2, queueNo: 'A002', registeredAt: '2025-03-01T01:05:00.000Z', version: 3 }),
      visitRow({ id: 3, queueNo: 'A003', registeredAt: '2025-03-01T01:10:00.000Z' }),
    ]
    harness.bridge.handlers['visits.assign'] = () => visitRow({ id: 2, queueNo: 'A002', consultantId: 1, consultantName: '王静', version: 4 })
    await openDesk(harness)
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyA', altKey: true }))
    await settle()
    expect(harness.bridge.callsOf('visits.assign')).toEqual([{ visitId: 2, expectedVersion: 3 }])
  })

  it('re-reads the board when another window changes it', async () => {
    const harness = boardHarness(openBoard())
    await openDesk(harness)
    harness.board = openBoard({ nextMemberId: 3 })
    harness.bridge.handlers['rotation.board'] = () => structuredClone(harness.board)
    harness.bridge.emit({ topic: 'rotation' })
    await settle()
    expect(body().get('[data-testid="board-next-name"]').text()).toBe('下一位：陈晓')
  })
})
