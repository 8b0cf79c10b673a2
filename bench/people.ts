/** Synthetic people of a Chinese clinic: names by surname frequency, mobile numbers, occupations. */
import type { ServiceCategory } from '../core/domain/categories.ts'
import type { Channel } from '../core/domain/client.ts'
import { int, pick, weighted, type Rng } from './prng.ts'

// Approximate shares of the most common surnames (per cent), plus a few compound ones.
const SURNAMES: [string, number][] = [
  ['王', 7.1], ['李', 7.0], ['张', 6.8], ['刘', 5.4], ['陈', 4.6], ['杨', 3.1], ['黄', 2.4], ['赵', 2.3], ['吴', 2.0], ['周', 1.9],
  ['徐', 1.5], ['孙', 1.4], ['马', 1.3], ['朱', 1.3], ['胡', 1.2], ['郭', 1.1], ['何', 1.1], ['高', 1.0], ['林', 1.0], ['罗', 0.9],
  ['郑', 0.9], ['梁', 0.9], ['谢', 0.8], ['宋', 0.7], ['唐', 0.7], ['许', 0.7], ['韩', 0.6], ['冯', 0.6], ['邓', 0.6], ['曹', 0.6],
  ['彭', 0.5], ['曾', 0.5], ['肖', 0.5], ['田', 0.5], ['董', 0.5], ['袁', 0.4], ['潘', 0.4], ['于', 0.4], ['蒋', 0.4], ['蔡', 0.4],
  ['余', 0.4], ['杜', 0.4], ['叶', 0.4], ['程', 0.4], ['苏', 0.3], ['魏', 0.3], ['吕', 0.3], ['丁', 0.3], ['任', 0.3], ['沈', 0.3],
  ['姚', 0.3], ['卢', 0.3], ['姜', 0.3], ['崔', 0.3], ['钟', 0.3], ['谭', 0.3], ['陆', 0.3], ['汪', 0.3], ['范', 0.3], ['金', 0.3],
  ['石', 0.3], ['廖', 0.3], ['贾', 0.3], ['夏', 0.3], ['韦', 0.2], ['付', 0.2], ['方', 0.2], ['白', 0.2], ['邹', 0.2], ['孟', 0.2],
  ['熊', 0.2], ['秦', 0.2], ['邱', 0.2], ['江', 0.2], ['尹', 0.2], ['薛', 0.2], ['闫', 0.2], ['段', 0.2], ['雷', 0.2], ['侯', 0.2],
  ['龙', 0.2], ['史', 0.2], ['陶', 0.2], ['黎', 0.2], ['贺', 0.2], ['顾', 0.2], ['毛', 0.2], ['郝', 0.2], ['龚', 0.2], ['邵', 0.2],
  ['万', 0.2], ['钱', 0.2], ['严', 0.2], ['覃', 0.1], ['武', 0.2], ['戴', 0.2], ['莫', 0.1], ['孔', 0.1], ['向', 0.1], ['汤', 0.1],
  ['欧阳', 0.05], ['司马', 0.02], ['上官', 0.02], ['诸葛', 0.01],
]
const FEMALE = [...'静丽娜敏燕婷雪芳慧佳颖琳晶洁倩欣悦怡蕾璐瑶萍红霞玲梅兰莉娟艳秀英华丹月菲薇妍琪雯晓小思梦雨诗嘉可心馨宁然安蓉茜露珊凤春秋冰楠彤舒曼艺语涵萱媛婉若桐淑巧琴云娇蕊琼岚']
const MALE = [...'伟强磊军勇杰涛明超鹏华辉刚斌浩宇峰凯晨俊昊翔博文志建国海波亮龙鑫帅毅飞林栋洋阳']

const surname = weighted(SURNAMES)

export function personName(rng: Rng, gender: 'female' | 'male' | 'unknown'): string {
  const chars = gender === 'male' ? MALE : FEMALE
  const given = rng() < 0.28 ? pick(rng, chars) : pick(rng, chars) + pick(rng, chars)
  return surname(rng) + given
}

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '153', '155', '156', '157', '158',
  '159', '166', '170', '173', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '198', '199',
]

/** 1[3-9]xxxxxxxxx; the caller keeps them unique. */
export function mobile(rng: Rng): string {
  return pick(rng, MOBILE_PREFIXES) + String(int(rng, 0, 99_999_999)).padStart(8, '0')
}

export const OCCUPATIONS = [
  '职员', '教师', '公务员', '医生', '护士', '自由职业', '个体经营', '企业主', '销售', '设计师', '会计', '学生', '主播', '律师',
  '工程师', '全职太太', '退休', '美容师', '演员', '模特', '金融', '行政', '',
]

export const channel = weighted<Channel>([
  ['walk_in', 25], ['phone', 15], ['online', 30], ['referral', 18], ['partner', 10], ['other', 2],
])

export const category = weighted<ServiceCategory | null>([
  ['skin', 30], ['injection', 22], ['laser', 18], ['surgery', 14], ['body', 8], ['dental', 3], ['hair', 3], [null, 6],
])

export const gender = weighted<'female' | 'male' | 'unknown'>([['female', 86], ['male', 12], ['unknown', 2]])

export const NO_DEAL_REASONS = ['价格偏高', '再考虑', '需要和家人商量', '对效果有顾虑', '时间不合适', '只是了解', '比较其他机构']
