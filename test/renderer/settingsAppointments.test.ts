// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils'
import { ElInputNumber } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_CONFIRMATION_TEMPLATE } from '../../core/domain/confirmationText.ts'
import { DEFAULT_FOLLOW_UP_PLANS } from '../../core/domain/followUp.ts'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import ConfirmationTemplateCard from '../../renderer/src/views/settings/ConfirmationTemplateCard.vue'
import FollowUpPlansCard from '../../renderer/src/views/settings/FollowUpPlansCard.vue'
import { Refusal } from './fakeBridge.ts'
import { createHarness, settle, type Harness } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

function harnessWith(): Harness {
  return createHarness({
    settings: {
      clinicName: '丽颜医美',
      clinicPhone: '021-61234567',
      confirmationTemplate: DEFAULT_CONFIRMATION_TEMPLATE,
      followUpPlans: structuredClone(DEFAULT_FOLLOW_UP_PLANS),
    } as never,
  })
}

async function mountCard(harness: Harness, card: object) {
  await useSettingsStore().init()
  wrapper = mount(card, { global: harness.global as never, attachTo: document.body })
  await settle()
  return wrapper
}

const get = (w: VueWrapper, testid: string) => w.get(`[data-testid="${testid}"]`)

describe('settings: the confirmation text (二次确认话术)', () => {
  it('previews the text with a sample client and the clinic, inserts a placeholder at the cursor and saves the text', async () => {
    const harness = harnessWith()
    const w = await mountCard(harness, ConfirmationTemplateCard)
    expect(get(w, 'settings-confirmation-preview').text()).toMatch(/^林女士您好，这里是丽颜医美。您预约了\d+月\d+日（周.） 10:30到店（光子嫩肤），接待咨询师王静。.*021-61234567。$/)
    expect(get(w, 'settings-confirmation-save').attributes('disabled')).toBeDefined()

    const area = get(w, 'settings-confirmation-template')
    await area.setValue('您好，请于 到店')
    const element = area.element as HTMLTextAreaElement
    element.setSelectionRange(3, 3)
    await get(w, 'settings-placeholder-name').trigger('click')
    await settle()
    expect(element.value).toBe('您好，{name}请于 到店')
    element.setSelectionRange(element.value.length - 2, element.value.length - 2)
    await get(w, 'settings-placeholder-time').trigger('click')
    await settle()
    expect(element.value).toBe('您好，{name}请于 {time}到店')
    expect(get(w, 'settings-confirmation-preview').text()).toBe('您好，林女士请于 10:30到店')

    await area.setValue('{name}您好，{日期}见')
    await settle()
    expect(get(w, 'settings-confirmation-unknown').text()).toBe('{日期} 不是可用的占位符，会按原样显示')
    await get(w, 'settings-confirmation-save').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('settings.update')).toEqual([{ confirmationTemplate: '{name}您好，{日期}见' }])
  })

  it('refuses an empty text before saving, and shows the server’s complaint on the field', async () => {
    const harness = harnessWith()
    const w = await mountCard(harness, ConfirmationTemplateCard)
    await get(w, 'settings-confirmation-template').setValue('   ')
    await settle()
    await vi.waitFor(() => expect(get(w, 'settings-confirmation').text()).toContain('请填写话术'))
    expect(get(w, 'settings-confirmation-save').attributes('disabled')).toBeDefined()

    harness.bridge.handlers['settings.update'] = () => new Refusal({ code: 'invalid_input', message: '太长了', fields: { confirmationTemplate: '最多 300 个字符' } })
    await get(w, 'settings-confirmation-template').setValue('{name}您好')
    await get(w, 'settings-confirmation-save').trigger('click')
    await settle()
    await vi.waitFor(() => expect(get(w, 'settings-confirmation').text()).toContain('最多 300 个字符'))
    await get(w, 'settings-confirmation-default').trigger('click')
    await settle()
    expect((get(w, 'settings-confirmation-template').element as HTMLTextAreaElement).value).toBe(DEFAULT_CONFIRMATION_TEMPLATE)
  })
})

describe('settings: the follow-up plans (回访计划)', () => {
  it('edits one category’s calls: add, name, remove; checks each and saves the whole plan', async () => {
    const harness = harnessWith()
    const w = await mountCard(harness, FollowUpPlansCard)
    // Surgery first: next day, suture removal, 1 and 3 month reviews.
    expect(get(w, 'plan-category-surgery').text()).toBe('手术 (4)')
    const labels = () => w.findAll('input[data-testid="plan-label"]').map((i) => (i.element as HTMLInputElement).value)
    expect(labels()).toEqual(['次日回访', '拆线', '1个月复查', '3个月复查'])
    expect(w.findAll('[data-testid="plan-example"]')).toHaveLength(4)
    expect(get(w, 'settings-follow-ups-save').attributes('disabled')).toBeDefined()

    await get(w, 'plan-category-skin').find('input').setValue(true)
    await settle()
    expect(labels()).toEqual(['次日回访', '7天回访'])
    await get(w, 'plan-add').trigger('click')
    await settle()
    expect(labels()).toEqual(['次日回访', '7天回访', ''])
    expect(get(w, 'settings-follow-ups').text()).toContain('请填写回访名称')
    expect(get(w, 'plan-category-skin').attributes('data-invalid')).toBe('true')
    expect(get(w, 'plan-invalid').text()).toBe('请先修正标红的回访')
    expect(get(w, 'settings-follow-ups-save').attributes('disabled')).toBeDefined()

    await w.findAll('input[data-testid="plan-label"]')[2]!.setValue('1个月回访')
    const [, , , , months, days] = w.findAllComponents(ElInputNumber)
    months!.vm.$emit('update:modelValue', 0)
    days!.vm.$emit('update:modelValue', 0)
    await settle()
    expect(get(w, 'settings-follow-ups').text()).toContain('回访至少在缴费次日')
    expect(get(w, 'settings-follow-ups-save').attributes('disabled')).toBeDefined()
    months!.vm.$emit('update:modelValue', 1)
    await settle()
    expect(w.find('[data-testid="plan-invalid"]').exists()).toBe(false)

    // The first skin call goes.
    await w.findAll('[data-testid="plan-remove"]')[0]!.trigger('click')
    await settle()
    expect(labels()).toEqual(['7天回访', '1个月回访'])
    await get(w, 'settings-follow-ups-save').trigger('click')
    await settle()
    const saved = harness.bridge.callsOf('settings.update') as { followUpPlans: typeof DEFAULT_FOLLOW_UP_PLANS }[]
    expect(saved).toHaveLength(1)
    expect(saved[0]!.followUpPlans.skin).toEqual([
      { label: '7天回访', days: 7, months: 0 },
      { label: '1个月回访', days: 0, months: 1 },
    ])
    expect(saved[0]!.followUpPlans.surgery).toEqual(DEFAULT_FOLLOW_UP_PLANS.surgery)
    expect(Object.keys(saved[0]!.followUpPlans).sort()).toEqual(Object.keys(DEFAULT_FOLLOW_UP_PLANS).sort())
  })

  it('shows the server’s message on the step it names, and a category may have no calls', async () => {
    const harness = harnessWith()
    harness.bridge.handlers['settings.update'] = () =>
      new Refusal({ code: 'invalid_input', message: '回访计划有误', fields: { 'followUpPlans.surgery.1.label': '名称重复' } })
    const w = await mountCard(harness, FollowUpPlansCard)
    await w.findAll('input[data-testid="plan-label"]')[1]!.setValue('次日回访')
    await get(w, 'settings-follow-ups-save').trigger('click')
    await settle()
    expect(w.findAll('[data-testid="plan-step"]')[1]!.text()).toContain('名称重复')

    await get(w, 'plan-category-other').find('input').setValue(true)
    await settle()
    await get(w, 'plan-remove').trigger('click')
    await settle()
    expect(get(w, 'plan-empty').text()).toBe('此类项目缴费后不安排回访')
    expect(get(w, 'plan-category-other').text()).toBe('其他 (0)')
    await get(w, 'plan-default').trigger('click')
    await settle()
    expect(get(w, 'plan-category-other').text()).toBe('其他 (1)')
  })
})
