import { missingFiling, type FilingPart, type HandoverNotes, type PartnerStore } from '../../../../core/domain/partnerStore.ts'

export type { FilingPart }

/** The hand-over notes in the order the consultant reads them (DOMAIN.md: income, work, family, wanted items). */
export const HANDOVER_KEYS_IN_ORDER = ['income', 'work', 'family', 'wanted', 'other'] as const satisfies readonly (keyof HandoverNotes)[]

export const emptyNotes = (): HandoverNotes => ({ income: '', work: '', family: '', wanted: '', other: '' })

/** The notes that say something, in reading order. */
export function filledNotes(notes: HandoverNotes | null): { key: keyof HandoverNotes; text: string }[] {
  if (!notes) return []
  return HANDOVER_KEYS_IN_ORDER.map((key) => ({ key, text: notes[key].trim() })).filter((n) => n.text !== '')
}

/** What a store's filing lacks, as a reader sees it (a masked account number still counts as entered). */
export function storeMissing(store: PartnerStore): FilingPart[] {
  return missingFiling({ ...store, hasPhoto: store.photoMime !== null })
}
