/**
 * The call chime: a two-tone "ding-dong" made with Web Audio oscillators, so no sound file is needed
 * (and the CSP's local-only media rule has nothing to allow).
 */

/** Two notes (E6 then C6), each with a soft attack and a long decay, like a door chime. */
const NOTES = [
  { frequency: 1318.5, start: 0, length: 0.9 },
  { frequency: 1046.5, start: 0.45, length: 1.1 },
]
/** Seconds from the start of the chime to its end: speech begins after it. */
export const CHIME_SECONDS = 1.55

type AudioContextClass = typeof AudioContext

function audioContextClass(): AudioContextClass | undefined {
  if (typeof window === 'undefined') return undefined
  return window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext
}

/** One AudioContext for the window; created suspended where the autoplay policy wants a gesture. */
export class Chime {
  private context: AudioContext | null = null

  /** The context, created on first use; null where Web Audio is missing. */
  audio(): AudioContext | null {
    if (this.context) return this.context
    const Context = audioContextClass()
    if (!Context) return null
    try {
      this.context = new Context()
    } catch {
      return null
    }
    return this.context
  }

  /** True when sound is held back until someone clicks (the browser's autoplay policy). */
  blocked(): boolean {
    return this.audio()?.state === 'suspended'
  }

  /** Tries to start the sound (works inside a user gesture, or where autoplay is allowed). */
  async unlock(): Promise<boolean> {
    const context = this.audio()
    if (!context) return false
    if (context.state === 'suspended') {
      try {
        await context.resume()
      } catch {
        return false
      }
    }
    return context.state === 'running'
  }

  /** Plays the chime at `volume` (0..1); false (and nothing heard) while the context is suspended. */
  play(volume: number): boolean {
    const context = this.audio()
    if (!context || context.state !== 'running' || volume <= 0) return false
    const t0 = context.currentTime + 0.02
    const master = context.createGain()
    master.gain.value = Math.min(1, volume) * 0.35
    master.connect(context.destination)
    for (const note of NOTES) {
      const oscillator = context.createOscillator()
      oscillator.type = 'sine'
      oscillator.frequency.value = note.frequency
      const envelope = context.createGain()
      const start = t0 + note.start
      envelope.gain.setValueAtTime(0.0001, start)
      envelope.gain.exponentialRampToValueAtTime(1, start + 0.02)
      envelope.gain.exponentialRampToValueAtTime(0.0001, start + note.length)
      oscillator.connect(envelope)
      envelope.connect(master)
      oscillator.start(start)
      oscillator.stop(start + note.length + 0.05)
    }
    return true
  }

  close(): void {
    void this.context?.close().catch(() => {})
    this.context = null
  }
}
