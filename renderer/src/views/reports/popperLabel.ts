import { nextTick } from 'vue'

/**
 * Element Plus's date-picker panel is a role="dialog" without a name (axe: aria-dialog-name) and offers
 * no prop for one. Give the panel a `popper-class` and call this on `visible-change`: it names the panel.
 */
export function namePopperOnOpen(popperClass: string, label: () => string): (visible: boolean) => Promise<void> {
  return async (visible) => {
    if (!visible) return
    await nextTick()
    for (const popper of document.querySelectorAll(`.${popperClass}`)) popper.setAttribute('aria-label', label())
  }
}
