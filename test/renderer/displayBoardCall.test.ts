// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useDisplayStore } from '../../renderer/src/stores/display.ts'
import { displayCall, displayState, fakeSpeech } from './display.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
let restoreSpeech = () => {}
afterEach(() => {
  useDisplayStore().stop()
  wrapper?.unmount()
  restoreSpeech()
})

const text = (testid: string) => new DOMWrapper(document.body).get(`[data-testid="${testid}"]`).text()

describe('queue display: a call from the nurse or doctor board', () => {
  it('names the nurse as 护士 and her room as it is; a consultant’s call stays 咨询师', async () => {
    const harness = createHarness()
    const world = {
      state: displayState({
        current: displayCall({ callId: 2, consultantName: '孙护士', callerKind: 'nurse', room: '治疗室', sentence: '请 A001 号 张*丽 到 治疗室' }),
      }),
    }
    harness.bridge.handlers['queue.display'] = () => structuredClone(world.state)
    restoreSpeech = fakeSpeech().restore
    ;({ wrapper } = await mountApp(harness, '/display'))
    await settle()
    expect(text('display-now-caller')).toBe('护士')
    expect(text('display-now-consultant')).toBe('孙护士')
    expect(text('display-now-room')).toBe('治疗室')
    expect(text('display-now-sentence')).toContain('请 A001 号 张*丽 到 治疗室')

    world.state = displayState({ current: displayCall({ callId: 3, queueNo: 'A002', room: '3' }) })
    harness.bridge.emit({ topic: 'calls' })
    await settle()
    await vi.waitFor(() => expect(text('display-now-number')).toBe('A002'))
    expect(text('display-now-caller')).toBe('咨询师')
    expect(text('display-now-room')).toBe('3 号咨询室')
  })
})
