export const META_DEFAULT_API_BASE = 'https://graph.facebook.com/v19.0';
