// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref, type Ref } from 'vue'
import PrintSheet from '../../renderer/src/components/print/PrintSheet.vue'
import { PRINTING_SHEET_CLASS, usePrintSheet } from '../../renderer/src/composables/usePrintSheet.ts'

/** A view with one sheet: its teleported template, its preview copy, printable while `printable` says. */
const view = (name: string, printable?: Ref<boolean>) =>
  defineComponent({
    setup() {
      usePrintSheet(printable)
      return () => [h(PrintSheet, { 'data-testid': name }, () => name), h(PrintSheet, { 'data-testid': `${name}-preview`, preview: true }, () => name)]
    },
  })

const mounted: VueWrapper[] = []
function show(component: ReturnType<typeof view>): VueWrapper {
  const wrapper = mount(component, { attachTo: document.body })
  mounted.push(wrapper)
  return wrapper
}
afterEach(() => mounted.splice(0).forEach((w) => w.unmount()))

/** What printing prints now: the testids of the <body> children marked active. */
const printing = () => [...document.querySelectorAll('body > [data-print-active]')].map((e) => e.getAttribute('data-testid'))

describe('usePrintSheet: one sheet prints, the one made printable last', () => {
  it('marks a page’s sheet while the page is mounted, never its preview copy, and clears <body> when it goes', async () => {
    const page = show(view('slip'))
    await nextTick()
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(true)
    expect(printing()).toEqual(['slip'])
    expect(document.querySelector('[data-testid="slip"]')?.parentElement).toBe(document.body)
    expect(document.querySelector('[data-testid="slip-preview"]')?.hasAttribute('data-print-active')).toBe(false)
    page.unmount()
    mounted.length = 0
    await nextTick()
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(false)
    expect(printing()).toEqual([])
  })

  it('prints an opened preview over the page’s sheet, and hands back when it closes or goes', async () => {
    const recordOpen = ref(false)
    const consentOpen = ref(false)
    show(view('slip'))
    const record = show(view('record', recordOpen))
    show(view('consent', consentOpen))
    await nextTick()
    expect(printing()).toEqual(['slip'])

    recordOpen.value = true
    await nextTick()
    expect(printing()).toEqual(['record'])
    consentOpen.value = true
    await nextTick()
    expect(printing()).toEqual(['consent'])
    consentOpen.value = false
    await nextTick()
    expect(printing()).toEqual(['record'])

    record.unmount()
    mounted.splice(mounted.indexOf(record), 1)
    await nextTick()
    expect(printing()).toEqual(['slip'])
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(true)
  })

  it('leaves <body> alone while a preview-only sheet is closed', async () => {
    const open = ref(false)
    show(view('consent', open))
    await nextTick()
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(false)
    expect(printing()).toEqual([])
    open.value = true
    await nextTick()
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(true)
    expect(printing()).toEqual(['consent'])
    open.value = false
    await nextTick()
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(false)
  })
})
