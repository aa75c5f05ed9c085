import { useState } from 'react';
import type { Attachment } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { isImage, safeHttpUrl } from './safe-url.ts';

/**
 * Attachments shown safely: an image only from an http(s) URL, loaded without a referrer so
 * the platform's CDN never learns where Relais runs; any other file as a plain link opened
 * in a new tab without access to this page; anything else named, never followed.
 */
export function Attachments({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments">
      {attachments.map((attachment, index) => <li key={index}><AttachmentItem attachment={attachment} /></li>)}
    </ul>
  );
}

function AttachmentItem({ attachment }: { attachment: Attachment }) {
  const { t } = useI18n();
  const [broken, setBroken] = useState(false);
  const url = safeHttpUrl(attachment.url);
  const name = attachment.name || t('thread.attachment', { type: attachment.type });
  if (!url) return <span className="attachment-file muted">{name}</span>;
  if (isImage(attachment.type) && !broken) {
    return (
      <a href={url} target="_blank" rel="noopener noreferrer" className="attachment-image">
        <img src={url} alt={attachment.name || t('thread.image')} referrerPolicy="no-referrer" loading="lazy" onError={() => setBroken(true)} />
      </a>
    );
  }
  return <a href={url} target="_blank" rel="noopener noreferrer" className="attachment-file">{name}</a>;
}
