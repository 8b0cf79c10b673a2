/**
 * A keydown.enter handler for a form: Enter saves from any field, except while a dropdown, a button or
 * an input method (Chinese IME composition, keyCode 229) is using the key.
 */
export function submitOnEnter(submit: () => unknown): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.isComposing || event.keyCode === 229) return
    const target = event.target as HTMLElement | null
    if (target?.closest('.el-select, button, textarea')) return
    event.preventDefault()
    void submit()
  }
}
