import { isFen, type Fen } from './fen.ts'

/**
 * Splits `amount` fen over parts in proportion to `weights` (largest-remainder method): every share is whole
 * fen, the shares add up to `amount` exactly, a part of weight 0 gets 0, and no share exceeds its weight
 * when amount ≤ the sum of the weights. Ties in the remainder go to the earlier part.
 * Used to spread a whole-sheet discount and 抹零 over the lines, so each line has a net amount (for rebates).
 * Throws RangeError on negative or non-whole inputs, or a positive amount over all-zero weights.
 */
export function allocateProportionally(amount: Fen, weights: readonly Fen[]): Fen[] {
  if (!isFen(amount) || amount < 0) throw new RangeError(`not an amount to allocate: ${amount}`)
  let total = 0n
  for (const w of weights) {
    if (!isFen(w) || w < 0) throw new RangeError(`not a weight: ${w}`)
    total += BigInt(w)
  }
  if (amount === 0) return weights.map(() => 0)
  if (total === 0n) throw new RangeError('cannot allocate a positive amount over zero weights')
  const a = BigInt(amount)
  const shares: number[] = []
  const remainders: { index: number; remainder: bigint }[] = []
  let given = 0n
  weights.forEach((w, index) => {
    const exact = a * BigInt(w)
    const share = exact / total
    shares.push(Number(share))
    given += share
    remainders.push({ index, remainder: exact % total })
  })
  let left = Number(a - given)
  remainders.sort((x, y) => (x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1))
  for (const r of remainders) {
    if (left === 0) break
    shares[r.index] = (shares[r.index] ?? 0) + 1
    left -= 1
  }
  return shares
}
