/** The preview's API as a test calls it (fixtures.ts apiSession). */
export type Call = <T>(method: string, input: unknown) => Promise<T>

interface Sheet {
  id: number
  revision: number
  sheetNo: string
  totals: { payable: number }
}

/**
 * Through the API (sheets.spec.ts drives these screens): a fee sheet of the visit with one of each of these
 * items, confirmed and paid in cash. Returns its number (SF…).
 */
export async function payFeeSheet(call: Call, visitId: number, codes: string[]): Promise<string> {
  const items = await call<{ id: number; code: string }[]>('prices.list', {})
  const draft = await call<Sheet>('fees.create', { visitId })
  const lines = codes.map((code) => ({ itemId: items.find((i) => i.code === code)!.id, quantity: 1, discount: null }))
  const saved = await call<Sheet>('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines })
  const confirmed = await call<Sheet>('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  await call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
  return confirmed.sheetNo
}
