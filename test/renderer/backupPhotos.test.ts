// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_BACKUP_SCHEDULE, type BackupEntry, type BackupStatus } from '../../core/domain/backup.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, type Harness } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
})
const body = () => new DOMWrapper(document.body)

const status: BackupStatus = {
  schedule: { ...DEFAULT_BACKUP_SCHEDULE, folder: 'D:\\备份', passphraseSet: false },
  folder: 'D:\\备份',
  folderIsDefault: false,
  folderReachable: true,
  lastGood: { file: 'clinic-2026-12-03T093012-manual.sqlite', takenAt: '2026-12-03T01:30:12.000Z' },
  nextDailyAt: null,
  warning: null,
  running: null,
  restoreAvailable: true,
  lastRestore: null,
}

function entry(overrides: Partial<BackupEntry> = {}): BackupEntry {
  return {
    file: 'clinic-2026-12-03T093012-manual.sqlite',
    kind: 'manual',
    takenAt: '2026-12-03T01:30:12.000Z',
    localTime: '2026-12-03T09:30:12',
    sizeBytes: 5 * 1024 * 1024,
    encrypted: false,
    lastCheck: { at: '2026-12-03T01:30:13.000Z', ok: true, reason: null, schemaVersion: 180 },
    ...overrides,
  }
}

async function openBackups(entries: BackupEntry[]): Promise<Harness> {
  const harness = createHarness()
  harness.bridge.handlers['backups.status'] = () => status
  harness.bridge.handlers['backups.list'] = () => entries
  ;({ wrapper } = await mountApp(harness, '/backups'))
  await settle()
  return harness
}

describe('photos on the backups page', () => {
  it('shows how many photos the newest backup holds, a warning for missing ones, and that pruning keeps photos', async () => {
    await openBackups([entry({ photos: { stored: 12, missing: 2 } })])
    expect(body().get('[data-testid="backup-photos-count"]').text()).toBe('clinic-2026-12-03T093012-manual.sqlite：含照片 12 张')
    expect(body().get('[data-testid="backup-photos-missing"]').text()).toContain('2 张照片备份时缺失或已损坏，未能备份')
    expect(body().get('[data-testid="backup-photos-hint"]').text()).toContain('照片永远不会被删除')
    expect(body().get('[data-testid="backup-row-photos"]').text()).toBe('含照片 12 张')
  })

  it('without photos: says so, and no warning', async () => {
    await openBackups([entry()])
    expect(body().get('[data-testid="backup-photos-count"]').text()).toBe('最近的备份中没有照片')
    expect(body().find('[data-testid="backup-photos-missing"]').exists()).toBe(false)
    expect(body().find('[data-testid="backup-row-photos"]').exists()).toBe(false)
  })

  it('backing up names the photos and warns about missing ones; the photos phase shows in the progress', async () => {
    const harness = await openBackups([entry()])
    let finish: (value: BackupEntry) => void = () => undefined
    harness.bridge.handlers['backups.create'] = () => new Promise<BackupEntry>((resolve) => (finish = resolve))
    await body().get('[data-testid="backup-now"]').trigger('click')
    harness.bridge.emit({ topic: 'backups', progress: { phase: 'photos', percent: 60 } })
    await settle()
    expect(body().get('[data-testid="backup-progress"]').text()).toContain('备份照片')
    finish(entry({ photos: { stored: 3, missing: 1 }, missingPhotoPaths: ['DA000001/2026-11-20/abc.jpg'] }))
    await settle()
    expect(body().get('.el-message--success').text()).toContain('已备份：clinic-2026-12-03T093012-manual.sqlite，含照片 3 张')
    expect(body().get('.el-message--warning').text()).toBe('有 1 张照片在照片文件夹中缺失或已损坏，未能备份：DA000001/2026-11-20/abc.jpg')
  })

  it('a check that finds photos missing names the count', async () => {
    const harness = await openBackups([entry()])
    const check = { at: '2026-12-03T02:00:00.000Z', ok: false, reason: 'photos_missing' as const, schemaVersion: 180, photosMissing: 4 }
    harness.bridge.handlers['backups.verify'] = () => check
    harness.bridge.handlers['backups.list'] = () => [entry({ lastCheck: check })]
    await body().get('[data-testid="backup-verify"]').trigger('click')
    await settle()
    expect(body().get('.el-message--error').text()).toBe('clinic-2026-12-03T093012-manual.sqlite 缺少 4 张照片（备份文件夹的 photos 中找不到）')
    expect(body().get('[data-testid="backup-check"]').text()).toBe('缺少照片')
  })
})
