import { onBeforeUnmount, onMounted } from 'vue'

export interface Shortcut {
  /** `KeyboardEvent.code`, e.g. 'KeyN' (layout-independent, works with a Chinese IME). */
  code: string
  alt?: boolean
  ctrl?: boolean
  shift?: boolean
}

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  return (
    event.code === shortcut.code &&
    event.altKey === (shortcut.alt ?? false) &&
    event.ctrlKey === (shortcut.ctrl ?? false) &&
    event.shiftKey === (shortcut.shift ?? false) &&
    !event.metaKey &&
    !event.isComposing
  )
}

/** True while a dialog or message box is open, so page shortcuts stay out of its way. */
function modalOpen(): boolean {
  return document.querySelector('.el-overlay:not([style*="display: none"])') !== null
}

/** A page-level keyboard shortcut, active while the component is mounted. */
export function useShortcut(shortcut: Shortcut, handler: () => void): void {
  const listener = (event: KeyboardEvent) => {
    if (!matchesShortcut(event, shortcut) || modalOpen()) return
    event.preventDefault()
    handler()
  }
  onMounted(() => window.addEventListener('keydown', listener))
  onBeforeUnmount(() => window.removeEventListener('keydown', listener))
}
