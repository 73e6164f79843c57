/** Path segments that name one item rather than a route: numbers, UUIDs, long hex or mixed tokens. */
const ID_SEGMENT = [
  /^\d+$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^(?=.*\d)[0-9a-f]{8,}$/i,
  /^(?=.*\d)(?=.*[a-z])[A-Za-z0-9_-]{16,}$/i,
];

/** `/users/42/orders/9f1c…` → `/users/{id}/orders/{id}`: the route a request belongs to. */
export function routeTemplate(path: string): string {
  const segments = path
    .split('/')
    .map((segment) => (ID_SEGMENT.some((pattern) => pattern.test(segment)) ? '{id}' : segment));
  return segments.join('/') || '/';
}
