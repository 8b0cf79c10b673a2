// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_BACKUP_SCHEDULE, type BackupEntry, type BackupStatus } from '../../core/domain/backup.ts'
import { Refusal } from './fakeBridge.ts'
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

function status(overrides: Partial<BackupStatus> = {}): BackupStatus {
  return {
    schedule: { ...DEFAULT_BACKUP_SCHEDULE, folder: 'D:\\备份', passphraseSet: false },
    folder: 'D:\\备份',
    folderIsDefault: false,
    folderReachable: true,
    lastGood: { file: 'clinic-2026-12-03T093012-manual.sqlite', takenAt: '2026-12-03T01:30:12.000Z' },
    nextDailyAt: '2026-12-03T04:30:00.000Z',
    warning: null,
    running: null,
    restoreAvailable: true,
    lastRestore: null,
    ...overrides,
  }
}

const entries: BackupEntry[] = [
  {
    file: 'clinic-2026-12-03T093012-manual.sqlite',
    kind: 'manual',
    takenAt: '2026-12-03T01:30:12.000Z',
    localTime: '2026-12-03T09:30:12',
    sizeBytes: 5 * 1024 * 1024,
    encrypted: false,
    lastCheck: { at: '2026-12-03T01:30:13.000Z', ok: true, reason: null, schemaVersion: 70 },
  },
  {
    file: 'clinic-2026-12-02T123000-daily.sqlite.enc',
    kind: 'daily',
    takenAt: '2026-12-02T04:30:00.000Z',
    localTime: '2026-12-02T12:30:00',
    sizeBytes: 4 * 1024 * 1024,
    encrypted: true,
    lastCheck: { at: '2026-12-02T04:30:02.000Z', ok: false, reason: 'tampered', schemaVersion: null },
  },
]

async function openBackups(current: BackupStatus = status()): Promise<Harness> {
  const harness = createHarness()
  harness.bridge.handlers['backups.status'] = () => current
  harness.bridge.handlers['backups.list'] = () => entries
  ;({ wrapper } = await mountApp(harness, '/backups'))
  await settle()
  return harness
}

describe('the backups page', () => {
  it('shows the folder, the last good backup and every file with its kind, size and check', async () => {
    await openBackups()
    expect(body().get('[data-testid="backup-folder"]').text()).toContain('D:\\备份')
    expect(body().get('[data-testid="backup-last-good"]').text()).toContain('clinic-2026-12-03T093012-manual.sqlite')
    const rows = body().findAll('[data-testid="backup-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('手动')
    expect(rows[0]!.text()).toContain('5.0 MB')
    expect(rows[0]!.get('[data-testid="backup-check"]').text()).toBe('通过')
    expect(rows[1]!.text()).toContain('每日')
    expect(rows[1]!.get('[data-testid="backup-check"]').text()).toBe('被改动或不完整')
  })

  it('backs up now, shows the pushed progress while it runs, and reads the list again after', async () => {
    const harness = await openBackups()
    let finish: (value: BackupEntry) => void = () => undefined
    harness.bridge.handlers['backups.create'] = () => new Promise<BackupEntry>((resolve) => (finish = resolve))
    await body().get('[data-testid="backup-now"]').trigger('click')
    harness.bridge.emit({ topic: 'backups', progress: { phase: 'copying', percent: 42 } })
    await settle()
    expect(body().get('[data-testid="backup-progress"]').text()).toContain('复制数据')
    expect(body().get('[data-testid="backup-progress"]').text()).toContain('42%')
    const listsBefore = harness.bridge.callsOf('backups.list').length
    finish(entries[0]!)
    await settle()
    expect(body().find('[data-testid="backup-progress"]').exists()).toBe(false)
    expect(harness.bridge.callsOf('backups.list').length).toBeGreaterThan(listsBefore)
    expect(body().get('.el-message--success').text()).toContain('已备份：clinic-2026-12-03T093012-manual.sqlite')
  })

  it('restores only after the dialog: an encrypted file needs its passphrase, and a refusal stays in the dialog', async () => {
    const harness = await openBackups()
    harness.bridge.handlers['backups.restore'] = ({ passphrase }: { passphrase?: string }) =>
      passphrase === 'right passphrase' ? { restarting: true, preRestoreBackup: 'clinic-2026-12-03T100000-pre-restore.sqlite' } : new Refusal({ code: 'rule_violation', message: '备份密码不正确，未做任何更改' })
    await body().findAll('[data-testid="backup-restore"]')[1]!.trigger('click')
    await settle()
    const confirm = body().get('[data-testid="restore-confirm"]')
    expect(confirm.attributes('disabled')).toBeDefined() // no passphrase yet
    await body().get('[data-testid="restore-passphrase"]').setValue('wrong one')
    await confirm.trigger('click')
    await settle()
    expect(body().get('[data-testid="restore-error"]').text()).toBe('备份密码不正确，未做任何更改')
    await body().get('[data-testid="restore-passphrase"]').setValue('right passphrase')
    await confirm.trigger('click')
    await settle()
    expect(harness.bridge.callsOf('backups.restore')).toEqual([
      { file: 'clinic-2026-12-02T123000-daily.sqlite.enc', passphrase: 'wrong one' },
      { file: 'clinic-2026-12-02T123000-daily.sqlite.enc', passphrase: 'right passphrase' },
    ])
  })

  it('cannot restore where restoring is not available (the web preview)', async () => {
    await openBackups(status({ restoreAvailable: false }))
    for (const button of body().findAll('[data-testid="backup-restore"]')) expect(button.attributes('disabled')).toBeDefined()
  })

  it('saves the schedule, with a passphrase only when one was typed, and shows a refused field on it', async () => {
    const harness = await openBackups()
    const sent: unknown[] = []
    harness.bridge.handlers['backups.setSchedule'] = (input: unknown) => {
      sent.push(input)
      return sent.length === 1 ? new Refusal({ code: 'invalid_input', message: '输入有误', fields: { folder: '请填写完整的文件夹路径' } }) : { ...DEFAULT_BACKUP_SCHEDULE, passphraseSet: true }
    }
    await body().get('[data-testid="backup-schedule-folder"]').setValue('备份')
    await body().get('[data-testid="backup-schedule-save"]').trigger('click')
    await settle()
    await vi.waitFor(() => expect(body().get('[data-testid="backup-schedule"]').text()).toContain('请填写完整的文件夹路径'))
    await body().get('[data-testid="backup-schedule-folder"]').setValue('E:\\诊所备份')
    await body().get('[data-testid="backup-schedule-encrypt"] input').setValue(true)
    await settle()
    await body().get('[data-testid="backup-schedule-passphrase"]').setValue('a long passphrase')
    await body().get('[data-testid="backup-schedule-save"]').trigger('click')
    await settle()
    expect(sent[1]).toMatchObject({ folder: 'E:\\诊所备份', encrypt: true, passphrase: 'a long passphrase', retention: { daily: 7, weekly: 4, monthly: 12 } })
    expect(sent[0]).not.toHaveProperty('passphrase')
  })
})

describe('the desk warns when the data is not safely backed up', () => {
  it('shows the warning on the desk with a link to the backups page, and not on that page itself', async () => {
    const harness = createHarness()
    harness.bridge.handlers['backups.status'] = () => status({ warning: 'stale' })
    harness.bridge.handlers['backups.list'] = () => entries
    const mounted = await mountApp(harness, '/staff')
    wrapper = mounted.wrapper
    await settle()
    expect(body().get('[data-testid="backup-warning"]').text()).toContain('最近一次备份已超过一天')
    await mounted.router.push('/backups')
    await settle()
    expect(body().find('[data-testid="backup-warning"]').exists()).toBe(false)
    expect(body().get('[data-testid="backup-status-warning"]').text()).toContain('最近一次备份已超过一天')
  })
})
