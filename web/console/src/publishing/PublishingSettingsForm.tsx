import { useState } from 'react';
import { savePublishingSettingsApi, type PublishingSettings } from '../api/publishing.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { NETWORKS } from './texts.ts';

/** An admin's publishing rules: whether community managers' posts need approval, and the coach's target rhythm. */
export function PublishingSettingsForm({ settings, onSaved }: { settings: PublishingSettings; onSaved: (settings: PublishingSettings) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [approval, setApproval] = useState(settings.approvalRequired);
  const [rhythm, setRhythm] = useState(settings.rhythm);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setPending(true);
    setError(null);
    try {
      onSaved(await savePublishingSettingsApi({ approvalRequired: approval, rhythm }));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="pub-settings" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="pub-settings">
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      <label className="pub-override-toggle"><input type="checkbox" checked={approval} onChange={(e) => setApproval(e.target.checked)} data-testid="pub-approval-required" />{t('composer.pub.approvalOn')}</label>
      <p className="muted">{t('pub.rhythm')}</p>
      {NETWORKS.map((n) => (
        <label key={n} className="pub-override-toggle">
          <input type="number" min={1} max={20} value={rhythm[n]} onChange={(e) => setRhythm({ ...rhythm, [n]: Math.max(1, Math.min(20, Number(e.target.value) || 1)) })} />
          {t(`network.${n}`)}
        </label>
      ))}
      <Button type="submit" pending={pending}>{t('common.save')}</Button>
    </form>
  );
}
