import { describe, expect, it } from 'vitest';
import { distanceKm, rankTechnicians, type TechnicianCandidate } from './workorders.dispatch.js';

const suzhou = { lat: 31.2989, lng: 120.5853 };
const nanjing = { lat: 32.0603, lng: 118.7969 };
const tech = (id: string, over: Partial<TechnicianCandidate>): TechnicianCandidate => ({
  id, name: id, orgId: 'o1', orgName: '吴中站', skills: [], base: null, last: null, coverage: [], openJobs: 0, ...over,
});
const job = { modelCode: 'JH-1204', categoryCode: 'HARVESTER', site: { lat: 31.26, lng: 120.63 }, countyCode: '320506' };
const now = '2025-06-10T04:00:00Z';

describe('distanceKm', () => {
  it('measures Suzhou to Nanjing as about 190 km and a point to itself as 0', () => {
    expect(distanceKm(suzhou, nanjing)).toBeGreaterThan(185);
    expect(distanceKm(suzhou, nanjing)).toBeLessThan(195);
    expect(distanceKm(suzhou, suzhou)).toBe(0);
  });
});

describe('rankTechnicians', () => {
  it('prefers the model skill, then nearness, then a lighter load', () => {
    const ranked = rankTechnicians([
      tech('near-no-skill', { base: suzhou }),
      tech('model-far', { skills: ['JH-1204'], base: nanjing }),
      tech('model-near', { skills: ['JH-1204'], base: suzhou, openJobs: 2 }),
      tech('category-near', { skills: ['HARVESTER'], base: suzhou }),
    ], job, now);
    expect(ranked.map((r) => r.id)).toEqual(['model-near', 'category-near', 'model-far', 'near-no-skill']);
    expect(ranked[0]).toMatchObject({ skill: 'model', positionSource: 'base', openJobs: 2, parts: { skill: 40, load: 10 } });
    expect(ranked[0]?.distanceKm).toBeLessThan(10);
  });

  it('uses a recent last position over the base, and ignores a stale one', () => {
    const fresh = tech('fresh', { base: nanjing, last: { ...suzhou, at: '2025-06-10T01:00:00Z' } });
    const stale = tech('stale', { base: nanjing, last: { ...suzhou, at: '2025-06-09T01:00:00Z' } });
    const [a, b] = rankTechnicians([stale, fresh], job, now);
    expect(a).toMatchObject({ id: 'fresh', positionSource: 'last' });
    expect(b).toMatchObject({ id: 'stale', positionSource: 'base' });
  });

  it('adds the coverage area and says when it cannot tell', () => {
    const ranked = rankTechnicians([tech('covers-city', { coverage: ['3205'] }), tech('covers-other', { coverage: ['13'] }), tech('no-area', {})], job, now);
    expect(ranked.map((r) => [r.id, r.inCoverage, r.parts.coverage])).toEqual([['covers-city', true, 10], ['covers-other', false, 0], ['no-area', null, 0]]);
    // Without position on either side the distance part is neutral.
    expect(ranked[0]).toMatchObject({ distanceKm: null, positionSource: 'unknown', parts: { distance: 15 } });
  });

  it('is deterministic for equal scores', () => {
    const names = rankTechnicians([tech('b', {}), tech('a', {})], job, now).map((r) => r.id);
    expect(names).toEqual(['a', 'b']);
  });
});
