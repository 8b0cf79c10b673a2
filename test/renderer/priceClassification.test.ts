// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PriceItem } from '../../core/domain/priceItem.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())
const body = () => new DOMWrapper(document.body)

const item = (overrides: Partial<PriceItem> = {}): PriceItem => ({
  id: 1,
  code: 'BN01',
  name: '玻尿酸填充',
  category: 'treatment',
  unit: '支',
  listPriceFen: 480000,
  floorPriceFen: null,
  costFen: null,
  specialPrice: false,
  serviceCategory: 'injection',
  invasive: true,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  ...overrides,
})

async function openPrices(items: PriceItem[]) {
  const harness = createHarness()
  let list = items
  harness.bridge.handlers['prices.list'] = () => list
  harness.bridge.handlers['prices.create'] = (input: Omit<PriceItem, 'id'>) => {
    const made = item({ ...input, id: 9 })
    list = [...list, made]
    return made
  }
  harness.bridge.handlers['prices.update'] = (input: PriceItem) => item(input)
  ;({ wrapper } = await mountApp(harness, '/price-list'))
  await settle()
  return harness
}

async function pickService(value: string) {
  await body().get('[data-testid="price-service-category"]').trigger('click')
  await settle()
  ;(document.querySelector(`[data-testid="price-service-category-${value}"]`) as HTMLElement).click()
  await settle()
}
const invasiveBox = () => body().get('[data-testid="price-invasive"] input').element as HTMLInputElement

describe('the price list’s treatment classification', () => {
  it('shows 侵入性 and the service category in the table', async () => {
    await openPrices([item(), item({ id: 2, code: 'GZ01', name: '光子嫩肤', serviceCategory: 'skin', invasive: false })])
    expect(body().get('[data-price-code="BN01"] [data-testid="price-row-invasive"]').text()).toBe('侵入性')
    expect(body().get('[data-price-code="BN01"] [data-testid="price-row-service"]').text()).toBe('注射')
    expect(body().find('[data-price-code="GZ01"] [data-testid="price-row-invasive"]').exists()).toBe(false)
    expect(body().get('[data-price-code="GZ01"] [data-testid="price-row-service"]').text()).toBe('皮肤')
  })

  it('suggests 侵入性治疗 for an injection item, and sends the category and the flag', async () => {
    const harness = await openPrices([])
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyN', key: 'n', altKey: true }))
    await settle()
    await body().get('[data-testid="price-code"]').setValue('SR01')
    await body().get('[data-testid="price-name"]').setValue('肉毒素除皱')
    await body().get('[data-testid="price-list-price"]').setValue('2800')
    expect(invasiveBox().checked).toBe(false)
    await pickService('skin')
    expect(invasiveBox().checked).toBe(false)
    await pickService('injection')
    expect(invasiveBox().checked).toBe(true)
    await body().get('[data-testid="price-save"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('prices.create')).toEqual([
      { code: 'SR01', name: '肉毒素除皱', category: 'treatment', unit: '', listPriceFen: 280000, floorPriceFen: null, costFen: null, specialPrice: false, serviceCategory: 'injection', invasive: true },
    ])
  })

  it('edits an item keeping what it has, and lets the flag be unticked and the category cleared', async () => {
    const harness = await openPrices([item()])
    await body().get('[data-price-code="BN01"] [data-testid="price-edit"]').trigger('click')
    await settle()
    expect(invasiveBox().checked).toBe(true)
    await body().get('[data-testid="price-invasive"] input').setValue(false)
    await pickService('none')
    await body().get('[data-testid="price-save"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('prices.update')).toMatchObject([{ id: 1, code: 'BN01', serviceCategory: null, invasive: false }])
  })
})
