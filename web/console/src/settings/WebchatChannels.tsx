import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Channel } from '../../../../src/contracts/index.ts';
import { addWebchatChannel, getWebchatChannel, rotateIdentifySecret, saveWebchatChannel, type WebchatSettings } from '../api/webchat.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';

const lines = (text: string) => text.split(/\s+/).map((line) => line.trim()).filter(Boolean);

function Labelled({ label, hint, children }: { label: string; hint?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

/** Adding a site chat, and the settings of each one (looks, greeting, origins, snippet, identify secret). */
export function WebchatChannels({ channels, onChanged }: { channels: Channel[]; onChanged: () => Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [origins, setOrigins] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      await addWebchatChannel({ allowedOrigins: lines(origins) });
      setOrigins('');
      setError(null);
      await onChanged();
    } catch (failure) {
      setError(errorText(failure, i18n));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      {channels.filter((channel) => channel.kind === 'webchat').map((channel) => <WebchatEditor key={channel.id} channelId={channel.id} />)}
      <section className="card" aria-labelledby="add-webchat-title">
        <h2 id="add-webchat-title">{t('webchat.add')}</h2>
        <p className="muted">{t('webchat.addIntro')}</p>
        <form onSubmit={add} data-testid="add-webchat" noValidate>
          {error && <Alert tone="error">{error}</Alert>}
          <Labelled label={t('webchat.origins')} hint={t('webchat.originsHint')}>
            {(id) => <textarea id={id} name="allowedOrigins" rows={2} value={origins} onChange={(e) => setOrigins(e.target.value)} />}
          </Labelled>
          <div className="actions"><Button type="submit" variant="primary" pending={pending}>{t('settings.connect')}</Button></div>
        </form>
      </section>
    </>
  );
}

function WebchatEditor({ channelId }: { channelId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => getWebchatChannel(channelId), [channelId]);
  const [view] = useResource(load);
  const [draft, setDraft] = useState<WebchatSettings | null>(null);
  const [originsText, setOriginsText] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [rotated, setRotated] = useState<{ identifySecret: string; previousSecretAcceptedUntil: number | null } | null>(null);
  const rotate = async (graceHours: number) => {
    if (!window.confirm(t(graceHours === 0 ? 'webchat.rotateNowConfirm' : 'webchat.rotateConfirm'))) return;
    try {
      setRotated(await rotateIdentifySecret(channelId, graceHours));
      setMessage({ tone: 'success', text: t('webchat.rotated') });
    } catch (failure) {
      setMessage({ tone: 'error', text: errorText(failure, i18n) });
    }
  };
  if (view.state !== 'ready') return view.state === 'failed' ? <Alert tone="error">{errorText(view.error, i18n)}</Alert> : null;
  const settings = draft ?? view.data.settings;
  const set = (patch: Partial<WebchatSettings>) => setDraft({ ...settings, ...patch });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      const saved = await saveWebchatChannel(channelId, { ...settings, allowedOrigins: originsText === null ? settings.allowedOrigins : lines(originsText) });
      setDraft(saved.settings);
      setOriginsText(null);
      setMessage({ tone: 'success', text: t('webchat.saved') });
    } catch (failure) {
      setMessage({ tone: 'error', text: errorText(failure, i18n) });
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`webchat-${channelId}`} data-testid="webchat-settings">
      <h2 id={`webchat-${channelId}`}>{t('webchat.settingsTitle', { name: view.data.name })}</h2>
      <form onSubmit={save} noValidate>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <Labelled label={t('webchat.origins')} hint={t('webchat.originsHint')}>
          {(id) => <textarea id={id} name="allowedOrigins" rows={2} value={originsText ?? settings.allowedOrigins.join('\n')} onChange={(e) => setOriginsText(e.target.value)} />}
        </Labelled>
        <Labelled label={t('webchat.primaryColor')}>{(id) => <input id={id} type="color" value={settings.primaryColor} onChange={(e) => set({ primaryColor: e.target.value })} />}</Labelled>
        <Labelled label={t('webchat.textColor')}>{(id) => <input id={id} type="color" value={settings.textColor} onChange={(e) => set({ textColor: e.target.value })} />}</Labelled>
        <Labelled label={t('webchat.greetingFr')}>{(id) => <input id={id} value={settings.greeting.fr} maxLength={300} onChange={(e) => set({ greeting: { ...settings.greeting, fr: e.target.value } })} />}</Labelled>
        <Labelled label={t('webchat.greetingEn')}>{(id) => <input id={id} value={settings.greeting.en} maxLength={300} onChange={(e) => set({ greeting: { ...settings.greeting, en: e.target.value } })} />}</Labelled>
        <Labelled label={t('webchat.position')}>
          {(id) => (
            <select id={id} value={settings.position} onChange={(e) => set({ position: e.target.value as WebchatSettings['position'] })}>
              <option value="right">{t('webchat.positionRight')}</option>
              <option value="left">{t('webchat.positionLeft')}</option>
            </select>
          )}
        </Labelled>
        <Labelled label={t('webchat.language')}>
          {(id) => (
            <select id={id} value={settings.language} onChange={(e) => set({ language: e.target.value as WebchatSettings['language'] })}>
              <option value="auto">{t('webchat.languageAuto')}</option>
              <option value="fr">{t('webchat.languageFr')}</option>
              <option value="en">{t('webchat.languageEn')}</option>
            </select>
          )}
        </Labelled>
        <Labelled label={t('webchat.snippet')}>{(id) => <textarea id={id} readOnly rows={2} value={view.data.snippet} data-testid="webchat-snippet" onFocus={(e) => e.target.select()} />}</Labelled>
        <Labelled label={t('webchat.identifySecret')} hint={t('webchat.identifyHint')}>
          {(id) => <input id={id} readOnly value={rotated?.identifySecret ?? view.data.identifySecret ?? ''} data-testid="webchat-identify-secret" onFocus={(e) => e.target.select()} />}
        </Labelled>
        {(() => {
          const until = rotated ? rotated.previousSecretAcceptedUntil : view.data.previousSecretAcceptedUntil;
          return until && until > Date.now() ? <p className="field-hint" data-testid="webchat-previous-secret">{t('webchat.previousUntil', { when: i18n.date(until) })}</p> : null;
        })()}
        <div className="actions">
          <Button type="button" onClick={() => void rotate(24)} data-testid="webchat-rotate-secret">{t('webchat.rotate')}</Button>
          <Button type="button" onClick={() => void rotate(0)}>{t('webchat.rotateNow')}</Button>
        </div>
        <div className="actions"><Button type="submit" variant="primary" pending={pending}>{t('webchat.save')}</Button></div>
      </form>
    </section>
  );
}
