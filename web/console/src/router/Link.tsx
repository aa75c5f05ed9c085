import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate, useLocation } from './router.ts';

/**
 * A real link (middle-click and copy work) that navigates in place on a plain click.
 * `current` overrides the path comparison when the query decides (inbox views).
 */
export function Link({ href, onClick, current, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; current?: boolean }) {
  const here = useLocation().split('?')[0];
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a {...rest} href={href} onClick={handle} aria-current={(current ?? here === href.split('?')[0]) ? 'page' : undefined} />;
}
