import { useCallback, useId, useState } from 'react';
import { listChannels } from '../api/inbox.ts';
import type { Channel } from '../../../../src/contracts/index.ts';
import { listMembers } from '../api/relais.ts';
import { createTeam, deleteTeam, listTeams, updateTeam, type RoutingMode, type Team, type TeamInput } from '../api/routing.ts';
import type { Member } from '../../../../src/contracts/index.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { errorText, fieldErrorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { useAction } from './use-action.ts';

interface Data { teams: Team[]; channels: Channel[]; members: Member[] }

const blank: TeamInput = { name: '', mode: 'round_robin', channelIds: [], isDefault: false, members: [] };

/** Teams: who serves which channels, how new conversations are shared out, and how many each agent holds at most. */
export function TeamsSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => Promise.all([listTeams(), listChannels(), listMembers()]).then(([a, b, c]) => ({ teams: a.teams, channels: b.channels, members: c.members })), []);
  const [data, reload] = useResource<Data>(load);
  const action = useAction();
  if (data.state === 'failed') return <Alert tone="error">{errorText(data.error, i18n)}</Alert>;
  if (data.state === 'loading') return null;
  const { teams, channels, members } = data.data;
  return (
    <section className="card" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('settings.teams')}</h2>
      <p className="muted">{t('teams.intro')}</p>
      <details className="advanced" open={teams.length === 0}>
        <summary>{t('teams.new')}</summary>
        <TeamForm key={`new-${teams.length}`} initial={blank} channels={channels} members={members} onSave={(input) => createTeam(input).then(reload)} />
      </details>
      {action.failure !== undefined && <Alert tone="error">{errorText(action.failure, i18n)}</Alert>}
      <ul className="settings-list" data-testid="teams-list">
        {teams.length === 0 && <li className="muted">{t('teams.empty')}</li>}
        {teams.map((team) => (
          <li key={team.id} data-testid="team-row" className="team-row">
            <details>
              <summary><strong>{team.name}</strong> <span className="muted">{t('teams.summary', { members: team.members.length, mode: t(`teams.${team.mode}`) })}</span></summary>
              <TeamForm initial={team} channels={channels} members={members} onSave={(input) => updateTeam(team.id, input).then(reload)} />
            </details>
            <ConfirmButton label={t('settings.delete')} confirmLabel={t('settings.confirmDelete')} pending={action.busy === team.id} onConfirm={() => void action.run(team.id, () => deleteTeam(team.id), reload)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function TeamForm({ initial, channels, members, onSave }: { initial: TeamInput; channels: Channel[]; members: Member[]; onSave: (input: TeamInput) => Promise<unknown> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [team, setTeam] = useState<TeamInput>(initial);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const capacityOf = (userId: string) => team.members.find((m) => m.userId === userId)?.capacity;
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setFailure(undefined);
    try {
      // The fields of a team, never its id: the API refuses keys it does not know.
      const { mode, channelIds, isDefault, members: chosen } = team;
      await onSave({ name: team.name.trim(), mode, channelIds, isDefault, members: chosen });
      if (!initial.name) setTeam(blank);
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="team-form" onSubmit={(event) => void submit(event)} data-testid={initial.name ? 'team-form' : 'team-new'}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('teams.name')}</label>
        <input id={`${id}-name`} value={team.name} maxLength={60} onChange={(e) => setTeam({ ...team, name: e.target.value })} aria-invalid={fieldErrorText(failure, 'name', i18n) ? true : undefined} data-testid="team-name" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-mode`}>{t('teams.mode')}</label>
        <select id={`${id}-mode`} value={team.mode} onChange={(e) => setTeam({ ...team, mode: e.target.value as RoutingMode })} data-testid="team-mode">
          <option value="round_robin">{t('teams.round_robin')}</option>
          <option value="least_loaded">{t('teams.least_loaded')}</option>
        </select>
      </div>
      <fieldset>
        <legend className="field-label">{t('teams.channels')}</legend>
        {channels.map((channel) => (
          <label key={channel.id} className="check">
            <input type="checkbox" checked={team.channelIds.includes(channel.id)} onChange={(e) => setTeam({ ...team, channelIds: toggle(team.channelIds, channel.id, e.target.checked) })} />
            {channel.name}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={team.isDefault} onChange={(e) => setTeam({ ...team, isDefault: e.target.checked })} data-testid="team-default" />
          {t('teams.default')}
        </label>
      </fieldset>
      <fieldset>
        <legend className="field-label">{t('teams.members')}</legend>
        {members.map((member) => {
          const capacity = capacityOf(member.userId);
          return (
            <div key={member.userId} className="team-member">
              <label className="check">
                <input type="checkbox" checked={capacity !== undefined} data-testid="team-member"
                  onChange={(e) => setTeam({ ...team, members: e.target.checked ? [...team.members, { userId: member.userId, capacity: 5 }] : team.members.filter((m) => m.userId !== member.userId) })} />
                {member.name}
              </label>
              {capacity !== undefined && (
                <input type="number" min={0} max={500} value={capacity} aria-label={t('teams.capacity', { name: member.name })} data-testid="team-capacity"
                  onChange={(e) => setTeam({ ...team, members: team.members.map((m) => (m.userId === member.userId ? { ...m, capacity: Math.max(0, Math.trunc(Number(e.target.value) || 0)) } : m)) })} />
              )}
            </div>
          );
        })}
      </fieldset>
      {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
      <Button type="submit" variant="primary" pending={pending} disabled={!team.name.trim()} data-testid="team-save">{t('common.save')}</Button>
    </form>
  );
}
