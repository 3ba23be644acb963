/** Where the page keeps its launch token for reloads (per tab). */
export const TOKEN_KEY = 'stancebook.token';

/** The launch token: from the page's address (?token=), else the one this tab kept; '' when none. */
export function launchToken(href: string, session: Pick<Storage, 'getItem'> | null): string {
  const fromUrl = new URL(href).searchParams.get('token');
  if (fromUrl) return fromUrl;
  try {
    return session?.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}
