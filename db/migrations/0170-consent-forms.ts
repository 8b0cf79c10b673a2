import type { Migration } from './types.ts'

/**
 * Consent forms (知情同意书) and the price list's treatment classification, core/domain/consent.ts:
 * - price_items.service_category: one of the service categories (skin … hair) or null; price_items.invasive:
 *   侵入性治疗, 0 for every item already there;
 * - consent_templates: one per service category plus 'general', seeded with default texts that the
 *   administrators edit (version counts the edits);
 * - consents: at most one per treatment card, with the template's title and body as they were when made;
 *   marked signed once (signed_at, signed_by_name). The snapshot is never changed and a consent never deleted.
 * The texts below are this migration's own: later edits of the defaults belong in the table, not here.
 */
const KEYS = ['general', 'skin', 'injection', 'laser', 'surgery', 'body', 'dental', 'hair'] as const
type Key = (typeof KEYS)[number]

const PHOTOS =
  '五、照片资料：本人同意诊所在治疗前后拍摄治疗部位照片，仅用于病历记录和疗效对比；未经本人书面同意，诊所不将照片用于宣传或对外展示，照片保存在诊所内部，不发送给任何第三方。'
const STATEMENT = [
  '六、顾客声明：医生已向我详细说明本次治疗的目的、方法、可能出现的风险和并发症、替代方案及治疗后的注意事项，我已充分理解，所提问题均已得到满意的答复。',
  '我已如实告知本人的健康状况、过敏史、用药史和既往治疗史（如妊娠或哺乳期、瘢痕体质、凝血功能异常、糖尿病、心脏病、近期服用抗凝药物等）；如有隐瞒，后果由本人承担。',
  '我理解医学存在不确定性，治疗效果因个人体质而异，医生不能保证达到预期效果；治疗中如出现意外情况，我同意医生按医疗常规采取必要的处理措施。',
  '经慎重考虑，我自愿接受本次治疗，并承诺遵守治疗后的注意事项、按时复诊。',
].join('\n')

const ALTERNATIVES = '三、替代方案：医生已向我介绍了其他可选择的治疗方法（包括不治疗）及其利弊，我在了解后选择本次治疗。'

interface Text {
  title: string
  purpose: string
  risks: string
  aftercare: string
}

const TEXTS: Record<Key, Text> = {
  general: {
    title: '治疗知情同意书',
    purpose: '一、治疗目的与方法：医生已根据我的情况制定治疗方案，并说明了治疗的部位、方法、次数和预计效果。',
    risks: '二、可能出现的风险：治疗部位暂时红肿、疼痛、淤青；过敏反应；感染；色素沉着或色素减退；效果不明显或两侧不完全对称，可能需要再次治疗。',
    aftercare: '四、治疗后注意事项：保持治疗部位清洁干燥，按医嘱用药和护理；治疗后一周内避免饮酒和辛辣刺激食物；如出现持续疼痛、明显红肿、发热等异常，请立即与诊所联系。',
  },
  skin: {
    title: '皮肤管理治疗知情同意书',
    purpose: '一、治疗目的与方法：通过清洁、导入、水光、果酸或光电等方法改善皮肤状态，需按疗程多次治疗。',
    risks: '二、可能出现的风险：治疗后皮肤暂时发红、刺痛、干燥、脱屑；敏感肌可能出现过敏、红斑或痤疮加重；极少数出现色素沉着。',
    aftercare: '四、治疗后注意事项：治疗后 24 小时内不化妆、不用热水洗脸；一周内避免去角质、蒸桑拿；每日严格防晒，使用温和的保湿护肤品。',
  },
  injection: {
    title: '注射美容治疗知情同意书',
    purpose: '一、治疗目的与方法：将注射材料（如透明质酸、肉毒素等，品牌和剂量以收费单为准）注射到治疗部位，以达到填充、塑形或除皱的效果；效果维持时间因人而异。',
    risks:
      '二、可能出现的风险与并发症：注射部位疼痛、红肿、淤青；局部结节或硬块；两侧不对称；过敏反应；感染；肉毒素可能引起暂时性表情不自然、眼睑下垂或咀嚼无力；极少数情况下注射材料误入血管，可导致皮肤坏死、失明等严重并发症，一旦发生须立即处理。',
    aftercare: '四、治疗后注意事项：6 小时内注射部位不沾水、不化妆；一周内不按摩、不挤压注射部位，避免剧烈运动、桑拿和饮酒；如出现皮肤发白、发紫、剧烈疼痛或视物模糊，请立即联系诊所。',
  },
  laser: {
    title: '激光光电治疗知情同意书',
    purpose: '一、治疗目的与方法：使用激光、强脉冲光或射频等设备作用于皮肤，以祛斑、嫩肤、脱毛或改善毛孔、痘印等，通常需多次治疗。',
    risks: '二、可能出现的风险：治疗后局部发红、灼热感、轻度水肿；结痂或水疱；暂时性色素沉着（返黑）或色素减退；极少数出现烫伤或瘢痕。',
    aftercare: '四、治疗后注意事项：治疗后即刻冷敷；结痂须自然脱落，不可抠抓；一个月内严格防晒，避免暴晒和使用刺激性护肤品；遵医嘱间隔治疗。',
  },
  surgery: {
    title: '整形手术知情同意书',
    purpose: '一、手术目的与方法：医生已说明手术方式、切口位置、麻醉方式、手术时长和预期效果；术前须完成必要的检查。',
    risks:
      '二、可能出现的风险与并发症：麻醉意外或麻醉药物过敏；术中术后出血、血肿；感染；切口愈合不良、瘢痕增生；两侧不对称或形态不满意，可能需要二次修复；局部感觉麻木；假体相关的移位、包膜挛缩或外露等。',
    aftercare: '四、术后注意事项：按医嘱服药、换药、拆线和复诊；保持切口清洁干燥，按要求加压包扎或冰敷；术后一个月内禁烟酒、避免剧烈运动；如出现出血不止、剧烈疼痛、发热，请立即就医并联系诊所。',
  },
  body: {
    title: '身体塑形治疗知情同意书',
    purpose: '一、治疗目的与方法：通过吸脂、溶脂、冷冻减脂或紧致设备等方法改善身体局部轮廓，效果与个人体质和生活习惯有关。',
    risks: '二、可能出现的风险：治疗部位疼痛、肿胀、淤青、麻木；皮肤凹凸不平或松弛；感染；脂肪栓塞等少见的严重并发症；效果不明显，可能需要多次治疗。',
    aftercare: '四、治疗后注意事项：按医嘱穿戴塑身衣；适量活动，避免久坐；清淡饮食、控制体重；按时复诊。',
  },
  dental: {
    title: '口腔美容治疗知情同意书',
    purpose: '一、治疗目的与方法：通过美白、贴面、正畸或修复等方法改善牙齿的颜色、形态和排列。',
    risks: '二、可能出现的风险：牙齿敏感或酸痛；牙龈红肿、出血；颜色或形态与预期有差异；修复体松动、脱落或破损，需要返工。',
    aftercare: '四、治疗后注意事项：按医嘱刷牙和使用牙线；治疗后 24 小时内避免有色食物和饮料；避免用治疗过的牙齿咬硬物；定期复查。',
  },
  hair: {
    title: '毛发治疗知情同意书',
    purpose: '一、治疗目的与方法：通过植发、头皮注射或光疗等方法改善脱发、稀疏或毛发分布。',
    risks: '二、可能出现的风险：头皮肿胀、疼痛、结痂、麻木；毛囊炎或感染；术后短期脱落（休克性脱发）；移植毛发存活率与个人条件有关，密度可能不及预期。',
    aftercare: '四、治疗后注意事项：按医嘱清洗头皮，不抓挠；术后一周内避免剧烈运动、饮酒和暴晒；遵医嘱用药和复诊。',
  },
}

const bodyOf = (t: Text) => [t.purpose, t.risks, ALTERNATIVES, t.aftercare, PHOTOS, STATEMENT].join('\n\n')

export const migration0170: Migration = {
  version: 170,
  name: 'consent-forms',
  up(db) {
    const keys = KEYS.map((k) => `'${k}'`).join(',')
    const categories = KEYS.filter((k) => k !== 'general').map((k) => `'${k}'`).join(',')
    db.exec(`
      ALTER TABLE price_items ADD COLUMN service_category TEXT CHECK (service_category IS NULL OR service_category IN (${categories}));
      ALTER TABLE price_items ADD COLUMN invasive INTEGER NOT NULL DEFAULT 0 CHECK (invasive IN (0, 1));

      CREATE TABLE consent_templates (
        key              TEXT PRIMARY KEY CHECK (key IN (${keys})),
        title            TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 60),
        body             TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 5000),
        version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_at       TEXT NOT NULL,
        updated_by_name  TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE TRIGGER consent_templates_no_delete BEFORE DELETE ON consent_templates
      BEGIN SELECT RAISE(ABORT, 'consent templates are edited, never deleted'); END;

      CREATE TABLE consents (
        id                INTEGER PRIMARY KEY,
        client_id         INTEGER NOT NULL REFERENCES clients (id),
        card_id           INTEGER NOT NULL UNIQUE REFERENCES treatment_cards (id),
        template_key      TEXT NOT NULL CHECK (template_key IN (${keys})),
        template_version  INTEGER NOT NULL CHECK (template_version >= 1),
        item_name         TEXT NOT NULL,
        title             TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 60),
        body              TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 5000),
        created_at        TEXT NOT NULL,
        created_by_name   TEXT NOT NULL DEFAULT '',
        signed_at         TEXT,
        signed_by_name    TEXT NOT NULL DEFAULT '',
        CHECK (signed_at IS NOT NULL OR signed_by_name = '')
      ) STRICT;
      CREATE INDEX consents_by_client ON consents (client_id, id);

      CREATE TRIGGER consents_of_card_client BEFORE INSERT ON consents
      WHEN (SELECT client_id FROM treatment_cards WHERE id = NEW.card_id) IS NOT NEW.client_id
      BEGIN SELECT RAISE(ABORT, 'a consent is the card''s client''s'); END;
      -- Only the mark of the signature may change a consent, once.
      CREATE TRIGGER consents_sign_once BEFORE UPDATE ON consents
      WHEN OLD.signed_at IS NOT NULL OR NEW.signed_at IS NULL
        OR NEW.client_id IS NOT OLD.client_id OR NEW.card_id IS NOT OLD.card_id OR NEW.template_key IS NOT OLD.template_key
        OR NEW.template_version IS NOT OLD.template_version OR NEW.item_name IS NOT OLD.item_name
        OR NEW.title IS NOT OLD.title OR NEW.body IS NOT OLD.body
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by_name IS NOT OLD.created_by_name
      BEGIN SELECT RAISE(ABORT, 'a consent is only marked signed, once'); END;
      CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
      BEGIN SELECT RAISE(ABORT, 'consents are never deleted'); END;
    `)
    const insert = db.prepare("INSERT INTO consent_templates (key, title, body, updated_at, updated_by_name) VALUES (?, ?, ?, ?, '系统默认')")
    const now = new Date().toISOString()
    for (const key of KEYS) insert.run(key, TEXTS[key].title, bodyOf(TEXTS[key]), now)
  },
}
