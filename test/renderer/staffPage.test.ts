// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

const body = () => new DOMWrapper(document.body)
const rowNames = () => body().findAll('[data-testid="staff-row"]').map((row) => row.find('td').text())

const team = [
  staffMember({ id: 1, name: '张三', role: 'consultant', skills: ['skin', 'laser'] }),
  staffMember({ id: 2, name: '李医生', role: 'doctor', phone: '021-61234567', room: '诊室 3' }),
  staffMember({ id: 3, name: '王护士', role: 'nurse', active: false }),
]

describe('Staff page', () => {
  it('lists active staff with role, phone, room and skills; inactive ones on request; filters by role', async () => {
    const harness = createHarness({ staff: team })
    ;({ wrapper } = await mountApp(harness, '/staff'))
    expect(harness.bridge.callsOf('staff.list')).toEqual([{ includeInactive: true }])
    expect(rowNames()).toEqual(['张三', '李医生'])
    const first = body().get('[data-testid="staff-row"][data-staff-id="1"]').text()
    expect(first).toContain('咨询师')
    expect(first).toContain('皮肤')
    expect(first).toContain('激光')
    expect(first).toContain('在职')

    await body().get('[data-testid="staff-show-inactive"] input').setValue(true)
    expect(rowNames()).toEqual(['张三', '李医生', '王护士'])
    expect(body().get('[data-staff-id="3"]').text()).toContain('已停用')
  })

  it('deactivates after a confirmation that says nothing is deleted', async () => {
    const harness = createHarness({ staff: team })
    harness.bridge.handlers['staff.setActive'] = ({ id, active }) => ({ ...team.find((s) => s.id === id), active })
    ;({ wrapper } = await mountApp(harness, '/staff'))
    await body().get('[data-staff-id="1"] [data-testid="staff-toggle-active"]').trigger('click')
    await settle()
    const box = body().get('.el-message-box')
    expect(box.text()).toContain('员工不会被删除')
    await box.get('.el-message-box__btns .el-button--primary').trigger('click')
    await vi.waitFor(() => expect(harness.bridge.callsOf('staff.setActive')).toEqual([{ id: 1, active: false }]))
    await settle()
    expect(rowNames()).toEqual(['李医生'])
  })

  it('does nothing when the confirmation is cancelled', async () => {
    const harness = createHarness({ staff: team })
    ;({ wrapper } = await mountApp(harness, '/staff'))
    await body().get('[data-staff-id="2"] [data-testid="staff-toggle-active"]').trigger('click')
    await settle()
    await body().get('.el-message-box__btns .el-button:not(.el-button--primary)').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('staff.setActive')).toEqual([])
  })

  it('opens the add dialog with Alt+N, and the edit dialog from a row', async () => {
    const harness = createHarness({ staff: team })
    ;({ wrapper } = await mountApp(harness, '/staff'))
    expect(body().get('[data-testid="staff-add"]').attributes('title')).toBe('添加员工（快捷键 Alt+N）')
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyN', key: 'n', altKey: true }))
    await settle()
    expect(body().get('.el-dialog__title').text()).toBe('添加员工')
    await body().get('[data-testid="staff-cancel"]').trigger('click')
    await settle()

    await body().get('[data-staff-id="2"] [data-testid="staff-edit"]').trigger('click')
    await settle()
    expect(body().get('.el-dialog__title').text()).toBe('编辑员工')
    expect((body().get('[data-testid="staff-name"]').element as HTMLInputElement).value).toBe('李医生')
  })

  it('re-reads the list when main broadcasts a staff change', async () => {
    const harness = createHarness({ staff: team })
    ;({ wrapper } = await mountApp(harness, '/staff'))
    harness.bridge.handlers['staff.list'] = () => [...team, staffMember({ id: 4, name: '新同事' })]
    harness.bridge.emit({ topic: 'staff', ids: [4] })
    await settle()
    expect(rowNames()).toContain('新同事')
  })
})
