import { useI18n } from '../i18n/index.ts';
import { knownMedia, mediaPath } from './media.ts';
import type { PostView, PublishNetwork } from './types.ts';

/**
 * Roughly how the post will look on each network: X carries the text with the link
 * appended (its images are not sent, see ADR 0014), Pinterest a title over the image,
 * Instagram the image first. Once out, the link to the platform's post.
 */
export function PostPreview({ network, text, link, title, mediaIds, version }: {
  network: PublishNetwork; text: string; link: string; title: string; mediaIds: string[]; version: PostView['versions'][number] | undefined;
}) {
  const { t } = useI18n();
  const shown = network === 'x' && link && !text.includes(link) ? `${text} ${link}`.trim() : text;
  const image = network !== 'x' ? mediaIds[0] : undefined;
  return (
    <article className={`pub-preview pub-preview-${network}`} aria-label={t('composer.pub.preview', { network: t(`network.${network}`) })} data-testid={`pub-preview-${network}`}>
      <header>
        <span className={`pub-net pub-net-${network}`} aria-hidden="true">{network === 'instagram' ? 'IG' : network[0]!.toUpperCase()}</span>
        <strong>{t(`network.${network}`)}</strong>
        {version && <span className={`pub-status pub-status-${version.status}`} data-testid={`pub-version-status-${network}`}>{t(`status.${version.status}`)}</span>}
      </header>
      {network === 'instagram' && image && <MediaThumb id={image} />}
      {network === 'pinterest' && image && <MediaThumb id={image} />}
      {network === 'pinterest' && title && <h4>{title}</h4>}
      <p className="pub-preview-text">{shown}</p>
      {network === 'facebook' && image && <MediaThumb id={image} />}
      {network === 'facebook' && link && !text.includes(link) && <p className="pub-preview-link">{link}</p>}
      {version?.permalink && <a href={version.permalink} target="_blank" rel="noreferrer noopener">{t('composer.pub.permalink', { network: t(`network.${network}`) })}</a>}
    </article>
  );
}

/** The library's thumbnail of an image, by its id, served on this origin. */
function MediaThumb({ id }: { id: string }) {
  return <div className="pub-preview-image" data-media={id}><MediaImage id={id} /></div>;
}

function MediaImage({ id }: { id: string }) {
  const url = knownMedia.get(id);
  return url ? <img src={mediaPath(url)} alt="" /> : <span className="pub-preview-placeholder" aria-hidden="true">▣</span>;
}
