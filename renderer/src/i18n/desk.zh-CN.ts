/** Messages of the front-desk screen (到店登记, 候诊, 轮牌). en-US mirrors this shape. */
export const deskZh = {}
