import { useCallback, useId, useState } from 'react';
import { getVoice, saveVoice, type VoiceSettings } from '../../api/automation.ts';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../../ui/error-text.ts';
import { useResource } from '../../ui/use-resource.ts';
import { splitList } from './rule-parts.ts';

/** Tu or vous, emoji, signature, words to avoid: what the composer's voice guard checks. */
export function VoiceSettingsForm() {
  const i18n = useI18n();
  const load = useCallback(() => getVoice(), []);
  const [voice] = useResource(load);
  if (voice.state === 'loading') return null;
  if (voice.state === 'failed') return <Alert tone="error">{errorText(voice.error, i18n)}</Alert>;
  return <VoiceForm initial={voice.data} />;
}

function VoiceForm({ initial }: { initial: VoiceSettings }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [settings, setSettings] = useState(initial);
  const [avoid, setAvoid] = useState(initial.avoidWords.join(', '));
  const [state, setState] = useState<{ pending?: boolean; failure?: unknown; saved?: boolean }>({});
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setState({ pending: true });
    try {
      const signature = settings.signature?.trim();
      await saveVoice({ address: settings.address, emoji: settings.emoji, avoidWords: splitList(avoid), ...(signature ? { signature } : {}) });
      setState({ saved: true });
    } catch (failure) {
      setState({ failure });
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="voice-form">
      <h2 id={`${id}-title`}>{t('settings.voice')}</h2>
      <p className="muted">{t('voice.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-address`}>{t('voice.address')}</label>
        <select id={`${id}-address`} value={settings.address} onChange={(e) => setSettings({ ...settings, address: e.target.value as VoiceSettings['address'] })}>
          {(['vous', 'tu', 'any'] as const).map((v) => <option key={v} value={v}>{t(`voice.address.${v}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-emoji`}>{t('voice.emoji')}</label>
        <select id={`${id}-emoji`} value={settings.emoji} onChange={(e) => setSettings({ ...settings, emoji: e.target.value as VoiceSettings['emoji'] })}>
          {(['allowed', 'sparingly', 'none'] as const).map((v) => <option key={v} value={v}>{t(`voice.emoji.${v}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-signature`}>{t('voice.signature')}</label>
        <input id={`${id}-signature`} maxLength={100} value={settings.signature ?? ''} onChange={(e) => setSettings({ ...settings, signature: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-avoid`}>{t('voice.avoidWords')}</label>
        <input id={`${id}-avoid`} value={avoid} onChange={(e) => setAvoid(e.target.value)} />
      </div>
      {state.failure !== undefined && <Alert tone="error">{errorText(state.failure, i18n)}</Alert>}
      {state.saved && <p role="status">{t('voice.saved')}</p>}
      <Button type="submit" variant="primary" pending={state.pending}>{t('common.save')}</Button>
    </form>
  );
}
