/** Facts about the site itself that several pages show. */
export const siteUrl = process.env.SITE_URL ?? 'https://docs.factuarea.com';
export const apiBaseUrl = 'https://api.factuarea.com/v1';
export const betaAccessEmail = 'info@factuarea.com';
