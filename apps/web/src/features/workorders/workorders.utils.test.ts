import { describe, expect, it } from 'vitest';
import { byUrgency, dueTone, durationParts, eventFacts, formatFen, guessCaller, yuanToFen, navigationUrl, nextDue, slaPercent, slaTargetTone } from './workorders.utils';

const order = {
  status: 'new' as const,
  resumeStatus: null,
  responseDueAt: '2026-03-02T02:00:00.000Z',
  arrivalDueAt: '2026-03-03T02:00:00.000Z',
  resolutionDueAt: '2026-03-04T02:00:00.000Z',
  createdAt: '2026-03-02T01:30:00.000Z',
};

describe('durationParts', () => {
  it('splits minutes into days, hours and minutes', () => {
    expect(durationParts(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(durationParts(59)).toEqual({ days: 0, hours: 0, minutes: 59 });
    expect(durationParts(1440 + 125)).toEqual({ days: 1, hours: 2, minutes: 5 });
    expect(durationParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(durationParts(89.6)).toEqual({ days: 0, hours: 1, minutes: 30 });
  });
});

describe('SLA target display', () => {
  it('colours by state and warning', () => {
    expect(slaTargetTone({ state: 'met', isWarning: false })).toBe('success');
    expect(slaTargetTone({ state: 'breached', isWarning: true })).toBe('error');
    expect(slaTargetTone({ state: 'paused', isWarning: true })).toBe('default');
    expect(slaTargetTone({ state: 'running', isWarning: true })).toBe('warning');
    expect(slaTargetTone({ state: 'running', isWarning: false })).toBe('processing');
  });
  it('fills the bar by elapsed share, full when breached', () => {
    expect(slaPercent({ state: 'running', elapsedMinutes: 15, targetMinutes: 60 })).toBe(25);
    expect(slaPercent({ state: 'running', elapsedMinutes: 90, targetMinutes: 60 })).toBe(100);
    expect(slaPercent({ state: 'breached', elapsedMinutes: 10, targetMinutes: 60 })).toBe(100);
    expect(slaPercent({ state: 'met', elapsedMinutes: 0, targetMinutes: 0 })).toBe(100);
  });
});

describe('nextDue', () => {
  it('follows the lifecycle: respond, arrive, resolve, then nothing', () => {
    expect(nextDue(order)).toEqual({ kind: 'response', dueAt: order.responseDueAt, isPaused: false });
    expect(nextDue({ ...order, status: 'dispatched' })?.kind).toBe('arrival');
    expect(nextDue({ ...order, status: 'dispatched', arrivalDueAt: null })?.kind).toBe('resolution');
    expect(nextDue({ ...order, status: 'on_site' })?.kind).toBe('resolution');
    expect(nextDue({ ...order, status: 'resolved' })).toBeNull();
    expect(nextDue({ ...order, status: 'cancelled' })).toBeNull();
  });
  it('marks a waiting order as paused at the deadline of where it will resume', () => {
    expect(nextDue({ ...order, status: 'waiting_parts', resumeStatus: 'travelling' })).toEqual({
      kind: 'arrival', dueAt: order.arrivalDueAt, isPaused: true,
    });
  });
});

describe('dueTone', () => {
  const due = { dueAt: order.responseDueAt, isPaused: false };
  it('is red once overdue, orange in the last 20 %, blue before', () => {
    expect(dueTone(due, order.createdAt, new Date('2026-03-02T01:40:00Z'))).toBe('processing');
    expect(dueTone(due, order.createdAt, new Date('2026-03-02T01:55:00Z'))).toBe('warning');
    expect(dueTone(due, order.createdAt, new Date('2026-03-02T02:00:00Z'))).toBe('error');
    expect(dueTone({ ...due, isPaused: true }, order.createdAt, new Date('2026-03-02T01:55:00Z'))).toBe('default');
  });
});

describe('byUrgency', () => {
  it('puts the nearest deadline first and orders without one last', () => {
    const a = { ...order, id: 'a', status: 'on_site' as const };
    const b = { ...order, id: 'b' };
    const c = { ...order, id: 'c', status: 'resolved' as const };
    const d = { ...order, id: 'd', status: 'dispatched' as const };
    expect(byUrgency([c, a, d, b]).map((o) => o.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('navigationUrl', () => {
  it('points at a position (lng,lat) or searches the address', () => {
    expect(navigationUrl({ position: { lat: 31.26, lng: 120.49 } })).toBe(
      'https://uri.amap.com/marker?position=120.49,31.26&coordinate=wgs84&callnative=1',
    );
    expect(navigationUrl({ address: '苏州市 临湖镇 8 号' })).toBe(
      `https://uri.amap.com/search?keyword=${encodeURIComponent('苏州市 临湖镇 8 号')}&callnative=1`,
    );
    expect(navigationUrl({ address: '  ' })).toBeNull();
  });
});

describe('eventFacts', () => {
  it('reads known fields and ignores malformed ones', () => {
    expect(eventFacts({ position: { lat: 31, lng: 120, accuracyM: 12 }, assigneeName: '黄磊', method: 'phone' })).toEqual({
      position: { lat: 31, lng: 120, accuracyM: 12 }, diagnosis: null, assigneeName: '黄磊', orgName: null, method: 'phone',
    });
    expect(eventFacts({ position: { lat: '31' }, diagnosis: { symptom: 'x' }, method: 'fax' })).toEqual({
      position: null, diagnosis: null, assigneeName: null, orgName: null, method: null,
    });
    expect(eventFacts(null).diagnosis).toBeNull();
    expect(eventFacts({ diagnosis: { symptom: 's', cause: 'c', action: 'a' } }).diagnosis).toEqual({ symptom: 's', cause: 'c', action: 'a' });
  });
});

describe('guessCaller', () => {
  const contacts = [
    { name: '张三', phones: ['13962130001'], isPrimary: true },
    { name: '张小燕', phones: ['0512-6601 2345', '13962130002'], isPrimary: false },
  ];
  it('picks the contact whose phone holds the typed digits', () => {
    expect(guessCaller(contacts, '130002')).toEqual({ name: '张小燕', phone: '13962130002' });
    expect(guessCaller(contacts, '6601 23')).toEqual({ name: '张小燕', phone: '0512-6601 2345' });
  });
  it('falls back to the primary contact for a name search or unknown digits', () => {
    expect(guessCaller(contacts, 'zsny')).toEqual({ name: '张三', phone: '13962130001' });
    expect(guessCaller(contacts, '999999')).toEqual({ name: '张三', phone: '13962130001' });
    expect(guessCaller([], '139')).toBeNull();
  });
});

describe('money', () => {
  it('shows fen as yuan and reads yuan back as fen', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(123450)).toBe('¥1,234.50');
    expect(formatFen(-5005)).toBe('-¥50.05');
    expect(yuanToFen(12.34)).toBe(1234);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(undefined)).toBe(0);
  });
});
