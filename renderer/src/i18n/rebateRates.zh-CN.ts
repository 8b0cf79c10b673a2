/** The rebate rates card of the settings page (RebateRatesCard.vue). */
export const rebateRatesZh = {
  title: '店家返款与介绍提成',
  hint: '返款基数为实收减去不计返款类别的项目和高值耗材成本，店家按比例分成。比例以百分数填写，最多两位小数。',
  storeShare: '店家返款比例',
  specialPriceShare: '特价微整返款比例',
  specialPriceThreshold: '特价微整按比例返款的门槛（占价目表价）',
  storeStaffSurgery: '店家员工及亲属（打版）手术价，不含耗材',
  storeStaffSurgeryWithConsumables: '店家员工及亲属（打版）手术价，含耗材',
  referralCommission: '员工介绍提成（每笔成交）',
  referralReferrerPart: '介绍人所占份额（其余归业务员）',
  excludedCategories: '不计返款的项目类别',
  restoreDefaults: '恢复默认',
}
