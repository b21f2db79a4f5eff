import { describe, expect, it } from 'vitest';
import { routeComplaint, type RoutingRule } from './workorders.complaints.js';

const rule = (id: string, position: number, over: Partial<RoutingRule>): RoutingRule => ({
  id, position, active: true, category: null, regionPath: null, customerGrade: null, customerTag: null, targetOrgId: `target-${id}`, ...over,
});

describe('routeComplaint', () => {
  const rules = [
    rule('catch-all', 100, {}),
    rule('bulk', 1, { customerTag: '大客户' }),
    rule('tech', 10, { category: 'technical' }),
    rule('east-quality', 20, { category: 'service_quality', regionPath: '/hq/east/' }),
    rule('off', 0, { active: false }),
  ];
  const subject = { category: 'technical' as const, orgPath: '/hq/east/o1/', customerGrade: 'B', customerTags: [] as string[] };

  it('takes the first matching rule by position', () => {
    expect(routeComplaint(rules, subject)?.id).toBe('tech');
    expect(routeComplaint(rules, { ...subject, customerTags: ['大客户'] })?.id).toBe('bulk');
    expect(routeComplaint(rules, { ...subject, category: 'service_quality' })?.id).toBe('east-quality');
    expect(routeComplaint(rules, { ...subject, category: 'service_quality', orgPath: '/hq/north/o4/' })?.id).toBe('catch-all');
  });

  it('requires every condition of a rule and skips inactive ones', () => {
    const strict = [rule('a', 1, { category: 'billing', customerGrade: 'A' })];
    expect(routeComplaint(strict, { ...subject, category: 'billing', customerGrade: 'B' })).toBeNull();
    expect(routeComplaint(strict, { ...subject, category: 'billing', customerGrade: 'A' })?.id).toBe('a');
    expect(routeComplaint([rule('off', 0, { active: false })], subject)).toBeNull();
  });

  it('does not depend on the order rules are stored in', () => {
    const tie = [rule('b', 5, {}), rule('a', 5, {})];
    expect(routeComplaint(tie, subject)?.id).toBe('a');
    expect(routeComplaint([...tie].reverse(), subject)?.id).toBe('a');
  });
});
