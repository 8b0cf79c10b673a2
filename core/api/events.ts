/** Topics pushed to every window after a write commits; a window re-reads what it shows of that topic. */
export const CHANGE_TOPICS = ['staff', 'settings', 'clients', 'visits', 'rotation', 'calls', 'display', 'audit', 'prices', 'fees', 'backups', 'appointments', 'followUps', 'partners', 'rebates', 'cards', 'complaints', 'storedValue', 'photos'] as const
export type ChangeTopic = (typeof CHANGE_TOPICS)[number]

export interface ChangeEvent {
  topic: ChangeTopic
  /** Ids of the changed records, where the handler knows them. */
  ids?: number[]
  /** Progress of long work still running (a backup), pushed at once rather than after a commit. */
  progress?: { phase: string; percent: number }
}
