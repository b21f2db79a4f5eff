// Synthetic customers and units, bulk-loaded straight into a migrated + demo-seeded 售后通 database
// (not through the API): realistic Chinese person and company names, mobile phones, serials, and
// the customer_search_terms rows computed with the domain's own customerSearchTerms().
//
// Deterministic (seeded PRNG), so two runs load the same data. Ids are time-ordered UUID-shaped
// strings so that primary-key inserts append.
import { tsImport } from 'tsx/esm/api';

const domain = await tsImport('../../packages/domain/src/index.ts', import.meta.url);
const { customerSearchTerms, nameReadings, normalizePhone } = domain;

/** mulberry32: small, fast, seeded. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解');
const GIVEN = Array.from('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文辉海波春林宏玉金荣德福庆永长云峰东梅凤鹏飞新立学成斌丹俊晨浩宇欣怡振兴家宝顺利军民泽天佳鑫');
const PLACES = ['吴中', '常熟', '昆山', '江宁', '溧水', '萧山', '余杭', '桐乡', '藁城', '辛集', '清苑', '涿州', '武清', '宝坻', '郫都', '双流', '绵阳', '三台', '阜阳', '宿州', '亳州', '淮安', '盐城', '泰州', '南通', '嘉兴', '湖州', '金华', '临沂', '潍坊', '德州', '周口', '商丘', '驻马店', '邯郸', '邢台', '衡水', '沧州', '德阳', '南充'];
const WORDS = ['丰收', '绿源', '宏达', '金穗', '鑫盛', '永兴', '华丰', '兴旺', '富民', '瑞丰', '恒通', '顺达', '长江', '黄河', '新源', '天成', '万利', '嘉禾', '禾丰', '利民', '众诚', '鼎盛', '晨光', '远航', '润泽', '福满', '广源', '泰和', '盛世', '创新'];
const SUFFIXES = ['农业合作社', '农机专业合作社', '种植专业合作社', '家庭农场', '粮油合作社', '工程机械有限公司', '建设工程有限公司', '土石方工程有限公司', '机械租赁有限公司', '路桥建设有限公司', '水利工程有限公司', '农机服务有限公司'];
const MOBILE = ['139', '138', '137', '136', '135', '134', '150', '151', '152', '157', '158', '159', '182', '183', '187', '188', '130', '131', '132', '155', '156', '185', '186', '133', '153', '177', '180', '181', '189', '199'];
const SOURCES = ['hotline', 'web', 'outlet', 'sales', 'import', 'referral', 'exhibition', 'other'];

const pick = (r, arr) => arr[Math.floor(r() * arr.length)];
const digits = (r, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
};
const personName = (r) => pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.7 ? pick(r, GIVEN) : '');
const companyName = (r) => pick(r, PLACES) + (r() < 0.5 ? '区' : '') + pick(r, WORDS) + pick(r, SUFFIXES);

/** Time-ordered UUID-shaped id: prefix (8 hex) + counter. */
export const seqId = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * Generates `count` customers, calling onCustomer for each (rows ready to insert). Search terms
 * come from customerSearchTerms(); the name part is cached per (name, kind) since names repeat.
 */
export function generateCustomers({ count, orgs, seed = 1, onCustomer }) {
  const r = prng(seed);
  const nameTermCache = new Map();
  const now = new Date('2026-11-01T00:00:00Z').getTime();
  for (let i = 0; i < count; i++) {
    const isPerson = r() < 0.6;
    const name = isPerson ? personName(r) : companyName(r);
    const org = orgs[i % orgs.length];
    const id = seqId('c0000000', i);
    const phones = [pick(r, MOBILE) + digits(r, 8)];
    if (r() < 0.2) phones.push(pick(r, MOBILE) + digits(r, 8));
    const key = `${isPerson ? 'p' : 'o'}:${name}`;
    let nameTerms = nameTermCache.get(key);
    if (!nameTerms) {
      nameTerms = customerSearchTerms(name, [], { isPerson });
      if (nameTermCache.size < 500_000) nameTermCache.set(key, nameTerms);
    }
    // Same result as customerSearchTerms(name, phones, { isPerson }), computed in two parts.
    const terms = [...nameTerms, ...customerSearchTerms('', phones)];
    const readings = nameReadings(name, { isPerson });
    const at = new Date(now - Math.floor(r() * 3 * 365 * 86400_000)).toISOString();
    const contactId = seqId('c1000000', i);
    onCustomer({
      customer: {
        id, org_id: org.id, kind: isPerson ? 'individual' : 'organization', name,
        name_pinyin: readings[0].full.slice(0, 700), name_initials: readings[0].initials.slice(0, 100),
        source: pick(r, SOURCES), grade: pick(r, ['A', 'B', 'C', null]), created_at: at, updated_at: at,
      },
      contact: { id: contactId, customer_id: id, position: 0, name: isPerson ? name : personName(r), title: isPerson ? null : '负责人', is_primary: true },
      phones: phones.map((phone, position) => ({ contact_id: contactId, position, customer_id: id, phone, digits: normalizePhone(phone) })),
      terms,
      initials: readings[0].initials,
    });
  }
}

/** Generates `count` units owned by customers 0..customerCount-1. */
export function generateUnits({ count, customerCount, models, customerOrgs, seed = 2, readingEvery = 5, onUnit }) {
  const r = prng(seed);
  const base = Date.UTC(2026, 10, 22);
  for (let i = 0; i < count; i++) {
    const model = models[i % models.length];
    const ci = Math.floor(r() * customerCount);
    const daysAgo = Math.floor(r() * 6 * 365);
    const sale = new Date(base - daysAgo * 86400_000);
    const saleDate = sale.toISOString().slice(0, 10);
    const plus = (d) => new Date(sale.getTime() + d * 86400_000).toISOString().slice(0, 10);
    const yy = String(sale.getUTCFullYear()).slice(2);
    // e.g. ZY210C24K0012345: model code, year, plant letter, 7-digit sequence (unique by i).
    const serial = `${model.prefix}${yy}${String.fromCharCode(65 + (i % 11))}${String(i).padStart(7, '0')}`;
    const id = seqId('e0000000', i);
    const at = sale.toISOString();
    const unit = {
      id, serial_no: serial, model_id: model.id, customer_id: seqId('c0000000', ci), outlet_org_id: customerOrgs(ci),
      site_address: null, sale_date: saleDate, delivery_date: plus(2), installation_date: plus(5), acceptance_date: plus(6),
      warranty_start_event: null, status: daysAgo > 1500 ? 'idle' : 'in_service', version: 1, created_at: at, updated_at: at,
    };
    const readings = [];
    if (model.meter_kind !== 'none' && i % readingEvery === 0) {
      const perDay = 2 + r() * 8;
      readings.push({ id: seqId('e1000000', i * 2), unit_id: id, reading_date: plus(Math.floor(daysAgo / 2)), value: Math.round((perDay * daysAgo) / 2), created_at: at });
      readings.push({ id: seqId('e1000000', i * 2 + 1), unit_id: id, reading_date: plus(Math.max(0, daysAgo - 7)), value: Math.round(perDay * daysAgo), created_at: at });
    }
    onUnit({ unit, readings });
  }
}
