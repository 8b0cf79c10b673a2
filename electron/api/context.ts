import type { ChangeEvent } from '../../core/api/events.ts'
import type { RestoreOutcome } from '../../core/domain/backup.ts'
import type { Operator } from '../../core/api/operator.ts'
import type { PaperSize, PrinterInfo, PrintOutcome } from '../../core/api/print.ts'
import type { WritableDb } from '../../db/types.ts'

/** What a handler gets besides its input. Handlers are plain functions: no Electron, no I/O but the db. */
export interface HandlerContext {
  db: WritableDb
  operator: Operator
  /** The current time as ISO-8601 UTC; injectable so tests control the clock. */
  now(): string
  /** Today's date in the clinic's local time zone, YYYY-MM-DD: the day of boards and queue numbers. */
  today(): string
  /** Queues a change event; it is pushed to every window only after the transaction commits. */
  emit(event: ChangeEvent): void
  /**
   * Pushes an event to every window at once, for long non-writing work (a backup): its progress while it
   * runs (`progress` set), its end (no progress: windows re-read). In a writing handler it is only queued,
   * like `emit`: nothing is pushed before the commit.
   */
  publishNow(event: ChangeEvent): void
  /** Replaces the audit summary of this call with a readable one; `as` names the operator when nobody was signed in (a sign-in). */
  audit(summary: string, as?: Operator): void
  /** Runs once the call has succeeded (after the commit of a write); a rolled-back call never runs it. */
  afterCommit(action: () => void): void
  /** The desk's sign-in state, when the call came through a desk (IPC or the web preview); null for tooling. */
  session: SessionControl | null
  appInfo: { version: string; preview: boolean }
  /** What the host process can do besides the database: windows and printing. Null in the web preview and tests. */
  host: HostCapabilities | null
  /** Backups' part of the host: default folder, folder dialog, restore. Null in tests without one; the web preview has its own. */
  backups: BackupHost | null
  /** The folder of the clinical photos, `<data folder>/photos` beside the database; null in tests without one. */
  photosDir: string | null
}

export interface SessionControl {
  signIn(staffId: number): void
  signOut(): void
}

export interface HostCapabilities {
  isDisplayOpen(): boolean
  setDisplayOpen(open: boolean): void
  printers(): Promise<PrinterInfo[]>
  /** Prints the desk window as its print styles show it. */
  print(job: PrintJob): Promise<PrintOutcome>
  /** Renders the desk window to PDF and saves it where the operator chooses. */
  savePdf(job: PdfJob): Promise<PrintOutcome>
}

export interface RestoreJob {
  /** The checked plain database to swap in. */
  checkedFile: string
  /** True if checkedFile is a temp copy (decrypted) the host removes when done; else it is the backup itself. */
  temporary: boolean
  /** The backup's name in the folder, for the log and the outcome. */
  file: string
}

/** What only the host can do for backups (electron/main/modules/backups.ts; the web preview has its own). */
export interface BackupHost {
  /** The folder backups go to when the administrator has chosen none (beside the database); null for none. */
  defaultFolder: string | null
  /** A local folder for temp files (the decrypted copy of an encrypted backup): the database's own folder. */
  workDir: string
  /** The system's folder dialog; null if cancelled. */
  chooseFolder(): Promise<string | null>
  /**
   * Takes over a checked plain database file (and removes it when done if it is a temp copy): closes the
   * database, swaps the file in (db/restore.ts swapInDatabase) and restarts the app (the preview reopens
   * the database instead). Resolves once that is under way; the handler's answer still reaches the window.
   */
  restore(job: RestoreJob): Promise<void>
  /** The outcome of the last restore, read once after the restart. */
  lastRestore(): RestoreOutcome | null
}

export interface PrintJob {
  paper: PaperSize
  landscape: boolean
  /** Omitted: the system's print dialog, where the operator picks the printer. */
  printerName?: string
  copies: number
}

export interface PdfJob {
  paper: PaperSize
  landscape: boolean
  fileName: string
}
