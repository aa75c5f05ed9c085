// Routing and SLA endpoints of docs/api.md ("Routing and SLA"), typed after its shapes.
import { request } from './client.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export type Availability = 'online' | 'away' | 'offline';
export type RoutingMode = 'round_robin' | 'least_loaded';
export type SlaMode = 'business' | 'calendar';

export interface Period { start: string; end: string }
export interface BusinessHours {
  timeZone: string;
  weekly: Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', Period[]>;
  holidays: 'fr' | 'none';
  closedDays: string[];
  openDays: { date: string; periods: Period[] }[];
}
export interface SlaPolicy { firstResponseMs: number; nextResponseMs: number; resolutionMs: number; mode: SlaMode; autoReplyCounts?: boolean }
export type SlaPolicies = Record<string, SlaPolicy>;
export interface StoredCareSettings { channelId: string | null; hours: BusinessHours | null; policies: SlaPolicies | null; updatedAt: number }
export interface CareSettingsList { defaults: { hours: BusinessHours; policies: SlaPolicies }; stored: StoredCareSettings[] }

export interface TeamInput {
  name: string;
  mode: RoutingMode;
  channelIds: string[];
  isDefault: boolean;
  members: { userId: string; capacity: number }[];
}
export interface Team extends TeamInput { id: string }

export const getCareSettings = () => request<CareSettingsList>('GET', `${v1}/care-settings`);
/** `channelId` null: the workspace's own; a field set to null goes back to inheriting. */
export const saveCareSettings = (input: { channelId: string | null; hours?: BusinessHours | null; policies?: SlaPolicies | null }) =>
  request<StoredCareSettings>('PATCH', `${v1}/care-settings`, input);
export const listHolidays = (year: number) => request<{ holidays: { date: string; name: string }[] }>('GET', `${v1}/holidays?year=${year}`);

export const listTeams = () => request<{ teams: Team[] }>('GET', `${v1}/teams`);
export const createTeam = (input: TeamInput) => request<Team>('POST', `${v1}/teams`, input);
export const updateTeam = (teamId: string, input: TeamInput) => request<Team>('PATCH', `${v1}/teams/${id(teamId)}`, input);
export const deleteTeam = (teamId: string) => request<void>('DELETE', `${v1}/teams/${id(teamId)}`);

export const listAvailability = () => request<{ agents: { userId: string; status: Availability; updatedAt: number | null }[] }>('GET', `${v1}/availability`);
export const setMyAvailability = (status: Availability) => request<{ status: Availability }>('PUT', `${v1}/me/availability`, { status });
