import type { DisplayCall, DisplayState } from '../../core/api/queue.ts'

export function displayCall(overrides: Partial<DisplayCall> = {}): DisplayCall {
  const queueNo = overrides.queueNo ?? 'A001'
  const maskedName = overrides.maskedName ?? '张*丽'
  const room = overrides.room ?? '1'
  return {
    callId: 1,
    kind: 'call',
    queueNo,
    maskedName,
    consultantName: '王静',
    room,
    at: new Date().toISOString(),
    sentence: `请 ${queueNo} 号 ${maskedName} 到 ${room} 号咨询室`,
    ...overrides,
  }
}

export function displayState(overrides: Partial<DisplayState> = {}): DisplayState {
  return {
    clinicName: '丽颜医疗美容门诊部',
    current: null,
    recent: [],
    waiting: [],
    speech: { voice: '', volume: 0.8, repeat: 2, language: 'zh-CN' },
    ...overrides,
  }
}

export interface SpokenUtterance {
  text: string
  lang: string
  volume: number
  voice: string | null
}

export interface FakeVoice {
  name: string
  voiceURI: string
  lang: string
}

export const MANDARIN: FakeVoice = { name: 'Tingting', voiceURI: 'zh-tingting', lang: 'zh-CN' }
export const ENGLISH: FakeVoice = { name: 'Samantha', voiceURI: 'en-samantha', lang: 'en-US' }

/**
 * Replaces window.speechSynthesis and SpeechSynthesisUtterance with recorders (as the Playwright spec
 * does in the browser); each utterance "ends" at once. Returns what was spoken, and a restore function.
 */
export function fakeSpeech(voices: FakeVoice[] = [MANDARIN, ENGLISH]) {
  const spoken: SpokenUtterance[] = []
  class FakeUtterance {
    text: string
    lang = ''
    volume = 1
    rate = 1
    voice: FakeVoice | null = null
    onend: (() => void) | null = null
    onerror: ((event: { error: string }) => void) | null = null
    constructor(text: string) {
      this.text = text
    }
  }
  const engine = {
    getVoices: () => voices,
    speak(utterance: FakeUtterance) {
      spoken.push({ text: utterance.text, lang: utterance.lang, volume: utterance.volume, voice: utterance.voice?.name ?? null })
      setTimeout(() => utterance.onend?.(), 0)
    },
    cancel() {},
    addEventListener() {},
    removeEventListener() {},
  }
  const before = { synthesis: Object.getOwnPropertyDescriptor(window, 'speechSynthesis'), utterance: globalThis.SpeechSynthesisUtterance }
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true, writable: true })
  globalThis.SpeechSynthesisUtterance = FakeUtterance as unknown as typeof SpeechSynthesisUtterance
  const restore = () => {
    if (before.synthesis) Object.defineProperty(window, 'speechSynthesis', before.synthesis)
    else delete (window as { speechSynthesis?: unknown }).speechSynthesis
    globalThis.SpeechSynthesisUtterance = before.utterance
  }
  return { spoken, restore }
}
