// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils'
import { ElInputNumber } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_REBATE_RATES } from '../../core/domain/rebateRates.ts'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import RebateRatesCard from '../../renderer/src/views/settings/RebateRatesCard.vue'
import { createHarness, settle, type Harness } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

async function mountCard(harness: Harness) {
  await useSettingsStore().init()
  wrapper = mount(RebateRatesCard, { global: harness.global as never, attachTo: document.body })
  await settle()
  return wrapper
}

const rateInput = (w: VueWrapper, key: string) => w.findAllComponents(ElInputNumber).find((c) => c.attributes('data-testid') === `rebate-rate-${key}`)!

describe('the rebate rates card', () => {
  it('shows the rates as percentages and saves them as whole basis points', async () => {
    const harness = createHarness()
    const w = await mountCard(harness)
    expect(w.text()).toContain('店家返款与介绍提成')
    expect(rateInput(w, 'storeShareBp').props('modelValue')).toBe(50)
    expect(rateInput(w, 'referralCommissionBp').props('modelValue')).toBe(5)
    expect(w.get('[data-testid="rebate-rates-save"]').attributes('disabled')).toBeDefined()

    rateInput(w, 'storeShareBp').vm.$emit('update:modelValue', 45.5)
    await settle()
    await w.get('[data-testid="rebate-excluded-medicine"] input').setValue(true)
    await settle()
    await w.get('[data-testid="rebate-rates-save"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('settings.update')).toEqual([
      { rebateRates: { ...DEFAULT_REBATE_RATES, storeShareBp: 4550, excludedCategories: [...DEFAULT_REBATE_RATES.excludedCategories, 'medicine'] } },
    ])
  })

  it('puts the defaults back', async () => {
    const harness = createHarness()
    const w = await mountCard(harness)
    rateInput(w, 'specialPriceShareBp').vm.$emit('update:modelValue', 12)
    await settle()
    expect(rateInput(w, 'specialPriceShareBp').props('modelValue')).toBe(12)
    await w.get('[data-testid="rebate-rates-defaults"]').trigger('click')
    await settle()
    expect(rateInput(w, 'specialPriceShareBp').props('modelValue')).toBe(10)
    expect(w.get('[data-testid="rebate-rates-save"]').attributes('disabled')).toBeDefined()
  })
})
