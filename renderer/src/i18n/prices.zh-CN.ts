/** Messages of the prices screens. en-US mirrors this shape. */
export const pricesZh = {}
