import { z } from 'zod';

/**
 * The fields of each target's format that faultline writes, as zod schemas (strict: an unknown or
 * misspelt field fails). Written from the published definitions:
 * - Toxiproxy: the HTTP API's proxy and toxic objects (github.com/Shopify/toxiproxy, README "Toxics").
 * - Istio: networking.istio.io/v1 VirtualService, `HTTPRoute.fault` (HTTPFaultInjection: `delay.fixedDelay`,
 *   `abort.httpStatus`, each with `percentage.value` 0–100), from istio.io's VirtualService reference.
 * - Chaos Mesh: chaos-mesh.org/v1alpha1 HTTPChaos and Workflow, from chaos-mesh/chaos-mesh
 *   config/crd/bases/chaos-mesh.org_httpchaos.yaml and chaos-mesh.org_workflows.yaml.
 */
const percent = z.number().min(0).max(100);
const goDuration = z.string().regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, 'a Go duration such as 150ms');
const name = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a DNS-1123 name')
  .max(63);

const toxicBase = {
  name: z.string().min(1),
  stream: z.enum(['upstream', 'downstream']),
  toxicity: z.number().min(0).max(1),
};
export const toxicSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...toxicBase,
    type: z.literal('latency'),
    attributes: z.strictObject({ latency: z.number().int().min(0), jitter: z.number().int().min(0) }),
  }),
  z.strictObject({
    ...toxicBase,
    type: z.literal('timeout'),
    attributes: z.strictObject({ timeout: z.number().int().min(0) }),
  }),
  z.strictObject({
    ...toxicBase,
    type: z.literal('reset_peer'),
    attributes: z.strictObject({ timeout: z.number().int().min(0) }),
  }),
  z.strictObject({
    ...toxicBase,
    type: z.literal('bandwidth'),
    attributes: z.strictObject({ rate: z.number().int().min(0) }),
  }),
  z.strictObject({
    ...toxicBase,
    type: z.literal('slicer'),
    attributes: z.strictObject({
      average_size: z.number().int().min(0),
      size_variation: z.number().int().min(0),
      delay: z.number().int().min(0),
    }),
  }),
  z.strictObject({
    ...toxicBase,
    type: z.literal('limit_data'),
    attributes: z.strictObject({ bytes: z.number().int().min(0) }),
  }),
]);
export const toxiproxySchema = z.strictObject({
  proxy: z.strictObject({
    name: z.string().min(1),
    listen: z.string().min(1),
    upstream: z.string().min(1),
    enabled: z.boolean(),
  }),
  /** Toxiproxy has no timeline: POST each phase's toxics to /proxies/{name}/toxics at its time. */
  phases: z.array(
    z.strictObject({
      name: z.string().min(1),
      from: goDuration,
      to: goDuration.optional(),
      enabled: z.boolean(),
      toxics: z.array(toxicSchema),
    }),
  ),
});

const stringMatch = z.union([
  z.strictObject({ exact: z.string() }),
  z.strictObject({ prefix: z.string() }),
  z.strictObject({ regex: z.string() }),
]);
const httpFault = z
  .strictObject({
    delay: z
      .strictObject({ fixedDelay: goDuration, percentage: z.strictObject({ value: percent }) })
      .optional(),
    abort: z
      .strictObject({
        httpStatus: z.number().int().min(200).max(599),
        percentage: z.strictObject({ value: percent }),
      })
      .optional(),
  })
  .refine(
    (fault) => fault.delay !== undefined || fault.abort !== undefined,
    'a fault needs a delay or an abort',
  );
export const virtualServiceSchema = z.strictObject({
  apiVersion: z.literal('networking.istio.io/v1'),
  kind: z.literal('VirtualService'),
  metadata: z.strictObject({
    name,
    namespace: name,
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: z.strictObject({
    hosts: z.array(z.string().min(1)).min(1),
    http: z.array(
      z.strictObject({
        name: z.string().optional(),
        match: z.array(z.strictObject({ uri: stringMatch })).optional(),
        fault: httpFault.optional(),
        route: z.array(z.strictObject({ destination: z.strictObject({ host: z.string().min(1) }) })).min(1),
      }),
    ),
  }),
});

export const httpChaosSpecSchema = z.strictObject({
  mode: z.enum(['one', 'all', 'fixed', 'fixed-percent', 'random-max-percent']),
  selector: z.strictObject({
    namespaces: z.array(z.string()).optional(),
    labelSelectors: z.record(z.string(), z.string()).optional(),
  }),
  target: z.enum(['Request', 'Response']),
  port: z.number().int().min(1).max(65_535).optional(),
  path: z.string().optional(),
  method: z.string().optional(),
  delay: goDuration.optional(),
  abort: z.boolean().optional(),
  replace: z
    .strictObject({
      code: z.number().int().optional(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.base64().optional(),
    })
    .optional(),
  duration: goDuration.optional(),
});
const workflowTemplate = z.discriminatedUnion('templateType', [
  z.strictObject({
    name,
    templateType: z.literal('Serial'),
    deadline: goDuration.optional(),
    children: z.array(name).min(1),
  }),
  z.strictObject({
    name,
    templateType: z.literal('Parallel'),
    deadline: goDuration.optional(),
    children: z.array(name).min(1),
  }),
  z.strictObject({ name, templateType: z.literal('Suspend'), deadline: goDuration }),
  z.strictObject({
    name,
    templateType: z.literal('HTTPChaos'),
    deadline: goDuration.optional(),
    httpChaos: httpChaosSpecSchema,
  }),
]);
export const workflowSchema = z
  .strictObject({
    apiVersion: z.literal('chaos-mesh.org/v1alpha1'),
    kind: z.literal('Workflow'),
    metadata: z.strictObject({ name, namespace: name }),
    spec: z.strictObject({ entry: name, templates: z.array(workflowTemplate).min(1) }),
  })
  .refine((w) => {
    const names = new Set(w.spec.templates.map((t) => t.name));
    return (
      names.has(w.spec.entry) &&
      w.spec.templates.every((t) => !('children' in t) || t.children.every((c) => names.has(c)))
    );
  }, 'entry and children must name templates of the workflow');
