/**
 * A registry link, shown as text: the app opens no external pages from its own content
 * (navigation is denied), so the address is there to read or copy.
 */
export function ExternalLink({ url }: { url: string }) {
  return url ? <code className="risk-link" title={url}>{url}</code> : null;
}
