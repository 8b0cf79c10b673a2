/**
 * A name as the waiting room may see it: 张小丽 -> 张*丽, 王五 -> 王*, 欧阳娜娜 -> 欧*娜, Anna Li -> A*i.
 * Works on code points, so no character is cut in half.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  if (chars.length === 1) return `${chars[0]}*`
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}*${chars.at(-1)}`
}
