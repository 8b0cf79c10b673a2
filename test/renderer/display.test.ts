// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DisplayState } from '../../core/api/queue.ts'
import { spokenText } from '../../core/domain/callSentence.ts'
import { useDisplayStore } from '../../renderer/src/stores/display.ts'
import { displayCall, displayState, fakeSpeech } from './display.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, type Harness } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
let restoreSpeech = () => {}
afterEach(() => {
  useDisplayStore().stop()
  wrapper?.unmount()
  wrapper = undefined
  restoreSpeech()
  vi.unstubAllGlobals()
})

const body = () => new DOMWrapper(document.body)
const text = (testid: string) => body().get(`[data-testid="${testid}"]`).text()
const all = (testid: string) => body().findAll(`[data-testid="${testid}"]`).map((w) => w.text())
const frame = () => new Promise((resolve) => setTimeout(resolve, 30))

/** The display at /#/display over a fake bridge whose queue.display returns `world.state`. */
async function openDisplay(state: DisplayState, settings = {}) {
  const world = { state }
  const harness: Harness = createHarness({ settings })
  harness.bridge.handlers['queue.display'] = () => structuredClone(world.state)
  const speech = fakeSpeech()
  restoreSpeech = speech.restore
  ;({ wrapper } = await mountApp(harness, '/display'))
  await settle()
  return { world, harness, spoken: speech.spoken }
}

const a1 = displayCall({ callId: 1, queueNo: 'A001', maskedName: '张*丽', room: '1' })
const a2 = displayCall({ callId: 2, queueNo: 'A002', maskedName: '王*', consultantName: '李娜', room: '2' })
const morning = displayState({
  current: a2,
  recent: [a1],
  waiting: [
    { queueNo: 'A003', type: 'first' },
    { queueNo: 'B001', type: 'returning' },
  ],
})

describe('the waiting-room display', () => {
  it('shows the current call, the last calls and who waits, and says nothing on its first read', async () => {
    const { spoken, harness } = await openDisplay(morning)
    expect(text('display-clinic-name')).toBe('丽颜医疗美容门诊部')
    expect(text('display-now-number')).toBe('A002')
    expect(text('display-now-name')).toBe('王*')
    expect(text('display-now-consultant')).toBe('李娜')
    expect(text('display-now-room')).toBe('2 号咨询室')
    expect(text('display-now-sentence')).toContain('请 A002 号 王* 到 2 号咨询室')
    expect(all('display-recent-item')).toEqual([expect.stringContaining('A001')])
    expect(all('display-waiting-number')).toEqual(['A003', 'B001'])
    expect(text('display-waiting-count')).toBe('共 2 人')
    expect(body().find('.now--fresh').exists()).toBe(false)
    expect(spoken).toEqual([])
    // Read-only: the display only ever reads.
    expect(new Set(harness.bridge.calls.map((c) => c.method))).toEqual(new Set(['settings.get', 'queue.display']))
  })

  it('follows a call at the desk at once: new number, a highlight, the chime and the sentence spoken `repeat` times', async () => {
    const { world, harness, spoken } = await openDisplay(morning)
    const a3 = displayCall({ callId: 3, queueNo: 'A003', maskedName: '欧*娜', consultantName: '陈晓', room: '3' })
    world.state = { ...morning, current: a3, recent: [a2, a1], waiting: [{ queueNo: 'B001', type: 'returning' }] }
    const readsBefore = harness.bridge.callsOf('queue.display').length
    harness.bridge.emit({ topic: 'visits', ids: [3] })
    harness.bridge.emit({ topic: 'calls', ids: [3] })
    await settle()
    await frame()
    expect(text('display-now-number')).toBe('A003')
    expect(text('display-now-name')).toBe('欧*娜')
    expect(all('display-recent-item').map((t) => t.slice(0, 4))).toEqual(['A002', 'A001'])
    expect(text('display-waiting-count')).toBe('共 1 人')
    expect(body().find('.now--fresh').exists()).toBe(true)
    // Two pushed changes during one read: one more read, not one per change.
    expect(harness.bridge.callsOf('queue.display').length - readsBefore).toBeLessThanOrEqual(2)
    await vi.waitFor(() => expect(spoken).toHaveLength(2))
    const expected = { text: spokenText('请 A003 号 欧*娜 到 3 号咨询室'), lang: 'zh-CN', volume: 0.8, voice: 'Tingting' }
    expect(spoken).toEqual([expected, expected])
  })

  it('says a recall again, but a reload shows the current call without saying it again', async () => {
    const first = await openDisplay(morning)
    const recall = displayCall({ ...a2, callId: 3, kind: 'recall' })
    first.world.state = { ...morning, current: recall, recent: [a2, a1] }
    first.harness.bridge.emit({ topic: 'calls' })
    await settle()
    await vi.waitFor(() => expect(first.spoken).toHaveLength(2))
    expect(text('display-now-recall')).toBe('重呼')
    // The recall's first call is not listed twice.
    expect(all('display-recent-item').map((t) => t.slice(0, 4))).toEqual(['A001'])
    useDisplayStore().stop()
    wrapper?.unmount()
    restoreSpeech()

    const reloaded = await openDisplay(first.world.state)
    expect(text('display-now-number')).toBe('A002')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(reloaded.spoken).toEqual([])
  })

  it('labels in English when the clinic works in English; the sentence stays Chinese', async () => {
    await openDisplay(morning, { language: 'en-US' })
    expect(text('display-title')).toBe('Waiting room')
    expect(text('display-now')).toContain('Now calling')
    expect(text('display-now-room')).toBe('Room 2')
    expect(text('display-waiting-count')).toBe('Total 2')
    expect(text('display-now-sentence')).toContain('请 A002 号 王* 到 2 号咨询室')
  })

  it('shows an empty board before the first call, and a count chip when more wait than fit', async () => {
    const waiting = Array.from({ length: 20 }, (_, i) => ({ queueNo: `A${String(i + 1).padStart(3, '0')}`, type: 'first' as const }))
    await openDisplay(displayState({ waiting }))
    expect(text('display-now-empty')).toBe('暂无叫号')
    expect(text('display-recent-empty')).toBe('暂无')
    expect(all('display-waiting-number')).toHaveLength(15)
    expect(text('display-waiting-more')).toBe('另有 5 位')
    expect(text('display-waiting-count')).toBe('共 20 人')
  })

  it('keeps what it shows and says it is reconnecting when a read fails, without a toast', async () => {
    const { harness } = await openDisplay(morning)
    harness.bridge.handlers['queue.display'] = () => {
      throw new Error('gone')
    }
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    harness.bridge.emit({ topic: 'calls' })
    await settle()
    expect(text('display-offline')).toBe('连接中断，正在重新连接…')
    expect(text('display-now-number')).toBe('A002')
    expect(body().find('.el-message').exists()).toBe(false)
  })

  it('asks for a click when the browser holds sound back, and hides the hint once sound runs', async () => {
    class SuspendedAudio {
      state = 'suspended'
      currentTime = 0
      async resume() {
        this.state = 'running'
      }
      async close() {}
    }
    vi.stubGlobal('AudioContext', SuspendedAudio)
    await openDisplay(morning)
    expect(text('display-sound-hint')).toBe('声音未开启，点击此处启用')
    await body().get('[data-testid="display-sound-hint"]').trigger('click')
    await settle()
    expect(body().find('[data-testid="display-sound-hint"]').exists()).toBe(false)
  })
})
