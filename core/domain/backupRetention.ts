import { parseBackupName, REGULAR_BACKUP_KINDS, SAFETY_BACKUP_KINDS, type BackupKind, type BackupRetention } from './backup.ts'

/** What retention needs to know of a backup file. */
export interface RetentionItem {
  file: string
  kind: BackupKind
  /** The clinic's wall-clock time of the backup, `YYYY-MM-DDTHH:MM:SS`. */
  localTime: string
  /** Its last check found the file itself bad (damaged, foreign, tampered): worth nothing, never kept. */
  bad: boolean
}

export interface RetentionPlan {
  keep: string[]
  delete: string[]
}

/** How many of each safety kind (pre-restore, pre-migration) are kept, newest first, whatever the counts say. */
export const SAFETY_COPIES_KEPT = 3

/**
 * Which backups to keep and which to delete (grandfather-father-son):
 * - of the regular backups (manual, daily, quit), the newest of each of the last `daily` days that have one,
 *   of each of the last `weekly` ISO weeks and of each of the last `monthly` months (a backup may count for all three);
 * - of each safety kind (pre-restore, pre-migration), the newest `safetyCopies`, outside those counts;
 * - always the newest good backup of any kind;
 * - never a bad one (its check found the file damaged). Both lists are newest first.
 */
export function planRetention(items: readonly RetentionItem[], policy: BackupRetention, safetyCopies = SAFETY_COPIES_KEPT): RetentionPlan {
  const sorted = [...items].sort(newestFirst)
  const good = sorted.filter((i) => !i.bad)
  const keep = new Set<string>()

  const regular = good.filter((i) => REGULAR_BACKUP_KINDS.includes(i.kind))
  const buckets: [(localTime: string) => string, number][] = [
    [dayKey, policy.daily],
    [isoWeekKey, policy.weekly],
    [monthKey, policy.monthly],
  ]
  for (const [keyOf, count] of buckets) {
    const seen = new Set<string>()
    for (const item of regular) {
      const key = keyOf(item.localTime)
      if (seen.has(key)) continue
      if (seen.size >= count) break
      seen.add(key)
      keep.add(item.file)
    }
  }
  for (const kind of SAFETY_BACKUP_KINDS) {
    for (const item of good.filter((i) => i.kind === kind).slice(0, safetyCopies)) keep.add(item.file)
  }
  const newestGood = good[0]
  if (newestGood) keep.add(newestGood.file)

  return { keep: sorted.filter((i) => keep.has(i.file)).map((i) => i.file), delete: sorted.filter((i) => !keep.has(i.file)).map((i) => i.file) }
}

/** Newest first: by the time in the name, then by its sequence number within the same second, then by name. */
export function newestFirst(a: Pick<RetentionItem, 'file' | 'localTime'>, b: Pick<RetentionItem, 'file' | 'localTime'>): number {
  if (a.localTime !== b.localTime) return a.localTime < b.localTime ? 1 : -1
  const seq = (parseBackupName(b.file)?.seq ?? 1) - (parseBackupName(a.file)?.seq ?? 1)
  if (seq !== 0) return seq
  return a.file < b.file ? 1 : a.file > b.file ? -1 : 0
}

export function dayKey(localTime: string): string {
  return localTime.slice(0, 10)
}

export function monthKey(localTime: string): string {
  return localTime.slice(0, 7)
}

/** The ISO-8601 week (`2026-W49`) of the day of a local time: weeks start on Monday, week 1 holds the first Thursday. */
export function isoWeekKey(localTime: string): string {
  const [y = 0, m = 1, d = 1] = localTime.slice(0, 10).split('-').map(Number)
  const day = new Date(Date.UTC(y, m - 1, d))
  const weekday = (day.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000)
  const year = thursday.getUTCFullYear()
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000))
  return `${year}-W${String(week).padStart(2, '0')}`
}
