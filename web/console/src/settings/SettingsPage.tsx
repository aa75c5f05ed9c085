import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../router/Link.tsx';
import type { SettingsSection } from '../router/router.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { CannedRepliesSettings } from './CannedRepliesSettings.tsx';
import { ChannelsSettings } from './ChannelsSettings.tsx';
import { DeliveriesSettings } from './DeliveriesSettings.tsx';
import { LabelsSettings } from './LabelsSettings.tsx';
import { TeamModelSettings } from './TeamModelSettings.tsx';
import { BusinessHoursSettings } from './BusinessHoursSettings.tsx';
import { SlaSettings } from './SlaSettings.tsx';
import { TeamsSettings } from './TeamsSettings.tsx';
import { allowedSections, canPublish } from './sections.ts';
import { CharterSettings } from './automation/CharterSettings.tsx';
import { RulesSettings } from './automation/RulesSettings.tsx';
import { VoiceSettingsForm } from './automation/VoiceSettingsForm.tsx';
import { RecoverySettings } from './RecoverySettings.tsx';
import { AttributionReport } from './AttributionReport.tsx';
import { PrivacyExports } from './PrivacyExports.tsx';
import { RetentionSettings } from './RetentionSettings.tsx';
import { ModerationRegister } from './ModerationRegister.tsx';
import { AuditLog } from './AuditLog.tsx';
import { ApiTokensSettings } from './ApiTokensSettings.tsx';
import { WebhooksSettings } from './WebhooksSettings.tsx';
import './settings.css';

/** "Réglages": labels and canned replies (community managers too), channels, parked deliveries and the team's model (admins). */
export function SettingsPage({ section }: { section: SettingsSection }) {
  const { t } = useI18n();
  const me = useMe();
  const sections = allowedSections(me.role);
  useDocumentTitle(t(`settings.${section}`));
  const allowed = sections.includes(section);

  return (
    <div className="page page-wide settings">
      <header className="page-head">
        <h1>{t('settings.title')}</h1>
        <p><Link href="/contests" data-testid="nav-contests">{t('contests.title')} →</Link>
          {canPublish(me.role) && <>{' · '}<Link href="/publishing" data-testid="nav-publishing">{t('nav.publishing')} →</Link></>}</p>
      </header>
      <div className="settings-grid">
        <nav className="settings-nav" aria-label={t('settings.title')}>
          <ul>
            {sections.map((s) => <li key={s}><Link href={`/settings/${s}`} current={s === section} data-testid={`settings-${s}`}>{t(`settings.${s}`)}</Link></li>)}
          </ul>
        </nav>
        <div className="settings-body">
          {!allowed && <p className="muted" data-testid="settings-forbidden">{t('settings.forbidden')}</p>}
          {allowed && section === 'labels' && <LabelsSettings />}
          {allowed && section === 'canned-replies' && <CannedRepliesSettings />}
          {allowed && section === 'channels' && <ChannelsSettings />}
          {allowed && section === 'deliveries' && <DeliveriesSettings />}
          {allowed && section === 'model' && <TeamModelSettings />}
          {allowed && section === 'rules' && <RulesSettings />}
          {allowed && section === 'charter' && <CharterSettings />}
          {allowed && section === 'voice' && <VoiceSettingsForm />}
          {allowed && section === 'hours' && <BusinessHoursSettings />}
          {allowed && section === 'sla' && <SlaSettings />}
          {allowed && section === 'teams' && <TeamsSettings />}
          {allowed && section === 'recovery' && <RecoverySettings />}
          {allowed && section === 'attribution' && <AttributionReport />}
          {allowed && section === 'moderation' && <ModerationRegister />}
          {allowed && section === 'audit' && <AuditLog />}
          {allowed && section === 'tokens' && <ApiTokensSettings />}
          {allowed && section === 'webhooks' && <WebhooksSettings />}
          {allowed && section === 'privacy' && <><RetentionSettings /><PrivacyExports /></>}
        </div>
      </div>
    </div>
  );
}
