import { describe, expect, it } from 'vitest';
import {
  customerSearchTerms, nameReadings, normalizePhone, normalizeSearchText, phoneSuffixes, planSearch, SEARCH_TERM_MAX,
} from './customers.search-keys.js';

describe('phone normalisation', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['139-1234-5678', '13912345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['+8613912345678', '13912345678'],
    ['8613912345678', '13912345678'],
    ['0086-139-1234-5678', '13912345678'],
    ['025-52761234', '02552761234'],
    ['0311-86012345-801', '031186012345801'],
    ['400-820-1888', '4008201888'],
  ])('%s → %s', (raw, digits) => {
    expect(normalizePhone(raw)).toBe(digits);
  });

  it('lists every suffix down to the minimum fragment length', () => {
    expect(phoneSuffixes('1391234')).toEqual(['1391234', '391234', '91234', '1234', '234']);
    expect(phoneSuffixes('12')).toEqual([]);
    expect(phoneSuffixes('12345', 4)).toEqual(['12345', '2345']);
  });
});

describe('search text', () => {
  it('keeps Chinese, letters and digits, lower-cased and full-width folded', () => {
    expect(normalizeSearchText(' 张三 农业（合作社）')).toBe('张三农业合作社');
    expect(normalizeSearchText('ＡＢＣ农机-2号')).toBe('abc农机2号');
    expect(normalizeSearchText('—— !')).toBe('');
  });
});

describe('pinyin readings', () => {
  it('gives full pinyin and initials of a Chinese name', () => {
    expect(nameReadings('张三农业合作社')).toEqual([{ full: 'zhangsannongyehezuoshe', initials: 'zsnyhzs' }]);
  });

  it('reads polyphonic characters by their word (重庆, 银行, 长安)', () => {
    expect(nameReadings('重庆长安建筑工程有限公司')[0]).toEqual({ full: 'chongqingchanganjianzhugongchengyouxiangongsi', initials: 'cqcajzgcyxgs' });
    expect(nameReadings('农业银行')[0]?.full).toBe('nongyeyinhang');
  });

  it('adds the surname reading for people (单 shan, 曾 zeng) after the common one', () => {
    expect(nameReadings('单雄信', { isPerson: true }).map((r) => r.initials)).toEqual(['dxx', 'sxx']);
    expect(nameReadings('曾小贤', { isPerson: true }).map((r) => r.full)).toContain('zengxiaoxian');
    expect(nameReadings('王建国', { isPerson: true })).toHaveLength(1);
    expect(nameReadings('单县农机站')).toHaveLength(1);
  });

  it('writes ü as v and keeps Latin letters and digits as they are', () => {
    expect(nameReadings('吕梁')[0]).toEqual({ full: 'lvliang', initials: 'll' });
    expect(nameReadings('绿色ABC农机2号')[0]).toEqual({ full: 'lvseabcnongji2hao', initials: 'lsabcnj2h' });
    expect(nameReadings('')).toEqual([{ full: '', initials: '' }]);
  });
});

describe('customer search terms', () => {
  const terms = customerSearchTerms('张三农业', ['139-1234-5678']);
  const of = (kind: string) => terms.filter((t) => t.kind === kind).map((t) => t.term);

  it('stores name suffixes so a substring is a prefix', () => {
    expect(of('n')).toEqual(['张三农业', '三农业', '农业', '业']);
  });

  it('stores the whole-name pinyin and every suffix of the initials', () => {
    expect(of('p')).toEqual(['zhangsannongye', 'zsny', 'sny', 'ny', 'y']);
  });

  it('stores every phone suffix of at least three digits', () => {
    expect(of('d')).toEqual(['13912345678', '3912345678', '912345678', '12345678', '2345678', '345678', '45678', '5678', '678']);
  });

  it('has no duplicates and caps long terms', () => {
    const t = customerSearchTerms('测'.repeat(50), ['13912345678', '+86 139 1234 5678']);
    expect(new Set(t.map((x) => `${x.kind}:${x.term}`)).size).toBe(t.length);
    expect(Math.max(...t.map((x) => Array.from(x.term).length))).toBe(SEARCH_TERM_MAX);
    expect(t.filter((x) => x.kind === 'd')).toHaveLength(9);
  });
});

describe('search plan', () => {
  it.each([
    ['zsny', { text: 'zsny', kinds: ['p', 'n'] }],
    ['ZhangSan', { text: 'zhangsan', kinds: ['p', 'n'] }],
    ['1234 5678', { text: '12345678', kinds: ['d', 'n'] }],
    ['139-1234', { text: '1391234', kinds: ['d', 'n'] }],
    ['+86 13912345678', { text: '13912345678', kinds: ['d', 'n'] }],
    ['12', { text: '12', kinds: ['n'] }],
    ['农业', { text: '农业', kinds: ['n'] }],
    ['abc农机', { text: 'abc农机', kinds: ['n'] }],
  ])('%s', (q, plan) => {
    expect(planSearch(q)).toEqual(plan);
  });

  it('has nothing to search in punctuation', () => {
    expect(planSearch(' %_ ')).toBeNull();
  });
});
