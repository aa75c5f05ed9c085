import { useEffect, useState } from 'react';
import {
  approvePostApi, boardsApi, createPostApi, deletePostApi, getPostApi, schedulePostApi, sendBackPostApi, updatePostApi, type NewPost, type PostView,
} from '../api/publishing.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { wallClock } from './calendar-dates.ts';
import { DealFields, dealInput, emptyDeal, type DealDraft } from './DealFields.tsx';
import { MediaPicker } from './MediaPicker.tsx';
import { PostPreview } from './PostPreview.tsx';
import { CHANNEL_KIND, COUNTER_LIMIT, coachText, NETWORKS, validationText } from './texts.ts';
import type { ChannelChoice, PublishNetwork } from './types.ts';
import { usePostChecks } from './use-post-checks.ts';

export interface ComposerStart {
  postId: string | null;
  networks?: PublishNetwork[];
  /** Local `YYYY-MM-DDTHH:mm` in the workspace's zone. */
  at?: string;
}

interface Props {
  start: ComposerStart;
  channels: ChannelChoice[];
  timezone: string;
  canApprove: boolean;
  approvalRequired: boolean;
  onDone: () => void;
}

interface Draft {
  networks: PublishNetwork[];
  text: string;
  overrides: Partial<Record<PublishNetwork, string>>;
  mediaIds: string[];
  link: string;
  campaign: string;
  title: string;
  boardId: string;
  at: string;
  deal: DealDraft | null;
}

const READ_ONLY = new Set(['publishing', 'published', 'deleted']);

function draftOf(post: PostView, timezone: string): Draft {
  const shared = post.versions[0]?.text ?? '';
  const overrides: Draft['overrides'] = {};
  for (const v of post.versions) if (v.text !== shared) overrides[v.network] = v.text;
  const pin = post.versions.find((v) => v.network === 'pinterest');
  const at = post.scheduledAt === null ? '' : (({ day, time }) => `${day}T${time}`)(wallClock(post.scheduledAt, timezone));
  const deal = post.deal as (Omit<DealDraft, 'value' | 'kind'> & { percent: number | null; amountCents: number | null }) | null;
  return {
    networks: post.versions.map((v) => v.network), text: shared, overrides, mediaIds: post.versions[0]?.mediaIds ?? [], link: post.link ?? '', campaign: post.campaign ?? '',
    title: pin?.title ?? '', boardId: pin?.boardId ?? '', at,
    deal: deal ? { ...deal, kind: deal.percent !== null ? 'percent' : 'amount', value: String(deal.percent ?? (deal.amountCents ?? 0) / 100), startsAt: deal.startsAt ?? '' } : null,
  };
}

/**
 * Writes one post for several networks at once: a shared text with a text of its own per
 * network where wanted, images from the media library, a link, the Pinterest board, a deal.
 * Each network's rules are checked live against the server as the author types; the coach
 * speaks when a time is chosen. Then: save, schedule (or submit for approval), approve or
 * send back.
 */
export function Composer({ start, channels, timezone, canApprove, approvalRequired, onDone }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [postId, setPostId] = useState<string | null>(start.postId);
  const [post, setPost] = useState<PostView | null>(null);
  const [draft, setDraft] = useState<Draft>({
    networks: start.networks ?? [], text: '', overrides: {}, mediaIds: [], link: '', campaign: '', title: '', boardId: '', at: start.at ?? '', deal: null,
  });
  const [boards, setBoards] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [comment, setComment] = useState('');

  const channelFor = (network: PublishNetwork) => channels.find((c) => c.kind === CHANNEL_KIND[network]);
  const pinterest = channelFor('pinterest');
  const shops = channels.filter((c) => c.kind === 'shopify' || c.kind === 'woocommerce');

  useEffect(() => {
    if (!start.postId) return;
    void getPostApi(start.postId).then((loaded) => {
      setPost(loaded);
      setDraft(draftOf(loaded, timezone));
    }, setError);
  }, [start.postId, timezone]);
  useEffect(() => {
    if (pinterest && draft.networks.includes('pinterest')) void boardsApi(pinterest.id).then((answer) => setBoards(answer.boards), () => setBoards([]));
  }, [pinterest, draft.networks]);

  const textOf = (network: PublishNetwork) => draft.overrides[network] ?? draft.text;
  const checks = usePostChecks({
    networks: draft.networks, textOf, mediaIds: draft.mediaIds, link: draft.link.trim() || null, title: draft.title || null, boardId: draft.boardId || null,
    facebookChannelId: channelFor('facebook')?.id, at: draft.at, postId: postId ?? undefined,
  });
  const readOnly = post !== null && (READ_ONLY.has(post.status) || post.versions.some((v) => v.status === 'published'));
  const invalid = draft.networks.some((n) => checks.results[n] && !checks.results[n].valid);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const [networksChosen, setNetworksChosen] = useState(false);
  const toggleNetwork = (network: PublishNetwork) => {
    setNetworksChosen(true);
    set({ networks: draft.networks.includes(network) ? draft.networks.filter((n) => n !== network) : NETWORKS.filter((n) => n === network || draft.networks.includes(n)) });
  };
  // A new post opened (n) before the page had its channels: the first network with one, as the
  // page gives once they are known, unless the author has chosen meanwhile.
  const firstWithChannel = NETWORKS.find((n) => channelFor(n));
  useEffect(() => {
    if (start.postId || networksChosen || !firstWithChannel) return;
    setDraft((d) => (d.networks.length === 0 ? { ...d, networks: [firstWithChannel] } : d));
  }, [start.postId, networksChosen, firstWithChannel]);

  const body: NewPost = {
    campaign: draft.campaign.trim() || null,
    link: draft.link.trim() || null,
    scheduledAt: draft.at || null,
    deal: draft.deal ? dealInput(draft.deal) : null,
    versions: draft.networks.map((network) => ({
      network, channelId: channelFor(network)?.id ?? '', text: textOf(network), mediaIds: draft.mediaIds,
      ...(network === 'pinterest' ? { title: draft.title || null, boardId: draft.boardId || null } : {}),
    })),
  };

  const run = async (what: string, action: () => Promise<PostView | void>, close = true) => {
    setPending(what);
    setError(null);
    setNotice(null);
    try {
      const answer = await action();
      if (answer) {
        setPost(answer);
        setPostId(answer.id);
      }
      if (close) onDone();
      else setNotice(t('composer.pub.saved'));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };
  const save = async (): Promise<PostView> => {
    if (postId) return updatePostApi(postId, body);
    const created = await createPostApi(body);
    setPostId(created.id);
    return created;
  };
  const schedule = () => run('schedule', async () => {
    const saved = await save();
    return schedulePostApi(saved.id);
  });
  const approve = () => run('approve', async () => approvePostApi((await save()).id));
  const sendBack = () => run('sendBack', async () => (postId ? sendBackPostApi(postId, comment) : undefined));
  const remove = () => run('delete', async () => (postId ? deletePostApi(postId) : undefined));
  const pendingReview = post?.status === 'pending_approval';

  return (
    <div className="pub-composer" data-testid="pub-composer">
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      {post?.approval === 'changes_requested' && post.reviewComment && <Alert tone="info">{t('composer.pub.changesRequested', { comment: post.reviewComment })}</Alert>}
      {readOnly && <Alert tone="info">{t('composer.pub.readOnly')}</Alert>}
      {post?.versions.filter((v) => v.failure).map((v) => <Alert key={v.id} tone="error">{t('composer.pub.failure', { network: t(`network.${v.network}`), reason: v.failure!.reason })}</Alert>)}
      <div className="pub-composer-grid">
        <fieldset className="pub-composer-main" disabled={readOnly}>
          <fieldset className="pub-networks">
            <legend>{t('composer.pub.networks')}</legend>
            {NETWORKS.map((network) => (
              <label key={network} className="pub-network-choice">
                <input type="checkbox" checked={draft.networks.includes(network)} onChange={() => toggleNetwork(network)} disabled={!channelFor(network)} data-testid={`pub-network-${network}`} />
                {t(`network.${network}`)} {!channelFor(network) && <span className="muted">({t('composer.pub.noChannel')})</span>}
              </label>
            ))}
          </fieldset>
          <label className="field">{t('composer.pub.text')}
            <textarea rows={5} value={draft.text} onChange={(e) => set({ text: e.target.value })} data-testid="pub-text" />
          </label>
          {draft.networks.map((network) => {
            const result = checks.results[network];
            const own = draft.overrides[network] !== undefined;
            return (
              <section key={network} className="pub-network-box" data-testid={`pub-check-${network}`} data-valid={result ? String(result.valid) : 'pending'}>
                <header>
                  <strong>{t(`network.${network}`)}</strong>
                  <span className={result && result.length > COUNTER_LIMIT[network] ? 'pub-counter pub-counter-over' : 'pub-counter'} data-testid={`pub-counter-${network}`}>
                    {t('composer.pub.counter', { length: result?.length ?? 0, limit: COUNTER_LIMIT[network] })}
                  </span>
                  <span className={result?.valid ? 'badge badge-ok' : 'badge'}>{checks.checking || !result ? t('composer.pub.checking') : result.valid ? t('composer.pub.valid') : '✗'}</span>
                </header>
                <label className="pub-override-toggle">
                  <input type="checkbox" checked={own} data-testid={`pub-override-toggle-${network}`}
                    onChange={() => set({ overrides: { ...draft.overrides, [network]: own ? undefined : draft.text } })} />
                  {t('composer.pub.overrideToggle', { network: t(`network.${network}`) })}
                </label>
                {own && (
                  <label className="field">{t('composer.pub.override', { network: t(`network.${network}`) })}
                    <textarea rows={3} value={draft.overrides[network]} onChange={(e) => set({ overrides: { ...draft.overrides, [network]: e.target.value } })} data-testid={`pub-override-${network}`} />
                  </label>
                )}
                {result && result.errors.length > 0 && (
                  <ul className="pub-errors" role="alert" data-testid={`pub-errors-${network}`}>
                    {result.errors.map((e) => <li key={e.code}>{validationText(e, t)}</li>)}
                  </ul>
                )}
              </section>
            );
          })}
          <MediaPicker selected={draft.mediaIds} onChange={(mediaIds) => set({ mediaIds })} />
          <div className="pub-row">
            <label className="field">{t('composer.pub.link')}<input type="url" value={draft.link} onChange={(e) => set({ link: e.target.value })} maxLength={2048} data-testid="pub-link" /></label>
            <label className="field">{t('composer.pub.campaign')}<input value={draft.campaign} onChange={(e) => set({ campaign: e.target.value })} maxLength={80} data-testid="pub-campaign" /></label>
          </div>
          {draft.networks.includes('pinterest') && (
            <div className="pub-row">
              <label className="field">{t('composer.pub.board')}
                <select value={draft.boardId} onChange={(e) => set({ boardId: e.target.value })} data-testid="pub-board">
                  <option value="">{t('composer.pub.boardPick')}</option>
                  {boards.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
                </select>
              </label>
              <label className="field">{t('composer.pub.pinTitle')}<input value={draft.title} onChange={(e) => set({ title: e.target.value })} maxLength={200} data-testid="pub-pin-title" /></label>
            </div>
          )}
          <label className="field">{t('composer.pub.when')}
            <input type="datetime-local" value={draft.at} onChange={(e) => set({ at: e.target.value })} data-testid="pub-when" />
          </label>
          <label className="pub-override-toggle">
            <input type="checkbox" checked={draft.deal !== null} onChange={() => set({ deal: draft.deal ? null : emptyDeal(shops[0]?.id ?? '') })} data-testid="pub-deal-toggle" />
            {t('composer.pub.deal')}
          </label>
          {draft.deal && <DealFields deal={draft.deal} shops={shops} onChange={(deal) => set({ deal })} />}
        </fieldset>
        <aside className="pub-composer-side">
          {checks.warnings.length > 0 && (
            <section className="pub-coach" aria-label={t('composer.pub.coach')} data-testid="pub-coach">
              <h3>{t('composer.pub.coach')}</h3>
              <ul>{checks.warnings.map((w) => <li key={`${w.network}:${w.code}`} data-code={w.code}>{coachText(w, t)}</li>)}</ul>
            </section>
          )}
          {draft.networks.map((network) => (
            <PostPreview key={network} network={network} text={textOf(network)} link={draft.link} title={draft.title} mediaIds={draft.mediaIds}
              version={post?.versions.find((v) => v.network === network)} />
          ))}
        </aside>
      </div>
      <div className="pub-composer-actions">
        {draft.networks.length === 0 && <p className="muted">{t('composer.pub.pickNetwork')}</p>}
        {invalid && <p className="field-error">{t('composer.pub.fixFirst')}</p>}
        {!readOnly && !pendingReview && (
          <>
            <Button onClick={() => void run('save', save, false)} pending={pending === 'save'} disabled={draft.networks.length === 0} data-testid="pub-save">{t('composer.pub.saveDraft')}</Button>
            {(post === null || post.status === 'draft' || post.status === 'failed') && (
              <Button variant="primary" onClick={() => void schedule()} pending={pending === 'schedule'} disabled={draft.networks.length === 0 || invalid || checks.checking} data-testid="pub-schedule">
                {approvalRequired && !canApprove ? t('composer.pub.submit') : t('composer.pub.schedule')}
              </Button>
            )}
          </>
        )}
        {pendingReview && canApprove && (
          <div className="pub-review" data-testid="pub-review">
            <Button variant="primary" onClick={() => void approve()} pending={pending === 'approve'} disabled={invalid} data-testid="pub-approve">{t('composer.pub.approve')}</Button>
            <label className="field">{t('composer.pub.reviewComment')}<textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} data-testid="pub-review-comment" /></label>
            <Button onClick={() => void sendBack()} pending={pending === 'sendBack'} disabled={!comment.trim()} data-testid="pub-send-back">{t('composer.pub.sendBack')}</Button>
          </div>
        )}
        {postId && !readOnly && <Button variant="danger" onClick={() => void remove()} pending={pending === 'delete'} data-testid="pub-delete">{t('composer.pub.delete')}</Button>}
      </div>
    </div>
  );
}
