import { spokenText } from '../../../core/domain/callSentence.ts'
import type { DisplaySpeech } from '../../../core/api/queue.ts'

/**
 * Speaking a call through the Web Speech API. `window.speechSynthesis` is read at each use, never kept,
 * so a test can replace it before the page loads and record what is spoken.
 */

/** What this module needs of a voice (a SpeechSynthesisVoice, or a test's plain object). */
export interface VoiceLike {
  name: string
  voiceURI: string
  lang: string
}

/** How long to wait for the voice list, which Chromium fills only after the first `voiceschanged`. */
const VOICES_WAIT_MS = 1500

function synthesis(): SpeechSynthesis | undefined {
  return typeof window === 'undefined' ? undefined : window.speechSynthesis
}

function normalisedLang(voice: VoiceLike): string {
  return voice.lang.replace('_', '-').toLowerCase()
}

/**
 * The voice to speak with: the one chosen in settings (by name or voiceURI), else the first Mandarin
 * (zh-CN) voice, else any Chinese voice; null when none is installed (then only the chime plays).
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], chosen: string): V | null {
  if (chosen !== '') {
    const match = voices.find((voice) => voice.name === chosen || voice.voiceURI === chosen)
    if (match) return match
  }
  return (
    voices.find((voice) => normalisedLang(voice) === 'zh-cn') ??
    voices.find((voice) => /^(cmn|zh)-(hans|cn|sg)/.test(normalisedLang(voice))) ??
    voices.find((voice) => /^(cmn|zh)(-|$)/.test(normalisedLang(voice))) ??
    null
  )
}

/** The installed voices, waiting briefly for the first list when the engine has not loaded it yet. */
export async function availableVoices(): Promise<SpeechSynthesisVoice[]> {
  const engine = synthesis()
  if (!engine) return []
  const now = engine.getVoices()
  if (now.length > 0) return now
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      engine.removeEventListener?.('voiceschanged', done)
      resolve(engine.getVoices())
    }
    const timer = setTimeout(done, VOICES_WAIT_MS)
    engine.addEventListener?.('voiceschanged', done)
  })
}

export type SpeakResult = 'spoken' | 'no-voice' | 'unsupported'

/** Longest wait for one spoken sentence to end, should the engine never say so. */
const SENTENCE_MAX_MS = 10_000

/**
 * Speaks the sentence `speech.repeat` times in Chinese, with the chosen voice and volume, and resolves
 * when the last one has been spoken. Returns 'no-voice' without speaking when no Chinese voice is
 * installed. `onBlocked` hears a refusal by the browser's autoplay policy (speech before any gesture).
 */
export async function speakCall(sentence: string, speech: DisplaySpeech, onBlocked: () => void = () => {}): Promise<SpeakResult> {
  const engine = synthesis()
  if (!engine || typeof SpeechSynthesisUtterance === 'undefined') return 'unsupported'
  const voice = pickVoice(await availableVoices(), speech.voice)
  if (!voice) return 'no-voice'
  const text = spokenText(sentence)
  const repeat = Math.max(1, speech.repeat)
  const ended: Promise<void>[] = []
  for (let i = 0; i < repeat; i++) {
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.lang = speech.language
    utterance.voice = voice as SpeechSynthesisVoice
    utterance.volume = speech.volume
    utterance.rate = 0.9
    ended.push(
      new Promise<void>((resolve) => {
        utterance.onend = () => resolve()
        utterance.onerror = (event) => {
          if (event.error === 'not-allowed') onBlocked()
          resolve()
        }
      }),
    )
    engine.speak(utterance)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, SENTENCE_MAX_MS * repeat)))
  await Promise.race([Promise.all(ended), timeout])
  clearTimeout(timer)
  return 'spoken'
}
