// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { spokenText } from '../../core/domain/callSentence.ts'
import { pickVoice, speakCall } from '../../renderer/src/composables/callSpeech.ts'
import { ANNOUNCE_WITHIN_MS, callsToAnnounce, distinctRecent, latestCallId } from '../../renderer/src/stores/displayCalls.ts'
import { displayCall, displayState, ENGLISH, fakeSpeech, MANDARIN } from './display.fixtures.ts'

const NOW = Date.parse('2025-03-01T10:00:00.000Z')
const at = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString()

describe('which calls the display announces', () => {
  const a1 = displayCall({ callId: 7, queueNo: 'A001', at: at(30) })
  const a2 = displayCall({ callId: 8, queueNo: 'A002', at: at(2) })
  const state = displayState({ current: a2, recent: [a1] })

  it('none on the first read of a window (a start or a reload is silent)', () => {
    expect(callsToAnnounce(null, state, NOW)).toEqual([])
  })

  it('each call newer than the last one heard, oldest first, once', () => {
    expect(callsToAnnounce(6, state, NOW).map((c) => c.callId)).toEqual([7, 8])
    expect(callsToAnnounce(7, state, NOW).map((c) => c.callId)).toEqual([8])
    expect(callsToAnnounce(latestCallId(state), state, NOW)).toEqual([])
  })

  it('a recall is a new call and is heard again', () => {
    const recall = displayCall({ callId: 9, kind: 'recall', queueNo: 'A002', at: at(0) })
    expect(callsToAnnounce(8, displayState({ current: recall, recent: [a2, a1] }), NOW)).toEqual([recall])
  })

  it('not a call found late, after a lost connection', () => {
    const old = displayCall({ callId: 9, at: new Date(NOW - ANNOUNCE_WITHIN_MS - 1000).toISOString() })
    expect(callsToAnnounce(8, displayState({ current: old }), NOW)).toEqual([])
  })

  it('the recent column leaves out the number on the big panel and repeated numbers', () => {
    const recall = displayCall({ callId: 9, kind: 'recall', queueNo: 'A002' })
    const a3 = displayCall({ callId: 6, queueNo: 'A003' })
    const shown = distinctRecent(displayState({ current: a1, recent: [recall, a2, a1, a3] }), 4)
    expect(shown.map((c) => c.callId)).toEqual([9, 6])
    expect(distinctRecent(displayState({ recent: [a2, a1, a3] }), 2).map((c) => c.queueNo)).toEqual(['A002', 'A001'])
  })
})

describe('the speaking voice', () => {
  const cantonese = { name: 'Sin-ji', voiceURI: 'zh-hk', lang: 'zh-HK' }
  const androidStyle = { name: 'Chinese', voiceURI: 'cmn', lang: 'zh_CN' }

  it('is the one chosen in settings, by name or voiceURI', () => {
    expect(pickVoice([MANDARIN, ENGLISH], 'Samantha')).toBe(ENGLISH)
    expect(pickVoice([MANDARIN, ENGLISH], 'en-samantha')).toBe(ENGLISH)
  })

  it('else the first Mandarin voice, then any Chinese one', () => {
    expect(pickVoice([ENGLISH, cantonese, MANDARIN], '')).toBe(MANDARIN)
    expect(pickVoice([ENGLISH, androidStyle], 'gone')).toBe(androidStyle)
    expect(pickVoice([ENGLISH, cantonese], '')).toBe(cantonese)
  })

  it('is none when no Chinese voice is installed', () => {
    expect(pickVoice([ENGLISH], '')).toBeNull()
    expect(pickVoice([], '')).toBeNull()
  })
})

describe('speaking a call', () => {
  let restore = () => {}
  afterEach(() => restore())

  it('speaks the sentence in Chinese as spokenText reads it, `repeat` times, with the voice and volume', async () => {
    const speech = fakeSpeech()
    restore = speech.restore
    const sentence = '请 A012 号 张*丽 到 3 号咨询室'
    const result = await speakCall(sentence, { voice: '', volume: 0.6, repeat: 3, language: 'zh-CN' })
    expect(result).toBe('spoken')
    const expected = { text: spokenText(sentence), lang: 'zh-CN', volume: 0.6, voice: 'Tingting' }
    expect(expected.text).toBe('请 A 0 1 2 号 张某丽 到 3 号咨询室')
    expect(speech.spoken).toEqual([expected, expected, expected])
  })

  it('says nothing where no Chinese voice is installed (the chime alone plays)', async () => {
    const speech = fakeSpeech([ENGLISH])
    restore = speech.restore
    expect(await speakCall('请 A001 号 王* 到前台', { voice: '', volume: 1, repeat: 2, language: 'zh-CN' })).toBe('no-voice')
    expect(speech.spoken).toEqual([])
  })
})
