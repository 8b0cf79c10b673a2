import { computed, inject, onBeforeUnmount, onMounted, provide, ref, toValue, watch, type ComputedRef, type InjectionKey, type MaybeRefOrGetter } from 'vue'

/** On <body> while any sheet is printable: styles/print.css then prints only the sheet marked active. */
export const PRINTING_SHEET_CLASS = 'is-printing-sheet'

/** The sheets that may print now, in the order they were opened: the last one is what prints. */
const open = ref<symbol[]>([])
const ACTIVE: InjectionKey<ComputedRef<boolean>> = Symbol('print sheet active')

function place(sheet: symbol, printable: boolean): void {
  const others = open.value.filter((s) => s !== sheet)
  open.value = printable ? [...others, sheet] : others
  document.body.classList.toggle(PRINTING_SHEET_CLASS, open.value.length > 0)
}

/**
 * Makes the sheet of the calling view the one printing prints while `printable` is true (by default: while
 * the view is mounted). When several are printable (a page's slip and a record's open preview), the last
 * one made printable prints; closing it hands printing back to the one before. The sheet's template
 * (<PrintSheet> inside this view) learns whether it is the one through provide/inject.
 */
export function usePrintSheet(printable: MaybeRefOrGetter<boolean> = true): { active: ComputedRef<boolean> } {
  const sheet = Symbol('print sheet')
  let mounted = false
  watch(
    () => toValue(printable),
    (now) => mounted && place(sheet, now),
  )
  onMounted(() => {
    mounted = true
    place(sheet, toValue(printable))
  })
  onBeforeUnmount(() => {
    mounted = false
    place(sheet, false)
  })
  const active = computed(() => open.value.at(-1) === sheet)
  provide(ACTIVE, active)
  return { active }
}

/** For <PrintSheet>: whether the view it belongs to is the one printing prints (never, outside such a view). */
export function usePrintSheetActive(): ComputedRef<boolean> {
  return inject(
    ACTIVE,
    computed(() => false),
    false,
  )
}
