// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Staff } from '../../core/domain/staff.ts'
import StaffDialog from '../../renderer/src/views/staff/StaffDialog.vue'
import { Refusal } from './fakeBridge.ts'
import { createHarness, settle, staffMember, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

async function mountDialog(harness: Harness, staff: Staff | null = null) {
  wrapper = mount(StaffDialog, {
    props: { modelValue: true, staff, 'onUpdate:modelValue': (v: boolean) => wrapper?.setProps({ modelValue: v }) },
    global: harness.global as never,
    attachTo: document.body,
  })
  await settle()
  return wrapper
}

/** The dialog is teleported to <body>; look there. */
const body = () => new DOMWrapper(document.body)

async function save() {
  await body().get('[data-testid="staff-save"]').trigger('click')
  await settle()
}

function errorOf(testid: string): string {
  const item = body().get(`[data-testid="${testid}"]`).element.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

describe('StaffDialog', () => {
  it('refuses an empty name and a bad phone, in Chinese, without calling the API', async () => {
    const harness = createHarness()
    await mountDialog(harness)
    await body().get('[data-testid="staff-phone"]').setValue('12345')
    await save()
    await vi.waitFor(() => expect(errorOf('staff-name')).toBe('请输入姓名'))
    await vi.waitFor(() => expect(errorOf('staff-phone')).toBe('请输入正确的手机号（11 位）或座机号（如 021-61234567）'))
    expect(harness.bridge.callsOf('staff.create')).toEqual([])
  })

  it('accepts a landline like 021-61234567 and an empty phone', async () => {
    const harness = createHarness()
    harness.bridge.handlers['staff.create'] = (input) => staffMember({ ...input, id: 7 })
    await mountDialog(harness)
    await body().get('[data-testid="staff-name"]').setValue('李医生')
    await body().get('[data-testid="staff-phone"]').setValue('021-61234567')
    await save()
    expect(errorOf('staff-phone')).toBe('')
    expect(harness.bridge.callsOf('staff.create')).toHaveLength(1)
  })

  it('submits the right input to the bridge and closes', async () => {
    const harness = createHarness()
    harness.bridge.handlers['staff.create'] = (input) => staffMember({ ...input, id: 9 })
    const w = await mountDialog(harness)
    await body().get('[data-testid="staff-name"]').setValue('  王丽 ')
    await body().get('[data-testid="staff-phone"]').setValue('13812345678')
    await body().get('[data-testid="staff-room"]').setValue('咨询室 2')
    const [role, skills] = w.findAllComponents(ElSelect)
    role!.vm.$emit('update:modelValue', 'nurse')
    skills!.vm.$emit('update:modelValue', ['skin', 'laser'])
    await save()
    expect(harness.bridge.callsOf('staff.create')).toEqual([
      { name: '王丽', role: 'nurse', phone: '13812345678', room: '咨询室 2', skills: ['skin', 'laser'] },
    ])
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
    expect(w.emitted('saved')?.[0]?.[0]).toMatchObject({ id: 9, name: '王丽' })
  })

  it('submits with Enter from a text field', async () => {
    const harness = createHarness()
    harness.bridge.handlers['staff.create'] = (input) => staffMember({ ...input, id: 3 })
    await mountDialog(harness)
    const name = body().get('[data-testid="staff-name"]')
    await name.setValue('赵敏')
    await name.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(harness.bridge.callsOf('staff.create')).toHaveLength(1)
  })

  it('edits with the id and expectedUpdatedAt (optimistic concurrency)', async () => {
    const harness = createHarness()
    const member = staffMember({ id: 4, skills: ['injection'] })
    harness.bridge.handlers['staff.update'] = (input) => staffMember({ ...input })
    await mountDialog(harness, member)
    expect((body().get('[data-testid="staff-name"]').element as HTMLInputElement).value).toBe('张三')
    await body().get('[data-testid="staff-room"]').setValue('咨询室 5')
    await save()
    expect(harness.bridge.callsOf('staff.update')).toEqual([
      {
        id: 4,
        expectedUpdatedAt: '2025-01-02T03:04:05.000Z',
        name: '张三',
        role: 'consultant',
        phone: '13800000001',
        room: '咨询室 5',
        skills: ['injection'],
      },
    ])
  })

  it('shows a server field error (duplicate phone) on its field and stays open', async () => {
    const harness = createHarness()
    harness.bridge.handlers['staff.create'] = () =>
      new Refusal({ code: 'conflict', message: '输入有误', fields: { phone: '手机号 13812345678 已属于员工“张三”' } })
    const w = await mountDialog(harness)
    await body().get('[data-testid="staff-name"]').setValue('王丽')
    await body().get('[data-testid="staff-phone"]').setValue('13812345678')
    await save()
    await vi.waitFor(() => expect(errorOf('staff-phone')).toBe('手机号 13812345678 已属于员工“张三”'))
    expect(w.emitted('update:modelValue')).toBeUndefined()
    // Editing the field drops the server's complaint.
    await body().get('[data-testid="staff-phone"]').setValue('13812345679')
    await vi.waitFor(() => expect(errorOf('staff-phone')).toBe(''))
  })

  it('shows a refusal without fields (e.g. changed in another window) above the form', async () => {
    const harness = createHarness()
    harness.bridge.handlers['staff.update'] = () =>
      new Refusal({ code: 'conflict', message: '该员工资料已被其他窗口修改，请刷新后再试' })
    await mountDialog(harness, staffMember())
    await save()
    expect(body().get('[data-testid="staff-form-error"]').text()).toContain('该员工资料已被其他窗口修改')
  })
})
