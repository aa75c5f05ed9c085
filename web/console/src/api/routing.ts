// Routing and SLA endpoints of docs/api.md ("Routing and SLA"), typed after its shapes.
import { request } from './client.ts';
import type { Availability, BusinessHours, CareSettingsList, Period, RoutingMode, SlaMode, SlaPolicies, SlaPolicy, StoredCareSettings, Team, TeamInput } from '../../../../src/contracts/index.ts';

export type { Availability, BusinessHours, CareSettingsList, Period, RoutingMode, SlaMode, SlaPolicies, SlaPolicy, StoredCareSettings, Team, TeamInput };

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

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
