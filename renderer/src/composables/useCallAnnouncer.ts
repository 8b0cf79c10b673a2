import { onBeforeUnmount, onMounted, ref } from 'vue'
import type { Announcement } from '../stores/display.ts'
import { CHIME_SECONDS, Chime } from './chime.ts'
import { speakCall, type SpeakResult } from './callSpeech.ts'

export interface AnnouncerSource {
  onAnnounce(listener: (announcement: Announcement) => void): () => void
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Announces each new call on the display: the chime, then the sentence spoken in Chinese. Calls are
 * played one after another, never over each other. Where the browser holds sound back until a click
 * (autoplay policy), `soundBlocked` is true and `enableSound` (from a click) lets it play.
 */
export function useCallAnnouncer(source: AnnouncerSource, options: { chime?: Chime } = {}) {
  const chime = options.chime ?? new Chime()
  const soundBlocked = ref(false)
  /** What the last announcement did, for tests and diagnostics. */
  const lastResult = ref<SpeakResult | null>(null)
  let queue = Promise.resolve()
  let stopped = false

  async function enableSound(): Promise<void> {
    soundBlocked.value = !(await chime.unlock())
  }

  async function announce({ call, speech }: Announcement): Promise<void> {
    if (stopped) return
    if (chime.blocked()) await enableSound()
    if (!soundBlocked.value && chime.play(speech.volume)) await wait(CHIME_SECONDS * 1000)
    lastResult.value = await speakCall(call.sentence, speech, () => (soundBlocked.value = true))
  }

  // A click or key anywhere on the screen counts as the gesture that allows sound.
  const onGesture = () => {
    if (soundBlocked.value) void enableSound()
  }

  const unsubscribe = source.onAnnounce((announcement) => {
    queue = queue.then(() => announce(announcement)).catch((error: unknown) => console.warn('announcing a call failed', error))
  })

  onMounted(() => {
    soundBlocked.value = chime.blocked()
    window.addEventListener('pointerdown', onGesture)
    window.addEventListener('keydown', onGesture)
  })

  onBeforeUnmount(() => {
    stopped = true
    unsubscribe()
    window.removeEventListener('pointerdown', onGesture)
    window.removeEventListener('keydown', onGesture)
    chime.close()
  })

  return { soundBlocked, lastResult, enableSound }
}
