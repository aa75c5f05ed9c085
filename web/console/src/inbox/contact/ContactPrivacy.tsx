import { useState } from 'react';
import { eraseContact, exportContact, setOptOut } from '../../api/commerce.ts';
import { useMe } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { errorText } from '../../ui/error-text.ts';
import { downloadJson as download } from '../../ui/download-json.ts';
import { can } from '../../../../../src/contracts/permissions.ts';

/**
 * The customer's personal data: every agent records an opt-out; admins export everything
 * (a JSON download) or erase the contact everywhere, after a confirmation. Both are audited.
 */
export function ContactPrivacy({ contactId, onErased }: { contactId: string; onErased: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [busy, setBusy] = useState<'export' | 'erase' | 'opt-out'>();
  const [result, setResult] = useState<{ ok: true; message: string } | { ok: false; error: unknown }>();
  const run = async (what: 'export' | 'erase' | 'opt-out', action: () => Promise<string>) => {
    setBusy(what);
    try {
      setResult({ ok: true, message: await action() });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className="panel-section" aria-labelledby={`privacy-${contactId}`} data-testid="contact-privacy">
      <h4 id={`privacy-${contactId}`}>{t('privacy.title')}</h4>
      <Button variant="ghost" pending={busy === 'opt-out'} onClick={() => void run('opt-out', async () => { await setOptOut(contactId, true); return t('privacy.optedOut'); })} data-testid="contact-opt-out">
        {t('privacy.optOut')}
      </Button>
      {can(me.role, 'channels.manage') && (
        <div className="privacy-actions">
          <Button pending={busy === 'export'} onClick={() => void run('export', async () => { download(`relais-contact-${contactId}.json`, await exportContact(contactId)); return t('privacy.exported'); })} data-testid="contact-export">
            {t('privacy.export')}
          </Button>
          <p className="muted">{t('privacy.eraseHint')}</p>
          <ConfirmButton label={t('privacy.erase')} confirmLabel={t('privacy.eraseConfirm')} pending={busy === 'erase'}
            onConfirm={() => void run('erase', async () => { await eraseContact(contactId); onErased(); return t('privacy.erased'); })} />
        </div>
      )}
      {result?.ok === true && <Alert tone="success">{result.message}</Alert>}
      {result?.ok === false && <Alert tone="error">{errorText(result.error, i18n)}</Alert>}
    </section>
  );
}
