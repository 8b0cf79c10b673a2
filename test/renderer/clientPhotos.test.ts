// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import type { Client } from '../../core/domain/client.ts'
import type { ClientPhoto } from '../../core/domain/clientPhoto.ts'
import { localDateOf } from '../../core/domain/dates.ts'
import { card } from './cards.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

/** happy-dom's IntersectionObserver never fires: this one fires when the test scrolls everything into view. */
const observed: { callback: IntersectionObserverCallback; target: Element }[] = []
class TestObserver {
  private readonly callback: IntersectionObserverCallback
  constructor(callback: IntersectionObserverCallback) {
    this.callback = callback
  }
  observe(target: Element) {
    observed.push({ callback: this.callback, target })
  }
  disconnect() {}
  unobserve() {}
  takeRecords() {
    return []
  }
}
function scrollAllIntoView(): void {
  for (const { callback, target } of observed.splice(0)) callback([{ isIntersecting: true, target } as IntersectionObserverEntry], {} as IntersectionObserver)
}

let wrapper: VueWrapper | undefined
beforeEach(() => {
  observed.length = 0
  vi.stubGlobal('IntersectionObserver', TestObserver)
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.unstubAllGlobals()
})
const body = () => new DOMWrapper(document.body)
const get = (testid: string) => body().get(`[data-testid="${testid}"]`)
const has = (testid: string) => body().find(`[data-testid="${testid}"]`).exists()
const texts = (selector: string) => body().findAll(selector).map((e) => e.text())
const today = localDateOf(new Date())

const client = { id: 42, archiveNo: 'K0042', name: '林晓雯', gender: 'female', birthDate: null, phone: '13912340001', ownConsultantId: null, channel: 'walk_in' } as unknown as Client
const nurse: Operator = { id: 5, name: '护士小李', role: 'nurse' }

const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0]
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const bytesOf = (head: number[], body: string) => new Uint8Array([...head, ...new TextEncoder().encode(body)])
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const fileOf = (name: string, bytes: Uint8Array<ArrayBuffer>, type: string, lastModified = Date.now()) => new File([bytes], name, { type, lastModified })

function photo(overrides: Partial<ClientPhoto> = {}): ClientPhoto {
  return {
    id: 1, clientId: 42, cardId: null, kind: 'before', takenOn: '2026-11-01', mime: 'image/jpeg', bytes: 10, sha256: 'a'.repeat(64), originalName: 'IMG_0001.JPG',
    note: '', createdAt: '2026-11-01T02:00:00.000Z', createdByName: '护士小李', removedAt: null, removedByName: '', removeReason: '', ...overrides,
  }
}

async function openClient(list: ClientPhoto[], operator?: Operator) {
  const harness = createHarness({ staff: [staffMember({ id: 5, name: '护士小李', role: 'nurse' })], ...(operator ? { operator } : {}) })
  const photos = structuredClone(list)
  harness.bridge.handlers['clients.get'] = () => ({ client, visits: [] })
  harness.bridge.handlers['appointments.ofClient'] = () => []
  harness.bridge.handlers['followUps.ofClient'] = () => []
  harness.bridge.handlers['cards.ofClient'] = () => [card({ id: 11, clientId: 42 })]
  harness.bridge.handlers['photos.ofClient'] = () => photos.filter((p) => p.removedAt === null)
  harness.bridge.handlers['photos.get'] = ({ id }: { id: number }) => ({ id, mime: 'image/jpeg', base64: b64(bytesOf(JPEG_HEAD, `picture ${id}`)) })
  ;({ wrapper } = await mountApp(harness, '/clients/42'))
  await settle()
  return { harness, photos }
}

/** Picks files in one of the section's hidden inputs, as the system's dialog would. */
async function pick(testid: 'photo-pick-files' | 'photo-pick-folder', files: File[]): Promise<void> {
  const input = get(testid)
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
  await settle()
}

/** Lets every file be read and every call answered. */
async function settleLong(): Promise<void> {
  for (let i = 0; i < 6; i++) await settle()
}

describe('clinical photos on the client page', () => {
  it('shows the empty state and the hint that no photo leaves the PC', async () => {
    const { harness } = await openClient([])
    expect(harness.bridge.callsOf('photos.ofClient')).toEqual([{ clientId: 42 }])
    expect(get('photo-empty').text()).toContain('该顾客还没有照片')
    expect(get('photo-local-hint').text()).toBe('照片只保存在本机（诊所电脑的数据文件夹中），不会上传到任何地方；只随备份离开本机。')
    expect(has('photo-compare')).toBe(false)
    expect(has('photo-import-files')).toBe(true)
  })

  it('imports two pictures and refuses a text file before sending it, with the progress and a summary', async () => {
    const { harness, photos } = await openClient([], nurse)
    const progressSeen: string[] = []
    harness.bridge.handlers['photos.import'] = (input: { originalName: string; kind: ClientPhoto['kind']; takenOn: string }) => {
      progressSeen.push(body().find('[data-testid="photo-import-progress-text"]').text())
      const made = photo({ id: photos.length + 1, kind: input.kind, takenOn: input.takenOn, originalName: input.originalName })
      photos.push(made)
      return made
    }
    const jpeg = bytesOf(JPEG_HEAD, 'camera jpeg')
    const png = bytesOf(PNG_HEAD, 'screenshot')
    await pick('photo-pick-files', [fileOf('b.png', png, 'image/png'), fileOf('readme.txt', new TextEncoder().encode('只是文字'), 'text/plain'), fileOf('a.jpg', jpeg, 'image/jpeg')])
    expect(get('photo-import-selected').text()).toBe('已选 3 个文件')
    expect(get('photo-kind-before').classes()).toContain('is-active')
    const cardSelect = wrapper!.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === 'photo-card-select')!
    cardSelect.vm.$emit('update:modelValue', 11)
    await get('photo-note').setValue('左脸')
    await get('photo-import-start').trigger('click')
    await settleLong()

    expect(harness.bridge.callsOf('photos.import')).toEqual([
      { clientId: 42, kind: 'before', takenOn: today, cardId: 11, note: '左脸', originalName: 'a.jpg', base64: b64(jpeg) },
      { clientId: 42, kind: 'before', takenOn: today, cardId: 11, note: '左脸', originalName: 'b.png', base64: b64(png) },
    ])
    expect(progressSeen).toEqual(['正在导入 0 / 3', '正在导入 1 / 3'])
    expect(get('photo-summary-imported').text()).toBe('已导入 2 张')
    expect(has('photo-summary-skipped')).toBe(false)
    expect(get('photo-summary-refused').text()).toBe('未导入 1 个文件：')
    expect(texts('[data-testid="photo-summary-refusal"]')).toEqual(['「readme.txt」不是图片文件（只接受 JPEG、PNG、WebP）'])
    // The list is read again and shows today's two photos.
    await get('photo-import-close').trigger('click')
    await settle()
    expect(body().findAll(`[data-testid="photo-day-${today}"] [data-testid="photo-thumb-kind"]`)).toHaveLength(2)
  })

  it('takes a camera folder’s pictures only, by each file’s date, counts a duplicate as skipped and names a HEIC', async () => {
    const { harness, photos } = await openClient([photo({ id: 1, takenOn: today })], nurse)
    const dup = bytesOf(JPEG_HEAD, 'already there')
    harness.bridge.handlers['photos.import'] = (input: { base64: string; originalName: string; kind: ClientPhoto['kind']; takenOn: string }) => {
      if (input.base64 === b64(dup)) return new Refusal({ code: 'conflict', message: `「${input.originalName}」已导入过（${today} 术前），已跳过` })
      const made = photo({ id: photos.length + 1, kind: input.kind, takenOn: input.takenOn, originalName: input.originalName })
      photos.push(made)
      return made
    }
    const shotOn = new Date(2026, 9, 15, 14, 30).getTime()
    const fresh = bytesOf(JPEG_HEAD, 'new shot')
    const heic = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypheic rest')])
    await pick('photo-pick-folder', [
      fileOf('DSC_0001.JPG', dup, 'image/jpeg', shotOn),
      fileOf('DSC_0002.JPG', fresh, 'image/jpeg', shotOn),
      fileOf('IMG_0003.HEIC', heic, '', shotOn),
      fileOf('Thumbs.db', new TextEncoder().encode('index'), '', shotOn),
      fileOf('desktop.ini', new TextEncoder().encode('[x]'), '', shotOn),
    ])
    expect(get('photo-import-selected').text()).toBe('已选 3 个文件')
    expect(get('photo-import-ignored').text()).toBe('文件夹中另有 2 个文件不是图片，已忽略')
    // The client already has a photo today: the new ones are most likely 术后.
    expect(get('photo-kind-after').classes()).toContain('is-active')
    await get('photo-import-start').trigger('click')
    await settleLong()

    expect(harness.bridge.callsOf('photos.import')).toEqual([
      { clientId: 42, kind: 'after', takenOn: '2026-10-15', cardId: null, note: '', originalName: 'DSC_0001.JPG', base64: b64(dup) },
      { clientId: 42, kind: 'after', takenOn: '2026-10-15', cardId: null, note: '', originalName: 'DSC_0002.JPG', base64: b64(fresh) },
    ])
    expect(get('photo-summary-imported').text()).toBe('已导入 1 张')
    expect(get('photo-summary-skipped').text()).toBe('已跳过 1 张（之前已导入过）')
    expect(get('photo-summary-ignored').text()).toBe('忽略 2 个非图片文件')
    expect(texts('[data-testid="photo-summary-refusal"]')).toEqual(['「IMG_0003.HEIC」是 iPhone 的 HEIC 照片，请先导出为 JPEG 再导入（只接受 JPEG、PNG、WebP）'])
  })

  it('shows the latest 术前 and 术后 side by side, another pair when picked, and loads thumbnails only once in view', async () => {
    const { harness } = await openClient([
      photo({ id: 1, kind: 'before', takenOn: '2026-10-01' }),
      photo({ id: 2, kind: 'after', takenOn: '2026-10-01', note: '第一次' }),
      photo({ id: 3, kind: 'before', takenOn: '2026-11-20', note: '左脸' }),
      photo({ id: 4, kind: 'after', takenOn: '2026-11-20' }),
      photo({ id: 5, kind: 'other', takenOn: '2026-11-20' }),
    ])
    expect(get('photo-compare-before-caption').text()).toBe('2026-11-20 · 术前 · 左脸')
    expect(get('photo-compare-after-caption').text()).toBe('2026-11-20 · 术后')
    expect(get('photo-compare-before-img').attributes('src')).toBe(`data:image/jpeg;base64,${b64(bytesOf(JPEG_HEAD, 'picture 3'))}`)
    expect(get('photo-compare-after-img').attributes('src')).toBe(`data:image/jpeg;base64,${b64(bytesOf(JPEG_HEAD, 'picture 4'))}`)
    expect(harness.bridge.callsOf('photos.get')).toEqual([{ id: 3 }, { id: 4 }])
    expect(texts('.photo-section__date')).toEqual(['2026-11-20 3 张', '2026-10-01 2 张'])

    scrollAllIntoView()
    await settle()
    expect((harness.bridge.callsOf('photos.get') as { id: number }[]).map((c) => c.id).sort()).toEqual([1, 2, 3, 4, 5])
    expect(body().findAll('[data-testid="photo-thumb-img"]')).toHaveLength(5)

    const beforePick = wrapper!.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === 'photo-compare-before-pick')!
    beforePick.vm.$emit('update:modelValue', 1)
    await settle()
    expect(get('photo-compare-before-caption').text()).toBe('2026-10-01 · 术前')
    expect(get('photo-compare-after-caption').text()).toBe('2026-11-20 · 术后')
  })

  it('enlarges a photo, and lets an administrator hide it with a reason (a nurse cannot)', async () => {
    const { harness, photos } = await openClient([photo({ id: 1 }), photo({ id: 2, kind: 'after' })])
    harness.bridge.handlers['photos.hide'] = ({ id, reason }: { id: number; reason: string }) => {
      const p = photos.find((x) => x.id === id)!
      Object.assign(p, { removedAt: '2026-11-22T02:00:00.000Z', removeReason: reason })
      return p
    }
    await get('photo-thumb-2').trigger('click')
    await settle()
    expect(get('photo-viewer').text()).toContain('2026-11-01 术后')
    expect(get('photo-viewer-img').attributes('src')).toContain('data:image/jpeg;base64,')
    await get('photo-hide-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('photos.hide')).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(get('photo-hide-reason').element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('请填写隐藏原因')
    await get('photo-hide-reason').setValue('拍错了人')
    await get('photo-hide-submit').trigger('click')
    await settleLong()
    expect(harness.bridge.callsOf('photos.hide')).toEqual([{ id: 2, reason: '拍错了人' }])
    expect(has('photo-thumb-2')).toBe(false)
    expect(has('photo-thumb-1')).toBe(true)
  })

  it('gives a nurse the import but not the hiding; a consultant neither', async () => {
    await openClient([photo({ id: 1 })], nurse)
    await get('photo-thumb-1').trigger('click')
    await settle()
    expect(has('photo-hide-submit')).toBe(false)
    wrapper?.unmount()
    await openClient([photo({ id: 1 })], { id: 1, name: '王静', role: 'consultant' })
    expect(has('photo-import-files')).toBe(false)
    expect(has('photo-thumb-1')).toBe(true)
  })
})

