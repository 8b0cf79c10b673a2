import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { spokenText } from '../../core/domain/callSentence.ts'
import { expect, test, signInOnLoad } from './fixtures.ts'
import { PreviewServer } from './previewServer.ts'

/**
 * The queue display over the web preview, with two pages of one browser: the desk (page A), which calls
 * through its API bridge, and the display at /#/display (page B), which only reads. A web preview of its
 * own (a fresh demo clinic: consultants 王静 room 1 .. 刘洋 room 5) keeps queue numbers predictable.
 */

interface Spoken {
  text: string
  lang: string
  volume: number
  voice: string | null
}

declare global {
  interface Window {
    __spoken: Spoken[]
    __seenAt: number | null
    __chimeNotes: number
  }
}

/**
 * Runs in the display page before its scripts: records what would be spoken instead of speaking it, and
 * counts the chime's notes (oscillators started) while letting them sound.
 */
function stubSpeech(): void {
  window.__spoken = []
  window.__chimeNotes = 0
  const start = OscillatorNode.prototype.start
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
    window.__chimeNotes++
    return start.apply(this, args)
  }
  const voices = [
    { name: 'Test Mandarin', voiceURI: 'test-zh-CN', lang: 'zh-CN', localService: true, default: false },
    { name: 'Test English', voiceURI: 'test-en-US', lang: 'en-US', localService: true, default: true },
  ]
  class RecordedUtterance {
    text: string
    lang = ''
    volume = 1
    rate = 1
    pitch = 1
    voice: { name: string } | null = null
    onend: (() => void) | null = null
    onerror: ((event: { error: string }) => void) | null = null
    constructor(text: string) {
      this.text = text
    }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: RecordedUtterance, configurable: true, writable: true })
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => voices,
      speak(utterance: RecordedUtterance) {
        window.__spoken.push({ text: utterance.text, lang: utterance.lang, volume: utterance.volume, voice: utterance.voice?.name ?? null })
        setTimeout(() => utterance.onend?.(), 50)
      },
      cancel() {},
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    },
  })
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

/** One API call through the page's own bridge (window.frontDesk), as the desk makes it. */
async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(([m, i]) => window.frontDesk!.invoke(m as never, i as never) as Promise<Envelope>, [method, input] as const)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
  return envelope.value as T
}

interface Visit {
  id: number
  version: number
  queueNo: string
  consultantId: number | null
}

async function register(desk: Page, name: string, phone: string): Promise<Visit> {
  const result = await invoke<{ visit: Visit }>(desk, 'visits.register', { type: 'first', newClient: { name, phone } })
  return result.visit
}

function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`)
  })
}

async function openPages(browser: Browser, server: PreviewServer, errors: string[]) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1920, height: 1080 } })
  await signInOnLoad(context)
  const desk = await context.newPage()
  const display = await context.newPage()
  watchErrors(desk, errors)
  watchErrors(display, errors)
  await display.addInitScript(stubSpeech)
  await desk.goto(server.url + '#/front-desk')
  await display.goto(server.url + '#/display')
  await expect(display.getByTestId('display-clinic-name')).toHaveText('丽颜医疗美容门诊部（演示）')
  return { context, desk, display }
}

/** Where the browser holds sound back until a gesture, the display asks for a click; a click turns it on. */
async function enableSound(display: Page): Promise<void> {
  const hint = display.getByTestId('display-sound-hint')
  if (await hint.isVisible()) {
    await hint.click()
    await expect(hint).toBeHidden()
  }
}

/** The page scrolls in neither direction, and no panel cuts off what it holds. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    const cut = ['display-now', 'display-recent', 'display-waiting']
      .map((id) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!)
      .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.dataset.testid)
    const outside = [...document.querySelectorAll<HTMLElement>('[data-testid="display"] *')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5 || r.left < -0.5 || r.top < -0.5)).length
    return { scroll: [root.scrollWidth - innerWidth, root.scrollHeight - innerHeight], cut, outside }
  })
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('[data-testid="display"]').analyze()
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)
}

test.describe.configure({ mode: 'serial' })

test.describe('the queue display', () => {
  const server = new PreviewServer(5396)
  let context: BrowserContext | undefined
  const errors: string[] = []

  test.beforeAll(async () => {
    await server.start()
  })
  test.afterEach(async () => {
    await context?.close()
    context = undefined
    expect(errors, 'errors in the desk or the display').toEqual([])
  })
  test.afterAll(async () => {
    await server.stop()
  })

  test('a call at the desk is on the display within a second, masked, and spoken in Chinese; a recall again; a reload silently', async ({ browser }) => {
    const pages = await openPages(browser, server, errors)
    ;({ context } = pages)
    const { desk, display } = pages
    await expect(display.getByTestId('display-now-empty')).toHaveText('暂无叫号')
    await display.screenshot({ path: 'test-results/display-empty.png' })
    await enableSound(display)

    await invoke(desk, 'rotation.open', { memberIds: [1, 2, 3, 4, 5] })
    const visit = await register(desk, '张小丽', '13912345678')
    expect(visit.consultantId).not.toBeNull()
    const staff = await invoke<{ id: number; name: string; room: string }[]>(desk, 'staff.list', {})
    const consultant = staff.find((s) => s.id === visit.consultantId)!
    const settings = await invoke<{ callRepeat: number; callVolume: number }>(desk, 'settings.get', {})
    await expect(display.getByTestId('display-waiting-number')).toHaveText([visit.queueNo])

    // The display notes the moment the number shows; the desk notes the moment it calls (one machine, one clock).
    await display.evaluate((queueNo) => {
      window.__seenAt = null
      const seen = () => document.querySelector('[data-testid="display-now-number"]')?.textContent?.trim() === queueNo
      new MutationObserver((_records, observer) => {
        if (window.__seenAt === null && seen()) {
          window.__seenAt = Date.now()
          observer.disconnect()
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    }, visit.queueNo)
    const calledAt = await desk.evaluate(
      async ({ id, version }) => {
        const at = Date.now()
        const result = await window.frontDesk!.invoke('queue.call', { visitId: id, expectedVersion: version })
        if (!result.ok) throw new Error(result.error.message)
        return at
      },
      { id: visit.id, version: visit.version },
    )
    await expect.poll(() => display.evaluate(() => window.__seenAt), { timeout: 3000 }).not.toBeNull()
    const latency = (await display.evaluate(() => window.__seenAt))! - calledAt
    test.info().annotations.push({ type: 'call-to-display latency', description: `${latency} ms` })
    console.log(`call-to-display latency: ${latency} ms`)
    expect(latency).toBeLessThan(1000)

    await expect(display.getByTestId('display-now-number')).toHaveText(visit.queueNo)
    await expect(display.getByTestId('display-now-name')).toHaveText('张*丽')
    await expect(display.getByTestId('display-now-consultant')).toHaveText(consultant.name)
    await expect(display.getByTestId('display-now-room')).toHaveText(`${consultant.room} 号咨询室`)
    await expect(display.getByTestId('display-waiting-empty')).toBeVisible()
    const sentence = `请 ${visit.queueNo} 号 张*丽 到 ${consultant.room} 号咨询室`
    await expect(display.getByTestId('display-now-sentence')).toContainText(sentence)

    // Names masked, phones nowhere: not in the text, not in the markup.
    const page = await display.evaluate(() => ({ text: document.body.innerText, html: document.documentElement.outerHTML }))
    for (const secret of ['13912345678', '张小丽']) {
      expect(page.text).not.toContain(secret)
      expect(page.html).not.toContain(secret)
    }

    // Spoken in Chinese: the sentence as spokenText reads it (* as 某, digits one by one), `repeat` times.
    const expected: Spoken = { text: spokenText(sentence), lang: 'zh-CN', volume: settings.callVolume, voice: 'Test Mandarin' }
    expect(expected.text).toContain('张某丽')
    await expect.poll(() => display.evaluate(() => window.__spoken), { timeout: 5000 }).toEqual(Array(settings.callRepeat).fill(expected))
    expect(await display.evaluate(() => window.__chimeNotes), 'the two notes of the chime').toBe(2)

    // A recall is announced again.
    await invoke(desk, 'queue.recall', { visitId: visit.id })
    await expect(display.getByTestId('display-now-recall')).toHaveText('重呼')
    await expect.poll(() => display.evaluate(() => window.__spoken), { timeout: 5000 }).toEqual(Array(settings.callRepeat * 2).fill(expected))
    expect(await display.evaluate(() => window.__chimeNotes)).toBe(4)

    // A restart of the display shows the true current state and does not announce it again.
    await display.reload()
    await expect(display.getByTestId('display-now-number')).toHaveText(visit.queueNo)
    await expect(display.getByTestId('display-now-name')).toHaveText('张*丽')
    await display.waitForTimeout(2500)
    expect(await display.evaluate(() => window.__spoken)).toEqual([])
    expect(await display.evaluate(() => window.__chimeNotes)).toBe(0)
  })

  test('a busy morning fits 16:9 screens from 1280x720 to 3840x2160, in both languages, with no accessibility violations', async ({ browser }, testInfo) => {
    const pages = await openPages(browser, server, errors)
    ;({ context } = pages)
    const { desk, display } = pages
    // Eleven more arrivals; three of them are called, so one is called now and three before (张*丽 included).
    const names = ['李明', '王芳', '欧阳娜娜', '陈静', 'Anna Li', '刘伟', '赵雪', '孙悦', '周婷', '吴昊', '郑琳']
    const visits: Visit[] = []
    for (const [i, name] of names.entries()) visits.push(await register(desk, name, `1370000${String(1000 + i)}`))
    for (const visit of visits.filter((v) => v.consultantId !== null).slice(0, 3)) {
      await invoke(desk, 'queue.call', { visitId: visit.id, expectedVersion: visit.version })
    }
    await expect(display.getByTestId('display-recent-item')).toHaveCount(3)
    await expect(display.getByTestId('display-waiting-number')).toHaveCount(8)
    await expect(display.getByTestId('display-waiting-count')).toHaveText('共 8 人')
    const html = await display.content()
    for (const [i, name] of names.entries()) {
      expect(html).not.toContain(`1370000${String(1000 + i)}`)
      if ([...name].length > 1) expect(html).not.toContain(name)
    }

    // A reload: the state as it is, without the highlight of a fresh call.
    await display.reload()
    await expect(display.getByTestId('display-recent-item')).toHaveCount(3)
    await enableSound(display)
    await display.evaluate(() => document.fonts.ready)
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await display.setViewportSize({ width, height })
      // README's screenshots are refreshed on request; otherwise they go with the test's output.
      const shot = process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/display-${width}.png` : testInfo.outputPath(`display-${width}.png`)
      await display.screenshot({ path: shot })
      expect(await overflow(display), `${width}x${height}`).toEqual({ scroll: [0, 0], cut: [], outside: 0 })
    }
    await display.setViewportSize({ width: 3840, height: 2160 })
    expect(await overflow(display), '3840x2160').toEqual({ scroll: [0, 0], cut: [], outside: 0 })
    expect(await seriousViolations(display)).toEqual([])

    // English labels (longer) still fit; the sentence stays Chinese.
    await invoke(desk, 'settings.update', { language: 'en-US' })
    await expect(display.getByTestId('display-title')).toHaveText('Waiting room')
    await expect(display.getByTestId('display-now-sentence')).toContainText('请 ')
    for (const [width, height] of [
      [1280, 720],
      [3840, 2160],
    ] as const) {
      await display.setViewportSize({ width, height })
      expect(await overflow(display), `en-US ${width}x${height}`).toEqual({ scroll: [0, 0], cut: [], outside: 0 })
    }
    await display.setViewportSize({ width: 1280, height: 720 })
    await display.screenshot({ path: 'test-results/display-1280-en.png' })
    expect(await seriousViolations(display)).toEqual([])
    await invoke(desk, 'settings.update', { language: 'zh-CN' })
  })
})
