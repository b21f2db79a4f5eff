import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, CHINA_OFFICE_HOURS, createCalendar } from '../calendar/index.js';
import { computeSlaClock } from '../sla/index.js';
import { deriveSlaTargets, selectSlaPolicy, type SlaPolicyRule, type SlaRelevantEvent } from './workorders.sla.js';

const rule = (id: string, over: Partial<SlaPolicyRule>): SlaPolicyRule => ({
  id,
  type: null,
  priority: null,
  serviceLevel: null,
  responseMinutes: 30,
  arrivalMinutes: 1440,
  resolutionMinutes: 1440,
  allHours: false,
  warnShare: 0.8,
  active: true,
  ...over,
});

describe('selectSlaPolicy', () => {
  const policies = [
    rule('default', {}),
    rule('level-a', { serviceLevel: 'A', resolutionMinutes: 720 }),
    rule('urgent', { priority: 'urgent', resolutionMinutes: 480 }),
    rule('repair', { type: 'repair', resolutionMinutes: 1200 }),
    rule('repair-urgent', { type: 'repair', priority: 'urgent', resolutionMinutes: 240 }),
    rule('inactive', { type: 'repair', priority: 'urgent', serviceLevel: 'A', active: false }),
  ];

  it('picks the most specific matching rule', () => {
    expect(selectSlaPolicy(policies, { type: 'repair', priority: 'urgent', serviceLevel: 'A' })?.id).toBe('repair-urgent');
    expect(selectSlaPolicy(policies, { type: 'repair', priority: 'normal', serviceLevel: 'A' })?.id).toBe('repair');
    expect(selectSlaPolicy(policies, { type: 'training', priority: 'urgent', serviceLevel: 'A' })?.id).toBe('urgent');
    expect(selectSlaPolicy(policies, { type: 'training', priority: 'low', serviceLevel: 'A' })?.id).toBe('level-a');
    expect(selectSlaPolicy(policies, { type: 'training', priority: 'low', serviceLevel: 'C' })?.id).toBe('default');
  });

  it('breaks ties by the stricter promise, then by id, whatever the order', () => {
    const tie = [rule('b', { type: 'repair', resolutionMinutes: 600 }), rule('a', { type: 'repair', resolutionMinutes: 600 }), rule('c', { type: 'repair', resolutionMinutes: 300 })];
    expect(selectSlaPolicy(tie, { type: 'repair', priority: 'low', serviceLevel: 'B' })?.id).toBe('c');
    expect(selectSlaPolicy(tie.slice(0, 2), { type: 'repair', priority: 'low', serviceLevel: 'B' })?.id).toBe('a');
    expect(selectSlaPolicy([...tie].reverse().slice(1), { type: 'repair', priority: 'low', serviceLevel: 'B' })?.id).toBe('a');
  });

  it('returns null when nothing matches', () => {
    expect(selectSlaPolicy([rule('x', { type: 'training' })], { type: 'repair', priority: 'low', serviceLevel: 'B' })).toBeNull();
  });
});

const ev = (action: SlaRelevantEvent['action'], at: string): SlaRelevantEvent => ({ action, at });
const policy = { responseMinutes: 30, arrivalMinutes: 240, resolutionMinutes: 480 };

describe('deriveSlaTargets', () => {
  it('stops response at the first step, arrival at the check-in, resolution at resolve', () => {
    const targets = deriveSlaTargets(policy, [
      ev('create', '2025-03-03T01:00:00Z'),
      ev('accept', '2025-03-03T01:10:00Z'),
      ev('dispatch', '2025-03-03T01:20:00Z'),
      ev('start_travel', '2025-03-03T01:30:00Z'),
      ev('arrive', '2025-03-03T03:00:00Z'),
      ev('resolve', '2025-03-03T05:00:00Z'),
    ]);
    expect(targets.map((t) => [t.kind, t.events])).toEqual([
      ['response', [{ type: 'stop', at: '2025-03-03T01:10:00Z' }]],
      ['arrival', [{ type: 'stop', at: '2025-03-03T03:00:00Z' }]],
      ['resolution', [{ type: 'stop', at: '2025-03-03T05:00:00Z' }]],
    ]);
  });

  it('pauses every running target while waiting and not the stopped ones', () => {
    const targets = deriveSlaTargets(policy, [
      ev('create', '2025-03-03T01:00:00Z'),
      ev('accept', '2025-03-03T01:05:00Z'),
      ev('dispatch', '2025-03-03T01:06:00Z'),
      ev('arrive', '2025-03-03T02:00:00Z'),
      ev('wait_parts', '2025-03-03T02:30:00Z'),
      ev('resume', '2025-03-04T01:00:00Z'),
      ev('resolve', '2025-03-04T02:00:00Z'),
    ]);
    const resolution = targets.find((t) => t.kind === 'resolution')!;
    expect(resolution.events.map((e) => e.type)).toEqual(['pause', 'resume', 'stop']);
    expect(targets.find((t) => t.kind === 'response')!.events.map((e) => e.type)).toEqual(['stop']);
    // With the 7×24 calendar the resolution took 1 h 30 + 1 h of running time.
    const clock = computeSlaClock(createCalendar(ALWAYS_OPEN), resolution, '2025-03-05T00:00:00Z');
    expect(clock.state).toBe('met');
    expect(clock.elapsedMinutes).toBe(150);
  });

  it('drops the arrival target of an order settled without a visit', () => {
    const targets = deriveSlaTargets(policy, [ev('create', '2025-03-03T01:00:00Z'), ev('accept', '2025-03-03T01:01:00Z'), ev('resolve', '2025-03-03T01:30:00Z')]);
    expect(targets.map((t) => t.kind)).toEqual(['response', 'resolution']);
  });

  it('has no arrival target when the policy promises none', () => {
    expect(deriveSlaTargets({ ...policy, arrivalMinutes: null }, [ev('create', '2025-03-03T01:00:00Z')]).map((t) => t.kind)).toEqual(['response', 'resolution']);
  });

  it('starts a new resolution target on reopen', () => {
    const targets = deriveSlaTargets(policy, [
      ev('create', '2025-03-03T01:00:00Z'),
      ev('accept', '2025-03-03T01:01:00Z'),
      ev('dispatch', '2025-03-03T01:02:00Z'),
      ev('arrive', '2025-03-03T02:00:00Z'),
      ev('resolve', '2025-03-03T03:00:00Z'),
      ev('reopen', '2025-03-05T01:00:00Z'),
      ev('dispatch', '2025-03-05T01:10:00Z'),
      ev('arrive', '2025-03-05T02:00:00Z'),
      ev('resolve', '2025-03-05T04:00:00Z'),
    ]);
    const resolutions = targets.filter((t) => t.kind === 'resolution');
    expect(resolutions.map((t) => [t.cycle, t.start, t.events.at(-1)?.at])).toEqual([
      [0, '2025-03-03T01:00:00Z', '2025-03-03T03:00:00Z'],
      [1, '2025-03-05T01:00:00Z', '2025-03-05T04:00:00Z'],
    ]);
  });

  it('freezes the clocks of a cancelled order', () => {
    const targets = deriveSlaTargets(policy, [ev('create', '2025-03-03T01:00:00Z'), ev('cancel', '2025-03-03T01:20:00Z')]);
    const clock = computeSlaClock(createCalendar(ALWAYS_OPEN), targets[0]!, '2025-03-10T00:00:00Z');
    expect(clock.state).toBe('paused');
    expect(clock.elapsedMinutes).toBe(20);
  });

  it('measures on the business calendar: a Friday-evening call is due on Monday morning', () => {
    // Friday 2025-03-07 17:15 Shanghai = 09:15Z: 15 minutes until 17:30, the other 15 on Monday from 08:30.
    const [response] = deriveSlaTargets(policy, [ev('create', '2025-03-07T09:15:00Z')]);
    const clock = computeSlaClock(createCalendar(CHINA_OFFICE_HOURS), response!, '2025-03-07T09:20:00Z');
    expect(clock.dueAt).toBe('2025-03-10T00:45:00.000Z');
  });

  it('returns nothing without a create event', () => {
    expect(deriveSlaTargets(policy, [ev('accept', '2025-03-03T01:00:00Z')])).toEqual([]);
  });
});
