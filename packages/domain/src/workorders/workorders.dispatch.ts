import { z } from 'zod';
import { idSchema } from '../common/common.schemas.js';

// 派工建议: technicians ranked for a job by skill for the model/category, distance from where they
// are (last known position if recent, else their base), their open load, and their coverage area.
// Pure and explainable: each candidate carries the parts of its score.

export type GeoPoint = { lat: number; lng: number };

export type TechnicianCandidate = {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  /** Model codes and category codes the technician is qualified for. */
  skills: readonly string[];
  base: GeoPoint | null;
  last: (GeoPoint & { at: string }) | null;
  /** Division codes (2-digit province, 4-digit city, 6-digit county) the technician covers. */
  coverage: readonly string[];
  openJobs: number;
};

export type DispatchJob = { modelCode: string | null; categoryCode: string | null; site: GeoPoint | null; countyCode: string | null };

export const dispatchSuggestionSchema = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  score: z.number(),
  skill: z.enum(['model', 'category', 'none']),
  distanceKm: z.number().nullable(),
  positionSource: z.enum(['last', 'base', 'unknown']),
  openJobs: z.number().int(),
  inCoverage: z.boolean().nullable(),
  parts: z.object({ skill: z.number(), distance: z.number(), load: z.number(), coverage: z.number() }),
});
export type DispatchSuggestion = z.infer<typeof dispatchSuggestionSchema>;
export const dispatchSuggestionListSchema = z.object({ items: z.array(dispatchSuggestionSchema) });

export const technicianProfileInputSchema = z.object({
  skills: z.array(z.string().trim().min(1).max(64)).max(100),
  base: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullable(),
  coverage: z.array(z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, { message: 'division code of 2, 4 or 6 digits' })).max(200),
  version: z.number().int().min(0), // 0 when the technician has no profile yet
});
export type TechnicianProfileInput = z.infer<typeof technicianProfileInputSchema>;
export const technicianSchema = z.object({
  id: idSchema,
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  skills: z.array(z.string()),
  base: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  last: z.object({ lat: z.number(), lng: z.number(), at: z.string() }).nullable(),
  coverage: z.array(z.string()),
  openJobs: z.number().int(),
  version: z.number().int(),
});
export type Technician = z.infer<typeof technicianSchema>;
export const technicianListSchema = z.object({ items: z.array(technicianSchema) });

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A last position older than this no longer says where the technician is. */
export const LAST_POSITION_MAX_AGE_MS = 12 * 3_600_000;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function rankTechnicians(candidates: readonly TechnicianCandidate[], job: DispatchJob, now: string): DispatchSuggestion[] {
  const nowMs = Date.parse(now);
  const ranked = candidates.map((c): DispatchSuggestion => {
    const skill = job.modelCode && c.skills.includes(job.modelCode) ? 'model' : job.categoryCode && c.skills.includes(job.categoryCode) ? 'category' : 'none';
    const recent = c.last && nowMs - Date.parse(c.last.at) <= LAST_POSITION_MAX_AGE_MS ? c.last : null;
    const from = recent ?? c.base;
    const km = from && job.site ? distanceKm(from, job.site) : null;
    const inCoverage = job.countyCode && c.coverage.length > 0 ? c.coverage.some((code) => job.countyCode?.startsWith(code) ?? false) : null;
    const parts = {
      skill: skill === 'model' ? 40 : skill === 'category' ? 25 : 0,
      // 30 points on the spot, none from 150 km; unknown distance scores as 75 km.
      distance: round1(km === null ? 15 : Math.max(0, 30 - km / 5)),
      load: Math.max(0, 20 - 5 * c.openJobs),
      coverage: inCoverage === true ? 10 : 0,
    };
    return {
      id: c.id, name: c.name, orgId: c.orgId, orgName: c.orgName, skill, distanceKm: km === null ? null : round1(km),
      positionSource: recent ? 'last' : c.base ? 'base' : 'unknown', openJobs: c.openJobs, inCoverage, parts,
      score: round1(parts.skill + parts.distance + parts.load + parts.coverage),
    };
  });
  return ranked.sort((a, b) => b.score - a.score || a.openJobs - b.openJobs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
