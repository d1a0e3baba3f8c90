import { gmailSite } from './gmail/gmail';
import type { MailSite } from './mail-site';
import { outlookSite } from './outlook/outlook';

export const mailSites: readonly MailSite[] = [gmailSite, outlookSite];

/** The site adapter for a page URL, or undefined for pages SoloDesk does not read. */
export function siteForUrl(url: URL): MailSite | undefined {
  return mailSites.find((site) => site.matchesHost(url));
}
