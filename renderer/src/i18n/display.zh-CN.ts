/** Messages of the waiting-room queue display and of calling (叫号). en-US mirrors this shape. */
export const displayZh = {}
