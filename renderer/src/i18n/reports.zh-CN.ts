/** Messages of the reports screens (一日当面咨询表, fairness figures) and the client page. en-US mirrors this shape. */
export const reportsZh = {}
